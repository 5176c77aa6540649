"""The language registry: one entry per language, each with its own message catalogue.

Every word the site prints around the law's text comes from the catalogue of the page's
language (``rus``, ``kaz``, ``eng`` modules beside this one); there is no fallback to another
language, so a missing key fails the build (and ``tests/test_i18n.py`` fails before that).

    >>> ru, kk, en = LANGUAGES["rus"], LANGUAGES["kaz"], LANGUAGES["eng"]
    >>> ru.t("eff.lower", date=date(2014, 10, 10))
    'не ранее 10.10.2014'
    >>> kk.t("eff.lower", date=date(2014, 10, 10))
    '2014 жылғы 10 қазаннан ерте емес'
    >>> en.t("eff.lower", date=date(2014, 10, 10))
    'not before 10 October 2014'
    >>> [ru.t("search.results", count=n, term="x") for n in (1, 2, 5)]
    ['1 результат по запросу «x»', '2 результата по запросу «x»', '5 результатов по запросу «x»']
    >>> ru.unit("article", "9-1"), kk.unit("article", "9-1"), en.unit("point", "3)")
    ('Статья 9-1.', '9-1-бап.', '3)')
    >>> str(ru.h("banner.from.exact", date=date(2016, 3, 1)))
    'Действует с <time datetime="2016-03-01">01.03.2016</time>'

Messages are ``str.format`` templates. A ``date`` argument takes a form after the colon, which
the language defines (Kazakh declines the month: ``{date:abl}`` → "10 қазаннан"). A message
whose value is a table of CLDR plural categories (``one``, ``few``, ``many``, ``other``) is
chosen by the ``count`` argument with Babel's plural rules for the language.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from babel import Locale
from markupsafe import Markup, escape

from publisher.languages import eng, kaz, rus


@lru_cache(maxsize=4096)
def _parsed(template: str) -> tuple:
    """A message's ``str.format`` template, parsed once: (literal, field, spec, conversion)…"""
    return tuple(string.Formatter().parse(template))


class _Formatter(string.Formatter):
    """``str.format`` with the language's date forms; in HTML mode, arguments are escaped
    (``Markup`` passes) and dates become ``<time datetime>``."""

    def __init__(self, lang: Language, html: bool):
        self.lang, self.html = lang, html

    def fill(self, template: str, args: Mapping) -> str:
        """``vformat(template, (), args)``, with each template parsed once (the site formats
        hundreds of thousands of messages)."""
        out = []
        for literal, name, spec, conversion in _parsed(template):
            out.append(literal)
            if name is None:
                continue
            if name in args:
                value = args[name]
            else:
                value, _ = self.get_field(name, (), args)
            if conversion:
                value = self.convert_field(value, conversion)
            out.append(self.format_field(value, spec))
        return "".join(out)

    def format_field(self, value, spec: str) -> str:
        if isinstance(value, date):
            text = self.lang.date(value, spec)
            if self.html:
                return f'<time datetime="{value.isoformat()}">{escape(text)}</time>'
            return text
        if spec:
            return format(value, spec)
        return str(escape(value)) if self.html else str(value)


@dataclass(frozen=True)
class Language:
    code: str                 # ISO 639-2, as in the corpus: rus, kaz, eng
    html: str                 # BCP 47 for <html lang>: ru, kk, en
    name: str                 # the language's own name ("Қазақша")
    messages: Mapping[str, str | Mapping[str, str]]
    format_date: Callable[[date, str], str]
    babel: str                # the Babel / CLDR locale for plural rules
    letters: str = ""         # letters that mark a text as this language (for untagged text)
    extends: str | None = None   # the language whose alphabet this one adds letters to
    theme: str = ""           # mkdocs-material's theme.language for this section
    prefix: str = field(default="")   # the URL prefix of the section's own pages ("ru/")

    @cached_property
    def plural_tags(self) -> frozenset[str]:
        """The CLDR plural categories of the language (``other`` always included)."""
        return frozenset(Locale.parse(self.babel).plural_form.tags) | {"other"}

    @cached_property
    def _plural_form(self):
        return Locale.parse(self.babel).plural_form

    def plural(self, count: int) -> str:
        return self._plural_form(count)

    def message(self, key: str, count: int | None = None) -> str:
        try:
            value = self.messages[key]
        except KeyError:
            raise KeyError(f"message {key!r} is missing from the {self.code} catalogue "
                           f"(publisher/languages/{self.code}.py)") from None
        if isinstance(value, Mapping):
            if count is None:
                raise KeyError(f"message {key!r} is a plural: give count=")
            return value[self.plural(count)]
        return value

    def t(self, key: str, /, **args) -> str:
        """The message ``key`` as plain text (Jinja escapes it)."""
        return _Formatter(self, html=False).fill(self.message(key, args.get("count")), args)

    def h(self, key: str, /, **args) -> Markup:
        """The message ``key`` as HTML: its arguments escaped, ``Markup`` arguments kept, dates in ``<time>``."""
        template = str(escape(self.message(key, args.get("count"))))
        return Markup(_Formatter(self, html=True).fill(template, args))

    def has(self, key: str) -> bool:
        return key in self.messages

    def date(self, d: date, form: str = "") -> str:
        """A date as the language writes it; ``form`` is one the language defines ("", "short", …)."""
        return self.format_date(d, form)

    def unit(self, kind: str, num: str | None) -> str:
        """How the text prints a unit's number in a heading: ``unit("article", "9-1")`` → "Статья 9-1."."""
        if not num:
            return ""
        key = f"unit.{kind}"
        return self.t(key, num=num) if key in self.messages else num

    def ref(self, kind: str, num: str | None) -> str:
        """A unit named in running text: "статья 7", "3) тармақша", "point 3)"."""
        key = f"ref.{kind}"
        if not num:
            return self.t("ref.unnumbered")
        num = num.rstrip(".")            # "1." as printed before a paragraph: "пункт 1"
        return self.t(key, num=num) if key in self.messages else num

    def section(self, url: str) -> str:
        """The URL of a page of the site's own pages in this language's section."""
        return self.prefix + url


LANGUAGES: dict[str, Language] = {
    "rus": Language("rus", "ru", "Русский", rus.MESSAGES, rus.format_date, "ru",
                    letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", theme="ru", prefix="ru/"),
    "kaz": Language("kaz", "kk", "Қазақша", kaz.MESSAGES, kaz.format_date, "kk",
                    letters="әғқңөұүһі", extends="rus", theme="kk", prefix="kk/"),
    "eng": Language("eng", "en", "English", eng.MESSAGES, eng.format_date, "en",
                    letters="abcdefghijklmnopqrstuvwxyz", theme="en", prefix=""),
}
BY_HTML = {lang.html: lang for lang in LANGUAGES.values()}

SITE = LANGUAGES["eng"]    # the language of the site's root pages (the other sections are under ru/ and kk/)


def guess_language(text: str) -> str:
    """The language of an untagged text (a draft's title): the one with most of its letters in it,
    where a language that ``extends`` another (Kazakh: Cyrillic plus nine letters) also counts the
    other's letters once one of its own occurs.

    >>> guess_language("Қағидаларын бекіту туралы"), guess_language("Об утверждении IT"), guess_language("Rules")
    ('kaz', 'rus', 'eng')
    """
    lower = text.lower()
    own = {lang.code: sum(ch in lang.letters for ch in lower) for lang in LANGUAGES.values()}
    scores = {code: n + (own[LANGUAGES[code].extends] if n and LANGUAGES[code].extends else 0)
              for code, n in own.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] else SITE.code
