"""The footnote grammar: a footnote's text → its subject and one ``Clause`` per cited act.

A footnote names a subject (a unit path) and lists acts, each after a phrase giving the kind of
change; an act without its own phrase continues the previous one. Every character of the
footnote must be accounted for: an unknown phrase is a ``FootnoteError`` naming ``file:line``.

    >>> fn = parse_footnote("Сноска. Глава 2 дополнена статьей 9-1 в соответствии с Законом РК от "
    ...     "17.11.2015 № 408-V (вводится в действие с 01.03.2016); с изменениями, внесенными законами "
    ...     "РК от 25.11.2019 № 272-VI (вводится в действие по истечении десяти календарных дней после "
    ...     "дня его первого официального опубликования).", "rus")
    >>> [(c.kind, c.path, c.act.number, c.act.rule.kind) for c in fn.clauses]    # doctest: +NORMALIZE_WHITESPACE
    [('inserted', (('chapter', '2'), ('article', '9-1')), '408-V', 'date'),
     ('amended', (('chapter', '2'), ('article', '9-1')), '272-VI', 'after_publication')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from consolidator.errors import FootnoteError
from consolidator.grammar import Registry, parse_dotted_date, registry

KINDS = ("amended", "new_wording", "inserted", "repealed", "heading_changed")
Path = tuple[tuple[str, str], ...]

_SEPARATORS = re.compile(r"^[\s;,.:\-–—]*$")
_EDGE = re.compile(r"^[\s;,.:\-–—]+|[\s;,.:\-–—]+$")


@dataclass(frozen=True)
class EntryIntoForce:
    """An entry-into-force rule as the text states it.

    kind: ``date`` (``on``), ``after_publication`` (``days`` after the day of first official
    publication), ``on_publication``; ``not_before`` is a "but not before" date.
    """

    kind: str
    days: int | None = None
    on: date | None = None
    not_before: date | None = None
    text: str = ""


@dataclass(frozen=True)
class ActCitation:
    """An amending act as a footnote cites it: "Законом РК от 25.11.2019 № 272-VI (…)"."""

    act_type: str               # law | order | resolution
    date: date
    number: str
    body: str | None            # issuing body as cited (orders), e.g. "Председателя Агентства РК …"
    rule: EntryIntoForce | None

    def __str__(self) -> str:
        return f"{self.act_type} No. {self.number} of {self.date.isoformat()}"


@dataclass(frozen=True)
class Clause:
    """One change: ``kind`` of the unit at ``path`` by ``act``."""

    kind: str
    path: Path
    act: ActCitation


@dataclass
class Footnote:
    """A parsed footnote. ``subject`` is the unit it opens with ("Глава 2" in "Глава 2 дополнена …")."""

    text: str
    lang: str
    subject: Path
    clauses: list[Clause] = field(default_factory=list)
    file: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def clean(text: str) -> str:
    """Remove the copy's markup and join wrapped lines.

    >>> clean("**Сноска. от 29.08.2018 [№ 213](#)\\n(вводится …)**")
    'Сноска. от 29.08.2018 № 213 (вводится …)'
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("\\)", ")").replace("\\(", "(").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def parse_footnote(text: str, lang: str, file: str = "", line: int = 0) -> Footnote:
    """Parse a whole footnote ("Сноска. …", "Ескерту. …", "Footnote. …")."""
    reg = registry(lang)
    body = reg.normalise(clean(text))
    prefix = reg.compiled(reg.note_prefix).match(body)
    if prefix:
        body = body[prefix.end():].lstrip()
    for pattern in reg.subjects:
        m = reg.compiled(pattern).match(body)
        if m:
            break
    else:
        raise FootnoteError(file, line, f"unknown footnote subject in {body[:60]!r}")
    groups = m.groupdict()
    kind = reg.unit_kind(groups["unit"])
    # "Закон дополнен статьей 21-1", "Глава дополнена статьей 19-1": the act itself, or the chapter
    # the note sits in, named without a number; the inserted unit alone is then the path
    subject: Path = () if kind == "act" or not groups.get("num") and kind == "chapter" else \
        ((kind, groups.get("num") or ""),)
    heading = bool(groups.get("heading"))
    clauses = parse_clauses(body[m.end():], reg, subject, heading, file, line)
    return Footnote(text=text, lang=lang, subject=subject, clauses=clauses, file=file, line=line)


def parse_repeal_note(text: str, lang: str, path: Path, file: str = "", line: int = 0) -> list[Clause]:
    """An inline repeal note kept as a provision's text: "исключен Законом РК от … (…);".

    >>> [c.kind for c in parse_repeal_note("**исключен Законом РК от 14.07.2022 № 141-VII (вводится в "
    ...     "действие по истечении десяти календарных дней после дня его первого официального "
    ...     "опубликования);**", "rus", (("article", "1"), ("point", "16")))]
    ['repealed']
    """
    reg = registry(lang)
    return parse_clauses(reg.normalise(clean(text)), reg, path, False, file, line)


