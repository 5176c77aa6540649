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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError, UnknownWork
from .languages import GRAMMARS

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


def load_work(folder: Path) -> Work:
    toml_path = folder / "work.toml"
    try:
        raw = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise SourceError(toml_path, None, f"invalid TOML: {err}") from None
    missing = [k for k in ("uri", "name", "type", "date", "number") if k not in raw]
    if missing:
        raise SourceError(toml_path, None, f"missing keys: {', '.join(missing)}")
    if raw["type"] not in DOCTYPES:
        raise SourceError(toml_path, None, f"type must be one of {DOCTYPES}, not {raw['type']!r}")
    texts = {}
    for lang, spec in raw.get("texts", {}).items():
        if lang not in GRAMMARS:
            raise SourceError(toml_path, None, f"unknown language {lang!r}; known: {', '.join(GRAMMARS)}")
        texts[lang] = TextSource(lang, folder / spec["file"], spec.get("state", "unknown"),
                                 spec.get("origin", ""), dict(spec), url=spec.get("url"))
    editions = []
    for entry in raw.get("editions", []):
        label = entry.get("label")
        if not isinstance(label, dt.date):
            raise SourceError(toml_path, None, f"[[editions]] label must be a date, not {label!r}")
        etexts = {}
        for lang, spec in entry.get("texts", {}).items():
            if lang not in GRAMMARS:
                raise SourceError(toml_path, None, f"edition {label}: unknown language {lang!r}")
            etexts[lang] = TextSource(lang, folder / spec["file"], "consolidated",
                                      entry.get("imported_from", ""), dict(spec), edition=label,
                                      url=spec.get("url"))
        editions.append(Edition(label, entry.get("caused_by"), etexts, entry.get("imported_from", "")))
    labels = [e.label for e in editions]
    if len(set(labels)) != len(labels):
        raise SourceError(toml_path, None, "two [[editions]] share a label")
    return Work(name=raw["name"], uri=raw["uri"], doctype=raw["type"], date=raw["date"],
                number=str(raw["number"]), titles=dict(raw.get("titles", {})), texts=texts,
                issuing_body=raw.get("issuing_body"), registration=raw.get("registration"),
                folder=folder, raw=raw, editions=tuple(sorted(editions, key=lambda e: e.label)))


def load_works(corpus: Path) -> dict[str, Work]:
    """Every work under ``corpus/works``, by short name, in name order."""
    folders = sorted(p for p in (Path(corpus) / "works").glob("*") if (p / "work.toml").is_file())
    works = [load_work(f) for f in folders]
    return {w.name: w for w in works}


def resolve_source(spec: str, corpus: Path, lang: str | None = None,
                   doctype: str | None = None) -> tuple[Work, str]:
    """``law-88-V:rus`` (or ``law-88-V`` with ``lang``), or a path to any text file.

    >>> resolve_source("order-78", Path(__file__).resolve().parent.parent / "corpus")[1]
    'rus'
    """
    works = load_works(corpus)
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
        raise UnknownWork(f"{spec!r} is neither a corpus work ({', '.join(works)}) nor a file")
    if lang is None:
        raise UnknownWork(f"{spec}: say which language the file is in with --lang ({', '.join(GRAMMARS)})")
    if lang not in GRAMMARS:
        raise UnknownWork(f"unknown language {lang!r}; known: {', '.join(GRAMMARS)}")
    return Work.adhoc(path, lang, doctype or "law"), lang
