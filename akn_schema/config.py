"""One schema layer for every configuration file: each error names the file, the line and the key.

``work.toml``, ``amending-acts.toml``, an amending act's ``act.toml``, ``calendar.toml``, the
drafts and ``zanlex.toml`` are read with ``read_toml(path, SCHEMA)``. It decodes the bytes as
UTF-8 (a cp1251 file is refused with the line of the first bad byte), parses the TOML, and checks
the document against a schema: unknown keys (with a suggestion), missing keys, wrong types,
values outside their set, text with control or bidirectional-override characters, and paths or
URIs that would leave the corpus. It returns the plain ``dict`` that ``tomllib`` gives, so the
loaders keep building their own dataclasses from it.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "work.toml"
    >>> _ = path.write_text('name = "x"\\n[texts.rus]\\nfil = "rus.txt"\\n', encoding="utf-8")
    >>> schema = Table({"name": Key(Str()), "texts": Key(Mapping(Table({"file": Key(Str(), True)})))})
    >>> read_toml(path, schema)
    Traceback (most recent call last):
    ...
    akn_schema.errors.ConfigError: .../work.toml:3: texts.rus.fil is not a known key (did you mean 'file'?)

A schema is built from ``Key``s (a kind, and whether it is required) in ``Table``s; kinds are
``Str``, ``Int``, ``Bool``, ``Date``, ``DateTime``, ``Moment`` (a date or an aware datetime),
``Array``, ``Mapping`` (any key, one kind of value: ``[texts.<lang>]``) and ``AnyOf``.
The schemas of the corpus's files are in ``akn_schema.schemas``.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import ConfigError, EnvironmentFailure

# Bidirectional embeddings, overrides and isolates: they reorder what a reader sees (CVE-2021-42574).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

KeyPath = tuple[str | int, ...]


def show(path: KeyPath) -> str:
    """``("comments", 1, "received")`` → ``comments[2].received`` (arrays counted from 1).

    >>> show(("editions", 0, "texts", "rus", "file"))
    'editions[1].texts.rus.file'
    """
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Problem(Exception):
    """A schema violation at ``path`` (turned into a ``ConfigError`` with file and line)."""

    def __init__(self, path: KeyPath, message: str):
        self.path, self.message = path, message
        super().__init__(f"{show(path)}: {message}")


# ── Kinds ─────────────────────────────────────────────────────────────────────────────────

class Kind:
    name = "a value"

    def check(self, value: Any, path: KeyPath) -> None:
        raise NotImplementedError


@dataclass
class Str(Kind):
    """A string: non-empty unless ``empty``; one line unless ``multiline``; ``choices`` or a
    ``pattern`` (with ``hint``) if given; ``check`` for anything else (returns a message or None)."""

    choices: tuple[str, ...] = ()
    pattern: str | None = None
    hint: str = ""
    multiline: bool = False
    empty: bool = False
    extra: Callable[[str], str | None] | None = None

    @property
    def name(self) -> str:
        return "one of " + ", ".join(self.choices) if self.choices else "a string"

    def check(self, value, path):
        if not isinstance(value, str):
            raise Problem(path, f"must be {self.name}, not {describe(value)}")
        if not value.strip() and not self.empty:
            raise Problem(path, "must not be empty")
        bad = plain_text_problem(value, self.multiline)
        if bad:
            raise Problem(path, bad)
        if self.choices and value not in self.choices:
            close = difflib.get_close_matches(value, self.choices, n=1)
            tip = f" (did you mean {close[0]!r}?)" if close else ""
            raise Problem(path, f"must be one of {', '.join(self.choices)}, not {value!r}{tip}")
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise Problem(path, f"is not {self.hint or 'of the form ' + self.pattern}: {value!r}")
        if self.extra and (message := self.extra(value)):
            raise Problem(path, message)


@dataclass
class Int(Kind):
    low: int | None = None
    high: int | None = None
    name: str = "an integer"

    def check(self, value, path):
        if not isinstance(value, int) or isinstance(value, bool):
            raise Problem(path, f"must be an integer, not {describe(value)}")
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise Problem(path, f"must be between {self.low} and {self.high}, not {value}")


@dataclass
class Bool(Kind):
    name: str = "true or false"

    def check(self, value, path):
        if not isinstance(value, bool):
            raise Problem(path, f"must be true or false, not {describe(value)}")


@dataclass
class Date(Kind):
    name: str = "a date (YYYY-MM-DD, unquoted)"

    def check(self, value, path):
        if isinstance(value, datetime) or not isinstance(value, date):
            hint = " (write it unquoted: 2016-12-08)" if isinstance(value, str) else ""
            raise Problem(path, f"must be a TOML date such as 2016-12-08, not {describe(value)}{hint}")
        if value.year in (1, 9999):
            raise Problem(path, f"is {value}, at the edge of the calendar zanlex can count (0002-01-01 … 9998-12-31)")


@dataclass
class DateTime(Kind):
    name: str = "a datetime with an offset"

    def check(self, value, path):
        if not isinstance(value, datetime):
            raise Problem(path, f"must be a TOML datetime with an offset such as 2025-03-12T09:15:00+05:00, "
                                f"not {describe(value)}")
        if value.tzinfo is None:
            raise Problem(path, "needs a time zone offset, e.g. 2025-03-12T09:15:00+05:00")
        if not 1 < value.year < 9999:
            raise Problem(path, f"is {value.isoformat()}, at the edge of the calendar zanlex can count "
                                f"(0002-01-01 … 9998-12-31)")


@dataclass
class Moment(Kind):
    """A date, or a datetime with an offset."""

    name: str = "a date or a datetime with an offset"

    def check(self, value, path):
        if isinstance(value, datetime):
            DateTime().check(value, path)
        elif isinstance(value, date):
            Date().check(value, path)
        else:
            raise Problem(path, f"must be a date (2025-03-05) or a datetime with an offset "
                                f"(2025-03-05T10:00:00+05:00), not {describe(value)}")


@dataclass
class Array(Kind):
    of: Kind
    name: str = "an array"

    def check(self, value, path):
        if not isinstance(value, list):
            what = "an array of tables ([[…]])" if isinstance(self.of, Table) else "an array"
            raise Problem(path, f"must be {what}, not {describe(value)}")
        for i, item in enumerate(value):
            self.of.check(item, (*path, i))


@dataclass
class Key:
    """A key of a ``Table``: its kind, whether it is required, and why (said when it is missing)."""

    kind: Kind
    required: bool = False
    why: str = ""


@dataclass
class Table(Kind):
    keys: dict[str, Key]
    name: str = "a table"
    rules: list[Callable[[dict, KeyPath], None]] = field(default_factory=list)

    def check(self, value, path):
        if not isinstance(value, dict):
            raise Problem(path, f"must be a table, not {describe(value)}")
        for key in value:
            if key not in self.keys:
                close = difflib.get_close_matches(key, list(self.keys), n=1)
                tip = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(self.keys)})"
                raise Problem((*path, key), f"is not a known key{tip}")
        for key, spec in self.keys.items():
            if key in value:
                spec.kind.check(value[key], (*path, key))
            elif spec.required:
                raise Problem((*path, key), "is missing" + (f": {spec.why}" if spec.why else ""))
        for rule in self.rules:
            rule(value, path)


@dataclass
class Mapping(Kind):
    """A table with free keys (``keys`` checks them) and one kind of value."""

    of: Kind
    keys: Str | None = None
    name: str = "a table"

    def check(self, value, path):
        if not isinstance(value, dict):
            raise Problem(path, f"must be a table, not {describe(value)}")
        for key, item in value.items():
            if self.keys is not None:
                try:
                    self.keys.check(key, (*path, key))
                except Problem as p:
                    raise Problem((*path, key), f"is not allowed here: the key {p.message}") from None
            self.of.check(item, (*path, key))


@dataclass
class AnyOf(Kind):
    kinds: tuple[Kind, ...]
    name: str = ""

    def check(self, value, path):
        for kind in self.kinds:
            try:
                kind.check(value, path)
                return
            except Problem:
                continue
        raise Problem(path, f"must be {self.name or ' or '.join(k.name for k in self.kinds)}, not {describe(value)}")


def describe(value) -> str:
    """How a wrong value looks in an error: its TOML type and, if short, the value.

    >>> describe(5), describe("8 Dec 2016"), describe({"a": 1})
    ('the integer 5', "the string '8 Dec 2016'", 'a table')
    """
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value[:40]!r}" + ("…" if len(value) > 40 else "")
    if isinstance(value, datetime):
        return f"the datetime {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def plain_text_problem(text: str, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be shown as it is, or None: bidirectional overrides, control characters.

    >>> plain_text_problem("О государственных услугах") is None
    True
    >>> plain_text_problem("abc\\u202edef")
    'contains the invisible control character U+202E (RIGHT-TO-LEFT OVERRIDE), which changes what a reader sees'
    """
    for ch in text:
        if ch in BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and not (multiline and ch in "\n\t\r")
                                   and ch != "\t"):
            name = unicodedata.name(ch, "control")
            return (f"contains the invisible control character U+{ord(ch):04X} ({name}), "
                    f"which changes what a reader sees")
    return None


