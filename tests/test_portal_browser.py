"""The portal's landing pages in a real Chromium, at a phone's width and a desktop's.

Every language's home page, a hub, an article and a travel-advice page are opened at 375 and
1280 px; each is saved as a screenshot under test-artifacts/screenshots/portal/ for people to
look at, and checked: nothing sticks out sideways, the title starts on the first screen, and on
the home page and the hub the whole title and (on the home page) the most urgent section are on
a phone's first screen. The travel-advice finder is used with JavaScript off, and its search
with JavaScript on; the navigation sidebar that holds nothing is gone on a desktop while the
phone's menu drawer still opens; axe-core and the Nu HTML Checker pass on homes unlike the
demo's (right-to-left only, a long folded list of countries).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chancery.core.strings import Strings
from tests.a11y_support import (
    ARTICLE,
    ARTIFACTS,
    AXE_JS,
    PAGE_TYPES,
    languages,
    prefix,
    require_tools,
    run_nu_checker,
)
from tests.browser_support import launch_chromium, serve
from tests.conftest import page as content_page
from tests.listings_support import build_project
from tests.portal_support import LONG_LIST, advice, news, portal_config

pytestmark = pytest.mark.browser

STEP_TIMEOUT = 15_000
STRINGS = Strings.load()
SCREENSHOTS = ARTIFACTS / "screenshots" / "portal"
#: A small phone's first screen, and a desktop's.
SCREENS = {375: 667, 1280: 900}
#: The pages each language is shot and checked on.
KINDS = {
    "home": PAGE_TYPES["home"],
    "hub": PAGE_TYPES["hub"],
    "article": ARTICLE,
    "travel-advice": PAGE_TYPES["travel-advice"],
}

#: Where the title and the home page's first section sit, and whether the page is too wide.
LAYOUT = """() => {
  const box = (element) => element ? element.getBoundingClientRect().toJSON() : null;
  const first = document.querySelector(".chancery-home__alerts, .chancery-portal__section");
  return {
    title: box(document.querySelector("h1")),
    first: box(first),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def demo_origin(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as origin:
        yield origin


def _open(chromium: Browser, width: int, code: str, **options: Any) -> Page:
    # The reader's browser speaks the page's language, as a reader of that language's does:
    # no offer to read the page in another language takes the first screen.
    context = chromium.new_context(
        viewport={"width": width, "height": SCREENS[width]}, locale=code, **options
    )
    context.set_default_timeout(STEP_TIMEOUT)
    return context.new_page()


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("code", languages())
def test_screenshots_with_the_title_on_the_first_screen(
    chromium: Browser, demo_origin: str, code: str, width: int
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = _open(chromium, width, code)
    height = SCREENS[width]
    for kind, path in KINDS.items():
        tab.goto(demo_origin + prefix(code) + path)
        tab.evaluate("document.fonts.ready.then(() => true)")
        target = SCREENSHOTS / f"{code}-{kind}-{width}.png"
        tab.screenshot(path=str(target))
        layout: dict[str, Any] = tab.evaluate(LAYOUT)
        where = f"{code} {kind} @{width}"
        assert layout["overflow"] <= 0, f"{where}: {layout['overflow']} px too wide"
        title = layout["title"]
        assert 0 <= title["top"] < height, f"{where}: the title starts at {title['top']}"
        if kind in ("home", "hub"):
            assert title["bottom"] <= height, f"{where}: the title ends at {title['bottom']}"
        if kind == "home":
            # The most urgent section (the alerts, else travel advice) starts on the first
            # screen, under the title.
            first = layout["first"]
            assert first is not None and title["bottom"] <= first["top"] < height, where
        assert target.stat().st_size > 10_000
    tab.context.close()


@pytest.mark.parametrize("code", languages())
def test_the_finder_leads_to_a_countrys_advice_without_javascript(
    chromium: Browser, demo_origin: str, code: str
) -> None:
    tab = _open(chromium, 375, code, java_script_enabled=False)
    tab.goto(demo_origin + prefix(code))
    links = tab.locator("#chancery-finder-list a")
    assert links.count() >= 2
    for index in range(links.count()):
        link = tab.locator("#chancery-finder-list a").nth(index)
        country = link.locator(".chancery-advice-links__country").inner_text()
        link.focus()
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert "/travel-advice/" in tab.url
        assert tab.locator("html").get_attribute("lang") == code
        # The advice page names the same country, at its level.
        assert tab.locator(".chancery-advice dd").first.inner_text().strip() == country
        assert tab.locator(".chancery-advice .chancery-level").count() == 1
        with tab.expect_navigation():
            tab.go_back()
    tab.context.close()


@pytest.fixture(scope="module")
def tiny_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A French site with a long list of travel advice, and an Arabic-only site."""
    files = {"fr/index.md": content_page("Ministère des Affaires étrangères", "Bonjour.")}
    for country, name in LONG_LIST.items():
        level = 4 if country == "SN" else 1
        files[f"fr/travel-advice/{country.lower()}.md"] = advice(country, name, level)
    french = build_project(
        tmp_path_factory.mktemp("french"), files, portal_config((("fr", "foreign"),))
    )
    arabic = build_project(
        tmp_path_factory.mktemp("arabic"),
        {
            "ar/index.md": content_page("وزارة الخارجية", "## من نحن\n\nمرحبًا."),  # noqa: RUF001
            "ar/news/a.md": news("الخبر الأول", 1),
            "ar/travel-advice/eg.md": advice("EG", "مصر", 2),
        },
        portal_config((("ar", "foreign"),)),
    )
    return {"fr": french, "ar": arabic}


def test_the_finder_search_narrows_the_list_and_opens_the_only_match(
    chromium: Browser, tiny_sites: dict[str, Path]
) -> None:
    with serve(tiny_sites["fr"]) as origin:
        tab = _open(chromium, 375, "fr")
        tab.goto(origin + "/")
        search = tab.get_by_label(STRINGS.text("home.travel.find", "fr"))
        assert search.is_visible()
        details = tab.locator("details.chancery-finder__all")
        assert details.get_attribute("open") is None
        visible = "#chancery-finder-list li:visible .chancery-advice-links__country"
        # Accents and case do not matter; the folded list opens to show the matches.
        search.fill("etats")
        assert tab.locator(visible).all_inner_texts() == ["États-Unis"]
        assert details.get_attribute("open") is not None
        search.fill("zzz")
        assert tab.locator(visible).count() == 0
        status = tab.locator("#chancery-finder-status")
        assert status.inner_text() == STRINGS.text("home.travel.no_match", "fr")
        search.fill("")
        assert tab.locator(visible).count() == len(LONG_LIST)
        assert status.inner_text() == ""
        # From the keyboard: Tab reaches the field, Enter opens the only country that matches.
        search.fill("")
        search.focus()
        tab.keyboard.type("sénég")
        tab.keyboard.press("Enter")
        tab.wait_for_url("**/travel-advice/sn/")
        tab.context.close()


def test_the_navigation_sidebar_is_gone_on_a_desktop_and_the_menu_drawer_stays_on_a_phone(
    chromium: Browser, demo_origin: str
) -> None:
    shown = (
        """(selector) => getComputedStyle(document.querySelector(selector)).display !== "none" """
    )
    desktop = _open(chromium, 1280, "en")
    desktop.goto(demo_origin + "/about/")
    assert not desktop.evaluate(shown, ".md-sidebar--primary")
    assert desktop.evaluate(shown, ".md-sidebar--secondary")
    desktop.goto(demo_origin + "/" + PAGE_TYPES["consular-service"])
    assert desktop.evaluate(shown, ".md-sidebar--primary")
    desktop.context.close()
    phone = _open(chromium, 375, "en")
    phone.goto(demo_origin + "/about/")
    phone.click("label.md-header__button[for='__drawer']")
    phone.wait_for_timeout(400)  # Material's 250 ms slide-in
    drawer = phone.locator(".md-sidebar--primary")
    box = drawer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 200
    assert phone.locator(".md-sidebar--primary .md-nav__link:visible").count() >= 5
    phone.context.close()


AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .map(v => `${v.id} at ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)"""


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_homes_unlike_the_demos_pass_axe_and_the_nu_checker(
    chromium: Browser, tiny_sites: dict[str, Path], code: str
) -> None:
    require_tools()
    site = tiny_sites[code]
    with serve(site) as origin:
        for width in SCREENS:
            tab = _open(chromium, width, code)
            tab.context.add_init_script(path=str(AXE_JS))
            tab.goto(origin + "/")
            # With the folded list open, as a reader who looks through it sees it.
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            violations = tab.evaluate(AXE_RUN)
            assert violations == [], f"{code}@{width}: {violations}"
            tab.context.close()
    errors = [m for m in run_nu_checker([site / "index.html"]) if m.get("type") == "error"]
    assert errors == [], errors
