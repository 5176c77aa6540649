"""An amending act's own instructions: the item addressed to a work, split and parsed (DESIGN §4).

An amending act in the corpus lives in ``corpus/amending/<number>/`` as its text (bytes unchanged)
and an ``act.toml`` naming the works it amends; ``corpus/amending-acts.toml`` links to it (``text``).
Item 8 of Article 1 of Law 484-V is addressed to Law 88-V; its four instructions::

    >>> [i.describe() for i in instructions_for(CORPUS, "484-V", "law-88-V")]    # doctest: +SKIP
    ['replace article 13 / paragraph 1, part 3', 'replace article 16 / paragraph 1',
     'insert article 19, part 2', 'insert article 19-1']

The grammar of each language is ``registry(lang).instructions``
(``consolidator.grammar.instructions.InstructionGrammar``). A line of the item that the grammar
does not understand is an ``InstructionError`` naming ``file:line``, never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from akn_schema.config import inside, read_config
from akn_schema.schemas import AMENDING_ACT
from akn_schema.text import decode_source
from akn_schema.works import load_works
from consolidator.acts import AmendingAct, load_acts
from consolidator.errors import SourceError, ZanlexError
from consolidator.footnotes import EntryIntoForce
from consolidator.grammar import registry
from consolidator.grammar.instructions import InstructionGrammar
from consolidator.works import corpus_work

REPLACE, INSERT, REPEAL, SUBSTITUTE, DELETE_WORDS = "replace", "insert", "repeal", "substitute", "delete_words"
PART = "part"


class InstructionError(SourceError):
    """A line of an amending act's item that the instruction grammar does not understand."""


@dataclass(frozen=True)
class Instruction:
    """One instruction of an amending act, as its text gives it.

    ``target`` is the provision acted on, outermost unit first (for an insertion: the new unit),
    e.g. ``(("article", "13"), ("paragraph", "1"))``; ``part`` the ordinal of the unnumbered
    paragraph ("часть третья" → 3) when the instruction addresses one; ``new_text`` the new wording
    without its outer quotes; ``old_words`` / ``new_text`` the words of a substitution.
    """

    act: str
    item: str
    num: str
    action: str
    target: tuple[tuple[str, str], ...]
    part: int | None
    new_text: str | None
    old_words: str | None
    source: str
    line_text: str

    @property
    def label(self) -> str:
        """"484-V item 8, 2)": where the instruction is in its act."""
        return f"{self.act} item {self.item}" + (f", {self.num}" if self.num else "")

    def describe(self) -> str:
        where = " / ".join(f"{kind} {num}" for kind, num in self.target) or "the act"
        return f"{self.action} {where}" + (f", part {self.part}" if self.part else "")

    def as_json(self) -> dict:
        return {"label": self.label, "action": self.action, "target": [list(t) for t in self.target],
                "part": self.part, "new_text": self.new_text, "old_words": self.old_words,
                "source": self.source, "text": self.line_text}


@dataclass(frozen=True)
class Amends:
    """One ``[[amends]]`` entry of an amending act's act.toml: the item addressed to a work."""

    work: str
    lang: str
    item: str | None
    rule: EntryIntoForce
    rule_source: str


@dataclass(frozen=True)
class AmendingText:
    """An amending act's text in the corpus and which works it amends."""

    act: AmendingAct
    lang: str
    path: Path
    name: str                       # as cited in messages: corpus-relative
    lines: tuple[str, ...]
    amends: tuple[Amends, ...]
    header_missing: bool

    def amends_work(self, work: str) -> Amends:
        found = next((a for a in self.amends if a.work == work), None)
        if found is None:
            raise ZanlexError(f"{self.name}: {self.act} has no [[amends]] entry for {work!r} in its act.toml "
                              f"(it names {', '.join(a.work for a in self.amends) or 'none'})")
        return found


@dataclass(frozen=True)
class Item:
    """An item of the amending act ("8. В Закон …:") with its lines, numbered from the file."""

    num: str
    line: int
    head: str
    lines: tuple[tuple[int, str], ...]


