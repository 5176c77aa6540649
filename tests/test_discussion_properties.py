"""Properties of the window for any posting date, against the ``holidays`` package itself."""

from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from discussion import WorkingCalendar, working_day_deadline

CAL = WorkingCalendar()
posting_dates = st.dates(min_value=date(2002, 1, 1), max_value=date(2030, 12, 1))


def package_working_day(day: date) -> bool:
    """The package's own judgement, with the next year loaded for decrees reaching back into December."""
    return holidays.country_holidays("KZ", years=[day.year, day.year + 1]).is_working_day(day)


@settings(max_examples=150, deadline=None)
@given(posting_dates)
def test_deadline_is_the_tenth_working_day_after_posting(posted):
    w = working_day_deadline(posted, CAL)
    assert package_working_day(w.deadline)
    span = [posted + timedelta(days=k) for k in range(1, (w.deadline - posted).days + 1)]
    assert sum(package_working_day(d) for d in span) == 10
    assert list(w.working_days) == [d for d in span if package_working_day(d)]
    assert all(s.day.weekday() < 5 and not package_working_day(s.day) for s in w.skipped)


@settings(max_examples=150, deadline=None)
@given(posting_dates, st.integers(min_value=0, max_value=60))
def test_deadline_is_monotonic_in_the_posting_date(posted, later_by):
    assert working_day_deadline(posted, CAL).deadline <= working_day_deadline(
        posted + timedelta(days=later_by), CAL).deadline
