"""Light pages: text-only versions of alerts and travel advice, for failing networks.

Every light page of the demo portal is measured and parsed: under 15 KB, no script, no
stylesheet, no font, no image, the right lang and dir, and every link leads to a file of the
site. Tiny sites show the honest fallback, the size limit and byte-identical rebuilds.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from chancery.core.light import light_html, rebase
from tests.conftest import BuildSite, of, page
from tests.consular_support import alerts_file, build_project, consular_config, soup_of

BUDGET = 15 * 1024
DEMO_LANGUAGES = ("en", "fr", "es", "zh", "ar", "ko")

BODY = """Intro with ![a map](https://maps.example/map.png) and [a link](../index.md).

<script>alert(1)</script>

## Safety {#safety}

Text. <a href="javascript:alert(1)">bad</a>

## Entry requirements {#entry-requirements}

Text.

## Health {#health}

Text.

## Local laws {#local-laws}

Text.
"""
ADVICE = {
    "type": "travel-advice",
    "country": "EG",
    "level": 3,
    "date": "2026-06-01T09:00:00+09:00",
}
ALERT = {
    "id": "heatwave",
    "severity": "warning",
    "start": "2026-11-01T00:00:00+00:00",
    "end": "2026-12-01T00:00:00+00:00",
    "link": "travel-advice/egypt.md",
    "text": {"en": {"title": "Heatwave in Egypt", "text": "Drink water."}},
}
LANGUAGES = (("en", "foreign"), ("ar", "foreign"))


def _files() -> dict[str, str]:
    return {
        "en/index.md": page("Home"),
        "ar/index.md": page("الرئيسية", translation_of=of("en")),
        "en/travel-advice/egypt.md": page("Travel advice: Egypt", BODY, **ADVICE),
        "_alerts.yml": alerts_file([ALERT]),
    }


def _light_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html") if "light" in path.parts)


def _language(site: Path, path: Path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in DEMO_LANGUAGES else "en"


# -- the demo portal ----------------------------------------------------------------------


def test_every_demo_light_page_is_small_text_only_and_well_labelled(demo_site: Path) -> None:
    pages = _light_pages(demo_site)
    # Per language: the light home, one current alert, France and Egypt.
    assert len(pages) == 4 * len(DEMO_LANGUAGES)
    for path in pages:
        raw = path.read_bytes()
        assert len(raw) < BUDGET, (path, len(raw))
        text = raw.decode("utf-8")
        soup = soup_of(path)
        assert soup.find("script") is None, path
        assert soup.find("style") is None and soup.select("[style]") == [], path
        assert soup.find("link", rel="stylesheet") is None, path
        assert soup.find(["img", "svg", "picture", "video", "iframe", "object"]) is None, path
        assert "@font-face" not in text and ".woff" not in text, path
        language = _language(demo_site, path)
        assert soup.html is not None
        assert soup.html["lang"] == language, path
        assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr"), path
        assert soup.h1 is not None and soup.h1.get_text(strip=True), path


def test_every_link_of_a_demo_light_page_leads_to_a_file(demo_site: Path) -> None:
    for path in _light_pages(demo_site):
        folder = posixpath.dirname(path.relative_to(demo_site).as_posix())
        for link in soup_of(path).find_all("a", href=True):
            href = str(link["href"]).partition("#")[0]
            if href.startswith(("tel:", "mailto:", "https:")) or not href:
                continue
            target = demo_site / posixpath.normpath(posixpath.join(folder, href))
            assert (target / "index.html" if target.is_dir() else target).is_file(), (path, href)


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_demo_banner_and_advice_pages_link_their_light_pages(demo_site: Path, code: str) -> None:
    prefix = "" if code == "en" else f"{code}/"
    for inner in ("", "travel-advice/france/", "travel-advice/egypt/"):
        soup = soup_of(demo_site / prefix / inner / "index.html")
        banner = soup.select_one(".chancery-alert--warning .chancery-alert__links a")
        assert banner is not None, (code, inner)
        target = posixpath.normpath(posixpath.join(prefix + inner, str(banner["href"])))
        assert target == f"{prefix}light/alerts/france-transport-strikes-2026-11"
    for country in ("france", "egypt"):
        soup = soup_of(demo_site / f"{prefix}travel-advice/{country}/index.html")
        link = soup.select_one(".chancery-advice__links a")
        assert link is not None
        target = posixpath.normpath(
            posixpath.join(f"{prefix}travel-advice/{country}", str(link["href"]))
        )
        assert target == f"{prefix}light/travel-advice/{country}"
        light = soup_of(demo_site / target / "index.html")
        canonical = light.find("link", rel="canonical")
        assert canonical is not None
        assert canonical["href"] == f"https://mofa.haneul.example/{prefix}travel-advice/{country}/"


# -- tiny sites ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(
        tmp_path_factory.mktemp("light"),
        _files(),
        languages=LANGUAGES,
        languages_options={"translation_gate": "warn"},
    )


def test_the_light_page_keeps_text_and_links_and_drops_the_rest(site: Path) -> None:
    soup = soup_of(site / "light/travel-advice/egypt/index.html")
    main = soup.main
    assert main is not None
    assert soup.find("script") is None and soup.find("img") is None
    assert "[a map]" in main.get_text()
    assert [h2["id"] for h2 in main.select("h2[id]")] == [
        "safety",
        "entry-requirements",
        "health",
        "local-laws",
    ]
    hrefs = [str(a["href"]) for a in main.find_all("a", href=True)]
    assert "javascript:alert(1)" not in hrefs
    # Written for travel-advice/egypt/, the link is rewritten for light/travel-advice/egypt/.
    assert "../../../" in hrefs


def test_a_fallback_light_page_marks_the_texts_real_language(site: Path) -> None:
    soup = soup_of(site / "ar/light/travel-advice/egypt/index.html")
    assert soup.html is not None and soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    heading = soup.h1
    assert heading is not None and heading["lang"] == "en" and heading["dir"] == "ltr"
    alert = soup_of(site / "ar/light/alerts/heatwave/index.html")
    assert alert.h1 is not None and alert.h1["lang"] == "en"
    assert alert.html is not None and alert.html["lang"] == "ar"


def test_light_pages_and_data_are_byte_identical_across_builds(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = build_project(
        tmp_path_factory.mktemp("light-again"),
        _files(),
        languages=LANGUAGES,
        languages_options={"translation_gate": "warn"},
    )
    produced = [
        path.relative_to(site)
        for path in site.rglob("*")
        if path.is_file() and ("light" in path.parts or path.name in ("index.json", "atom.xml"))
    ]
    assert len(produced) == 10
    for relative in produced:
        assert (site / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_light_page_over_the_budget_fails_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            _files(),
            languages=LANGUAGES,
            languages_options={"translation_gate": "warn"},
            config=consular_config(LANGUAGES, {"translation_gate": "warn"}, light_max_bytes=1000),
        )
    assert "chancery/consular: the light page light/" in caplog.text
    assert "over light_max_bytes (1000)" in caplog.text


# -- the text-only filter -----------------------------------------------------------------


def test_light_html_keeps_structure_and_drops_media_and_attributes() -> None:
    html = (
        '<h1 class="x">Title</h1><p style="color:red" onclick="x()">A <em>b</em>'
        '<img src="a.png" alt="map"><svg><text>no</text></svg></p>'
        "<table><tr><td colspan=\"2\" class='c'>1</td></tr></table><iframe src=x></iframe>"
        '<p><a href="data:text/html,x">d</a><a href="#top">t</a><a href="https://x.example/">e</a>'
    )
    assert light_html(html, "a/b/", "a/light/b/") == (
        "<h2>Title</h2><p>A <em>b</em>[map]</p>"
        '<table><tr><td colspan="2">1</td></tr></table>'
        '<p><a>d</a><a href="#top">t</a><a href="https://x.example/">e</a></p>'
    )


@pytest.mark.parametrize(
    ("href", "page", "light", "expected"),
    [
        ("../../missions/paris/", "fr/travel-advice/france/", "fr/light/travel-advice/france/",
         "../../../missions/paris/"),
        ("../", "travel-advice/france/", "light/travel-advice/france/", "../../../travel-advice/"),
        ("other.html#x", "a/page.html", "light/a/page/index.html", "../../../a/other.html#x"),
        ("mailto:a@b.example", "a/", "light/a/", "mailto:a@b.example"),
    ],
)  # fmt: skip
def test_rebase_rewrites_relative_links_for_the_light_address(
    href: str, page: str, light: str, expected: str
) -> None:
    folder = page if page.endswith("/") else posixpath.dirname(page)
    target = light if light.endswith("/") else posixpath.dirname(light)
    assert rebase(href, folder.strip("/"), target.strip("/")) == expected