@lru_cache(maxsize=8)
def amending_text(corpus_dir: Path, number: str) -> AmendingText:
    """The text of amending act ``number`` as the registry links it (``text = "amending/…/act.toml"``)."""
    corpus_dir = Path(corpus_dir).resolve()
    acts = load_acts(corpus_dir)
    act = next((a for a in acts.acts if a.number == number), None)
    if act is None:
        raise ZanlexError(f"unknown amending act {number!r}: {acts.path} does not list it")
    if not act.text:
        with_text = ", ".join(a.number for a in acts.acts if a.text) or "none"
        raise ZanlexError(f"{act}: the corpus holds no text of it (acts with a text: {with_text})")
    toml_path = corpus_dir / act.text
    doc = read_config(toml_path, AMENDING_ACT)
    raw = doc.data
    if (str(raw.get("number")), raw.get("date"), raw.get("type")) != (act.number, act.date, act.type):
        raise ZanlexError(f"{toml_path}: number/date/type disagree with {acts.path} for {act}")
    if len(raw["texts"]) != 1:
        raise doc.error(("texts",), f"holds {len(raw['texts'])} texts; zanlex reads one text per amending act")
    (lang, spec), = raw["texts"].items()
    path = toml_path.parent / spec["file"]
    if not inside(path, corpus_dir):
        raise doc.error(("texts", lang, "file"), f"resolves outside the corpus: {spec['file']}")
    works = {w.name for w in load_works(corpus_dir).values()}
    for i, entry in enumerate(raw.get("amends", [])):
        if entry["work"] not in works:
            raise doc.error(("amends", i, "work"), f"names no work of the corpus: {entry['work']!r} "
                                                   f"(known: {', '.join(sorted(works))})")
    amends = []
    for entry in raw.get("amends", []):
        eif = entry["entry_into_force"]
        amends.append(Amends(entry["work"], entry.get("lang", lang), str(entry["item"]) if "item" in entry else None,
                             EntryIntoForce(kind=eif["rule"], days=eif.get("days"), on=eif.get("date"),
                                            not_before=eif.get("not_before"), text=eif.get("source", "")),
                             eif.get("source", "")))
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(path, None, f"cannot read: {err.strerror or err}") from None
    lines = tuple(decode_source(data, path).splitlines())
    return AmendingText(act, lang, path, str(path.relative_to(corpus_dir.parent)), lines, tuple(amends),
                        bool(raw.get("header_missing")))


def grammar_for(lang: str) -> InstructionGrammar:
    g = registry(lang).instructions
    if g is None:
        raise ZanlexError(f"no instruction grammar for {lang!r} yet: add one to consolidator/grammar/{lang}.py")
    return g


def _outside_quotes(lines: tuple[str, ...], g: InstructionGrammar) -> list[bool]:
    """For each line, whether it starts outside any quotation (new wording may hold "1." lines)."""
    result, depth = [], {pair: 0 for pair in g.quotes}
    for line in lines:
        result.append(all(d == 0 for d in depth.values()))
        for (op, cl) in g.quotes:
            if op == cl:
                depth[(op, cl)] = (depth[(op, cl)] + line.count(op)) % 2
            else:
                depth[(op, cl)] = max(0, depth[(op, cl)] + line.count(op) - line.count(cl))
    return result


def items(text: AmendingText) -> list[Item]:
    """The items of the act's articles ("N. В …:"), each with the lines up to the next item or article."""
    g = grammar_for(text.lang)
    head, article = re.compile(g.item_head), re.compile(g.article_head)
    found: list[Item] = []
    current: list[tuple[int, str]] | None = None
    start = None
    for n, (line, outside) in enumerate(zip(text.lines, _outside_quotes(text.lines, g), strict=True), 1):
        m = head.match(line.strip()) if outside else None
        if m or (outside and article.match(line.strip())):
            if start is not None:
                found.append(Item(start[0], start[1], start[2], tuple(current)))
            start, current = ((m["item"], n, line.strip()), []) if m else (None, None)
            continue
        if current is not None:
            current.append((n, line))
    if start is not None:
        found.append(Item(start[0], start[1], start[2], tuple(current)))
    return found


