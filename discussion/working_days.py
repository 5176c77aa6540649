"""The working-day calendar of Kazakhstan: Monday to Friday, minus holidays and decreed days off.

The source is the ``holidays`` package (country ``KZ``): its public holidays, its "observed"
days (a holiday that falls on a weekend moves the day off to the next working day, except the
religious ones), and its record of government decrees that move a day off ("substituted"
days) together with the weekend day that becomes a working day in exchange. ``corpus/calendar.toml``
adds decrees the package does not know yet; each one names its act.

    >>> from datetime import date
    >>> cal = WorkingCalendar()
    >>> cal.is_working_day(date(2025, 3, 10))      # 8 March 2025 was a Saturday
    False
    >>> cal.day_off(date(2025, 3, 10)).reason
    "International Women's Day (observed): the holiday fell on Sat 2025-03-08, and the day off moves to the next working day"
    >>> cal.is_working_day(date(2025, 1, 5))       # a Sunday made a working day by decree
    True
    >>> cal.weekend_working_reason(date(2025, 1, 5))
    'working day by government decree, in exchange for the day off on Fri 2025-01-03'
    >>> cal.has_transfer_decree(2025), cal.has_transfer_decree(2026)
    (True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import holidays

from akn_schema.config import Document, read_config
from akn_schema.schemas import CALENDAR
from discussion.errors import CalendarFileError

COUNTRY = "KZ"
LANGUAGE = "en_US"

# Kinds of non-working weekday, as reported in ``skipped``.
HOLIDAY = "holiday"                 # a public holiday on its own date
HOLIDAY_MOVED = "holiday_moved"     # the day off for a holiday that fell on a weekend
DECREE_DAY_OFF = "decree_day_off"   # a working day made a day off by government decree


@dataclass(frozen=True)
class DayOffMove:
    """One exchange made by a decree: ``day_off`` becomes a day off, ``working_day`` is worked."""

    day_off: date
    working_day: date | None = None


@dataclass(frozen=True)
class TransferDecree:
    """A government decree on moving days off for ``year``, as entered in ``calendar.toml``.

    A decree with no moves still settles the year: it silences the "no recorded decree" warning.
    """

    act: str
    year: int
    moves: tuple[DayOffMove, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class DayOff:
    """Why a weekday is not a working day."""

    day: date
    reason: str
    kind: str
    estimated: bool = False


def _weekday(day: date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _substitutions(book: holidays.HolidayBase, year: int) -> dict[date, date]:
    """The package's decreed moves of ``year``: the day made a day off → the weekend day worked."""
    entries = getattr(book, "special_public_holidays", {}).get(year, ())
    if entries and isinstance(entries[0], int):
        entries = (entries,)
    moves = {}
    for entry in entries:
        if len(entry) >= 4:  # (to_month, to_day, from_month, from_day[, from_year])
            to_month, to_day, from_month, from_day, *from_year = entry
            moves[date(year, to_month, to_day)] = date(from_year[0] if from_year else year,
                                                       from_month, from_day)
    return moves


def _explained(book: holidays.HolidayBase, day: date, name: str) -> str:
    """An observed day off, with the weekend date of the holiday that moved it."""
    base = name.replace(" (observed)", "")
    if base == name:
        return name
    weekend = [d for d in (day - timedelta(days=k) for k in range(7, 0, -1))
               if d.weekday() >= 5 and base in book.get_list(d)]
    if not weekend:
        return name
    fell = ", ".join(_weekday(d) for d in weekend)
    moves = "the day off moves" if len(weekend) == 1 else "the days off move"
    return f"{name}: the holiday fell on {fell}, and {moves} to the next working day"


