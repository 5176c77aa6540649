"""A tiny corpus for the fault-injection tests: fast to parse, consolidate, link and build.

``make_tiny_corpus(folder)`` is ``zanlex init`` plus what the real corpus has, in miniature:
the example law with one footnote citing an amending act, that act's text and ``act.toml``
(one instruction), a registry of amending acts, a calendar decree and a draft with a comment.
Every configuration file of the real corpus has its tiny counterpart here, so each can be broken.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from akn_schema.project import init_project

FOOTNOTE = ("Сноска. Статья 1 с изменениями, внесенными Законом РК от 01.06.2021 № 2-VII (вводится в действие "
            "по истечении десяти календарных дней после дня его первого официального опубликования).")

ACT_TEXT = """\
О внесении изменения в Пример закона для zanlex
Статья 1. Внести изменение в следующий законодательный акт Республики Казахстан:
1. В Закон Республики Казахстан от 1 января 2020 года "Пример закона для zanlex":
подпункт 2) статьи 1 изложить в следующей редакции:
"2) редакция – текст акта на определенную дату и в определенном порядке.".
Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""

ACT_TOML = """\
type = "law"
number = "2-VII"
date = 2021-06-01
uri = "/akn/kz/act/2021-06-01/2-VII"

[texts.rus]
file = "rus.txt"
origin = "written for the tests"

[[amends]]
work = "example-law"
lang = "rus"
item = "1"
entry_into_force = { rule = "after_publication", days = 10, source = "rus.txt:6 (Статья 2)" }
"""

REGISTRY = """\
[assumptions]
publication_allowance_days = { law = 30, order = 90, resolution = 30 }
publication_allowance_source = "test assumption"

[[act]]
type = "law"
number = "2-VII"
date = 2021-06-01
uri = "/akn/kz/act/2021-06-01/2-VII"
cited_in = ["example-law:rus"]
text = "amending/2-VII/act.toml"
"""

CALENDAR = """\
[[decree]]
act = "Test decree (not a real act)"
year = 2026
moves = [
  { day_off = 2026-01-02, working_day = 2026-01-03 },
]
"""

DRAFT = """\
title = "TEST DRAFT: amendments to the example law"
developer = "Test Department"
kind = "amendment"
amends = "example-law"

[posted]
at = 2025-03-05T10:00:00+05:00
where = "nowhere"

[[comments]]
received = 2025-03-11T09:15:00+05:00
author_kind = "legal_entity"
text = "A test comment."
decision = "accepted"
justification = "A test reason."

[report]
posted_at = 2025-04-01T11:00:00+05:00
where = "nowhere"
"""

WORK = "works/example-law/work.toml"
FILES = {
    "work.toml": WORK,
    "amending-acts.toml": "amending-acts.toml",
    "act.toml": "amending/2-VII/act.toml",
    "calendar.toml": "calendar.toml",
    "draft": "drafts/test-draft.toml",
}


def make_tiny_corpus(folder: Path) -> Path:
    """Create the tiny project in ``folder`` (new); returns its corpus folder."""
    corpus = init_project(folder)
    text = corpus / "works/example-law/rus.txt"
    text.write_text(text.read_text(encoding="utf-8").replace(
        "2) редакция – текст акта на определенную дату.\n",
        f"2) редакция – текст акта на определенную дату и в определенном порядке.\n\n{FOOTNOTE}\n"), encoding="utf-8")
    work = corpus / WORK
    work.write_text(work.read_text(encoding="utf-8").replace('state = "original"', 'state = "consolidated"'),
                    encoding="utf-8")
    (corpus / "amending/2-VII").mkdir(parents=True)
    (corpus / "amending/2-VII/rus.txt").write_text(ACT_TEXT, encoding="utf-8")
    (corpus / "amending/2-VII/act.toml").write_text(ACT_TOML, encoding="utf-8")
    (corpus / "amending-acts.toml").write_text(REGISTRY, encoding="utf-8")
    (corpus / "calendar.toml").write_text(CALENDAR, encoding="utf-8")
    (corpus / "drafts/test-draft.toml").write_text(DRAFT, encoding="utf-8")
    return corpus


# ── Running the CLI as a user does, in this process: through ``cli.main``, the error boundary ──

@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    """``zanlex ARGS`` through ``cli.main``: its exit status, standard output and error."""
    import cli

    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(err_b, encoding="utf-8", write_through=True)
    saved = sys.stdout, sys.stderr, Path.cwd()
    sys.stdout, sys.stderr = out, err
    if cwd is not None:
        os.chdir(cwd)
    try:
        cli.main([str(a) for a in args])
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    finally:
        out.flush()
        err.flush()
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.chdir(saved[2])
    return Run(code, out_b.getvalue().decode("utf-8", "replace"), err_b.getvalue().decode("utf-8", "replace"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (symbolic links not followed) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}
