"""The corpus's works: ``corpus/works/<name>/work.toml`` plus one text file per language.

    >>> works = load_works(Path(__file__).resolve().parent.parent / "corpus")
    >>> works["law-88-V"].uri, sorted(works["law-88-V"].texts)
    ('/akn/kz/act/2013-04-15/88-V', ['eng', 'kaz', 'rus'])
    >>> works["order-78"].doctype
    'order'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import inside, read_config
from .errors import SourceError, UnknownWork
from .languages import GRAMMARS
from .schemas import WORK

DOCTYPES = ("law", "order", "resolution")


@dataclass(frozen=True)
class TextSource:
    """One language's text of a work: where it is, whether original or consolidated, whence.

    ``edition`` is the official edition's label (the database's ``version_date``) when the text
    is one of the work's ``[[editions]]``; None for a seed text (``[texts.<lang>]``).
    """

    lang: str
    path: Path
    state: str                  # original | consolidated
    origin: str = ""
    settings: dict = field(default_factory=dict, hash=False, compare=False)   # the raw [texts.<lang>] table
    edition: dt.date | None = None
    url: str | None = None      # the official source of this text, when known

    @property
    def format(self) -> str:
        """"mirror-md" for the public mirror's markdown (``.md``), else "text"."""
        return "mirror-md" if self.path.suffix.lower() == ".md" else "text"

    @property
    def name(self) -> str:
        """How messages and pages name this text: "rus", or "rus@2018-06-13" for an edition."""
        return f"{self.lang}@{self.edition.isoformat()}" if self.edition else self.lang


@dataclass(frozen=True)
class Edition:
    """One official edition of a work: its label (not an effective date), its cause, its texts.

    >>> e = Edition(dt.date(2018, 6, 13), "Закон Республики Казахстан от 13 июня 2018 года № 160-VІ ЗРК", {})
    >>> e.caused_by_number
    '160-VI'
    """

    label: dt.date
    caused_by: str | None
    texts: dict[str, TextSource]
    imported_from: str = ""

    @property
    def caused_by_number(self) -> str | None:
        """The number of the act that caused the edition, Latin numerals ("№ 160-VІ ЗРК" → "160-VI")."""
        m = re.search(r"№\s*([0-9]+-[IVXLІ]+)", self.caused_by or "")
        return m.group(1).replace("І", "I") if m else None


@dataclass(frozen=True)
class Work:
    """A work (an act in the abstract) and its texts."""

    name: str
    uri: str
    doctype: str
    date: dt.date
    number: str
    titles: dict[str, str]
    texts: dict[str, TextSource]
    issuing_body: str | None = None
    registration: dict | None = None
    folder: Path | None = None
    raw: dict = field(default_factory=dict, hash=False, compare=False)
    editions: tuple[Edition, ...] = ()

    def __hash__(self) -> int:
        return hash((self.uri, tuple(sorted((lang, str(t.path)) for lang, t in self.texts.items())),
                     tuple(e.label for e in self.editions)))

    def all_texts(self) -> list[TextSource]:
        """Every text of the work: the seed texts, then each edition's, oldest edition first."""
        return list(self.texts.values()) + [t for e in sorted(self.editions, key=lambda e: e.label)
                                             for t in e.texts.values()]

    def latest_edition(self, lang: str) -> TextSource | None:
        """The newest edition's text in ``lang`` (the current text), if the work has editions."""
        found = [e.texts[lang] for e in sorted(self.editions, key=lambda e: e.label) if lang in e.texts]
        return found[-1] if found else None

    @property
    def date_known(self) -> bool:
        return self.date != dt.date.min

    def source(self, lang: str) -> TextSource:
        if lang not in self.texts:
            raise UnknownWork(f"{self.name} has no {lang!r} text; it has: {', '.join(sorted(self.texts))}")
        return self.texts[lang]

    @classmethod
    def adhoc(cls, path: Path, lang: str, doctype: str) -> Work:
        """A work for a text file outside the corpus (its date and number unknown)."""
        stem = path.stem.replace(" ", "-") or "text"
        sub = "" if doctype == "law" else f"/{doctype}"
        return cls(name=stem, uri=f"/akn/kz/act{sub}/0001-01-01/{stem}", doctype=doctype, date=dt.date.min,
                   number=stem, titles={}, texts={lang: TextSource(lang, path, "unknown", str(path))})


