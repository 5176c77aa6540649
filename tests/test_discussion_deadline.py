"""The ten-working-day window, on real calendar cases worked out by hand.

Each docstring counts the days; the test checks the code against that count. Working days come
from the ``holidays`` package (KZ): holidays, the day off moved when a holiday falls on a weekend
(not for religious holidays), and the decreed moves the package records (2000–2025).
"""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from discussion import (
    CalendarError,
    WorkingCalendar,
    is_timely,
    load_calendar,
    window_record,
    working_day_deadline,
)
from discussion.working_days import DECREE_DAY_OFF, HOLIDAY, HOLIDAY_MOVED, DayOffMove, TransferDecree

CAL = WorkingCalendar()


def days(*isodates: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in isodates)


def test_posted_5_march_2025_closes_20_march_with_8_march_moved_to_monday():
    """Posted Wed 05.03.2025. Thu 6 = day 1, Fri 7 = 2. Sat 8 March (Women's Day) and Sun 9 are
    the weekend; since the holiday fell on a Saturday, Mon 10 is the day off. Tue 11 = 3, Wed 12 = 4,
    Thu 13 = 5, Fri 14 = 6, Mon 17 = 7, Tue 18 = 8, Wed 19 = 9, Thu 20 = 10. Nauryz (21–23 March)
    comes after the deadline, so it is not in the window. Closes 24:00 Astana of 20.03.2025,
    i.e. 2025-03-21T00:00+05:00.
    """
    w = working_day_deadline(date(2025, 3, 5), CAL)
    assert w.opens == date(2025, 3, 6)
    assert w.deadline == date(2025, 3, 20)
    assert w.working_days == days("2025-03-06", "2025-03-07", "2025-03-11", "2025-03-12", "2025-03-13",
                                  "2025-03-14", "2025-03-17", "2025-03-18", "2025-03-19", "2025-03-20")
    assert [(s.day, s.kind) for s in w.skipped] == [(date(2025, 3, 10), HOLIDAY_MOVED)]
    assert "Women's Day" in w.skipped[0].reason and "Sat 2025-03-08" in w.skipped[0].reason
    assert w.closes_at.isoformat() == "2025-03-21T00:00:00+05:00"
    assert w.warnings == ()


def test_posting_that_straddles_nauryz_2025():
    """Posted Tue 18.03.2025. Wed 19 = 1, Thu 20 = 2. Nauryz: Fri 21 is a holiday; Sat 22 and
    Sun 23 are holidays on the weekend, so their days off move to Mon 24 and Tue 25. Wed 26 = 3,
    Thu 27 = 4, Fri 28 = 5, Mon 31 = 6, Tue 1 April = 7, Wed 2 = 8, Thu 3 = 9, Fri 4 = 10.
    Deadline Fri 04.04.2025.
    """
    w = working_day_deadline(date(2025, 3, 18), CAL)
    assert w.deadline == date(2025, 4, 4)
    assert [s.day for s in w.skipped] == list(days("2025-03-21", "2025-03-24", "2025-03-25"))
    assert [s.kind for s in w.skipped] == [HOLIDAY, HOLIDAY_MOVED, HOLIDAY_MOVED]
    assert all("Nowruz" in s.reason for s in w.skipped)


def test_moved_day_off_with_a_decreed_sunday_working_day_2025():
    """Decree for 2025 (recorded by the package): the day off moves from Sun 05.01.2025 to Fri 03.01.2025.

    Posted Fri 27.12.2024. Sat 28, Sun 29 weekend. Mon 30 = 1, Tue 31 = 2. Wed 1 and Thu 2 January:
    New Year. Fri 3: day off by decree. Sat 4 weekend. Sun 5: a working day by decree = 3.
    Mon 6 = 4. Tue 7: Orthodox Christmas. Wed 8 = 5, Thu 9 = 6, Fri 10 = 7, Mon 13 = 8, Tue 14 = 9,
    Wed 15 = 10. Without the decreed Sunday the deadline would be Thu 16.01.2025.
    """
    w = working_day_deadline(date(2024, 12, 27), CAL)
    assert w.deadline == date(2025, 1, 15)
    assert date(2025, 1, 5) in w.working_days
    assert [x.day for x in w.weekend_working_days] == [date(2025, 1, 5)]
    assert "Fri 2025-01-03" in w.weekend_working_days[0].reason
    assert [(s.day, s.kind) for s in w.skipped] == [
        (date(2025, 1, 1), HOLIDAY), (date(2025, 1, 2), HOLIDAY),
        (date(2025, 1, 3), DECREE_DAY_OFF), (date(2025, 1, 7), HOLIDAY)]
    assert "Sun 2025-01-05 is worked instead" in w.skipped[2].reason


