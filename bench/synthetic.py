"""A synthetic corpus of N distinct works made from the seeds, for the scale benchmark.

    make_corpus(200, Path("/tmp/c200"))      # law-88-V, order-52, order-78 + 197 copies

Work i (from 3 on) copies seed ``i % 3`` under a new number, name, URI and title: the law
becomes ``law-1003-V`` (``/akn/kz/act/2013-04-15/1003-V``, with the seed's official editions),
the orders ``order-1004``, ``order-1005`` … (``/akn/kz/act/order/2016-12-08/1005``). Their texts
differ from the seed's in the number printed in the header line, so no two source texts are the
same bytes. A copied order still cites Law 88-V as its legal basis, as thousands of real orders
do; a copied law keeps the seed's footnotes, so the same amending acts amend it.

``edit_one(corpus)`` changes one word of one copied order, as an editor fixing a typo would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("law-88-V", "order-52", "order-78")
SHARED = ("amending-acts.toml", "calendar.toml", "amending", "drafts")


def copy_name(seed: str, number: str) -> str:
    """ "law-88-V", "1003-V" → "law-1003-V"; "order-78", "1005" → "order-1005"."""
    return f"{seed.split('-')[0]}-{number}"


def copy_number(seed_number: str, i: int) -> str:
    """The copy's number keeps the seed's convocation suffix: "88-V" → "1003-V"; "78" → "1005"."""
    _, dash, suffix = seed_number.partition("-")
    return f"{1000 + i}{dash}{suffix}"


def _retitle(toml: str, seed_number: str, number: str, i: int) -> str:
    """The copy's work.toml: new number, name, URI; titles marked with the copy's number."""
    out = []
    for line in toml.splitlines():
        if re.match(r'^(uri|name|number) = ', line):
            line = line.replace(f'/{seed_number}"', f'/{number}"')
            line = re.sub(r'^(number) = ".*"', f'number = "{number}"', line)
            line = re.sub(r'^(name) = "(\w+)-.*"', rf'name = "\2-{number}"', line)
        elif re.match(r'^(rus|kaz|eng) = "', line):
            line = line[:-1] + f' (№ {i})"'
        out.append(line)
    return "\n".join(out) + "\n"


def _renumber_text(text: str, seed_number: str, number: str) -> str:
    """The first "№ <seed number>" (the header line) becomes the copy's number; failing that,
    the copy's number is added to the first non-empty line (order 52's text has no header)."""
    mark = f"№ {seed_number}"
    if mark in text:
        return text.replace(mark, f"№ {number}", 1)
    first = next(i for i, line in enumerate(text.split("\n")) if line.strip())
    lines = text.split("\n")
    lines[first] = f"{lines[first]} № {number}"
    return "\n".join(lines)


def seed_of(i: int, laws_every: int = 3) -> str:
    """The seed work ``i`` copies: the law every ``laws_every`` works, else the orders in turn.

    >>> [seed_of(i) for i in range(3, 6)]
    ['law-88-V', 'order-52', 'order-78']
    >>> [seed_of(i, 10) for i in (10, 11, 12, 19, 20)]
    ['law-88-V', 'order-52', 'order-78', 'order-52', 'law-88-V']
    """
    k = i % laws_every
    return SEEDS[0] if k == 0 else SEEDS[1 + (k - 1) % 2]


def make_corpus(n: int, dest: Path, seeds_root: Path = ROOT / "corpus", laws_every: int = 3) -> list[str]:
    """Write a corpus of ``n`` works (n ≥ 3) into ``dest``; returns the work names in order.
    One work in ``laws_every`` is a copy of the law (with its four editions: ≈ 55 MB of site
    each), the others copies of the orders (≈ 1 MB each)."""
    if n < len(SEEDS):
        raise ValueError(f"at least {len(SEEDS)} works (the seeds)")
    dest.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        src = seeds_root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dest / name)
    names = []
    for seed in SEEDS:
        shutil.copytree(seeds_root / "works" / seed, dest / "works" / seed, dirs_exist_ok=True)
        names.append(seed)
    for i in range(len(SEEDS), n):
        seed = seed_of(i, laws_every)
        seed_dir = seeds_root / "works" / seed
        toml = (seed_dir / "work.toml").read_text(encoding="utf-8")
        seed_number = re.search(r'^number = "(.*)"', toml, re.M).group(1)
        number = copy_number(seed_number, i)
        name = copy_name(seed, number)
        target = dest / "works" / name
        shutil.copytree(seed_dir, target, dirs_exist_ok=True)
        (target / "work.toml").write_text(_retitle(toml, seed_number, number, i), encoding="utf-8")
        for text in sorted(target.glob("*.txt")):
            text.write_text(_renumber_text(text.read_text(encoding="utf-8"), seed_number, number),
                            encoding="utf-8")
        names.append(name)
    return names


def edit_one(corpus: Path) -> Path:
    """Change one word in the last copied order's text (the edit of a one-act-edited rebuild)."""
    orders = sorted(p for p in (corpus / "works").glob("order-1*") if (p / "rus.txt").exists())
    path = (orders[-1] if orders else corpus / "works" / "order-78") / "rus.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("качеством", "качеством (исправлено)", 1), encoding="utf-8")
    return path
