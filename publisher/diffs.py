"""Which provisions changed between two texts, each with its word-level diff.

The word diff itself is the consolidator's (``consolidator.word_diff``, diff-match-patch over
word tokens); this module only pairs provisions by eId.

    >>> from publisher.model import ProvisionView, TextView
    >>> old = TextView("t", body=[ProvisionView("art_1", "article", "1", "Понятия", ["a b c"])])
    >>> new = TextView("t", body=[ProvisionView("art_1", "article", "1", "Понятия", ["a x c"]),
    ...                           ProvisionView("art_2", "article", "2", "Цель")])
    >>> [(c.eid, c.status) for c in text_changes(old, new)]
    [('art_1', 'changed'), ('art_2', 'inserted')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from consolidator import word_diff
from publisher.model import ProvisionView, TextView


@dataclass
class ProvisionChange:
    eid: str
    label: str
    status: str    # inserted | removed | changed | now_known | no_longer_known | other_text (label keys)
    ops: list[tuple[int, str]]


def text_changes(old: TextView, new: TextView) -> list[ProvisionChange]:
    """The provisions whose own words differ between two texts, in the new text's order
    (provisions only in the old text come after their predecessor)."""
    before = {p.eid: p for p in old.walk()}
    after = {p.eid: p for p in new.walk()}
    changes: list[ProvisionChange] = []
    order = list(after) + [e for e in before if e not in after]
    for eid in order:
        a, b = before.get(eid), after.get(eid)
        wa, wb = _words(a), _words(b)
        if wa == wb:
            continue
        status = "inserted" if a is None or not wa else "removed" if b is None or not wb else "changed"
        if a is not None and b is not None and bool(a.missing) != bool(b.missing):
            status = "now_known" if a.missing else "no_longer_known"
            ops = [(1, wb)] if a.missing else [(-1, wa)]
        elif status == "changed" and a.source_lang != b.source_lang:
            # The wording shown comes from another language's text: words cannot be compared.
            status, ops = "other_text", [(-1, wa), (1, wb)]
        else:
            ops = _word_diff(wa, wb)
        changes.append(ProvisionChange(eid, _label(b or a), status, ops))
    return changes


@lru_cache(maxsize=4096)
def _word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """The same provision pair recurs across many versions: diff each pair once."""
    return word_diff(old, new)


def _words(p: ProvisionView | None) -> str:
    if p is None or p.missing:
        return ""
    return p.words() + (" [repealed]" if p.repealed and not p.text else "")


def _label(p: ProvisionView) -> str:
    return f"{p.num or ''} {p.heading or ''}".strip() or p.eid
