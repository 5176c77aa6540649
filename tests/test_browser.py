"""The built site of the real corpus in headless Chromium (Debian's /usr/bin/chromium, via Playwright).

The site is built once per session (``built_site`` in conftest) and served by a local http.server.
Every request the browser makes is recorded; none may leave 127.0.0.1. Screenshots of the act
page, a version, a diff, the graph and a draft go to ``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LAW = "akn/kz/act/2013-04-15/88-V/"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
            "--disable-features=Translate,OptimizationHints,MediaRouter"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def outside():
    """URLs the pages tried to reach outside localhost (aborted)."""
    return []


@pytest.fixture
def page(browser, outside):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    yield pg
    context.close()


def _search(page, base: str, search_page: str, query: str) -> list[str]:
    page.goto(base + search_page)
    box = page.locator(".pagefind-ui__search-input")
    box.fill(query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    return [urljoin(page.url, a.get_attribute("href"))
            for a in page.locator(".pagefind-ui__result-link").all()]


def test_kazakh_search_finds_a_kazakh_article_at_its_anchor(page, site_server):
    hits = _search(page, site_server, "kk/search/", "көрсетілетін қызмет")
    assert any(re.search(rf"{LAW}kaz[/@].*#chp_\d+__art_", h) for h in hits), hits
    assert not any("/rus" in h or "/eng" in h for h in hits), "the Kazakh index holds Kazakh pages only"
    assert page.locator(".pagefind-ui__message").inner_text().endswith("нәтиже")
    page.screenshot(path=str(ARTIFACTS / "search-kk.png"))


def test_russian_search_gives_article_15_first_at_its_anchor(page, site_server):
    hits = _search(page, site_server, "ru/search/", "публичное обсуждение")
    first = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
    assert first.endswith("#chp_3__art_15") and f"{LAW}rus" in urljoin(page.url, first), hits
    texts = page.locator(".pagefind-ui__result").all_inner_texts()
    assert any("обсуждени" in t.lower() for t in texts)
    message = page.locator(".pagefind-ui__message").inner_text()
    assert re.fullmatch(r"(\d+) результат(а|ов)? по запросу «публичное обсуждение»", message), message
    n = int(message.split()[0])
    assert message.split()[1] == ("результат" if n % 10 == 1 and n % 100 != 11 else
                                  "результата" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else
                                  "результатов")
    assert page.locator(".pagefind-ui__search-input").get_attribute("placeholder") == "Поиск по текстам на русском языке"
    page.screenshot(path=str(ARTIFACTS / "search-ru.png"))


def test_english_search_finds_the_english_law(page, site_server):
    hits = _search(page, site_server, "search/", "public discussion")
    assert any(f"{LAW}eng" in h for h in hits), hits      # the current text or the 2014 English wording


def test_the_version_switcher_changes_page_on_enter_not_on_the_first_arrow_key_and_keeps_the_article(
        page, site_server):
    page.goto(site_server + LAW + "rus/#chp_3__art_15")
    select = page.locator("select.zl-switcher")
    values = [o.get_attribute("value") for o in page.locator("select.zl-switcher option").all()]
    assert len(values) > 3
    select.focus()
    page.keyboard.press("ArrowDown")                  # moves the selection only
    page.wait_for_timeout(300)
    assert page.url.endswith("rus/#chp_3__art_15")
    page.keyboard.press("Enter")                      # now it goes, keeping the article
    page.wait_for_url(re.compile(r"rus@\d{4}-\d{2}-\d{2}/#chp_3__art_15$"))
    first_url, first_banner = page.url, page.locator(".zl-banner").inner_text()
    assert re.search(r"Действует (не ранее чем )?с \d\d\.\d\d\.\d{4}; (следующая редакция — (не ранее )?"
                     r"(с )?\d\d\.\d\d\.\d{4}|действует по настоящее время)\.", first_banner), first_banner
    page.screenshot(path=str(ARTIFACTS / "version.png"), full_page=False)
    page.locator("select.zl-switcher").select_option(index=len(values) - 1)     # the oldest version …
    page.locator("button.zl-go").click()                                        # … with the button
    page.wait_for_url(lambda url: url != first_url and "#chp_3__art_15" in url)
    assert page.locator(".zl-banner").inner_text() != first_banner
    page.locator("a.zl-next").click()
    page.wait_for_url(re.compile(r"rus@"))


def test_the_language_switch_keeps_the_article_and_the_date(page, site_server):
    page.goto(site_server + LAW + "rus@2016-03-01/#chp_3__art_15")
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=kk]").click()
    page.wait_for_url(re.compile(r"kaz@2016-03-01/#chp_3__art_15$"))
    assert page.locator("html").get_attribute("lang") == "kk"
    assert "2016 жылғы 1 наурыздан бастап қолданылады" in page.locator(".zl-banner").inner_text()


def test_a_diff_page_marks_insertions_and_never_strikes_out_unknown_or_foreign_wording(page, site_server):
    page.goto(site_server + LAW + "rus@2013-05-16/diff-current/")
    ins = page.locator(".zl-diff-inline ins.zl-ins").first
    assert ins.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    unavailable = page.locator(".zl-diff-not_available")
    assert unavailable.count() and "текст недоступен" in unavailable.first.inner_text()
    assert unavailable.first.locator("del, ins").count() == 0
    for text in page.locator("del.zl-del").all_inner_texts():
        assert not re.search(r"[a-zA-Z]{4}|[әғқңөұүһі]", text), text      # struck-out words are Russian
    page.screenshot(path=str(ARTIFACTS / "diff.png"))
    page.locator("button.zl-view[data-view=side]").click()
    assert page.locator(".zl-diff-side").first.is_visible()
    assert not page.locator(".zl-diff-inline").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "diff-side.png"))


def test_screenshots_of_the_act_the_graph_and_a_draft(page, site_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(site_server + LAW + "rus/#chp_2__art_9-1")
    assert page.locator("[id='chp_2__art_9-1']").is_visible()
    page.screenshot(path=str(ARTIFACTS / "act.png"))
    page.goto(site_server + "graph/")
    assert page.locator("svg.zl-svg circle").count() > 3
    page.screenshot(path=str(ARTIFACTS / "graph.png"), full_page=True)
    page.goto(site_server + "drafts/")
    page.locator("table a").first.click()
    page.wait_for_load_state()
    assert page.locator("[data-deadline]").inner_text().strip()      # computed by the browser
    page.screenshot(path=str(ARTIFACTS / "draft.png"), full_page=True)


SAMPLE = ["", LAW, LAW + "rus/", LAW + "kaz/", LAW + "timeline/", LAW + "graph/", LAW + "parallel/",
          "graph/", "drafts/", "downloads/", "kk/search/", "ru/", "kk/" + LAW + "timeline/", "ru/graph/",
          "akn/kz/act/order/2016-12-08/78/rus/", "ru/drafts/", "kk/drafts/example-amend-order-78/"]


def test_every_internal_link_on_a_sample_of_pages_resolves(page, site_server):
    checked: dict[str, int] = {}
    anchors_missing = []
    for path in SAMPLE:
        resp = page.goto(site_server + path)
        assert resp.status == 200, path
        hrefs = page.eval_on_selector_all(
            "a[href]", "els => els.map(e => new URL(e.getAttribute('href'), location.href).href)")
        for href in hrefs:
            if not href.startswith(site_server):
                continue
            url, frag = urldefrag(href)
            if url not in checked:
                checked[url] = page.request.get(url).status
            if frag and url == page.url.split("#")[0] and not page.locator(f"[id='{frag}']").count():
                anchors_missing.append(href)
    broken = {u: s for u, s in checked.items() if s != 200}
    assert broken == {}
    assert anchors_missing == []
    assert len(checked) > 50


def test_no_request_leaves_localhost(page, site_server, outside):
    for path in SAMPLE:
        page.goto(site_server + path)
        page.wait_for_load_state("networkidle")
    _search(page, site_server, "ru/search/", "услугодатель")
    assert outside == []


# ── accessibility (axe-core 4.x through axe-playwright-python, which ships axe.min.js) ───────────

AXE_PAGES = {
    "home": "",
    "home-ru": "ru/",
    "act-rus": LAW + "rus/",
    "act-kaz": LAW + "kaz/",
    "act-eng": LAW + "eng/",
    "version": LAW + "rus@2016-03-01/",
    "diff": LAW + "rus@2013-05-16/diff-current/",
    "graph": "ru/graph/",
    "timeline": "kk/" + LAW + "timeline/",
    "draft": "drafts/example-open-consultation/",
    "draft-ru": "ru/drafts/example-amend-order-78/",
    "draft-kk": "kk/drafts/example-amend-order-78/",
}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(page, site_server, name):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_server + AXE_PAGES[name])
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"a11y-{name}.png"))


def test_permalink_signs_take_focus_only_when_visible(page, site_server):
    page.goto(site_server + LAW + "rus/")
    anchors = page.locator("a.zl-anchor")
    assert anchors.count() > 200
    assert anchors.first.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    # Tabbing through the first controls never lands on a hidden ¶.
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement && document.activeElement.className")
        assert "zl-anchor" not in (focused or "")
    page.locator("[id='chp_1__art_1']").hover()
    assert page.locator("[id='chp_1__art_1'] a.zl-anchor").evaluate("e => getComputedStyle(e).visibility") == "visible"


def test_explanations_open_from_the_keyboard_and_borrowed_wording_carries_its_language(page, site_server):
    page.goto(site_server + LAW + "eng@2016-03-01/")
    summary = page.locator("details.zl-why > summary").first
    assert summary.count()
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("e => e.parentElement.open")
    borrowed = page.locator(".zl-other-lang p[lang]").first
    assert borrowed.get_attribute("lang") in ("ru", "kk")


def test_repealed_text_and_labels_have_enough_contrast(page, site_server):
    page.goto(site_server + LAW + "rus/")

    def ratio(selector):
        return page.locator(selector).first.evaluate("""e => {
          const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
          const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 :
                              Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          let bg = null, el = e;
          while (el) { const c = getComputedStyle(el).backgroundColor;
                       if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') { bg = c; break; }
                       el = el.parentElement; }
          const a = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(bg || 'rgb(255,255,255)'));
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""")

    assert ratio(".zl-repealed p") >= 4.5
    assert ratio(".zl-note") >= 4.5


def test_timeline_and_graph_are_navigation_with_readable_labels(page, site_server):
    page.goto(site_server + "ru/" + LAW + "timeline/")
    dots = page.locator("svg.zl-svg a.zl-svg-link")
    assert dots.count() > 10
    sizes = page.locator("svg.zl-svg text").evaluate_all(
        "els => els.map(t => t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize) *"
        " (t.ownerSVGElement.getScreenCTM().a) : 99)")
    assert min(sizes) >= 12, min(sizes)
    page.screenshot(path=str(ARTIFACTS / "timeline-ru.png"), full_page=True)
    page.locator("svg.zl-svg a.zl-svg-link[href*='rus@'] circle").nth(3).click()
    page.wait_for_url(re.compile(r"rus@\d{4}-\d{2}-\d{2}/$"))
    page.goto(site_server + "ru/graph/")
    nodes = page.locator("svg.zl-svg circle")
    labels = page.locator("svg.zl-svg a.zl-svg-link text, svg.zl-svg g > text")
    assert nodes.count() >= 10 and labels.count() >= nodes.count()
    assert page.locator("ul.zl-legend li").count() >= 5
    sizes = page.locator("svg.zl-svg text").evaluate_all(
        "els => els.map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)")
    assert min(sizes) >= 12
    page.screenshot(path=str(ARTIFACTS / "graph.png"), full_page=True)
    page.locator("svg.zl-svg a.zl-svg-link[href*='order/2016-12-08/78'] circle").first.click()
    page.wait_for_load_state()
    assert "2016-12-08/78" in page.url


def test_print_shows_the_text_with_a_header_and_no_menus(page, site_server):
    page.goto(site_server + LAW + "kaz/")
    page.emulate_media(media="print")
    assert page.locator(".zl-print-header").is_visible()
    assert "жағдай бойынша" in page.locator(".zl-print-header").inner_text()
    for hidden in (".md-sidebar--primary", ".zl-search", ".zl-versionnav", ".md-header"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".zl-note").first.is_visible() or page.locator(".zl-note").count() == 0
    page.screenshot(path=str(ARTIFACTS / "print-kk.png"))


# ── drafts: times on Astana's clock, one status, a page in every section ───────────────────────

DRAFT = "drafts/example-amend-order-78/"      # its comment 3 came at 19:01 UTC on 20 March = 00:01 on 21 March
# Every date and time on a draft page, written one way per language.
KK_MONTH = "(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
EN_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_STYLE = {"ru/": r"\d\d\.\d\d\.\d{4}(, \d\d:\d\d)?",
              "kk/": rf"\d{{4}} жылғы \d{{1,2}} {KK_MONTH}[а-яәғқңөұүһі]*(, \d\d:\d\d)?",
              "": rf"\d{{1,2}} {EN_MONTH} \d{{4}}(, \d\d:\d\d)?"}


@pytest.mark.parametrize("section,late,window", [
    ("ru/", "21.03.2025, 00:01", "до 24:00 20.03.2025 по времени Астаны"),
    ("kk/", "2025 жылғы 21 наурыз, 00:01", "Астана уақытымен 2025 жылғы 20 наурыз сағат 24:00-ге дейін"),
    ("", "21 March 2025, 00:01", "until 24:00 Astana time on 20 March 2025")])
def test_a_late_comment_shows_its_astana_date_and_time_after_the_close_in_the_page_date_style(
        page, site_server, section, late, window):
    page.goto(site_server + section + DRAFT)
    assert window in page.locator(".zl-banner").inner_text()
    marked = page.locator(".zl-comment.zl-late")
    assert marked.count() == 1
    when = marked.locator("time")
    assert when.inner_text() == late                                  # not "20 Mar 2025" beside a "late" badge
    assert when.get_attribute("datetime") == "2025-03-21T00:01+05:00"
    in_time = page.locator(".zl-comment:not(.zl-late) time").all_inner_texts()
    assert len(in_time) == 2 and in_time[1].endswith("23:59")        # 23:59 on the last day: in time
    times = page.locator("article time").all_inner_texts()
    assert len(times) >= 6
    assert [t for t in times if not re.fullmatch(DATE_STYLE[section], t)] == []    # one date style on the page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"draft-late-{section.strip('/') or 'en'}.png"), full_page=True)


def _status_page(browser, url: str, *, now: str | None = None, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript, locale="ru-RU")
    context.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname
                  in ("127.0.0.1", "localhost") else route.abort())
    pg = context.new_page()
    if now:
        pg.clock.set_fixed_time(now)
    pg.goto(url)
    return context, pg


@pytest.mark.parametrize("now,expected", [
    (None, "Состояние: обсуждение завершено, отчёт опубликован."),
    ("2025-03-18T10:00:00+05:00", "Состояние: идёт обсуждение, осталось 3 рабочих дня."),
    ("2025-03-20T23:59:00+05:00", "Состояние: идёт обсуждение, остался 1 рабочий день."),
    ("2025-03-21T00:01:00+05:00", "Состояние: обсуждение завершено, отчёт не опубликован."),
    ("2025-03-01T12:00:00+05:00", "Состояние: ещё не размещён.")])
def test_a_draft_shows_one_status_the_browser_s_for_today_in_place_of_the_build_s(browser, site_server, now,
                                                                                    expected):
    context, pg = _status_page(browser, site_server + "ru/" + DRAFT, now=now)
    try:
        status = pg.locator(".zl-banner .zl-status")
        assert status.count() == 1
        assert status.inner_text() == expected
        banner = pg.locator(".zl-banner").inner_text()
        assert banner.count("Состояние") == 1 and "на 01.01.2026" not in banner
        assert len(re.findall("обсуждени|размещён\\.", banner.split("Состояние", 1)[1].split("\n")[0])) == 1
    finally:
        context.close()


def test_without_javascript_the_build_s_status_stays_with_its_date(browser, site_server):
    context, pg = _status_page(browser, site_server + "ru/" + DRAFT, javascript=False)
    try:
        assert pg.locator(".zl-banner .zl-status").inner_text() == \
            "Состояние на 01.01.2026: обсуждение завершено, отчёт опубликован."
        cells = pg.locator("td .zl-status")
        assert cells.count() == 0
        pg.goto(site_server + "ru/drafts/")
        assert pg.locator("td .zl-status").first.inner_text() == "обсуждение завершено, отчёт опубликован (на 01.01.2026)"
    finally:
        context.close()


def test_the_drafts_list_shows_one_status_per_draft_computed_for_today(browser, site_server):
    context, pg = _status_page(browser, site_server + "kk/drafts/", now="2025-03-18T10:00:00+05:00")
    try:
        cells = [c.strip() for c in pg.locator("tbody td:nth-child(4)").all_inner_texts()]
        assert cells == ["талқылау жүріп жатыр, 3 жұмыс күні қалды", "талқылау жүріп жатыр, 10 жұмыс күні қалды",
                         "әлі орналастырылмаған"]
    finally:
        context.close()


@pytest.mark.parametrize("section,lang,crumb", [("ru/", "ru", "Все проекты"), ("kk/", "kk", "Барлық жобалар"),
                                                ("", "en", "All drafts")])
def test_each_section_lists_drafts_that_open_in_that_section(page, site_server, section, lang, crumb):
    page.goto(site_server + section + "drafts/")
    page.locator("tbody a").first.click()
    page.wait_for_url(site_server + section + DRAFT)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".zl-crumbs").inner_text().startswith(crumb)
    assert page.locator("h1").first.get_attribute("lang") == "en"            # the draft is written in English
    assert {c.get_attribute("lang") for c in page.locator(".zl-comment .zl-comment-text").all()} == {"en"}
    page.goto(site_server + section)                                          # the home page links there too
    home_links = page.locator("#drafts ~ ul a, #drafts + ul a").all()
    assert all(urljoin(page.url, a.get_attribute("href")).startswith(site_server + section + "drafts/")
               for a in home_links)


def test_the_language_switch_on_a_draft_keeps_the_draft(page, site_server):
    page.goto(site_server + "ru/" + DRAFT + "#comment-3")
    for hreflang, target in (("kk", "kk/" + DRAFT), ("en", DRAFT), ("ru", "ru/" + DRAFT)):
        page.locator(".md-header .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={hreflang}]").click()
        page.wait_for_url(re.compile(re.escape(site_server + target) + "(#comment-3)?$"))
        assert page.locator("html").get_attribute("lang") == hreflang
        assert page.locator(".zl-comment.zl-late").count() == 1


# ── the 404 page: served by `zanlex serve`, working under a sub-path ───────────────────────────

def test_zanlex_serve_answers_a_missing_url_with_the_site_404_page(page, built_site):
    import os
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "serve", "--out", str(built_site),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline()).group(0)
        resp = page.goto(base + "ru/no/such/page/")
        assert resp.status == 404
        assert "Error response" not in page.content()
        for lang, title in (("ru", "Страница не найдена"), ("kk", "Бет табылмады"), ("en", "Page not found")):
            assert title in page.locator(f"section.zl-404[lang={lang}]").inner_text()
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") != "static"   # styled
        page.locator("section.zl-404[lang=kk] a").click()
        page.wait_for_url(base + "kk/")
        assert page.locator("html").get_attribute("lang") == "kk"
        assert page.request.get(base + "ru/").status == 200
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_404_page_works_when_the_site_is_hosted_under_a_sub_path(page, tmp_path, monkeypatch):
    """site_url "https://example.kz/zanlex/": a host serves the site under /zanlex/ and its 404 page
    for any missing URL there; every link and asset of that page resolves."""
    from test_site import sample_site

    from publisher.build import build_site
    from publisher.pages import site_pages
    from publisher.serving import site_server

    monkeypatch.setenv("ZANLEX_SITE_URL", "https://example.kz/zanlex/")
    pages, files = site_pages(sample_site(), printing=False)
    host = tmp_path / "host"
    build_site(pages, files, host / "zanlex")
    httpd = site_server(host, 0, quiet=True, not_found=host / "zanlex" / "404.html")
    import threading

    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        resp = page.goto(base + "zanlex/kk/no/such/page/")
        assert resp.status == 404
        refs = page.eval_on_selector_all("a[href], link[href], script[src]", "els => els.map(e => "
                                         "new URL(e.getAttribute('href') || e.getAttribute('src'), location.href).href)")
        internal = sorted({r.split("#")[0] for r in refs if r.startswith(base)})
        assert internal and all(r.startswith(base + "zanlex/") for r in internal), internal
        assert [r for r in internal if page.request.get(r).status != 200] == []
        page.locator("section.zl-404[lang=ru] a").click()
        page.wait_for_url(base + "zanlex/ru/")
    finally:
        httpd.shutdown()
        httpd.server_close()
