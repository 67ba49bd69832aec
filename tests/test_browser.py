"""The demo portal in a real headless Chromium: language homes, the language selector, G5.

The built demo site is served over HTTP on 127.0.0.1; what each page must show is read from
mkdocs.yml and the content files, never from the output under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from chancery.core.config import read_site_settings
from tests.browser_support import RequestLog, launch_chromium, serve
from tests.conftest import REPO

pytestmark = pytest.mark.browser

#: Languages written right to left (Material sets dir="rtl" for them).
RTL = frozenset({"ar", "fa", "he", "ur"})
#: An article that exists in several languages, for the language selector.
ARTICLE = "news/2026-09-visa-waiver"
#: Playwright's wait for any single step, in milliseconds: fail fast, not after 30 s.
STEP_TIMEOUT = 10_000


@dataclass(frozen=True)
class Language:
    """One language of the portal, as mkdocs.yml declares it."""

    code: str
    name: str
    site_name: str
    default: bool

    @property
    def prefix(self) -> str:
        """The URL path of this language's home: the default language lives at the root."""
        return "/" if self.default else f"/{self.code}/"


def _portal_languages() -> tuple[Language, ...]:
    policy = read_site_settings(REPO / "mkdocs.yml").policy
    return tuple(
        Language(
            code=language.code,
            name=language.name,
            site_name=str(language.site_name),
            default=language.code == policy.root_code,
        )
        for language in policy.languages
    )


LANGUAGES = _portal_languages()


def front_matter(code: str, page: str) -> dict[str, Any]:
    """The front matter of content/<code>/<page>.md, read with PyYAML."""
    text = (REPO / "content" / code / f"{page}.md").read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    data = yaml.safe_load(block)
    assert isinstance(data, dict), f"content/{code}/{page}.md has no front matter mapping"
    return data


def has_page(code: str, page: str) -> bool:
    return (REPO / "content" / code / f"{page}.md").is_file()


@dataclass
class Visit:
    """One browser context: its page, every request it made, and its script errors."""

    page: Page
    origin: str
    requests: RequestLog = field(repr=False)
    errors: list[str] = field(default_factory=list, repr=False)

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"


@pytest.fixture(scope="session")
def site_origin(demo_site: Path) -> Iterator[str]:
    """The built demo portal, served on 127.0.0.1 at an ephemeral port."""
    with serve(demo_site) as origin:
        yield origin


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for this module.

    Module scope, not session: Playwright's sync API cannot run while another instance is
    still running, and other test modules start their own.
    """
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_locale() -> str:
    """The reader's browser language; override with @pytest.mark.parametrize."""
    return "en-US"


@pytest.fixture
def visit(browser: Browser, site_origin: str, browser_locale: str) -> Iterator[Visit]:
    """A fresh browser context that records every request its pages make."""
    context = browser.new_context(locale=browser_locale)
    context.set_default_timeout(STEP_TIMEOUT)
    log = RequestLog(site_origin)
    context.on("request", log.record)
    context.on("response", log.check)
    context.on("requestfailed", log.failed)
    # Recorded above, then stopped here: nothing ever leaves the machine, even where it could.
    context.route(lambda url: not url.startswith(f"{site_origin}/"), lambda route: route.abort())
    page = context.new_page()
    current = Visit(page, site_origin, log)
    page.on("pageerror", lambda error: current.errors.append(str(error)))
    try:
        yield current
    finally:
        context.close()


def assert_shows(visit: Visit, response: Response | None, language: Language, page: str) -> None:
    """The page loaded, is declared and laid out in ``language``, and shows its own title."""
    path = "" if page == "index" else f"{page}/"
    assert response is not None, f"no response for {visit.page.url}"
    assert response.status == 200, f"{response.url} answered HTTP {response.status}"
    assert visit.page.url == visit.url(language.prefix + path), (
        f"landed on {visit.page.url}, not on the {language.code} version of {page}"
    )

    tab = visit.page
    assert tab.evaluate("document.documentElement.lang") == language.code
    declared = tab.evaluate("document.body.dir || document.documentElement.dir")
    laid_out = tab.evaluate("getComputedStyle(document.body).direction")
    expected = "rtl" if language.code in RTL else "ltr"
    assert (declared or "ltr", laid_out) == (expected, expected), (
        f"{tab.url}: dir={declared!r}, computed direction={laid_out!r}, expected {expected}"
    )

    title = front_matter(language.code, page)["title"]
    headings = [text.strip() for text in tab.locator("h1").all_text_contents()]
    assert headings == [title], f"{tab.url}: h1 {headings}, expected content/{language.code} title"
    # One pattern: "Title - Ministry", and the ministry's name alone on a home page.
    expected_title = language.site_name if page == "index" else f"{title} - {language.site_name}"
    assert tab.title() == expected_title


