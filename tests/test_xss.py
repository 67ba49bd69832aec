"""G3: untrusted text cannot run script, from any front-matter field or from the body.

Nor can the body stop the page's own scripts: ids, names and labels that would take the place
of Material's or Chancery's elements (DOM clobbering) are renamed, and forms and stray
controls removed; a real Chromium proves that the page's scripts (the header's search) still
run on such a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser

from tests.browser_support import serve
from tests.conftest import of, page
from tests.headers_support import BrowserThread, browser_thread, watched_context

PAYLOADS = (
    "<img src=x onerror=alert(101)>",
    '"><script>alert(102)</script>',
    "' onmouseover='alert(103)",
    "<svg/onload=alert(104)>",
    '<a href="javascript:alert(105)">x</a>',
)
EVIL = " ".join(PAYLOADS)
BODY = f"""Intro {EVIL}

<script>alert(106)</script>
<iframe src="javascript:alert(107)"></iframe>
<a href="JaVaScRiPt:alert(108)">link</a> <a href=" javascript:alert(109)">spaced</a>
<p style="background:url(javascript:alert(110))" onclick="alert(111)">raw html</p>
<form action="javascript:alert(112)"><button>go</button></form>
<details open ontoggle=alert(113)><summary>s</summary></details>

[markdown link](javascript:alert(114)) ![image](javascript:alert(115))

<a id="__config" href="#__config">{{"clobbered": true}}</a> <a href="#__search">to it</a>
<form name="getElementById"><input formaction="javascript:alert(116)" type="submit"></form>
<input type="image" src="x" formaction="javascript:alert(117)"> <input type="text" id="q">
<img name="getElementById" alt="x"> <img id="cookie" name="cookie" alt="y">
<label for="__drawer">drawer</label> <label for="__palette_1">palette</label>
<label for="chancery-search-q-main">search</label>
<input type="checkbox" id="__palette_1"> <input type="radio" name="__palette">
<p id="chancery-language-offers">{{"fr": {{"url": "javascript:alert(118)"}}}}</p>
<div class="tabbed-set" data-tabs="1:1"><input type="radio" id="tab" name="tab"></div>
<span id="document$">d</span> <span id="localStorage">s</span> <span id="__md_scope">m</span>
<a name="__md_get">n</a> <p data-md-component="search">fake</p>

