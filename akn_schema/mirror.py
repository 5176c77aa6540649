"""The mirror markdown format (``rus.md`` / ``kaz.md`` of the public mirrors of zan.gov.kz) → ``Line``s.

The mirrors keep each act as markdown: ``# title``, ``## Глава …`` / ``## N-тарау …``,
``### Статья N. …`` / ``### N-бап. …``, footnotes as ``> *Сноска. …*`` (or an un-quoted
``*Сноска. …*``), ``<a id="st1"></a>`` anchors before each article, **bold** signatures and
backslash escapes (``1\\)``). markdown-it-py reads the blocks and the inline markup; the same
line grammar as for the plain-text dumps then places the lines, so both formats give the same
structure and eIds.

The law's numbering is not markdown's: "1)" and "1." are the law's points and paragraphs, not
list items, and an indented line is an indented paragraph, not code. So the mirror dialect is
CommonMark without lists, indented or fenced code, link reference definitions, setext headings,
thematic breaks ("___" is a line of the text) and raw HTML blocks; every other line is a
paragraph, a heading or a block quote.

Markup with letters in it (anchors, other HTML tags, entities, link targets, ``_`` emphasis) is
declared non-text, span by span, under a named rule (``MARKUP_RULES``), so that text
conservation can leave it out and ``zanlex validate`` can list it.

    >>> lines, spans = mirror_lines('# Закон\\n\\n<a id="st1"></a>\\n\\n### Статья 1. Понятия\\n\\n'
    ...                             '   1\\\\) первое;\\n\\n> *Сноска. Статья 1 с изменениями.*\\n')
    >>> [(ln.no, ln.text, ln.indent) for ln in lines]
    [(1, 'Закон', 0), (5, 'Статья 1. Понятия', 0), (7, '1) первое;', 3), (9, 'Сноска. Статья 1 с изменениями.', 0)]
    >>> [(s.line, s.rule, s.text) for s in spans]
    [(3, 'mirror-anchor', '<a id="st1"></a>')]
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import SkippedLine
from .text import Line, normalise_space

FORMATS = {".md": "mirror-md"}        # file suffix → format; anything else is a plain-text dump
MARKUP_RULES = {
    "mirror-anchor": "an HTML anchor such as <a id=\"st1\"></a>: a link target of the mirror, not text",
    "html-tag": "another inline HTML tag (its attribute names are not words of the act)",
    "html-entity": "an HTML entity such as &nbsp; (its name is not a word; its character is kept)",
    "link-target": "the target of a markdown link [text](target): the text is kept, the target is not",
    "md-emphasis": "an _underscore_ emphasis marker",
    "md-markup": "markdown markup inside a word (\"0*0\" reads \"00\")",
}
_ANCHOR_LINE = re.compile(r"^<a\s+(?:id|name)=\"[^\"<>]*\"\s*>\s*</a>$", re.I)
_ANCHOR = re.compile(r"^<a\s+(?:id|name)=\"[^\"]*\"\s*>$|^</a>$", re.I)
_WORD = re.compile(r"\w")
_TAG = re.compile(r"<[^>]*>")
# Line breaks for Python (str.splitlines, which numbers the lines everywhere else) but not for markdown.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LAST_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_DIALECT = ["list", "code", "fence", "reference", "lheading", "html_block", "hr", "text_join"]
_MD = MarkdownIt("commonmark").disable(_DIALECT)
# Blocks first; a block's inline markup is parsed only when it has a character that inline rules
# react to (most lines of a law have none, and for them markdown's inline parse is the identity).
# markdown-it's own "normalize" (\r\n → \n, NUL → U+FFFD) rewrites every newline; ``_normalised`` does
# the same with no work when there is nothing to change.
_MD_BLOCKS = MarkdownIt("commonmark").disable([*_DIALECT, "inline", "normalize"])
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!<&]")
_EMPHASISED = re.compile(r"^(\*{1,2})([^\s\\`*_\[\]!<&](?:[^\\`*_\[\]!<&]*[^\s\\`*_\[\]!<&])?)\1$")


def source_format(path: str) -> str:
    """``mirror-md`` for a ``.md`` file, else ``text``.

    >>> source_format("corpus/works/law-88-V/editions/2018-06-13/rus.md"), source_format("rus.txt")
    ('mirror-md', 'text')
    """
    return next((fmt for suffix, fmt in FORMATS.items() if str(path).lower().endswith(suffix)), "text")


def mirror_lines(text: str) -> tuple[list[Line], list[SkippedLine]]:
    """The non-blank lines of a mirror markdown text, as the line grammar reads them, and the
    markup spans declared non-text. A heading line remembers its level (``Line.level``); a line
    inside a block quote is marked ``quoted``; a line whose inline markup runs onto the next
    source line (a code span, a tag) ends at ``Line.last``.
    """
    raws = text.splitlines()
    lines: list[Line] = []
    spans: list[SkippedLine] = []
    for level, quoted, start, end, content in _blocks(_normalised(text, len(raws))):
        if end - start == 1 and not _INLINE_MARKUP.search(content):     # a plain line: most of them
            found: list[tuple[int, int, str]] | tuple = ((end, end, content),)
        else:
            found = _inline_lines(raws, [start, end], content, spans)
        for first, last, line_text in found:
            cleaned = normalise_space(line_text)
            if not cleaned:
                continue
            raw = raws[first - 1]
            stripped = raw.lstrip(" \t\u00a0")
            before = raws[first - 2] if first > 1 else ""
            blank = not before.strip() or (before.lstrip().startswith("<") and _is_markup_only(before))
            lines.append(Line(first, cleaned, len(raw) - len(stripped), blank, (), stripped.rstrip(),
                              level, quoted, last))
    return lines, spans


Block = tuple[int, bool, int, int, str]      # (heading level or 0, quoted, first line, end line, content)


def _blocks(src: str) -> list[Block]:
    r"""The paragraphs and headings of a normalised text, as markdown-it's block parser of the
    mirror dialect reads them (``_parsed_blocks``): line numbers 0-based, the end exclusive.

    Without lists, code and HTML blocks a block never runs over a blank line, so each run of
    non-blank lines is read on its own: the mirror's usual shapes directly — a line of text, an
    ATX heading, a one-line block quote "> text", several lines that markdown would join into one
    paragraph — and any other run (a quote over several lines, a quote in a quote, an indented
    marker, a tab after ">", white space that markdown trims differently from Python) by markdown-it.

    >>> [b[:2] + (b[4],) for b in _blocks("# Закон\n\n## Глава 1 ##\n\n> *Сноска.*\n\nТекст\nещё\n")]
    [(1, False, 'Закон'), (2, False, 'Глава 1'), (0, True, '*Сноска.*'), (0, False, 'Текст\nещё')]
    >>> _blocks("Текст\n\n> a\nb\n") == _parsed_blocks("Текст\n\n> a\nb\n") == [
    ...     (0, False, 0, 1, "Текст"), (0, True, 2, 4, "a\nb")]
    True
    """
    lines = src.split("\n")
    out: list[Block] = []
    count = len(lines)
    at = 0
    while at < count:
        line = lines[at]
        if not line.strip(" \t"):                       # markdown's blank line: spaces and tabs only
            at += 1
            continue
        end = at + 1
        while end < count and lines[end].strip(" \t"):
            end += 1
        block = _plain_block(lines, at, end)
        if block is None:
            tail = "\n" if end < count else ""
            out += _parsed_blocks("\n".join(lines[at:end]) + tail, at)
        else:
            out.append(block)
        at = end
    return out


_HEADING = re.compile(r"(#{1,6})(?:[ \t]|$)")
_HEADING_TAIL = re.compile(r"[ \t]#+[ \t]*$|^#+[ \t]*$")


def _plain_block(lines: list[str], start: int, end: int) -> Block | None:
    """The block of a run of non-blank lines in one of the mirror's usual shapes, else None."""
    if end - start > 1:       # lines joined into one paragraph, unless a line could begin another block
        if any(line.lstrip(" \t")[:1] in ("#", ">") for line in lines[start:end]):
            return None
        content = _trimmed("\n".join(lines[start:end]))
        return None if content is None else (0, False, start, end, content)
    line = lines[start]
    mark = line[0]
    if mark == "#":
        m = _HEADING.match(line)
        if m:
            rest = line[m.end():]
            tail = _HEADING_TAIL.search(rest)      # closing hashes ("## Глава 1 ##") are not text
            content = _trimmed(rest[:tail.start()] if tail else rest)
            return None if content is None else (len(m.group(1)), False, start, end, content)
    elif mark == ">":
        rest = line[2:] if line[1:2] == " " else line[1:]
        inner = rest.lstrip(" \t")
        if line[1:2] == "\t" or inner[:1] in ("", "#", ">"):
            return None
        content = _trimmed(rest)
        return None if content is None else (0, True, start, end, content)
    elif mark in (" ", "\t") and line.lstrip(" \t")[:1] in ("#", ">"):
        return None
    content = _trimmed(line)
    return None if content is None else (0, False, start, end, content)


