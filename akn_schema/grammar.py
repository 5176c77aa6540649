"""The line grammar: cleaned lines → an ``Act`` tree.

One pass over the lines, with a stack of open provisions. The document moves through phases:
head (title, identification line) → preamble → body → conclusions (signatures) → attachments.
Every rule that depends on the language comes from ``languages.Grammar``; what is here is the
shape shared by Kazakhstan's laws, resolutions and orders.

    >>> act = parse_lines("Закон\\n\\nСтатья 1. Понятия\\n\\n1) первое;\\n\\n2) исключен Законом РК.\\n",
    ...                   lang="rus", doctype="law", path="x.txt")
    >>> [(p.eid, p.num, p.status) for p in act.walk()]
    [('art_1', '1', 'in_force'), ('art_1__point_1', '1)', 'in_force'), ('art_1__point_2', '2)', 'removed')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from .errors import ParseError
from .languages import Grammar, grammar_for
from .mirror import mirror_lines, source_format
from .model import REMOVED, Act, Attachment, Note, Provision, SkippedLine, Warning_
from .text import Line, source_lines

LEVEL = {"chapter": 1, "subchapter": 2, "article": 3, "paragraph": 4, "point": 5}
PREFIX = {"chapter": "chp", "subchapter": "subchp", "article": "art", "paragraph": "para", "point": "point",
          "hcontainer": "hcontainer"}

_DASH = r"(?:[-–—]\s+)?"
POINT_RANGE = re.compile(rf"^{_DASH}(?P<num>(?P<a>\d+)\)\s*[-–—]\s*(?P<b>\d+)\))\s*(?P<rest>.*)$", re.S)
POINT = re.compile(rf"^{_DASH}(?P<num>(?P<n>\d+(?:-\d+)*)\))\s*(?P<rest>.*)$", re.S)
# A Cyrillic "б)" typed where "6)" is meant; accepted only right after point 5).
POINT_B6 = re.compile(rf"^{_DASH}(?P<num>б\))\s+(?P<rest>.*)$", re.S)
PARAGRAPH = re.compile(rf"^{_DASH}(?P<num>(?P<n>\d+(?:-\d+)*)\.)\s+(?P<rest>\S.*)$", re.S)
NUM_RE = re.compile(r"\d+(?:-\d+)*")
IDENTIFICATION = re.compile(r"№\s*\S+.*\b(1[89]|20)\d\d\b|\b(1[89]|20)\d\d\b.*№\s*\S+")
_WORD_CHAR = re.compile(r"\w")
SENTENCE_END = re.compile(r"[.;:!?…]\W*$")
STARTS_LOWER = re.compile(r"^[\W\d_]*[a-zа-яёәіңғүұқөһ]|^[,;:)\]»]")


@dataclass(slots=True)
class Token:
    """A classified line."""

    kind: str            # noise footnote chapter subchapter article paragraph point point6 text table
    line: Line
    num: str | None = None
    number: str | None = None
    label: str | None = None
    heading: str | None = None
    rest: str = ""
    covers: list[str] = field(default_factory=list)
    rule: str = ""

    @property
    def flat(self) -> str:
        return self.line.text.replace("\n", " ")


def classify(line: Line, g: Grammar) -> Token:
    """What one line is, by the grammar of its language.

    >>> from .text import Line
    >>> classify(Line(1, "30.12.2021 № 96-VII (вводится …).", 0, True), grammar_for("rus")).kind
    'text'
    >>> classify(Line(1, "- 3) - 9) исключены Законом РК", 0, True), grammar_for("rus")).covers
    ['3', '4', '5', '6', '7', '8', '9']
    """
    text = line.text.replace("\n", " ") if "\n" in line.text else line.text
    noise = _noise(g.lang).match(line.raw or text)
    if noise:
        return Token("noise", line, rule=g.noise[int(noise.lastgroup[1:])][0])
    if line.cells:
        return Token("table", line, rest=line.text)
    if g.footnote.match(text):
        return Token("footnote", line, rest=line.text)
    if _units(g.lang).match(text):      # one test for the three (most lines are none of them)
        for kind in ("chapter", "subchapter", "article"):
            m = getattr(g, kind).match(text)
            if m:
                num = m.group("num") or m.groupdict().get("num2")
                return Token(kind, line, num=num, number=num, label=m.group("label"),
                             heading=m.group("heading") or None)
    if not text[:1].isdigit() and text[:1] not in "-–—бБ":
        return Token("text", line, rest=line.text)
    if m := POINT_RANGE.match(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b:
            return Token("point", line, num=m.group("num"), number=f"{a}to{b}", rest=m.group("rest"),
                         covers=[str(i) for i in range(a, b + 1)])
    if m := POINT.match(text):
        return Token("point", line, num=m.group("num"), number=m.group("n"), rest=m.group("rest"))
    if m := POINT_B6.match(text):
        return Token("point6", line, num=m.group("num"), number="6", rest=m.group("rest"))
    if m := PARAGRAPH.match(text):
        return Token("paragraph", line, num=m.group("num"), number=m.group("n"), rest=m.group("rest"))
    return Token("text", line, rest=line.text)


def ends_sentence(text: str) -> bool:
    """Does the text end with a sentence's punctuation (then only non-word characters)?

    >>> ends_sentence("1) первое;"), ends_sentence("пункт 1) «текст».»"), ends_sentence("Глава 1")
    (True, True, False)
    """
    tail = text[-24:]       # the search runs on the tail unless the tail has no word at all
    return bool(SENTENCE_END.search(tail if len(text) <= 24 or _WORD_CHAR.search(tail) else text))


def note_complete(text: str) -> bool:
    """A footnote is complete when its brackets balance and it ends with a full stop."""
    return text.count("(") <= text.count(")") and text.rstrip().endswith(".")


class _Open:
    """The last paragraph written, which a continuation line may extend."""

    def __init__(self, kind: str, holder: list | Provision | Note, index: int = -1):
        self.kind, self.holder, self.index = kind, holder, index

    @property
    def value(self) -> str:
        if self.kind == "heading":
            return self.holder.heading or ""
        if self.kind == "note":
            return self.holder.text
        return self.holder[self.index]

    def extend(self, text: str) -> None:
        joined = lambda a: f"{a} {text}" if a else text  # noqa: E731
        if self.kind == "heading":
            self.holder.heading = joined(self.holder.heading)
        elif self.kind == "note":
            self.holder.text = joined(self.holder.text)
        else:
            self.holder[self.index] = joined(self.holder[self.index])


class _Builder:
    def __init__(self, lines: list[Line], g: Grammar, act: Act, strict: bool):
        self.g, self.act, self.strict = g, act, strict
        self.lines = lines
        self.phase = "head"
        self.stack: list[Provision] = []
        self.roots: list[Provision] = act.body
        self.prefix = ""
        self.attachment: Attachment | None = None
        self.open: _Open | None = None
        self.eids: set[str] = set()
        self.head_lines: set[str] = set()
        self.last_kind = ""
        self.index = 0
        self.rules_notes: list[Note] = []      # notes about the Rules, before the Rules begin
        self.tokens = [classify(line, g) for line in lines]
        indents = Counter(t.line.indent for t in self.tokens if t.kind in ("text", "point", "paragraph"))
        self.body_indent = indents.most_common(1)[0][0] if indents else 0

    # ── helpers ────────────────────────────────────────────────────────────────────────
    def warn(self, line: Line, message: str) -> None:
        if self.strict:
            raise ParseError(self.act.path, line.no, message)
        self.act.warnings.append(Warning_(self.act.path, line.no, message))

    def unique(self, eid: str) -> str:
        candidate, n = eid, 1
        while candidate in self.eids:
            n += 1
            candidate = f"{eid}_{n}"
        self.eids.add(candidate)
        return candidate

    def write(self, holder: list[str], text: str, kind: str = "text") -> None:
        holder.append(text)
        self.open = _Open(kind, holder, len(holder) - 1)

    # ── the main loop ──────────────────────────────────────────────────────────────────
    def run(self) -> Act:
        for index, tok in enumerate(self.tokens):
            self.index = index
            self.step(tok)
            self.last_kind = tok.kind if tok.kind != "noise" else f"noise:{tok.rule}"
        for note in self.rules_notes:     # notes about Rules that never came
            self.warn(Line(note.line, note.text, 0, True), "footnote names the Rules, but no Rules follow; "
                                                           "attached to the document")
        return self.act

    def next_structural(self) -> Token | None:
        """The next token after the current one that is not noise or a footnote."""
        return next((t for t in self.tokens[self.index + 1:] if t.kind not in ("noise", "footnote")), None)

    def step(self, tok: Token) -> None:
        if tok.kind == "text" and self.last_kind == "noise:copyright" and not tok.line.blank_before:
            tok.kind, tok.rule = "noise", "copyright"     # the copyright line wraps
        if tok.kind == "noise":
            self.act.skipped += [SkippedLine(n, tok.line.text, tok.rule) for n in tok.line.numbers]
            self.open = None
            return
        if tok.kind == "text" and self.last_kind == "noise:site-menu" and re.fullmatch(r"-\s*\w+", tok.flat):
            self.act.skipped += [SkippedLine(n, tok.line.text, "site-menu") for n in tok.line.numbers]
            tok.kind = "noise"   # "- Прочее": the menu's last, link-less item
            return
        if self.continues(tok) and not self.starts_stamp(tok):
            self.open.extend(tok.line.text)
            if self.open.kind == "note":
                self.act.note_lines.update(tok.line.numbers)
            return
        if tok.kind == "footnote":
            self.footnote(tok)
            return
        getattr(self, f"in_{self.phase}")(tok)

    def starts_stamp(self, tok: Token) -> bool:
        """An approval stamp after an order's body or signature ("Утверждены …", "… бұйрығымен")."""
        return (tok.kind == "text" and self.act.doctype != "law" and self.phase in ("body", "conclusions")
                and bool(self.g.approval.search(tok.flat)
                         or (self.phase == "conclusions" and self.g.stamp_lead.search(tok.flat))))

    def continues(self, tok: Token) -> bool:
        """Is this line the rest of the paragraph before it (a wrapped line or heading)?"""
        if self.open is None or tok.kind not in ("text",):
            return False
        prev = self.open.value
        if self.open.kind == "note":
            return not note_complete(prev)
        if self.open.kind == "heading":
            prov: Provision = self.open.holder
            if ends_sentence(prev) or prov.text or prov.children or prov.notes:
                return False
            if prov.kind in ("chapter", "subchapter"):
                return True        # chapters and § hold no text of their own: a wrapped heading
            return bool(STARTS_LOWER.match(tok.flat)) or (
                not tok.line.blank_before and tok.line.indent != self.body_indent)
        if self.open.kind == "title":
            return False
        if ends_sentence(prev):
            return False
        return bool(STARTS_LOWER.match(tok.flat)) or not tok.line.blank_before

    # ── phases ─────────────────────────────────────────────────────────────────────────
    def in_head(self, tok: Token) -> None:
        text = tok.flat
        if tok.kind == "text" and text in self.head_lines:
            self.act.skipped += [SkippedLine(n, tok.line.text, "repeated-title") for n in tok.line.numbers]
            return
        if tok.kind == "text" and self.g.editorial.match(text):
            self.head_lines.add(text)
            self.write(self.act.preface, tok.line.text, "title")
            return
        if tok.kind == "text" and not self.act.title and not ends_sentence(text) and not self.g.enacting.search(text):
            self.act.title = tok.line.text
            self.act.preface_lead = len(self.act.preface)     # lines printed before it stay before it
            self.head_lines.add(text)
            self.open = None
            return
        if tok.kind == "text" and IDENTIFICATION.search(text) and not self.act.preamble:
            self.write(self.act.preface, tok.line.text, "title")
            self.head_lines.add(text)
            return
        self.phase = "preamble"
        self.in_preamble(tok)

    def in_preamble(self, tok: Token) -> None:
        if tok.kind == "text":
            self.write(self.act.preamble, tok.line.text)
            if self.g.enacting.search(tok.flat):
                self.phase = "body"
                self.open = None
            return
        self.phase = "body"
        self.in_body(tok)

    def in_body(self, tok: Token) -> None:
        if tok.kind in ("text", "table") and self.act.doctype != "law" and self.g.approval.search(tok.flat):
            self.start_attachment(tok)
            return
        if tok.kind == "table" or (tok.kind == "text" and self.g.signature.match(tok.flat) and len(tok.flat) < 160):
            self.phase = "conclusions"
            self.in_conclusions(tok)
            return
        self.structure(tok)

    def in_conclusions(self, tok: Token) -> None:
        text = tok.flat
        if self.starts_stamp(tok) and (self.g.stamp_lead.search(text) or not self.g.approval.match(text)):
            head = self.stamp_head()      # "Қазақстан Республикасы … министрінің" / "№ 13/139 бұйрығымен" / "бекітілген"
            self.start_attachment(tok)
            stamp = self.attachment.stamp
            stamp[:0] = head
            self.open = _Open("text", stamp, len(stamp) - 1)
            return
        if self.act.doctype != "law" and (self.g.approval.search(text) or (
                tok.kind == "text" and self.g.attachment_title.search(text) and not ends_sentence(text))):
            self.start_attachment(tok)
            return
        if tok.kind in ("chapter", "subchapter", "article", "paragraph") and self.act.doctype != "law":
            self.warn(tok.line, "structure after the signatures without an approval stamp or title; "
                                "read as an untitled attachment")
            self.start_attachment(None)
            self.in_attachment(tok)
            return
        self.write(self.act.conclusions, tok.line.text)

    def stamp_head(self) -> list[str]:
        """The lines of a stamp whose keyword comes last, written so far after the signatory's name:
        taken out of the conclusions."""
        names = [i for i, c in enumerate(self.act.conclusions) if self.g.signatory.search(c)]
        if not names:
            return []
        head = self.act.conclusions[names[-1] + 1:]
        del self.act.conclusions[names[-1] + 1:]
        return head

    def start_attachment(self, tok: Token | None) -> None:
        n = len(self.act.attachments) + 1
        att = Attachment(eid=self.unique(f"att_{n}"), name="rules", line=tok.line.no if tok else 0)
        self.act.attachments.append(att)
        self.attachment, self.roots, self.prefix, self.stack = att, att.body, f"{att.eid}__", []
        self.phase = "attachment"
        self.open = None
        for note in self.rules_notes:
            note.target = att.eid
        self.rules_notes = []
        if tok is not None:
            self.attachment_head(tok)

    def attachment_head(self, tok: Token) -> None:
        att = self.attachment
        text = tok.flat
        stamp_open = att.title is None and not att.preamble     # lines stay in order: no stamp after the preamble
        if stamp_open and (tok.kind == "table" or self.g.approval.search(text) or self.g.stamp_lead.search(text)
                           or self.stamp_continues(tok)):
            self.write(att.stamp, tok.line.text)
        elif att.title is None and not att.preamble and not ends_sentence(text):
            att.title = tok.line.text
            self.open = None
        else:
            self.write(att.preamble, tok.line.text)

    def stamp_continues(self, tok: Token) -> bool:
        """Is this line more of an unfinished stamp ("… от марта 2021 года" then "№")?"""
        stamp = self.attachment.stamp
        return (bool(stamp) and tok.kind == "text" and len(stamp) < 6 and len(tok.flat) < 100
                and not self.g.stamp_end.search(" ".join(stamp)) and not self.g.attachment_title.search(tok.flat)
                and self.attachment.title is None)

    def in_attachment(self, tok: Token) -> None:
        att = self.attachment
        if not att.body and not self.stack and tok.kind in ("text", "table"):
            self.attachment_head(tok)
            return
        if tok.kind in ("text", "table") and self.g.approval.match(tok.flat) and not self.stack:
            self.start_attachment(tok)
            return
        self.structure(tok)

    # ── provisions ─────────────────────────────────────────────────────────────────────
    def structure(self, tok: Token) -> None:
        kind = tok.kind
        if kind == "point6":    # "б)" is point 6) only right after point 5)
            top = self.stack[-1] if self.stack else None
            kind = "point" if top is not None and top.kind == "point" and top.number == "5" else "text"
        if kind == "paragraph" and self.g.heading_line.match(tok.flat):
            kind = self.numbered_heading(tok) or kind
        if kind in LEVEL:
            self.provision(tok, kind)
        else:
            self.body_text(tok)

    def numbered_heading(self, tok: Token) -> str | None:
        """A numbered line that reads as a heading may be a section of Rules ("1. Общие положения")
        or an article whose keyword was not printed ("27-1. Уәкілетті органның құзыреті")."""
        m = self.g.heading_line.match(tok.flat)
        if self.phase == "attachment" and self.rules_section(tok.number):
            tok.heading = m.group("heading")
            return "chapter"
        article = next((p for p in reversed(self.stack) if p.kind == "article"), None)
        if tok.line.level >= 3 or (article is not None and _follows(article.number, tok.number)
                                   and not _next_in(article, tok.number)):
            self.warn(tok.line, f"article heading without its keyword: {tok.num} {m.group('heading')[:40]} "
                                f"read as an article")
            tok.heading, tok.label, tok.num = m.group("heading"), tok.num, tok.number
            return "article"
        return None

    def rules_section(self, number: str) -> bool:
        """Sections of Rules are numbered 1, 2, 3 …, and the points after each heading either start
        again at 1 or go on from the points before it."""
        sections = sum(1 for p in self.roots if p.kind == "chapter")
        nxt = self.next_structural()
        if number != str(sections + 1) or nxt is None or nxt.kind != "paragraph":
            return False
        last = next((p.number for p in reversed(list(self.attachment.walk())) if p.kind == "paragraph"), "0")
        return nxt.number == "1" or (last.isdigit() and nxt.number == str(int(last) + 1))

    def provision(self, tok: Token, kind: str) -> None:
        level = LEVEL[kind]
        while self.stack and LEVEL.get(self.stack[-1].kind, 9) >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        siblings = parent.children if parent else self.roots
        if parent is not None and parent.wrap_up and parent.children:
            if parent.wrap_up[-1].rstrip().endswith(":") and parent.children[-1].kind == kind:
                # "Услугодатели не вправе требовать …:" opens a second list: its own block, not the last point's
                n = sum(c.kind == "hcontainer" for c in parent.children) + 1
                parent.children.append(Provision("hcontainer", self.unique(f"{parent.eid}__hcontainer_{n}"),
                                                 text=list(parent.wrap_up), line=tok.line.no, name="list_intro"))
            else:
                _absorb(parent.children[-1], parent.wrap_up)
            parent.wrap_up = []
        base = f"{parent.eid}__" if parent else self.prefix
        prov = Provision(kind, self.unique(f"{base}{PREFIX[kind]}_{tok.number}"), num=tok.num,
                         number=tok.number, label=tok.label, heading=tok.heading, line=tok.line.no,
                         covers=tok.covers)
        siblings.append(prov)
        self.stack.append(prov)
        if kind in ("chapter", "subchapter", "article"):
            self.open = _Open("heading", prov)
            if prov.heading and self.g.repeal.match(prov.heading):
                prov.status = REMOVED
        else:
            if tok.rest:
                self.write(prov.text, tok.rest)
            else:
                self.open = None
            if self.g.repeal.match(tok.rest.lstrip(") ")):     # "13) ) алып тасталды": a stray ")"
                prov.status = REMOVED

    def body_text(self, tok: Token) -> None:
        text = tok.line.text
        while self.stack and self.stack[-1].kind == "point" and ends_sentence(_last_text(self.stack[-1])) \
                and not STARTS_LOWER.match(tok.flat):
            self.stack.pop()     # "…; 9) последний." then a new sentence: the list is over
        if not self.stack:
            if self.phase == "attachment" and not self.attachment.body:
                self.write(self.attachment.preamble, text)
                return
            self.warn(tok.line, "text outside any provision; kept as an unnumbered block")
            prov = Provision("hcontainer", self.unique(f"{self.prefix}hcontainer_{len(self.roots) + 1}"),
                             line=tok.line.no)
            self.roots.append(prov)
            self.write(prov.text, text)
            return
        top = self.stack[-1]
        self.write(top.wrap_up if top.children else top.text, text)

    # ── notes ──────────────────────────────────────────────────────────────────────────
    def footnote(self, tok: Token) -> None:
        # "Сноска. Вводится в действие с …" is about the document as a whole
        target = None if self.g.document_note.match(tok.flat) else self.note_target(tok)
        deferred = target is _LATER
        target = None if deferred else target
        note = Note(eid=f"note_{len(self.act.notes) + 1}", text=tok.line.text, line=tok.line.no,
                    target=target.eid if target else "")
        self.eids.add(note.eid)
        self.act.notes.append(note)
        if deferred:
            self.rules_notes.append(note)
        self.act.note_lines.update(tok.line.numbers)
        if isinstance(target, Provision):
            target.notes.append(note)
            if self.g.repealed_by_note.match(tok.flat):
                target.status = REMOVED
        self.open = _Open("note", note)

    def rules_title(self, tok: Token) -> bool:
        """A note about the Rules right after a line that reads as their title ("Правила …"), with no
        stamp before it: that line begins the Rules."""
        if self.open is None or self.open.kind != "text" or self.phase not in ("body", "conclusions"):
            return False
        title = self.open.value
        if ends_sentence(title) or not self.g.attachment_title.search(title):
            return False
        del self.open.holder[self.open.index]
        self.start_attachment(None)
        self.attachment.title, self.attachment.line = title, tok.line.no
        return True

    def note_target(self, tok: Token) -> Provision | Attachment | None:
        """The open provision the note names ("Статья 7 …" → art 7), innermost first."""
        mentions = []
        for m in _mentions(self.g.lang).finditer(tok.flat):
            found = m.groupdict()
            kind = _unit_of(self.g.lang, (found.get("word") or found.get("word2") or "").lower())
            if kind:
                mentions.append((kind, found.get("num")))
        for prov in reversed(self.stack):
            if any(k == prov.kind and (n == prov.number or n in prov.covers) for k, n in mentions):
                return prov
        if any(k == "attachment" for k, _ in mentions) and self.act.doctype != "law":
            if self.attachment is not None:
                return self.attachment
            if self.rules_title(tok):
                return self.attachment
            return _LATER          # "Сноска. Правила в редакции …" before the Rules: theirs once they begin
        fallback = next((p for p in reversed(self.stack) if p.kind != "point"), None)
        if fallback is None and self.attachment is not None:
            return self.attachment
        self.warn(tok.line, f"footnote does not name an open provision; attached to "
                            f"{fallback.eid if fallback else 'the document'}")
        return fallback


