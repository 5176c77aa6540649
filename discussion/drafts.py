"""Draft acts under public discussion, read from ``corpus/drafts/<id>.toml``.

A draft file holds what Art. 15 of Law 88-V asks the developer to publish::

    title = "…"
    developer = "…"                     # the state body developing the draft
    kind = "amendment"                  # "new" or "amendment"
    amends = "order-78"                 # amendment drafts: a corpus short name or a work URI

    [posted]
    at = 2025-03-05T10:00:00+05:00      # a date, or a datetime with its offset
    where = "…"                         # where it was posted

    [[comments]]
    received = 2025-03-12T09:15:00+05:00  # always with an offset
    author_kind = "legal_entity"        # or "individual"; no personal data beyond what the drafter enters
    text = "…"
    decision = "accepted"               # or "rejected"; absent while undecided
    justification = "…"

    [report]                            # the completion report, once posted
    posted_at = 2025-04-01T11:00:00+05:00
    where = "…"

Reading a draft also works out its window and resolves the work it amends, so that
``draft_status`` needs nothing else:

    >>> from pathlib import Path
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> draft = read_draft(corpus / "drafts" / "example-amend-order-78.toml", corpus)
    >>> draft.window.deadline, draft.linked_work_uri
    (datetime.date(2025, 3, 20), '/akn/kz/act/order/2016-12-08/78')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from akn_schema.config import decode_config, parse_config
from akn_schema.schemas import DRAFT, name_problem
from akn_schema.works import load_works
from discussion.deadline import DiscussionWindow, working_day_deadline
from discussion.errors import DraftError, DraftFileError, UnknownDraft
from discussion.working_days import WorkingCalendar, load_calendar

KINDS = ("new", "amendment")
AUTHOR_KINDS = ("individual", "legal_entity")
DECISIONS = ("accepted", "rejected")


@dataclass(frozen=True)
class Comment:
    """A comment on a draft; ``number`` is its 1-based place in the file."""

    number: int
    received: datetime
    author_kind: str
    text: str
    decision: str | None = None
    justification: str | None = None


@dataclass(frozen=True)
class Posting:
    """When and where a draft was posted; ``at`` is a date, or an aware datetime."""

    at: date | datetime
    where: str


@dataclass(frozen=True)
class CompletionReport:
    """The developer's report on the discussion: the comments and the reasons for each decision."""

    posted_at: date | datetime
    where: str


@dataclass(frozen=True)
class Draft:
    """A draft bylaw, with its discussion window worked out and its target work resolved."""

    id: str
    path: Path
    title: str
    developer: str
    kind: str
    posted: Posting
    window: DiscussionWindow
    comments: tuple[Comment, ...] = ()
    report: CompletionReport | None = None
    amends: str | None = None
    linked_work_uri: str | None = None


def corpus_works(corpus_dir) -> dict[str, str]:
    """Short name and work URI → work URI, for every work of the corpus (``load_works``: each
    ``work.toml`` read through its schema, names and URIs unique; a command's ``Corpus`` has them
    read already)."""
    from akn_schema.corpus import Corpus

    works = {}
    for work in (corpus_dir.works if isinstance(corpus_dir, Corpus) else load_works(corpus_dir)).values():
        works[work.name] = work.uri
        works[work.uri] = work.uri
    return works


def _text(doc: dict, key: str, path: Path, where: str = "", required: bool = True) -> str | None:
    value = doc.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise DraftError(path, f"{where}{key} must be a non-empty string")
    return value.strip()


def _moment(value, path: Path, where: str, aware: bool) -> date | datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise DraftError(path, f"{where} needs a time zone offset, e.g. 2025-03-12T09:15:00+05:00")
        return value
    if isinstance(value, date) and not aware:
        return value
    kind = "a datetime with an offset" if aware else "a date or a datetime with an offset"
    raise DraftError(path, f"{where} must be {kind}")


def comment_from(doc: dict, number: int, path: Path) -> Comment:
    """Check one comment table and return it as a ``Comment``."""
    where = f"comments[{number}]."
    received = _moment(doc.get("received"), path, f"{where}received", aware=True)
    author_kind = doc.get("author_kind")
    if author_kind not in AUTHOR_KINDS:
        raise DraftError(path, f"{where}author_kind must be one of {', '.join(AUTHOR_KINDS)}")
    decision = doc.get("decision")
    if decision is not None and decision not in DECISIONS:
        raise DraftError(path, f"{where}decision must be one of {', '.join(DECISIONS)}")
    justification = _text(doc, "justification", path, where, required=False)
    if justification and decision is None:
        raise DraftError(path, f"{where}justification given without a decision")
    return Comment(number, received, author_kind, _text(doc, "text", path, where), decision, justification)


