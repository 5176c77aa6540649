"""Entry into force: from a rule and an act to an effective date, exact or a window.

The N days of "по истечении N календарных дней после дня его первого официального
опубликования" run from the day after publication; the act applies from the day after they
expire: publication + N + 1. With no recorded publication date the date is only bounded.

    >>> from consolidator.footnotes import EntryIntoForce
    >>> act = AmendingAct("law", "141-VII", date(2022, 7, 14), "/akn/kz/act/2022-07-14/141-VII")
    >>> e = effective_date(EntryIntoForce("after_publication", days=10), act, {"law": 30})
    >>> e.earliest, e.latest, e.exact
    (datetime.date(2022, 7, 25), datetime.date(2022, 8, 24), False)
    >>> str(e)
    'not before 2022-07-25 (by 2022-08-24)'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from consolidator.acts import AmendingAct
from consolidator.errors import ZanlexError
from consolidator.footnotes import EntryIntoForce


@dataclass(frozen=True, order=True)
class Effective:
    """When a change takes effect: exactly (earliest == latest) or within [earliest, latest]."""

    earliest: date
    latest: date
    exact: bool
    basis: str = ""

    def __str__(self) -> str:
        if self.exact:
            return self.earliest.isoformat()
        return f"not before {self.earliest.isoformat()} (by {self.latest.isoformat()})"

    def has_happened(self, when: date) -> bool:
        """Certainly in effect on ``when``."""
        return when >= self.latest

    def not_yet(self, when: date) -> bool:
        """Certainly not yet in effect on ``when``."""
        return when < self.earliest

    def window_contains(self, when: date) -> bool:
        return not self.has_happened(when) and not self.not_yet(when)

    def as_json(self) -> dict:
        return {"from": self.earliest.isoformat(), "to": self.latest.isoformat(), "exact": self.exact}


def exactly(day: date, basis: str = "") -> Effective:
    return Effective(day, day, True, basis)


def effective_date(rule: EntryIntoForce | None, act: AmendingAct, allowance: dict[str, int]) -> Effective:
    """The effective date of ``act`` under ``rule`` (see the module docstring)."""
    if rule is None:
        raise ZanlexError(f"{act}: no entry-into-force rule is cited for it")
    if rule.kind == "date":
        result = exactly(rule.on, f"вводится в действие с {rule.on:%d.%m.%Y}")
    elif rule.kind in ("after_publication", "on_publication"):
        offset = timedelta(days=rule.days + 1) if rule.kind == "after_publication" else timedelta(0)
        if act.publication:
            result = exactly(act.publication + offset, f"published {act.publication} ({act.publication_source})")
        else:
            if act.type not in allowance:
                raise ZanlexError(f"{act}: no publication allowance for type {act.type!r} in amending-acts.toml")
            base = max(act.date, act.registration) if act.registration else act.date
            early, late = base + offset, base + timedelta(days=allowance[act.type]) + offset
            result = Effective(early, late, False,
                               f"publication date unknown: {base} + {offset.days} days, "
                               f"allowance {allowance[act.type]} days")
    else:
        raise ZanlexError(f"{act}: unknown entry-into-force rule kind {rule.kind!r}")
    if rule.not_before and rule.not_before > result.earliest:
        # "…, бірақ 2016 жылдың 1 наурызынан бұрын емес": the later of the two
        exact = result.exact or rule.not_before >= result.latest
        late = max(result.latest, rule.not_before)
        result = Effective(rule.not_before, rule.not_before if exact else late, exact,
                           result.basis + f"; not before {rule.not_before}")
    return result
