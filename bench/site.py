"""Benchmark of the site build (not a test): how much the publisher adds to a bare mkdocs build.

    .venv/bin/python bench/site.py [--corpus corpus] [--jobs 2]

Reports:
- ``zanlex build`` as the command runs it (``publisher.build``, ``--jobs N`` processes, no cache,
  no printing): its steps, and the publisher's part — everything after collecting from the
  earlier stages: the act pages (Jinja + the theme), the site's own pages through mkdocs, the
  sitemap, Pagefind and the swap;
- the same in one process, step by step (collect, Jinja, docs, mkdocs, Pagefind);
- a bare ``mkdocs build`` (subprocess, same mkdocs.yml) over the same generated pages;
- the ratio publisher / bare mkdocs (goal <= 1.5), and full / bare for reference;
- the Pagefind time, the page count and the output size;
- PDF (headless Chromium) and DOCX (python-docx) of every text and version, timed on their own and
  left out of the ratio (they are downloads, not pages mkdocs builds).
"""

from __future__ import annotations

import argparse
import gc
import shutil
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
    args = parser.parse_args()
    command = build_command(args.corpus, args.jobs)

    with tempfile.TemporaryDirectory(prefix="zanlex-bench-") as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        site, states = collect_site(args.corpus)
        t_collect = time.perf_counter() - t0
        t1 = time.perf_counter()
        pages, files = site_pages(site, states, printing=False)
        t_render = time.perf_counter() - t1
        printed, t_print = print_files(site)
        files.update(printed)
        n_pdf = sum(p.endswith(".pdf") for p in printed)
        n_docx = sum(p.endswith(".docx") for p in printed)
        t2 = time.perf_counter()
        steps = build_site(pages, files, tmp / "public", corpus=args.corpus)
        t_build = time.perf_counter() - t2
        publisher_total = t_render + t_build
        full = t_collect + publisher_total

        # mkdocs.yml's own docs_dir (build/docs, ignored by git) gets the same generated pages.
        docs = ROOT / "build" / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        docs.mkdir(parents=True)
        write_docs(pages, files, docs)
        t3 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(MKDOCS_YML),
                        "-d", str(tmp / "bare")], cwd=ROOT, check=True)
        t_bare = time.perf_counter() - t3

        n_files, size = tree_size(tmp / "public")
        html_pages = sum(1 for _ in (tmp / "public").rglob("index.html"))
        print(f"pages                     {len(pages)} generated, {html_pages} HTML pages in output")
        print(f"output                    {n_files} files, {size / 1e6:.1f} MB")
        print(f"collect from stages       {t_collect:7.2f} s")
        print(f"render pages (Jinja)      {t_render:7.2f} s")
        print(f"write docs                {steps['write']:7.2f} s")
        print(f"mkdocs (in build)         {steps['mkdocs']:7.2f} s")
        print(f"pagefind                  {steps['pagefind']:7.2f} s")
        print(f"publisher build           {publisher_total:7.2f} s   (render + write + mkdocs + pagefind + swap)")
        print(f"full build                {full:7.2f} s   (collect + publisher build)")
        print(f"bare mkdocs build         {t_bare:7.2f} s   (subprocess, same pages)")
        print(f"ratio (one process)       {publisher_total / t_bare:7.2f}")
        print(f"ratio full / bare         {full / t_bare:7.2f}")
        print(f"zanlex build --jobs {args.jobs}     {command['total']:7.2f} s   ("
              + ", ".join(f"{k} {v:.2f}" for k, v in command.items() if k != "total") + ")")
        print(f"  publisher part          {command['publisher']:7.2f} s   (everything after collect)")
        print(f"ratio publisher / bare    {command['publisher'] / t_bare:7.2f}     (goal <= 1.5; zanlex build)")
        print(f"PDF (Chromium)            {t_print['pdf']:7.2f} s   ({n_pdf} files, "
              f"{t_print['pdf'] / max(n_pdf, 1):.2f} s each; not in the ratios)")
        print(f"DOCX (python-docx)        {t_print['docx']:7.2f} s   ({n_docx} files, "
              f"{t_print['docx'] / max(n_docx, 1):.2f} s each; not in the ratios)")


if __name__ == "__main__":
    main()