## Settings {{#__settings}}
"""
NEWS_DATE = "2026-05-01T09:00:00+09:00"
#: A light and a dark scheme with Material's toggle, whose script the body tries to stop.
#: Id namespaces of Material's elements and ours.
RESERVED = ("__", "chancery-")


def _files() -> dict[str, str]:
    text = {"title": f"Title {EVIL}", "description": f"Description {EVIL}"}
    change = [{"date": NEWS_DATE, "note": f"Note {EVIL}"}]
    pages = {
        "page": {},
        "news": {"type": "news", "date": NEWS_DATE, "changes": change},
        "statement": {
            "type": "statement",
            "date": NEWS_DATE,
            "kind": "speech",
            "speaker": f"Speaker {EVIL}",
            "place": f"Place {EVIL}",
        },
        "travel-advice": {"type": "travel-advice", "date": NEWS_DATE, "country": "FR", "level": 2},
        "consular-service": {
            "type": "consular-service",
            "service": "visa",
            "fee": f"Fee {EVIL}",
            "processing_time": f"Time {EVIL}",
        },
        "campaign": {
            "type": "campaign",
            "hashtag": "#Safe",
            "start": NEWS_DATE,
            "partners": [f"Partner {EVIL}"],
        },
        "fact-check": {
            "type": "fact-check",
            "date": NEWS_DATE,
            "claim": f"Claim {EVIL}",
            "claimant": f"Claimant {EVIL}",
            "appeared_in": f"Appeared {EVIL}",
            "rating": "false",
        },
        "event": {"type": "event", "start": NEWS_DATE, "location": f"Location {EVIL}"},
        "mission": {
            "type": "mission",
            "kind": "embassy",
            "country": "FR",
            "city": f"City {EVIL}",
            "address": f"Address {EVIL}",
            "phone": f"+33 1 {EVIL}",
            "emergency_phone": f"+33 6 {EVIL}",
            "email": f"a@b.example{PAYLOADS[2]}",
            "hours": f"Hours {EVIL}",
        },
        "withdrawn": {
            "type": "news",
            "date": NEWS_DATE,
            "withdrawn": {"date": NEWS_DATE, "reason": f"Reason {EVIL}"},
        },
    }
    files = {
        "en/index.md": page("Home"),
        "ko/index.md": page("홈", translation_of=of("en")),
        "ko/page.md": page(text["title"], BODY, translation_of=of("en", BODY)),
    }
    for name, fields in pages.items():
        files[f"en/{name}.md"] = page(
            text["title"], BODY, **{**fields, "description": text["description"]}
        )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    monkeypatch = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("xss")
    import yaml

    from tests.conftest import build_in, site_config, write_tree

    monkeypatch.setenv("CHANCERY_NOW", "2026-11-22T12:00:00+00:00")
    write_tree(root / "content", _files())
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    config["theme"]["palette"] = {"scheme": "default"}
    # Chancery's search, whose header script the browser test runs.
    config["plugins"] = ["chancery/search" if p == "search" else p for p in config["plugins"]]
    # The payloads point at `x`: a missing image, which is not what this corpus tests.
    config["validation"] = {"links": {"not_found": "info"}}
    config["markdown_extensions"] = ["attr_list"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    try:
        return build_in(root)
    finally:
        monkeypatch.undo()


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_event_handlers_and_no_script_urls(site: Path) -> None:
    problems = []
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    problems.append(f"{path.name}: <{element.name} {name}>")
                if text.strip().lower().startswith(("javascript:", "data:text/html")):
                    problems.append(f"{path.name}: <{element.name} {name}={text!r}>")
    assert problems == []


def test_no_injected_script_element_runs(site: Path) -> None:
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), path
        for tag in ("iframe", "form", "svg", "object", "embed"):
            for element in soup.find_all(tag):
                assert "alert(" not in str(element), (path, tag)


def test_payloads_are_shown_as_text(site: Path) -> None:
    soup = BeautifulSoup((site / "statement/index.html").read_text(encoding="utf-8"), "lxml")
    heading = soup.find("h1")
    assert heading is not None
    assert heading.get_text() == f"Title {EVIL}"
    title = soup.find("title")
    assert title is not None and title.get_text().startswith(f"Title {EVIL}")
    nav_labels = [link.get_text(" ", strip=True) for link in soup.select(".md-nav__link")]
    assert any(PAYLOADS[0] in label for label in nav_labels)


def _body(soup: BeautifulSoup) -> Tag:
    body = soup.select_one(".chancery-body")
    assert body is not None
    return body


def _clobbering_pages(site: Path) -> list[Path]:
    return [site / "statement/index.html", site / "ko/page/index.html"]


def test_the_body_takes_no_id_name_or_label_of_the_page_scripts(site: Path) -> None:
    for path in _clobbering_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        # No page carries Material's settings any more; the body's `__config` was renamed.
        assert soup.select("#__config") == [], path
        for element in _body(soup).find_all(True):
            for name in ("id", "name", "for"):
                value = str(element.get(name) or "")
                assert not value.startswith(RESERVED), (path, str(element)[:80])
        assert soup.select(".chancery-body :is(form, input, [formaction], img[name])") == []
        assert _body(soup).select("[data-tabs], [data-md-component]") == []


def test_renamed_ids_keep_their_links_and_the_table_of_contents(site: Path) -> None:
    for path in _clobbering_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        body = _body(soup)
        assert body.select_one("a#user-content-__config")["href"] == "#user-content-__config"
        assert body.select_one("a[href='#user-content-__search']") is not None
        # Without content tabs or task lists, a site keeps no label at all.
        assert body.select("label") == []
        heading = body.select_one("h2#user-content-__settings")
        assert heading is not None and heading.get_text() == "Settings"
        toc = soup.select("nav.md-nav--secondary a.md-nav__link")
        assert {link["href"] for link in toc} == {"#user-content-__settings"}


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    with browser_thread() as thread:
        yield thread


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/statement/", "/ko/page/"])
def test_the_pages_scripts_run_on_a_page_that_tries_to_clobber_them(
    chromium: BrowserThread, site: Path, path: str
) -> None:
    chromium.run(_check_scripts_run, site, path)


def _check_scripts_run(browser: Browser, site: Path, path: str) -> None:
    with serve(site) as origin, watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url(path), wait_until="networkidle")
        assert watched.page_errors == []
        assert tab.evaluate("typeof document.getElementById") == "function"
        assert tab.evaluate("window.localStorage instanceof Storage")
        # The header's search script found its elements, and its search finds the page.
        control = tab.locator("header .chancery-header-search")
        assert control.get_attribute("role") == "button"
        control.click()
        tab.locator("#chancery-search-panel input").fill("raw")
        tab.locator("#chancery-search-panel .pagefind-ui__result-link").first.wait_for()
        assert watched.page_errors == []
        # The payloads' missing image `x` is the only resource that fails.
        assert [error for error in watched.console_errors if "404" not in error] == []
