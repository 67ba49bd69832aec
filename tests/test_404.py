"""One 404 page per language, in that language, with the root language's at the site root."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from chancery.core.config import read_site_settings
from chancery.core.strings import Strings
from tests.conftest import REPO
from tests.headers_support import browser_thread, serve_like_host, watched_context

#: The package's interface strings, as a build without a locales folder reads them.
STRINGS = Strings.load()


def _languages() -> list[dict[str, Any]]:
    policy = read_site_settings(REPO / "mkdocs.yml").policy
    return [
        {
            "code": language.code,
            "prefix": policy.url_prefix(language.code),
            "site_name": language.site_name,
        }
        for language in policy.languages
    ]


LANGUAGES = _languages()


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang["code"] for lang in LANGUAGES])
def test_each_language_has_its_own_404_page(demo_site: Path, language: dict[str, Any]) -> None:
    code, prefix = language["code"], language["prefix"]
    soup = BeautifulSoup((demo_site / prefix / "404.html").read_text("utf-8"), "lxml")
    html = soup.find("html")
    assert html is not None and html.get("lang") == code
    title = STRINGS.text("notfound.title", code)
    assert soup.title is not None
    assert soup.title.get_text(strip=True) == f"{title} - {language['site_name']}"
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [title]
    home = soup.find("a", string=STRINGS.text("notfound.home", code))
    assert home is not None and home["href"] == f"/{prefix}"
    forms = soup.select("form[role=search]")
    assert forms and all(form["action"] == f"/{prefix}search/" for form in forms)
    # The language selector leads to each language's home (there is no "same page").
    selector = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link")}
    assert selector == {lang["code"]: f"/{lang['prefix']}" for lang in LANGUAGES}
    # Its links are absolute: the page is served at any depth under the prefix.
    for link in soup.select("link[rel=stylesheet], script[src]"):
        assert str(link.get("href") or link.get("src")).startswith("/"), link


def test_redirect_rules_send_each_prefix_to_its_404(demo_site: Path) -> None:
    rules = [line.split() for line in (demo_site / "_redirects").read_text("utf-8").splitlines()]
    expected = [
        [f"/{lang['prefix']}*", f"/{lang['prefix']}404.html", "404"]
        for lang in sorted(LANGUAGES, key=lambda lang: lang["prefix"])
        if lang["prefix"]
    ]
    assert rules == [*expected, ["/*", "/404.html", "404"]]


@pytest.mark.browser
def test_a_missing_arabic_page_shows_the_arabic_404_and_its_search(demo_site: Path) -> None:
    with browser_thread() as chromium:
        chromium.run(_check_arabic_404, demo_site)


def _check_arabic_404(browser: Browser, demo_site: Path) -> None:
    with serve_like_host(demo_site) as origin, watched_context(browser, origin) as watched:
        tab = watched.page
        response = tab.goto(watched.url("/ar/news/no-such-story/"), wait_until="networkidle")
        assert response is not None and response.status == 404
        assert tab.evaluate("document.documentElement.lang") == "ar"
        assert tab.locator("h1").inner_text().strip() == STRINGS.text("notfound.title", "ar")
        box = tab.locator("article form[role=search] input[type=search]")
        box.fill("الملاحة")
        with tab.expect_navigation(wait_until="load"):
            box.press("Enter")
        result = tab.locator(".pagefind-ui__result-link").first
        result.wait_for(state="visible")
        assert "/ar/" in str(result.get_attribute("href"))
        assert watched.violations() == []