@functools.cache
def _noise(lang: str) -> re.Pattern[str]:
    """The language's non-text rules as one pattern, to be matched at the start of a line (a rule
    not anchored there may match further on); the group ``r<i>`` that matched names rule i."""
    rules = grammar_for(lang).noise
    alternatives = (p.pattern[1:] if p.pattern.startswith("^") else f"(?s:.*?){p.pattern}" for _, p in rules)
    return re.compile("|".join(f"(?P<r{i}>{alt})" for i, alt in enumerate(alternatives)))


@functools.cache
def _units(lang: str) -> re.Pattern[str]:
    """The chapter, subchapter and article patterns of a language as one pattern (a pre-test)."""
    g = grammar_for(lang)
    patterns = [g.chapter, g.subchapter, g.article]
    unnamed = (re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in patterns)
    return re.compile("|".join(f"(?:{p})" for p in unnamed), patterns[0].flags)


@functools.cache
def _longest_first(lang: str) -> list[tuple[str, str]]:
    """The language's unit words, longest stem first ("подпункт" before "пункт")."""
    return sorted(grammar_for(lang).unit_words.items(), key=lambda s: -len(s[0]))


@functools.lru_cache(maxsize=4096)
def _unit_of(lang: str, word: str) -> str | None:
    """The unit a lower-case word of a note names, by its stem: "подпунктом" → point.

    >>> _unit_of("rus", "подпунктом"), _unit_of("rus", "пункта"), _unit_of("rus", "закона")
    ('point', 'paragraph', None)
    """
    return next((k for stem, k in _longest_first(lang) if word.startswith(stem)), None)