def assert_local_only(visit: Visit) -> None:
    """G5: every request went to the local server and found its file; no script failed."""
    assert visit.requests.urls, "no request was recorded at all"
    assert visit.requests.third_party() == [], "third-party requests (G5)"
    # No page loads Material's JavaScript, which probed <alternate>/sitemap.xml for each
    # hreflang link (test_budget.py proves that no page asks for a sitemap).
    assert visit.requests.failures == [], "local requests that failed"
    assert visit.errors == [], "JavaScript errors on the page"


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_language_home(visit: Visit, language: Language) -> None:
    response = visit.page.goto(visit.url(language.prefix), wait_until="networkidle")
    assert_shows(visit, response, language, "index")
    assert_local_only(visit)


def test_language_selector_keeps_the_page(visit: Visit) -> None:
    tab = visit.page
    start = next(language for language in LANGUAGES if language.default)
    others = [lang for lang in LANGUAGES if not lang.default and has_page(lang.code, ARTICLE)]
    assert len(others) >= 2, f"{ARTICLE} must exist in at least two languages besides the root"

    response = tab.goto(visit.url(start.prefix + f"{ARTICLE}/"), wait_until="networkidle")
    assert_shows(visit, response, start, ARTICLE)
    # Through every translation (Français, then 한국어, ...), then back to the root language.
    for target in [*others, start]:
        tab.locator("header.md-header .md-select > button").click()
        entry = tab.locator("header.md-header .md-select__list").get_by_role(
            "link", name=target.name, exact=True
        )
        try:
            entry.wait_for(state="visible")
        except PlaywrightError as error:
            raise AssertionError(f"{tab.url}: no visible selector entry {target.name!r}") from error
        with tab.expect_navigation(wait_until="networkidle") as navigation:
            entry.click()
        assert_shows(visit, navigation.value, target, ARTICLE)
    assert_local_only(visit)


@pytest.mark.parametrize("browser_locale", ["fr-FR"])
def test_reader_is_offered_their_language_and_can_dismiss_it(visit: Visit) -> None:
    tab = visit.page
    tab.goto(visit.url("/about/"), wait_until="networkidle")
    offer = tab.locator("aside.chancery-offer")
    assert offer.get_attribute("lang") == "fr"
    link = offer.get_by_role("link")
    assert link.get_attribute("hreflang") == "fr"
    assert tab.url == visit.url("/about/"), "the offer must never redirect"
    offer.get_by_role("button").click()
    assert offer.count() == 0
    tab.reload(wait_until="networkidle")
    assert tab.locator("aside.chancery-offer").count() == 0
    tab.goto(visit.url("/fr/about/"), wait_until="networkidle")
    assert tab.locator("aside.chancery-offer").count() == 0
    assert_local_only(visit)


@pytest.mark.parametrize("browser_locale", ["fr-FR"])
def test_offer_follows_to_the_french_page(visit: Visit) -> None:
    tab = visit.page
    tab.goto(visit.url("/news/2026-09-visa-waiver/"), wait_until="networkidle")
    tab.locator("aside.chancery-offer").get_by_role("link").click()
    tab.wait_for_load_state("networkidle")
    assert tab.url == visit.url("/fr/news/2026-09-visa-waiver/")
    assert tab.evaluate("document.documentElement.lang") == "fr"


def test_no_offer_when_the_browser_language_is_the_page_language(visit: Visit) -> None:
    tab = visit.page
    tab.goto(visit.url("/about/"), wait_until="networkidle")
    assert tab.locator("aside.chancery-offer").count() == 0
    assert_local_only(visit)


def test_fallback_page_shows_the_original_with_its_real_language(visit: Visit) -> None:
    tab = visit.page
    tab.goto(visit.url("/ar/news/2026-03-climate-partnership/"), wait_until="networkidle")
    assert tab.evaluate("document.documentElement.lang") == "ar"
    notice = tab.locator(".chancery-notice")
    assert notice.is_visible()
    assert notice.get_attribute("lang") in (None, "ar")
    body = tab.locator(".chancery-body")
    assert body.get_attribute("lang") == "en"
    assert body.get_attribute("dir") == "ltr"
    assert tab.evaluate("getComputedStyle(document.querySelector('.chancery-body')).direction") == (
        "ltr"
    )
    assert_local_only(visit)