# ── Where a key is: the line of a key path in the TOML text ──────────────────────────────

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(text: str) -> list[str]:
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.\s]+)\s*(?:\.|$)""", text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def key_lines(text: str) -> dict[KeyPath, int]:
    """The line (1-based) where each table, array element and key of a TOML text is written.

    >>> lines = key_lines('a = 1\\n[[comments]]\\nx = 1\\n[[comments]]\\nx = 2\\n[t.rus]\\nfile = "f"\\n')
    >>> lines[("a",)], lines[("comments", 1, "x")], lines[("t", "rus", "file")], lines[("comments", 1)]
    (1, 5, 7, 4)
    """
    found: dict[KeyPath, int] = {}
    counts: dict[tuple[str, ...], int] = {}
    current: KeyPath = ()
    in_string: str | None = None
    array: tuple[KeyPath, int, int] | None = None     # (path, next index, bracket depth)
    for n, line in enumerate(text.splitlines(), 1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if array is not None:
            path, index, depth = array
            stripped = line.strip()
            if stripped.startswith("{") or (stripped and stripped[0] not in "]#" and depth == 1):
                found.setdefault((*path, index), n)
                index += 1
            depth += line.count("[") - line.count("]")
            array = None if depth <= 0 else (path, index, depth)
            continue
        if m := _HEADER.match(line):
            names = _split_key(m.group(2))
            resolved: list[str | int] = []
            for i, name in enumerate(names):
                resolved.append(name)
                prefix = tuple(names[:i + 1])
                if m.group(1) == "[[" and i == len(names) - 1:
                    counts[prefix] = counts.get(prefix, 0) + 1
                if prefix in counts:
                    resolved.append(counts[prefix] - 1)
            current = tuple(resolved)
            found.setdefault(current, n)
            if m.group(1) == "[[":
                found.setdefault(current[:-1], n)
            continue
        if m := _KEY.match(line):
            path = (*current, *_split_key(m.group(1)))
            found.setdefault(path, n)
            rest = line[m.end():].strip()
            for quote in ('"""', "'''"):
                if rest.startswith(quote) and rest.count(quote) == 1:
                    in_string = quote
            if rest.startswith("[") and rest.count("[") > rest.count("]"):
                array = (path, 0, rest.count("[") - rest.count("]"))
            elif rest.startswith("{"):
                for inner in re.finditer(r"([A-Za-z0-9_-]+)\s*=", rest):
                    found.setdefault((*path, inner.group(1)), n)
    return found


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path``, else of its nearest written parent."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# ── Reading ───────────────────────────────────────────────────────────────────────────────

