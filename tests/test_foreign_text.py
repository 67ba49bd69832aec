"""G11: text shown in another language than the page's carries its own lang and dir.

Every HTML page of the demo (every page type, every language, the light pages and the 404s) is
parsed, and every run of text is checked against the language its element inherits: text in a
script the inherited language does not write (English on an Arabic page, Arabic on an English
one) is text in another language that lacks its lang. Within one script (English on a French
page) the test finds the foreign text by what it is: the original's title of a fallback page,
and an alert written in English only. Every element that declares a language declares that
language's direction too. In Chromium, an English-only alert on an Arabic page is laid out left
to right: its final full stop is at the right end of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale
from lxml import html
from playwright.sync_api import sync_playwright

from tests.a11y_support import fallback_key, languages, prefix
from tests.browser_support import launch_chromium, serve
from tests.conftest import of, page
from tests.consular_support import alerts_file, build_project

SCRIPTS = {
    "Latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
    "Arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "Han": re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]"),
    "Hangul": re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]"),
}
#: The script each of the demo's languages is written in, by primary subtag.
WRITTEN_IN = {
    "en": "Latin",
    "fr": "Latin",
    "es": "Latin",
    "ar": "Arabic",
    "zh": "Han",
    "ko": "Hangul",
}
#: Names that are no language's text: hashtags, e-mail and web addresses.
NAMES = re.compile(r"#\w+|\S+@\S+|https?://\S+")
#: Elements whose text is not prose in a language: code, and postal addresses, which are written
#: as the country's post writes them whatever the page's language.
NOT_PROSE = frozenset({"script", "style", "code", "pre", "kbd", "samp", "svg", "head", "address"})
#: Classes whose text is a name: the social networks' own names on the share links, and the
#: feed formats' (Atom, RSS, JSON Feed).
NAME_CLASSES = ("chancery-share__", "chancery-feeds")
#: Material's header repeats the page's title; its template is not Chancery's (see below).
HEADER_TOPIC = "md-header__topic"
#: Fewer letters than this are an abbreviation or a symbol, not text.
MINIMUM_LETTERS = 3


def direction(code: str) -> str:
    order = Locale.parse(code, sep="-").character_order
    return "rtl" if order == "right-to-left" else "ltr"


def _inherited(element: html.HtmlElement, attribute: str) -> str | None:
    for node in (element, *element.iterancestors()):
        value = node.get(attribute)
        if value:
            return str(value)
    return None


def _foreign_script(text: str, expected: str) -> str | None:
    """The other script ``text`` is written in, if it has no letter of ``expected``'s.

    A name in another script inside a sentence ("국립시네테카(Cineteca Nacional)") is the
    sentence's language; a run of text with no letter of the page's script is not.
    """
    text = NAMES.sub(" ", text)
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}
    best = max(counts, key=lambda name: counts[name])
    if counts[expected] or best == expected or counts[best] < MINIMUM_LETTERS:
        return None
    return best


def _skipped(element: html.HtmlElement, header: bool) -> bool:
    classes = str(element.get("class") or "").split()
    return (
        element.tag in NOT_PROSE
        or any(name.startswith(NAME_CLASSES) for name in classes)
        or (header and HEADER_TOPIC in classes)
    )


def _texts(root: html.HtmlElement, header: bool = True) -> Iterator[tuple[html.HtmlElement, str]]:
    """Every run of text with the element that holds it, outside what is not prose.

    With ``header``, the header's repeat of the title is left out too.
    """
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if any(_skipped(node, header) for node in (element, *element.iterancestors())):
            continue
        if element.text and element.text.strip():
            yield element, element.text
        for child in element:
            if child.tail and child.tail.strip():
                yield element, child.tail


def problems_of(root: html.HtmlElement, header: bool = True) -> list[str]:
    """Text in another script than its inherited language's, and lang without its dir."""
    found = []
    for element, text in _texts(root, header):
        language = _inherited(element, "lang")
        expected = WRITTEN_IN.get((language or "").split("-")[0])
        script = _foreign_script(text, expected) if expected else None
        if script:
            found.append(f"{script} text under lang={language}: {text.strip()[:60]!r}")
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("lang"):
            code = str(element.get("lang"))
            shown = _inherited(element, "dir")
            if shown not in (direction(code), "auto"):
                label = f"<{element.tag} lang={code}>"
                found.append(f"{label} is laid out {shown}: {element.text_content()[:40]!r}")
    return found


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_marks_the_language_and_direction_of_foreign_text(demo_site: Path) -> None:
    pages = _pages(demo_site)
    assert len(pages) > 300
    found = []
    for file in pages:
        problems = problems_of(html.parse(str(file)).getroot())
        found += [f"{file.relative_to(demo_site)}: {problem}" for problem in problems]
    assert not found, "\n".join(found[:40]) + f"\n({len(found)} in all)"


