"""Per-work tasks give the same results, in the same order, on one core, a process pool or Dask;
a content-addressed cache returns a result only for the very same input and tool."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from akn_schema.cache import BuildCache, NoCache, content_key, tool_fingerprint
from akn_schema.errors import SourceError, ZanlexError
from akn_schema.executor import DaskExecutor, PoolExecutor, SerialExecutor, executor_for, worker_memo


def slow_square(n: int) -> tuple[int, int]:
    """Later items finish first: the executor must still give them back in order."""
    time.sleep(0.02 * (5 - n % 5))
    return n, n * n


def fail_on_three(n: int) -> int:
    if n == 3:
        raise SourceError("corpus/works/x/rus.txt", 12, "a line the grammar cannot place")
    return n


def worker_pid(_n: int) -> int:
    return worker_memo("pid", os.getpid)


def test_results_come_back_in_the_order_of_the_works_whatever_finishes_first():
    items = list(range(12))
    seen = []
    with PoolExecutor(2, window=3) as pool:
        got = list(pool.map(slow_square, items, progress=lambda done, total: seen.append((done, total))))
    assert got == [(n, n * n) for n in items] == list(SerialExecutor().map(slow_square, items))
    assert seen[-1] == (12, 12) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_an_error_in_a_worker_reaches_the_command_as_the_same_one_line_error():
    with PoolExecutor(2) as pool, pytest.raises(SourceError) as err:
        list(pool.map(fail_on_three, range(6)))
    assert str(err.value) == "corpus/works/x/rus.txt:12: a line the grammar cannot place"
    assert err.value.exit_code == 2


def test_one_job_runs_in_this_process_and_workers_share_their_memo():
    assert isinstance(executor_for(jobs=1), SerialExecutor)
    assert set(SerialExecutor().map(worker_pid, range(3))) == {os.getpid()}
    with PoolExecutor(2) as pool:
        pids = list(pool.map(worker_pid, range(8)))
    assert os.getpid() not in pids and 1 <= len(set(pids)) <= 2


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] not in "ZX"       # not a zombie, not dead
    except (FileNotFoundError, IndexError):
        return False


def test_released_workers_free_their_memory_and_the_next_task_starts_new_ones():
    with PoolExecutor(2) as pool:
        before = set(pool.map(worker_pid, range(4)))
        pool.release()
        assert not any(_alive(pid) for pid in before)
        after = set(pool.map(worker_pid, range(4)))
    assert after and not after & before and os.getpid() not in after


def test_dask_needs_a_scheduler_and_an_unknown_executor_is_refused():
    with pytest.raises(ZanlexError, match="--scheduler"):
        executor_for("dask")
    with pytest.raises(ZanlexError, match="unknown executor 'spark'"):
        executor_for("spark")


def test_the_same_tasks_on_a_dask_cluster_give_the_same_results_in_order():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            DaskExecutor(cluster.scheduler_address, window=3) as ex:
        assert ex.jobs == 2
        assert list(ex.map(slow_square, range(10))) == [(n, n * n) for n in range(10)]
        with pytest.raises(SourceError, match="rus.txt:12"):
            list(ex.map(fail_on_three, range(5)))


def test_a_cached_result_is_found_only_for_the_same_source_bytes_and_configuration(tmp_path):
    cache = BuildCache(tmp_path)
    key = content_key("parse", b"1. Text.", {"lang": "rus"})
    assert cache.memo(key, lambda: "first") == "first"
    assert cache.memo(key, lambda: "second") == "first"
    assert content_key("parse", b"1. Text!", {"lang": "rus"}) != key          # one byte of the source
    assert content_key("parse", b"1. Text.", {"lang": "kaz"}) != key          # the configuration
    assert content_key("parse", b"1. Tex", "t.") != content_key("parse", b"1. Text.")   # no ambiguity
    assert len(tool_fingerprint()) == 64 and tool_fingerprint() in ("", tool_fingerprint())


def test_a_damaged_entry_is_a_miss_and_prune_keeps_only_what_the_build_used(tmp_path):
    cache = BuildCache(tmp_path)
    a, b = content_key("a"), content_key("b")
    cache.put(a, [1])
    cache.put(b, [2])
    cache.path(a).write_bytes(pickle.dumps([1])[:5])           # a killed writer's half file
    fresh = BuildCache(tmp_path)
    assert fresh.get(a) is None and fresh.get(b) == [2]
    assert (fresh.hits, fresh.misses) == (1, 1)
    assert BuildCache(tmp_path).prune(keep={b}) == 1
    assert not cache.path(a).exists() and cache.path(b).exists()
    none = NoCache()
    assert none.memo(a, lambda: 3) == 3 and none.get(a) is None


def test_an_unchanged_text_is_not_checked_again_and_an_edited_one_is(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    import akn_schema.reading
    from akn_schema.batch import check_texts
    from akn_schema.corpus import Corpus

    corpus_dir = tmp_path / "corpus"
    shutil.copytree(Path("corpus"), corpus_dir, ignore=shutil.ignore_patterns("law-88-V", "order-52"))
    corpus = Corpus.open(corpus_dir)
    checked = []
    real = akn_schema.reading.check_source
    monkeypatch.setattr(akn_schema.reading, "check_source", lambda *a: checked.append(a) or real(*a))
    texts = [(corpus.work("order-78"), "rus")]
    first = check_texts(corpus, texts, cache=tmp_path / "cache")
    again = check_texts(corpus, texts, cache=tmp_path / "cache")
    assert [r.as_json() for r in again] == [r.as_json() for r in first] and first[0].valid
    assert len(checked) == 1                                          # the second time, from the cache
    text = corpus_dir / "works" / "order-78" / "rus.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("качеством", "качеством качеством", 1), encoding="utf-8")
    edited = check_texts(corpus, texts, cache=tmp_path / "cache")
    assert len(checked) == 2
    assert edited[0].conservation.source_words == first[0].conservation.source_words + 1


def test_check_gives_the_same_audits_on_one_core_a_process_pool_and_a_dask_cluster(tmp_path):
    """`zanlex check` runs per work (validation, the work's share of the graph, its consolidation
    audit), wherever the tasks run; the global step joins them in the same order."""
    import shutil

    from click.testing import CliRunner
    from tiny_corpus import make_tiny_corpus

    from cli import zanlex

    distributed = pytest.importorskip("distributed")
    corpus = make_tiny_corpus(tmp_path / "project")
    for n in (2, 3):                       # three works: the example law and two copies of it
        copy = corpus / "works" / f"example-law-{n}"
        shutil.copytree(corpus / "works" / "example-law", copy)
        toml = (copy / "work.toml").read_text(encoding="utf-8")
        (copy / "work.toml").write_text(toml.replace("example-1", f"example-{n}").replace(
            'name = "example-law"', f'name = "example-law-{n}"'), encoding="utf-8")

    def check(*how: str) -> str:
        result = CliRunner().invoke(zanlex, ["--corpus", str(corpus), "check", "--json", "--as-of", "2025-01-01", *how])
        assert result.exit_code in (0, 1), (result.output, result.exception)
        return result.output

    serial = check("--jobs", "1")
    assert serial.startswith("[")
    assert check("--jobs", "2") == serial
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert check("--executor", "dask", "--scheduler", cluster.scheduler_address) == serial
