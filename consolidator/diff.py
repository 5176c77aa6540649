"""Word-level diffs with diff-match-patch: words are mapped to single characters, diffed, mapped back.

    >>> word_diff("услугодатель отказывает в приеме", "услугодатель отказывается в приеме")
    [(0, 'услугодатель '), (-1, 'отказывает'), (1, 'отказывается'), (0, ' в приеме')]
    >>> diff_html([(0, 'a '), (-1, '<b>'), (1, 'c')])
    'a <del class="zl-del">&lt;b&gt;</del><ins class="zl-ins">c</ins>'
"""

from __future__ import annotations

import re
from html import escape

from diff_match_patch import diff_match_patch

# A token is a word (with inner hyphens, so "9-1" stays whole), a run of spaces, or one sign.
TOKEN = re.compile(r"\w+(?:[-–]\w+)*|\s+|[^\w\s]", re.UNICODE)

DELETE, EQUAL, INSERT = -1, 0, 1
CSS_CLASS = {DELETE: "zl-del", INSERT: "zl-ins"}


def tokens(text: str) -> list[str]:
    """Split into words, spaces and signs.

    >>> tokens("статьи 9-1, пункт")
    ['статьи', ' ', '9-1', ',', ' ', 'пункт']
    """
    return TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """The word-level difference of two texts as diff-match-patch operations (op, text)."""
    dmp = diff_match_patch()
    table: list[str] = [""]          # index 0 unused, as in diff_linesToChars
    index: dict[str, int] = {}

    def encode(text: str) -> str:
        out = []
        for tok in tokens(text):
            if tok not in index:
                index[tok] = len(table)
                table.append(tok)
            out.append(chr(index[tok]))
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    dmp.diff_charsToLines(diffs, table)
    return [(op, text) for op, text in diffs if text]


def diff_html(ops: list[tuple[int, str]]) -> str:
    """Render operations as escaped HTML with ``<ins>``/``<del>`` and CSS classes (no inline styles)."""
    parts = []
    for op, text in ops:
        if op == EQUAL:
            parts.append(escape(text, quote=False))
        else:
            tag = "ins" if op == INSERT else "del"
            parts.append(f'<{tag} class="{CSS_CLASS[op]}">{escape(text, quote=False)}</{tag}>')
    return "".join(parts)
