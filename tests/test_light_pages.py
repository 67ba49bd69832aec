"""Light pages: text-only versions of alerts and travel advice, for failing networks.

Every light page of the demo portal is measured and parsed: under 15 KB, no script to run, no
stylesheet, no font, no image, the right lang and dir, and every link leads to a file of the
site; each has a canonical link, a description, structured data that extruct reads, and an icon
that exists, and every page of the site links to its language's light pages. Tiny sites show
the honest fallback, the size limit and byte-identical rebuilds.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any

import extruct
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
        # Structured data only: a JSON-LD data block, which no browser runs.
        scripts = soup.find_all("script")
        assert [(script.get("type"), script.get("src")) for script in scripts] == [
            ("application/ld+json", None)
        ], path
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


DEMO = "https://mofa.haneul.example/"
SITE_NAMES = {
    "en": "Ministry of Foreign Affairs of the Republic of Haneul",
    "ar": "وزارة الخارجية في جمهورية هانول",
    "zh": "哈努尔共和国外交部",
    "ko": "하늘 공화국 외교부",
}


def _structured_data(path: Path, url: str) -> dict[str, dict[str, Any]]:
    data = extruct.extract(path.read_text("utf-8"), base_url=url, syntaxes=["json-ld"])
    found: dict[str, dict[str, Any]] = {}
    for document in data["json-ld"]:
        assert document["@context"] == "https://schema.org"
        for node in document["@graph"]:
            found[node["@type"]] = node
    return found


def test_every_demo_light_page_is_described_for_search_engines(demo_site: Path) -> None:
    kinds: dict[str, int] = {}
    for path in _light_pages(demo_site):
        relative = path.relative_to(demo_site).as_posix()
        url = DEMO + relative.removesuffix("index.html")
        language = _language(demo_site, path)
        soup = soup_of(path)
        description = soup.find("meta", attrs={"name": "description"})
        assert description is not None and len(str(description["content"])) > 20, relative
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None, relative
        nodes = _structured_data(path, url)
        organization = nodes.pop("GovernmentOrganization")
        if language in SITE_NAMES:
            assert organization["name"] == SITE_NAMES[language], relative
        (kind,) = nodes  # and one node of the page's own
        kinds[kind] = kinds.get(kind, 0) + 1
        node = nodes[kind]
        if "/travel-advice/" in relative:
            # A text-only copy: the full page is the canonical version.
            assert canonical["href"] == node["isBasedOn"] == url.replace("light/", "")
        else:
            assert canonical["href"] == url, relative
            assert node["url"] == url, relative
        # The icon it names exists: browsers ask for one anyway.
        icon = soup.find("link", rel="icon")
        assert icon is not None, relative
        target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), icon["href"]))
        assert target == "favicon.ico" and (demo_site / target).is_file(), relative
    per_language = len(DEMO_LANGUAGES)
    assert kinds == {"WebPage": 3 * per_language, "SpecialAnnouncement": per_language}


def test_the_light_homes_are_alternates_of_each_other_and_in_the_sitemap(demo_site: Path) -> None:
    sitemap = (demo_site / "sitemap.xml").read_text("utf-8")
    expected = [
        (code, f"{DEMO}{'' if code == 'en' else code + '/'}light/") for code in DEMO_LANGUAGES
    ]
    expected.append(("x-default", f"{DEMO}light/"))
    for code, url in expected[:-1]:
        soup = soup_of(demo_site / url.removeprefix(DEMO) / "index.html")
        alternates = [
            (str(link["hreflang"]), str(link["href"]))
            for link in soup.find_all("link", rel="alternate")
        ]
        assert alternates == expected, code
        assert f"<loc>{url}</loc>" in sitemap
    # Text-only copies of advice pages name their full page as canonical: not in the sitemap.
    assert "light/travel-advice/" not in sitemap


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_every_page_links_to_its_languages_light_pages(demo_site: Path, code: str) -> None:
    prefix = "" if code == "en" else f"{code}/"
    inners = ("", "news/", "travel-advice/france/", "missions/", "search/", "404.html")
    for inner in inners:
        relative = prefix + (inner if inner.endswith(".html") else inner + "index.html")
        soup = soup_of(demo_site / relative)
        link = soup.select_one("footer .chancery-light-link a")
        assert link is not None, relative
        if inner == "404.html":
            continue  # served at any depth: its links are site-absolute
        target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), link["href"]))
        assert target == f"{prefix}light", relative
        (text,) = {link.get_text(strip=True)}
        assert text == soup_of(demo_site / f"{prefix}light/index.html").h1.get_text(strip=True)


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
    assert main.find("script") is None and soup.find("img") is None
    assert "alert(1)" not in str(soup)
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
