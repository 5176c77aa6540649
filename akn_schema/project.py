"""Where the corpus is, as mkdocs finds ``mkdocs.yml``; and ``zanlex init`` for a new one.

``find_corpus(given, cwd)``: ``--corpus DIR`` if given; else ``./corpus``; else the folder a
``zanlex.toml`` in the current folder names (``corpus = "…"``, relative to the file); else a
one-line error saying how to make one.

    >>> import tempfile
    >>> home = Path(tempfile.mkdtemp())
    >>> find_corpus(None, home)
    Traceback (most recent call last):
    ...
    akn_schema.project.NoCorpus: no corpus here (...): give --corpus DIR, or run zanlex in a folder holding corpus/ or a zanlex.toml; zanlex init DIR creates one
    >>> corpus = init_project(home / "laws")
    >>> find_corpus(None, home / "laws") == corpus, sorted(p.name for p in corpus.iterdir())
    (True, ['amending-acts.toml', 'calendar.toml', 'drafts', 'works'])
"""

from __future__ import annotations

from pathlib import Path

from .config import read_config
from .errors import ConfigError, EnvironmentFailure, ZanlexError
from .files import atomic_write
from .schemas import PROJECT

PROJECT_FILE = "zanlex.toml"


class NoCorpus(ZanlexError):
    """No corpus was given or found (exit status 2)."""


def find_corpus(given: Path | None, cwd: Path | None = None) -> Path:
    """The corpus folder for this run (see the module docstring)."""
    cwd = Path.cwd() if cwd is None else Path(cwd)
    if given is not None:
        given = Path(given)
        if not given.is_dir():
            raise NoCorpus(f"--corpus {given}: no such folder")
        return given
    if (cwd / "corpus").is_dir():
        return cwd / "corpus"
    project = cwd / PROJECT_FILE
    if project.is_file():
        doc = read_config(project, PROJECT)
        corpus = (project.parent / doc.data["corpus"])
        if not corpus.is_dir():
            raise doc.error(("corpus",), f"names {corpus}, which is not a folder")
        return corpus
    raise NoCorpus(f"no corpus here ({cwd}): give --corpus DIR, or run zanlex in a folder holding corpus/ "
                   f"or a {PROJECT_FILE}; zanlex init DIR creates one")


# ── zanlex init ──────────────────────────────────────────────────────────────────────────

EXAMPLE_NAME = "example-law"
EXAMPLE_TEXT = """\
Пример закона для zanlex

Вымышленный текст, созданный командой zanlex init. Он не является нормативным правовым актом.

Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия

В настоящем Законе используются следующие основные понятия:

1) корпус – папка с текстами актов и их описаниями;

2) редакция – текст акта на определенную дату.

Статья 2. Вступление в силу

Настоящий Закон вводится в действие с 1 января 2020 года.
"""

FILES = {
    PROJECT_FILE: """\
# A zanlex project: `zanlex validate`, `zanlex build --out public` and `zanlex serve` run here.
corpus = "corpus"
""",
    f"corpus/works/{EXAMPLE_NAME}/work.toml": f"""\
# An example work created by `zanlex init`. Replace it with real acts: one folder per work, with its
# texts (rus.txt, kaz.txt, eng.txt) and this file describing them.
uri = "/akn/kz/act/2020-01-01/example-1"
name = "{EXAMPLE_NAME}"
type = "law"
date = 2020-01-01
number = "example-1"
entry_into_force = {{ rule = "date", date = 2020-01-01, source = "rus.txt (Статья 2)" }}

[titles]
rus = "Пример закона для zanlex"

[texts.rus]
file = "rus.txt"
state = "original"
origin = "written by zanlex init; not a legal act"
""",
    f"corpus/works/{EXAMPLE_NAME}/rus.txt": EXAMPLE_TEXT,
    "corpus/amending-acts.toml": """\
# The acts that amend the works of this corpus, as their footnotes cite them: one [[act]] each, with
# type, number, date and uri (and a publication = { date = …, source = "…" } only with its source).

[assumptions]
publication_allowance_days = { law = 30, order = 90, resolution = 30 }
publication_allowance_source = "working assumption; change it to your own"
""",
    "corpus/calendar.toml": """\
# Government decrees moving days off that the `holidays` package does not know yet:
# [[decree]] act = "…", year = YYYY, moves = [{ day_off = YYYY-MM-DD, working_day = YYYY-MM-DD }]
""",
    "corpus/drafts/README.md": """\
Drafts under public discussion: one `<id>.toml` each (title, developer, kind, [posted], [[comments]]).
""",
}


def init_project(folder: Path) -> Path:
    """Create a minimal project in ``folder`` (new or empty): ``zanlex.toml`` and a corpus with one
    example work. Returns the corpus folder."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ZanlexError(f"{folder}: exists and is not an empty folder; zanlex init makes a new project")
    try:
        for rel, text in FILES.items():
            atomic_write(folder / rel, text)
    except OSError as err:
        raise EnvironmentFailure(f"{err.filename or folder}: cannot create the project: {err.strerror}") from None
    return folder / "corpus"


__all__ = ["ConfigError", "NoCorpus", "PROJECT_FILE", "find_corpus", "init_project"]
