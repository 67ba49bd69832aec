"""G4 in a real Chromium: the demo portal under its own ``_headers`` breaks no CSP rule.

No CSP violation and no console error on any page type, while our scripts run, and the header
search, the search page and the language selector work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.headers_support import (
    BrowserThread,
    Watched,
    browser_thread,
    serve_like_host,
    watched_context,
)

pytestmark = pytest.mark.browser

#: One page of each type (and the generated ones), in the root language and in the RTL and
#: CJK languages. Paths are site-relative.
PAGE_TYPES = (
    "",
    "about/",
    "news/",
    "news/2026-09-visa-waiver/",
    "statements/2026-07-maritime-security/",
    "campaigns/open-haneul/",
    "consular/visas/",
    "events/2026-12-film-festival/",
    "fact-checks/entry-fee-rumour/",
    "missions/",
    "missions/paris/",
    "travel-advice/",
    "travel-advice/egypt/",
    "verify/",
    "search/",
    "archive/",
    "internal/language-service/",
    "light/",
)
#: In the RTL and CJK languages, the pages whose scripts differ (search, selector offers).
SAMPLE = ("", "news/2026-09-visa-waiver/", "search/", "light/")
#: Text-only light pages load no script at all.
LIGHT = "light/"


@pytest.fixture(scope="module")
def host_origin(demo_site: Path) -> Iterator[str]:
    with serve_like_host(demo_site) as origin:
        yield origin


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    with browser_thread() as thread:
        yield thread


def assert_clean(watched: Watched, *, expect_404: bool = False) -> None:
    errors = watched.console_errors
    if expect_404:
        errors = [error for error in errors if "404" not in error]
    assert watched.violations() == [], f"{watched.page.url}: CSP violations"
    assert errors == [], f"{watched.page.url}: console errors"
    assert watched.page_errors == [], f"{watched.page.url}: script errors"


def test_the_policy_is_sent(chromium: BrowserThread, host_origin: str) -> None:
    chromium.run(_check_policy_is_sent, host_origin)


def _check_policy_is_sent(browser: Browser, origin: str) -> None:
    with watched_context(browser, origin) as watched:
        response = watched.page.goto(watched.url("/"))
        assert response is not None
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy
        assert "'unsafe-eval'" not in policy
        assert "script-src 'self' 'sha256-" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("prefix", "paths"),
    [("", PAGE_TYPES), ("ar/", SAMPLE), ("zh/", SAMPLE), ("ko/", SAMPLE)],
    ids=["en", "ar", "zh", "ko"],
)
def test_every_page_type_runs_without_violations(
    chromium: BrowserThread, host_origin: str, demo_site: Path, prefix: str, paths: tuple[str, ...]
) -> None:
    chromium.run(_check_pages, host_origin, demo_site, prefix, paths)


def _check_pages(
    browser: Browser, origin: str, demo_site: Path, prefix: str, paths: tuple[str, ...]
) -> None:
    with watched_context(browser, origin) as watched:
        visited = 0
        for path in paths:
            if not (demo_site / prefix / path / "index.html").is_file():
                continue
            response = watched.page.goto(watched.url(f"/{prefix}{path}"), wait_until="networkidle")
            assert response is not None and response.status == 200, f"/{prefix}{path}"
            if path != LIGHT:
                # The header's search script ran (it makes its link a button): the policy
                # did not block it. No page loads Material's bundle.
                ran = watched.page.locator(".chancery-header-search").get_attribute("role")
                assert ran == "button" or path.endswith("search/"), f"/{prefix}{path}: not run"
                assert watched.page.evaluate("typeof window.document$") == "undefined"
            assert_clean(watched)
            visited += 1
        assert visited >= min(len(paths), 12), "the demo lost most of its page types"


def test_404_page_runs_without_violations(chromium: BrowserThread, host_origin: str) -> None:
    chromium.run(_check_404, host_origin)


def _check_404(browser: Browser, origin: str) -> None:
    with watched_context(browser, origin) as watched:
        response = watched.page.goto(watched.url("/fr/no-such-page/"), wait_until="networkidle")
        assert response is not None and response.status == 404
        assert watched.page.evaluate("document.documentElement.lang") == "fr"
        assert_clean(watched, expect_404=True)


def test_header_search_works_under_the_policy(chromium: BrowserThread, host_origin: str) -> None:
    chromium.run(_check_header_search, host_origin)


def _check_header_search(browser: Browser, origin: str) -> None:
    # Pagefind's script, stylesheet and WebAssembly, loaded on demand, all pass the policy.
    with watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url("/ar/news/2026-09-visa-waiver/"), wait_until="networkidle")
        tab.locator(".chancery-header-search").click()
        tab.locator("#chancery-search-panel input").fill("التأشيرة")
        result = tab.locator("#chancery-search-panel .pagefind-ui__result-link").first
        result.wait_for(state="visible")
        with tab.expect_navigation(wait_until="networkidle"):
            result.click()
        assert tab.url.startswith(watched.url("/ar/"))
        assert_clean(watched)


def test_language_selector_works_under_the_policy(
    chromium: BrowserThread, host_origin: str
) -> None:
    chromium.run(_check_selector, host_origin)


def _check_selector(browser: Browser, origin: str) -> None:
    with watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url("/news/2026-09-visa-waiver/"), wait_until="networkidle")
        tab.locator("header.md-header .md-select > button").click()
        entry = tab.locator("header.md-header .md-select__list").get_by_role(
            "link", name="العربية", exact=True
        )
        with tab.expect_navigation(wait_until="networkidle"):
            entry.click()
        assert tab.evaluate("document.documentElement.lang") == "ar"
        assert tab.url.endswith("/ar/news/2026-09-visa-waiver/")
        assert_clean(watched)


def test_search_works_under_the_policy(chromium: BrowserThread, host_origin: str) -> None:
    chromium.run(_check_search, host_origin)


def _check_search(browser: Browser, origin: str) -> None:
    with watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url("/search/"), wait_until="networkidle")
        tab.get_by_role("search").first.get_by_role("searchbox").fill("visa")
        tab.get_by_role("search").first.get_by_role("searchbox").press("Enter")
        result = tab.locator(".pagefind-ui__result-link").first
        result.wait_for(state="visible")
        with tab.expect_navigation(wait_until="networkidle"):
            result.click()
        assert "/search/" not in tab.url
        assert_clean(watched)
