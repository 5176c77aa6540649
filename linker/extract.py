"""Reference extraction: Matcher spans chained into references, per the language's word order.

    >>> [r.path for r in extract_references("в порядке, предусмотренном статьей 15 настоящего Закона", "rus")]
    [(('article', '15'),)]
    >>> [r.path for r in extract_references("Заңының 9-1-бабының 1) тармақшасына сәйкес", "kaz")]
    [(('article', '9-1'), ('point', '1'))]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from linker.languages import ACT, ALIAS, CUES, QUOTES, REGISTRY, THIS, UNIT, LanguageRules
from linker.model import ActMention, Reference
from linker.nlp import matcher, pipeline

_DOTTED = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")


def extract_references(text: str, lang: str) -> list[Reference]:
    """Every reference in ``text`` (one paragraph of clean text, markup already stripped)."""
    return list(analyse(text, lang)[0])


def cues_in(text: str, lang: str) -> set[str]:
    """The role cues in a text: ``BASIS_CUE`` ("В соответствии с", "сәйкес"), ``INVALIDATION_CUE``."""
    return set(analyse(text, lang)[1])


def analyse(text: str, lang: str) -> tuple[tuple[Reference, ...], frozenset[str]]:
    """A paragraph's references and role cues from one pass of the pipeline and the Matcher
    (the build extracts each paragraph once: ``linker.texts``).

    >>> refs, cues = analyse("В соответствии с подпунктом 3) статьи 7 Закона", "rus")
    >>> [r.path for r in refs], sorted(cues)
    ([(('article', '7'), ('point', '3'))], ['BASIS_CUE'])
    """
    doc = pipeline(lang)(text)
    matches = matcher(lang)(doc)
    strings = doc.vocab.strings
    cues = frozenset(strings[mid] for mid, _, _ in matches) & set(CUES)
    return tuple(_from_matches(doc, matches, lang)), cues


def references_in(doc: Doc, lang: str) -> list[Reference]:
    """References in an already tokenized doc (see :func:`extract_references`)."""
    return _from_matches(doc, matcher(lang)(doc), lang)


def _from_matches(doc: Doc, matches, lang: str) -> list[Reference]:
    rules = REGISTRY[lang]
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matches
                          if doc.vocab.strings[mid] not in CUES])
    return [ref for chain in _chains(spans, rules) for ref in _references(chain, rules)]


def _kind(span: Span) -> str:
    return span.label_.split("_")[0] if span.label_.startswith(THIS) else span.label_


def _chains(spans: list[Span], rules: LanguageRules) -> list[list[Span]]:
    """Group adjacent parts into one reference each.

    Inward-out languages end a chain with its act ("подпунктом 3) статьи 7 Закона …"); Kazakh
    starts one with it ("Заңының 9-1-бабының 1) тармақшасына"). An alias parenthetical
    ("(далее – Закон)") may sit between parts.
    """
    chains: list[list[Span]] = []
    current: list[Span] = []
    for span in spans:
        kind = _kind(span)
        joined = bool(current) and _adjacent(current[-1], span, rules)
        if kind == ALIAS:
            if not joined:
                current = []
            else:
                current.append(span)
            continue
        acts_in = [s for s in current if _kind(s) in (ACT, THIS)]
        if rules.outer_first:
            if not joined or kind in (ACT, THIS):
                current = [span]
                chains.append(current)
            else:
                current.append(span)
        else:
            if joined and not acts_in:
                current.append(span)
            else:
                current = [span]
                chains.append(current)
    return chains


def _adjacent(left: Span, right: Span, rules: LanguageRules) -> bool:
    return all(t.lemma_ in rules.gap_lemmas for t in left.doc[left.end:right.start])


def _references(chain: list[Span], rules: LanguageRules) -> list[Reference]:
    parts = [s for s in chain if _kind(s) != ALIAS]
    units = [s for s in parts if _kind(s) == UNIT]
    acts = [s for s in parts if _kind(s) in (ACT, THIS)]
    act = _act_mention(acts[0], rules) if acts else ActMention()
    if not units and (not acts or act.scope):
        return []          # "настоящий Закон" alone names no unit of anything
    if not rules.outer_first:
        units.reverse()
    start, end = parts[0].start_char, parts[-1].end_char
    raw = parts[0].doc.text[start:end]
    steps = [[(rules.units[_unit_word(u, rules)], n) for n in _numbers(u)] for u in units]
    return [Reference(rules.code, start, end, raw, tuple(path), act) for path in itertools.product(*steps)]


def _unit_word(span: Span, rules: LanguageRules) -> str:
    return next(t.lemma_ for t in span if t.lemma_ in rules.units)


def _numbers(span: Span) -> list[str]:
    return [t.text for t in span if t.text[0].isdigit()]


def _act_mention(span: Span, rules: LanguageRules) -> ActMention:
    if span.label_.startswith(THIS):
        return ActMention(scope=span.label_.split("_", 1)[1], raw=span.text)
    kind = next((rules.act_kinds[t.lemma_] for t in span if t.lemma_ in rules.act_kinds), None)
    return ActMention(kind=kind, title=_title(span) or _code_name(span, rules), date=_date(span, rules),
                      number=_number(span), raw=span.text)


def _code_name(span: Span, rules: LanguageRules) -> str | None:
    """A code is named by the word before "кодекс": "Предпринимательского кодекса" → "Предпринимательский кодекс"."""
    i = next((i for i, t in enumerate(span) if rules.act_kinds.get(t.lemma_) == "code"), None)
    if not i:
        return None
    return f"{span[i - 1].lemma_} {span[i].lemma_}".capitalize()


def _title(span: Span) -> str | None:
    quotes = [t for t in span if t.text in QUOTES]
    if len(quotes) < 2:
        return None
    return span.doc.text[quotes[0].idx + 1:quotes[-1].idx].strip()


def _date(span: Span, rules: LanguageRules) -> dt.date | None:
    """The date as printed: "15 апреля 2013 года", "2013 жылғы 15 сәуірдегі", "29.10.2015"."""
    for t in span:
        if m := _DOTTED.match(t.text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    for i, t in enumerate(span):
        if t.lemma_ in rules.months:
            around = [span[j] for j in (i - 1, i + 1) if 0 <= j < len(span)]
            day = next((a for a in around if a.text.isdigit() and len(a.text) <= 2), None)
            year = next((y for y in span if y.text.isdigit() and len(y.text) == 4), None)
            if day is not None and year is not None:
                return dt.date(int(year.text), rules.months[t.lemma_], int(day.text))
    return None


def _number(span: Span) -> str | None:
    for i, t in enumerate(span):
        if t.text == "№" or t.lower_ in ("no", "no."):
            rest = [x for x in span[i + 1:] if x.text != "."]
            if not rest:
                return None
            num = rest[0].text
            if len(rest) > 2 and rest[1].text == "/":
                num += "/" + rest[2].text
            return num
    return None
