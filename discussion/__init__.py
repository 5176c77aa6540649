"""Public discussion of draft acts (Art. 15 of Law 88-V): working days, windows, drafts, status.

A draft bylaw on rendering a state service is open for comments for ten working days. Day 1 is
the first working day after the posting date (Civil Code of RK, art. 187); the window closes at
24:00 of the 10th working day, Astana time. Later comments are not subject to consideration;
then the developer posts a completion report.

The public functions, for the CLI and the site:

- ``load_drafts(corpus_dir) -> list[Draft]``: every ``corpus/drafts/*.toml``, each with its
  ``window`` (a ``DiscussionWindow``) and the ``linked_work_uri`` of the work it amends.
- ``draft_status(draft, today) -> DraftStatus``: ``status`` (``open``, ``closed_report_due``,
  ``closed_reported``, or ``not_yet_posted``), ``days_left``, ``deadline``, ``closes_at``,
  ``late_comments``, ``missing_justifications``, ``undecided``, ``linked_work_uri``, ``warnings``.
  ``status_record(status)`` gives the same as JSON-ready data.
- ``working_day_deadline(posted, calendar) -> DiscussionWindow``: the window of a posting (a date,
  or a datetime; an aware one is converted to Astana time). ``window_record`` gives it as JSON.
- ``load_calendar(corpus_dir) -> WorkingCalendar``: the ``holidays`` package for KZ plus the
  decrees of ``corpus/calendar.toml``.
- ``ics_feed(drafts, stamp=None) -> bytes``: an iCalendar feed, one event per window;
  ``read_feed(bytes)`` reads one back and validates it.
- ``add_comment(path, corpus_dir, received=…, author_kind=…, text=…)``: records a comment atomically.

Worked example: a draft posted on Wednesday 5 March 2025 closes at 24:00 on Thursday 20 March
(Monday 10 March is the day off for 8 March, which fell on a Saturday).

    >>> from datetime import date
    >>> w = working_day_deadline(date(2025, 3, 5), WorkingCalendar())
    >>> w.deadline, w.closes_at.isoformat()
    (datetime.date(2025, 3, 20), '2025-03-21T00:00:00+05:00')
    >>> from pathlib import Path
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> [(d.id, draft_status(d, date(2025, 4, 7)).status) for d in load_drafts(corpus)]
    [('example-amend-order-78', 'closed_reported'), ('example-new-rules-report-missing', 'closed_report_due'), ('example-open-consultation', 'open')]
"""

from discussion.comments import add_comment, parse_received
from discussion.deadline import (
    ASTANA,
    DiscussionWindow,
    astana_date,
    is_timely,
    parse_posted,
    window_record,
    working_day_deadline,
)
from discussion.drafts import Comment, CompletionReport, Draft, Posting, draft_path, load_drafts, read_draft
from discussion.errors import CalendarError, DiscussionError, DraftError, UnknownDraft
from discussion.ics import ics_feed, read_feed
from discussion.status import DraftStatus, draft_status, status_record
from discussion.working_days import WorkingCalendar, load_calendar

__all__ = [
    "ASTANA", "CalendarError", "Comment", "CompletionReport", "DiscussionError", "DiscussionWindow", "Draft",
    "DraftError", "DraftStatus", "Posting", "UnknownDraft", "WorkingCalendar", "add_comment", "astana_date",
    "draft_path", "draft_status", "ics_feed", "is_timely", "load_calendar", "load_drafts", "parse_posted", "parse_received",
    "read_draft", "read_feed", "status_record", "window_record", "working_day_deadline",
]
