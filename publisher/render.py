"""HTML fragments from the templates in ``site/templates`` (Jinja2 with autoescape on).

Every string from the corpus or from a comment reaches HTML only through Jinja's autoescape,
so markup in it is inert:

    >>> html = render_fragment("{{ x }}", x='<script>alert(1)</script> **b** [a](javascript:x)')
    >>> "<script>" in html, "&lt;script&gt;" in html
    (False, True)

The page bodies are written into Markdown files as one raw HTML block, which Python-Markdown
leaves alone, so markdown syntax in corpus text stays literal as well.
"""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup

from publisher import resources, urls
from publisher.languages import LANGUAGES, SITE

TEMPLATES = resources.templates()      # site/templates (zanlex_site/templates when installed from a wheel)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(LANGUAGES=LANGUAGES, SITE=SITE, urls=urls, provision_html=provision_html)
    env.filters["rel"] = lambda to, here: urls.relative(here, to)
    return env


_PROVISIONS: dict[tuple, Markup] = {}


@cache
def _macros():
    return environment().get_template("_macros.html").make_module({})


def provision_html(p, L) -> Markup:
    """One provision and its subtree (macro ``provision`` of ``_macros.html``), rendered once per
    language and content: consecutive versions repeat most provisions word for word."""
    key = (L.code, p.fingerprint())
    if key not in _PROVISIONS:
        _PROVISIONS[key] = Markup(_macros().provision(p, L))
    return _PROVISIONS[key]


def render_page(template: str, **context) -> Markup:
    """Render ``site/templates/<template>``; ``context["here"]`` is the page's own URL."""
    return Markup(environment().get_template(template).render(**context))


def render_fragment(source: str, **context) -> Markup:
    return Markup(environment().from_string(source).render(**context))
