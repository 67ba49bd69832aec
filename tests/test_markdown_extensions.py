"""The sanitiser keeps what each Markdown extension writes, and it still works in a browser.

Each extension gets a tiny two-language site (English at the root, Arabic right to left) with
that extension enabled, built strict; a real Chromium then uses what it wrote: tabs switch,
details open, footnotes lead to their note, line numbers show. Sites that do not enable an
extension keep none of its markup (a stray `<input>` or `<label>` is removed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page
from selectolax.lexbor import LexborHTMLParser

from chancery.core.sanitize import ALIGN_CLASSES
from tests.a11y_support import run_nu_checker
from tests.browser_support import serve
from tests.conftest import TEST_NOW, build_in, of, page, site_config, write_tree
from tests.headers_support import BrowserThread, browser_thread, watched_context

LANGUAGES = (("en", "foreign"), ("ar", "foreign"))
#: The page under test, in each language.
PATHS = ("/guide/", "/ar/guide/")

TABS = """\
=== "Gradle"

    ```groovy
    implementation 'example:library:1.0'
    ```

=== "Maven"

    Add the MAVEN-DEPENDENCY element.

<label for="__drawer">Open the menu</label> <label for="__search">Search</label>
"""
DETAILS = """\
??? note "Closed by default"
    HIDDEN-TEXT

???+ tip "Open by default"
    SHOWN-TEXT
"""
TASKS = "- [x] Passport\n- [ ] Visa\n"
FOOTNOTES = "A claim.[^source]\n\n" + "Filler paragraph.\n\n" * 40 + "[^source]: THE-SOURCE.\n"
ADMONITION = '!!! warning "Travel warning"\n    Do not travel.\n'
TABLE = "| Country | Fee | Days |\n|:--|--:|:-:|\n| France | 60 | 5 |\n"
CODE = "```python\nfirst = 1\nsecond = 2\nthird = 3\n```\n"
HEADINGS = """\
See [the overview](#overview) and [the settings](#__config).

## Overview {#overview}

Text.

## Settings {#__config}

Text.
"""
EMOJI = "Home :material-home: here.\n"

#: Python objects that mkdocs.yml names with a tag, which safe_dump would write as strings.
PYTHON_NAMES = (
    "!!python/name:material.extensions.emoji.twemoji",
    "!!python/name:material.extensions.emoji.to_svg",
)


#: extension name -> (markdown_extensions of mkdocs.yml, body of the page under test).
CASES: dict[str, tuple[list[Any], str]] = {
    "tabbed": ([{"pymdownx.tabbed": {"alternate_style": True}}, "pymdownx.superfences"], TABS),
    "details": (["admonition", "pymdownx.details"], DETAILS),
    "tasklist": ([{"pymdownx.tasklist": {"custom_checkbox": True}}], TASKS),
    "footnotes": (["footnotes"], FOOTNOTES),
    "admonition": (["admonition"], ADMONITION),
    "tables": (["tables"], TABLE),
    "linenums-table": (
        [
            {
                "pymdownx.highlight": {
                    "linenums": True,
                    "anchor_linenums": True,
                    "line_spans": "__span",
                }
            },
            "pymdownx.superfences",
        ],
        CODE,
    ),
    "linenums-inline": (
        [
            {"pymdownx.highlight": {"linenums": True, "linenums_style": "pymdownx-inline"}},
            "pymdownx.superfences",
        ],
        CODE,
    ),
    "attr_list": ([{"toc": {"permalink": True}}, "attr_list"], HEADINGS),
    "emoji": (
        [
            {
                "pymdownx.emoji": {
                    "emoji_index": PYTHON_NAMES[0],
                    "emoji_generator": PYTHON_NAMES[1],
                }
            }
        ],
        EMOJI,
    ),
}


def _yaml(config: dict[str, Any]) -> str:
    text = yaml.safe_dump(config, allow_unicode=True)
    for name in PYTHON_NAMES:
        text = text.replace(f"'{name}'", name)
    return text


def build_case(root: Path, extensions: list[Any], body: str) -> Path:
    """A strict build of a two-language site whose guide page has ``body``."""
    files = {
        "en/index.md": page("Home"),
        "ar/index.md": page("الرئيسية", translation_of=of("en")),
        "en/guide.md": page("Guide", body),
        "ar/guide.md": page("دليل", body, translation_of=of("en", body)),
    }
    write_tree(root / "content", files)
    config = site_config(LANGUAGES, markdown_extensions=extensions)
    (root / "mkdocs.yml").write_text(_yaml(config), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        return build_in(root)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The site of one case, built once per module."""
    sites: dict[str, Path] = {}

    def site(name: str) -> Path:
        if name not in sites:
            extensions, body = CASES[name]
            sites[name] = build_case(tmp_path_factory.mktemp(name), extensions, body)
        return sites[name]

    return site


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    with browser_thread() as thread:
        yield thread


def _in_browser(
    chromium: BrowserThread, site: Path, check: Callable[[Page], None], *, width: int = 1280
) -> None:
    """Run ``check`` on the guide page in each language; no script may fail."""

    def run(browser: Browser) -> None:
        with serve(site) as origin:
            for path in PATHS:
                viewport = {"width": width, "height": 800}
                with watched_context(browser, origin, viewport=viewport) as watched:
                    watched.page.goto(watched.url(path), wait_until="networkidle")
                    check(watched.page)
                    assert watched.page_errors == [], path
                    assert watched.console_errors == [], path
                    # The extensions work without Material's JavaScript, which pages no
                    # longer load (what a reader's browser receives).
                    assert watched.page.evaluate("typeof window.component$") == "undefined"
                    assert watched.page.locator('script[src*="bundle"]').count() == 0

    chromium.run(run)


def _visible(tab: Page, text: str) -> bool:
    return tab.get_by_text(text).first.is_visible()


def _soup(site: Path, path: str = "guide/") -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "lxml")