@dataclass
class WorkingCalendar:
    """Working days of Kazakhstan: the ``holidays`` package plus ``decrees`` from calendar.toml."""

    decrees: tuple[TransferDecree, ...] = ()
    _books: dict[int, holidays.HolidayBase] = field(default_factory=dict, repr=False, compare=False)

    def _book(self, year: int) -> holidays.HolidayBase:
        # The next year is loaded too: a decree for January may make a December Saturday a working day.
        if year not in self._books:
            self._books[year] = holidays.country_holidays(
                COUNTRY, years=[year, year + 1], language=LANGUAGE, expand=False)
        return self._books[year]

    def _decree_moves(self) -> dict[date, tuple[TransferDecree, DayOffMove]]:
        return {m.day_off: (d, m) for d in self.decrees for m in d.moves}

    def _decree_workdays(self) -> dict[date, tuple[TransferDecree, DayOffMove]]:
        return {m.working_day: (d, m) for d in self.decrees for m in d.moves if m.working_day}

    def has_transfer_decree(self, year: int) -> bool:
        """Whether any decree moving days off in ``year`` is recorded (package or calendar.toml)."""
        recorded = getattr(self._book(year), "special_public_holidays", {})
        return year in recorded or any(d.year == year for d in self.decrees)

    def weekend_working_reason(self, day: date) -> str | None:
        """Why a Saturday or Sunday is a working day, or ``None`` if it is a day off."""
        if day in (workdays := self._decree_workdays()):
            decree, move = workdays[day]
            return f"working day by {decree.act}, in exchange for the day off on {_weekday(move.day_off)}"
        book = self._book(day.year)
        if book.is_weekend(day) and day in book.weekend_workdays:
            swaps = {**_substitutions(book, day.year), **_substitutions(book, day.year + 1)}
            day_off = next((to for to, frm in swaps.items() if frm == day), None)
            exchange = f", in exchange for the day off on {_weekday(day_off)}" if day_off else ""
            return f"working day by government decree{exchange}"
        return None

    def day_off(self, day: date) -> DayOff | None:
        """Why ``day`` (any day of the week) is a holiday or a decreed day off, or ``None``."""
        if day in (moves := self._decree_moves()):
            decree, move = moves[day]
            worked = f"; {_weekday(move.working_day)} is worked instead" if move.working_day else ""
            return DayOff(day, f"day off moved by {decree.act}{worked}", DECREE_DAY_OFF)
        book = self._book(day.year)
        if day in self._decree_workdays() or day not in book:
            return None
        substituted = _substitutions(book, day.year)
        if day in substituted:
            worked = substituted[day]
            return DayOff(day, f"day off moved by government decree; {_weekday(worked)} is worked instead",
                          DECREE_DAY_OFF)
        names = book.get_list(day)
        reason = "; ".join(_explained(book, day, n) for n in names)
        estimated = any("estimated" in n for n in names)
        kind = HOLIDAY_MOVED if all("observed" in n for n in names) else HOLIDAY
        return DayOff(day, reason, kind, estimated)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday unless a holiday or a decreed day off; a decreed weekend workday counts."""
        if day.weekday() >= 5:
            return self.weekend_working_reason(day) is not None
        return self.day_off(day) is None

    def estimated_holidays(self, first: date, last: date) -> list[DayOff]:
        """Holidays in [first, last] whose date the package only estimates (announced each year)."""
        found, day = [], first
        while day <= last:
            off = self.day_off(day)
            if off and off.estimated:
                found.append(off)
            day += timedelta(days=1)
        return found


def _decree(entry: dict, i: int, doc: Document) -> TransferDecree:
    """One ``[[decree]]`` (already checked by the schema) with the rules of the calendar."""
    moves = []
    for j, move in enumerate(entry.get("moves", [])):
        day_off, working_day = move["day_off"], move.get("working_day")
        if working_day is not None and working_day.weekday() < 5:
            raise doc.error(("decree", i, "moves", j, "working_day"),
                            f"is a {working_day:%A} ({working_day}), not a Saturday or Sunday")
        if day_off.weekday() >= 5:
            raise doc.error(("decree", i, "moves", j, "day_off"), f"is a {day_off:%A} ({day_off}), already a day off")
        moves.append(DayOffMove(day_off, working_day))
    return TransferDecree(entry["act"].strip(), entry["year"], tuple(moves), entry.get("url"))


def load_calendar(corpus_dir: Path) -> WorkingCalendar:
    """The calendar for a corpus: the package plus ``corpus_dir/calendar.toml`` if present
    (checked by ``akn_schema.schemas.CALENDAR``: every error names the file, line and key).

        >>> load_calendar(Path("/nonexistent")).decrees
        ()
    """
    doc = read_config(Path(corpus_dir) / "calendar.toml", CALENDAR, missing_ok=True, error=CalendarFileError)
    if doc is None:
        return WorkingCalendar()
    return WorkingCalendar(tuple(_decree(e, i, doc) for i, e in enumerate(doc.data.get("decree", []))))
