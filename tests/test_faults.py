"""Fault injection over the configuration: every config file × every mutation × every command reading it.

Issue 11 found 81 tracebacks from malformed files (cp1251 bytes, ``fil =``, ``file = 5``,
``titles = "x"``, ``texts = "rus.txt"``, ``date = "8 Dec 2016"``, ``uri = 78``, ``moves = "lots"``…)
and silently wrong results (two works with one name, an unknown ``amends``, a report before the
posting). Here each mutation is applied to the tiny corpus, and each command that reads the file
must answer with exit status 2 and one line naming the file and line — never a traceback.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tiny_corpus import FILES, make_tiny_corpus, run_cli

ASTANA_POSTED = "2025-03-12T10:00+05:00"
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate"],
    "outline": ["outline", "example-law"],
    "parse": ["parse", "example-law:rus"],
    "events": ["events", "example-law"],
    "versions": ["versions", "example-law"],
    "show": ["show", "example-law", "--as-of", "2022-01-01", "--lang", "rus"],
    "diff": ["diff", "example-law", "--from", "2020-06-01", "--to", "2022-01-01", "--lang", "rus"],
    "apply": ["apply", "2-VII", "--work", "example-law"],
    "graph": ["graph"],
    "links": ["links", "example-law~art_1"],
    "check": ["check"],
    "deadline": ["discussion", "deadline", "2025-03-05"],
    "status": ["discussion", "status", "--today", "2025-04-07"],
    "ics": ["discussion", "ics"],
    "add-comment": ["discussion", "add-comment", "test-draft", "--received", ASTANA_POSTED,
                    "--author-kind", "individual", "--text", "A comment."],
    "build": ["build", "--out", "public"],
}
CONSOLIDATING = ["events", "versions", "show", "diff", "apply", "build"]
READERS: dict[str, list[str]] = {
    "work.toml": [c for c in COMMANDS if c != "deadline"],
    "amending-acts.toml": CONSOLIDATING + ["check"],
    "act.toml": ["apply", "versions", "show", "build"],
    "calendar.toml": ["deadline", "status", "ics", "add-comment", "build"],
    "draft": ["status", "ics", "add-comment", "build"],
}


@dataclass(frozen=True)
class Mutation:
    """``old`` → ``new`` in the file (``old=None``: ``new`` prepended); ``encoding`` re-encodes it."""

    file: str
    name: str
    old: str | None
    new: str
    says: str                              # a fragment of the one-line message
    encoding: str = "utf-8"
    line: bool = True                      # the message names the line of ``new``
    also: tuple[tuple[str, str], ...] = ()  # further replacements

    def apply(self, corpus: Path) -> tuple[Path, int | None]:
        path = corpus / FILES[self.file]
        text = path.read_text(encoding="utf-8")
        if self.old is None:
            text = self.new + "\n" + text
        else:
            assert self.old in text, (self.name, self.old)
            text = text.replace(self.old, self.new, 1)
        for old, new in self.also:
            text = text.replace(old, new, 1)
        path.write_bytes(text.encode(self.encoding))
        first = self.new.splitlines()[0] if self.new else ""
        if self.encoding != "utf-8":     # the line of the first byte that is not UTF-8
            line = next(n for n, s in enumerate(text.splitlines(), 1) if not s.isascii())
        else:
            line = next((n for n, s in enumerate(text.splitlines(), 1) if first and first in s), None)
        return path, line if self.line else None


M = Mutation
MUTATIONS = [
    # work.toml
    M("work.toml", "cp1251 bytes", 'uri = "', 'uri = "', "not UTF-8", encoding="cp1251"),
    M("work.toml", "misspelt key fil", 'file = "rus.txt"', 'fil = "rus.txt"', "did you mean 'file'"),
    M("work.toml", "file = 5", 'file = "rus.txt"', "file = 5", "must be a string"),
    M("work.toml", 'titles = "x"', '[titles]\nrus = "Пример закона для zanlex"', 'titles = "x"', "must be a table"),
    M("work.toml", 'texts = "rus.txt"', 'number = "example-1"', 'texts = "rus.txt"', "must be a table",
      also=(("[texts.rus]\n", ""), ('file = "rus.txt"\n', ""), ('state = "consolidated"\n', ""),
            ('origin = "written by zanlex init; not a legal act"\n', ""), ("\n[titles]", 'number = "example-1"\n[titles]'))),
    M("work.toml", 'date = "8 Dec 2016"', "date = 2020-01-01\n", 'date = "8 Dec 2016"\n', "must be a TOML date"),
    M("work.toml", "uri = 78", 'uri = "/akn/kz/act/2020-01-01/example-1"', "uri = 78", "must be a string"),
    M("work.toml", "uri with ..", 'uri = "/akn/kz/act/2020-01-01/example-1"',
      'uri = "/akn/kz/act/2020-01-01/../../../../tmp/escape"', "well-formed AKN work URI"),
    M("work.toml", "expression URI", 'uri = "/akn/kz/act/2020-01-01/example-1"',
      'uri = "/akn/kz/act/2020-01-01/example-1/rus@2020-01-01"', "well-formed AKN work URI"),
    M("work.toml", "uri date differs", 'uri = "/akn/kz/act/2020-01-01/example-1"',
      'uri = "/akn/kz/act/2020-01-02/example-1"', "has the date 2020-01-02"),
    M("work.toml", "name with ../", 'name = "example-law"', 'name = "../example-law"', "may hold only"),
    M("work.toml", "unknown type", 'type = "law"', 'type = "decree"', "must be one of law, order, resolution"),
    M("work.toml", "not TOML", "date = 2020-01-01\n", "date = 2020-01-01 x\n", "not valid TOML"),
    M("work.toml", "date at the edge", "date = 2020-01-01\n", "date = 9999-12-31\n", "edge of the calendar"),
    M("work.toml", "RTL override in a title", 'rus = "Пример закона для zanlex"',
      'rus = "Пример \u202eзакона для zanlex"', "U+202E"),
    M("work.toml", "file outside the corpus", 'file = "rus.txt"', 'file = "../../../../etc/passwd"',
      "must be a path inside the corpus"),
    M("work.toml", "rule without days", 'entry_into_force = { rule = "date", date = 2020-01-01, source = "rus.txt (Статья 2)" }',
      'entry_into_force = { rule = "after_publication" }', "needs `days`"),
    # amending-acts.toml
    M("amending-acts.toml", "cp1251 bytes", 'cited_in = ["example-law:rus"]',
      'cited_in = ["example-law:rus"]\ntitle = "О внесении изменения"', "not UTF-8", encoding="cp1251"),
    M("amending-acts.toml", "misspelt key", 'number = "2-VII"', 'nubmer = "2-VII"', "did you mean 'number'"),
    M("amending-acts.toml", "date as words", "date = 2021-06-01", 'date = "1 June 2021"', "must be a TOML date"),
    M("amending-acts.toml", "published before signed", 'text = "amending/2-VII/act.toml"',
      'text = "amending/2-VII/act.toml"\npublication = { date = 2021-05-01, source = "test" }',
      "before the act's date", line=False),
    M("amending-acts.toml", "text outside the corpus", 'text = "amending/2-VII/act.toml"',
      'text = "../../outside/act.toml"', "must be a path inside the corpus"),
    M("amending-acts.toml", "allowance = lots", "publication_allowance_days = { law = 30, order = 90, resolution = 30 }",
      'publication_allowance_days = "lots"', "must be a table"),
    M("amending-acts.toml", "act listed twice", "[[act]]", '[[act]]\ntype = "law"\nnumber = "2-VII"\ndate = 2021-06-01\n'
      'uri = "/akn/kz/act/2021-06-01/2-VII"\n\n[[act]]', "repeats law 2-VII", line=False),
    # an amending act's act.toml
    M("act.toml", "cp1251 bytes", 'origin = "written for the tests"', 'origin = "написано для тестов"', "not UTF-8",
      encoding="cp1251"),
    M("act.toml", "unknown amends", 'work = "example-law"', 'work = "law-999"', "names no work of the corpus"),
    M("act.toml", "misspelt key", 'work = "example-law"', 'workk = "example-law"', "did you mean 'work'"),
    M("act.toml", "item = [1]", 'item = "1"', "item = [1]", "must be an item number"),
    M("act.toml", "text outside the corpus", 'file = "rus.txt"', 'file = "../../works/../../x.txt"',
      "must be a path inside the corpus"),
    # calendar.toml
    M("calendar.toml", 'moves = "lots"', "moves = [\n  { day_off = 2026-01-02, working_day = 2026-01-03 },\n]",
      'moves = "lots"', "must be an array"),
    M("calendar.toml", "cp1251 bytes", 'act = "Test decree (not a real act)"', 'act = "Постановление"', "not UTF-8",
      encoding="cp1251"),
    M("calendar.toml", "worked weekday", "working_day = 2026-01-03", "working_day = 2026-01-05",
      "not a Saturday or Sunday", line=False),
    M("calendar.toml", 'year = "2026"', "year = 2026", 'year = "2026"', "must be an integer"),
    M("calendar.toml", "no act", 'act = "Test decree (not a real act)"\n', "", "legal source", line=False),
    M("calendar.toml", "not TOML", "day_off = 2026-01-02", "day_off = 2026-13-02", "not valid TOML"),
    # a draft
    M("draft", "cp1251 bytes", 'where = "nowhere"', 'where = "нигде"', "not UTF-8", encoding="cp1251"),
    M("draft", "unknown amends", 'amends = "example-law"', 'amends = "order-999"', "names no work of the corpus"),
    M("draft", "report before posting", "posted_at = 2025-04-01T11:00:00+05:00",
      "posted_at = 2025-03-01T11:00:00+05:00", "before the draft was posted"),
    M("draft", "comment before posting", "received = 2025-03-11T09:15:00+05:00",
      "received = 2025-03-01T09:15:00+05:00", "before the draft was posted"),
    M("draft", "received without a time", "received = 2025-03-11T09:15:00+05:00", "received = 2025-03-11",
      "must be a TOML datetime"),
    M("draft", "unknown kind", 'kind = "amendment"', 'kind = "repeal"', "must be one of new, amendment"),
    M("draft", "posted at the end of time", "at = 2025-03-05T10:00:00+05:00", "at = 9999-12-31",
      "edge of the calendar"),
    M("draft", "RTL override in the title", 'title = "TEST DRAFT: amendments to the example law"',
      'title = "TEST DRAFT: \u202eamendments"', "U+202E"),
    M("draft", "misspelt key", 'developer = "Test Department"', 'develper = "Test Department"',
      "did you mean 'developer'"),
    M("draft", 'comments = "none"', 'amends = "example-law"', 'comments = "none"\namends = "example-law"',
      "must be an array of tables", also=(("[[comments]]\n", ""), ('received = 2025-03-11T09:15:00+05:00\n', ""),
                                          ('author_kind = "legal_entity"\n', ""), ('text = "A test comment."\n', ""),
                                          ('decision = "accepted"\n', ""), ('justification = "A test reason."\n', ""))),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    make_tiny_corpus(folder)
    return folder


def _copy(pristine: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    return project


def assert_one_line_error(result, path: Path, line: int | None, says: str, status: int = 2) -> None:
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.code == status, (result.code, result.err)
    assert len(result.lines) == 1, result.err
    where = f"{path}:{line}:" if line else f"{path}"
    assert where in result.err, (where, result.err)
    assert says in result.err, (says, result.err)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: f"{m.file}: {m.name}")
def test_every_command_reading_a_broken_file_says_file_line_and_key_in_one_line(pristine, tmp_path, mutation):
    project = _copy(pristine, tmp_path)
    path, line = mutation.apply(project / "corpus")
    before = path.read_bytes()
    for command in READERS[mutation.file]:
        result = run_cli(*COMMANDS[command], cwd=project)
        assert_one_line_error(result, path.resolve() if str(path.resolve()) in result.err else path, line,
                              mutation.says)
    assert path.read_bytes() == before                     # add-comment left a broken draft alone
    assert not (project / "public").exists()               # and build wrote nothing


def test_the_pristine_tiny_corpus_passes_every_command(pristine, tmp_path):
    project = _copy(pristine, tmp_path)
    for command, args in COMMANDS.items():
        result = run_cli(*args, cwd=project)
        assert result.code == 0, (command, result.err)


# ── Whole-corpus faults: names, folders, draft ids ──────────────────────────────────────────

def test_two_works_with_the_same_name_are_an_error_not_a_hidden_work(pristine, tmp_path):
    project = _copy(pristine, tmp_path)
    works = project / "corpus" / "works"
    shutil.copytree(works / "example-law", works / "example-law-copy")
    copy = works / "example-law-copy" / "work.toml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("example-1", "example-2"), encoding="utf-8")
    for command in ("validate", "build", "status"):
        result = run_cli(*COMMANDS[command], cwd=project)
        assert_one_line_error(result, copy, None, "name 'example-law' is already used by")


def test_a_missing_works_folder_is_an_error_not_a_valid_empty_corpus(pristine, tmp_path):
    project = _copy(pristine, tmp_path)
    shutil.rmtree(project / "corpus" / "works")
    result = run_cli("validate", cwd=project)
    assert_one_line_error(result, project / "corpus" / "works", None, "no such folder")


@pytest.mark.parametrize("name", ["a<b", "x(1)", "it's", "-dash", "sp ace"])
def test_a_draft_file_name_that_cannot_be_a_url_is_named_in_one_line(pristine, tmp_path, name):
    project = _copy(pristine, tmp_path)
    drafts = project / "corpus" / "drafts"
    shutil.copy(drafts / "test-draft.toml", drafts / f"{name}.toml")
    for command in ("status", "build"):
        result = run_cli(*COMMANDS[command], cwd=project)
        assert_one_line_error(result, drafts / f"{name}.toml", None, "cannot be a draft id")
    assert not (project / "public").exists()


@pytest.mark.parametrize("comments", ["comments = []", 'comments = [{ received = 2025-03-11T09:15:00+05:00, '
                                                      'author_kind = "individual", text = "Inline." }]'])
def test_add_comment_to_an_empty_or_inline_comments_array(pristine, tmp_path, comments):
    project = _copy(pristine, tmp_path)
    draft = project / "corpus" / "drafts" / "test-draft.toml"
    text = draft.read_text(encoding="utf-8")
    text = text[:text.index("[[comments]]")] + text[text.index("[report]"):]
    draft.write_text(text.replace('amends = "example-law"', f'amends = "example-law"\n{comments}'), encoding="utf-8")
    result = run_cli(*COMMANDS["add-comment"], cwd=project)
    assert result.code == 0, result.err
    status = run_cli("discussion", "status", "--today", "2025-04-07", "--json", cwd=project)
    assert status.code == 0, status.err
    assert "A comment." in draft.read_text(encoding="utf-8")


def _edit(project: Path, rel: str, change: Callable[[str], str]) -> Path:
    path = project / "corpus" / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path
