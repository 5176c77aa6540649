"""An amending act's own instructions: the item addressed to a work, read and parsed (DESIGN §4).

An amending act in the corpus lives in ``corpus/amending/<number>/``: one text per language (bytes
unchanged) and an ``act.toml`` declaring them as works do (``[texts.rus]``, ``[texts.kaz]``) with one
``[[amends]]`` entry per work and language (``work``, ``lang``, ``item``); ``corpus/amending-acts.toml``
links to it (``text``). Item 8 of Article 1 of Law 484-V is addressed to Law 88-V; its four instructions::

    >>> [i.describe() for i in instructions_for(CORPUS, "484-V", "law-88-V")]    # doctest: +SKIP
    ['replace article 13 / paragraph 1 / part 3', 'replace article 16 / paragraph 1',
     'insert article 19: part 2', 'insert article 19-1']

An item is a sequence of numbered instructions ("2) пункт 1 статьи 16 изложить в следующей редакции:"),
lines that open a scope for the lines after them ("в статье 5:", "в части первой:", "4-баптың
1-тармағында:") and new wordings in quotes. A phrase naming several units ("подпункты 8) и 10)",
"статьи 16 и 17") gives one ``Instruction`` per unit. The grammar of each language is
``registry(lang).instructions`` (``consolidator.grammar.instructions.InstructionGrammar``). A line of the
item that the grammar does not understand is an ``InstructionError`` naming ``file:line``, never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from akn_schema.config import inside, read_config
from akn_schema.corpus import Corpus, as_corpus
from akn_schema.schemas import AMENDING_ACT
from akn_schema.text import decode_source
from consolidator.acts import AmendingAct, load_acts
from consolidator.errors import SourceError, ZanlexError
from consolidator.footnotes import EntryIntoForce, parse_rule
from consolidator.grammar import registry
from consolidator.grammar.instructions import LEVELS, InstructionGrammar

REPLACE, INSERT, REPEAL = "replace", "insert", "repeal"
SUBSTITUTE, DELETE_WORDS, INSERT_WORDS, APPEND_WORDS, NO_CHANGE = (
    "substitute", "delete_words", "insert_words", "append_words", "no_change")
WORD_ACTIONS = (SUBSTITUTE, DELETE_WORDS, INSERT_WORDS, APPEND_WORDS)
TEXT_UNITS = ("part", "abzac")          # unnumbered paragraphs of a provision's own text

Step = tuple[str, str]


class InstructionError(SourceError):
    """A line of an amending act's item that the instruction grammar does not understand."""


@dataclass(frozen=True)
class Instruction:
    """One instruction of an amending act, as its text gives it.

    ``target`` is the provision acted on, outermost unit first, e.g. ``(("article", "13"), ("paragraph",
    "1"), ("part", "3"))`` (a "part" or "abzac" step is a paragraph of the provision's own text, a
    "heading" step its heading). For an insertion ``target`` is where the new ``inserts`` go.
    ``new_text``: the new wording (outer quotes removed); ``old_words`` / ``new_words`` / ``anchor``: the
    words of a substitution, deletion or addition of words.
    """

    act: str
    lang: str
    item: str
    num: str
    action: str
    target: tuple[Step, ...]
    source: str
    line_text: str
    new_text: str | None = None
    inserts: tuple[Step, ...] = ()
    old_words: tuple[str, ...] = ()
    new_words: tuple[str, ...] = ()
    anchor: str | None = None
    seq: int = 0
    more: tuple[tuple[Step, ...], ...] = ()     # further units one new wording replaces ("подпункты 8) и 10)")

    @property
    def label(self) -> str:
        """"484-V item 8, 2)": where the instruction is in its act."""
        return f"{self.act} item {self.item}" + (f", {self.num}" if self.num else "")

    @property
    def part(self) -> int | None:
        """The ordinal of the paragraph of the provision's own text addressed, if any ("часть третья" → 3)."""
        steps = self.inserts if self.action == INSERT and self.inserts else self.target
        last = steps[-1] if steps else None
        return int(last[1]) if last and last[0] in TEXT_UNITS else None

    @property
    def targets(self) -> tuple[tuple[Step, ...], ...]:
        return (self.target, *self.more)

    def describe(self) -> str:
        where = " / ".join(f"{k} {n}".strip() for k, n in self.target) or "the act"
        if self.more:
            where += " and " + ", ".join(" / ".join(f"{k} {n}".strip() for k, n in t[-1:]) for t in self.more)
        if self.action == INSERT:
            new = ", ".join(f"{k} {n}" for k, n in self.inserts)
            return f"insert {where}: {new}" if self.target else f"insert {new}"
        return f"{self.action} {where}"

    def as_json(self) -> dict:
        return {"label": self.label, "lang": self.lang, "action": self.action,
                "target": [list(t) for t in self.target], "inserts": [list(t) for t in self.inserts],
                "part": self.part, "new_text": self.new_text, "old_words": list(self.old_words),
                "new_words": list(self.new_words), "anchor": self.anchor, "source": self.source,
                "more": [[list(t) for t in p] for p in self.more],
                "text": self.line_text}


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


