"""HTML fragments from the templates in ``site/templates`` (Jinja2 with autoescape on).

Every string from the corpus or from a comment reaches HTML only through Jinja's autoescape
(or ``markupsafe.escape``), so markup in it is inert:

    >>> html = render_fragment("{{ x }}", x='<script>alert(1)</script> **b** [a](javascript:x)')
    >>> "<script>" in html, "&lt;script&gt;" in html
    (False, True)
    >>> str(linked("статьей 15 <b>", [(8, 10, "#chp_3__art_15")], "a/"))
    'статьей <a class="zl-ref" href="#chp_3__art_15">15</a> &lt;b&gt;'

The page bodies are written into Markdown files as one raw HTML block, which Python-Markdown
leaves alone, so markdown syntax in corpus text stays literal as well.
"""

from __future__ import annotations

import dataclasses
import datetime
import posixpath
from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup, escape

from publisher import resources, urls, words
from publisher.languages import LANGUAGES, SITE, Language
from publisher.model import ProvisionView, TextView

TEMPLATES = resources.templates()      # site/templates (zanlex_site/templates when installed from a wheel)


@cache
def environment() -> jinja2.Environment:
    from publisher.jinja_cache import bytecode_cache

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=bytecode_cache("zanlex"),
    )
    env.globals.update(LANGUAGES=LANGUAGES, SITE=SITE, urls=urls, provision_html=provision_html, w=words,
                       linked=linked, ops_html=ops_html, diff_row=diff_row, runs=runs, text_html=text_html, deeper=deeper, inner=inner, Run=Run,
                       isrun=lambda x: isinstance(x, Run), day=datetime.date.fromisoformat)
    env.filters["rel"] = lambda to, here: urls.relative(here, to)
    return env


@dataclass(frozen=True)
class Run:
    """Consecutive sibling provisions whose wording on the date is not known, shown as one line."""

    provisions: tuple[ProvisionView, ...]

    @property
    def eids(self) -> list[str]:
        return [q.eid for p in self.provisions for q in p.walk()]

    @property
    def after(self):
        return self.provisions[0].after

    @property
    def before(self):
        return self.provisions[0].before


def _bounds(p: ProvisionView) -> tuple:
    return (p.after.act, p.after.kind, p.after.effective) if p.after else None, \
        (p.before.act, p.before.kind, p.before.effective) if p.before else None


def runs(provisions: list[ProvisionView]) -> list[ProvisionView | Run]:
    """Siblings in order, with each stretch of unknown ones (same bounding events) as one ``Run``.

    >>> a = ProvisionView("art_1", "article", "1", "A", ["x"])
    >>> b, c = (ProvisionView(f"art_{n}", "article", str(n), missing="not_in_corpus") for n in (2, 3))
    >>> [type(x).__name__ for x in runs([a, b, c])], runs([a, b, c])[1].eids
    (['ProvisionView', 'Run'], ['art_2', 'art_3'])
    """
    out: list[ProvisionView | Run] = []
    for p in provisions:
        if p.unknown and not p.uncertain:
            last = out[-1] if out else None
            if isinstance(last, Run) and _bounds(last.provisions[0]) == _bounds(p):
                out[-1] = Run((*last.provisions, p))
                continue
            out.append(Run((p,)))
        else:
            out.append(p)
    return out


def linked(text: str, spans, here: str) -> Markup:
    """``text`` escaped, with each (start, end, url) span as a link (``#eId`` on the same page)."""
    out, at = [], 0
    for start, end, url in sorted(spans):
        if start < at or end > len(text):
            continue
        href = url if url.startswith("#") else urls.relative(here, url)
        out += [escape(text[at:start]), Markup('<a class="zl-ref" href="{0}">{1}</a>').format(href, text[start:end])]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


_MEMO: dict[tuple, object] = {}     # once per act: fragments (``provision_html``, ``parallel_row``, ``diff_row``)


def forget_fragments() -> None:
    """Drop the memo of rendered fragments (between acts: a worker's memory must not grow with
    the corpus, and an act's fragments are not another act's)."""
    _MEMO.clear()


def _memo(key: tuple, render) -> Markup:
    return memo(key, lambda: Markup(render()))


def memo(key: tuple, make):
    """``make()``, once per act (until ``forget_fragments``). A key naming an object by its ``id``
    must keep the object in the value, so that the id is not reused while the memo holds it."""
    if key not in _MEMO:
        _MEMO[key] = make()
    return _MEMO[key]


@cache
def _macros():
    return environment().get_template("_macros.html").make_module({})


@dataclass(frozen=True)
class Context:
    """What a provision's HTML depends on besides itself: the page's folder (relative links are the
    same for every page in it), the section's timeline of the work, and the heading level."""

    folder: str
    here: str
    timeline: str | None
    level: int
    borrowed: str | None = None     # the language of the enclosing provision's borrowed wording (said once)


def inner(ctx: Context, p: ProvisionView, headed: bool = False) -> Context:
    """The context of the provisions inside ``p``: one heading level down (h6 at most) under a
    heading; the language of its borrowed wording, so that it is explained once, not per point."""
    return dataclasses.replace(ctx, level=min(ctx.level + 1, 6) if p.heading or headed else ctx.level,
                               borrowed=p.source_lang)


def deeper(ctx: Context) -> Context:
    return dataclasses.replace(ctx, level=min(ctx.level + 1, 6))


