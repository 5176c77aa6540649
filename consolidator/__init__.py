"""Consolidation: footnotes → amendment events → entry into force → point-in-time versions.

Footnotes are the only record of how a work changed. This package reads them (through the
parser's public ``Act``), turns them into ``AmendmentEvent``s with an entry-into-force window,
infers which events each source text already includes (its ``Snapshot``), and answers "what
was the law on date D, in language L".

Public API (everything else is internal)::

    >>> from datetime import date
    >>> from consolidator import events_for_work, points_in_time, version_at, word_diff
    >>> events = events_for_work(corpus_dir, "law-88-V")          # doctest: +SKIP
    >>> [str(e.act) for e in events][:2]                             # doctest: +SKIP
    ['Law 239-V of 2014-09-29', 'Law 239-V of 2014-09-29']
    >>> v = version_at(corpus_dir, "law-88-V", date(2016, 3, 1), "rus")  # doctest: +SKIP
    >>> v.provision("chp_2__art_9-1").status                        # doctest: +SKIP
    'in_force'
    >>> word_diff("a b c", "a x c")
    [(0, 'a '), (-1, 'b'), (1, 'x'), (0, ' c')]

- ``events_for_work(corpus_dir, work) -> list[AmendmentEvent]`` ordered by effective date.
  ``AmendmentEvent``: ``act`` (``AmendingAct``: type, number, date, issuing_body, uri),
  ``kind`` (amended | new_wording | inserted | repealed | heading_changed), ``target`` (eId),
  ``effective`` (``Effective``: ``earliest``, ``latest``, ``exact``), ``sources`` (file:line).
- ``points_in_time(corpus_dir, work) -> list[PointInTime]``: the work's entry into force and
  each distinct effective date (or window), with the events taking effect and the coverage per
  language.
- ``version_at(corpus_dir, work, when, lang) -> Version``: provisions existing on ``when`` with
  ``status`` (in_force | not_yet | repealed | uncertain), ``wording_lang`` (None when the wording
  is not in the corpus) and ``text``; ``Version.coverage``; ``Version.expression_uri``.
- ``version_xml(version) -> lxml root``: the version as an AKN expression ``…/rus@YYYY-MM-DD``.
- ``enrich_xml(root, events)``: adds lifecycle/eventRef, analysis/passiveModifications and
  references/passiveRef to a parsed document, in place.
- ``word_diff(a, b) -> list[(op, text)]`` (op: -1 deleted, 0 equal, 1 inserted; word-level).
- ``diff_html(ops) -> str``: ``<del class="zl-del">`` / ``<ins class="zl-ins">``, escaped.
- ``version_diff(corpus_dir, work, d1, d2, lang) -> list[ProvisionDiff]``.

Errors are ``akn_schema.errors.ZanlexError`` subclasses defined in ``consolidator.errors``.
"""

from consolidator.diff import diff_html, word_diff

__all__ = ["diff_html", "word_diff"]