@dataclass
class Statement:
    """A line of an item outside quotes, with the quoted new wordings that follow it."""

    line: int
    text: str
    blocks: list[str] = field(default_factory=list)


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


# ── statements: instruction lines and the quoted new wordings after them ──────────────────────

def statements(item: Item, text: AmendingText) -> list[Statement]:
    """The item's lines outside quotes, each with the quoted blocks that follow it (outer quotes removed).

    A block ends where its quotes balance; Russian and Kazakh typography may merge the closing quote of a
    quotation at the very end of a new wording with the block's own ("…веб-портала «электронного
    правительства»;"), so a line ending "»;" or "»." also ends a block when the next line is not a
    continuation of it (it opens a new block or reads as an instruction).
    """
    g = grammar_for(text.lang)
    rows = [(n, line.strip()) for n, line in item.lines if line.strip()]
    out: list[Statement] = []
    i = 0
    while i < len(rows):
        n, s = rows[i]
        if any(s.startswith(op) for op, _ in g.quotes) and out and _expects_wording(out[-1].text, g):
            block, depth, sym = [], 0, 0
            while i < len(rows):
                n2, s2 = rows[i]
                block.append(s2)
                depth += _quote_balance(s2, g)
                sym += sum(s2.count(op) for op, cl in g.quotes if op == cl)
                i += 1
                if depth <= 0 and sym % 2 == 0:
                    break
                if re.search(r"»\s*[;.]?\s*$", s2) and (i >= len(rows) or _starts_statement(rows[i][1], g)):
                    break
            else:
                if depth > 0:
                    raise InstructionError(text.name, n, "new wording in quotes is never closed")
            out[-1].blocks.append(_unquote_block("\n".join(block), g, text, n))
            continue
        out.append(Statement(n, s))
        i += 1
    return out


def _expects_wording(s: str, g: InstructionGrammar) -> bool:
    """Is this line an instruction that new wording in quotes follows ("… изложить в следующей редакции:")?"""
    if not s.rstrip().endswith(":"):
        return False
    last = _split_joined(_clause(s, g), g)[-1]
    return any(re.match(p, last, re.I) for p, action in g.actions if action in (REPLACE, INSERT))


def _starts_statement(s: str, g: InstructionGrammar) -> bool:
    if any(s.startswith(op) for op, _ in g.quotes):
        return True
    clause = _clause(s, g)
    return any(re.match(p, clause, re.I) for p, _ in g.actions) or any(re.match(p, s, re.I) for p in g.scope) \
        or bool(g.no_change and re.search(g.no_change, s, re.I))


def _unquote_block(block: str, g: InstructionGrammar, text: AmendingText, line: int) -> str:
    """«…»; → … : the outer quotes and the final ";" or "." go."""
    body = block.strip()
    body = re.sub(r"[;.]\s*$", "", body).rstrip()
    for op, cl in g.quotes:
        if body.startswith(op) and body.endswith(cl):
            inner = body[len(op):-len(cl)]
            if op != cl and inner.count(op) > inner.count(cl):
                inner += cl * (inner.count(op) - inner.count(cl))   # "…«электронного правительства»;" merged
            return inner
    raise InstructionError(text.name, line, f"new wording does not end with a closing quote: {body[-40:]!r}")


def _clause(s: str, g: InstructionGrammar) -> str:
    m = re.match(g.instruction, s)
    body = m["body"] if m else s
    return re.sub(r"[\s:;.]+$", "", body).strip()


