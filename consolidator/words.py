"""Changing words in a wording as an amending act says: replace, delete, add after other words, append.

Words are matched as an act quotes them: whole words, any run of spaces, any quote mark; a heading in capitals
gets the new words in capitals, a capitalised occurrence at the start of a sentence keeps its capital.

    >>> replace_words("проект стандарта и стандарт", "стандарт", "акт")
    ('проект стандарта и акт', True)
"""

from __future__ import annotations

import re

from consolidator.instructions import APPEND_WORDS, DELETE_WORDS, INSERT_WORDS, SUBSTITUTE, Instruction

_QUOTE_CLASS = "[«»\"“”„]"


def words_pattern(words: str) -> str:
    """A regex for words as an act quotes them: any run of spaces, any quote mark, whole words only.

    >>> bool(re.search(words_pattern("стандарт"), "проект стандарта услуги"))
    False
    >>> re.search(words_pattern("пяти рабочих  дней"), "в течение пяти рабочих дней").group()
    'пяти рабочих дней'
    """
    parts = []
    for tok in words.split():
        parts.append("".join(_QUOTE_CLASS if c in "«»\"“”„" else re.escape(c) for c in tok))
    body = r"\s+".join(parts)
    head = r"(?<!\w)" if words[:1].isalnum() else ""
    tail = r"(?!\w)" if words[-1:].isalnum() else ""
    return head + body + tail


def replace_words(text: str, old: str, new: str) -> tuple[str, bool]:
    """Every occurrence of ``old`` replaced by ``new``; a heading printed in capitals gets ``new`` in capitals."""
    pattern = words_pattern(old)

    def spaced(m: re.Match, words: str) -> str:
        # ", осуществляемых …" → "или …": a word that follows a word gets its space
        before = text[m.start() - 1:m.start()]
        return (" " + words) if words[:1].isalnum() and before.isalnum() else words
    if re.search(pattern, text):
        return re.sub(pattern, lambda m: spaced(m, new), text), True
    found = re.search(pattern, text, re.IGNORECASE)
    if found and found.group().isupper():
        return re.sub(pattern, lambda m: new.upper(), text, flags=re.IGNORECASE), True
    if found and found.group()[:1].isupper() and found.group()[1:] == old[1:]:
        # the words at the start of a sentence: "Ақпараттандыру саласындағы …" → "Цифрлық даму саласындағы …"
        return re.sub(pattern, lambda m: spaced(m, new[:1].upper() + new[1:]) if m.group()[:1].isupper()
                      else spaced(m, new), text, flags=re.IGNORECASE), True
    return text, False


def change_words(ins: Instruction, text: str, some: bool = False) -> tuple[str, str | None]:
    """The text with the instruction's words changed, or the words that are not there. With ``some``
    (an instruction naming several provisions: "11) және 12) тармақшалардағы «A» және «B» деген сөздер
    тиісінше …"), each provision needs only some of the words."""
    if ins.action in (SUBSTITUTE, DELETE_WORDS):
        new = ins.new_words if ins.action == SUBSTITUTE else ("",) * len(ins.old_words)
        found = 0
        for k, old in enumerate(ins.old_words):
            repl = new[k] if len(new) == len(ins.old_words) else new[0]
            text, ok = replace_words(text, old, repl)
            found += ok
            if not ok and not some:
                return text, old
        if not found:
            return text, " / ".join(ins.old_words)
        return tidy(text), None
    if ins.action == INSERT_WORDS:
        m = re.search(words_pattern(ins.anchor), text)
        if not m:
            return text, ins.anchor
        words = ins.new_words[0]
        sep = "" if words.startswith((",", ";", ".")) else " "
        return text[:m.end()] + sep + words + text[m.end():], None
    if ins.action == APPEND_WORDS:
        words = ins.new_words[0]
        body = text.rstrip()
        end = len(body)
        while end and body[end - 1] in ".;:":
            end -= 1
        sep = "" if words.startswith((",", ";", ".")) else " "
        return body[:end] + sep + words + body[end:], None
    return text, None


def tidy(text: str) -> str:
    """Spaces left by deleted words: doubled spaces and a space before a comma go."""
    return re.sub(r" +([,;.])", r"\1", re.sub(r"  +", " ", text))
