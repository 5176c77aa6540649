"""Source text → clean ``Line`` records: decoding, markdown artefacts, indentation, tables.

Cleaning never removes a word: it strips markup (``**bold**``, ``[text](#)``, ``\\)``),
normalises white space, and remembers the indentation that the grammar uses as a signal.

    >>> clean("- 1) **исключен** [статьи 7](#) и [подпунктом 2\\\\)](#)")
    '- 1) исключен статьи 7 и подпунктом 2)'
    >>> split_cells("Қазақстан РеспубликасыныңИнвестициялар министрі\\t|\\tӘ. Исекешев")
    ['Қазақстан Республикасының\\nИнвестициялар министрі', 'Ә. Исекешев']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_BOLD = re.compile(r"\*\*")
_EDGE_STARS = re.compile(r"^\*+|\*+$")
_SPACE = re.compile(r"[\s\u00a0\u2007\u202f\ufeff]+")
_CELL_SPLIT = re.compile(r"\t+\|\t*|\t*\|\t+")
# A cell's lost line breaks: a lower-case letter glued to an upper-case one or to "№".
_GLUE = re.compile(r"(?<=[a-zа-яёәіңғүұқөһ])(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ№])")
_WORD = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")     # embeddings, overrides, isolates (CVE-2021-42574)
# The same characters as UTF-8 bytes, to tell in one C pass over the bytes that there is none of them
# (a control character is one byte below 0x80; every other byte of UTF-8 is 0x80 or above).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)) or b >= 0x80)
_BIDI_UTF8 = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")     # U+202A-202E, U+2066-2069


@dataclass(slots=True)
class Line:
    """One non-empty source line, cleaned. ``no`` is 1-based; ``indent`` counts leading blanks."""

    no: int
    text: str
    indent: int
    blank_before: bool
    cells: tuple[str, ...] = ()      # for tab-and-pipe table rows
    raw: str = ""                    # the line as written, without indentation
    level: int = 0                   # markdown heading level (mirror format); 0 for any other line
    quoted: bool = False             # inside a markdown block quote ("> …", mirror format)
    last: int = 0                    # the last source line of the text when it runs on (mirror format)

    @property
    def numbers(self) -> range:
        """Every source line the text comes from."""
        return range(self.no, max(self.no, self.last) + 1)


def decode_source(data: bytes, path: str | Path) -> str:
    """UTF-8 text of a source file, or a ``SourceError`` that names the file and line.

    >>> decode_source(b"", "x.txt")
    Traceback (most recent call last):
    ...
    akn_schema.errors.SourceError: x.txt: the file is empty
    """
    if not data or data.isspace():
        raise SourceError(path, None, "the file is empty")
    if b"\x00" in data[:4096]:
        raise SourceError(path, data[:data.index(b"\x00")].count(b"\n") + 1,
                          "binary bytes (NUL) in what should be a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise SourceError(path, line, f"not UTF-8 (byte 0x{data[err.start]:02x}); re-encode the file as UTF-8") from None
    bad = _CONTROL.search(text) if data.translate(None, _NOT_CONTROL_BYTES) else None
    if bad:
        raise SourceError(path, text[:bad.start()].count("\n") + 1,
                          f"control character U+{ord(bad.group()):04X} in text; is this a binary file?")
    bidi = _BIDI.search(text) if _BIDI_UTF8.search(data) else None
    if bidi:
        raise SourceError(path, text[:bidi.start()].count("\n") + 1,
                          f"invisible bidirectional control character U+{ord(bidi.group()):04X} in text: it "
                          f"reorders what a reader sees; remove it")
    if not re.search(r"\w", text):
        raise SourceError(path, None, "the file has no words")
    return text


def clean(text: str) -> str:
    """Drop markdown markup and normalise spaces, keeping every word."""
    if "[" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    text = normalise_space(text)
    if "*" in text:
        text = _EDGE_STARS.sub("", _BOLD.sub("", text)).strip()
    return text


def normalise_space(text: str) -> str:
    """Runs of white space (tabs, no-break spaces) as one space, trimmed.

    >>> normalise_space("  1)\u00a0первое;\t ")
    '1) первое;'
    """
    if "  " not in text and text.isprintable():     # no white space but single ASCII spaces (fast)
        return text.strip()
    return _SPACE.sub(" ", text).strip()


def split_cells(raw: str) -> list[str]:
    """Cells of a tab-and-pipe table row, with glued line breaks restored as "\\n"."""
    cells = [clean(c) for c in _CELL_SPLIT.split(raw)]
    return [_GLUE.sub("\n", c) for c in cells if c]


def is_table_row(raw: str) -> bool:
    return "|" in raw and bool(_CELL_SPLIT.search(raw))


def source_lines(text: str) -> list[Line]:
    """The non-blank lines of a source text, cleaned, with their numbers and indentation."""
    lines: list[Line] = []
    blank = True
    for no, raw in enumerate(text.splitlines(), 1):
        stripped = raw.lstrip(" \t\u00a0")
        cells = tuple(split_cells(raw)) if is_table_row(raw) else ()
        # table cells keep their restored line breaks ("\n" → <br/> in AKN)
        cleaned = " ".join(cells) if cells else clean(raw)
        if not cleaned or not _WORD.search(cleaned):
            blank = blank or not cleaned
            if cleaned:   # punctuation-only line (e.g. "|"), kept as text of its container
                lines.append(Line(no, cleaned, len(raw) - len(stripped), blank, cells, stripped.rstrip()))
                blank = False
            continue
        lines.append(Line(no, cleaned, len(raw) - len(stripped), blank, cells, stripped.rstrip()))
        blank = False
    return lines


def words(text: str) -> list[str]:
    r"""The ``\w+`` tokens of a text: the unit of text conservation."""
    return re.findall(r"\w+", text)