# ── target phrases ────────────────────────────────────────────────────────────────────────────

_NUM_TOKEN = re.compile(r"^(?P<num>\d+(?:-\d+)*)\)?[,;:]?$")
_GLUED = re.compile(r"^(?P<num>\d+(?:-\d+)*?)-(?P<word>[^\W\d_][\w-]*)$")


def mentions(phrase: str, g: InstructionGrammar) -> list[tuple[str, list[str]]]:
    """The units a phrase names, in the phrase's order, each with its numbers (ordinals as digits).

    >>> from consolidator.grammar import registry
    >>> mentions("подпункты 5), 6) и 9) пункта 2 статьи 8", registry("rus").instructions)
    [('point', ['5', '6', '9']), ('paragraph', ['2']), ('article', ['8'])]
    >>> mentions("25-баптың 2-тармағының бірінші бөлігі", registry("kaz").instructions)
    [('article', ['25']), ('paragraph', ['2']), ('part', ['1'])]
    >>> mentions("8) және 10) тармақшалар", registry("kaz").instructions)
    [('point', ['8', '10'])]
    """
    tokens = phrase.replace(",", " , ").split()
    found: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok == "," or tok.lower() in g.connectors:
            continue
        glued = _GLUED.match(tok)
        if glued and g.number_first and g.unit(glued["word"]):
            found.append((g.unit(glued["word"]), pending + [glued["num"]]))
            pending = []
            continue
        num = _NUM_TOKEN.match(tok)
        if num:
            if g.number_first:
                pending.append(num["num"])
            elif found:
                found[-1][1].append(num["num"])
            else:
                raise ValueError(f"a number before any unit word: {tok!r}")
            continue
        if tok.lower() in g.tens and i < len(tokens) and g.ordinal(tokens[i]) is not None:
            value = str(g.tens[tok.lower()] + g.ordinal(tokens[i]))
            i += 1
            (pending.append(value) if g.number_first else found[-1][1].append(value))
            continue
        unit = g.unit(tok)
        if unit is not None:
            found.append((unit, pending))
            pending = []
            continue
        ordinal = g.ordinal(tok)
        if ordinal is not None:
            if g.number_first:
                pending.append(str(ordinal))
            elif found:
                found[-1][1].append(str(ordinal))
            else:
                raise ValueError(f"an ordinal before any unit word: {tok!r}")
            continue
        takes_ordinal = (found and not found[-1][1] and found[-1][0] in TEXT_UNITS) if not g.number_first else \
            (i < len(tokens) and g.unit(tokens[i]) in TEXT_UNITS)
        raise ValueError(f"unknown ordinal {tok!r}" if takes_ordinal else f"not a unit, number or ordinal: {tok!r}")
    if pending:
        raise ValueError(f"numbers without a unit word: {' '.join(pending)}")
    return found


def paths(found: list[tuple[str, list[str]]], g: InstructionGrammar) -> list[tuple[Step, ...]]:
    """The unit paths (outermost first) a phrase's mentions name; several numbers give several paths."""
    ordered = found if g.number_first else list(reversed(found))
    result: list[tuple[Step, ...]] = [()]
    for kind, nums in ordered:
        if kind == "heading":
            result = [p + (("heading", ""),) for p in result]
            continue
        if not nums:
            raise ValueError(f"no number for the {kind}")
        result = [p + ((kind, n),) for p in result for n in nums]
    return result


def merge_path(scope: tuple[Step, ...], rel: tuple[Step, ...]) -> tuple[Step, ...]:
    """A relative path within a scope: the scope's units above the phrase's outermost one, then the phrase.

    >>> merge_path((("article", "5"), ("paragraph", "2"), ("part", "1")), (("point", "5"),))
    (('article', '5'), ('paragraph', '2'), ('part', '1'), ('point', '5'))
    >>> merge_path((("article", "5"), ("paragraph", "2"), ("part", "1")), (("part", "2"),))
    (('article', '5'), ('paragraph', '2'), ('part', '2'))
    """
    if not rel:
        return scope
    top = LEVELS[rel[0][0]]
    if rel[0][0] == "heading":
        return tuple(s for s in scope if LEVELS[s[0]] < top) + rel
    return tuple(s for s in scope if LEVELS[s[0]] < top) + rel


