"""The texts of amending acts in the corpus, and the item of each addressed to a work (DESIGN §4).

An amending act lives in ``corpus/amending/<number>/``: one text per language (bytes unchanged) and an
``act.toml`` declaring them as works do (``[texts.rus]``, ``[texts.kaz]``), with one ``[[amends]]`` entry per
work and language (``work``, ``lang``, ``item``); ``corpus/amending-acts.toml`` links to it (``text``).

    >>> from akn_schema.corpus import Corpus                                # doctest: +SKIP
    >>> sorted(amending_texts(Corpus.open("corpus"), "272-VI"))             # doctest: +SKIP
    ['kaz', 'rus']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from akn_schema.config import inside, read_config
from akn_schema.corpus import Corpus, as_corpus
from akn_schema.schemas import AMENDING_ACT
from akn_schema.text import decode_source
from consolidator.acts import AmendingAct, load_acts
from consolidator.errors import SourceError, ZanlexError
from consolidator.footnotes import EntryIntoForce
from consolidator.grammar import registry
from consolidator.grammar.instructions import InstructionGrammar


class InstructionError(SourceError):
    """A line of an amending act's item that the instruction grammar does not understand."""


@dataclass(frozen=True)
class Amends:
    """One ``[[amends]]`` entry of an amending act's act.toml: the item addressed to a work in one language."""

    work: str
    lang: str
    item: str | None
    rule: EntryIntoForce | None = None
    rule_source: str = ""


@dataclass(frozen=True)
class AmendingText:
    """An amending act's text in one language, and which works it amends."""

    act: AmendingAct
    lang: str
    path: Path
    name: str                       # as cited in messages: corpus-relative
    lines: tuple[str, ...]
    amends: tuple[Amends, ...]
    header_missing: bool

    def amends_work(self, work: str) -> Amends:
        found = next((a for a in self.amends if a.work == work and a.lang == self.lang), None)
        if found is None:
            raise ZanlexError(f"{self.name}: {self.act} has no [[amends]] entry for {work!r} in {self.lang} in "
                              f"its act.toml (it names {', '.join(f'{a.work}:{a.lang}' for a in self.amends) or 'none'})")
        return found


@dataclass(frozen=True)
class Item:
    """An item of the amending act ("8. В Закон …:") with its lines, numbered from the file."""

    num: str
    line: int
    head: str
    lines: tuple[tuple[int, str], ...]


# ── the texts ─────────────────────────────────────────────────────────────────────────────────

def amending_texts(corpus: Corpus | Path, number: str) -> dict[str, AmendingText]:
    """Every text of amending act ``number`` in the corpus, by language (as its act.toml declares them)."""
    corpus = as_corpus(corpus)
    return corpus.cached(("consolidator", "amending", number), lambda: _amending_texts(corpus, number))


def amending_text(corpus: Corpus | Path, number: str, lang: str | None = None) -> AmendingText:
    """One text of amending act ``number``: in ``lang``, or its only (or first) one."""
    texts = amending_texts(corpus, number)
    if lang is None:
        return next(iter(texts.values()))
    if lang not in texts:
        raise ZanlexError(f"{number}: the corpus holds its text in {', '.join(texts)}, not in {lang!r}")
    return texts[lang]


def _amending_texts(corpus: Corpus, number: str) -> dict[str, AmendingText]:
    acts = load_acts(corpus)
    act = next((a for a in acts.acts if a.number == number), None)
    if act is None:
        raise ZanlexError(f"unknown amending act {number!r}: {acts.path} does not list it")
    if not act.text:
        with_text = ", ".join(a.number for a in acts.acts if a.text) or "none"
        raise ZanlexError(f"{act}: the corpus holds no text of it (acts with a text: {with_text})")
    toml_path = corpus.root / act.text
    doc = read_config(toml_path, AMENDING_ACT)      # the schema: every error names file, line and key
    raw = doc.data
    if (str(raw.get("number")), raw.get("date"), raw.get("type")) != (act.number, act.date, act.type):
        raise ZanlexError(f"{toml_path}: number/date/type disagree with {acts.path} for {act}")
    texts = raw["texts"]
    for i, entry in enumerate(raw.get("amends", [])):
        if entry["work"] not in corpus.works:
            raise doc.error(("amends", i, "work"), f"names no work of the corpus: {entry['work']!r} "
                                                   f"(known: {', '.join(sorted(corpus.works))})")
    amends = []
    for entry in raw.get("amends", []):
        eif = entry.get("entry_into_force")
        rule = EntryIntoForce(kind=eif["rule"], days=eif.get("days"), on=eif.get("date"),
                              not_before=eif.get("not_before"), text=eif.get("source", "")) if eif else None
        langs = [entry["lang"]] if "lang" in entry else list(texts)
        for lang in langs:
            amends.append(Amends(entry["work"], lang, str(entry["item"]) if "item" in entry else None, rule,
                                 (eif or {}).get("source", "")))
    result = {}
    for lang, spec in texts.items():
        registry(lang)
        path = toml_path.parent / spec["file"]
        if not inside(path, corpus.root):
            raise doc.error(("texts", lang, "file"), f"resolves outside the corpus: {spec['file']}")
        try:
            data = path.read_bytes()
        except OSError as err:
            raise SourceError(path, None, f"cannot read the amending act's text: {err.strerror or err}") from None
        lines = tuple(decode_source(data, path).splitlines())
        result[lang] = AmendingText(act, lang, path, _relative(path, corpus.root), lines, tuple(amends),
                                    bool(raw.get("header_missing")))
    return result


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        return str(path)


def grammar_for(lang: str) -> InstructionGrammar:
    g = registry(lang).instructions
    if g is None:
        raise ZanlexError(f"no instruction grammar for {lang!r} yet: add one to consolidator/grammar/{lang}.py")
    return g


def _visible(lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """The lines of a text with markup comments ("<!-- … -->") and markdown title marks left out."""
    out, comment = [], False
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if comment or s.startswith("<!--"):
            comment = "-->" not in s
            continue
        out.append((n, re.sub(r"^#+\s+", "", line)))
    return out


def items(text: AmendingText) -> list[Item]:
    """The items of the act's articles ("N. В …:"), each with the lines up to the next item or article."""
    g = grammar_for(text.lang)
    head, article = re.compile(g.item_head), re.compile(g.article_head)
    whole = re.compile(g.article_item)
    found: list[Item] = []
    current: list[tuple[int, str]] | None = None
    start = None
    depth = 0
    sym = 0
    for n, line in _visible(text.lines):
        s = line.strip()
        outside = start is None or (depth == 0 and sym % 2 == 0)    # quotes count inside items only
        if start is not None:
            depth = max(0, depth + _quote_balance(s, g))
            sym += sum(s.count(op) for op, cl in g.quotes if op == cl)
            if re.search(r"[»\"]\s*[;.]\s*$", s):
                depth = sym = 0         # an instruction ends here, whatever quotes its words merged
        m = (head.match(s) or whole.match(s)) if outside else None
        if m or (outside and article.match(s)):
            if start is not None:
                found.append(Item(start[0], start[1], start[2], tuple(current)))
            start, current = ((m["item"], n, s), []) if m else (None, None)
            depth = sym = 0
            continue
        if current is not None:
            current.append((n, line))
    if start is not None:
        found.append(Item(start[0], start[1], start[2], tuple(current)))
    return found


def _quote_balance(s: str, g: InstructionGrammar) -> int:
    return sum(s.count(op) - s.count(cl) for op, cl in g.quotes if op != cl)


def item_for(text: AmendingText, work, work_name: str) -> Item:
    """The item addressed to the work, found by its date and title ("от 15 апреля 2013 года «О государственных
    услугах»"), and checked against the item act.toml names."""
    g = grammar_for(text.lang)
    when = g.addressee_date.format(day=work.date.day, month=g.months_genitive[work.date.month], year=work.date.year)
    title = work.titles.get(text.lang)
    if not title:       # the item names the work by its title: without it no item can be found
        where = work.folder / "work.toml" if work.folder else work_name
        raise ZanlexError(f"{where}: [titles] gives no {text.lang} title, which is needed to find the item of "
                          f"{text.name} addressed to {work_name}")
    squeeze = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    titles = [f"{op}{title}{cl}" for op, cl in g.quotes] if title else []
    hits = [it for it in items(text) if when in squeeze(it.head) and any(t in squeeze(it.head) for t in titles)]
    expected = text.amends_work(work_name).item
    if expected:
        hits = [it for it in hits if it.num == expected] or hits
    if len(hits) != 1:
        raise ZanlexError(f"{text.name}: {len(hits)} items are addressed to {work_name} ({when} {title!r}); "
                          f"expected one{f' (item {expected})' if expected else ''}")
    if expected and hits[0].num != expected:
        raise InstructionError(text.name, hits[0].line, f"the item addressed to {work_name} is {hits[0].num}, "
                               f"but act.toml says {expected}")
    return hits[0]
