"""The ten-working-day window of public discussion (Art. 15 of Law 88-V).

Civil Code of RK, art. 187: a period starts on the day after the event, so day 1 is the first
working day after the posting date. The window closes at 24:00 of the 10th working day, Astana
time (``Asia/Almaty``; UTC+6 until 1 March 2024, UTC+5 since). A posting time given with a time
zone is converted to Astana time first; one without is taken as Astana time.

Worked example, posted Wednesday 5 March 2025: day 1 is Thu 6 March; 8 March fell on a Saturday,
so Monday 10 March is a day off; the tenth working day is Thursday 20 March, just before Nauryz.

    >>> w = working_day_deadline(date(2025, 3, 5), WorkingCalendar())
    >>> w.opens, w.deadline, w.closes_at.isoformat()
    (datetime.date(2025, 3, 6), datetime.date(2025, 3, 20), '2025-03-21T00:00:00+05:00')
    >>> [(s.day.isoformat(), s.kind) for s in w.skipped]
    [('2025-03-10', 'holiday_moved')]
    >>> is_timely(datetime(2025, 3, 20, 18, 59, tzinfo=UTC), w)   # 23:59 in Astana
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from discussion.errors import DiscussionError
from discussion.working_days import DayOff, WorkingCalendar

ASTANA = ZoneInfo("Asia/Almaty")
WORKING_DAYS = 10  # Art. 15, p. 3 of Law 88-V

__all__ = ["ASTANA", "WORKING_DAYS", "UTC", "DiscussionWindow", "WeekendWorkingDay", "astana_date",
           "is_timely", "parse_posted", "window_record", "working_day_deadline"]


@dataclass(frozen=True)
class WeekendWorkingDay:
    """A Saturday or Sunday in the window that a decree makes a working day (it counts)."""

    day: date
    reason: str


@dataclass(frozen=True)
class DiscussionWindow:
    """The window of one posting: ``working_days[0]`` is day 1, ``working_days[-1]`` the deadline."""

    posted: date
    working_days: tuple[date, ...]
    skipped: tuple[DayOff, ...]
    weekend_working_days: tuple[WeekendWorkingDay, ...]
    warnings: tuple[str, ...]
    posted_at: datetime | None = None

    @property
    def opens(self) -> date:
        return self.working_days[0]

    @property
    def deadline(self) -> date:
        return self.working_days[-1]

    @property
    def closes_at(self) -> datetime:
        """24:00 of the deadline in Astana, i.e. 00:00 of the next day: a comment must come before it."""
        return datetime.combine(self.deadline + timedelta(days=1), time(0), tzinfo=ASTANA)


def astana_date(moment: date | datetime) -> date:
    """The Astana calendar date of a posting: aware datetimes are converted, naive ones are Astana time.

        >>> astana_date(datetime(2025, 3, 5, 20, 30, tzinfo=UTC))   # 01:30 on 6 March in Astana
        datetime.date(2025, 3, 6)
    """
    if isinstance(moment, datetime):
        if not moment.tzinfo:
            return moment.date()
        try:
            return moment.astimezone(ASTANA).date()
        except (OverflowError, ValueError):
            raise DiscussionError(f"{moment.isoformat()} is outside the dates zanlex can count "
                                  f"(0001-01-02 … 9999-12-30 in Astana)") from None
    return moment


def parse_posted(value: str) -> date | datetime:
    """A posting given on the command line: ``2025-03-05`` or an ISO datetime (offset optional).

        >>> parse_posted("2025-03-05"), parse_posted("2025-03-05T20:30:00Z").hour
        (datetime.date(2025, 3, 5), 20)
    """
    text = value.strip()
    try:
        posted = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise DiscussionError(f"posting date {value!r} is neither a date (2025-03-05) nor an ISO "
                              f"datetime (2025-03-05T10:00:00+05:00)") from None
    astana_date(posted)     # within the calendar zanlex can count, or a one-line error
    return posted


def _warnings(posted: date, deadline: date, calendar: WorkingCalendar) -> tuple[str, ...]:
    found = []
    for year in range((posted + timedelta(days=1)).year, deadline.year + 1):
        if not calendar.has_transfer_decree(year):
            found.append(f"no government decree moving days off is recorded for {year} (holidays package "
                         f"or corpus/calendar.toml): a decree may still move a day off into this window")
    # An estimated religious holiday may come a day earlier or later, so look one day either side.
    for off in calendar.estimated_holidays(posted, deadline + timedelta(days=1)):
        found.append(f"{off.day.isoformat()} {off.reason}: the date is estimated and is announced each "
                     f"year; the deadline depends on it")
    return tuple(found)


def working_day_deadline(posted: date | datetime, calendar: WorkingCalendar,
                         days: int = WORKING_DAYS) -> DiscussionWindow:
    """The window for a draft posted on ``posted``: the ``days`` working days after the posting date.

    Posted on Friday 4 April 2025, there is no holiday in the way: day 1 is Monday 7 April and
    the deadline Friday 18 April.

        >>> working_day_deadline(date(2025, 4, 4), WorkingCalendar()).deadline
        datetime.date(2025, 4, 18)
    """
    try:
        return _window(posted, calendar, days)
    except (OverflowError, ValueError):
        raise DiscussionError(f"a posting on {astana_date(posted)} leaves no {days} working days before "
                              f"9999-12-31, the last date zanlex can count") from None


def _window(posted: date | datetime, calendar: WorkingCalendar, days: int) -> DiscussionWindow:
    posted_day = astana_date(posted)
    working, skipped, worked_weekends = [], [], []
    day = posted_day
    while len(working) < days:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            working.append(day)
            if day.weekday() >= 5:
                worked_weekends.append(WeekendWorkingDay(day, calendar.weekend_working_reason(day) or ""))
        elif day.weekday() < 5:
            skipped.append(calendar.day_off(day) or DayOff(day, "day off", "unknown"))
    posted_at = posted.astimezone(ASTANA) if isinstance(posted, datetime) and posted.tzinfo else None
    return DiscussionWindow(posted_day, tuple(working), tuple(skipped), tuple(worked_weekends),
                            _warnings(posted_day, working[-1], calendar), posted_at)


def is_timely(received: datetime, window: DiscussionWindow) -> bool:
    """Whether a comment arrived before 24:00 Astana time of the deadline (an aware datetime).

        >>> w = working_day_deadline(date(2025, 3, 5), WorkingCalendar())
        >>> is_timely(datetime(2025, 3, 21, 0, 1, tzinfo=ASTANA), w)
        False
    """
    if received.tzinfo is None:
        raise ValueError("a comment's receipt time needs a time zone")
    return received < window.closes_at


def window_record(window: DiscussionWindow) -> dict:
    """The window as JSON-ready data (the ``deadline --json`` output).

        >>> window_record(working_day_deadline(date(2025, 4, 4), WorkingCalendar()))["closes_at"]
        '2025-04-19T00:00:00+05:00'
    """
    return {
        "posted": window.posted.isoformat(),
        **({"posted_at": window.posted_at.isoformat()} if window.posted_at else {}),
        "opens": window.opens.isoformat(),
        "deadline": window.deadline.isoformat(),
        "closes_at": window.closes_at.isoformat(),
        "working_days": [d.isoformat() for d in window.working_days],
        "skipped": [{"date": s.day.isoformat(), "weekday": f"{s.day:%A}", "reason": s.reason, "kind": s.kind}
                    for s in window.skipped],
        "weekend_working_days": [{"date": w.day.isoformat(), "weekday": f"{w.day:%A}", "reason": w.reason}
                                 for w in window.weekend_working_days],
        "warnings": list(window.warnings),
    }