# ── parsing an item's instructions ────────────────────────────────────────────────────────────

def parse_item(item: Item, text: AmendingText) -> list[Instruction]:
    """Every instruction of the item, in the act's order (see the module docstring)."""
    g = grammar_for(text.lang)
    result: list[Instruction] = []
    scope: tuple[Step, ...] = ()
    label, expected = "", 1
    for st in statements(item, text):
        where = (text.name, st.line)
        m = re.match(g.instruction, st.text)
        body = st.text
        if m and m["num"] == str(expected) and not _names_units(m["body"], g, m["num"]):
            label, expected, scope, body = m["num"] + ")", expected + 1, (), m["body"]
        clause = re.sub(r"[\s:;.]+$", "", body).strip()
        if g.no_change and re.search(g.no_change, clause, re.I):
            result.append(Instruction(text.act.number, text.lang, item.num, label, NO_CHANGE, scope,
                                      f"{text.name}:{st.line}", st.text, seq=len(result)))
            continue
        new_scope = _scope(clause, g, scope, where) if not st.blocks else None
        if new_scope is not None:
            scope = new_scope
            continue
        blocks = list(st.blocks)
        here = scope
        for part in _split_joined(clause, g):
            # the second of two joined actions is about the first's provision, or one beside it
            made = _instructions(part, blocks, g, here, item, text, label, st, len(result))
            result += made
            here = made[-1].target if made and made[-1].action != INSERT else here
        if blocks:
            raise InstructionError(*where, f"{len(blocks)} new wording(s) in quotes that no instruction takes")
    return result


def _names_units(body: str, g: InstructionGrammar, num: str) -> bool:
    """Does "N) …" name subpoint N) rather than number an instruction ("5) тармақшадағы …", "8) және 10) …")?"""
    if not g.number_first:
        return False
    first = body.split()[0] if body.split() else ""
    return g.unit(first) is not None or first in g.connectors or first.startswith(",") or \
        bool(re.match(r"^\d+(?:-\d+)*\),?$", first))


def _scope(clause: str, g: InstructionGrammar, scope, where) -> tuple[Step, ...] | None:
    """The new scope a line opens ("в статье 5:", "2-тармақта:"), or None if it is not a scope line."""
    if any(re.match(p, clause, re.I) for p, _ in g.actions):
        return None
    for pattern in g.scope:
        m = re.match(pattern, clause + ":" if not g.number_first else clause, re.I)
        if not m:
            continue
        try:
            found = paths(mentions(_strip_case(m["target"], g), g), g)
        except ValueError:
            continue
        if len(found) != 1:
            raise InstructionError(*where, f"a scope must name one unit: {clause!r}")
        return merge_path(scope, found[0])
    return None


def _strip_case(phrase: str, g: InstructionGrammar) -> str:
    """Drop what the unit words carry that is not a unit ("в статье" → "статье"; Kazakh case endings stay:
    unit words are matched by their stems)."""
    return re.sub(r"^в\s+", "", phrase.strip())


def _split_joined(clause: str, g: InstructionGrammar) -> list[str]:
    """"«A» деген сөз «B» деген сөздермен ауыстырылып, 2) тармақшасы алып тасталсын" → two clauses."""
    for pattern, verb in g.joiners:
        m = re.search(pattern, clause)
        if m:
            return [clause[:m.start()] + verb] + _split_joined(clause[m.end():], g)
    return [clause]


def _words(quoted: str | None, g: InstructionGrammar) -> tuple[str, ...]:
    """«A» и «B» → ("A", "B"): quoted words, one or several, with quotes inside them restored where the
    typography merged an inner and an outer quote («по принципу «одного заявления» → по принципу «одного
    заявления»)."""
    if not quoted:
        return ()
    op, cl = g.quotes[0]
    sep = "|".join(re.escape(c) for c in (",", *g.connectors))
    parts = re.split(rf"{re.escape(cl)}\s*(?:{sep})\s*{re.escape(op)}", quoted.strip())
    result = []
    for i, p in enumerate(parts):
        if i == 0:
            p = p[len(op):] if p.startswith(op) else p
        if i == len(parts) - 1:
            p = p[:-len(cl)] if p.endswith(cl) else p
        depth = p.count(op) - p.count(cl)
        if depth > 0:
            p = p + cl * depth
        elif depth < 0:
            p = op * -depth + p
        result.append(p)
    return tuple(result)