@pytest.mark.browser
def test_content_tabs_switch_and_show_one_tab_at_a_time(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        labels = tab.locator(".tabbed-labels > label")
        assert labels.all_inner_texts() == ["Gradle", "Maven"]
        first, second = (labels.nth(i).bounding_box() for i in range(2))
        assert first is not None and second is not None
        # Separate labels, not one run of text ("GradleMaven").
        assert (
            first["x"] + first["width"] <= second["x"]
            or second["x"] + second["width"] <= first["x"]
        )
        assert _visible(tab, "implementation") and not _visible(tab, "MAVEN-DEPENDENCY")
        labels.nth(1).click()
        assert _visible(tab, "MAVEN-DEPENDENCY") and not _visible(tab, "implementation")
        # The body's own labels cannot work the page's menu or search.
        tab.get_by_text("Open the menu", exact=True).click()
        assert tab.evaluate("document.getElementById('__drawer').checked") is False

    _in_browser(chromium, built("tabbed"), check)


@pytest.mark.browser
def test_details_open_and_close(chromium: BrowserThread, built: Callable[[str], Path]) -> None:
    def check(tab: Page) -> None:
        assert not _visible(tab, "HIDDEN-TEXT") and _visible(tab, "SHOWN-TEXT")
        tab.get_by_text("Closed by default").click()
        assert _visible(tab, "HIDDEN-TEXT")
        tab.get_by_text("Closed by default").click()
        assert not _visible(tab, "HIDDEN-TEXT")

    _in_browser(chromium, built("details"), check)


@pytest.mark.browser
def test_task_lists_show_disabled_checkboxes(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        boxes = tab.locator(".task-list-item input[type=checkbox]")
        assert boxes.count() == 2
        assert [boxes.nth(i).is_checked() for i in range(2)] == [True, False]
        assert all(boxes.nth(i).is_disabled() for i in range(2))
        # Material draws each box as an icon after the (hidden) checkbox, green when checked.
        icons = tab.evaluate(
            "[...document.querySelectorAll('.task-list-indicator')].map(i => {"
            " const s = getComputedStyle(i, '::before');"
            " return [s.maskImage.startsWith('url('), s.width !== '0px', s.backgroundColor]; })"
        )
        assert [icon[:2] for icon in icons] == [[True, True], [True, True]]
        assert icons[0][2] != icons[1][2]

    _in_browser(chromium, built("tasklist"), check)


@pytest.mark.browser
def test_a_footnote_reference_leads_to_its_note(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        note = tab.get_by_text("THE-SOURCE")
        assert not note.is_visible() or not _in_viewport(tab, "[id='fn:source']")
        tab.locator("a.footnote-ref").click()
        tab.wait_for_function("location.hash === '#fn:source'")
        assert tab.evaluate("document.querySelector(':target').id") == "fn:source"
        assert _in_viewport(tab, "[id='fn:source']")
        tab.locator("a.footnote-backref").click()
        tab.wait_for_function("location.hash === '#fnref:source'")

    _in_browser(chromium, built("footnotes"), check)


def _in_viewport(tab: Page, selector: str) -> bool:
    script = (
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    return bool(tab.evaluate(script, selector))


@pytest.mark.browser
def test_admonitions_show_their_title_and_icon(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        box = tab.locator(".admonition.warning")
        assert box.locator(".admonition-title").inner_text() == "Travel warning"
        assert _visible(tab, "Do not travel.")
        icon = tab.evaluate(
            "getComputedStyle(document.querySelector('.admonition-title'), '::before').maskImage"
        )
        assert icon.startswith("url(")

    _in_browser(chromium, built("admonition"), check)


@pytest.mark.browser
def test_table_columns_keep_their_alignment_without_style_attributes(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    soup = _soup(built("tables"))
    assert soup.select(".chancery-body [style]") == []
    assert [cell["class"] for cell in soup.select(".chancery-body td")] == [
        [ALIGN_CLASSES["left"]],
        [ALIGN_CLASSES["right"]],
        [ALIGN_CLASSES["center"]],
    ]

    def check(tab: Page) -> None:
        aligns = tab.evaluate(
            "[...document.querySelectorAll('.md-typeset td')]"
            ".map(cell => getComputedStyle(cell).textAlign)"
        )
        assert aligns == ["left", "right", "center"]

    _in_browser(chromium, built("tables"), check)


@pytest.mark.browser
def test_code_line_numbers_in_a_table_show_and_lead_to_their_line(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    body = _soup(built("linenums-table")).select_one(".chancery-body")
    assert body is not None
    # The extension's own ids keep their names: Material's line selection reads them.
    assert [a["id"] for a in body.select("code a[id]")] == [
        "__codelineno-0-1",
        "__codelineno-0-2",
        "__codelineno-0-3",
    ]
    assert [span["id"] for span in body.select("code > span[id]")] == [
        "__span-0-1",
        "__span-0-2",
        "__span-0-3",
    ]

    def check(tab: Page) -> None:
        numbers = tab.locator(".linenos a")
        assert numbers.all_inner_texts() == ["1", "2", "3"]
        assert numbers.first.is_visible()
        numbers.nth(1).click()
        tab.wait_for_function("location.hash === '#__codelineno-0-2'")

    _in_browser(chromium, built("linenums-table"), check)


@pytest.mark.browser
def test_inline_code_line_numbers_show(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        numbers = tab.evaluate(
            "[...document.querySelectorAll('.linenos')]"
            ".map(n => getComputedStyle(n, '::before').content)"
        )
        assert [number.strip('" ') for number in numbers] == ["1", "2", "3"]

    _in_browser(chromium, built("linenums-inline"), check)


@pytest.mark.browser
def test_heading_ids_the_toc_and_in_page_links_agree(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    soup = _soup(built("attr_list"))
    body = soup.select_one(".chancery-body")
    assert body is not None
    ids = [heading["id"] for heading in body.select("h2")]
    assert ids == ["overview", "user-content-__config"]
    permalinks = [link["href"] for link in body.select("h2 a.headerlink")]
    toc = {link["href"] for link in soup.select("nav.md-nav--secondary a.md-nav__link")}
    in_page = [link["href"] for link in body.select("p a")]
    assert permalinks == in_page == ["#overview", "#user-content-__config"]
    assert toc == set(permalinks)

    def check(tab: Page) -> None:
        tab.locator("nav.md-nav--secondary a[href='#user-content-__config']:visible").click()
        tab.wait_for_function("location.hash === '#user-content-__config'")
        assert tab.evaluate("document.querySelector(':target').textContent").startswith("Settings")
        # The body's id is prefixed, so it names no global a script could read (DOM clobbering).
        assert tab.evaluate("typeof window.__config") == "undefined"

    _in_browser(chromium, built("attr_list"), check)


@pytest.mark.browser
def test_emoji_and_icons_draw_as_inline_svg(
    chromium: BrowserThread, built: Callable[[str], Path]
) -> None:
    def check(tab: Page) -> None:
        box = tab.locator(".twemoji svg").bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        assert tab.evaluate("document.querySelector('.twemoji svg').viewBox.baseVal.width") == 24

    _in_browser(chromium, built("emoji"), check)


@pytest.mark.parametrize(
    "extensions",
    [["admonition"], ["pymdownx.details", "attr_list"]],
    ids=["admonition", "details"],
)
def test_a_site_without_tabs_or_task_lists_keeps_no_form_control(
    tmp_path: Path, extensions: list[Any]
) -> None:
    body = (
        '<div class="tabbed-set" data-tabs="1:1"><input type="radio" id="__tabbed_1_1" '
        'name="__tabbed_1" checked><div class="tabbed-labels"><label for="__tabbed_1_1">A'
        "</label></div></div>\n\n"
        '<ul class="task-list"><li class="task-list-item"><input type="checkbox"> x</li></ul>\n'
    )
    site = build_case(tmp_path, extensions, body)
    for path in ("guide/", "ar/guide/"):
        body_html = _soup(site, path).select_one(".chancery-body")
        assert body_html is not None
        assert body_html.select("input, label, [data-tabs]") == []
        assert "A" in body_html.get_text()


def test_what_each_extension_keeps_is_valid_html(
    built: Callable[[str], Path], tmp_path: Path
) -> None:
    # The bodies alone, as the sanitiser left them: the rest of a page is the theme's.
    files = []
    for name in CASES:
        for path in PATHS:
            page_html = (built(name) / path.strip("/") / "index.html").read_text("utf-8")
            body = LexborHTMLParser(page_html).css_first(".chancery-body")
            assert body is not None and body.html
            file = tmp_path / f"{name}-{path.strip('/').replace('/', '-')}.html"
            file.write_text(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Body</title>'
                f"</head><body><main>{body.html}</main></body></html>",
                encoding="utf-8",
            )
            files.append(file)
    errors = [
        f"{Path(message['url']).name}: {message['message']} [{message.get('extract', '')[:80]}]"
        for message in run_nu_checker(files)
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == []
