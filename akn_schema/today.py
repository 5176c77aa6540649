""""Today" for a build or a status: ``--today``, else ``SOURCE_DATE_EPOCH``, else the clock.

The date decides which drafts are open and what the site calls the current text, so it is
never guessed (no 1980 fallback) and a wrong value is a one-line error naming the setting:

    >>> reference_epoch(date(2025, 4, 7), environ={})          # noon in Astana on that day
    1744009200
    >>> reference_epoch(None, environ={"SOURCE_DATE_EPOCH": "1743994800"})
    1743994800
    >>> astana_day(1743994800)
    datetime.date(2025, 4, 7)
    >>> reference_epoch(None, environ={"SOURCE_DATE_EPOCH": "abc"})
    Traceback (most recent call last):
    ...
    akn_schema.errors.EnvironmentFailure: SOURCE_DATE_EPOCH='abc' is not a whole number of seconds since 1970-01-01 UTC (unset it, or use --today YYYY-MM-DD)
    >>> reference_epoch(None, environ={"SOURCE_DATE_EPOCH": "99999999999999"})
    Traceback (most recent call last):
    ...
    akn_schema.errors.EnvironmentFailure: SOURCE_DATE_EPOCH=99999999999999 is after 9999-12-30, the last day zanlex can count from (unset it, or use --today YYYY-MM-DD)
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import UTC, date, datetime
from datetime import time as clock_time
from zoneinfo import ZoneInfo

from .errors import BAD_INPUT, EnvironmentFailure, ZanlexError

ASTANA = ZoneInfo("Asia/Almaty")
LAST_DAY = date(9999, 12, 30)     # a day later must still be a date (a window closes at 24:00)
LAST_EPOCH = int(datetime.combine(LAST_DAY, clock_time(12), ASTANA).timestamp())
HINT = "(unset it, or use --today YYYY-MM-DD)"


class BadToday(ZanlexError):
    """A ``--today`` outside the dates zanlex can count."""

    exit_code = BAD_INPUT


def epoch_of(day: date) -> int:
    """Noon of ``day`` in Astana, as seconds since the epoch (the day is the same everywhere).

    >>> epoch_of(date(2016, 3, 1))
    1456812000
    """
    if not date(1970, 1, 2) <= day <= LAST_DAY:
        raise BadToday(f"--today {day.isoformat()} is outside 1970-01-02 … {LAST_DAY.isoformat()}")
    return int(datetime.combine(day, clock_time(12), ASTANA).timestamp())


def source_date_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """``SOURCE_DATE_EPOCH`` checked, or None when it is not set (or empty)."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise EnvironmentFailure(f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since "
                                 f"1970-01-01 UTC {HINT}")
    epoch = int(value)
    if epoch > LAST_EPOCH:
        raise EnvironmentFailure(f"SOURCE_DATE_EPOCH={value} is after {LAST_DAY.isoformat()}, the last day "
                                 f"zanlex can count from {HINT}")
    return epoch


def reference_epoch(today: date | None = None, environ: Mapping[str, str] | None = None) -> int:
    """The reference time of a run: ``today`` (noon Astana), else ``SOURCE_DATE_EPOCH``, else now."""
    if today is not None:
        return epoch_of(today)
    epoch = source_date_epoch(environ)
    return int(time.time()) if epoch is None else epoch


def astana_day(epoch: int) -> date:
    """The calendar day in Astana at ``epoch``."""
    return datetime.fromtimestamp(epoch, tz=UTC).astimezone(ASTANA).date()


def reference_day(today: date | None = None, environ: Mapping[str, str] | None = None) -> date:
    """Today's date in Astana by the same rules as ``reference_epoch``."""
    if today is not None:
        epoch_of(today)
        return today
    return astana_day(reference_epoch(None, environ))