@dataclass
class Document:
    """A configuration file as read: its path, data, and where each key is written."""

    path: Path
    data: dict
    lines: dict[KeyPath, int]

    error_class: type[ConfigError] = ConfigError

    def error(self, path: KeyPath, message: str) -> ConfigError:
        """A ``ConfigError`` (or the loader's subclass of it) for ``path`` in this file: raise it."""
        return self.error_class(self.path, line_of(self.lines, path), show(path) or None, message)


def decode_config(data: bytes, path: Path, error: type[ConfigError] = ConfigError) -> str:
    """UTF-8 text of a configuration file (a BOM is dropped); any other encoding is refused.

    >>> decode_config("title = 'Закон'".encode("cp1251"), Path("work.toml"))
    Traceback (most recent call last):
    ...
    akn_schema.errors.ConfigError: work.toml:1: not UTF-8 text (byte 0xc7 at column 10; cp1251?): save it as UTF-8
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        guess = "; cp1251?" if any(0xC0 <= b <= 0xFF for b in data[err.start:err.start + 1]) else ""
        raise error(path, line, None, f"not UTF-8 text (byte 0x{data[err.start]:02x} at column {column}"
                                            f"{guess}): save it as UTF-8") from None


def parse_config(text: str, path: Path, schema: Kind | None = None,
                 error: type[ConfigError] = ConfigError) -> Document:
    """Parse and check TOML ``text`` (of the file ``path``) against ``schema``; errors are ``error``s."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)$", message)
        line = int(m.group(1)) if m else None
        message = message[:m.start()].strip() if m else message
        raise error(path, line, None, f"not valid TOML: {message}") from None
    except (ValueError, OverflowError) as err:        # e.g. a datetime outside Python's range
        raise error(path, None, None, f"not valid TOML: {err}") from None
    doc = Document(Path(path), data, key_lines(text), error)
    if schema is not None:
        try:
            schema.check(data, ())
        except Problem as p:
            raise doc.error(p.path, p.message) from None
    return doc


def read_config(path: Path, schema: Kind | None = None, *, missing_ok: bool = False,
                error: type[ConfigError] = ConfigError) -> Document | None:
    """Read, decode, parse and check a configuration file; see the module docstring."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return None
        raise error(path, None, None, "no such file") from None
    except IsADirectoryError:
        raise error(path, None, None, "is a folder, not a file") from None
    except OSError as err:
        raise EnvironmentFailure(f"{path}: cannot read: {err.strerror}") from None
    return parse_config(decode_config(data, path, error), path, schema, error)


def read_toml(path: Path, schema: Kind | None = None) -> dict:
    """The checked data of a configuration file (see ``read_config``)."""
    return read_config(path, schema).data


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (resolved, symbolic links followed) stays inside ``folder``.

    >>> inside(Path("/corpus/works/x/../../../etc/passwd"), Path("/corpus"))
    False
    """
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents
