"""The consolidator's only door into the parser: its public ``load_works`` and ``parse_work``.

    >>> sorted(corpus_acts(CORPUS, "law-88-V"))          # doctest: +SKIP
    ['eng', 'kaz', 'rus']
"""

from __future__ import annotations

from pathlib import Path

import akn_schema
from akn_schema.errors import UnknownWork
from akn_schema.model import Act
from akn_schema.works import load_works


def corpus_work(corpus_dir: Path, work_name: str):
    works = load_works(Path(corpus_dir))
    if work_name not in works:
        raise UnknownWork(f"unknown work {work_name!r}: the corpus holds {', '.join(sorted(works))}")
    return works[work_name]


def corpus_acts(corpus_dir: Path, work_name: str) -> dict[str, Act]:
    """Every source text of the work, parsed, by language (in the order work.toml lists them)."""
    work = corpus_work(corpus_dir, work_name)
    return {lang: akn_schema.parse_work(work, lang) for lang in work.texts}


def source_name(corpus_dir: Path, act: Act) -> str:
    """The act's file as cited in messages: relative to the corpus's parent when possible."""
    path = Path(act.path).resolve()
    try:
        return str(path.relative_to(Path(corpus_dir).resolve().parent))
    except ValueError:
        return str(path)
