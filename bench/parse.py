"""Parse and validate throughput, in MB of source text per second of CPU, on one core.

Every source text of the corpus (seed texts and official editions) is repeated until at least
``--mb`` MB have been read. Each is parsed, turned into AKN and checked against the strict XSD
(the parse benchmark), then checked for text conservation, exactly as ``zanlex validate`` does
(the validate figure is read + parse + AKN + XSD + conservation). Figures are given per source
format (plain-text dumps, mirror markdown) and per stage. Run on demand, not as a test:

    .venv/bin/python bench/parse.py [--mb 20]

The goal is ≥ 5 MB/s for ``zanlex validate``. The figure is a measurement, not a test: it depends
on the machine and on what else runs on it (compare figures taken side by side in one run).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akn_schema import (  # noqa: E402
    act_to_xml,
    conservation,
    decode_source,
    load_works,
    parse_text,
    source_format,
    validate_xml,
)

STAGES = ("read", "parse", "akn", "xsd", "conservation")


def sources(corpus: Path) -> list[tuple]:
    """(work, lang, path) of every seed text and edition text."""
    out = []
    for work in load_works(corpus).values():
        texts = list(work.texts.values())
        texts += [t for e in getattr(work, "editions", ()) for t in e.texts.values()]
        out += [(work, t.lang, t.path) for t in texts]
    return out


def run(items: list[tuple], rounds: int) -> dict[str, float]:
    """CPU seconds per stage over ``rounds`` passes."""
    spent = dict.fromkeys(STAGES, 0.0)
    for _ in range(rounds):
        for work, lang, path in items:
            t0 = time.process_time()
            text = decode_source(path.read_bytes(), path)
            t1 = time.process_time()
            act = parse_text(text, lang=lang, doctype=work.doctype, path=str(path))
            t2 = time.process_time()
            root = act_to_xml(act, work)
            t3 = time.process_time()
            assert not validate_xml(root)
            t4 = time.process_time()
            assert conservation(text, act, root).ok
            t5 = time.process_time()
            for stage, spent_here in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                spent[stage] += spent_here
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="at least this many MB of source text")
    args = ap.parse_args()
    items = sources(ROOT / "corpus")
    corpus_mb = sum(p.stat().st_size for *_, p in items) / 1e6
    rounds = max(1, int(args.mb // corpus_mb) + 1)
    warm = items[0]
    validate_xml(act_to_xml(parse_text("Закон", lang="rus", doctype="law"), warm[0]))   # load the XSD once
    run(items, 1)                                                                         # and warm up
    print(f"source: {rounds} × corpus of {corpus_mb:.2f} MB ({len(items)} texts), CPU seconds on one core")
    groups = {"all": items}
    for fmt in ("text", "mirror-md"):
        groups[fmt] = [i for i in items if source_format(i[2]) == fmt]
    for name, group in groups.items():
        if not group:
            continue
        mb = rounds * sum(p.stat().st_size for *_, p in group) / 1e6
        spent = run(group, rounds)
        parse = sum(spent[s] for s in ("read", "parse", "akn", "xsd"))
        total = parse + spent["conservation"]
        stages = ", ".join(f"{s} {mb / spent[s]:.1f}" for s in STAGES if spent[s])
        print(f"{name:>9}: {mb:6.1f} MB | validate {mb / total:5.2f} MB/s (goal ≥ 5: ratio {mb / total / 5:.2f}) | "
              f"parse + AKN + XSD {mb / parse:5.2f} MB/s | per stage MB/s: {stages}")


if __name__ == "__main__":
    main()