def load_work(folder: Path, corpus: Path | None = None) -> Work:
    """One work from ``folder/work.toml``, checked by its schema (``akn_schema.schemas.WORK``:
    every error names the file, line and key); every text file it names, seed or edition, must
    stay inside the corpus (by default, ``folder``'s grandparent)."""
    toml_path = folder / "work.toml"
    doc = read_config(toml_path, WORK)
    raw = doc.data
    corpus = Path(corpus) if corpus is not None else folder.parent.parent

    def located(spec: dict, key: tuple) -> Path:
        path = folder / spec["file"]
        if not inside(path, corpus):
            raise doc.error((*key, "file"), f"resolves outside the corpus ({corpus}): {spec['file']}")
        return path

    texts = {}
    for lang, spec in raw.get("texts", {}).items():
        if lang not in GRAMMARS:
            raise doc.error(("texts", lang), f"is not a known language; known: {', '.join(GRAMMARS)}")
        texts[lang] = TextSource(lang, located(spec, ("texts", lang)), spec.get("state", "unknown"),
                                 spec.get("origin", ""), dict(spec), url=spec.get("url"))
    editions = []
    for i, entry in enumerate(raw.get("editions", [])):
        label = entry["label"]
        etexts = {}
        for lang, spec in entry.get("texts", {}).items():
            etexts[lang] = TextSource(lang, located(spec, ("editions", i, "texts", lang)), "consolidated",
                                      entry.get("imported_from", ""), dict(spec), edition=label,
                                      url=spec.get("url"))
        editions.append(Edition(label, entry.get("caused_by"), etexts, entry.get("imported_from", "")))
    return Work(name=raw["name"], uri=raw["uri"], doctype=raw["type"], date=raw["date"],
                number=str(raw["number"]), titles=dict(raw.get("titles", {})), texts=texts,
                issuing_body=raw.get("issuing_body"), registration=raw.get("registration"),
                folder=folder, raw=raw, editions=tuple(sorted(editions, key=lambda e: e.label)))


def load_works(corpus: Path) -> dict[str, Work]:
    """Every work under ``corpus/works``, by short name, in name order.

    A missing ``works`` folder, a folder without works, and two works with the same name or URI
    are errors (never a silently empty or shadowed corpus)."""
    root = Path(corpus) / "works"
    if not root.is_dir():
        raise SourceError(root, None, "no such folder: a corpus keeps its works in works/<name>/work.toml "
                                      "(zanlex init DIR creates one)")
    folders = sorted(p for p in root.iterdir() if (p / "work.toml").is_file())
    if not folders:
        raise SourceError(root, None, "holds no work (works/<name>/work.toml)")
    works: dict[str, Work] = {}
    uris: dict[str, Work] = {}
    for folder in folders:
        work = load_work(folder, Path(corpus))
        for seen, key, what in ((works, work.name, "name"), (uris, work.uri, "uri")):
            if key in seen:
                raise SourceError(folder / "work.toml", None,
                                  f"{what} {key!r} is already used by {seen[key].folder / 'work.toml'}")
        works[work.name] = work
        uris[work.uri] = work
    return dict(sorted(works.items()))


def resolve_source(spec: str, corpus: Path | None, lang: str | None = None,
                   doctype: str | None = None) -> tuple[Work, str]:
    """``law-88-V:rus`` (or ``law-88-V`` with ``lang``), or a path to any text file (the only
    choice when ``corpus`` is None: outside a project).

    >>> resolve_source("order-78", Path(__file__).resolve().parent.parent / "corpus")[1]
    'rus'
    """
    works = load_works(corpus) if corpus is not None else {}
    name, _, spec_lang = spec.partition(":")
    if name in works:
        work = works[name]
        lang = spec_lang or lang or (next(iter(work.texts)) if len(work.texts) == 1 else None)
        if lang is None:
            raise UnknownWork(f"{name} has several texts; say which: {', '.join(f'{name}:{x}' for x in work.texts)}")
        if lang not in GRAMMARS:
            raise UnknownWork(f"unknown language {lang!r}; known: {', '.join(GRAMMARS)}")
        work.source(lang)
        return work, lang
    path = Path(spec)
    if not path.is_file():
        known = f"a corpus work ({', '.join(works)})" if works else "a corpus work (no corpus found)"
        raise UnknownWork(f"{spec!r} is neither {known} nor a file")
    if lang is None:
        raise UnknownWork(f"{spec}: say which language the file is in with --lang ({', '.join(GRAMMARS)})")
    if lang not in GRAMMARS:
        raise UnknownWork(f"unknown language {lang!r}; known: {', '.join(GRAMMARS)}")
    return Work.adhoc(path, lang, doctype or "law"), lang
