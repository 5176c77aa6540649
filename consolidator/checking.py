"""Checking an applied amending act against the first official edition in its language that includes it.

    >>> Check("272-VI item 31, 22)", "kaz", ("chp_4__art_22",), "equal").equal
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from akn_schema.corpus import Corpus, as_corpus
from akn_schema.model import Provision
from consolidator.diff import word_diff
from consolidator.history import ABSENT, PRESENT, REMOVED_STATE, History
from consolidator.instructions import NO_CHANGE
from consolidator.sources import snapshots
from consolidator.wording import Wording, comparable

if TYPE_CHECKING:
    from consolidator.applying import Application, DerivedWording


@dataclass(frozen=True)
class Check:
    """One instruction's result against the first official edition in its language that includes the act.

    ``verdict``: "equal" (word for word, spaces and quote marks aside), "differs", "not_checked" (no such
    edition, or a later change to the provision lies between), "not_applied" (the wording before the act
    is not known, so the instruction could not be applied).
    """

    instruction: str
    lang: str
    eids: tuple[str, ...]
    verdict: str
    edition: str | None = None
    ops: tuple[tuple[int, str], ...] = ()
    note: str = ""

    @property
    def equal(self) -> bool:
        return self.verdict == "equal"

    def as_json(self) -> dict:
        return {"instruction": self.instruction, "lang": self.lang, "eIds": list(self.eids), "verdict": self.verdict,
                "edition": self.edition, "ops": [list(o) for o in self.ops], "note": self.note or None}


def check(corpus: Corpus | Path, app: Application, history: History | None = None) -> list[Check]:
    """Each instruction's derived wordings against the first official edition in the act's language that
    includes the act, where no later change to the provision lies between (see ``Check``)."""
    from consolidator.history import work_history

    corpus = as_corpus(corpus)
    history = history or work_history(corpus, app.work)
    editions = sorted((s for s in snapshots(corpus, app.work) if s.edition and s.lang == app.lang
                       and app.act.uri in s.acts), key=lambda s: s.edition)
    by_ins: dict[int, list[DerivedWording]] = {}
    for w in app.wordings:
        by_ins.setdefault(w.instruction.seq, []).append(w)
    out = []
    for ins in app.instructions:
        if ins.action == NO_CHANGE:
            continue
        mine = [w for w in by_ins.get(ins.seq, []) if w.instruction is ins or w.instruction.seq == ins.seq]
        if ins.seq in app.failed:
            out.append(Check(ins.label, app.lang, tuple(w.eid for w in mine), "not_applied", note=app.failed[ins.seq]))
            continue
        if not editions:
            out.append(Check(ins.label, app.lang, tuple(w.eid for w in mine), "not_checked",
                             note="no official edition in this language includes the act"))
            continue
        edition = editions[0]
        act = corpus.act(app.work, edition.source)
        index = {p.eid: p for p in act.walk()}
        verdict, ops, notes = "equal", [], []
        for w in mine:
            later = _later_changes(history, w.eid, app.act.uri, edition)
            p = index.get(w.eid)
            got = _state_of(p)
            same = w.state == got or (w.state == REMOVED_STATE and got == ABSENT)
            if same and w.state == PRESENT:
                theirs = Wording.of(p)
                if w.partial:
                    same = comparable(" ".join(w.wording.text)) in theirs.key
                else:
                    same = w.wording.key == theirs.key
                    if not same:
                        ops += word_diff(w.wording.plain(), theirs.plain())
            if same:
                continue
            if later:
                verdict = "not_checked" if verdict == "equal" else verdict
                notes.append(f"{w.eid}: changed again by {', '.join(later)} before that edition")
            else:
                verdict = "differs"
                notes.append(f"{w.eid}: {w.state} by the act, {got} in the edition" if w.state != got else
                             f"{w.eid}: the derived wording differs from the edition")
        out.append(Check(ins.label, app.lang, tuple(w.eid for w in mine), verdict, edition.name,
                         tuple(ops) if verdict == "differs" else (), "; ".join(notes)))
    return out


def _later_changes(history: History, eid: str, act_uri: str, edition) -> list[str]:
    ph = history.of(eid)
    if ph is None:
        return []
    uris = [b.act.uri for b in ph.boundaries]
    if act_uri not in uris:
        return []
    after = ph.boundaries[uris.index(act_uri) + 1:]
    return [str(b.act) for b in after if b.act.uri in edition.acts]


def _state_of(p: Provision | None) -> str:
    from akn_schema.model import REMOVED

    if p is None:
        return ABSENT
    return REMOVED_STATE if p.status == REMOVED else PRESENT
