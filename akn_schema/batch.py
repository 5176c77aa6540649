"""Per-work tasks of the commands, run by an ``Executor`` (``akn_schema.executor``).

A task is a module-level function of one picklable argument. It finds the command's corpus in
its worker with ``worker_corpus(root, stamp)``: opened once per worker (the works' configuration
read once, not once per task), reused while the configuration stamp is the same, and trimmed
after each work (``Corpus.forget``) so that a worker's memory does not grow with the corpus.

    >>> from akn_schema.corpus import Corpus
    >>> corpus = Corpus.open(Path(__file__).resolve().parent.parent / "corpus")
    >>> reports = check_texts(corpus, [(corpus.work("order-78"), corpus.work("order-78").texts["rus"])])
    >>> [(r.work, r.lang, r.valid) for r in reports]
    [('order-78', 'rus', True)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .corpus import Corpus, _fingerprint
from .executor import Executor, SerialExecutor, worker_memo, worker_remember
from .works import TextSource, Work


def corpus_stamp(corpus: Corpus) -> str:
    """What identifies the corpus's configuration (every .toml's size and mtime), hashed."""
    import hashlib

    return hashlib.sha256(repr(_fingerprint(corpus.root)).encode()).hexdigest()[:16]


def worker_corpus(root: str, stamp: str) -> Corpus:
    """The corpus in this worker process, opened once per (folder, configuration stamp)."""
    return worker_memo(("corpus", root, stamp), lambda: Corpus.open(root))


def _check_one(item: tuple[Work, TextSource, bool, str | None]):
    from .cache import BuildCache, content_key
    from .reading import check_source

    work, source, strict, cache_root = item
    if cache_root is None:
        return check_source(work, source, strict)
    try:
        data = source.path.read_bytes()
    except OSError:
        return check_source(work, source, strict)         # which reports the unreadable file
    key = content_key("check_source", data, str(source.path), source.name, work.raw, source.settings, strict)
    return BuildCache(Path(cache_root)).memo(key, lambda: check_source(work, source, strict))


def preload_checks(executor_kind: str, jobs: int | None) -> None:
    """Import the parser and load the strict XSD in this process before a pool of workers is forked
    for ``check_texts``: they inherit both, instead of each paying for them (≈ 0.3 s of CPU a worker).
    Nothing is loaded for one worker, for spawned workers or for Dask's (they do not inherit it)."""
    import multiprocessing
    import os

    if executor_kind == "process" and jobs != 1 and os.name == "posix" \
            and "fork" in multiprocessing.get_all_start_methods():
        from .reading import check_source  # noqa: F401  (the parser's modules)
        from .validate import strict_schema

        strict_schema()


def check_texts(corpus: Corpus | None, texts: Iterable[tuple[Work, TextSource | str]], strict: bool = False,
                executor: Executor | None = None, progress: Callable[[int, int], None] | None = None,
                cache: Path | None = None) -> list:
    """``check_source`` for each (work, text), on ``executor``; the reports in the given order.

    With ``cache`` (a folder), a text whose bytes, configuration and tool are unchanged since the
    last check is not parsed again (``akn_schema.cache``)."""
    root = str(cache) if cache is not None else None
    items = [(w, s if isinstance(s, TextSource) else w.source(s), strict, root) for w, s in texts]
    return list((executor or SerialExecutor()).map(_check_one, items, progress))


def corpus_tasks(corpus: Corpus, names: Iterable[str]) -> list[tuple[str, str, str]]:
    """The arguments of per-work tasks: (corpus folder, configuration stamp, work name). This
    process's own corpus is registered under the stamp, so that a task run here uses it."""
    stamp = corpus_stamp(corpus)
    worker_remember(("corpus", str(corpus.root), stamp), corpus)
    return [(str(corpus.root), stamp, name) for name in names]


def run_for_work(task: tuple[str, str, str], fn: Callable[[Corpus, str], object]):
    """Run ``fn(corpus, name)`` in a worker on its own corpus, then forget the work's memo."""
    root, stamp, name = task
    corpus = worker_corpus(root, stamp)
    try:
        return fn(corpus, name)
    finally:
        corpus.forget(name)
