"""Where the per-work tasks run: here, in a process pool, or on a Dask cluster (DESIGN §9).

Per-work stages (parse, validate, consolidate, render, PDF) are independent tasks: a module-level
function and one picklable argument per work. An ``Executor`` maps the function over the works
and yields the results **in the order of the works**, whatever order they finish in, so that
the output of a build never depends on the executor, the number of jobs or the machine.

    >>> with executor_for(jobs=1) as ex:
    ...     list(ex.map(abs, [-3, 2, -1]))
    [3, 2, 1]

``executor_for(jobs=N)`` gives a process pool of N workers (``SerialExecutor`` for N = 1: no
process is started); ``executor_for(kind="dask", scheduler="tcp://host:8786")`` runs the same
tasks on ``dask.distributed`` (the workers must have zanlex installed, and see the corpus and
cache folders at the same paths). At most ``window`` results are in flight at a time, so memory
stays bounded however many works there are.

Inside a worker, ``worker_memo(key, make)`` keeps what every task of that worker shares (the
corpus's works, read once per worker and not once per task).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]          # (done, total)

KINDS = ("process", "dask")


def default_jobs() -> int:
    """The number of cores this process may use (``--jobs`` default).

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not Linux
        return max(1, os.cpu_count() or 1)


_WORKER_MEMO: dict[Any, Any] = {}
if hasattr(os, "register_at_fork"):        # a forked worker makes its own (nothing stale is inherited)
    os.register_at_fork(after_in_child=_WORKER_MEMO.clear)


def worker_memo(key: Any, make: Callable[[], T]) -> T:
    """A value shared by every task run in this process, made on first use.

    >>> worker_memo(("doc", 1), lambda: [1]) is worker_memo(("doc", 1), lambda: [2])
    True
    """
    if key not in _WORKER_MEMO:
        _WORKER_MEMO[key] = make()
    return _WORKER_MEMO[key]


def worker_remember(key: Any, value: T) -> T:
    """Put ``value`` in this process's memo under ``key`` (replacing what was there)."""
    _WORKER_MEMO[key] = value
    return value


class Executor:
    """Maps a function over items, yielding results in the items' order."""

    kind = "serial"
    jobs = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T], progress: Progress | None = None) -> Iterator[R]:
        items = list(items)
        for i, item in enumerate(items, 1):
            result = fn(item)
            if progress:
                progress(i, len(items))
            yield result

    def close(self) -> None:
        return None

    def release(self) -> None:
        """No task will come for a while: free what the workers hold (they start again when one
        does). A build calls it after the last act is rendered, so that the search index is
        not made beside idle workers that keep every act's models in memory."""
        return None

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        """How the tasks run, for the build report ("2 processes", "dask tcp://…")."""
        return "1 process"


SerialExecutor = Executor


class _Windowed(Executor):
    """Submits at most ``window`` tasks ahead and yields their results in order. The first window
    is submitted when ``map`` is called, not when its first result is asked for: the caller can
    do its own work while the tasks run (``publisher.build_site`` runs mkdocs meanwhile)."""

    window: int

    def _submit(self, fn, item):              # -> a future with .result()
        raise NotImplementedError

    def map(self, fn, items, progress=None):
        items = list(items)
        pending: deque = deque()
        it = iter(items)
        for item in it:
            pending.append(self._submit(fn, item))
            if len(pending) >= self.window:
                break
        return self._results(fn, items, it, pending, progress)

    def _results(self, fn, items, it, pending: deque, progress):
        done = 0
        while pending:
            result = pending.popleft().result()
            for item in it:
                pending.append(self._submit(fn, item))
                break
            done += 1
            if progress:
                progress(done, len(items))
            yield result


class PoolExecutor(_Windowed):
    """A pool of ``jobs`` worker processes on this machine.

    On Linux the workers are forked, all at once and before the command starts a progress bar's
    thread: they inherit the modules already loaded, and, being this process's children, their
    CPU time is counted in its own (``getrusage(RUSAGE_CHILDREN)``, ``time``). Elsewhere they are
    spawned."""

    kind = "process"

    def __init__(self, jobs: int, window: int | None = None):
        self.jobs = jobs
        self.window = window or 4 * jobs
        self._pool = None
        self._start()

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" else "spawn"
            if method == "fork":
                import gc

                gc.freeze()      # what the workers inherit is never scanned by their collector (nor copied for it)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context(method))
            self._pool.submit(os.getpid).result()          # start the workers now (see above)
        return self._pool

    def _submit(self, fn, item):
        return self._start().submit(fn, item)

    def close(self) -> None:
        self.release()

    def release(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def describe(self) -> str:
        return f"{self.jobs} processes"


class DaskExecutor(_Windowed):
    """The tasks on a ``dask.distributed`` cluster: the scheduler at ``scheduler`` (an address
    such as ``tcp://10.0.0.5:8786``), or a ``distributed.Client`` already connected."""

    kind = "dask"

    def __init__(self, scheduler: Any, window: int | None = None):
        try:
            from distributed import Client
        except ImportError as err:                       # pragma: no cover - depends on the install
            from .errors import EnvironmentFailure
            raise EnvironmentFailure("--executor dask needs dask.distributed: pip install 'zanlex[dask]'") from err
        self._own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self._own else scheduler
        workers = self.client.scheduler_info().get("workers", {})
        self.jobs = max(1, sum(w.get("nthreads", 1) for w in workers.values()))
        self.window = window or 4 * self.jobs

    def _submit(self, fn, item):
        return self.client.submit(fn, item, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def describe(self) -> str:
        return f"dask {self.client.scheduler.address} ({self.jobs} threads)"


def executor_for(kind: str = "process", jobs: int | None = None, scheduler: Any = None) -> Executor:
    """The executor a command asked for: ``--executor process --jobs N`` or ``--executor dask
    --scheduler ADDRESS``."""
    if kind == "dask":
        if scheduler is None:
            from .errors import ZanlexError
            raise ZanlexError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskExecutor(scheduler)
    if kind != "process":
        from .errors import ZanlexError
        raise ZanlexError(f"unknown executor {kind!r}; known: {', '.join(KINDS)}")
    jobs = default_jobs() if jobs is None else jobs
    return PoolExecutor(jobs) if jobs > 1 else SerialExecutor()
