"""Where a draft's discussion stands on a given day (Art. 15 of Law 88-V, pp. 3–5).

- ``open``: the window runs; ``days_left`` counts the working days from ``today`` to the deadline,
  today included when it is one of them.
- ``closed_report_due``: the window has closed and no completion report was posted by ``today``.
- ``closed_reported``: the window has closed and the report is posted.
- ``not_yet_posted``: ``today`` is before the posting date (only when asked about the past).

``comments`` holds the comments received by the end of ``today``.

Comments received from 24:00 Astana time of the deadline on are ``not_subject_to_consideration``
(p. 4): they are kept and marked. A decision without a justification is flagged, since the
report must give the reason for each decision.

    >>> from pathlib import Path
    >>> from discussion.drafts import read_draft
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> draft = read_draft(corpus / "drafts" / "example-amend-order-78.toml", corpus)
    >>> s = draft_status(draft, date(2025, 3, 18))
    >>> s.status, s.days_left, s.deadline
    ('open', 3, datetime.date(2025, 3, 20))
    >>> s = draft_status(draft, date(2025, 4, 7))
    >>> s.status, [c.number for c in s.late_comments], [c.number for c in s.missing_justifications]
    ('closed_reported', [3], [2])
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from discussion.deadline import astana_date, is_timely
from discussion.drafts import Comment, Draft

OPEN = "open"
CLOSED_REPORT_DUE = "closed_report_due"
CLOSED_REPORTED = "closed_reported"
NOT_YET_POSTED = "not_yet_posted"

CONSIDERED = "subject_to_consideration"
NOT_SUBJECT = "not_subject_to_consideration"


@dataclass(frozen=True)
class CommentStatus:
    """A comment as the report must treat it."""

    comment: Comment
    consideration: str
    missing_justification: bool

    @property
    def number(self) -> int:
        return self.comment.number


@dataclass(frozen=True)
class DraftStatus:
    """The state of one draft's discussion on ``today``."""

    draft: Draft
    today: date
    status: str
    days_left: int | None
    comments: tuple[CommentStatus, ...]
    warnings: tuple[str, ...]

    @property
    def deadline(self) -> date:
        return self.draft.window.deadline

    @property
    def closes_at(self) -> datetime:
        return self.draft.window.closes_at

    @property
    def linked_work_uri(self) -> str | None:
        return self.draft.linked_work_uri

    @property
    def late_comments(self) -> tuple[Comment, ...]:
        return tuple(c.comment for c in self.comments if c.consideration == NOT_SUBJECT)

    @property
    def missing_justifications(self) -> tuple[Comment, ...]:
        return tuple(c.comment for c in self.comments if c.missing_justification)

    @property
    def undecided(self) -> tuple[Comment, ...]:
        """Timely comments without a decision: the report must decide each one."""
        return tuple(c.comment for c in self.comments if c.consideration == CONSIDERED and not c.comment.decision)


def _status(draft: Draft, today: date) -> tuple[str, int | None]:
    window = draft.window
    if today < window.posted:
        return NOT_YET_POSTED, None
    if today <= window.deadline:
        return OPEN, sum(1 for d in window.working_days if d >= today)
    if draft.report and astana_date(draft.report.posted_at) <= today:
        return CLOSED_REPORTED, 0
    return CLOSED_REPORT_DUE, 0


def draft_status(draft: Draft, today: date) -> DraftStatus:
    """The status of ``draft`` on ``today`` (an Astana calendar date).

    Only what is known by the end of ``today`` counts: comments received later, and a report
    posted later, are left out, so that asking about a past day gives the answer of that day.
    """
    window = draft.window
    status, days_left = _status(draft, today)
    received = [c for c in draft.comments if astana_date(c.received) <= today]
    comments = tuple(
        CommentStatus(c, CONSIDERED if is_timely(c.received, window) else NOT_SUBJECT,
                      bool(c.decision) and not c.justification)
        for c in received)
    warnings = list(window.warnings)
    for c in received:
        if astana_date(c.received) < window.posted:
            warnings.append(f"comment {c.number} was received before the draft was posted")
    for c in comments:
        if c.consideration == NOT_SUBJECT and c.comment.decision:
            warnings.append(f"comment {c.number} came after the close and is not subject to consideration, "
                            f"yet it has a decision")
    if draft.report and astana_date(draft.report.posted_at) <= window.deadline:
        warnings.append("the completion report is dated before the window closed")
    result = DraftStatus(draft, today, status, days_left, comments, tuple(warnings))
    if status == CLOSED_REPORTED and result.undecided:
        numbers = ", ".join(str(c.number) for c in result.undecided)
        result = DraftStatus(draft, today, status, days_left, comments,
                             (*warnings, f"the report gives no decision on comment(s) {numbers}"))
    return result


def _moment(value: date | datetime) -> str:
    return value.isoformat()


def status_record(s: DraftStatus) -> dict:
    """The status as JSON-ready data (one item of ``status --json``)."""
    draft = s.draft
    return {
        "id": draft.id,
        "title": draft.title,
        "developer": draft.developer,
        "kind": draft.kind,
        "amends": draft.amends,
        "linked_work_uri": draft.linked_work_uri,
        "posted": _moment(draft.posted.at),
        "posted_where": draft.posted.where,
        "opens": draft.window.opens.isoformat(),
        "deadline": s.deadline.isoformat(),
        "closes_at": s.closes_at.isoformat(),
        "today": s.today.isoformat(),
        "status": s.status,
        "days_left": s.days_left,
        "comments": len(s.comments),
        "late_comments": [{"number": c.number, "received": c.received.isoformat(), "marked": NOT_SUBJECT}
                          for c in s.late_comments],
        "missing_justifications": [{"number": c.number, "decision": c.decision}
                                   for c in s.missing_justifications],
        "undecided": [c.number for c in s.undecided],
        "report": ({"posted_at": _moment(draft.report.posted_at), "where": draft.report.where}
                   if draft.report else None),
        "warnings": list(s.warnings),
    }
