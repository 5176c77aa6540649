"""A national corpus on the site's own pages: the home page, the acts list and the downloads
stay a page of acts each, and a pager names a window of pages, not every page (otherwise the
site would grow with the square of the number of acts)."""

from __future__ import annotations

import re
from datetime import date

from publisher.model import SiteData, TextView, WorkView
from publisher.pages import ACTS_PER_PAGE, _Pages, global_pages


def _site(n: int) -> SiteData:
    works = [WorkView(f"order-{i}", f"/akn/kz/act/order/2020-01-01/{i}", "order", date(2020, 1, 1), str(i),
                      {"rus": f"Приказ {i}"}, texts={"rus": TextView(f"Приказ {i}")}) for i in range(1, n + 1)]
    return SiteData(works=works, built=date(2026, 12, 1))


def _by_url(n: int) -> dict:
    return {p.url: p for p in global_pages(_Pages(_site(n)))}


def _links(page) -> list[str]:
    return re.findall(r'href="([^"]*)"', str(page.body))


def test_the_home_page_lists_a_page_of_acts_and_links_to_all_of_them():
    pages = _by_url(ACTS_PER_PAGE * 2 + 50)
    home = str(pages["ru/"].body)
    assert home.count('class="zl-acts"') == 1
    assert ">Приказ 100</a>" in home and ">Приказ 101</a>" not in home
    assert "Все акты (250)" in home and 'href="acts/"' in home
    assert "Все акты" not in str(_by_url(3)["ru/"].body)          # a small corpus: every act is on the home page


def test_downloads_are_paged_like_the_acts_with_the_graph_and_feeds_on_the_first_page():
    pages = _by_url(ACTS_PER_PAGE * 2 + 50)
    assert {"downloads/", "downloads/2/", "downloads/3/", "ru/downloads/3/", "kk/downloads/2/"} <= set(pages)
    assert "downloads/4/" not in pages
    first, last = str(pages["ru/downloads/"].body), str(pages["ru/downloads/3/"].body)
    assert "Граф связей" in first and "Граф связей" not in last
    assert first.count("<h2 id=\"order-") == ACTS_PER_PAGE and last.count("<h2 id=\"order-") == 50
    assert pages["ru/downloads/3/"].title == "Скачать (3/3)"


def test_a_pager_names_the_first_and_last_pages_and_its_neighbours_only():
    pages = _by_url(ACTS_PER_PAGE * 40)            # 40 pages of acts
    links = _links(pages["kk/acts/20/"])
    pager = [h for h in links if re.fullmatch(r"(\.\./)+(acts/)?(\d+/)?", h)]
    assert pager == ["../", "../18/", "../19/", "../21/", "../22/", "../40/"]
    assert 'aria-current="page">20<' in str(pages["kk/acts/20/"].body)
    assert 'aria-label="Беттер"' in str(pages["kk/acts/20/"].body)
    assert str(pages["kk/acts/20/"].body).count("…") == 2
