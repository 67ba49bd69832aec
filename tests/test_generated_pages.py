"""Pages Chancery generates in every language, and content pages at their addresses.

A site with its own `search.md` in every language moves Chancery's search page with
`search_page`: every language's search page, every search form (pages and 404 pages) and the
search index follow the setting. A content page at a generated page's address stops the build
with a message naming every such file and the setting to change.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser

from tests.conftest import BuildSite, chancery_plugins, of, page
from tests.headers_support import browser_thread, serve_like_host, watched_context

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("pt-BR", "foreign"), ("ko", "domestic"))
PREFIXES = {"en": "", "fr": "fr/", "pt-BR": "pt-BR/", "ko": "ko/"}
TIPS = {
    "en": ("Search tips", "Use one or two words about lighthouses."),
    "fr": ("Conseils de recherche", "Utilisez un ou deux mots sur les phares."),
    "pt-BR": ("Dicas de busca", "Use uma ou duas palavras sobre faróis."),
    "ko": ("검색 도움말", "등대에 관한 한두 단어를 쓰세요."),
}


def _files() -> dict[str, str]:
    files = {}
    for code, (title, body) in TIPS.items():
        extra = {} if code == "en" else {"translation_of": of("en", TIPS["en"][1])}
        files[f"{code}/search.md"] = page(title, body, **extra)
        home = {} if code == "en" else {"translation_of": of("en", "Welcome.")}
        files[f"{code}/index.md"] = page(f"Home {code}", "Welcome.", **home)
    return files


def _config(**plugins: dict[str, Any]) -> dict[str, Any]:
    listed = [{name: options} for name, options in plugins.items()]
    return {"plugins": chancery_plugins(LANGUAGES, *listed, "chancery/headers", root_language="en")}


def test_every_language_follows_search_page(build_site: BuildSite) -> None:
    site = build_site(
        _files(),
        languages=LANGUAGES,
        config=_config(**{"chancery/search": {"search_page": "site-search"}}),
    )
    bundle = site / "site-search" / "pagefind"
    assert (bundle / "pagefind-entry.json").is_file()
    assert not (site / "search" / "pagefind").exists()
    for code, prefix in PREFIXES.items():
        # The site's own page keeps its address; Chancery's search page is at site-search/.
        own = BeautifulSoup((site / prefix / "search/index.html").read_text("utf-8"), "lxml")
        assert own.h1 is not None and own.h1.get_text(strip=True) == TIPS[code][0]
        search_file = f"{prefix}site-search/index.html"
        search = BeautifulSoup((site / search_file).read_text("utf-8"), "lxml")
        html = search.find("html")
        assert html is not None and html["lang"] == code
        box = search.select_one("#chancery-search")
        assert box is not None
        base = "https://x.example/" + search_file.removesuffix("index.html")
        assert urljoin(base, str(box["data-bundle"])) == "https://x.example/site-search/pagefind/"
        assert box["data-bundle-path"] == "site-search/pagefind/"
        # Pagefind's UI is loaded on demand (search.js) from the bundle above.
        assert search.select_one('script[src$="assets/chancery/search.js"]') is not None
        # Every way to search, on the language's pages and its 404 page (the header's link and
        # panel, and the search forms), goes there.
        for path in (f"{prefix}index.html", f"{prefix}search/index.html", f"{prefix}404.html"):
            soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
            page_url = "https://x.example/" + path
            link = soup.select_one("a.chancery-header-search")
            panel = soup.select_one("#chancery-search-panel")
            assert link is not None and panel is not None, path
            assert urlsplit(urljoin(page_url, str(link["href"]))).path == f"/{prefix}site-search/"
            assert urljoin(page_url, str(panel["data-bundle"])).endswith("/site-search/pagefind/")
            for form in soup.select("form[role=search]"):
                action = urljoin(page_url, str(form["action"]))
                assert urlsplit(action).path == f"/{prefix}site-search/", (path, action)


@pytest.mark.parametrize(
    ("plugin", "options", "files", "message"),
    [
        (
            "chancery/search",
            {},
            _files(),
            "content/en/search.md, content/fr/search.md, content/ko/search.md, "
            "content/pt-BR/search.md: published at search/ (under each language's prefix), "
            "where chancery/search puts its page in every language; rename the page, or move "
            "chancery/search's page with `search_page: <another path>` under "
            "`- chancery/search:` in mkdocs.yml's plugins",
        ),
        (
            "chancery/integrity",
            {},
            {"en/index.md": page("Home"), "ko/verify/index.md": page("확인", draft=True)},
            "content/ko/verify/index.md: published at verify/ (under each language's prefix), "
            "where chancery/integrity puts its page in every language; rename the page, or move "
            "chancery/integrity's page with `integrity_page: <another path>`",
        ),
        (
            "chancery/dashboard",
            {},
            {
                "en/index.md": page("Home"),
                "ko/internal/language-service/index.md": page("대시보드"),
            },
            "content/ko/internal/language-service/index.md: the language service dashboard is "
            "published at this address; move the page, or set dashboard_path",
        ),
    ],
    ids=["search", "integrity", "dashboard"],
)
def test_a_content_page_at_a_generated_pages_address_names_the_setting(
    build_site: BuildSite,
    caplog: pytest.LogCaptureFixture,
    plugin: str,
    options: dict[str, Any],
    files: dict[str, str],
    message: str,
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES, config=_config(**{plugin: options}))
    assert message in caplog.text


@pytest.mark.browser
def test_search_works_from_the_moved_search_page(build_site: BuildSite) -> None:
    site = build_site(
        _files(),
        languages=LANGUAGES,
        config=_config(**{"chancery/search": {"search_page": "site-search"}}),
    )
    with browser_thread() as chromium:
        chromium.run(_search, site)


def _search(browser: Browser, site: Path) -> None:
    with serve_like_host(site) as origin, watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url(f"/fr/site-search/?q={quote('phares')}"), wait_until="load")
        links = tab.locator(".pagefind-ui__result-link")
        links.first.wait_for(state="visible")
        hrefs = [urlsplit(str(href)).path for href in links.evaluate_all("l => l.map(a => a.href)")]
        assert hrefs == ["/fr/search/"]
        assert watched.violations() == [] and watched.page_errors == []
