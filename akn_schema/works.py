"""The corpus's works: ``corpus/works/<name>/work.toml`` plus one text file per language.

    >>> works = load_works(Path(__file__).resolve().parent.parent / "corpus")
    >>> works["law-88-V"].uri, sorted(works["law-88-V"].texts)
    ('/akn/kz/act/2013-04-15/88-V', ['eng', 'kaz', 'rus'])
    >>> works["order-78"].doctype
    'order'
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError, UnknownWork
from .languages import GRAMMARS

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
                                 spec.get("origin", ""), dict(spec))
    return Work(name=raw["name"], uri=raw["uri"], doctype=raw["type"], date=raw["date"],
                number=str(raw["number"]), titles=dict(raw.get("titles", {})), texts=texts,
                issuing_body=raw.get("issuing_body"), registration=raw.get("registration"),
                folder=folder, raw=raw)


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
