"""Never destroy: ``zanlex build`` writes only into its own folders, and always leaves a whole site.

Reproductions of issue 11 ("Data loss and escapes"): ``build --out .`` in the project root deleted
``corpus/``, ``.git/`` and the code; two builds at once crashed; a kill between two renames left no
site; killed builds left their folders behind; ``ics -o`` and ``parse -o`` wrote in place or 0600.
"""

from __future__ import annotations

import doctest
import fcntl
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tiny_corpus import make_tiny_corpus, run_cli, snapshot

from akn_schema import files
from akn_schema.files import atomic_write, current_umask
from publisher import output
from publisher.output import MARKER, Output, OutputBusy, OutputRefused, check_target, served_folder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tiny project with one complete build in ``public``."""
    project = tmp_path_factory.mktemp("tiny")
    make_tiny_corpus(project)
    result = run_cli("build", "--out", "public", cwd=project)
    assert result.code == 0, result.err
    return project


@pytest.fixture
def project(tmp_path):
    make_tiny_corpus(tmp_path)
    return tmp_path


# ── Refusals: nothing is touched ─────────────────────────────────────────────────────────

@pytest.mark.parametrize("target", [".", "corpus", "zanlex.toml", "corpus/works", "..", "notes", "empty"])
def test_build_refuses_any_folder_it_did_not_make_and_destroys_nothing(project, target):
    (project / "notes").mkdir()
    (project / "notes" / "mine.txt").write_text("keep me")
    (project / "empty").mkdir()
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(project)
    result = run_cli("build", "--out", target, cwd=project)
    assert result.code == 2, result.err
    assert len(result.lines) == 1 and "refusing to build into" in result.err
    assert "Traceback" not in result.err
    assert snapshot(project) == before
    assert sorted(p.name for p in project.iterdir()) == sorted([".git", "corpus", "empty", "notes", "zanlex.toml"])


def test_build_out_dot_in_the_repository_refuses_before_any_work():
    with pytest.raises(OutputRefused, match="it holds"):
        check_target(ROOT, [ROOT / "corpus"])
    result = run_cli("build", "--out", ".", cwd=ROOT)
    assert result.code == 2 and "refusing to build into" in result.err
    assert (ROOT / "corpus" / "works").is_dir() and (ROOT / "cli.py").is_file()


def test_a_symlink_to_a_foreign_folder_and_the_home_folder_are_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "data.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    for target in (tmp_path / "link", Path.home(), Path("/")):
        with pytest.raises(OutputRefused):
            check_target(target)
    assert (tmp_path / "elsewhere" / "data.txt").read_text() == "x"


# ── A build: marker, permissions, replacement, no leftovers ─────────────────────────────────

def test_a_build_carries_its_marker_normal_permissions_and_leaves_no_build_folder(built):
    public = built / "public"
    assert (public / MARKER).is_file() and (public / "index.html").is_file()
    expected = 0o666 & ~current_umask()
    for path in (public / "index.html", public / MARKER):
        assert stat.S_IMODE(path.stat().st_mode) & 0o644 == 0o644 & expected
    assert not [p for p in built.iterdir() if p.name.startswith(".public.build-")]


def test_a_rebuild_replaces_the_site_and_cleans_stale_build_folders(built, tmp_path):
    stale = built / ".public.build-killed"
    (stale / "site").mkdir(parents=True)
    (stale / "site" / "junk.html").write_text("half a site")
    (built / "public" / "stray.txt").write_text("from an old build")
    result = run_cli("build", "--out", "public", "--today", "2025-04-07", cwd=built)
    assert result.code == 0, result.err
    assert not (built / "public" / "stray.txt").exists()      # the old site was replaced as a whole
    assert not [p for p in built.iterdir() if p.name.startswith(".public.build-")]
    assert (built / "public" / MARKER).is_file()


def test_gitignore_covers_the_build_folders():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".public.build-abc123/site/index.html"], cwd=ROOT)
    assert ignored.returncode == 0


# ── One lock per output folder; two builds at once ──────────────────────────────────────────

def test_a_locked_output_is_busy_and_the_lock_is_released_on_exit(tmp_path):
    out = tmp_path / "public"
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(OutputBusy, match="another zanlex build"), Output(out, wait=None):
            pass
    finally:
        os.close(fd)
    with Output(out, wait=None) as held:
        site = held.folder / "site"
        site.mkdir()
        (site / "index.html").write_text("ok")
        held.publish(site)
    with Output(out, wait=None):      # not held any more
        pass
    assert (out / "index.html").read_text() == "ok" and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def _zanlex(*args, cwd) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", *args], cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_both_succeed_one_after_the_other(project):
    procs = [_zanlex("build", "--out", "public", cwd=project) for _ in range(2)]
    results = [(p.wait(timeout=300), p.communicate()) for p in procs]
    for code, (_out, err) in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert (project / "public" / MARKER).is_file() and (project / "public" / "index.html").is_file()
    assert not [p for p in project.iterdir() if p.name.startswith(".public.build-")]


# ── kill -9 at random points ────────────────────────────────────────────────────────────────

def _lock_is_free(folder: Path) -> bool:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_kill_9_during_build_keeps_the_previous_site_and_the_next_build_recovers(project):
    start = time.monotonic()
    first = _zanlex("build", "--out", "public", cwd=project)
    assert first.wait(timeout=300) == 0, first.communicate()[1]
    duration = time.monotonic() - start
    before = snapshot(project / "public")
    rng = random.Random(11)
    for _ in range(3):            # late in the build: writing, mkdocs, Pagefind, the swap
        proc = _zanlex("build", "--out", "public", cwd=project)
        time.sleep(rng.uniform(0.5, 1.05) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(project / "public") == before, "the site changed under a killed build"
        assert _lock_is_free(project)
    result = run_cli("build", "--out", "public", cwd=project)
    assert result.code == 0, result.err
    assert snapshot(project / "public") == before        # same corpus, same SOURCE_DATE_EPOCH
    assert not [p for p in project.iterdir() if p.name.startswith(".public.build-")]


def test_kill_9_during_add_comment_leaves_a_whole_draft_and_no_temporary_file(project):
    draft = project / "corpus" / "drafts" / "test-draft.toml"
    rng = random.Random(7)
    texts = []
    for i in range(6):
        text = f"Comment number {i}."
        proc = _zanlex("discussion", "add-comment", "test-draft", "--received", "2025-03-12T10:00+05:00",
                       "--author-kind", "individual", "--text", text, cwd=project)
        time.sleep(rng.uniform(0.0, 1.2))
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == 0:
            texts.append(text)
        result = run_cli("discussion", "status", "--today", "2025-04-07", cwd=project)
        assert result.code == 0, result.err          # the draft is whole: the old file or the new one
    result = run_cli("discussion", "add-comment", "test-draft", "--received", "2025-03-12T10:00+05:00",
                     "--author-kind", "individual", "--text", "After the kills.", cwd=project)
    assert result.code == 0, result.err
    assert not [p.name for p in draft.parent.iterdir() if p.name.startswith(".")]
    assert "After the kills." in draft.read_text(encoding="utf-8")
    for text in texts:
        assert text in draft.read_text(encoding="utf-8")


def test_a_temporary_file_of_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = files.temp_name(tmp_path / "feed.ics", int(dead.stdout), "dead")
    orphan.write_bytes(b"")
    atomic_write(tmp_path / "other.xml", b"<a/>")
    assert not orphan.exists()


# ── One atomic-write helper, normal permissions ─────────────────────────────────────────────

def test_parse_o_writes_a_normal_0644_file(project, tmp_path):
    target = tmp_path / "law.xml"
    old = os.umask(0o022)
    try:
        result = run_cli("parse", "example-law:rus", "-o", target, cwd=project)
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "feed.ics"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_replace_leaves_the_old_feed_whole_and_says_so_in_one_line(project, tmp_path, monkeypatch):
    (tmp_path / "feeds").mkdir()
    feed = tmp_path / "feeds" / "deadlines.ics"
    assert run_cli("discussion", "ics", "-o", feed, cwd=project).code == 0
    before = feed.read_bytes()

    def full(*_args):
        raise OSError(28, "No space left on device", str(feed))

    monkeypatch.setattr(files.os, "replace", full)
    result = run_cli("discussion", "ics", "-o", feed, cwd=project)
    assert result.code == 3 and len(result.lines) == 1
    assert "disk is full" in result.err and str(feed) in result.err
    assert feed.read_bytes() == before
    assert sorted(p.name for p in feed.parent.iterdir()) == ["deadlines.ics"]


def test_ics_into_a_missing_folder_is_one_line(project, tmp_path):
    result = run_cli("discussion", "ics", "-o", tmp_path / "missing" / "feed.ics", cwd=project)
    assert result.code == 3 and len(result.lines) == 1 and "missing" in result.err


# ── serve: the last complete build, a port in use ───────────────────────────────────────────

def test_serve_falls_back_to_the_last_complete_build(tmp_path):
    out = tmp_path / "public"
    complete = tmp_path / ".public.build-x" / "site"
    complete.mkdir(parents=True)
    (complete / MARKER).write_text(output.MARKER_TEXT)
    folder, notice = served_folder(out)
    assert folder == complete.resolve() and "last complete build" in notice
    (tmp_path / "other").mkdir()
    with pytest.raises(OutputRefused, match="not a site built by zanlex"):
        served_folder(tmp_path / "other")


def test_serve_on_a_port_in_use_is_one_line_exit_3(built):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--out", "public", "--port", port, cwd=built)
    assert result.code == 3 and len(result.lines) == 1 and "in use" in result.err


def test_the_worked_examples_of_the_output_modules():
    for module in (output, files):
        assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
