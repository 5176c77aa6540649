"""Benchmark of the site build (not a test): how much the publisher adds to a bare mkdocs build.

    .venv/bin/python bench/site.py [--corpus corpus] [--jobs 2] [--rounds 5] [--detail] [--print]

Each round runs, each in a fresh process (as a developer runs them), one after the other:
- ``zanlex build`` as the command runs it (``publisher.build``, ``--jobs N`` processes, no cache,
  no printing): its steps, and the publisher's part — everything after collecting from the
  earlier stages: the graph and the site's own pages, the act pages (Jinja + the theme), the
  site's own pages through mkdocs, the sitemap, Pagefind and the swap;
- a bare ``mkdocs build`` (same mkdocs.yml) over the same generated pages.

Reports each round's ratio publisher / bare mkdocs, then the medians (goal <= 1.5): a shared
machine's noise moves single runs by a third. With ``--detail``, the same in one process, step by
step (collect, Jinja, docs, mkdocs, Pagefind), the page count and the output size; with
``--print``, PDF (headless Chromium) and DOCX (python-docx) of every text and version, timed on
their own and left out of the ratio (they are downloads, not pages mkdocs builds).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.build import MKDOCS_YML, build_site, write_docs  # noqa: E402
from publisher.collect import collect_site  # noqa: E402
from publisher.pages import site_pages  # noqa: E402
from publisher.printing import print_files  # noqa: E402


def tree_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def build_command(corpus: Path, jobs: int) -> dict[str, float]:
    """``zanlex build --jobs N --no-cache --no-print`` in this process, timed (wall seconds)."""
    import publisher
    from akn_schema.corpus import Corpus
    from akn_schema.executor import executor_for

    with tempfile.TemporaryDirectory(prefix="zanlex-bench-") as tmp:
        t = time.perf_counter()
        with executor_for("process", jobs) as ex:
            report = publisher.build(Corpus.open(corpus), Path(tmp) / "public", executor=ex,
                                     cache=False, printing=False)
        total = time.perf_counter() - t
    return {"total": total, "publisher": total - report.times["collect"], **report.times}


def main() -> None:
    gc.set_threshold(100_000, 50, 100)      # as ``zanlex`` runs (``cli.main``): the bench times the command
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--detail", action="store_true", help="also the build in one process, step by step")
    parser.add_argument("--print", dest="printing", action="store_true", help="also time the PDF and DOCX")
    parser.add_argument("--command-once", action="store_true", help=argparse.SUPPRESS)   # one round's command
    args = parser.parse_args()
    if args.command_once:
        print(json.dumps(build_command(args.corpus, args.jobs)))
        return

    # mkdocs.yml's own docs_dir (build/docs, ignored by git) gets the generated pages, once.
    site, states = collect_site(args.corpus)
    pages, files = site_pages(site, states, printing=False)
    docs = ROOT / "build" / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    write_docs(pages, files, docs)
    rounds = []
    for i in range(args.rounds):
        os.sync()              # neither run pays for writing back the other's output (the build syncs)
        command = json.loads(subprocess.run(
            [sys.executable, __file__, "--command-once", "--corpus", str(args.corpus), "--jobs", str(args.jobs)],
            check=True, capture_output=True, text=True, cwd=ROOT).stdout.splitlines()[-1])
        os.sync()
        bare = bare_mkdocs()
        rounds.append((command, bare))
        print(f"round {i + 1}: zanlex build --jobs {args.jobs} {command['total']:6.2f} s, publisher part "
              f"{command['publisher']:5.2f} s ({', '.join(f'{k} {v:.2f}' for k, v in command.items() if k not in ('total', 'publisher'))}); "
              f"bare mkdocs {bare:5.2f} s; ratio {command['publisher'] / bare:5.2f}", flush=True)
    publisher = statistics.median(c["publisher"] for c, _ in rounds)
    bare = statistics.median(b for _, b in rounds)
    print(f"pages                     {len(pages)}")
    print(f"publisher part (median)   {publisher:7.2f} s   (zanlex build, everything after collect)")
    print(f"bare mkdocs (median)      {bare:7.2f} s   (subprocess, same pages)")
    print(f"ratio publisher / bare    {publisher / bare:7.2f}     (goal <= 1.5; medians of {args.rounds} rounds; "
          f"per round {statistics.median(c['publisher'] / b for c, b in rounds):.2f} median, "
          f"{min(c['publisher'] / b for c, b in rounds):.2f}-{max(c['publisher'] / b for c, b in rounds):.2f})")
    if args.detail:
        one_process(args.corpus)
    if args.printing:
        printing(site)


def bare_mkdocs() -> float:
    """Seconds of ``mkdocs build`` (a fresh process) over ``build/docs``."""
    with tempfile.TemporaryDirectory(prefix="zanlex-bench-") as tmp:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(MKDOCS_YML),
                        "-d", str(Path(tmp) / "bare")], cwd=ROOT, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})   # Material 9.7 prints a notice
        return time.perf_counter() - t


def one_process(corpus: Path) -> None:
    """The build in this process, step by step."""
    with tempfile.TemporaryDirectory(prefix="zanlex-bench-") as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        site, states = collect_site(corpus)
        t_collect = time.perf_counter() - t0
        t1 = time.perf_counter()
        pages, files = site_pages(site, states, printing=False)
        t_render = time.perf_counter() - t1
        t2 = time.perf_counter()
        steps = build_site(pages, files, tmp / "public", corpus=corpus)
        t_build = time.perf_counter() - t2
        n_files, size = tree_size(tmp / "public")
        html_pages = sum(1 for _ in (tmp / "public").rglob("index.html"))
    print(f"one process:              {len(pages)} pages generated, {html_pages} HTML pages, "
          f"{n_files} files, {size / 1e6:.1f} MB")
    print(f"  collect from stages     {t_collect:7.2f} s")
    print(f"  render pages (Jinja)    {t_render:7.2f} s")
    print(f"  write docs              {steps['write']:7.2f} s")
    print(f"  mkdocs                  {steps['mkdocs']:7.2f} s")
    print(f"  pagefind                {steps['pagefind']:7.2f} s")
    print(f"  publisher build         {t_render + t_build:7.2f} s   (render + write + mkdocs + pagefind + swap)")


def printing(site) -> None:
    """PDF and DOCX of every text and version, timed on their own."""
    printed, t_print = print_files(site)
    n_pdf = sum(p.endswith(".pdf") for p in printed)
    n_docx = sum(p.endswith(".docx") for p in printed)
    print(f"PDF (Chromium)            {t_print['pdf']:7.2f} s   ({n_pdf} files, "
          f"{t_print['pdf'] / max(n_pdf, 1):.2f} s each; not in the ratio)")
    print(f"DOCX (python-docx)        {t_print['docx']:7.2f} s   ({n_docx} files, "
          f"{t_print['docx'] / max(n_docx, 1):.2f} s each; not in the ratio)")


if __name__ == "__main__":
    main()
