"""The amendment history the linker needs, read through the consolidator's public API.

A ``Change`` is an amendment event flattened to what the graph and the audits use. An event on
an article covers everything inside it, so a change *bears on* a provision when it targets the
provision, one of its ancestors or one of its descendants.

    >>> c = Change("amended", "chp_2__art_7", "Law No. 160-VI of 2018-06-13", "160-VI",
    ...            "/akn/kz/act/2018-06-13/160-VI", "law", dt.date(2018, 6, 13), dt.date(2018, 7, 9), False)
    >>> bears_on(c, "chp_2__art_7__point_3"), bears_on(c, "chp_2__art_8")
    (True, False)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from akn_schema.errors import ZanlexError

KIND_TO_EDGE = {"amended": "amends", "new_wording": "amends", "heading_changed": "amends",
                "inserted": "inserts", "repealed": "repeals"}


@dataclass(frozen=True)
class Change:
    """One amendment event on one provision. ``effective`` is exact, or a lower bound when
    ``exact`` is False (publication date unknown: "not before")."""

    kind: str            # amended | new_wording | inserted | repealed | heading_changed
    target: str          # eId
    act: str             # as a lawyer names it: "law No. 160-VI of 2018-06-13"
    number: str
    uri: str
    act_type: str
    act_date: dt.date
    effective: dt.date
    exact: bool

    @property
    def effective_text(self) -> str:
        return self.effective.isoformat() if self.exact else f"not before {self.effective.isoformat()}"


def bears_on(change: Change, eid: str) -> bool:
    t = change.target
    return t == eid or eid.startswith(t + "__") or t.startswith(eid + "__")


def changes_of(corpus, work: str) -> tuple[Change, ...]:
    """The work's amendment events, ordered by effective date: what the footnotes record, with each change
    recorded only for a containing unit ("Статья 7 с изменениями …") replaced, for an act whose text the corpus
    holds, by what its instructions change (141-VII changes Art. 7 subp. 2, not subp. 3)."""
    try:
        from consolidator import events_for_work
        from consolidator.applying import instruction_events
    except ImportError:
        raise ZanlexError("the amendment events are not available: consolidator.events_for_work is missing") from None
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)

    def compute():
        precise, exact = instruction_events(corpus, work)
        events = [e for e in events_for_work(corpus, work) if e.act.uri not in precise] + list(exact)
        return tuple(sorted((_change(e) for e in events), key=lambda c: c.effective))

    return corpus.cached(("linker", "changes", work), compute)


def _change(event) -> Change:
    eff = event.effective
    exact = getattr(eff, "exact", None)
    if isinstance(exact, dt.date):
        when, is_exact = exact, True
    else:
        when, is_exact = eff.earliest, bool(exact)
    act = event.act
    return Change(event.kind, event.target, str(act), act.number, act.uri, getattr(act, "type", ""),
                  act.date, when, is_exact)


def exists_on(changes: tuple[Change, ...] | list[Change], eid: str, when: dt.date) -> bool:
    """False when the provision (or an ancestor) is inserted after ``when`` or repealed by then."""
    for c in changes:
        covers = c.target == eid or eid.startswith(c.target + "__")
        if covers and c.kind == "inserted" and c.effective > when:
            return False
        if covers and c.kind == "repealed" and c.effective <= when:
            return False
    return True


def repealed_on(changes, eid: str) -> dt.date | None:
    """The effective date of the repeal of the provision or an ancestor, if any."""
    dates = [c.effective for c in changes if c.kind == "repealed" and (c.target == eid or eid.startswith(c.target + "__"))]
    return min(dates) if dates else None


def inserted_on(changes, eid: str) -> dt.date | None:
    dates = [c.effective for c in changes if c.kind == "inserted" and (c.target == eid or eid.startswith(c.target + "__"))]
    return max(dates) if dates else None