def _trimmed(text: str) -> str | None:
    """The text without the spaces and tabs around it; None when other white space is at an edge
    (markdown-it trims its own set of characters, which is not Python's: leave it to markdown-it)."""
    text = text.strip(" \t")
    return None if text and (text[0].isspace() or text[-1].isspace()) else text


def _parsed_blocks(src: str, offset: int = 0) -> list[Block]:
    r"""The blocks of a normalised text (its lines numbered from ``offset``), as markdown-it reads
    them: the reference for ``_blocks``, and its reader for the runs of lines it does not read itself.

    >>> _parsed_blocks("> ## Глава\n> > *Сноска*\n", 4)
    [(2, True, 4, 5, 'Глава'), (0, True, 5, 6, '*Сноска*')]
    """
    out: list[Block] = []
    level, quoted = 0, 0
    for tok in _MD_BLOCKS.parse(src):
        kind = tok.type
        if kind != "inline":
            if kind in _OPENS_OR_CLOSES:
                if kind[0] == "h":
                    level = int(tok.tag[1]) if kind == "heading_open" else 0
                else:
                    quoted += 1 if kind == "blockquote_open" else -1
            continue
        if tok.map:
            out.append((level, quoted > 0, tok.map[0] + offset, tok.map[1] + offset, tok.content))
    return out


