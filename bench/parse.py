"""Parse + validate throughput, in MB of source text per second, on one core.

The corpus is repeated until it is at least 20 MB; each repetition is parsed, turned into AKN
and validated against the strict XSD, exactly as ``zanlex validate`` does. Run on demand:

    .venv/bin/python bench/parse.py [--mb 20]

The goal is ≥ 5 MB/s. The figure is a measurement, not a test: it depends on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akn_schema import act_to_xml, load_works, parse_text, read_source, validate_xml  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="at least this many MB of source text")
    args = ap.parse_args()
    works = load_works(ROOT / "corpus")
    texts = [(w, lang, read_source(w, lang)) for w in works.values() for lang in w.texts]
    corpus_bytes = sum(len(t.encode("utf-8")) for _, _, t in texts)
    rounds = max(1, int(args.mb * 1e6 // corpus_bytes) + 1)
    validate_xml(act_to_xml(parse_text("Закон", lang="rus", doctype="law"), texts[0][0]))  # load the XSD once
    start = time.process_time()
    for _ in range(rounds):
        for work, lang, text in texts:
            act = parse_text(text, lang=lang, doctype=work.doctype, path=str(work.source(lang).path))
            assert not validate_xml(act_to_xml(act, work))
    cpu = time.process_time() - start
    total = rounds * corpus_bytes
    print(f"source: {total / 1e6:.1f} MB ({rounds} × corpus of {corpus_bytes / 1e6:.2f} MB)")
    print(f"parse + AKN + strict XSD: {cpu:.2f} s CPU → {total / 1e6 / cpu:.2f} MB/s (goal ≥ 5 MB/s; "
          f"ratio to goal {total / 1e6 / cpu / 5:.2f})")


if __name__ == "__main__":
    main()
