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

from akn_schema.corpus import Corpus, as_corpus
from consolidator.amending import (
    AmendingText,
    InstructionError,
    Item,
    _quote_balance,
    amending_text,
    grammar_for,
    item_for,
)
from consolidator.grammar.instructions import LEVELS, InstructionGrammar

REPLACE, INSERT, REPEAL = "replace", "insert", "repeal"
SUBSTITUTE, DELETE_WORDS, INSERT_WORDS, APPEND_WORDS, NO_CHANGE = (
    "substitute", "delete_words", "insert_words", "append_words", "no_change")
WORD_ACTIONS = (SUBSTITUTE, DELETE_WORDS, INSERT_WORDS, APPEND_WORDS)
TEXT_UNITS = ("part", "abzac")          # unnumbered paragraphs of a provision's own text

Step = tuple[str, str]


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


@dataclass
class Statement:
    """A line of an item outside quotes, with the quoted new wordings that follow it."""

    line: int
    text: str
    blocks: list[str] = field(default_factory=list)


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
