"""The scale benchmark (not a test): N distinct synthetic works, and what each command costs.

    .venv/bin/python bench/scale.py --sizes 10 50 200 1000 --commands validate check build --jobs 2

For each N a corpus is made from the seeds (``bench/synthetic.py``: new names, numbers, URIs)
and each command runs in a fresh ``zanlex`` process. Figures are **CPU seconds** (the process
and every worker it waited for: ``resource.getrusage(RUSAGE_CHILDREN)``), because the machine
is shared and wall time says more about the neighbours than about zanlex; wall time is printed
too. Peak memory is the largest sum of PSS over the process tree (each process's share of the
pages it shares: Chromium's processes share most of theirs), sampled every 0.5 s from /proc.

For ``build``: the full build, an unchanged rebuild and a rebuild after one act is edited
(``edit_one``), with their ratio to the full build (goal ≤ 5 % at 200 acts), the page count and
the build's own per-step split. The per-act CPU cost at each N is compared with the one at the
smallest N (goal: within 1.3× at 1,000).

Results are printed as a Markdown table and written to ``--out`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import edit_one, make_corpus  # noqa: E402

ZANLEX = [sys.executable, "-m", "cli"]


def _pss(pid: int) -> int:
    """Proportional set size of one process (its share of shared pages: the sum over a tree of
    processes that share libraries, such as Chromium's, is not counted several times)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _role(pid: int, root: int) -> str:
    """What a process of the tree is: the command itself, a worker (a fork of it), Pagefind,
    Chromium, or another program."""
    if pid == root:
        return "command"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
    except OSError:
        return "other"
    line = b" ".join(argv).decode(errors="replace")
    if "pagefind" in line:
        return "pagefind"
    if "chrom" in line:
        return "chromium"
    return "worker" if " -m cli " in f"{line} " else "other"


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, found through ``/proc/PID/task/*/children`` (reading only
    the tree, not every process of the machine: the sampler must not cost the machine a core)."""
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return found


def _tree_rss(pid: int) -> dict[str, int]:
    """Memory (PSS) of ``pid`` and all its descendants, by role (``_role``), and in total."""
    by_role: dict[str, int] = {}
    for p in _tree(pid):
        role = _role(p, pid)
        by_role[role] = by_role.get(role, 0) + _pss(p)
    by_role["total"] = sum(by_role.values())
    return by_role


def run(args: list[str], env: dict | None = None) -> dict:
    """Run one zanlex command; its CPU seconds (with children), wall seconds, peak tree memory
    (PSS) with its split by role at that moment and the build step it fell in, output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(ZANLEX + args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})
    peak = [{"total": 0}, 0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            now = _tree_rss(proc.pid)
            if now["total"] > peak[0]["total"]:
                peak[:] = [now, time.perf_counter() - start]
            done.wait(0.5)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"zanlex {' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"cpu": round(cpu, 2), "wall": round(wall, 2), "rss_mb": peak[0]["total"] // 2**20,
            "peak_split_mb": {k: v // 2**20 for k, v in sorted(peak[0].items()) if k != "total"},
            "peak_at": round(peak[1], 1), "peak_step": _step_at(out, peak[1], wall),
            "stdout": out[-2000:], "status": proc.returncode}


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html")) if site.is_dir() else 0


def _steps(result: dict) -> str:
    """The build's own per-step wall seconds, as it prints them ("collect 3.1s, global 0.4s, …")."""
    return _printed_steps(result["stdout"])


def _printed_steps(stdout: str) -> str:
    m = re.search(r"\((.*)\)\s*$", stdout.strip())
    return m.group(1) if m else ""


def _step_at(stdout: str, at: float, wall: float) -> str:
    """The build step running ``at`` seconds after the command started, from the steps' wall
    seconds it prints in order; the time they do not account for is taken as the start
    (imports, reading the corpus). "" when the command printed no steps.

    >>> _step_at("Built 3 pages (collect 2.0s, global 1.0s, mkdocs 3.0s)", 2.5, 7.0)
    'collect'
    >>> _step_at("Built 3 pages (collect 2.0s, global 1.0s, mkdocs 3.0s)", 6.5, 7.0)
    'mkdocs'
    """
    steps = re.findall(r"(\w+) ([\d.]+)s", _printed_steps(stdout))
    clock = wall - sum(float(s) for _, s in steps)
    if not steps or at < clock:
        return "start" if steps else ""
    for name, seconds in steps:
        clock += float(seconds)
        if at < clock:
            return name
    return steps[-1][0]


def bench_size(n: int, commands: list[str], jobs: int, work: Path, no_print: bool = False,
               laws_every: int = 3) -> dict:
    corpus = work / f"corpus-{n}-{laws_every}"
    if not corpus.exists():
        make_corpus(n, corpus, laws_every=laws_every)
    base = ["--corpus", str(corpus)]
    jobs_args = ["--jobs", str(jobs)]
    row: dict = {"acts": n, "laws_every": laws_every}
    env = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600"),
           "ZANLEX_CACHE": str(work / f"cache-{n}")}
    if "validate" in commands:
        shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
        row["validate"] = run(base + ["validate", "--cache", *jobs_args], env)
        row["validate_again"] = run(base + ["validate", "--cache", *jobs_args], env)      # every text unchanged
    if "check" in commands:
        row["check"] = run(base + ["check", *jobs_args], env)
    if "graph" in commands:
        row["graph"] = run(base + ["graph", "-o", str(work / f"graph-{n}.json")], env)
    if "build" in commands:
        out = work / f"site-{n}"
        shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
        build = base + ["build", "--out", str(out), *jobs_args, *(["--no-print"] if no_print else [])]
        row["build"] = run(build, env)
        row["pages"] = count_pages(out)
        row["build_steps"] = _steps(row["build"])
        row["rebuild"] = run(build, env)
        row["rebuild_steps"] = _steps(row["rebuild"])
        edit_one(corpus)
        row["edited"] = run(build, env)
        row["edited_steps"] = _steps(row["edited"])
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
    return row


def table(rows: list[dict], commands: list[str]) -> str:
    first = rows[0]
    lines = ["| acts | " + " | ".join(f"{c} CPU s (per act, ×{first['acts']}-act)" for c in commands)
             + " | peak RSS MB | pages | unchanged / edited rerun |",
             "|---|" + "---|" * len(commands) + "---|---|---|"]
    for r in rows:
        cells = []
        for c in commands:
            per = r[c]["cpu"] / r["acts"]
            base = first[c]["cpu"] / first["acts"]
            cells.append(f"{r[c]['cpu']:.1f} ({per:.2f}, ×{per / base:.2f})")
        rss = max(r[c]["rss_mb"] for c in commands)
        inc = ""
        if "validate_again" in r:
            inc = f"validate again {r['validate_again']['cpu'] / r['validate']['cpu']:.1%}"
        if "build" in r:
            full = r["build"]["cpu"]
            inc = f"{r['rebuild']['cpu'] / full:.1%} / {r['edited']['cpu'] / full:.1%}"
        lines.append(f"| {r['acts']} | " + " | ".join(cells) + f" | {rss} | {r.get('pages', '')} | {inc} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200, 1000])
    ap.add_argument("--commands", nargs="+", default=["validate", "check", "build"],
                    choices=["validate", "check", "graph", "build"])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-print", action="store_true", help="Build without the PDF and DOCX downloads.")
    ap.add_argument("--laws-every", type=int, default=3,
                    help="One copy of the law (with its editions) every K works, else orders (default 3).")
    ap.add_argument("--work", type=Path, default=None, help="Keep the corpora and sites here (default: a temp folder).")
    ap.add_argument("--out", type=Path, default=None, help="Write the figures as JSON here.")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="zanlex-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append(bench_size(n, args.commands, args.jobs, work, args.no_print, args.laws_every))
        print(json.dumps({k: ({kk: vv for kk, vv in v.items() if kk != "stdout"} if isinstance(v, dict) else v)
                          for k, v in rows[-1].items()}), flush=True)
        if args.out:
            args.out.write_text(json.dumps(rows, indent=1))
    print(table(rows, args.commands))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