def test_moved_day_off_with_a_decreed_saturday_working_day_2024():
    """Decree for 2024: the day off moves from Sat 04.05.2024 to Wed 08.05.2024.

    Posted Tue 30.04.2024. Wed 1 May: Unity Day. Thu 2 = 1, Fri 3 = 2, Sat 4 (worked by decree) = 3,
    Sun 5 weekend, Mon 6 = 4, Tue 7: Defender of the Fatherland Day, Wed 8: day off by decree,
    Thu 9: Victory Day, Fri 10 = 5, Mon 13 … Fri 17 = 6 … 10. Deadline Fri 17.05.2024.
    """
    w = working_day_deadline(date(2024, 4, 30), CAL)
    assert w.deadline == date(2024, 5, 17)
    assert date(2024, 5, 4) in w.working_days
    assert [s.day for s in w.skipped] == list(days("2024-05-01", "2024-05-07", "2024-05-08", "2024-05-09"))


def test_posting_on_a_friday():
    """Posted Fri 04.04.2025: the weekend does not count, day 1 is Mon 7 April; no holiday until
    May, so day 10 is Fri 18.04.2025.
    """
    w = working_day_deadline(date(2025, 4, 4), CAL)
    assert w.opens == date(2025, 4, 7)
    assert w.deadline == date(2025, 4, 18)
    assert w.skipped == ()


def test_posting_on_a_holiday():
    """Posted Fri 21.03.2025 (Nauryz). Sat 22, Sun 23 weekend; Mon 24, Tue 25 the moved Nauryz
    days off. Wed 26 = 1, Thu 27 = 2, Fri 28 = 3, Mon 31 = 4, Tue 1 … Fri 4 April = 5 … 8,
    Mon 7 = 9, Tue 8 = 10. Deadline Tue 08.04.2025.
    """
    w = working_day_deadline(date(2025, 3, 21), CAL)
    assert w.opens == date(2025, 3, 26)
    assert w.deadline == date(2025, 4, 8)


def test_posting_time_with_a_zone_is_converted_to_astana_first():
    """Posted 05.03.2025 at 20:30 UTC = 01:30 on 06.03.2025 in Astana (UTC+5): the posting date
    is Thu 6 March, so day 1 is Fri 7, and day 10 is pushed past Nauryz (Fri 21, and the moved
    days off Mon 24 and Tue 25) to Wed 26.03.2025. Count: Fri 7 = 1, Tue 11 = 2, Wed 12 = 3, Thu 13 = 4, Fri 14 = 5, Mon 17 = 6, Tue 18 = 7,
    Wed 19 = 8, Thu 20 = 9, (21, 24, 25 off) Wed 26 = 10.
    """
    utc = working_day_deadline(datetime(2025, 3, 5, 20, 30, tzinfo=UTC), CAL)
    assert utc.posted == date(2025, 3, 6)
    assert utc.deadline == date(2025, 3, 26)
    same_day = working_day_deadline(datetime(2025, 3, 5, 18, 59, tzinfo=UTC), CAL)  # 23:59 in Astana
    assert same_day.deadline == date(2025, 3, 20)
    naive = working_day_deadline(datetime(2025, 3, 5, 23, 59), CAL)  # naive: Astana time
    assert naive.deadline == date(2025, 3, 20)
    assert window_record(utc)["posted_at"] == "2025-03-06T01:30:00+05:00"


def test_comment_at_2359_is_timely_and_at_0001_is_late():
    """Window of 05.03.2025 closes at 24:00 of 20.03.2025 Astana time (UTC+5).

    23:59+05:00 on the 20th is in time; 00:01+05:00 on the 21st is late. In UTC, 18:59Z on the
    20th is 23:59 in Astana (in time), and 19:01Z is 00:01 on the 21st (late); 19:00Z is exactly
    24:00, when the window has closed.
    """
    w = working_day_deadline(date(2025, 3, 5), CAL)
    astana = timezone(timedelta(hours=5))
    assert is_timely(datetime(2025, 3, 20, 23, 59, tzinfo=astana), w)
    assert not is_timely(datetime(2025, 3, 21, 0, 1, tzinfo=astana), w)
    assert is_timely(datetime(2025, 3, 20, 18, 59, tzinfo=UTC), w)
    assert not is_timely(datetime(2025, 3, 20, 19, 1, tzinfo=UTC), w)
    assert not is_timely(datetime(2025, 3, 20, 19, 0, tzinfo=UTC), w)
    with pytest.raises(ValueError):
        is_timely(datetime(2025, 3, 20, 12, 0), w)


def test_astana_was_utc_plus_6_before_march_2024():
    """Posted Mon 15.01.2024: no holiday; Tue 16 = 1 … Mon 29 = 10. Astana time was UTC+6 until
    1 March 2024, so the window closes at 2024-01-30T00:00+06:00.
    """
    w = working_day_deadline(date(2024, 1, 15), CAL)
    assert w.deadline == date(2024, 1, 29)
    assert w.closes_at.isoformat() == "2024-01-30T00:00:00+06:00"


