"""Every page type reads and navigates with JavaScript off, in Chromium.

The content is there, the navigation links lead somewhere, and the language menu opens from
the keyboard and its links lead to the page in the other language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.a11y_support import ARTICLE, Target, languages, prefix, targets
from tests.browser_support import launch_chromium, serve

pytestmark = pytest.mark.browser

STEP_TIMEOUT = 10_000
#: Every page type in the root language; the home and an article in every language.
ROOT = languages()[0]


def _selected(site: Path) -> list[Target]:
    return [
        target
        for target in targets(site)
        if target.language == ROOT or target.kind in {"home", "news"}
    ]


@pytest.fixture(scope="module")
def browser(demo_site: Path) -> Iterator[tuple[Browser, str]]:
    with serve(demo_site) as origin, sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium, origin
        finally:
            chromium.close()


def _context(browser: Browser, width: int) -> BrowserContext:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(STEP_TIMEOUT)
    return context


MENU_STATE = """() => {
  const menu = getComputedStyle(document.querySelector(".md-select__inner"));
  return menu.visibility !== "hidden" && parseFloat(menu.opacity) > 0.9;
}"""


def test_every_page_type_reads_and_navigates_without_javascript(
    demo_site: Path, browser: tuple[Browser, str]
) -> None:
    chromium, origin = browser
    context = _context(chromium, 1280)
    page = context.new_page()
    problems: list[str] = []
    for target in _selected(demo_site):
        response = page.goto(origin + target.path)
        assert response is not None and response.ok, target.path
        state: dict[str, Any] = page.evaluate(
            """() => ({
              js: document.documentElement.classList.contains("no-js"),
              heading: document.querySelector(".md-content h1")?.innerText.trim() || "",
              text: document.querySelector(".md-content")?.innerText.trim().length || 0,
              nav: [...document.querySelectorAll(".md-tabs__link, .md-nav--primary a[href]")]
                .filter(a => a.getBoundingClientRect().width > 0).length,
              languages: [...document.querySelectorAll(".md-select__link[hreflang]")]
                .map(a => a.getAttribute("hreflang")),
            })"""
        )
        if not state["js"]:
            problems.append(f"{target.id}: JavaScript ran")
        if not state["heading"] or state["text"] < 100:
            problems.append(f"{target.id}: no readable content ({state})")
        if state["nav"] < 3:
            problems.append(f"{target.id}: {state['nav']} visible navigation links")
        if sorted(state["languages"]) != sorted(languages()):
            problems.append(f"{target.id}: language menu lists {state['languages']}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 375])
def test_language_menu_opens_from_the_keyboard_and_its_links_work(
    browser: tuple[Browser, str], width: int
) -> None:
    chromium, origin = browser
    context = _context(chromium, width)
    page = context.new_page()
    page.goto(f"{origin}{prefix(ROOT)}{ARTICLE}")
    assert not page.evaluate(MENU_STATE), "the language menu is open before it is asked for"
    page.focus(".md-select button")
    page.wait_for_timeout(300)  # Material's fade-in transition
    assert page.evaluate(MENU_STATE), "the language menu does not open on focus"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-select__link')")
    target = languages()[-1]
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang='{target}']")
    assert page.evaluate("document.documentElement.lang") == target
    assert page.url.endswith(f"{prefix(target)}{ARTICLE}")
    context.close()


def test_phone_navigation_drawer_opens_without_javascript(browser: tuple[Browser, str]) -> None:
    chromium, origin = browser
    context = _context(chromium, 375)
    page = context.new_page()
    page.goto(f"{origin}{prefix(ROOT)}{ARTICLE}")
    links = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_timeout(400)  # the drawer's slide-in transition
    first = links.first
    box = first.bounding_box()
    assert box is not None and 0 <= box["x"] < 375, box
    with page.expect_navigation():
        first.click()
    assert page.evaluate("document.querySelector('.md-content h1') !== null")
    context.close()
