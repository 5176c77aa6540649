"""One error boundary: every expected failure is one line naming the file or setting, with exit
status 2 (bad input), 1 (a failed check) or 3 (environment, I/O); a traceback only with --debug.

Reproductions of issue 11: dates at the edges of the calendar, ``SOURCE_DATE_EPOCH=abc`` and
``=99999999999999``, a read-only or full disk during ``build`` and ``add-comment``, ``parse -o
/proc/x.xml``, ``links ""``, ``validate FILE`` suggesting a ``--lang`` it lacked, path traversal
with a draft id, and "today" falling back to 1980.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiny_corpus import make_tiny_corpus, run_cli, snapshot

from akn_schema.errors import ZanlexError
from akn_schema.today import astana_day, reference_epoch
from discussion import WorkingCalendar, parse_posted, parse_received, working_day_deadline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    make_tiny_corpus(folder)
    return folder


@pytest.fixture
def project(pristine, tmp_path) -> Path:
    shutil.copytree(pristine, tmp_path / "project")
    return tmp_path / "project"


def one_line(result, status: int, *fragments: str) -> None:
    assert result.code == status, (result.code, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert len(result.lines) == 1, result.err
    for fragment in fragments:
        assert fragment in result.err, (fragment, result.err)


# ── Dates at the edges of the calendar ──────────────────────────────────────────────────────

@pytest.mark.parametrize("args", [
    ["discussion", "deadline", "9999-12-31"],
    ["discussion", "deadline", "9999-12-20T10:00+05:00"],
    ["discussion", "deadline", "0001-01-01T01:00+05:00"],
    ["discussion", "add-comment", "test-draft", "--received", "9999-12-31T23:00-05:00", "--author-kind",
     "individual", "--text", "x"],
    ["discussion", "add-comment", "test-draft", "--received", "0001-01-01T01:00+05:00", "--author-kind",
     "individual", "--text", "x"],
    ["show", "example-law", "--as-of", "9999-12-31", "--lang", "rus"],
    ["build", "--out", "public", "--today", "9999-12-31"],
])
def test_a_date_at_the_edge_of_the_calendar_is_one_line_exit_2(project, args):
    before = snapshot(project / "corpus")
    result = run_cli(*args, cwd=project)
    if result.code == 0:        # a date zanlex can answer for is fine too, as long as it answers
        return
    one_line(result, 2)
    assert snapshot(project / "corpus") == before


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_any_posting_date_gives_a_window_or_a_one_line_error(day, offset_minutes):
    """Hypothesis: every date and offset, including 0001-01-01 and 9999-12-31, is either a window
    of ten working days after the posting or a ``ZanlexError`` — never OverflowError."""
    from datetime import timezone

    moment = datetime(day.year, day.month, day.day, 1, 0, tzinfo=timezone(timedelta(minutes=offset_minutes)))
    for posted in (day, moment):
        try:
            window = working_day_deadline(parse_posted(posted.isoformat()), CALENDAR)
        except ZanlexError as err:
            assert "\n" not in str(err)
            continue
        assert len(window.working_days) == 10 and window.opens > window.posted
        assert window.closes_at > datetime.combine(window.deadline, datetime.min.time(), tzinfo=window.closes_at.tzinfo)


CALENDAR = WorkingCalendar()


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
       st.integers(min_value=-23 * 60, max_value=23 * 60))
def test_any_receipt_time_is_accepted_or_refused_in_one_line(moment, offset_minutes):
    from datetime import timezone

    text = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes))).isoformat()
    try:
        received = parse_received(text)
    except ZanlexError as err:
        assert "\n" not in str(err) and ("outside the dates" in str(err))
        return
    assert received.tzinfo is not None


@given(st.integers(min_value=0, max_value=10**15))
def test_source_date_epoch_is_a_date_or_a_one_line_error(epoch):
    try:
        value = reference_epoch(None, environ={"SOURCE_DATE_EPOCH": str(epoch)})
    except ZanlexError as err:
        assert err.exit_code == 3 and "SOURCE_DATE_EPOCH" in str(err)
        return
    assert value == epoch and date(1970, 1, 1) <= astana_day(value) <= date(9999, 12, 30)


# ── The environment: SOURCE_DATE_EPOCH, "today" ─────────────────────────────────────────────

@pytest.mark.parametrize("value", ["abc", "99999999999999", "-5", "1.5"])
def test_a_bad_source_date_epoch_is_one_line_exit_3(project, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for args in (["build", "--out", "public"], ["discussion", "status"]):
        one_line(run_cli(*args, cwd=project), 3, "SOURCE_DATE_EPOCH")
    assert not (project / "public").exists()


def test_today_comes_from_the_option_then_source_date_epoch_then_the_clock_never_1980(project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    status = json.loads(run_cli("discussion", "status", "--json", cwd=project).out)
    assert status[0]["status"] == "closed_reported"          # today, not 1980 ("not_yet_posted")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2025, 3, 10, 12).timestamp())))
    status = json.loads(run_cli("discussion", "status", "--json", cwd=project).out)
    assert status[0]["status"] == "open"
    status = json.loads(run_cli("discussion", "status", "--json", "--today", "2025-03-01", cwd=project).out)
    assert status[0]["status"] == "not_yet_posted"


def test_a_build_outside_git_without_source_date_epoch_uses_today_not_1980(project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = run_cli("build", "--out", "public", cwd=project)
    assert result.code == 0, result.err
    draft_page = next((project / "public" / "drafts").glob("test-draft*/index.html")).read_text(encoding="utf-8")
    assert "A test comment." in draft_page                     # the comment is shown: the draft is posted
    year = datetime.now().year
    sitemap = (project / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert "1980-" not in sitemap and (str(year) in sitemap or str(year - 1) in sitemap or "<lastmod>" not in sitemap)


# ── Bad input: one line, exit 2 ─────────────────────────────────────────────────────────────

@pytest.mark.parametrize("ref", ["", "~", "example-law~", "~art_1"])
def test_links_of_an_empty_reference_is_an_error_not_an_arbitrary_node(project, ref):
    one_line(run_cli("links", ref, cwd=project), 2)


def test_validate_a_file_takes_the_lang_it_suggests(project, tmp_path):
    text = tmp_path / "law.txt"
    shutil.copy(project / "corpus/works/example-law/rus.txt", text)
    result = run_cli("validate", text, cwd=project)
    one_line(result, 2, "--lang")
    result = run_cli("validate", text, "--lang", "rus", cwd=project)
    assert result.code == 0, result.err


def test_a_failed_check_exits_1_and_passing_ones_0(project, monkeypatch):
    from akn_schema import reading

    assert run_cli("validate", cwd=project).code == 0
    monkeypatch.setattr(reading, "validate_xml", lambda root: ["an XSD problem (injected)"])
    result = run_cli("validate", cwd=project)
    assert result.code == 1 and "FAIL" in result.out and "Traceback" not in result.err


def test_a_bidirectional_override_in_a_source_text_is_refused_with_its_line(project):
    text = project / "corpus/works/example-law/rus.txt"
    lines = text.read_text(encoding="utf-8").splitlines()
    lines[0] = "Пример \u202eзакона"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for args in (["validate"], ["build", "--out", "public"]):
        one_line(run_cli(*args, cwd=project), 2, f"{text}:1:", "U+202E")


def test_no_page_or_download_is_written_outside_the_site(tmp_path):
    from markupsafe import Markup

    from publisher.build import BuildError, Page, write_docs

    for url, files in (("../../escape/", {}), ("", {"../outside.xml": b"x"}), ("", {"/etc/x.xml": b"x"})):
        docs = tmp_path / "docs"
        docs.mkdir(exist_ok=True)
        with pytest.raises(BuildError, match="outside the site"):
            write_docs([Page(url, "t", "rus", Markup("<p/>"))], files, docs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


@pytest.mark.parametrize("draft", ["../../../outside-draft", "../drafts/test-draft", "/etc/passwd",
                                   "../../zanlex.toml", "test-draft/../../x"])
def test_a_draft_id_cannot_leave_the_drafts_folder(project, draft):
    outside = project.parent / "outside-draft.toml"
    shutil.copy(project / "corpus/drafts/test-draft.toml", outside)
    before = outside.read_bytes(), snapshot(project)
    result = run_cli("discussion", "add-comment", draft, "--received", "2025-03-12T10:00+05:00",
                     "--author-kind", "individual", "--text", "escape", cwd=project)
    one_line(result, 2)
    assert (outside.read_bytes(), snapshot(project)) == before


def test_a_draft_path_outside_the_drafts_folder_is_refused(project):
    outside = project / "elsewhere.toml"
    shutil.copy(project / "corpus/drafts/test-draft.toml", outside)
    result = run_cli("discussion", "add-comment", outside, "--received", "2025-03-12T10:00+05:00",
                     "--author-kind", "individual", "--text", "escape", cwd=project)
    one_line(result, 2, "a draft must be a file in")


def test_no_corpus_is_one_line_and_parse_of_a_file_needs_none(tmp_path):
    one_line(run_cli("validate", cwd=tmp_path), 2, "no corpus here", "zanlex init")
    text = tmp_path / "law.txt"
    text.write_text("Закон\n\nСтатья 1. Понятия\n\nТекст.\n", encoding="utf-8")
    result = run_cli("parse", text, "--lang", "rus", cwd=tmp_path)
    assert result.code == 0 and "<akomaNtoso" in result.out
    one_line(run_cli("--corpus", tmp_path / "nope", "validate", cwd=tmp_path), 2, "no such folder")


def test_a_traceback_only_with_debug(project):
    plain = run_cli("discussion", "deadline", "9999-12-31", cwd=project)
    debug = run_cli("--debug", "discussion", "deadline", "9999-12-31", cwd=project)
    assert "Traceback" not in plain.err and "Traceback" in debug.err
    assert plain.code == debug.code == 2


# ── The environment: unwritable places, read-only and full disks ────────────────────────────

def test_parse_into_proc_is_one_line_exit_3(project):
    one_line(run_cli("parse", "example-law:rus", "-o", "/proc/x.xml", cwd=project), 3, "/proc")


@contextlib.contextmanager
def tmpfs(folder: Path, size: str):
    """A small tmpfs at ``folder`` (root only; the test is skipped elsewhere)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_during_build_keeps_the_old_site_and_says_so(project, tmp_path):
    with tmpfs(tmp_path / "small", "4m") as disk:
        result = run_cli("build", "--out", disk / "public", cwd=project)
        if result.code != 0:                       # the first site does not even fit: nothing is left behind
            one_line(result, 3)
            assert not [p for p in disk.iterdir() if p.name != "lost+found"]
            return
        before = snapshot(disk / "public")
        (disk / "filler").write_bytes(b"\0" * (disk.stat().st_size or 1))    # eat what space is left
        with contextlib.suppress(OSError), open(disk / "filler2", "wb") as f:
            while True:
                f.write(b"\0" * 65536)
        result = run_cli("build", "--out", disk / "public", "--today", "2025-04-08", cwd=project)
        one_line(result, 3, "disk is full")
        assert snapshot(disk / "public") == before
        assert not [p for p in disk.iterdir() if p.name.startswith(".public.build-")]