def is_repeal_note(text: str, lang: str) -> bool:
    """Does this provision text read as an inline repeal note ("3) исключен …")?"""
    reg = registry(lang)
    return bool(reg.compiled(r"^\s*" + reg.repeal_inline).match(reg.normalise(clean(text))))


def parse_clauses(rest: str, reg: Registry, subject: Path, heading: bool, file: str, line: int) -> list[Clause]:
    """The kind phrases and act citations after a subject, in order; nothing may be left over.

    Where the language names the kind of act after a list of citations ("… № 417-V (…); 17.11.2015
    № 408-V (…) заңдарымен"), a citation without its own act type takes the one that closes its list.
    """
    pending: list[tuple[str, Path, dict, dict]] = []
    pos, kind, target, phrase = 0, None, subject, {}
    for m in reg.compiled(reg.citation).finditer(rest):
        gap = rest[pos:m.start()]
        if not _SEPARATORS.match(gap):
            # after "Глава 2 дополнена статьей 9-1", later phrases speak of Art. 9-1
            kind, target, phrase = _kind_phrase(gap, reg, target, file, line)
        if kind is None:
            raise FootnoteError(file, line, f"no kind of change before {m.group(0)[:40]!r}")
        pending.append((kind, target, phrase, m.groupdict()))
        pos = m.end()
    tail = rest[pos:]
    if not _SEPARATORS.match(tail):
        raise FootnoteError(file, line, f"unknown footnote form: {_EDGE.sub('', tail)[:80]!r}")
    if not pending:
        raise FootnoteError(file, line, "footnote cites no act")
    clauses: list[Clause] = []
    closing = ""
    for kind, target, phrase, cite in reversed(pending):
        word = cite.get("acttype") or phrase.get("acttype") or (closing if reg.act_type_after else "")
        closing = cite.get("acttype") or closing
        acttype = reg.act_type(word or "")
        if acttype is None:
            raise FootnoteError(file, line, f"unknown kind of act for No. {cite['number']} in {rest[:60]!r}")
        rule_text = cite.get("rule") or cite.get("rule2") or cite.get("rule3")
        act = ActCitation(
            act_type=acttype,
            date=parse_dotted_date(cite["date"]),
            number=latin_number(cite["number"]),
            body=(cite.get("body") or phrase.get("body") or None),
            rule=parse_rule(rule_text, reg, file, line) if rule_text else None,
        )
        effective_kind = "heading_changed" if heading and kind in ("amended", "new_wording") else kind
        clauses.append(Clause(kind=effective_kind, path=target, act=act))
    return clauses[::-1]


def latin_number(number: str) -> str:
    """An act number with the Cyrillic "І" some copies type in its Roman numeral made Latin.

    >>> latin_number("241-VІ"), latin_number("189/НҚ")
    ('241-VI', '189/НҚ')
    """
    head, sep, tail = number.partition("-")
    return head + sep + tail.replace("І", "I") if sep and set(tail) <= set("IVXLІ") else number


def _kind_phrase(gap: str, reg: Registry, subject: Path, file: str, line: int):
    text = _EDGE.sub("", gap)
    for pattern, kind in reg.kinds:
        m = reg.compiled(pattern).fullmatch(text)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v}
            target = subject
            if kind == "inserted" and groups.get("unit"):
                target = subject + ((reg.unit_kind(groups["unit"]), groups["num"]),)
            return kind, target, groups
    raise FootnoteError(file, line, f"unknown footnote phrase {text[:80]!r}")


def parse_rule(text: str, reg: Registry, file: str = "", line: int = 0) -> EntryIntoForce:
    """An entry-into-force clause → ``EntryIntoForce``.

    >>> parse_rule("алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң, бірақ "
    ...            "2016 жылдың 1 наурызынан бұрын емес қолданысқа енгізіледі", registry("kaz"))
    ...                                                   # doctest: +ELLIPSIS
    EntryIntoForce(kind='after_publication', days=10, on=None, not_before=datetime.date(2016, 3, 1), ...)
    """
    flat = reg.normalise(clean(text))
    for pattern, kind in reg.rules:
        m = reg.compiled(pattern).search(flat)
        if not m:
            continue
        g = m.groupdict()
        days = None
        if g.get("days"):
            days = reg.numeral(g["days"])
            if days is None:
                raise FootnoteError(file, line, f"unknown number of days {g['days']!r} in {flat!r}")
        return EntryIntoForce(kind=kind, days=days, on=_date(g, "on", reg, file, line),
                              not_before=_date(g, "nb", reg, file, line), text=flat)
    raise FootnoteError(file, line, f"unknown entry-into-force rule {flat[:80]!r}")


def _date(groups: dict, prefix: str, reg: Registry, file: str, line: int) -> date | None:
    if groups.get(prefix):
        return parse_dotted_date(groups[prefix])
    if groups.get(f"{prefix}_year"):
        month = reg.month(groups[f"{prefix}_month"])
        if month is None:
            raise FootnoteError(file, line, f"unknown month {groups[f'{prefix}_month']!r}")
        return date(int(groups[f"{prefix}_year"]), month, int(groups[f"{prefix}_day"]))
    return None
