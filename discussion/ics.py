"""An iCalendar feed of discussion windows: one event per draft, from day 1 to 24:00 of the deadline.

Events are timed in ``Asia/Almaty`` (with its ``VTIMEZONE``), so a drafter in another time zone
sees the exact moment the window closes. ``DTSTAMP`` is given by the caller, so the same drafts
give the same bytes.

    >>> from pathlib import Path
    >>> from discussion.drafts import load_drafts
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> feed = ics_feed(load_drafts(corpus), stamp=datetime(2025, 4, 7, tzinfo=UTC))
    >>> [(str(e["UID"]), e["DTEND"].dt.isoformat()) for e in read_feed(feed)][0]
    ('example-amend-order-78@zanlex', '2025-03-21T00:00:00+05:00')
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import icalendar

from discussion.deadline import ASTANA
from discussion.drafts import Draft
from discussion.errors import DiscussionError

PRODID = "-//zanlex//public discussion of draft acts//EN"
UID_DOMAIN = "zanlex"


class FeedError(DiscussionError):
    """An iCalendar feed that does not read back as a valid calendar."""


def window_event(draft: Draft, stamp: datetime) -> icalendar.Event:
    """The event for one draft's window."""
    window = draft.window
    event = icalendar.Event()
    event.add("uid", f"{draft.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", datetime.combine(window.opens, time(0), tzinfo=ASTANA))
    event.add("dtend", window.closes_at)
    event.add("summary", f"Public discussion: {draft.title}")
    lines = [
        f"Draft: {draft.title}",
        f"Developer: {draft.developer}",
        f"Posted on {window.posted.isoformat()} ({draft.posted.where}).",
        f"Day 1 is {window.opens.isoformat()}; comments are accepted until 24:00 Astana time on "
        f"{window.deadline.isoformat()} (Art. 15 of Law 88-V: ten working days).",
        "Comments received later are not subject to consideration.",
    ]
    if draft.linked_work_uri:
        lines.append(f"Amends {draft.linked_work_uri}.")
    lines += [f"Warning: {w}" for w in window.warnings]
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["public discussion"])
    return event


def ics_feed(drafts: list[Draft], stamp: datetime | None = None) -> bytes:
    """The feed of every draft's window, as iCalendar bytes; ``stamp`` (default: now) is DTSTAMP."""
    stamp = stamp or datetime.now(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "zanlex: public discussion of draft acts")
    cal.add("x-wr-timezone", "Asia/Almaty")
    # Always present, so that a feed with no drafts is still a calendar with a component.
    first = min((d.window.opens for d in drafts), default=date(2020, 1, 1)).replace(month=1, day=1)
    cal.add_component(icalendar.Timezone.from_tzid("Asia/Almaty", first_date=first))
    for draft in drafts:
        cal.add_component(window_event(draft, stamp))
    return cal.to_ical()


def read_feed(feed: bytes) -> list[icalendar.Event]:
    """Read a feed back and check it: the calendar's and each event's required properties.

    Raises ``FeedError`` when it does not validate; returns the events otherwise.
    """
    try:
        cal = icalendar.Calendar.from_ical(feed)
        cal.validate()
    except (ValueError, icalendar.error.IncompleteComponent) as err:
        raise FeedError(f"the iCalendar feed does not validate: {err}") from None
    problems = [f"{c.name}: {e}" for c in cal.walk() for e in getattr(c, "errors", [])]
    events = list(cal.walk("VEVENT"))
    uids = [str(e.get("UID")) for e in events]
    for event in events:
        missing = [p for p in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY") if p not in event]
        if missing:
            problems.append(f"event {event.get('UID')} lacks {', '.join(missing)}")
        elif not event["DTSTART"].dt < event["DTEND"].dt:
            problems.append(f"event {event['UID']} ends before it starts")
    if len(set(uids)) != len(uids):
        problems.append("two events share a UID")
    if problems:
        raise FeedError(f"the iCalendar feed does not validate: {'; '.join(problems)}")
    return events
