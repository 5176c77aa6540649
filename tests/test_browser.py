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


def test_kazakh_search_finds_the_kazakh_law(page, site_server):
    hits = _search(page, site_server, "kk/search/", "көрсетілетін қызмет")
    assert any(f"{LAW}kaz/" in h for h in hits), hits
    assert not any("/rus/" in h or "/eng/" in h for h in hits), "the Kazakh index holds Kazakh pages only"


def test_russian_search_finds_article_15_on_public_discussion(page, site_server):
    hits = _search(page, site_server, "ru/search/", "публичное обсуждение")
    assert any(f"{LAW}rus/" in h for h in hits), hits
    texts = page.locator(".pagefind-ui__result").all_inner_texts()
    assert any("обсуждени" in t.lower() for t in texts)


def test_english_search_finds_the_english_law(page, site_server):
    hits = _search(page, site_server, "search/", "public discussion")
    assert any(f"{LAW}eng" in h for h in hits), hits      # the current text or the 2014 English wording


def test_the_version_switcher_moves_between_versions_and_the_banner_changes(page, site_server):
    page.goto(site_server + LAW + "rus/")
    options = page.locator("select.zl-switcher option")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert len(values) > 3
    page.locator("select.zl-switcher").select_option(index=len(values) - 1)     # the oldest version
    page.wait_for_url(re.compile(r"rus@\d{4}-\d{2}-\d{2}/$"))
    first_url, first_banner = page.url, page.locator(".zl-banner").inner_text()
    assert "действует с" in first_banner
    page.screenshot(path=str(ARTIFACTS / "version.png"), full_page=False)
    page.locator("select.zl-switcher").select_option(index=len(values) - 2)     # the next one
    page.wait_for_url(lambda url: url != first_url)
    assert page.locator(".zl-banner").inner_text() != first_banner
    page.locator("a.zl-prev").click()
    page.wait_for_url(first_url)
    assert page.locator(".zl-banner").inner_text() == first_banner


def test_a_diff_page_shows_insertions_and_deletions(page, site_server):
    page.goto(site_server + LAW + "rus/")
    versions = [o.get_attribute("value") for o in page.locator("select.zl-switcher option").all()][1:]
    for rel in versions:
        page.goto(urljoin(site_server + LAW + "rus/", rel) + "diff-previous/")
        if page.locator("del.zl-del").count() and page.locator("ins.zl-ins").count() > 1:
            break
    else:
        pytest.fail("no diff between consecutive Russian versions shows both <ins> and <del>")
    ins = page.locator("ins.zl-ins").nth(1)
    assert ins.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(ARTIFACTS / "diff.png"))


def test_screenshots_of_the_act_the_graph_and_a_draft(page, site_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(site_server + LAW + "rus/#chp_2__art_9-1")
    assert page.locator("#chp_2__art_9-1").is_visible()
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
          "graph/", "drafts/", "downloads/", "kk/search/"]


def test_every_internal_link_on_a_sample_of_pages_resolves(page, site_server):
    checked: dict[str, int] = {}
    anchors_missing = []
    for path in SAMPLE:
        resp = page.goto(site_server + path)
        assert resp.status == 200, path
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
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
