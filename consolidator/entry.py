"""When an amending act's instructions take effect: the act's own article on its entry into force.

Its general rule ("вводится в действие по истечении десяти календарных дней …", "… күн өткен соң
қолданысқа енгізіледі"), and the exceptions that name items or instructions of its Article 1 ("подпунктов
7), 8) пункта 31 статьи 1, которые вводятся в действие с …"), read with the instruction grammar's unit words.
"""

from __future__ import annotations

import re

from consolidator.amending import AmendingText, InstructionError, Item, _visible, grammar_for
from consolidator.errors import ZanlexError
from consolidator.footnotes import EntryIntoForce, parse_rule
from consolidator.grammar import registry
from consolidator.grammar.instructions import InstructionGrammar
from consolidator.instructions import _GLUED, _NUM_TOKEN, mentions


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
