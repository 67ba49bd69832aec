"""G10 in a real Chromium: axe-core finds no violation, and the keyboard focus is visible.

axe runs on every page type, in every language, at a desktop and a phone width, and on every
language's 404 page and every light page; the keyboard reaches links and buttons and shows where
it is.

axe-core comes from npm (tests/tools, installed by `make setup`) and is injected into each page
before it runs, so it sees the page after Material's JavaScript has run.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import BrowserContext, async_playwright
from playwright.sync_api import sync_playwright

from tests.a11y_support import (
    AXE_JS,
    WIDTHS,
    Target,
    languages,
    prefix,
    require_tools,
    targets,
)
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, launch_chromium, serve

pytestmark = pytest.mark.browser

#: Pages checked at once: axe is CPU-bound in each page's renderer process.
WORKERS = 3
#: Playwright's wait for any single step, in milliseconds.
STEP_TIMEOUT = 15_000
#: Every violation, with the first few elements it names, as plain data.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""


async def _axe_all(origin: str, pages: list[Target]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        for width in WIDTHS:
            context = await browser.new_context(viewport={"width": width, "height": 900})
            context.set_default_timeout(STEP_TIMEOUT)
            await context.add_init_script(path=str(AXE_JS))
            queue: asyncio.Queue[Target] = asyncio.Queue()
            for target in pages:
                queue.put_nowait(target)

            async def worker(
                context: BrowserContext = context,
                queue: asyncio.Queue[Target] = queue,
                width: int = width,
            ) -> None:
                page = await context.new_page()
                while not queue.empty():
                    target = queue.get_nowait()
                    await page.goto(origin + target.path, wait_until="load")
                    violations = await page.evaluate(AXE_RUN)
                    found[f"{target.id}@{width}"] = violations

            await asyncio.gather(*(worker() for _ in range(WORKERS)))
            await context.close()
        await browser.close()
    return found


def _run_axe(origin: str, pages: list[Target]) -> dict[str, list[dict[str, Any]]]:
    """Axe on ``pages``, in a thread of its own.

    A synchronous Playwright started by an earlier test may run an event loop in this one.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _axe_all(origin, pages)).result()


@pytest.fixture(scope="module")
def axe_results(demo_site: Path) -> dict[str, list[dict[str, Any]]]:
    require_tools()
    with serve(demo_site) as origin:
        return _run_axe(origin, targets(demo_site))


def test_every_page_type_language_and_width_was_checked(
    demo_site: Path, axe_results: dict[str, list[dict[str, Any]]]
) -> None:
    expected = {f"{target.id}@{width}" for target in targets(demo_site) for width in WIDTHS}
    assert set(axe_results) == expected
    kinds = {target.kind for target in targets(demo_site)}
    assert {"home", "news", "fallback", "dashboard", "verify", "hub"} <= kinds


def test_axe_finds_no_violations(axe_results: dict[str, list[dict[str, Any]]]) -> None:
    problems = [
        f"{page}: {violation['id']} ({violation['impact']}) at {', '.join(violation['nodes'])}"
        for page, violations in sorted(axe_results.items())
        for violation in violations
    ]
    assert not problems, "\n".join(problems)


#: The focus ring: an outline or a box shadow that is really drawn.
FOCUS_STYLE = r"""() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    role: element.getAttribute("role") || "",
    text: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      && !/^(transparent|rgba\(.*, 0\))$/.test(style.outlineColor),
    shadow: style.boxShadow !== "none",
  };
}"""


@pytest.fixture(scope="module")
def browser_origin(demo_site: Path) -> Iterator[tuple[Any, str]]:
    with serve(demo_site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser, origin
        finally:
            browser.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_reaches_links_and_buttons_with_a_visible_focus(
    browser_origin: tuple[Any, str], width: int
) -> None:
    browser, origin = browser_origin
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT)
    page = context.new_page()
    page.goto(f"{origin}/news/2026-09-visa-waiver/")
    seen: list[dict[str, Any]] = []
    for _ in range(25):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] in {"a", "button"} or state["role"] == "button":
            seen.append(state)
    context.close()
    assert len(seen) >= 5, f"Tab reached only {seen}"
    invisible = [state for state in seen if not (state["outline"] or state["shadow"])]
    assert not invisible, f"focus not visible on: {invisible}"


def _not_found_and_light_pages(site: Path) -> list[Target]:
    """Every language's 404 page and every light page (text-only, for failing connections)."""
    pages = [Target(code, "404", f"{prefix(code)}404.html") for code in languages()]
    for file in sorted(site.rglob("light/**/index.html")):
        path = "/" + file.parent.relative_to(site).as_posix() + "/"
        code = path.strip("/").split("/")[0] if not path.startswith("/light/") else languages()[0]
        # The path in the kind: a language has several light pages.
        pages.append(Target(code, f"light{path}", path))
    return pages


@pytest.fixture(scope="module")
def axe_404_and_light(demo_site: Path) -> dict[str, list[dict[str, Any]]]:
    require_tools()
    pages = _not_found_and_light_pages(demo_site)
    with serve(demo_site) as origin:
        found = _run_axe(origin, pages)
    return found


def test_axe_finds_no_violations_on_the_404_and_light_pages(
    demo_site: Path, axe_404_and_light: dict[str, list[dict[str, Any]]]
) -> None:
    pages = _not_found_and_light_pages(demo_site)
    # Every language's 404 and light home, and light pages of alerts and travel advice.
    light = [page for page in pages if page.kind.startswith("light/")]
    assert len(pages) - len(light) == len(languages())
    assert {page.language for page in light} == set(languages())
    assert len(light) >= 2 * len(languages())
    assert set(axe_404_and_light) == {f"{page.id}@{width}" for page in pages for width in WIDTHS}
    problems = [
        f"{page}: {violation['id']} ({violation['impact']}) at {', '.join(violation['nodes'])}"
        for page, violations in sorted(axe_404_and_light.items())
        for violation in violations
    ]
    assert not problems, "\n".join(problems)
