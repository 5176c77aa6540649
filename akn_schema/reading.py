"""Reading a source text: decode it, parse it (text dump or mirror markdown), check it.

    >>> from pathlib import Path
    >>> from .works import load_works
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> works = load_works(corpus)
    >>> act = parse_work(works["law-88-V"], "rus")
    >>> sum(1 for p in act.walk() if p.kind == "article")
    35
    >>> report = check_source(works["law-88-V"], "kaz")
    >>> report.valid, len(report.conservation.lost), report.warnings
    (True, 0, [])
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from .akn import act_to_xml
from .errors import SourceError, UnknownWork
from .grammar import parse_lines
from .languages import grammar_for
from .model import Act
from .text import decode_source
from .validate import Conservation, conservation, validate_xml
from .works import TextSource, Work, load_works  # noqa: F401  (load_works: for the worked examples)


def read_source(work: Work, lang: str | TextSource) -> str:
    """The decoded text of a work's source (its seed text in ``lang``, or a given ``TextSource``).

    The text last decoded is kept with its bytes: checking a text reads it, then parses it
    (``check_source``), and the same bytes are decoded and checked once.
    """
    global _last_read
    path = lang.path if isinstance(lang, TextSource) else work.source(lang).path
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(path, None, f"cannot read: {err.strerror}") from None
    last = _last_read
    if last is not None and last[0] == path and last[1] == data:
        return last[2]
    text = decode_source(data, path)
    _last_read = (path, data, text)
    return text


_last_read: tuple | None = None        # (path, bytes, text) of the last source decoded


def parse_text(text: str, *, lang: str, doctype: str, path: str = "<text>", work: str = "",
               strict: bool = False, fmt: str | None = None) -> Act:
    """Parse one text; ``strict`` turns a line the grammar cannot place into a ``ParseError``.

    ``fmt`` is ``text`` (a plain-text dump) or ``mirror-md`` (the mirror's markdown); by default
    the suffix of ``path`` decides (``.md`` → ``mirror-md``).
    """
    try:
        grammar_for(lang)
    except KeyError as err:
        raise UnknownWork(err.args[0]) from None
    return parse_lines(text, lang=lang, doctype=doctype, path=path, work=work, strict=strict, fmt=fmt)


def _file_stamp(path) -> tuple:
    """What tells a text file changed since it was parsed (a long-lived process, a rebuild)."""
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def parse_work(work: Work, lang: str, strict: bool = False) -> Act:
    """The parsed text of a work in one language (cached while the file is unchanged: treat the
    result as read-only)."""
    return _parse_work(work, lang, strict, _file_stamp(work.source(lang).path))


@functools.lru_cache(maxsize=64)
def _parse_work(work: Work, lang: str, strict: bool, _stamp: tuple) -> Act:
    source = work.source(lang)
    return parse_text(read_source(work, lang), lang=lang, doctype=work.doctype, path=str(source.path),
                      work=work.name, strict=strict, fmt=getattr(source, "format", None))


def parse_source(work: Work, source: TextSource, strict: bool = False) -> Act:
    """The parsed text of any source of a work: a seed text or an edition's (cached while the
    file is unchanged, read-only).

    >>> from pathlib import Path
    >>> w = load_works(Path(__file__).resolve().parent.parent / "corpus")["law-88-V"]
    >>> parse_source(w, w.texts["kaz"]).lang
    'kaz'
    """
    return _parse_source(work, source, strict, _file_stamp(source.path))


@functools.lru_cache(maxsize=256)
def _parse_source(work: Work, source: TextSource, strict: bool, _stamp: tuple) -> Act:
    if source.edition is None and work.texts.get(source.lang) == source:
        return parse_work(work, source.lang, strict)
    return parse_text(read_source(work, source), lang=source.lang, doctype=work.doctype,
                      path=str(source.path), work=work.name, strict=strict, fmt=source.format)


@dataclass
class SourceReport:
    """What ``zanlex validate`` says about one source text."""

    work: str
    lang: str
    path: str
    errors: list[str]
    warnings: list[str]
    conservation: Conservation
    skipped: list[dict]

    @property
    def valid(self) -> bool:
        return not self.errors and self.conservation.ok

    def as_json(self) -> dict:
        return {"work": self.work, "lang": self.lang, "path": self.path, "valid": self.valid,
                "xsd_errors": self.errors, "warnings": self.warnings,
                "words": self.conservation.source_words, "words_lost": len(self.conservation.lost),
                "lost": [{"line": n, "word": w} for n, w in self.conservation.lost[:50]],
                "non_text_lines": self.skipped}


def check_source(work: Work, lang: str | TextSource, strict: bool = False) -> SourceReport:
    """Validate one source text of a work: a seed text by language, or any ``TextSource`` (an edition)."""
    source = lang if isinstance(lang, TextSource) else work.source(lang)
    text = read_source(work, source)
    act = parse_source(work, source, strict)
    root = act_to_xml(act, work)
    return SourceReport(work.name, source.name, str(source.path), validate_xml(root),
                        [str(w) for w in act.warnings], conservation(text, act, root),
                        [{"line": s.line, "rule": s.rule, "text": s.text} for s in act.skipped])
