"""The references of each text, extracted once per build and reused by the published AKN, the
graph and the audits (issue 12: spaCy ran three times per paragraph).

Everything is kept in the command's ``Corpus`` memo, per work, so that a per-work task can drop
it (``Corpus.forget``) when it is done with the work.

    >>> from akn_schema.corpus import Corpus
    >>> corpus = Corpus.open(ROOT / "corpus")
    >>> found = text_references(corpus, "order-78", "rus")
    >>> found is text_references(corpus, "order-78", "rus")            # extracted once
    True
    >>> [r.raw for r in found[0].references][:1]
    ['подпунктом 3) статьи 7 Закона Республики Казахстан от 15 апреля 2013 года "О государственных услугах"']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from linker.extract import analyse
from linker.model import Reference, Resolution
from linker.resolve import Passage, passages, resolve

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class FoundIn:
    """One paragraph of a text (``passage``), the references in it and its role cues."""

    passage: Passage
    references: tuple[Reference, ...]
    cues: frozenset[str]


def text_references(corpus, name: str, lang: str) -> tuple[FoundIn, ...]:
    """Every paragraph of a work's text in ``lang`` with its references (memoised in ``corpus``)."""
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)

    def compute():
        act = corpus.act(name, lang)
        return tuple(FoundIn(p, *analyse(p.text, lang)) for p in passages(act))

    return corpus.cached(("linker", "references", name, lang), compute)


def by_text(found: tuple[FoundIn, ...]) -> dict[str, tuple[Reference, ...]]:
    """Paragraph text → its references (``add_refs`` wraps them in the AKN without extracting again)."""
    return {f.passage.text: f.references for f in found}


def work_resolutions(corpus, name: str) -> tuple[tuple[Resolution, str, frozenset[str]], ...]:
    """Every reference of a work's texts, resolved, with its language and the cues of its paragraph
    (and, for an order's point, the cues anywhere in that point)."""
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)

    def compute():
        work = corpus.work(name)
        out = []
        for lang in work.texts:
            act = corpus.act(name, lang)
            items = text_references(corpus, name, lang)
            point_cues: dict[str, set[str]] = {}
            for f in items:
                if f.passage.eid:
                    point_cues.setdefault(f.passage.eid.split("__")[0], set()).update(f.cues)
            for f in items:
                eid = f.passage.eid
                top = point_cues.get(eid.split("__")[0], set()) if eid else set()
                for ref in f.references:
                    out.append((resolve(ref, act, work, corpus.works, eid, corpus=corpus), lang,
                                frozenset(f.cues | top)))
        return tuple(out)

    return corpus.cached(("linker", "resolutions", name), compute)


def resolutions(corpus) -> tuple[tuple[Resolution, str, frozenset[str]], ...]:
    """Every reference in the corpus, resolved (work by work, in name order)."""
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)
    return tuple(r for name in corpus.works for r in work_resolutions(corpus, name))
