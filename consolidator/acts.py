"""The registry of amending acts (``corpus/amending-acts.toml``) and the publication allowance.

    >>> reg = load_acts(Path(__file__).resolve().parents[1] / "corpus")
    >>> act = reg.act("law", "484-V", date(2016, 4, 6))
    >>> act.uri, act.publication
    ('/akn/kz/act/2016-04-06/484-V', None)
    >>> reg.allowance["law"]
    30
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from akn_schema.config import inside, read_config
from akn_schema.schemas import AMENDING_ACTS
from consolidator.errors import MissingAct, ZanlexError

REGISTRY_FILE = "amending-acts.toml"
TYPE_NAMES = {"law": "Law", "order": "Order", "resolution": "Resolution"}


@dataclass(frozen=True)
class AmendingAct:
    """An act that amends a work. ``publication`` is None unless a source for it is recorded."""

    type: str
    number: str
    date: date
    uri: str
    title: str | None = None
    issuing_body: str | None = None
    registration: date | None = None
    publication: date | None = None
    publication_source: str | None = None
    text: str | None = None         # its text in the corpus: the act.toml beside it (corpus-relative)
    titles: tuple[tuple[str, str], ...] = ()    # (lang, title) where a source gives them

    def title_in(self, lang: str) -> str | None:
        """The act's title in ``lang`` where a source gives it (else the recorded title, else None)."""
        return dict(self.titles).get(lang) or (self.title if lang == "rus" else None)

    @property
    def eid(self) -> str:
        """A token usable in AKN ids: "484-V" → "act_484-V", "189/НҚ" → "act_189-NK"."""
        return "act_" + self.uri.rstrip("/").rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return f"{TYPE_NAMES.get(self.type, self.type)} {self.number} of {self.date.isoformat()}"


@dataclass
class ActRegistry:
    acts: list[AmendingAct] = field(default_factory=list)
    allowance: dict[str, int] = field(default_factory=dict)
    allowance_source: str = ""
    path: str = ""

    def act(self, act_type: str, number: str, when: date, where: str = "") -> AmendingAct:
        """The registered act, or a ``MissingAct`` error saying what to add."""
        for a in self.acts:
            if a.type == act_type and a.number == number and a.date == when:
                return a
        at = f"{where}: " if where else ""
        raise MissingAct(
            f"{at}cites {act_type} No. {number} of {when.isoformat()}, which {self.path or REGISTRY_FILE} "
            f"does not list: add [[act]] type = \"{act_type}\", number = \"{number}\", date = {when.isoformat()}"
        )


def load_acts(corpus) -> ActRegistry:
    """The registry of a corpus (a ``Corpus``, read once and kept in its memo, or a corpus folder)."""
    from akn_schema.corpus import Corpus

    if isinstance(corpus, Corpus):
        return corpus.cached(("consolidator", "acts"), lambda: _load_acts(corpus.root))
    return _load_acts(Path(corpus).resolve())


@lru_cache(maxsize=8)
def _load_acts(corpus_dir: Path) -> ActRegistry:
    path = Path(corpus_dir) / REGISTRY_FILE
    doc = read_config(path, AMENDING_ACTS, missing_ok=True)
    if doc is None:
        raise ZanlexError(f"{path}: the registry of amending acts is missing")
    raw = doc.data
    seen: dict[tuple, int] = {}
    for i, entry in enumerate(raw.get("act", [])):
        key = (entry["type"], str(entry["number"]), entry["date"])
        if key in seen:
            raise doc.error(("act", i), f"repeats {entry['type']} {entry['number']} of {entry['date']} "
                                        f"(also act[{seen[key] + 1}])")
        seen[key] = i
        if entry.get("text") and not inside(Path(corpus_dir) / entry["text"], Path(corpus_dir)):
            raise doc.error(("act", i, "text"), f"resolves outside the corpus: {entry['text']}")
    assumptions = raw.get("assumptions", {})
    acts = []
    for entry in raw.get("act", []):
        pub = entry.get("publication") or {}
        if pub and not pub.get("source"):
            raise ZanlexError(f"{path}: act {entry.get('number')}: a publication date needs its source")
        reg = entry.get("registration") or {}
        acts.append(AmendingAct(
            type=entry["type"], number=str(entry["number"]), date=entry["date"], uri=entry["uri"],
            title=entry.get("title"), issuing_body=entry.get("issuing_body"),
            registration=reg.get("date"), publication=pub.get("date"), publication_source=pub.get("source"),
            text=entry.get("text"), titles=tuple(sorted((entry.get("titles") or {}).items())),
        ))
    return ActRegistry(acts=acts, allowance=dict(assumptions.get("publication_allowance_days", {})),
                       allowance_source=assumptions.get("publication_allowance_source", ""), path=str(path))
