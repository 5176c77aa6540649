"""Drafts, their status, comments and the iCalendar feed, on the shipped fictional examples.

The examples (corpus/drafts/README.md):
- example-amend-order-78: posted 05.03.2025, deadline 20.03.2025, report 01.04.2025; comment 2
  (23:59 on the deadline, rejected without a justification), comment 3 (19:01Z = 00:01 Astana, late).
- example-new-rules-report-missing: posted 18.03.2025, deadline 04.04.2025, no report.
- example-open-consultation: posted 27.03.2025, deadline 10.04.2025.
"""

import os
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from discussion import (
    DraftError,
    add_comment,
    draft_status,
    ics_feed,
    load_drafts,
    read_draft,
    read_feed,
    status_record,
)
from discussion.ics import FeedError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ASTANA5 = timezone(timedelta(hours=5))


@pytest.fixture
def corpus(tmp_path):
    """A copy of the corpus's drafts and works, so that writes never touch the real files."""
    shutil.copytree(CORPUS / "drafts", tmp_path / "drafts")
    shutil.copytree(CORPUS / "works", tmp_path / "works")
    shutil.copy(CORPUS / "calendar.toml", tmp_path / "calendar.toml")
    return tmp_path


def by_id(today):
    return {d.id: draft_status(d, today) for d in load_drafts(CORPUS)}


def test_on_7_april_2025_the_examples_show_every_state():
    s = by_id(date(2025, 4, 7))
    assert {k: v.status for k, v in s.items()} == {
        "example-amend-order-78": "closed_reported",
        "example-new-rules-report-missing": "closed_report_due",
        "example-open-consultation": "open",
    }
    assert s["example-open-consultation"].days_left == 4  # 7, 8, 9 and 10 April
    amend = s["example-amend-order-78"]
    assert [c.number for c in amend.late_comments] == [3]
    assert [c.number for c in amend.missing_justifications] == [2]
    assert amend.linked_work_uri == "/akn/kz/act/order/2016-12-08/78"
    assert s["example-new-rules-report-missing"].linked_work_uri is None


def test_open_counts_today_and_the_deadline_day():
    """example-amend-order-78: working days 18, 19, 20 March remain on the 18th; 1 on the 20th."""
    assert by_id(date(2025, 3, 18))["example-amend-order-78"].days_left == 3
    assert by_id(date(2025, 3, 20))["example-amend-order-78"].days_left == 1
    assert by_id(date(2025, 3, 21))["example-amend-order-78"].status == "closed_report_due"


def test_status_on_a_past_day_knows_only_what_had_arrived():
    """On 18 March comment 2 (20 March) and comment 3 (21 March, Astana) had not arrived; the
    report of 1 April is not yet posted on 31 March; before the posting the draft is not yet posted."""
    early = by_id(date(2025, 3, 18))
    assert [c.number for c in early["example-amend-order-78"].comments] == [1]
    assert early["example-open-consultation"].status == "not_yet_posted"
    assert by_id(date(2025, 3, 31))["example-amend-order-78"].status == "closed_report_due"
    assert by_id(date(2025, 4, 1))["example-amend-order-78"].status == "closed_reported"


def test_status_record_marks_late_comments():
    record = status_record(by_id(date(2025, 4, 7))["example-amend-order-78"])
    assert record["late_comments"] == [{"number": 3, "received": "2025-03-20T19:01:00+00:00",
                                        "marked": "not_subject_to_consideration"}]
    assert record["missing_justifications"] == [{"number": 2, "decision": "rejected"}]
    assert record["closes_at"] == "2025-03-21T00:00:00+05:00"


def test_a_reported_draft_with_an_undecided_timely_comment_is_flagged(corpus):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    add_comment(path, corpus, received=datetime(2025, 3, 19, 12, 0, tzinfo=ASTANA5),
                author_kind="individual", text="Undecided example.")
    s = draft_status(read_draft(path, corpus), date(2025, 4, 7))
    assert [c.number for c in s.undecided] == [4]
    assert any("no decision on comment(s) 4" in w for w in s.warnings)