def _instructions(clause: str, blocks: list[str], g, scope, item, text, label, st, seq) -> list[Instruction]:
    where = (text.name, st.line)
    source = f"{text.name}:{st.line}"
    for pattern, action in g.actions:
        m = re.match(pattern, clause, re.I)
        if not m:
            continue
        groups = m.groupdict()
        phrase = _strip_case(groups.get("target") or "", g)
        if g.whole_text and re.match(g.whole_text, phrase.strip(), re.I):
            if action not in WORD_ACTIONS:
                raise InstructionError(*where, f"only words can change throughout the text: {clause[:80]!r}")
            targets = [(("document", ""),)]          # "бүкіл мәтін бойынша": every provision that has the words
        else:
            try:
                targets = paths(mentions(phrase, g), g) if phrase else [()]
            except ValueError as err:
                raise InstructionError(*where, f"{err} in {phrase!r}") from None
            targets = [merge_path(scope, t) for t in targets]
        base = dict(act=text.act.number, lang=text.lang, item=item.num, num=label, action=action,
                    source=source, line_text=st.text)
        if action in WORD_ACTIONS:
            old = _words(groups.get("old"), g)
            new = _words(groups.get("words"), g)
            anchor = _words(groups.get("anchor"), g)
            if action == SUBSTITUTE and len(new) not in (1, len(old)):
                raise InstructionError(*where, f"{len(old)} words replaced by {len(new)}: {clause[:80]!r}")
            # one instruction for all the units named: "в подпунктах 11) и 12) слово … заменить"
            return [Instruction(**base, target=targets[0], more=tuple(targets[1:]), old_words=old, new_words=new,
                                anchor=anchor[0] if anchor else None, seq=seq)]
        if action == REPEAL:
            return [Instruction(**base, target=t, seq=seq + i) for i, t in enumerate(targets)]
        if action == INSERT:
            try:
                new_units = paths(mentions(_strip_case(groups["new"], g), g), g)
            except ValueError as err:
                raise InstructionError(*where, f"cannot read the units inserted, {groups['new']!r}: {err}") from None
            if not blocks:
                raise InstructionError(*where, "no new wording in quotes follows the instruction")
            if len(targets) != 1:
                raise InstructionError(*where, f"insert into one provision at a time: {clause[:80]!r}")
            inserts = tuple(s for p in new_units for s in p)
            # the new unit goes into the provision named, or beside the one the scope is at
            container = merge_path(targets[0], inserts[:1])[:-1]
            new_text = "\n".join(blocks)
            blocks.clear()
            return [Instruction(**base, target=container, inserts=inserts, new_text=new_text, seq=seq)]
        if action == REPLACE:
            if not blocks:
                raise InstructionError(*where, "no new wording in quotes follows the instruction")
            new_text = "\n".join(blocks)
            blocks.clear()
            if any(not t for t in targets):
                raise InstructionError(*where, f"the instruction names no provision: {clause!r}")
            return [Instruction(**base, target=targets[0], more=tuple(targets[1:]), new_text=new_text, seq=seq)]
    raise InstructionError(*where, f"unknown instruction form in {text.lang}: {clause[:90]!r}")


# ── entry into force ──────────────────────────────────────────────────────────────────────────

def entry_into_force(text: AmendingText, item: Item, declared: EntryIntoForce | None = None
                     ) -> dict[str, EntryIntoForce]:
    """The entry-into-force rule of each instruction of the item (by its number, "" for the whole item),
    from the act's own article on its entry into force: its general rule, and the exceptions that name
    this item ("подпунктов 7), 8) пункта 31 статьи 1, которые вводятся в действие с …").

    An [[amends]] ``entry_into_force`` in act.toml, where given, is used instead (and is the only source
    for a text whose final article is not in the corpus).
    """
    if declared is not None:
        return {"": declared}
    g = grammar_for(text.lang)
    reg = registry(text.lang)
    article = _eif_article(text, g)
    if article is None:
        raise ZanlexError(f"{text.name}: no article on the act's entry into force ({g.entry_into_force!r}) "
                          f"and no entry_into_force in its act.toml")
    n, body = article
    rule_texts = [m for pattern, _ in reg.rules for m in re.finditer(pattern, reg.normalise(body), re.I)]
    general = max(rule_texts, key=lambda m: m.start(), default=None) if g.number_first else \
        min(rule_texts, key=lambda m: m.start(), default=None)
    if general is None:
        raise InstructionError(text.name, n, "the entry-into-force article states no rule this grammar knows")
    result = {"": parse_rule(general.group(0), reg, text.name, n)}
    for clause_rule, clause in _exceptions(body, g, reg, general):
        try:
            named = mentions(_mention_text(clause, g), g)
        except ValueError:
            named = []
        mine = _instructions_named(named, item.num, g)
        if mine is None:
            continue
        if mine == "abzac":
            raise InstructionError(text.name, n, f"item {item.num} enters into force by paragraph of an "
                                   "instruction; give entry_into_force per instruction in act.toml")
        rule = parse_rule(clause_rule, reg, text.name, n)
        for num in mine:
            result[num] = rule
    return result


