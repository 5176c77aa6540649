"""The consolidation audit (``zanlex check``): where the sources of a work disagree, and where an amending act's
own instructions and the official edition after it do not say the same.

- ``unrecorded_change``: two snapshots in one language that differ on a provision with no recorded
  amendment between them (per snapshot pair, bounded by their dates); ``copy_variant`` when the odd one out
  is a copy (a seed text) between editions that agree;
- ``event_conflict``: the sources disagree on one act's change to one provision (its kind or its date);
- ``instruction_not_reflected``: an instruction whose result the next edition in its language does not show
  (with the word-level difference); ``instruction_not_applied``: one that could not be applied because the
  wording before the act is not proven.

    >>> Finding("warning", "unrecorded_change", "…", "law-88-V~chp_2__art_7").as_dict()["code"]
    'unrecorded_change'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from akn_schema.corpus import Corpus, as_corpus
from consolidator.acts import load_acts
from consolidator.amending import amending_texts
from consolidator.applying import apply_act
from consolidator.events import event_conflicts, events_for_work
from consolidator.grammar import registry
from consolidator.history import work_history


@dataclass(frozen=True)
class Finding:
    """One finding of the audit, in the shape of the linker's audits (severity, code, message, location)."""

    severity: str
    code: str
    message: str
    location: str
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def consolidation_audits(corpus: Corpus | Path) -> list[Finding]:
    """Every finding for every work of the corpus (see the module docstring)."""
    corpus = as_corpus(corpus)
    found: list[Finding] = []
    for name in sorted(corpus.works):
        found += _work_findings(corpus, name)
    return found


def work_consolidation_audits(corpus: Corpus | Path, name: str) -> list[Finding]:
    """The findings for one work (a per-work task of ``zanlex check``)."""
    return _work_findings(as_corpus(corpus), name)


def _work_findings(corpus: Corpus, name: str) -> list[Finding]:
    out: list[Finding] = []
    history = work_history(corpus, name)
    seen = set()
    for u in history.unrecorded:
        key = (u.eid, u.lang, u.before.name, u.after.name)
        if key in seen:
            continue
        seen.add(key)
        code = "copy_variant" if u.variant else "unrecorded_change"
        out.append(Finding("warning", code, u.describe(), f"{name}~{u.eid}", {
            "work": name, "eId": u.eid, "lang": u.lang, "pair": [u.before.name, u.after.name],
            "between": [u.before.when.isoformat(), u.after.when.isoformat()]}))
    for conflict in event_conflicts(events_for_work(corpus, name)):
        out.append(Finding("warning", "event_conflict", conflict, name, {"work": name}))
    for act in load_acts(corpus).acts:
        if not act.text:
            continue
        for lang, text in amending_texts(corpus, act.number).items():
            if not any(a.work == name and a.lang == lang for a in text.amends):
                continue
            if registry(lang).instructions is None:
                out.append(Finding("info", "no_instruction_grammar",
                                   f"{text.name}: no instruction grammar for {lang} yet, so {act.number} is not "
                                   f"applied in {lang}", name, {"work": name, "act": act.number, "lang": lang}))
                continue
            app = apply_act(corpus, act.number, name, lang)
            for c in app.checks:
                if c.verdict == "differs":
                    out.append(Finding("warning", "instruction_not_reflected",
                                       f"{c.instruction} ({lang}) is not what {c.edition} shows: {c.note}",
                                       f"{name}~{c.eids[0] if c.eids else ''}",
                                       {"work": name, "act": act.number, "instruction": c.instruction, "lang": lang,
                                        "edition": c.edition, "eIds": list(c.eids),
                                        "ops": [list(o) for o in c.ops]}))
                elif c.verdict == "not_applied":
                    out.append(Finding("info", "instruction_not_applied", f"{c.note}", name,
                                       {"work": name, "act": act.number, "instruction": c.instruction, "lang": lang}))
    return out