def provision_html(p, L: Language, ctx: Context) -> Markup:
    """One provision and its subtree (macro ``provision`` of ``_macros.html``), rendered once per
    language, folder, level and content: consecutive versions repeat most provisions word for word."""
    key = ("provision", L.code, ctx.folder, ctx.timeline, ctx.level, ctx.borrowed, p.fingerprint())
    return _memo(key, lambda: _macros().provision(p, L, ctx))


_OPS = {1: '<ins class="zl-ins">{0}</ins>', -1: '<del class="zl-del">{0}</del>', 0: "{0}"}


def ops_html(ops, keep: tuple[int, ...]) -> Markup:
    """A word diff's operations as HTML, keeping the insertions (1) and/or deletions (-1) of ``keep``;
    rendered once per content (the same change recurs on many diff pages).

    >>> str(ops_html([(0, "a"), (-1, "b<"), (1, "c")], (1, -1)))
    'a<del class="zl-del">b&lt;</del><ins class="zl-ins">c</ins>'
    >>> str(ops_html([(0, "a"), (-1, "b<"), (1, "c")], (1,)))
    'a<ins class="zl-ins">c</ins>'
    """
    ops = tuple(ops)
    return _memo(("ops", ops, tuple(keep)), lambda: Markup("").join(
        Markup(_OPS[op]).format(words) for op, words in ops if op == 0 or op in keep))


_SLOTS = {"old": Markup("<zl-slot-old/>"), "new": Markup("<zl-slot-new/>")}


def diff_row(c, href: str, article: bool, L: Language, say: dict) -> Markup:
    """One change of a diff page (macro ``diff_row``), rendered once per act, language, link and
    content: the same change recurs on many diff pages of an act (the seed law: 10,641 changes on
    its diff pages, 2,172 distinct). The page's own words for its two sides ("Было: 01.03.2016")
    go into slots afterwards; no text of the corpus can hold a slot, every ``<`` of it being
    escaped.

    >>> from publisher.diffs import ProvisionChange
    >>> c = ProvisionChange("art_1", "статья 1", "changed", [(0, "a "), (1, "<b>")])
    >>> say = {"old": "Было: 01.03.2016", "new": "Стало: <текущая>", "changed": "Изменено"}
    >>> html = diff_row(c, "../#art_1", False, LANGUAGES["rus"], say)
    >>> "Стало: &lt;текущая&gt;" in html, "<zl-slot" in html, 'a <ins class="zl-ins">&lt;b&gt;</ins>' in html
    (True, False, True)
    """
    key = ("diff_row", L.code, href, article, _change_key(c))
    html = str(_memo(key, lambda: _macros().diff_row(c, href, article, L, {**say, **_SLOTS})))
    for slot, mark in _SLOTS.items():
        html = html.replace(mark, str(escape(say[slot])))
    return Markup(html)


def _change_key(c) -> tuple:
    """Everything a ``diffs.ProvisionChange`` prints."""
    return (c.eid, c.label, c.status, tuple(map(tuple, c.ops)), c.article, c.context, c.old, c.new, c.old_lang,
            c.new_lang, c.old_known, c.new_known, c.note, c.heading, c.in_new, tuple(map(tuple, c.removed_ops)))


def _cell_key(p: ProvisionView | None) -> tuple | None:
    """What a parallel view's cell prints of a provision (its own words, not its children's)."""
    if p is None:
        return None
    return (p.kind, p.num, p.heading, tuple(p.text), tuple(p.wrap_up), p.missing, p.source_lang, p.repealed)


def parallel_row(eid: str, path: tuple, cells: list, langs: list[str], L: Language) -> Markup:
    """One row of the parallel view (macro ``parallel_row``), rendered once per act, language and
    content: the versions of an act repeat most rows word for word."""
    key = ("parallel", L.code, eid, path, tuple(langs), tuple((lang, _cell_key(p)) for lang, p in cells))
    return _memo(key, lambda: _macros().parallel_row(eid, path, cells, langs, L))


def text_html(text: TextView, L: Language, here: str, timeline: str | None) -> Markup:
    """A whole text: preface, preamble (with its links), body, attachments."""
    ctx = Context(posixpath.dirname(here.rstrip("/")), here, timeline, 2)
    return Markup(_macros().text(text, L, ctx))


def toc_of(text: TextView, L: Language) -> list[dict]:
    """The table of contents (mkdocs ``toc_tokens``): chapters and articles, attachments, with the
    same ids as the headings ``_macros.html`` gives them."""
    def entries(provisions, level):
        out = []
        for p in provisions:
            if isinstance(p, Run) or not (p.heading or (p.num and L.has(f"unit.{p.kind}"))):
                continue
            # a heading known only in another language: the menu says so in the page's language
            borrowed = L.t("toc.borrowed", lang_in=L.t(f"lang_in.{p.source_lang}")) if p.source_lang and p.heading else None
            name = escape(words.printed_heading(L, p, borrowed))
            out.append({"level": level, "id": p.eid, "name": str(name),
                        "children": entries(runs(p.children), min(level + 1, 6))})
        return out

    toc = entries(runs(text.body), 2)
    for a in text.attachments:
        title = L.t("attachment") + (f": {a.title}" if a.title else "")
        toc.append({"level": 2, "id": a.eid, "name": str(escape(title)), "children": entries(runs(a.body), 3)})
    return toc


def render_page(template: str, **context) -> Markup:
    """Render ``site/templates/<template>``; ``context["here"]`` is the page's own URL."""
    return Markup(environment().get_template(template).render(**context))


def render_fragment(source: str, **context) -> Markup:
    return Markup(environment().from_string(source).render(**context))
