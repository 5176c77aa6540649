"""Every word of the interface in the page's language (issue 10, point 1).

The message catalogues (``publisher/languages/{rus,kaz,eng}.py``) as a specification: the same
keys in every language, the plural forms CLDR gives each language, dates as each language writes
them; and the built site: no page of the Russian or Kazakh section shows an English interface
word, an eId, an enum value or a file name.
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lhtml

from publisher.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*(ROOT / "site" / "templates").glob("*.html"), *(ROOT / "publisher").glob("*.py")]
ru, kk, en = LANGUAGES["rus"], LANGUAGES["kaz"], LANGUAGES["eng"]


def _fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", ["rus", "kaz"])
def test_every_language_has_every_key_of_the_english_catalogue_and_no_other(code):
    missing = sorted(set(en.messages) - set(LANGUAGES[code].messages))
    extra = sorted(set(LANGUAGES[code].messages) - set(en.messages))
    assert missing == [] and extra == []


@pytest.mark.parametrize("code", ["rus", "kaz", "eng"])
def test_plural_messages_have_exactly_the_cldr_forms_of_their_language(code):
    L = LANGUAGES[code]
    for key, value in L.messages.items():
        if isinstance(value, dict):
            assert set(value) == L.plural_tags, (code, key)
        elif isinstance(en.messages[key], dict):
            pytest.fail(f"{code}:{key} is not a plural table")


@pytest.mark.parametrize("code", ["rus", "kaz", "eng"])
def test_every_message_formats_with_its_language_date_forms(code):
    """Each {date:form} names a form the language defines, and every message formats."""
    L = LANGUAGES[code]
    for key, value in L.messages.items():
        for template in (value.values() if isinstance(value, dict) else [value]):
            args = {name: date(2014, 10, 10) if spec or name in ("date", "latest", "since", "until") else "x"
                    for name, spec in _fields(template)}
            args["count"] = 3
            L.t(key, **args)                     # raises on an unknown form or a broken template


def test_the_languages_ask_for_the_same_arguments():
    """A translation may leave out an argument, but never use one the others do not give."""
    shared = {"own_in", "own_of", "lang_in", "lang_of"}       # the language named in each language's forms
    for key, value in en.messages.items():
        names = {n for t in (value.values() if isinstance(value, dict) else [value]) for n, _ in _fields(t)}
        for code in ("rus", "kaz"):
            other = LANGUAGES[code].messages[key]
            used = {n for t in (other.values() if isinstance(other, dict) else [other]) for n, _ in _fields(t)}
            assert used - names - shared - {"count"} == set(), (code, key)


def test_every_key_the_templates_and_the_publisher_name_is_in_the_catalogues():
    literal = re.compile(r"""\.(?:t|h|has)\(\s*["']([a-z0-9_.]+)["']""")
    used = {m for path in SOURCES for m in literal.findall(path.read_text(encoding="utf-8"))}
    used.discard("act.titled")
    missing = sorted(k for k in used if k not in en.messages and not k.endswith("."))
    assert missing == []


def test_every_value_the_stages_produce_has_a_word():
    """Enum values never reach a page: each kind, status, author, decision and edge has a message."""
    from consolidator.footnotes import KINDS
    from discussion import status
    from discussion.drafts import AUTHOR_KINDS, DECISIONS
    from linker import EDGE_KINDS
    from linker.audit import SEVERITIES

    statuses = [status.OPEN, status.CLOSED_REPORT_DUE, status.CLOSED_REPORTED, status.NOT_YET_POSTED]
    keys = ([f"kind.{k}" for k in KINDS] + [f"status.{s}" for s in statuses]
            + [f"author.{a}" for a in AUTHOR_KINDS] + [f"decision.{d}" for d in DECISIONS]
            + [f"severity.{s}" for s in SEVERITIES]
            + [f"{p}.{e}" for e in (*EDGE_KINDS, "part_of") for p in ("edge", "edge_in")]
            + [f"{p}.{c}" for c in LANGUAGES for p in ("lang", "lang_in", "lang_of")])
    for L in LANGUAGES.values():
        assert [k for k in keys if not L.has(k)] == [], L.code


def test_dates_are_written_as_each_language_writes_them():
    d = date(2014, 10, 10)
    assert ru.t("eff.lower", date=d) == "не ранее 10.10.2014"
    assert kk.t("eff.lower", date=d) == "2014 жылғы 10 қазаннан ерте емес"
    assert en.t("eff.lower", date=d) == "not before 10 October 2014"
    assert ru.t("banner.from.exact", date=date(2016, 3, 1)) == "Действует с 01.03.2016"
    assert ru.t("banner.next.lower", date=date(2016, 5, 7)) == "следующая редакция — не ранее 07.05.2016"
    assert kk.t("banner.next.lower", date=date(2016, 5, 7)) == "келесі редакция — 2016 жылғы 7 мамырдан ерте емес"
    assert kk.t("act.law", date=date(2015, 11, 17), number="408-V") == "ҚР 2015 жылғы 17 қарашадағы № 408-V Заңы"


@pytest.mark.parametrize("n,expected", [(1, "1 результат"), (2, "2 результата"), (4, "4 результата"),
                                        (5, "5 результатов"), (11, "11 результатов"), (21, "21 результат"),
                                        (22, "22 результата"), (112, "112 результатов")])
def test_russian_counts_agree_with_their_number(n, expected):
    assert ru.t("search.results", count=n, term="обсуждение").startswith(expected + " ")


def test_kazakh_and_english_counts():
    assert kk.t("search.results", count=2, term="қызмет") == "«қызмет» сұрауы бойынша 2 нәтиже"
    assert en.t("search.results", count=1, term="x") == "1 result for “x”"
    assert en.t("search.results", count=2, term="x") == "2 results for “x”"


# ── the built site ───────────────────────────────────────────────────────────────────────────

# English interface words that must not appear on a Russian or Kazakh page (outside text marked
# with another language: the language switch's "English", borrowed English wording).
ENGLISH = ["Version", "Versions", "Current text", "Timeline", "Download", "Downloads", "Search", "in force",
           "not before", "Changes", "Article", "Chapter", "repealed", "amended", "inserted", "wording",
           "Drafts", "Graph", "deadline", "Status", "comments", "Home", "Legend", "Provisions", "previous",
           "Footnote", "Attachment", "Table of contents", "Contents", "Skip to content", "Back to top",
           "Made with", "results", "Load more", "Clear", "Filters", "Language", "Select language", "Go",
           "Inline", "Side by side", "coverage", "edition", "Official source", "built", "days left", "closed",
           "Not found", "Error", "Warning", "Navigation", "Header", "Footer", "Law No", "Order No", "between",
           "until", "from", "changed", "removed", "not available", "Checks", "legal basis", "cites"]
ENGLISH_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)
EID_RE = re.compile(r"\b(?:chp|subchp|art|para|point|att|hcontainer|subpara)_[\w-]+")
ENUM_RE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
JARGON_RE = re.compile(r"\b(?:корпус|корпуст)\w*|\bcorpus\b", re.IGNORECASE)   # the tool's word, not a reader's
FILE_RE = re.compile(r"\b[\w-]+\.(?:txt|md|toml|py|json|ya?ml)\b|\bseed\b")


def visible_text(page, lang: str) -> str:
    """What a reader sees or hears on a page: its text and its labels, without scripts, hidden
    elements, and anything marked as another language."""
    for el in page.xpath("//script | //style | //template | //head | //*[@hidden] | //*[@aria-hidden='true']"):
        el.drop_tree()
    for el in page.xpath("//*[@lang]"):
        if el.get("lang") != lang and el.getparent() is not None:
            el.drop_tree()
    words = [page.text_content()]
    for attr in ("aria-label", "title", "placeholder", "alt"):
        words += page.xpath(f"//@{attr}")
    words += page.xpath("//*[local-name()='title']/text()")
    return "\n".join(words)


def section_pages(site: Path, lang: str) -> list[Path]:
    out = []
    for path in sorted(site.rglob("*.html")):
        head = path.read_bytes()[:300].decode("utf-8", "replace")
        if f'<html lang="{lang}"' in head:
            out.append(path)
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_interface_words_eids_enum_values_or_file_names_on_any_page_of_a_section(built_site, lang):
    pages = section_pages(built_site, lang)
    assert len(pages) > 30
    found = {}
    for path in pages:
        text = visible_text(lhtml.fromstring(path.read_bytes()), lang)
        hits = (ENGLISH_RE.findall(text) + EID_RE.findall(text) + ENUM_RE.findall(text) + FILE_RE.findall(text)
                + JARGON_RE.findall(text))
        if hits:
            found[str(path.relative_to(built_site))] = sorted(set(hits))[:8]
    assert found == {}


def test_each_section_has_its_own_pages_in_its_language(built_site):
    for prefix, lang in (("", "en"), ("ru/", "ru"), ("kk/", "kk")):
        for page in ("", "drafts/", "graph/", "downloads/", "search/", "akn/kz/act/2013-04-15/88-V/timeline/",
                     "akn/kz/act/2013-04-15/88-V/", "akn/kz/act/2013-04-15/88-V/parallel/"):
            doc = lhtml.fromstring((built_site / prefix / page / "index.html").read_bytes())
            assert doc.get("lang") == lang, prefix + page
    kk_home = lhtml.fromstring((built_site / "kk" / "index.html").read_bytes())
    assert "Басты бет" in kk_home.text_content() and "Жоғарыға" in kk_home.text_content()
    kk_act = lhtml.fromstring((built_site / "akn/kz/act/2013-04-15/88-V/kaz/index.html").read_bytes())
    assert "Мазмұнға өту" in kk_act.text_content() and "Мазмұны" in kk_act.text_content()
    assert kk_home.cssselect(".md-header__topic")[0].text_content().strip().startswith("zanlex — мемлекеттік")
    menu = [a.get("href") for a in kk_home.cssselect(".md-nav--primary a.md-nav__link")]
    assert "search/" in menu, "the Kazakh menu opens the Kazakh search page"