def test_the_check_finds_unmarked_foreign_text() -> None:
    # An Arabic page with an English sentence and an English name without its direction, and
    # the same marked properly: the first two are found, the others are not.
    root = html.fromstring(
        '<html lang="ar" dir="rtl"><body><p>Trains may be cancelled.</p>'
        '<p><a lang="en">English</a> <a lang="en" dir="ltr">English</a></p>'
        '<p lang="en" dir="ltr">Open 24 hours a day.</p><address>12 avenue Hoche</address>'
        "<p>#OpenHaneul cairo@mofa.example</p></body></html>"
    )
    assert problems_of(root) == [
        "Latin text under lang=ar: 'Trains may be cancelled.'",
        "<a lang=en> is laid out rtl: 'English'",
    ]
    english = html.fromstring('<html lang="en" dir="ltr"><body><p>العربية</p></body></html>')
    assert problems_of(english) == ["Arabic text under lang=en: 'العربية'"]


@pytest.mark.parametrize("code", [code for code in languages() if fallback_key(code)])
def test_a_fallback_pages_original_title_is_marked_wherever_it_shows(
    demo_site: Path, code: str
) -> None:
    root_language = languages()[0]
    key = fallback_key(code)
    assert key is not None
    original = html.parse(str(demo_site / key / "index.html")).getroot()
    title = next(original.iter("h1")).text_content().strip()
    fallback = html.parse(str(demo_site / prefix(code).lstrip("/") / key / "index.html")).getroot()
    assert fallback.get("lang") == code
    shown = [element for element, text in _texts(fallback) if text.strip() == title]
    # The page's heading at least (and the navigation's entry, where the navigation has it).
    assert any(element.tag == "h1" for element in shown), title
    for element in shown:
        where = f"<{element.tag} class={element.get('class')}>"
        assert _inherited(element, "lang") == root_language, where
        assert _inherited(element, "dir") == direction(root_language), where


def test_the_header_repeats_a_fallback_title_with_its_language(demo_site: Path) -> None:
    code = "ar"
    key = fallback_key(code)
    assert key is not None
    root = html.parse(str(demo_site / code / key / "index.html")).getroot()
    assert problems_of(root, header=False) == []


#: An alert written in English only, shown on every language's pages.
ENGLISH_ONLY = {
    "id": "call-centre-hours",
    "severity": "info",
    "start": "2026-11-01T00:00:00+00:00",
    "end": "2026-12-31T00:00:00+00:00",
    "text": {"en": {"title": "Longer call centre hours", "text": "Open 24 hours a day."}},
}


@pytest.fixture(scope="module")
def alert_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {
        "en/index.md": page("Home"),
        "fr/index.md": page("Accueil", translation_of=of("en")),
        "ar/index.md": page("الرئيسية", translation_of=of("en")),
        "ko/index.md": page("홈", translation_of=of("en")),
        "_alerts.yml": alerts_file([ENGLISH_ONLY]),
    }
    return build_project(tmp_path_factory.mktemp("foreign-alert"), files)


@pytest.mark.parametrize("code", ["fr", "ar", "ko"])
def test_an_english_only_alert_is_marked_english_on_every_language_and_light_page(
    alert_site: Path, code: str
) -> None:
    checked = 0
    for file in [
        alert_site / code / "index.html",
        *sorted((alert_site / code).rglob("light/**/*.html")),
    ]:
        root = html.parse(str(file)).getroot()
        assert root.get("lang") == code
        for element, text in _texts(root):
            if text.strip() in ("Longer call centre hours", "Open 24 hours a day."):
                assert _inherited(element, "lang") == "en", (file, text)
                assert _inherited(element, "dir") == "ltr", (file, text)
                checked += 1
    assert checked >= 3  # the banner's title and text, and the light index's link at least


@pytest.mark.browser
def test_an_english_only_alert_on_an_arabic_page_is_laid_out_left_to_right(
    alert_site: Path,
) -> None:
    where_the_stop_is = """() => {
      const p = [...document.querySelectorAll(".chancery-alert p")]
        .find((e) => e.textContent.trim() === "Open 24 hours a day.");
      const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim());
      const text = node.textContent, first = text.indexOf("O"), last = text.lastIndexOf(".");
      const box = (i) => { const r = document.createRange(); r.setStart(node, i);
        r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
      return {direction: getComputedStyle(p).direction,
              page: getComputedStyle(document.body).direction,
              first: box(first).left, stop: box(last).left};
    }"""
    with serve(alert_site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            tab = browser.new_page(viewport={"width": 375, "height": 667})
            tab.goto(origin + "/ar/")
            layout = tab.evaluate(where_the_stop_is)
        finally:
            browser.close()
    assert layout["page"] == "rtl"
    assert layout["direction"] == "ltr"
    # The full stop ends the sentence on the right, as English is read.
    assert layout["stop"] > layout["first"], layout