def _eif_article(text: AmendingText, g: InstructionGrammar) -> tuple[int, str] | None:
    lines = _visible(text.lines)
    art = re.compile(g.article_head)
    starts = [i for i, (_n, s) in enumerate(lines) if art.match(s.strip())]
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = " ".join(s.strip() for _n, s in lines[i:end])
        if re.search(g.entry_into_force, body, re.I):
            return lines[i][0], body
    return None


def _exceptions(body: str, g, reg, general) -> list[tuple[str, str]]:
    """(rule text, the clause naming what it applies to) for each exception to the general rule."""
    found = []
    for pattern, _ in reg.rules:
        for m in re.finditer(pattern, reg.normalise(body), re.I):
            if m.start() == general.start():
                continue
            found.append((m.group(0), m))
    out = []
    for rule_text, m in found:
        if g.number_first:
            # "1) 2018 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 1-баптың 6-тармағының …;"
            tail = body[m.end():]
            clause = re.split(r";\s*\d+\)\s|қоспағанда", tail, maxsplit=1)[0]
        else:
            # "…, за исключением: 1) подпункта 1) … пункта 6 статьи 1, которые вводятся в действие с …"
            head = body[:m.start()]
            clause = re.split(r";\s*\d+\)\s|исключением:?\s*(?:\d+\)\s)?|исключением\s", head)[-1]
        out.append((rule_text, clause))
    return out


def _mention_text(clause: str, g: InstructionGrammar) -> str:
    """Only the unit words and numbers of an exception clause."""
    keep = []
    for tok in clause.replace(",", " , ").split():
        if tok == "," or tok.lower() in g.connectors or _NUM_TOKEN.match(tok) or _GLUED.match(tok) \
                or g.unit(tok) or g.ordinal(tok) is not None:
            keep.append(tok)
    return " ".join(keep)


def _instructions_named(named, item: str, g) -> list[str] | str | None:
    """Which instructions of item ``item`` an exception names: ["7)", …], [""] for the whole item,
    "abzac" when it names paragraphs of an instruction, None when it does not name the item."""
    ordered = named if g.number_first else list(reversed(named))
    hit = None
    for i, (kind, nums) in enumerate(ordered):
        if kind == "paragraph" and item in nums:
            hit = i
            break
    if hit is None:
        return None
    inner = ordered[hit + 1:] if g.number_first else []
    if not g.number_first:
        inner = []
        for kind, nums in reversed(ordered[:hit]):
            if kind == "paragraph":
                break
            inner.append((kind, nums))
    if not inner:
        return [""]
    if any(kind == "abzac" for kind, _ in inner):
        return "abzac"
    return [f"{n})" for kind, nums in inner if kind == "point" for n in nums]


# ── the instructions of an act for a work ─────────────────────────────────────────────────────

def instructions_for(corpus: Corpus | Path, number: str, work_name: str, lang: str | None = None) -> list[Instruction]:
    """The instructions of amending act ``number`` addressed to ``work_name`` in ``lang`` (default: the
    act's first text), in the act's order."""
    corpus = as_corpus(corpus)
    text = amending_text(corpus, number, lang)

    def compute() -> list[Instruction]:
        item = item_for(text, corpus.work(work_name), work_name)
        return parse_item(item, text)
    return list(corpus.cached(("consolidator", "instructions", number, work_name, text.lang), compute))