def _normalised(text: str, lines: int | None = None) -> str:
    r"""The text as markdown-it reads it, with its lines numbered as ``str.splitlines`` numbers them:
    "\r\n" and "\r" are "\n", as is every other line break of Python's; NUL is U+FFFD. ``lines``,
    the number of lines ``str.splitlines`` finds, tells when there is no other line break to replace.

    >>> _normalised("a\r\nb\x0cc\x00"), _normalised("a\r\nb\x0cc\x00", 3), _normalised("a\n\x0c", 2)
    ('a\nb\nc\ufffd', 'a\nb\nc\ufffd', 'a\n\n')
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if lines is not None and lines == text.count("\n") + (not text.endswith("\n")) \
            and text[-1:] not in _LAST_BREAKS:
        return text           # every line break is "\n"
    return _LINE_BREAKS.sub("\n", text)


_OPENS_OR_CLOSES = frozenset({"heading_open", "heading_close", "blockquote_open", "blockquote_close"})


def _inline_lines(raws: list[str], span: list[int], content: str,
                  spans: list[SkippedLine]) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each line of a block's inline content (a line ends at a
    break); markup declared non-text goes to ``spans``. The common shapes of the mirror (a plain
    line, an anchor line, a line in emphasis) are read directly; anything else by markdown-it."""
    start, end = span
    if end - start == 1 and "\n" not in content:
        if content.startswith("<") and _ANCHOR_LINE.match(content):       # <a id="st1"></a>
            raw = raws[start]
            at = raw.index("<")
            spans.append(SkippedLine(end, raw[at:].rstrip(), "mirror-anchor", column=at))
            return []
        m = _EMPHASISED.match(content) if content.startswith("*") else None
        if m:                      # "*Сноска. …*", "*6) исключен …*": emphasis around plain text
            return [(end, end, m.group(2))]
        if not _INLINE_MARKUP.search(content):
            return [(end, end, content)]
    elif not _INLINE_MARKUP.search(content):
        plain = content.split("\n")
        if len(plain) == end - start:
            return [(start + i + 1, start + i + 1, t) for i, t in enumerate(plain)]
    block = _Block(raws, span)
    out = block.tokens(_MD.inline.parse(content, _MD, {}, []))
    spans += block.spans
    return out


def _is_markup_only(raw: str) -> bool:
    """A line of anchors only (``<a id="st1"></a>``) separates paragraphs as a blank line does."""
    return raw.strip().startswith("<") and not _WORD.search(_TAG.sub("", raw))


