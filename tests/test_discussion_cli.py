"""``zanlex discussion …`` as a drafter uses it (click's CliRunner on ``cli.zanlex``)."""

import json
import shutil
import sys
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

import cli
from discussion import DiscussionError, read_feed

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def run(*args, corpus=CORPUS):
    return CliRunner().invoke(cli.zanlex, ["--corpus", str(corpus), "discussion", *args])


@pytest.fixture
def corpus(tmp_path):
    for sub in ("drafts", "works"):
        shutil.copytree(CORPUS / sub, tmp_path / sub)
    return tmp_path


def test_deadline_2025_03_05_json():
    """Posted Wed 05.03.2025: Mon 10 March is skipped (8 March fell on a Saturday), the tenth
    working day is Thu 20.03.2025, just before Nauryz, closing at 24:00 Astana time."""
    result = run("deadline", "2025-03-05", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["posted"] == "2025-03-05"
    assert out["opens"] == "2025-03-06"
    assert out["deadline"] == "2025-03-20"
    assert out["closes_at"] == "2025-03-21T00:00:00+05:00"
    assert out["working_days"] == ["2025-03-06", "2025-03-07", "2025-03-11", "2025-03-12", "2025-03-13",
                                   "2025-03-14", "2025-03-17", "2025-03-18", "2025-03-19", "2025-03-20"]
    assert [(s["date"], s["weekday"], s["kind"]) for s in out["skipped"]] == [
        ("2025-03-10", "Monday", "holiday_moved")]
    assert "International Women's Day" in out["skipped"][0]["reason"]
    assert out["warnings"] == []


def test_deadline_with_a_utc_datetime_and_in_text():
    out = json.loads(run("deadline", "2025-03-05T20:30:00Z", "--json").output)
    assert (out["posted"], out["posted_at"], out["deadline"]) == (
        "2025-03-06", "2025-03-06T01:30:00+05:00", "2025-03-26")
    text = run("deadline", "2024-12-27").output
    assert "deadline  2025-01-15 (Wednesday)" in text
    assert "worked    2025-01-05 (Sunday): working day by government decree" in text


def test_deadline_in_a_year_without_a_recorded_decree_warns():
    out = json.loads(run("deadline", "2029-02-05", "--json").output)
    assert out["warnings"] and "recorded for 2029" in out["warnings"][0]


def test_status_json_reflects_the_examples():
    result = run("status", "--today", "2025-04-07", "--json")
    assert result.exit_code == 0, result.output
    out = {d["id"]: d for d in json.loads(result.output)}
    assert {k: (d["status"], d["days_left"]) for k, d in out.items()} == {
        "example-amend-order-78": ("closed_reported", 0),
        "example-new-rules-report-missing": ("closed_report_due", 0),
        "example-open-consultation": ("open", 4),
    }
    amend = out["example-amend-order-78"]
    assert [c["number"] for c in amend["late_comments"]] == [3]
    assert [c["number"] for c in amend["missing_justifications"]] == [2]
    assert amend["linked_work_uri"] == "/akn/kz/act/order/2016-12-08/78"


def test_status_text():
    out = run("status", "--today", "2025-03-18").output
    assert "example-amend-order-78: open, 3 working day(s) left; deadline 2025-03-20" in out
    assert "example-open-consultation: not_yet_posted" in out


def test_ics_to_a_file_validates(tmp_path):
    target = tmp_path / "discussion.ics"
    result = run("ics", "-o", str(target))
    assert result.exit_code == 0, result.output
    events = read_feed(target.read_bytes())
    assert len(events) == 3
    assert icalendar.Calendar.from_ical(target.read_bytes())["PRODID"]


def test_add_comment_then_status_sees_it(corpus):
    result = run("add-comment", "example-open-consultation", "--received", "2025-04-10T19:01:00Z",
                 "--author-kind", "legal_entity", "--text", "Late example.", corpus=corpus)
    assert result.exit_code == 0, result.output
    assert "comment 2 added" in result.output
    assert "not subject to consideration" in result.output
    out = {d["id"]: d for d in json.loads(run("status", "--today", "2025-04-14", "--json", corpus=corpus).output)}
    assert [c["number"] for c in out["example-open-consultation"]["late_comments"]] == [2]


@pytest.mark.parametrize(("args", "message"), [
    (["--received", "2025-04-01T10:00", "--author-kind", "individual", "--text", "x"], "needs a time zone"),
    (["--received", "yesterday", "--author-kind", "individual", "--text", "x"], "not an ISO datetime"),
    (["--received", "2025-04-01T10:00+05:00", "--author-kind", "individual", "--text", "x",
      "--justification", "why"], "justification given without a decision"),
])
def test_add_comment_refusals_leave_the_file_alone(corpus, args, message):
    path = corpus / "drafts" / "example-open-consultation.toml"
    before = path.read_bytes()
    result = run("add-comment", "example-open-consultation", *args, corpus=corpus)
    assert isinstance(result.exception, DiscussionError)
    assert message in str(result.exception) and "\n" not in str(result.exception)
    assert path.read_bytes() == before


def test_bad_choice_is_a_usage_error(corpus):
    result = run("add-comment", "example-open-consultation", "--received", "2025-04-01T10:00+05:00",
                 "--author-kind", "robot", "--text", "x", corpus=corpus)
    assert result.exit_code == 2 and "robot" in result.output


def test_main_prints_one_line_and_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["zanlex", "--corpus", str(CORPUS), "discussion", "add-comment", "nope",
                                      "--received", "2025-01-01T00:00Z", "--author-kind", "individual",
                                      "--text", "x"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("zanlex: error: no draft 'nope'") and err.count("\n") == 1
