"""Right-to-left and CJK in a real Chromium.

Arabic pages are right-to-left with a mirrored layout, Korean keeps its words whole, and every
script renders from a small font download. The run saves a screenshot of each language's home
and article at both widths under test-artifacts/screenshots/, for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.a11y_support import ARTICLE, ARTIFACTS, PAGE_TYPES, WIDTHS, languages, prefix
from tests.browser_support import launch_chromium, serve

pytestmark = pytest.mark.browser

STEP_TIMEOUT = 15_000
RTL = frozenset({"ar", "fa", "he", "ur"})
SCREENSHOTS = ARTIFACTS / "screenshots"
#: A page in a section of the nav: on a desktop, a page outside the nav (an article) has no
#: navigation column, which would hold nothing (chancery/content hides it).
IN_SECTION = PAGE_TYPES["consular-service"]
#: At most this much font data (bytes on the wire) for a first visit, in any language: two
#: woff2 files (Latin regular and bold, or Latin and Arabic regular); CJK uses system fonts.
FONT_BUDGET = 70_000


@pytest.fixture(scope="module")
def browser(demo_site: Path) -> Iterator[tuple[Browser, str]]:
    with serve(demo_site) as origin, sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium, origin
        finally:
            chromium.close()


def _layout(browser: tuple[Browser, str], path: str, width: int) -> dict[str, Any]:
    chromium, origin = browser
    context = chromium.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT)
    page = context.new_page()
    page.goto(origin + path)
    # Nothing may stick out sideways: in Arabic that shifts the whole page off the screen.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if width < 960:
        # Open the navigation drawer the way a reader does: the header's menu button.
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)  # Material's 250 ms slide-in transition
    state: dict[str, Any] = page.evaluate(
        """() => {
          const rect = s => document.querySelector(s).getBoundingClientRect();
          const paragraph = document.querySelector(".md-content .md-typeset p");
          const style = getComputedStyle(paragraph);
          const range = document.createRange();
          range.selectNodeContents(paragraph);
          const text = range.getClientRects()[0];
          return {
            html: document.documentElement.dir, body: document.body.dir,
            direction: style.direction, align: style.textAlign,
            nav: rect(".md-sidebar--primary"),
            content: rect(".md-content"),
            paragraph: paragraph.getBoundingClientRect(), firstLine: text,
            width: window.innerWidth,
          };
        }"""
    )
    state["overflow"] = overflow
    context.close()
    return state


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", languages())
def test_direction_and_mirrored_layout(browser: tuple[Browser, str], code: str, width: int) -> None:
    state = _layout(browser, prefix(code) + IN_SECTION, width)
    rtl = code in RTL
    expected = "rtl" if rtl else "ltr"
    assert (state["html"], state["body"], state["direction"]) == (expected,) * 3
    assert state["overflow"] <= 0, f"{code}@{width}: the page is {state['overflow']} px too wide"
    nav, content, width_px = state["nav"], state["content"], state["width"]
    nav_centre = (nav["left"] + nav["right"]) / 2
    # Desktop: the nav column sits at the start side; phone: the opened drawer slides in
    # from the start side.
    assert (nav_centre > width_px / 2) == rtl, f"{code}@{width}: nav at {nav}"
    if width >= 960:
        assert (nav_centre > (content["left"] + content["right"]) / 2) == rtl
    # Text starts at the start edge of its paragraph.
    line, paragraph = state["firstLine"], state["paragraph"]
    if rtl:
        assert abs(line["right"] - paragraph["right"]) < 2, (line, paragraph)
    else:
        assert abs(line["left"] - paragraph["left"]) < 2, (line, paragraph)


def test_korean_keeps_words_whole(browser: tuple[Browser, str]) -> None:
    chromium, origin = browser
    page = chromium.new_page()
    page.goto(f"{origin}{prefix('ko')}{ARTICLE}")
    breaks = page.evaluate(
        """() => [".md-content .md-typeset p", ".md-content h1", ".md-nav__link"]
          .map(s => getComputedStyle(document.querySelector(s)).wordBreak)"""
    )
    page.goto(f"{origin}{prefix('en')}{ARTICLE}")
    english = page.evaluate(
        "getComputedStyle(document.querySelector('.md-content .md-typeset p')).wordBreak"
    )
    page.close()
    assert breaks == ["keep-all"] * 3
    assert english == "normal"


@pytest.mark.parametrize("code", languages())
def test_fonts_cover_the_script_with_a_small_download(
    browser: tuple[Browser, str], code: str
) -> None:
    chromium, origin = browser
    context = chromium.new_context()
    page = context.new_page()
    fonts: list[int] = []
    page.on(
        "response",
        lambda response: (
            fonts.append(len(response.body())) if response.request.resource_type == "font" else None
        ),
    )
    page.goto(f"{origin}{prefix(code)}{ARTICLE}", wait_until="networkidle")
    # Every character of the title has a glyph from a real font, not a fallback box: the
    # browser's font matching finds one for each (system CJK fonts for Korean and Chinese).
    title = page.inner_text(".md-content h1")
    covered = page.evaluate(
        """async (text) => { await document.fonts.ready;
          // A missing glyph is drawn as the font's "tofu" box. Its advance can equal a CJK
          // glyph's (both one em), so compare what is drawn, pixel for pixel.
          const family = getComputedStyle(document.querySelector(".md-content h1")).fontFamily;
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 48;
          const context = canvas.getContext("2d", {willReadFrequently: true});
          context.font = `32px ${family}`;
          const draw = (c) => { context.clearRect(0, 0, 48, 48); context.fillText(c, 4, 36);
            return context.getImageData(0, 0, 48, 48).data.join(); };
          const tofu = draw("\\u{10FFFD}");
          return [...text].filter(c => c.trim()).filter(c => draw(c) === tofu).join(""); }""",
        title,
    )
    context.close()
    assert sum(fonts) <= FONT_BUDGET, f"{code}: {sum(fonts)} bytes of fonts"
    assert not covered, f"{code}: no glyph for {covered!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_each_language(browser: tuple[Browser, str], width: int) -> None:
    chromium, origin = browser
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    saved: list[Path] = []
    for code in languages():
        for name, path in (("home", ""), ("article", ARTICLE)):
            page.goto(f"{origin}{prefix(code)}{path}")
            page.evaluate("document.fonts.ready.then(() => true)")
            target = SCREENSHOTS / f"{code}-{name}-{width}.png"
            page.screenshot(path=str(target), full_page=False)
            saved.append(target)
    context.close()
    assert all(path.stat().st_size > 10_000 for path in saved)