def test_a_full_disk_during_add_comment_and_ics_leaves_the_files_whole(project, tmp_path):
    with tmpfs(tmp_path / "small", "256k") as disk:
        corpus = disk / "corpus"
        shutil.copytree(project / "corpus", corpus)
        draft = corpus / "drafts" / "test-draft.toml"
        feed = disk / "deadlines.ics"
        assert run_cli("--corpus", corpus, "discussion", "ics", "-o", feed, cwd=project).code == 0
        before = draft.read_bytes(), feed.read_bytes()
        with contextlib.suppress(OSError), open(disk / "filler", "wb") as f:
            while True:
                f.write(b"\0" * 4096)
        long = "x" * 20000
        result = run_cli("--corpus", corpus, "discussion", "add-comment", "test-draft", "--received",
                         "2025-03-12T10:00+05:00", "--author-kind", "individual", "--text", long, cwd=project)
        one_line(result, 3, "disk is full", str(draft))
        (corpus / "drafts" / "test-draft.toml").read_bytes()
        result = run_cli("--corpus", corpus, "discussion", "ics", "-o", feed, cwd=project)
        if result.code:
            one_line(result, 3, "disk is full")
        assert (draft.read_bytes(), feed.read_bytes()) == before
        assert not [p for p in draft.parent.iterdir() if p.name.startswith(".")]


def test_a_read_only_disk_during_build_and_add_comment_is_one_line_exit_3(project, tmp_path):
    with tmpfs(tmp_path / "ro", "8m") as disk:
        shutil.copytree(project / "corpus", disk / "corpus")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = snapshot(disk)
        result = run_cli("--corpus", disk / "corpus", "build", "--out", disk / "public", cwd=project)
        one_line(result, 3, "read-only")
        result = run_cli("--corpus", disk / "corpus", "discussion", "add-comment", "test-draft", "--received",
                         "2025-03-12T10:00+05:00", "--author-kind", "individual", "--text", "x", cwd=project)
        one_line(result, 3, "read-only")
        assert snapshot(disk) == before