@functools.cache
def _mentions(lang: str) -> re.Pattern[str]:
    """The language's ``note_mention`` behind a look-ahead for the characters a mention begins with:
    the same matches, without trying every alternative at every position of a long note.

    >>> [m.group("num") for m in _mentions("rus").finditer("Сноска. Статья 7 с изменениями; пункт 2 исключен")]
    ['7', '2']
    """
    g = grammar_for(lang)
    return re.compile(f"(?={g.mention_start})(?:{g.note_mention.pattern})", g.note_mention.flags)


_LATER = Attachment(eid="", name="")     # a note whose target comes later (the Rules it names)


def _parts(number: str | None) -> tuple[int, ...]:
    return tuple(int(n) for n in number.split("-")) if number and re.fullmatch(NUM_RE, number) else ()


def _follows(article: str | None, number: str | None) -> bool:
    """Could ``number`` be the article after ``article``: "27-1" after "27", "28" after "27-4"?"""
    a, n = _parts(article), _parts(number)
    return bool(a and n) and n > a and n[0] in (a[0], a[0] + 1)


def _next_in(article: Provision, number: str | None) -> bool:
    """Is ``number`` simply the article's next paragraph ("28." after its 27th paragraph)?"""
    last = next((c.number for c in reversed(article.children) if c.kind == "paragraph"), None)
    return _parts(last) != () and _parts(number) == (_parts(last)[0] + 1,)


def _last_text(prov: Provision) -> str:
    return (prov.text or [""])[-1]


def _absorb(child: Provision, lines: list[str]) -> None:
    """Text that turned out to sit between two children belongs to the earlier child."""
    if child.children:
        child.wrap_up.extend(lines)
    else:
        child.text.extend(lines)


def parse_lines(text: str, *, lang: str, doctype: str, path: str, work: str = "",
                strict: bool = False, fmt: str | None = None) -> Act:
    """Parse the text of one act in one language into an ``Act``.

    ``fmt`` is ``text`` (a plain-text dump) or ``mirror-md`` (the mirror's markdown); by
    default it follows the suffix of ``path``.
    """
    grammar = grammar_for(lang)
    act = Act(work=work, lang=lang, doctype=doctype, path=str(path))
    if (fmt or source_format(path)) == "mirror-md":
        lines, act.skipped = mirror_lines(text)
    else:
        lines = source_lines(text)
    return _Builder(lines, grammar, act, strict).run()
