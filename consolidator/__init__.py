"""Consolidation: footnotes → amendment events → entry into force → point-in-time versions.

Footnotes record how a work changed; official editions show what it said; amending acts' own
instructions say exactly what they changed. This package reads all three (through the parser's
public ``Act``): footnotes become ``AmendmentEvent``s with an entry-into-force window, each source
text (seed or edition) becomes a ``Snapshot`` with the events it includes, instructions are applied
in each language to the wording valid before them, and a ``History`` per provision says over which
stretches of time a wording is proven, uncertain or unknown — so that it answers "what was the law on
date D, in language L", and how sure it is.

Public API (everything else is internal)::

    >>> from datetime import date
    >>> from consolidator import events_for_work, points_in_time, version_at, word_diff
    >>> events = events_for_work(corpus_dir, "law-88-V")          # doctest: +SKIP
    >>> [str(e.act) for e in events][:2]                             # doctest: +SKIP
    ['Law 239-V of 2014-09-29', 'Law 239-V of 2014-09-29']
    >>> v = version_at(corpus_dir, "law-88-V", date(2016, 3, 1), "rus")  # doctest: +SKIP
    >>> v.provision("chp_2__art_9-1").status                        # doctest: +SKIP
    'in_force'
    >>> word_diff("a b c", "a x c")     # the words as diff-match-patch operations
    [(0, 'a '), (-1, 'b'), (1, 'x'), (0, ' c')]

- ``events_for_work(corpus_dir, work) -> list[AmendmentEvent]`` ordered by effective date.
  ``AmendmentEvent``: ``act`` (``AmendingAct``: type, number, date, issuing_body, uri),
  ``kind`` (amended | new_wording | inserted | repealed | heading_changed), ``target`` (eId),
  ``effective`` (``Effective``: ``earliest``, ``latest``, ``exact``), ``sources`` (file:line).
- ``points_in_time(corpus_dir, work) -> list[PointInTime]``: the work's entry into force and
  each distinct effective date (or window), with the events taking effect and the coverage per
  language.
- ``version_at(corpus, work, when, lang) -> Version``: provisions existing on ``when`` with
  ``status`` (in_force | not_yet | repealed | uncertain), ``reason`` (None when the wording is proven
  in ``lang``; see ``REASONS``), ``evidence``, ``wording_lang`` and ``text``; ``Version.coverage``,
  ``Version.edition`` (the edition it is checked against), ``Version.unconsolidated``.
- ``work_history(corpus, work) -> History``: per provision, its changes (``Boundary``), and per
  segment between them the ``Stretch``es of existence and of wording per language, with ``Witness``es;
  ``History.unrecorded``: the ``UnrecordedChange``s the sources reveal.
- ``version_xml(corpus_dir, version, expression_date=None) -> lxml root``: the version as a strictly
  valid AKN expression ``…/rus@YYYY-MM-DD`` (dated ``expression_date``, default the version's date).
- ``source_xml(corpus_dir, work, lang)``: a seed text's AKN dated ``source_expression_date`` (its
  snapshot's date), with the events it includes: what ``zanlex parse`` writes.
- ``snapshots(corpus, work) -> list[Snapshot]``: each source text (seed texts, then editions), the acts
  it includes, when it is the law (``as_of``) and what its footnotes record.
- ``work_entry_into_force(corpus_dir, work) -> Effective``.
- ``enrich_xml(root, events, work_uri)``: adds lifecycle/eventRef, analysis/passiveModifications and
  references/passiveRef to a parsed document, in place.
- ``word_diff(a, b) -> list[(op, text)]`` (op: -1 deleted, 0 equal, 1 inserted; word-level).
- ``diff_html(ops) -> str``: ``<del class="zl-del">`` / ``<ins class="zl-ins">``, escaped.
- ``parse_day(text) -> date``: YYYY-MM-DD or a one-line ``BadDate``.
- ``version_diff(corpus_dir, work, d1, d2, lang) -> list[ProvisionDiff]``.
- ``instructions_for(corpus, act_number, work, lang) -> list[Instruction]``: an amending act's own
  instructions for a work (``corpus/amending/<number>/``), parsed by the language's grammar.
- ``apply_act(corpus, act_number, work, lang) -> Application``: those instructions applied to the
  wording valid just before the act, as ``DerivedWording``s (complete, or ``partial``); ``.checks``:
  each instruction against the first official edition that includes the act; ``.agreement``.
- ``consolidator.audit.consolidation_audits(corpus)``: what ``zanlex check`` adds — unrecorded changes
  per snapshot pair, copy variants, conflicting events, instructions an edition does not reflect.

Every function takes a ``akn_schema.corpus.Corpus`` (or the corpus folder, turned into one).

Errors are ``akn_schema.errors.ZanlexError`` subclasses defined in ``consolidator.errors``.
"""

from datetime import date

from consolidator.acts import AmendingAct, load_acts
from consolidator.akn import enrich_xml, source_expression_date, source_xml, version_xml
from consolidator.amending import InstructionError
from consolidator.applying import Application, DerivedWording, apply_act
from consolidator.checking import Check
from consolidator.checking import check as check_application
from consolidator.diff import diff_html, word_diff
from consolidator.effective import Effective
from consolidator.errors import BadDate
from consolidator.events import AmendmentEvent, event_conflicts, events_for_work
from consolidator.footnotes import Footnote, parse_footnote
from consolidator.history import History, ProvisionHistory, Stretch, UnrecordedChange, Witness, work_history
from consolidator.instructions import Instruction, instructions_for
from consolidator.sources import Snapshot, snapshots, work_entry_into_force
from consolidator.versions import (
    REASONS,
    EditionRef,
    Evidence,
    PointInTime,
    ProvisionDiff,
    ProvisionVersion,
    Version,
    points_in_time,
    version_at,
    version_diff,
)


def parse_day(text: str) -> date:
    """A command-line date, YYYY-MM-DD, or a one-line ``BadDate``.

    >>> parse_day("2016-03-01")
    datetime.date(2016, 3, 1)
    """
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise BadDate(f"bad date {text!r}: use YYYY-MM-DD, e.g. 2016-03-01") from None


__all__ = [
    "REASONS", "AmendingAct", "AmendmentEvent", "Application", "BadDate", "Check", "DerivedWording", "EditionRef",
    "Effective", "Evidence", "Footnote", "History", "Instruction", "InstructionError", "PointInTime", "ProvisionDiff",
    "ProvisionHistory", "ProvisionVersion", "Snapshot", "Stretch", "UnrecordedChange", "Version", "Witness",
    "apply_act", "check_application", "diff_html", "enrich_xml", "source_expression_date", "source_xml", "event_conflicts", "events_for_work",
    "instructions_for", "load_acts", "parse_day", "parse_footnote", "points_in_time", "snapshots", "version_at",
    "version_diff", "version_xml", "word_diff", "work_entry_into_force", "work_history",
]