def item_for(text: AmendingText, work_name: str, corpus_dir: Path) -> Item:
    """The item addressed to the work, found by its date and title ("от 15 апреля 2013 года "О государственных
    услугах""), and checked against the item act.toml names."""
    g = grammar_for(text.lang)
    work = corpus_work(corpus_dir, work_name)
    when = g.addressee_date.format(day=work.date.day, month=g.months_genitive[work.date.month], year=work.date.year)
    title = work.titles.get(text.lang)
    titles = [f"{op}{title}{cl}" for op, cl in g.quotes] if title else []
    hits = [it for it in items(text) if when in it.head and any(t in it.head for t in titles)]
    expected = text.amends_work(work_name).item
    if len(hits) != 1:
        raise ZanlexError(f"{text.name}: {len(hits)} items are addressed to {work_name} ({when} {title!r}); "
                          f"expected one{f' (item {expected})' if expected else ''}")
    if expected and hits[0].num != expected:
        raise InstructionError(text.name, hits[0].line, f"the item addressed to {work_name} is {hits[0].num}, "
                               f"but act.toml says {expected}")
    return hits[0]


def split_instructions(item: Item, text: AmendingText) -> list[tuple[str, int, str, str | None]]:
    """An item's instructions as (num, line, instruction text, new wording or None). The new wording is
    the quoted block that follows an instruction ending in ":", its outer quotes removed."""
    g = grammar_for(text.lang)
    numbered = re.compile(g.instruction)
    raw_lines = tuple(line for _, line in item.lines)
    out: list[list] = []
    block: list[str] | None = None
    for (n, line), outside in zip(item.lines, _outside_quotes(raw_lines, g), strict=True):
        s = line.strip()
        if not s:
            continue
        opens = any(s.startswith(op) for op, _ in g.quotes)
        if outside and not opens:
            _close(out, block, text, g)
            block = None
            m = numbered.match(s)
            if m:
                out.append([m["num"] + ")", n, m["body"], None])
            elif not out:                               # an item with one unnumbered instruction
                out.append(["", n, s, None])
            else:
                raise InstructionError(text.name, n, f"not an instruction the {text.lang} grammar knows: {s[:70]!r}")
            continue
        if outside:                                     # a quoted block starts
            if not out or not out[-1][2].rstrip().endswith(":") or out[-1][3] is not None:
                raise InstructionError(text.name, n, "new wording in quotes without an instruction ending in ':'")
            _close(out, block, text, g)
            block = [s]
            out[-1][3] = block
        else:
            if block is None:
                raise InstructionError(text.name, n, f"a line inside quotes outside any new wording: {s[:70]!r}")
            block.append(s)
    _close(out, block, text, g)
    result = []
    for num, n, body, new in out:
        if body.rstrip().endswith(":") and new is None:
            raise InstructionError(text.name, n, "the instruction ends in ':' but no new wording in quotes follows")
        result.append((num, n, body, new))
    return result


def _close(out: list, block: list[str] | None, text: AmendingText, g: InstructionGrammar) -> None:
    """Turn the collected quoted lines into the new wording: the outer quotes and the final ";"/"." go."""
    if block is None:
        return
    joined = "\n".join(block)
    for op, cl in g.quotes:
        if joined.startswith(op):
            body = joined[len(op):].rstrip()
            body = body[:-1] if body.endswith((";", ".")) else body
            if not body.endswith(cl):
                raise InstructionError(text.name, out[-1][1], f"new wording does not end with {cl!r}")
            out[-1][3] = body[: -len(cl)]
            return