def draft_from(doc: dict, path: Path, calendar: WorkingCalendar, works: dict[str, str]) -> Draft:
    """Check a parsed draft document and return the ``Draft`` with its window."""
    kind = doc.get("kind")
    if kind not in KINDS:
        raise DraftError(path, f"kind must be one of {', '.join(KINDS)}")
    amends = _text(doc, "amends", path, required=kind == "amendment")
    if amends and kind != "amendment":
        raise DraftError(path, "only an amendment draft names the work it amends")
    posted_doc = doc.get("posted")
    if not isinstance(posted_doc, dict):
        raise DraftError(path, "[posted] with `at` and `where` is required")
    posted = Posting(_moment(posted_doc.get("at"), path, "posted.at", aware=False),
                     _text(posted_doc, "where", path, "posted."))
    comments = doc.get("comments", [])
    if not isinstance(comments, list) or not all(isinstance(c, dict) for c in comments):
        raise DraftError(path, "comments must be an array of tables ([[comments]])")
    report, report_doc = None, doc.get("report")
    if report_doc is not None:
        if not isinstance(report_doc, dict):
            raise DraftError(path, "[report] must be a table with `posted_at` and `where`")
        report = CompletionReport(_moment(report_doc.get("posted_at"), path, "report.posted_at", aware=False),
                                  _text(report_doc, "where", path, "report."))
    return Draft(
        id=path.stem, path=path, title=_text(doc, "title", path), developer=_text(doc, "developer", path),
        kind=kind, posted=posted, window=working_day_deadline(posted.at, calendar),
        comments=tuple(comment_from(c, i, path) for i, c in enumerate(comments, 1)),
        report=report, amends=amends, linked_work_uri=works.get(amends) if amends else None)


def parse_draft(source: str, path: Path, calendar: WorkingCalendar, works: dict[str, str]) -> Draft:
    """A draft from TOML text; any defect is a one-line ``DraftError`` naming the file (and the
    line and key, for anything its schema ``akn_schema.schemas.DRAFT`` catches)."""
    if problem := name_problem(path.stem):
        raise DraftFileError(path, None, None, f"the file name {path.stem!r} cannot be a draft id: it {problem}")
    doc = parse_config(source, path, DRAFT, error=DraftFileError)
    amends = doc.data.get("amends")
    if isinstance(amends, str) and not amends.startswith("/") and amends not in works:
        known = ", ".join(sorted(k for k in works if not k.startswith("/"))) or "none"
        raise doc.error(("amends",), f"names no work of the corpus: {amends!r} (known: {known}; "
                                     f"a work outside the corpus is given by its URI, /akn/kz/act/…)")
    try:
        return draft_from(doc.data, path, calendar, works)
    except OverflowError:
        raise doc.error(("posted", "at"), "leaves no ten working days before 9999-12-31, the last date "
                                          "zanlex can count") from None


def _source(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DraftError(path, f"cannot read: {err.strerror or err}") from None
    return decode_config(data, path, DraftFileError)


def read_draft(path: Path, corpus_dir: Path, calendar: WorkingCalendar | None = None) -> Draft:
    """Read one draft file of ``corpus_dir``."""
    path = Path(path)
    return parse_draft(_source(path), path, calendar or load_calendar(corpus_dir), corpus_works(corpus_dir))


def draft_path(corpus_dir: Path, draft_id: str) -> Path:
    """The file of a draft given by id (``example-amend-order-78``) or by path; either way it
    must be a ``.toml`` file directly in ``corpus_dir/drafts`` (no ``../``, no other folder)."""
    folder = Path(corpus_dir) / "drafts"
    candidate = Path(draft_id)
    if candidate.suffix == ".toml" and candidate.is_file():
        if candidate.resolve().parent != folder.resolve():
            raise UnknownDraft(f"{draft_id}: a draft must be a file in {folder}")
        return candidate
    if problem := name_problem(draft_id):
        raise UnknownDraft(f"{draft_id!r} is not a draft id: it {problem}")
    path = folder / f"{draft_id}.toml"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted(folder.glob("*.toml"))) or "none"
        raise UnknownDraft(f"no draft {draft_id!r} in {folder} (known: {known})")
    return path


def load_drafts(corpus_dir) -> list[Draft]:
    """Every ``corpus_dir/drafts/*.toml``, sorted by posting date then id (``corpus_dir``: the
    folder, or the command's ``akn_schema.corpus.Corpus``, whose works are not read again)."""
    works = corpus_works(corpus_dir)
    corpus_dir = Path(corpus_dir)
    calendar = load_calendar(corpus_dir)
    drafts = [parse_draft(_source(p), p, calendar, works) for p in sorted((corpus_dir / "drafts").glob("*.toml"))]
    return sorted(drafts, key=lambda d: (d.window.posted, d.id))
