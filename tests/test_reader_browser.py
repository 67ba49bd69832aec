"""What a reader sees first, and the header's search, in Chromium on the demo.

- At 375 x 667 the page's h1 is on the first screen, on every page type in every language,
  with the site's alerts above the header and the offer of another language shown.
- The header's search control is a labelled link to the language's search page without
  JavaScript; with it, it opens Pagefind in the header, finds a known word, and is operated
  with the keyboard. axe finds nothing on the search page with results shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.budget import LANGUAGES, PAGE_TYPES, page_path, serve_compressed
from playwright.sync_api import Browser, Page, sync_playwright

from chancery.core.strings import Strings
from tests.a11y_support import AXE_JS, require_tools
from tests.browser_support import launch_chromium

pytestmark = pytest.mark.browser

STRINGS = Strings.load()
#: A word every demo language's articles contain (the visa waiver article is in all six).
KNOWN_WORD = {
    "en": "visa",
    "fr": "visa",
    "es": "visa",
    "ko": "무사증",
    "zh": "免签",
    "ar": "التأشيرة",
}
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .map(v => `${v.id} at ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)"""


@pytest.fixture(scope="module")
def origin(demo_site: Path) -> Iterator[str]:
    with serve_compressed(demo_site) as served:
        yield served


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _tab(chromium: Browser, *, locale: str = "en-US", javascript: bool = True) -> Page:
    context = chromium.new_context(
        viewport={"width": 375, "height": 667}, locale=locale, java_script_enabled=javascript
    )
    return context.new_page()


def _prefix(language: str) -> str:
    return "/" if language == LANGUAGES[0] else f"/{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_h1_is_on_the_first_phone_screen(chromium: Browser, origin: str, language: str) -> None:
    # A browser that prefers another language, so that the offer to read it shows too.
    tab = _tab(chromium, locale="fr-FR" if language == "en" else "en-US")
    try:
        offers = 0
        for kind in PAGE_TYPES:
            tab.goto(origin + page_path(language, kind), wait_until="networkidle")
            if kind != "light":
                assert tab.locator(".chancery-alert").count() >= 1, f"{kind}: no alert shown"
            offers += tab.locator(".chancery-offer").count()
            box = tab.locator("h1").first.bounding_box()
            assert box is not None, f"{language} {kind}: no h1"
            assert box["y"] >= 0 and box["y"] + box["height"] <= 667, f"{language} {kind}: {box}"
        assert offers >= 1, "the offer of another language never showed"
    finally:
        tab.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_header_search_is_a_link_to_the_search_page(
    chromium: Browser, origin: str, language: str
) -> None:
    tab = _tab(chromium, javascript=False)
    try:
        tab.goto(origin + page_path(language, "article"))
        control = tab.locator("header.md-header .chancery-header-search")
        assert control.count() == 1 and control.is_visible()
        assert control.get_attribute("aria-label") == STRINGS.text("search.title", language)
        assert tab.locator(".chancery-search-bar, .md-container form[role=search]").count() == 0
        tab.keyboard.press("Tab")
        for _ in range(15):  # Through the header, in document order.
            if tab.evaluate("document.activeElement.classList.contains('chancery-header-search')"):
                break
            tab.keyboard.press("Tab")
        else:
            raise AssertionError("the search link is not reached with the Tab key")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert tab.url == origin + _prefix(language) + "search/"
        assert tab.locator("h1").inner_text() == STRINGS.text("search.title", language)
    finally:
        tab.context.close()


@pytest.mark.parametrize("language", ["en", "ar", "zh"])
def test_the_header_search_opens_pagefind_and_works_from_the_keyboard(
    chromium: Browser, origin: str, language: str
) -> None:
    tab = _tab(chromium)
    try:
        tab.goto(origin + page_path(language, "article"), wait_until="networkidle")
        # Pagefind is not loaded until the reader opens the search.
        assert tab.evaluate("typeof PagefindUI") == "undefined"
        control = tab.locator(".chancery-header-search")
        assert control.get_attribute("aria-expanded") == "false"
        control.focus()
        tab.keyboard.press("Enter")
        field = tab.locator("#chancery-search-panel input")
        field.wait_for(state="visible")
        tab.wait_for_function("document.activeElement.id === 'chancery-search-panel-input'")
        label = tab.locator("label[for='chancery-search-panel-input']")
        assert label.inner_text() == STRINGS.text("search.label", language)
        assert control.get_attribute("aria-expanded") == "true"
        tab.keyboard.type(KNOWN_WORD[language])
        result = tab.locator("#chancery-search-panel .pagefind-ui__result-link").first
        result.wait_for(state="visible", timeout=15_000)
        href = result.get_attribute("href") or ""
        assert href.startswith(_prefix(language)), href
        tab.keyboard.press("Escape")
        assert tab.locator("#chancery-search-panel").is_hidden()
        assert tab.evaluate("document.activeElement.classList.contains('chancery-header-search')")
        # Space opens it again, as on a button.
        tab.keyboard.press(" ")
        tab.wait_for_function("document.activeElement.id === 'chancery-search-panel-input'")
    finally:
        tab.context.close()


@pytest.mark.parametrize("language", ["en", "ar", "ko"])
def test_the_search_page_has_a_labelled_input_and_no_axe_violation(
    chromium: Browser, origin: str, language: str
) -> None:
    require_tools()
    tab = _tab(chromium)
    try:
        tab.context.add_init_script(path=str(AXE_JS))
        url = f"{origin}{_prefix(language)}search/?q={KNOWN_WORD[language]}"
        tab.goto(url, wait_until="networkidle")
        tab.locator("#chancery-search .pagefind-ui__result-link").first.wait_for(timeout=15_000)
        label = tab.locator("label[for='chancery-search-input']")
        assert label.inner_text() == STRINGS.text("search.label", language)
        assert tab.evaluate(AXE_RUN) == []
        # Here the header's control leads to the page's own search box, not a second one.
        tab.locator(".chancery-header-search").click()
        tab.wait_for_function("document.activeElement.id === 'chancery-search-input'")
        assert tab.locator("#chancery-search-panel").is_hidden()
    finally:
        tab.context.close()


def test_the_search_page_loads_pagefind_when_the_reader_turns_to_its_form(
    chromium: Browser, origin: str
) -> None:
    tab = _tab(chromium)
    try:
        tab.goto(origin + "/fr/search/", wait_until="networkidle")
        assert tab.evaluate("typeof PagefindUI") == "undefined"
        field = tab.get_by_label(STRINGS.text("search.label", "fr"), exact=True)
        field.click()
        tab.keyboard.type(KNOWN_WORD["fr"])
        tab.locator("#chancery-search .pagefind-ui__result-link").first.wait_for(timeout=15_000)
        assert tab.evaluate("document.activeElement.id") == "chancery-search-input"
        assert tab.locator("#chancery-search-input").input_value() == KNOWN_WORD["fr"]
        assert tab.locator("#chancery-search form.chancery-search-form").is_hidden()
    finally:
        tab.context.close()
