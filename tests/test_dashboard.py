"""The language service dashboard in real builds: the demo portal and tiny sites.

It is built in the domestic and the root language only, marked noindex, kept out of the nav,
the sitemap, search and feeds, and holds its charts as inline SVG with a title, a description
and a data table.
"""

from __future__ import annotations

import gzip
import itertools
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort, PluginError

from chancery.core.catalog import load_catalog
from chancery.core.config import DASHBOARD_PLUGIN_NAME, read_plugin_options, read_site_settings
from chancery.core.dashboard import NOT_MEASURED, dashboard_view
from chancery.core.metrics import MetricsSettings, measure
from chancery.core.schedule import is_live
from chancery.core.strings import Strings
from chancery.core.translations import assess
from tests.conftest import REPO, TEST_NOW, BuildSite, of, page, site_config

#: The package's interface strings, as a build without a locales folder reads them.
STRINGS = Strings.load()

PATH = "internal/language-service"
DEMO_PAGES = {"en": f"{PATH}/index.html", "ko": f"ko/{PATH}/index.html"}
LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def _text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ", strip=True).split())


def _config(languages: tuple[tuple[str, str], ...], **options: Any) -> dict[str, Any]:
    """A tiny site's settings with chancery/dashboard after chancery/languages."""
    plugins = site_config(languages)["plugins"]
    plugins.insert(2, {DASHBOARD_PLUGIN_NAME: options})
    return {"plugins": plugins}


def _tables(soup: BeautifulSoup) -> list[Tag]:
    article = soup.select_one("article")
    assert article is not None
    return list(article.find_all("table"))


