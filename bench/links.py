"""Reference extraction throughput, in words per second per language, on one core.

Every paragraph of every corpus text (as the parser gives it) goes through
``linker.extract_references``, repeated ``--rounds`` times after one warm-up pass (pymorphy3's
lemma cache fills on the first pass). Run on demand:

    .venv/bin/python bench/links.py [--rounds 3]

The figure is a measurement, not a test: it depends on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akn_schema import load_works, parse_work  # noqa: E402
from linker import extract_references  # noqa: E402
from linker.resolve import passages  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    by_lang: dict[str, list[str]] = {}
    for w in load_works(ROOT / "corpus").values():
        for lang in w.texts:
            by_lang.setdefault(lang, []).extend(p.text for p in passages(parse_work(w, lang)))
    for lang, texts in sorted(by_lang.items()):
        words = sum(len(t.split()) for t in texts)
        refs = sum(len(extract_references(t, lang)) for t in texts)      # warm-up
        start = time.perf_counter()
        for _ in range(args.rounds):
            for t in texts:
                extract_references(t, lang)
        secs = time.perf_counter() - start
        print(f"{lang}: {words * args.rounds / secs:,.0f} words/s  ({words} words, {refs} references, "
              f"{len(texts)} paragraphs, {args.rounds} rounds in {secs:.2f} s)")


if __name__ == "__main__":
    main()
