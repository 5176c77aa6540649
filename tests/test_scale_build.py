"""The build per act (issue 12): incremental builds give the bytes of a clean build, an edited act
is the only one collected again, and the same build on a Dask cluster gives the same site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import publisher
import publisher.shard
from akn_schema.executor import DaskExecutor, PoolExecutor, SerialExecutor

ROOT = Path(__file__).resolve().parent.parent
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
ORDER = "akn/kz/act/order/2016-12-08/78/rus/index.html"     # order-78's current Russian text


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(corpus: Path, out: Path, cache, executor=None) -> dict[str, bytes]:
    publisher.build(corpus, out, epoch=EPOCH, cache=cache, executor=executor or SerialExecutor(), printing=False)
    return _tree(out)


def _edit(corpus: Path) -> None:
    text = corpus / "works" / "order-78" / "rus.txt"
    before = text.read_text(encoding="utf-8")
    after = before.replace("прилагаемые", "прилагаемые (исправлено)", 1)
    assert after != before
    text.write_text(after, encoding="utf-8")


def test_a_rebuild_reuses_every_unchanged_act_and_gives_the_bytes_of_a_clean_build(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    clean = _build(corpus, tmp_path / "a", cache)
    assert ORDER in clean

    collected: list[str] = []
    real = publisher.shard.collect_work

    def counting(corpus, name):
        collected.append(name)
        return real(corpus, name)

    monkeypatch.setattr(publisher.shard, "collect_work", counting)
    assert _build(corpus, tmp_path / "a", cache) == clean, "an unchanged rebuild is the clean build"
    assert collected == [], "nothing was collected again"

    _edit(corpus)
    incremental = _build(corpus, tmp_path / "a", cache)
    assert collected == ["order-78"], "only the edited act is collected again"
    assert incremental[ORDER] != clean[ORDER] and "(исправлено)" in incremental[ORDER].decode()
    fresh = _build(corpus, tmp_path / "b", tmp_path / "other-cache")
    assert incremental == fresh, "the incremental build is byte for byte a clean build of the edited corpus"


def test_no_page_names_every_act_the_side_menu_links_the_acts_page(tmp_path):
    site = _build(_corpus(tmp_path), tmp_path / "site", None)
    law_page = site["akn/kz/act/2013-04-15/88-V/rus/index.html"].decode()
    assert "order/2016-12-08/78" not in law_page.split('class="md-content"')[0], \
        "the menu does not link the other acts"
    assert 'href="../../../../../../ru/acts/"' in law_page
    acts = site["ru/acts/index.html"].decode()
    assert acts.count("zl-acts") == 1 and "akn/kz/act/order/2016-12-08/78" in acts and "akn/kz/act/2013-04-15/88-V" in acts


def test_a_build_on_a_dask_cluster_is_the_build_of_a_process_pool(tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = _corpus(tmp_path)
    with PoolExecutor(2) as pool:
        local = _build(corpus, tmp_path / "pool", None, pool)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, DaskExecutor(cluster.scheduler_address) as ex:
        remote = _build(corpus, tmp_path / "dask", None, ex)
    assert remote == local
    assert any(path.endswith("index.html") and "/akn/" in f"/{path}" for path in remote)