def _assert_accessible_structure(soup: BeautifulSoup, language: str) -> None:
    """What every page of the portal must have, plus what a data page adds."""
    assert soup.html is not None and soup.html["lang"] == language
    assert len(soup.find_all("h1")) == 1
    levels = [int(tag.name[1]) for tag in soup.select("article h1, article h2, article h3")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for table in _tables(soup):
        assert _text(table.caption), "table without caption"
        # A wide table scrolls in a region that a keyboard can reach, named by its caption.
        region = table.parent
        assert region is not None and region.get("role") == "region"
        assert region.get("tabindex") == "0"
        assert region.get("aria-labelledby") == table.caption.get("id")
        header = table.select("thead th")
        assert header and all(th.get("scope") == "col" for th in header)
        for row in table.select("tbody tr"):
            cells = row.find_all(["th", "td"], recursive=False)
            assert cells[0].name == "th" and cells[0].get("scope") == "row"
            assert len(cells) == len(header)
    for svg in soup.select("article svg"):
        assert svg["role"] == "img"
        title_id, desc_id = str(svg["aria-labelledby"]).split()
        assert _text(svg.find("title", id=title_id)) and _text(svg.find("desc", id=desc_id))
    article = soup.select_one("article")
    assert article is not None
    assert article.select("[style], style, script") == []
    assert not any(
        attribute.startswith("on") for tag in article.find_all() for attribute in tag.attrs
    )


# --- The demo portal ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ko"])
def test_demo_dashboard_is_built_in_the_domestic_and_root_languages(
    demo_site: Path, language: str
) -> None:
    soup = _soup(demo_site / DEMO_PAGES[language])
    assert _text(soup.find("h1")) == STRINGS.text("dashboard.title", language)
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    _assert_accessible_structure(soup, language)
    charts = soup.select("article svg.chancery-chart")
    assert [_text(chart.find("title")) for chart in charts] == [
        STRINGS.text(key, language)
        for key in ("dashboard.heading.depth", "dashboard.heading.cadence", "dashboard.heading.lag")
    ]
    # Each chart is followed by the table of its figures.
    for chart in charts:
        following = chart.find_next_sibling()
        assert following is not None and following.find("table") is not None
        assert _text(following.find("caption")) == _text(chart.find("title"))


def test_demo_dashboard_is_not_built_in_other_languages(demo_site: Path) -> None:
    for code in ("fr", "es", "zh", "ar"):
        assert not (demo_site / code / PATH).exists(), code


def test_demo_dashboard_selector_links_its_two_versions(demo_site: Path) -> None:
    english = _soup(demo_site / DEMO_PAGES["en"])
    links = {a["hreflang"]: a["href"] for a in english.select(".md-select__link")}
    assert links["ko"] == "../../ko/internal/language-service/"
    assert links["fr"] == "../../fr/"
    korean = _soup(demo_site / DEMO_PAGES["ko"])
    links = {a["hreflang"]: a["href"] for a in korean.select(".md-select__link")}
    assert links["en"] == "../../../internal/language-service/"


def test_demo_dashboard_is_absent_from_sitemap_search_feeds_and_other_pages(
    demo_site: Path,
) -> None:
    dashboards = {demo_site / relative for relative in DEMO_PAGES.values()}
    seen = []
    for file in demo_site.rglob("*"):
        if not file.is_file() or file in dashboards or ".well-known" in file.parts:
            continue
        # Pagefind's search index files (chancery/search) are gzip too.
        if file.name.endswith((".gz", ".pf_fragment", ".pf_index", ".pf_meta")):
            data = gzip.decompress(file.read_bytes()).decode("utf-8", "replace")
        elif file.suffix in {".html", ".xml", ".json", ".txt"}:
            data = file.read_text("utf-8", "replace")
        else:
            continue
        seen.append(file.name)
        assert PATH not in data, file.relative_to(demo_site)
    # The scan did read the sitemap, the search index and feeds.
    assert "sitemap.xml" in seen
    assert any(name.endswith(".pf_fragment") for name in seen)
    assert any(name.endswith(("atom.xml", "rss.xml", "feed.json")) for name in seen)


def test_demo_dashboard_figures_match_chancery_metrics(demo_site: Path) -> None:
    settings = read_site_settings(REPO / "mkdocs.yml")
    options = read_plugin_options(settings.config_file, DASHBOARD_PLUGIN_NAME) or {}
    catalog = load_catalog(settings.content_dir, settings.policy.codes)
    now = datetime.fromisoformat(TEST_NOW)

    def live(page: Any) -> bool:
        return is_live(page.content, now)

    report = measure(
        catalog,
        settings.policy,
        assess(catalog, settings.policy, settings.translation, now, live),
        now,
        live,
        MetricsSettings.from_options(options, settings.policy),
    )
    view = dashboard_view(report, "en", STRINGS)
    soup = _soup(demo_site / DEMO_PAGES["en"])
    tables = {_text(table.caption): table for table in _tables(soup)}
    depth = tables["Depth ratios"]
    shown = {
        _text(row.th): [_text(cell) for cell in row.find_all("td")]
        for row in depth.select("tbody tr")
    }
    expected = {header: list(cells) for header, cells in view.charts[0].table.rows}
    assert shown == expected
    assert list(shown) == ["English", "French", "Spanish", "Chinese", "Arabic"]
    english = report.get("en")
    assert english.depth_ratio is not None and shown["English"][2] == f"{english.depth_ratio:.2f}"
    # The demo's targets are in the targets table, each with its verdict.
    verdicts = [_text(row) for row in tables["Targets"].select("tbody tr")]
    assert verdicts[0].startswith("English Depth ratio ≥ 0.80")
    assert len(verdicts) == len(report.verdicts)


# --- Tiny sites -------------------------------------------------------------------------------


def _tiny() -> dict[str, str]:
    """Korean has four news items of 10 words; English translates two, with 10 words each."""
    files = {
        "en/index.md": page("Home", "Home.", translation_of=of("ko", "홈.")),
        "fr/index.md": page("Accueil", "Accueil.", translation_of=of("ko", "홈.")),
        "ko/index.md": page("홈", "홈."),
    }
    korean = " ".join(["외교부는"] * 10)
    for number in range(4):
        date = f"2026-{number + 8:02d}-05T09:00:00+09:00"
        files[f"ko/news/n{number}.md"] = page(f"뉴스 {number}", korean, type="news", date=date)
        if number < 2:
            files[f"en/news/n{number}.md"] = page(
                f"News {number}",
                " ".join(["word"] * 10),
                type="news",
                date=date,
                translation_of=of("ko", korean),
            )
    return files


@pytest.fixture
def tiny(build_site: BuildSite) -> Path:
    return build_site(
        _tiny(),
        languages=LANGUAGES,
        config=_config(
            LANGUAGES,
            metrics_targets={"en": {"depth": 0.8, "cadence": 0.5}},
            metrics_word_density={"en": 1.0},
        ),
    )


def test_tiny_site_dashboard_shows_its_known_figures(tiny: Path) -> None:
    soup = _soup(tiny / PATH / "index.html")
    _assert_accessible_structure(soup, "en")
    tables = {_text(table.caption): table for table in _tables(soup)}
    # English: 2 x 10 words + 1 over Korean's 4 x 10 + 1, at one English word per Korean word.
    depth_row = _text(tables["Depth ratios"].select_one("tbody tr"))
    assert depth_row == "English 21 1.00 (set in the configuration) 0.51 ≥ 0.80"
    verdicts = [_text(row) for row in tables["Targets"].select("tbody tr")]
    assert verdicts == [
        "English Depth ratio ≥ 0.80 0.51 Missed",
        "English Cadence ratio ≥ 0.50 0.50 Met",
    ]
    cadence = {
        _text(row.th): [_text(cell) for cell in row.find_all("td")]
        for row in tables["New items per month"].select("tbody tr")
    }
    assert cadence["Korean"][-6:] == ["1", "1", "1", "1", "4", NOT_MEASURED]
    assert cadence["English"][-6:] == ["1", "1", "0", "0", "2", "0.50"]


def test_tiny_site_depth_chart_draws_what_the_table_says(tiny: Path) -> None:
    soup = _soup(tiny / PATH / "index.html")
    chart = soup.select_one(
        "svg#chancery-chart-depth, svg[aria-labelledby^='chancery-chart-depth']"
    )
    assert chart is not None
    texts = [_text(text) for text in chart.find_all("text")]
    assert texts[:3] == ["English", "0.51", "French"]
    assert "Korean = 1.00" in texts
    bars = chart.find_all("rect")
    assert len(bars) == 2  # English and French
    widths = [float(bar["width"]) for bar in bars]
    # French: 1 word of its home page, converted at the assumed density of 1, over 41 words.
    assert widths[1] / widths[0] == pytest.approx((1 / 41) / (21 / 41), rel=0.01)


def test_tiny_site_korean_dashboard_is_in_korean(tiny: Path) -> None:
    soup = _soup(tiny / "ko" / PATH / "index.html")
    _assert_accessible_structure(soup, "ko")
    assert _text(soup.find("h1")) == "언어 서비스 현황"
    assert _text(soup.find("title")).startswith("언어 서비스 현황 - ")
    headers = [_text(th) for th in soup.select("article table thead th")]
    assert "언어" in headers and "깊이 비율" in headers
    assert not (tiny / "fr" / PATH).exists()


def test_months_come_from_the_build_clock(build_site: BuildSite) -> None:
    site = build_site(
        _tiny(), languages=LANGUAGES, config=_config(LANGUAGES), now="2027-02-01T00:00:00+00:00"
    )
    soup = _soup(site / PATH / "index.html")
    intro = _text(soup.select("article p")[1])
    assert "from March 2026 to February 2027" in intro
    chart = soup.select_one("svg[aria-labelledby^='chancery-chart-cadence']")
    assert chart is not None
    assert [_text(text) for text in chart.find_all("text")][-1] == "Feb"


def test_a_site_without_a_domestic_language_gets_one_dashboard(build_site: BuildSite) -> None:
    languages = (("en", "foreign"), ("fr", "foreign"))
    site = build_site(
        {
            "en/index.md": page("Home", "Home text."),
            "fr/index.md": page("Accueil", "Texte.", translation_of=of("en", "Home text.")),
        },
        languages=languages,
        config=_config(languages),
    )
    soup = _soup(site / PATH / "index.html")
    _assert_accessible_structure(soup, "en")
    assert not (site / "fr" / PATH).exists()
    # Without a domestic language, the root language (English) is the yardstick: French gets
    # a depth bar measured against it, English none.
    depth = soup.select_one("svg[aria-labelledby^='chancery-chart-depth']")
    assert depth is not None and len(depth.find_all("rect")) == 1
    assert "English = 1.00" in depth.get_text()
    # The page says so, rather than "compare each foreign language with the domestic
    # language, ." of a site that has none.
    text = " ".join(soup.get_text(" ").split())
    assert (
        "this site has no domestic language, so ratios compare each language with English" in text
    )
    assert "reference language (yardstick)" in text
    assert "domestic language, ." not in text and "domestic language (yardstick)" not in text


def test_dashboard_can_be_turned_off_and_moved(build_site: BuildSite) -> None:
    site = build_site(
        _tiny(),
        languages=LANGUAGES,
        config=_config(LANGUAGES, dashboard_path="/staff/metrics/"),
    )
    assert (site / "staff/metrics/index.html").is_file()
    assert (site / "ko/staff/metrics/index.html").is_file()
    assert not (site / PATH).exists()


def test_dashboard_off(build_site: BuildSite) -> None:
    site = build_site(
        _tiny(), languages=LANGUAGES, config=_config(LANGUAGES, dashboard_enabled=False)
    )
    assert not (site / PATH).exists() and not (site / "ko" / PATH).exists()


def test_content_at_the_dashboard_path_fails_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        **_tiny(),
        f"en/{PATH}.md": page("Mine", "Text.", translation="not-needed", translation_reason="Test"),
        "en/internal/index.md": page(
            "Internal", "Text.", translation="not-needed", translation_reason="Test"
        ),
    }
    with pytest.raises((Abort, PluginError)):
        build_site(files, languages=LANGUAGES, config=_config(LANGUAGES))
    assert re.search(r"content/en/internal/language-service\.md: the language service", caplog.text)


def test_bad_targets_fail_the_build_naming_the_option(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises((Abort, PluginError)):
        build_site(
            _tiny(),
            languages=LANGUAGES,
            config=_config(LANGUAGES, metrics_targets={"en": {"depht": 0.8}}),
        )
    assert "plugins: chancery/dashboard: metrics_targets: en: 'depht' is not a target" in (
        caplog.text
    )