def test_add_comment_keeps_the_file_and_its_remarks(corpus):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    before = path.read_text()
    draft, comment = add_comment(path, corpus, received=datetime(2025, 3, 20, 19, 1, tzinfo=UTC),
                                 author_kind="legal_entity", text='Second line\nwith "quotes"',
                                 decision="rejected", justification="Example reason.")
    after = path.read_text()
    assert after.startswith(before.split("[report]")[0])  # everything before the report is untouched
    assert "# Stamped in UTC" in after and after.rstrip().endswith('where = "example only: no real report"')
    assert comment.number == 4 and len(draft.comments) == 4
    assert draft.comments[-1].text == 'Second line\nwith "quotes"'
    assert read_draft(path, corpus).comments == draft.comments
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_add_comment_to_a_draft_with_no_comments_yet(corpus):
    path = corpus / "drafts" / "example-open-consultation.toml"
    text = path.read_text()
    path.write_text(text[:text.index("[[comments]]")])
    draft, comment = add_comment(path, corpus, received=datetime(2025, 3, 28, 9, 0, tzinfo=ASTANA5),
                                 author_kind="individual", text="First.")
    assert comment.number == 1 and draft.comments == (comment,)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"received": datetime(2025, 3, 12, 9, 0)}, "time zone"),
    ({"author_kind": "anonymous"}, "author_kind"),
    ({"text": "   "}, "text must be a non-empty string"),
    ({"decision": "maybe"}, "decision"),
    ({"justification": "Because."}, "justification given without a decision"),
    ({"received": datetime(2025, 3, 1, 9, 0, tzinfo=ASTANA5)}, "before the draft was posted"),
])
def test_add_comment_refuses_malformed_input_and_leaves_the_file_alone(corpus, kwargs, message):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    args = {"received": datetime(2025, 3, 12, 9, 0, tzinfo=ASTANA5), "author_kind": "individual",
            "text": "A comment."} | kwargs
    with pytest.raises(DraftError, match=message):
        add_comment(path, corpus, **args)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_add_comment_refuses_a_broken_draft_file(corpus):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    path.write_text(path.read_text() + "\n[[comments]\n")
    broken = path.read_bytes()
    with pytest.raises(DraftError, match="not valid TOML"):
        add_comment(path, corpus, received=datetime(2025, 3, 12, 9, 0, tzinfo=ASTANA5),
                    author_kind="individual", text="x")
    assert path.read_bytes() == broken


def test_a_failed_write_leaves_the_old_file(corpus, monkeypatch):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        add_comment(path, corpus, received=datetime(2025, 3, 12, 9, 0, tzinfo=ASTANA5),
                    author_kind="individual", text="x")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(p.name for p in (CORPUS / "drafts").iterdir())


@pytest.mark.parametrize(("change", "message"), [
    (("kind = \"amendment\"", "kind = \"repeal\""), "kind must be one of new, amendment"),
    (("amends = \"order-78\"\n", ""), "amends must be a non-empty string"),
    (("at = 2025-03-05T10:00:00+05:00", "at = 2025-03-05T10:00:00"), "posted.at needs a time zone"),
    (("received = 2025-03-11T09:15:00+05:00", "received = 2025-03-11"), r"comments\[1\].received must be"),
])
def test_malformed_draft_files_are_one_line_errors_naming_the_file(corpus, change, message):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    path.write_text(path.read_text().replace(*change))
    with pytest.raises(DraftError, match=message) as err:
        load_drafts(corpus)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_an_amendment_of_a_work_outside_the_corpus_has_no_link(corpus):
    path = corpus / "drafts" / "example-amend-order-78.toml"
    path.write_text(path.read_text().replace('amends = "order-78"', 'amends = "/akn/kz/act/order/2099-01-01/1"'))
    assert read_draft(path, corpus).linked_work_uri is None
    path.write_text(path.read_text().replace('"/akn/kz/act/order/2099-01-01/1"', '"/akn/kz/act/order/2016-12-08/78"'))
    assert read_draft(path, corpus).linked_work_uri == "/akn/kz/act/order/2016-12-08/78"


def test_ics_feed_has_one_exact_event_per_window_and_validates():
    stamp = datetime(2025, 4, 7, 6, 0, tzinfo=UTC)
    feed = ics_feed(load_drafts(CORPUS), stamp=stamp)
    assert feed == ics_feed(load_drafts(CORPUS), stamp=stamp)  # reproducible
    events = {str(e["UID"]): e for e in read_feed(feed)}
    assert sorted(events) == ["example-amend-order-78@zanlex", "example-new-rules-report-missing@zanlex",
                              "example-open-consultation@zanlex"]
    amend = events["example-amend-order-78@zanlex"]
    assert amend["DTSTART"].dt.isoformat() == "2025-03-06T00:00:00+05:00"
    assert amend["DTEND"].dt.astimezone(UTC) == datetime(2025, 3, 20, 19, 0, tzinfo=UTC)
    assert amend["DTSTART"].params["TZID"] == "Asia/Almaty"
    assert "/akn/kz/act/order/2016-12-08/78" in str(amend["DESCRIPTION"])
    cal = icalendar.Calendar.from_ical(feed)
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Asia/Almaty"]


def test_an_empty_feed_is_still_valid_and_a_broken_one_is_refused():
    assert read_feed(ics_feed([], stamp=datetime(2025, 1, 1, tzinfo=UTC))) == []
    with pytest.raises(FeedError):
        read_feed(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    event_without_end = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                         b"DTSTAMP:20250101T000000Z\r\nDTSTART:20250102T000000Z\r\nSUMMARY:s\r\n"
                         b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    with pytest.raises(FeedError, match="lacks DTEND"):
        read_feed(event_without_end)


def test_concurrent_writers_lose_no_comment(corpus):
    from concurrent.futures import ThreadPoolExecutor

    path = corpus / "drafts" / "example-open-consultation.toml"

    def write(k):
        add_comment(path, corpus, received=datetime(2025, 4, 1, 9, k, tzinfo=ASTANA5),
                    author_kind="individual", text=f"Concurrent {k}.")

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(write, range(12)))
    texts = sorted(c.text for c in read_draft(path, corpus).comments)
    assert len(texts) == 13 and texts[:12] == sorted(f"Concurrent {k}." for k in range(12))
