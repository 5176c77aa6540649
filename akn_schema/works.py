"""The corpus's works: ``corpus/works/<name>/work.toml`` plus one text file per language.

    >>> works = load_works(Path(__file__).resolve().parent.parent / "corpus")
    >>> works["law-88-V"].uri, sorted(works["law-88-V"].texts)
    ('/akn/kz/act/2013-04-15/88-V', ['eng', 'kaz', 'rus'])
    >>> works["order-78"].doctype
    'order'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .config import inside, read_config
from .errors import SourceError, UnknownWork
from .languages import GRAMMARS
from .schemas import WORK

DOCTYPES = ("law", "order", "resolution")


@dataclass(frozen=True)
class TextSource:
    """One language's text of a work: where it is, whether original or consolidated, whence."""

    lang: str
    path: Path
    state: str                  # original | consolidated
    origin: str = ""
    settings: dict = field(default_factory=dict, hash=False, compare=False)   # the raw [texts.<lang>] table


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

    def __hash__(self) -> int:
        return hash((self.uri, tuple(sorted((lang, str(t.path)) for lang, t in self.texts.items()))))

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
    """One work from ``folder/work.toml``, checked by its schema (``akn_schema.schemas.WORK``);
    every text file it names must stay inside the corpus (by default, ``folder``'s grandparent)."""
    toml_path = folder / "work.toml"
    doc = read_config(toml_path, WORK)
    raw = doc.data
    corpus = Path(corpus) if corpus is not None else folder.parent.parent
    texts = {}
    for lang, spec in raw.get("texts", {}).items():
        if lang not in GRAMMARS:
            raise doc.error(("texts", lang), f"is not a known language; known: {', '.join(GRAMMARS)}")
        path = folder / spec["file"]
        if not inside(path, corpus):
            raise doc.error(("texts", lang, "file"), f"resolves outside the corpus ({corpus}): {spec['file']}")
        texts[lang] = TextSource(lang, path, spec.get("state", "unknown"),
                                 spec.get("origin", ""), dict(spec))
    return Work(name=raw["name"], uri=raw["uri"], doctype=raw["type"], date=raw["date"],
                number=str(raw["number"]), titles=dict(raw.get("titles", {})), texts=texts,
                issuing_body=raw.get("issuing_body"), registration=raw.get("registration"),
                folder=folder, raw=raw)


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
