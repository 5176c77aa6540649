"""Dump what the parsing stage makes of every source text, to compare two versions of the code
byte for byte (a speed-up must not change any output).

For each text of ``corpus/`` and each markdown text of ``../shared/sources`` — and for variants of
each (CRLF line ends, and prefixes cut at a few places, which leave the grammar in odd states) —
it writes the AKN XML, the skipped lines and spans, the warnings, the note lines, the validation
problems and the conservation result, through the real code path (``parse_text``, ``act_to_xml``,
``validate_xml``, ``conservation``):

    .venv/bin/python bench/akn_dump.py /tmp/before     # with the old code
    .venv/bin/python bench/akn_dump.py /tmp/after      # with the new code
    diff -r /tmp/before /tmp/after && echo identical

Not a test: a tool for a change that must be invisible.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
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
    to_bytes,
    validate_xml,
)
from akn_schema.works import Work  # noqa: E402


def texts(corpus: Path, shared: Path) -> list[tuple[Work, str, Path]]:
    """(work, lang, path) of every seed, edition and amending text, and of the shared mirror texts."""
    works = load_works(corpus)
    out = []
    for work in works.values():
        sources = list(work.texts.values()) + [t for e in work.editions for t in e.texts.values()]
        out += [(work, s.lang, s.path) for s in sources]
    law = works["law-88-V"]
    extra = sorted(corpus.glob("amending/*/*.txt")) + sorted(corpus.glob("amending/*/*.md"))
    extra += sorted(shared.rglob("*.md")) if shared.is_dir() else []
    out += [(law, p.stem, p) for p in extra if p.stem in ("rus", "kaz", "eng")]
    return out


def variants(text: str) -> list[tuple[str, str]]:
    """The text, with CRLF line ends, and cut after 1/7, 2/7 … 6/7 of its lines."""
    lines = text.splitlines(keepends=True)
    out = [("whole", text), ("crlf", text.replace("\n", "\r\n"))]
    for k in range(1, 7):
        out.append((f"cut{k}", "".join(lines[:len(lines) * k // 7]) or text))
    return out


def dump(work: Work, lang: str, path: Path, text: str) -> str:
    act = parse_text(text, lang=lang, doctype=work.doctype, path=str(path))
    root = act_to_xml(act, work)
    cons = conservation(text, act, root)
    out = [to_bytes(root).decode()]
    out += [f"skipped {s.line} {s.column} {s.rule} {s.text!r}" for s in act.skipped]
    out += [f"warning {w}" for w in act.warnings]
    out += [f"note_lines {sorted(act.note_lines)}"]
    out += [f"invalid {e}" for e in validate_xml(root)]
    out += [f"conservation {cons.source_words} {cons.lost}"]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "sources")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for work, lang, path in texts(ROOT / "corpus", args.shared):
        text = decode_source(path.read_bytes(), path)
        tag = hashlib.sha1(str(path).encode()).hexdigest()[:8]
        for name, variant in variants(text):
            try:
                result = dump(work, lang, path, variant)
            except Exception as err:      # noqa: BLE001  (an error is an output too)
                result = f"error {type(err).__name__}: {err}\n"
            (args.out / f"{path.parent.name}-{path.name}-{tag}-{name}-{source_format(path)}.txt").write_text(result)
            n += 1
    n += versions(ROOT / "corpus", args.out)
    print(f"{n} dumps in {args.out}")


def versions(corpus: Path, out: Path) -> int:
    """The AKN of every point-in-time version of every work in every language (consolidated
    documents are written by the same AKN writer), and of each seed text as ``zanlex parse`` writes it."""
    from consolidator import points_in_time, source_xml, version_at, version_xml

    n = 0
    for name, work in load_works(corpus).items():
        for lang in sorted(work.texts):
            (out / f"source-{name}-{lang}.xml").write_bytes(to_bytes(source_xml(corpus, name, lang)))
            n += 1
            for point in points_in_time(corpus, name):
                when = point.on or point.effective.earliest
                xml = to_bytes(version_xml(corpus, version_at(corpus, name, when, lang)))
                (out / f"version-{name}-{lang}-{when}.xml").write_bytes(xml)
                n += 1
    return n


if __name__ == "__main__":
    main()