def test_warning_for_a_year_with_no_recorded_decree_and_an_estimated_holiday():
    """Posted Tue 17.04.2029. No decree moving days off is recorded for 2029, and the package only
    estimates Kurban ait (Eid al-Adha) on Tue 24.04.2029. Count: Wed 18 = 1, Thu 19 = 2, Fri 20 = 3,
    Mon 23 = 4, (Tue 24 Eid, estimated), Wed 25 = 5, Thu 26 = 6, Fri 27 = 7, Mon 30 = 8,
    (Tue 1 May, Unity Day), Wed 2 = 9, Thu 3 = 10. Deadline Thu 03.05.2029, with both warnings.
    A posting in February 2029 (no holiday near) carries only the decree warning.
    """
    w = working_day_deadline(date(2029, 4, 17), CAL)
    assert w.deadline == date(2029, 5, 3)
    assert len(w.warnings) == 2
    assert "no government decree moving days off is recorded for 2029" in w.warnings[0]
    assert "2029-04-24" in w.warnings[1] and "estimated" in w.warnings[1]
    assert working_day_deadline(date(2029, 2, 5), CAL).warnings == (w.warnings[0],)


def test_an_estimated_holiday_on_a_weekend_next_to_the_window_still_warns():
    """Eid al-Adha 2030 is estimated for Sat 13.04.2030: not a day off in itself, but the real date
    may be a day either side. Posted Fri 29.03.2030: Mon 1 April = 1 … Fri 12 = 10; the estimated
    Saturday is the day after the deadline, so the deadline depends on it and is flagged.
    """
    w = working_day_deadline(date(2030, 3, 29), CAL)
    assert w.deadline == date(2030, 4, 12)
    assert any("2030-04-13" in x and "estimated" in x for x in w.warnings)
    assert not any("estimated" in x for x in working_day_deadline(date(2030, 2, 1), CAL).warnings)


def test_no_warning_when_the_package_records_the_decree():
    assert working_day_deadline(date(2025, 6, 2), CAL).warnings == ()


def test_a_decree_from_calendar_toml_moves_a_day_and_silences_the_warning():
    """A (test-only, made-up) decree for 2026 makes Fri 06.02.2026 a day off and Sat 07.02.2026 a
    working day. Posted Mon 02.02.2026: Tue 3 = 1, Wed 4 = 2, Thu 5 = 3, (Fri 6 off) Sat 7 = 4,
    Mon 9 … Fri 13 = 5 … 9, Mon 16 = 10: the same deadline as without it, by another route.
    A decree that only makes Fri 6 a day off (no Saturday worked) costs a day: Tue 3 … Thu 5 = 1 … 3,
    Mon 9 … Fri 13 = 4 … 8, Mon 16 = 9, Tue 17 = 10. The skipped day names the act.
    """
    decree = TransferDecree("Test decree (made up for this test)", 2026,
                            (DayOffMove(date(2026, 2, 6), date(2026, 2, 7)),))
    w = working_day_deadline(date(2026, 2, 2), WorkingCalendar((decree,)))
    assert date(2026, 2, 7) in w.working_days and date(2026, 2, 6) not in w.working_days
    assert w.deadline == date(2026, 2, 16)
    assert w.skipped[0].kind == DECREE_DAY_OFF and "Test decree" in w.skipped[0].reason
    assert not any("2026" in x and "decree" in x for x in w.warnings)
    only_day_off = TransferDecree("Test decree", 2026, (DayOffMove(date(2026, 2, 6)),))
    assert working_day_deadline(date(2026, 2, 2), WorkingCalendar((only_day_off,))).deadline == date(2026, 2, 17)


def test_calendar_toml_shipped_empty_and_refuses_a_decree_without_its_act(tmp_path):
    from pathlib import Path

    assert load_calendar(Path(__file__).resolve().parent.parent / "corpus").decrees == ()
    (tmp_path / "calendar.toml").write_text('[[decree]]\nyear = 2026\nmoves = []\n')
    with pytest.raises(CalendarError, match="legal source"):
        load_calendar(tmp_path)
    (tmp_path / "calendar.toml").write_text(
        '[[decree]]\nact = "x"\nyear = 2026\nmoves = [{ day_off = 2026-02-06, working_day = 2026-02-09 }]\n')
    with pytest.raises(CalendarError, match="not a Saturday or Sunday"):
        load_calendar(tmp_path)
    (tmp_path / "calendar.toml").write_text('[[decree]]\nact = "x"\nyear = 2026\n')
    assert load_calendar(tmp_path).has_transfer_decree(2026)