class _Block:
    """The source lines of one markdown block from line ``start`` (0-based) on, read with a cursor:
    each inline token is found where it is written, so that every line of text, and every span
    of markup declared non-text, is given its source line (and column)."""

    def __init__(self, raws: list[str], span: list[int]):
        self.raws, self.start, self.end = raws, span[0], span[1]
        self.text = "\n".join(raws[self.start:self.end])
        self.pos = 0
        self.spans: list[SkippedLine] = []

    def where(self, pos: int) -> tuple[int, int]:
        """(1-based line, 0-based column) of an offset into the block."""
        line = self.text.count("\n", 0, pos)
        return self.start + line + 1, pos - (self.text.rfind("\n", 0, pos) + 1)

    def skip(self, written: str) -> int:
        """Move past the next occurrence of ``written``; its offset, or -1 when not found."""
        at = self.text.find(written, self.pos) if written else -1
        if at >= 0:
            self.pos = at + len(written)
        return at

    def markup(self, written: str, length: int | None = None) -> None:
        """Move past markup without letters ("*", "`", "[", a backslash); when it sits between two
        letters of a word ("0*0"), declare its first ``length`` characters: the text joins there."""
        at = self.skip(written)
        end = at + (len(written) if length is None else length)
        if at > 0 and end < len(self.text) and _WORD.match(self.text[at - 1]) and _WORD.match(self.text[end]):
            self.declare("md-markup", self.text[at:end], at)

    def declare(self, rule: str, written: str, at: int | None = None) -> None:
        """Markup with letters in it, declared non-text under ``rule``."""
        at = self.skip(written) if at is None else at
        if at < 0 or not (_WORD.search(written) or rule == "md-markup"):
            return
        line, column = self.where(at)
        last = self.spans[-1] if self.spans else None
        if last and last.rule == rule and last.line == line and last.column + len(last.text) == column:
            last.text += written          # <a id="st1"></a> is one anchor
        else:
            self.spans.append(SkippedLine(line, written, rule, column=column))

    def tokens(self, children: list[Token]) -> list[tuple[int, int, str]]:
        """(first line, last line, text) of each line, from the block's inline tokens."""
        out: list[tuple[int, int, str]] = []
        parts: list[str] = []
        first = -1
        for tok in [*children, None]:
            if tok is None or tok.type in ("softbreak", "hardbreak"):
                line = self.where(self.pos)[0]
                start = self.where(first)[0] if first >= 0 else line
                out.append((start, max(line, start), "".join(parts)))
                if tok is not None:
                    self.skip("\n")
                parts, first = [], -1
                continue
            text, at = self.token(tok)
            parts.append(text)
            if first < 0 and text.strip() and at >= 0:
                first = at + len(text) - len(text.lstrip())
        return out

    def token(self, tok: Token) -> tuple[str, int]:
        """The text of one inline token and where it is written (-1: not found); its markup is
        skipped or declared."""
        if tok.type == "text":
            return tok.content, self.skip(tok.content)
        if tok.type == "code_inline":
            self.markup(tok.markup)
            at = self.pos + len(self.text[self.pos:]) - len(self.text[self.pos:].lstrip())
            self.markup(tok.markup)       # the closing backticks (the content may run over lines)
            return tok.content, at
        if tok.type == "text_special":
            if tok.info == "entity":
                self.declare("html-entity", tok.markup)
                return tok.content, self.pos - len(tok.markup)
            if tok.content == tok.markup:
                return tok.content, self.skip(tok.markup)     # "\\0": not an escape, the backslash is text
            self.markup(tok.markup, 1)                        # the backslash of an escape
            return tok.content, self.pos - len(tok.content)
        if tok.type == "html_inline":
            self.declare("mirror-anchor" if _ANCHOR.match(tok.content) else "html-tag", tok.content)
        elif tok.type == "image":
            alt = "".join(c.content for c in tok.children or [])
            self.markup("![")
            at = self.skip(alt)
            self.declare("link-target", self.target())
            return alt, at
        elif tok.type == "link_open":
            self.markup("<" if tok.markup == "autolink" else "[")
        elif tok.type == "link_close":
            if tok.markup == "autolink":
                self.markup(">")
            else:
                self.declare("link-target", self.target())
        elif tok.type in ("em_open", "strong_open", "em_close", "strong_close"):
            if "_" in tok.markup:
                self.declare("md-emphasis", tok.markup)
            else:
                self.markup(tok.markup)
        return "", -1

    def target(self) -> str:
        """The ``](target "title")`` that closes a link or image at the cursor, as written."""
        start = self.text.find("](", self.pos)
        if start < 0:
            return ""
        depth = 0
        for end in range(start + 1, len(self.text)):
            depth += {"(": 1, ")": -1}.get(self.text[end], 0)
            if depth == 0:
                return self.text[start:end + 1]
        return self.text[start:]