def parse_instruction(num: str, line: int, body: str, new_text: str | None, item: Item,
                      text: AmendingText) -> Instruction:
    """One instruction → an ``Instruction``; an unknown form is an ``InstructionError`` at file:line.

    >>> from types import SimpleNamespace as NS
    >>> t = NS(lang="rus", name="484-V/rus.txt", act=NS(number="484-V"))
    >>> i = parse_instruction("1)", 52, "часть третью пункта 1 статьи 13 изложить в следующей редакции:",
    ...                       "Стандарт …", NS(num="8"), t)
    >>> i.action, i.target, i.part
    ('replace', (('article', '13'), ('paragraph', '1')), 3)
    """
    g = grammar_for(text.lang)
    where = (text.name, line)
    clause = body.strip().rstrip(":;.").strip()
    for pattern, action in g.actions:
        m = re.match(pattern, clause, re.IGNORECASE)
        if not m:
            continue
        groups = m.groupdict()
        path = _path(groups.get("target") or "", g, where)
        old = groups.get("old")
        if action == INSERT:
            new_unit = _path(groups["new"], g, where)
            if len(new_unit) != 1:
                raise InstructionError(*where, f"insert one unit at a time: {groups['new']!r}")
            path = path + new_unit
        part = None
        if path and path[-1][0] == PART:
            part = int(path[-1][1])
            path = path[:-1]
        if any(kind == PART for kind, _ in path):
            raise InstructionError(*where, f"a part can only be the innermost unit: {clause!r}")
        if action in (SUBSTITUTE, DELETE_WORDS):
            new_text = _unquote(groups["words"], g) if action == SUBSTITUTE else ""
            old = _unquote(old, g)
        elif action in (REPLACE, INSERT) and new_text is None:
            raise InstructionError(*where, "no new wording follows the instruction")
        if not path and action != INSERT:
            raise InstructionError(*where, f"the instruction names no provision: {clause!r}")
        return Instruction(text.act.number, item.num, num, action, path, part, new_text, old,
                           f"{text.name}:{line}", body.strip())
    raise InstructionError(*where, f"unknown instruction form in {text.lang}: {clause[:80]!r}")


def _unquote(quoted: str, g: InstructionGrammar) -> str:
    for op, cl in g.quotes:
        if quoted.startswith(op) and quoted.endswith(cl):
            return quoted[len(op):-len(cl)]
    return quoted


def _path(phrase: str, g: InstructionGrammar, where: tuple[str, int]) -> tuple[tuple[str, str], ...]:
    """"часть третью пункта 1 статьи 13" → (("article", "13"), ("paragraph", "1"), ("part", "3")):
    the phrase names the innermost unit first."""
    phrase = phrase.strip()
    if not phrase:
        return ()
    steps, pos = [], 0
    for m in re.finditer(g.target_unit, phrase, re.IGNORECASE):
        if phrase[pos:m.start()].strip():
            break
        kind = g.unit(m["unit"])
        if kind is None:
            raise InstructionError(*where, f"unknown unit word {m['unit']!r} in {phrase!r}")
        token = m["num"]
        if kind == PART or not token[0].isdigit():
            number = g.ordinal(token)
            if number is None:
                raise InstructionError(*where, f"unknown ordinal {token!r} in {phrase!r}")
            token = str(number)
        steps.append((kind, token.rstrip(")")))
        pos = m.end()
    if not steps or phrase[pos:].strip():
        raise InstructionError(*where, f"cannot read the provision named by {phrase!r}")
    return tuple(reversed(steps))


@lru_cache(maxsize=16)
def _instructions_for(corpus_dir: Path, number: str, work_name: str) -> tuple[Instruction, ...]:
    text = amending_text(corpus_dir, number)
    item = item_for(text, work_name, corpus_dir)
    return tuple(parse_instruction(num, line, body, new, item, text)
                 for num, line, body, new in split_instructions(item, text))


def instructions_for(corpus_dir: Path, number: str, work_name: str) -> list[Instruction]:
    """The instructions of amending act ``number`` addressed to ``work_name``, in the act's order."""
    return list(_instructions_for(Path(corpus_dir).resolve(), number, work_name))
