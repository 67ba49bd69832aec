"""The portal's landing pages on real builds, and sidebars shown only where they hold something.

Each language's home page, the hubs and the missions directory are checked on real builds.
The demo is checked in all six languages, and tiny sites unlike it: one language, right-to-left
only, CJK only, no content besides the home page, no chancery/listings at all, a long list of
travel advice. Expected values are read from the content and the configuration, never from
the output under test. A property test checks, for any mix of content, that a home page shows
exactly the sections that have something to show, in the configured order.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from chancery.core.audiences import parse_regions
from chancery.core.catalog import Catalog, Page, load_catalog
from chancery.core.config import policy_from_options, read_site_settings
from chancery.core.consular_view import AdviceView, AlertView, level_view
from chancery.core.listings import Site, is_listed
from chancery.core.portal import (
    HOME_SECTIONS,
    HOME_TEMPLATE,
    HomeSettings,
    collation_key,
    figure,
    home,
    layout_of,
)
from chancery.core.strings import Strings
from tests.conftest import REPO, TEST_NOW, BuildSite, of, page, write_tree
from tests.listings_support import REGIONS, build_project, mission, resolve, text
from tests.portal_support import LONG_LIST, advice, news, portal_config

STRINGS = Strings.load()
NOW = datetime.fromisoformat(TEST_NOW)
DEMO = read_site_settings(REPO / "mkdocs.yml")
CODES = DEMO.policy.codes


def _prefix(code: str) -> str:
    return DEMO.policy.url_prefix(code)


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "lxml")


def _main(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


def _hidden(soup: BeautifulSoup, kind: str) -> bool:
    sidebar = soup.select_one(f".md-sidebar--{kind}")
    assert sidebar is not None
    return sidebar.has_attr("hidden")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(DEMO.content_dir, CODES, REPO)


def _listed(catalog: Catalog, code: str, type_name: str) -> list[Page]:
    pages = [p for p in catalog.in_language(code) if p.type == type_name and is_listed(p, NOW)]
    return sorted(pages, key=lambda p: -(p.content.date or p.content.start).timestamp())  # type: ignore[attr-defined]


def _alert_titles(code: str) -> list[str]:
    data = yaml.safe_load((DEMO.content_dir / "_alerts.yml").read_text("utf-8"))
    current = [
        alert
        for alert in data["alerts"]
        if datetime.fromisoformat(str(alert["start"]))
        <= NOW
        < datetime.fromisoformat(str(alert["end"]))
    ]
    return [alert["text"][code]["title"] for alert in current]


# -- The demo's home page in every language ----------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_demo_home_shows_each_section_in_the_readers_language(
    demo_site: Path, catalog: Catalog, code: str
) -> None:
    url = _prefix(code)
    soup = _soup(demo_site, url)
    main = _main(soup)
    intro = catalog.get(f"{code}/index.md")
    assert intro is not None
    # The identity: the emblem beside the editors' title, the page's one h1.
    assert [text(h1) for h1 in soup.find_all("h1")] == [intro.content.title]
    emblem = main.select_one(".chancery-home__brand img")
    assert emblem is not None and emblem["alt"] == ""
    # The current alerts, once, under the title rather than above the header.
    assert len(soup.select("[data-chancery-alerts]")) == 1
    assert soup.select_one(".md-banner") is None
    alerts = [
        text(a.select("strong")[1]) for a in main.select(".chancery-home__alerts .chancery-alert")
    ]
    assert alerts == _alert_titles(code)
    # Travel advice: every country's page in this language, reached by the finder's links.
    advice = {str(p.content.country): p for p in _listed(catalog, code, "travel-advice")}  # type: ignore[attr-defined]
    links = main.select("#chancery-finder-list a")
    assert len(links) == len(advice) > 0
    for link in links:
        target = resolve(url, str(link["href"]))
        heading = _soup(demo_site, target).find("h1")
        assert heading is not None
        country = target.rstrip("/").rpartition("/")[2]
        assert (
            text(heading)
            == advice[
                country.upper() if len(country) == 2 else _code_of(advice, country)
            ].content.title
        )
    # Top stories and statements: the newest of each, newest first, with their listings.
    for name, type_name in (("stories", "news"), ("statements", "statement")):
        section = main.select_one(f".chancery-home__{name}")
        expected = [p.content.title for p in _listed(catalog, code, type_name)][:4]
        assert section is not None and expected
        assert [text(t) for t in section.select(".chancery-teaser__title")] == expected
        more = section.select_one(".chancery-portal__more")
        assert more is not None and resolve(url, str(more["href"])).endswith(
            "news/" if type_name == "news" else "statements/"
        )
    campaigns = main.select(".chancery-home__campaigns .chancery-teaser__title")
    assert [text(t) for t in campaigns] == [
        p.content.title for p in _listed(catalog, code, "campaign")
    ]
    # The missions network: as many as the directory lists, each region linked to its group.
    missions = {p.key for p in catalog.of_type("mission") if is_listed(p, NOW)}
    number = main.select_one(".chancery-home__missions .chancery-figure__number")
    assert number is not None and text(number) == str(len(missions))
    directory = _soup(demo_site, f"{url}missions/")
    for chip in main.select(".chancery-home__missions .chancery-chips a"):
        page_url, _, anchor = resolve(url, str(chip["href"])).partition("#")
        assert page_url == f"{url}missions/"
        assert directory.find(id=anchor) is not None, anchor
    # The other languages, each named in its own language and marked as such.
    others = [language for language in DEMO.policy.languages if language.code != code]
    chips = main.select(".chancery-home__languages a")
    assert [(text(a), a["lang"], a["hreflang"], a["dir"]) for a in chips] == [
        (language.name, language.code, language.code, language.direction) for language in others
    ]
    for chip, language in zip(chips, others, strict=True):
        assert resolve(url, str(chip["href"])) == _prefix(language.code)
    # The editors' introduction, and no section left empty.
    assert intro.content.description in text(main)
    _assert_no_empty_section(main)
    assert _hidden(soup, "primary") and _hidden(soup, "secondary")


def _code_of(advice: dict[str, Page], slug: str) -> str:
    return next(code for code, p in advice.items() if p.path.endswith(f"/{slug}.md"))


def _assert_no_empty_section(main: Tag) -> None:
    for section in main.find_all("section"):
        heading = section.find(["h2", "h3"])
        rest = text(section).removeprefix(text(heading) if heading else "").strip()
        assert rest, f"empty section: {section.get('class')}"


def test_the_home_skip_link_leads_to_the_title(demo_site: Path) -> None:
    soup = _soup(demo_site, "")
    skip = soup.select_one("a.md-skip")
    assert skip is not None and skip["href"] == "#chancery-home-title"
    assert soup.find(id="chancery-home-title") is soup.find("h1")


# -- Hubs and the missions directory -----------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_demo_hubs_show_the_travel_advice_of_their_countries_only(
    demo_site: Path, catalog: Catalog, code: str
) -> None:
    advice = {str(p.content.country): p for p in _listed(catalog, code, "travel-advice")}  # type: ignore[attr-defined]
    for region in DEMO.regions:
        url = f"{_prefix(code)}audiences/{region.slug}/"
        main = _main(_soup(demo_site, url))
        shown = main.select(".chancery-hub__travel .chancery-advice-links a")
        expected = {
            f"{_prefix(code)}{p.path.partition('/')[2].removesuffix('.md')}/"
            for country, p in advice.items()
            if country in region.countries
        }
        assert {resolve(url, str(link["href"])) for link in shown} == expected, region.slug
        assert len(shown) == len(expected)
        if not expected:
            assert main.select_one(".chancery-hub__travel") is None
        _assert_no_empty_section(main)


@pytest.mark.parametrize("code", CODES)
def test_demo_directory_counts_its_missions_and_links_each_regions_group(
    demo_site: Path, catalog: Catalog, code: str
) -> None:
    url = f"{_prefix(code)}missions/"
    main = _main(_soup(demo_site, url))
    missions = {p.key for p in catalog.of_type("mission") if is_listed(p, NOW)}
    numbers = [text(n) for n in main.select(".chancery-figures .chancery-figure__number")]
    countries = {
        str(p.content.country)  # type: ignore[attr-defined]
        for p in catalog.of_type("mission")
        if is_listed(p, NOW)
    }
    assert numbers == [str(len(missions)), str(len(countries))]
    chips = main.select(".chancery-directory__regions a")
    assert chips
    listed = 0
    for chip in chips:
        anchor = str(chip["href"]).removeprefix("#")
        group = main.find("section", id=anchor)
        assert isinstance(group, Tag), anchor
        count = len(group.select(".chancery-items__title"))
        assert text(chip).endswith(f"({count})")
        listed += count
    assert listed == len(missions)


# -- Sidebars that hold nothing ----------------------------------------------------------------


def _primary_holds_more(soup: BeautifulSoup, url: str) -> bool:
    """Whether the navigation sidebar shows, on a wide screen, a link to another page.

    With tabs, Material shows there the active tab's section only.
    """
    active = soup.select_one(".md-nav--primary > .md-nav__list > .md-nav__item--active")
    if active is None:
        return False
    # Links to the page's own headings (its table of contents, shown there on phones) count
    # as the page itself.
    links = active.select("a.md-nav__link[href]")
    targets = {resolve(url, str(a["href"])).partition("#")[0] for a in links}
    return bool(targets - {url})


def test_every_demo_page_hides_exactly_the_sidebars_that_hold_nothing(demo_site: Path) -> None:
    checked = {"primary": [0, 0], "secondary": [0, 0]}
    for path in sorted(demo_site.rglob("index.html")):
        url = path.parent.relative_to(demo_site).as_posix()
        url = "" if url == "." else f"{url}/"
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        if soup.select_one(".md-sidebar--primary") is None:
            continue  # light pages, verification files, redirects
        home = soup.select_one(".chancery-home") is not None
        holds = _primary_holds_more(soup, url) and not home
        assert _hidden(soup, "primary") != holds, f"{url}: navigation sidebar"
        toc = soup.select(".md-sidebar--secondary a.md-nav__link")
        assert _hidden(soup, "secondary") == (home or not toc), f"{url}: table of contents"
        checked["primary"][holds] += 1
        checked["secondary"][bool(toc) and not home] += 1
    # Both cases of both sidebars occur on the demo: the check above is not vacuous.
    assert all(count > 5 for pair in checked.values() for count in pair), checked


def test_specific_demo_pages_keep_their_reading_layout(demo_site: Path) -> None:
    # A page alone at the top of the nav: no sidebar of itself, its table of contents stays.
    about = _soup(demo_site, "about/")
    assert _hidden(about, "primary") and not _hidden(about, "secondary")
    # A page in a section: its siblings in the sidebar.
    passports = _soup(demo_site, "consular/passports/")
    assert not _hidden(passports, "primary") and not _hidden(passports, "secondary")
    # Generated pages without headings: neither.
    for url in ("audiences/europe/", "missions/", "ar/audiences/", "news/"):
        soup = _soup(demo_site, url)
        assert _hidden(soup, "primary") and _hidden(soup, "secondary"), url


def test_a_site_without_tabs_keeps_its_navigation_sidebar(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "en/about.md": page("About", "## One\n\nText."),
            "en/contact.md": page("Contact"),
        },
        languages=(("en", "foreign"),),
    )
    about = _soup(site, "about/")
    assert not _hidden(about, "primary") and not _hidden(about, "secondary")
    contact = _soup(site, "contact/")
    assert not _hidden(contact, "primary") and _hidden(contact, "secondary")


# -- Sites unlike the demo ---------------------------------------------------------------------


def _sections(soup: BeautifulSoup) -> list[str]:
    """The home page's sections in order, by name (the introduction is a plain block)."""
    blocks = _main(soup).select(":scope > section, :scope > .chancery-home__introduction")
    return [
        next(c for c in block["class"] if c.startswith("chancery-home__")).removeprefix(
            "chancery-home__"
        )
        for block in blocks
    ]


def test_a_one_language_site_without_listed_content_has_a_home_of_its_own(tmp_path: Path) -> None:
    site = build_project(
        tmp_path,
        {
            "en/index.md": page("Ministry of Testland", "Welcome to the ministry."),
            "en/about.md": page("About"),
        },
        portal_config((("en", "foreign"),)),
    )
    soup = _soup(site, "")
    assert _sections(soup) == ["introduction"]
    assert soup.select_one(".chancery-home__languages") is None
    assert text(soup.find("h1")) == "Ministry of Testland"
    assert "Welcome to the ministry." in text(_main(soup))
    _assert_no_empty_section(_main(soup))


def test_a_right_to_left_only_site_lists_its_news_on_its_home(tmp_path: Path) -> None:
    site = build_project(
        tmp_path,
        {
            "ar/index.md": page("وزارة الخارجية", "مرحبًا."),
            "ar/news/a.md": news("الخبر الأول", 1),
            "ar/news/b.md": news("الخبر الثاني", 2),
        },
        portal_config((("ar", "foreign"),)),
    )
    soup = _soup(site, "")
    assert soup.html is not None and (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert _sections(soup) == ["stories", "introduction"]
    titles = [text(t) for t in soup.select(".chancery-home__stories .chancery-teaser__title")]
    assert titles == ["الخبر الثاني", "الخبر الأول"]
    more = soup.select_one(".chancery-home__stories .chancery-portal__more")
    assert more is not None and text(more) == STRINGS.text("home.stories.all", "ar")
    _assert_no_empty_section(_main(soup))


def test_a_cjk_site_with_nothing_but_its_homes(tmp_path: Path) -> None:
    site = build_project(
        tmp_path,
        {
            "zh-Hant/index.md": page("測試蘭外交部", "歡迎。"),
            "ja/index.md": page(
                "テストランド外務省", "ようこそ。", translation_of=of("zh-Hant", "歡迎。")
            ),
        },
        portal_config((("zh-Hant", "foreign"), ("ja", "foreign"))),
    )
    soup = _soup(site, "")
    assert _sections(soup) == ["introduction"]
    (other,) = soup.select(".chancery-home__languages a")
    assert (text(other), other["lang"], resolve("", str(other["href"]))) == ("日本語", "ja", "ja/")
    japanese = _soup(site, "ja/")
    (back,) = japanese.select(".chancery-home__languages a")
    assert (back["lang"], resolve("ja/", str(back["href"]))) == ("zh-Hant", "")


def test_a_home_without_chancery_listings_keeps_its_header_and_introduction(
    build_site: BuildSite,
) -> None:
    site = build_site(
        {
            "en/index.md": page("Home", "Hello."),
            "ko/index.md": page("홈", "Hello.", translation_of=of("en", "Hello.")),
        }
    )
    for url, title in (("", "Home"), ("ko/", "홈")):
        soup = _soup(site, url)
        assert text(soup.find("h1")) == title
        assert _sections(soup) == ["introduction"]
        assert soup.select_one(".chancery-home__languages") is None


def test_home_sections_follow_the_setting_and_alerts_left_out_stay_in_the_banner(
    tmp_path: Path,
) -> None:
    alerts = {
        "alerts": [
            {
                "id": "storm",
                "severity": "warning",
                "start": "2026-11-20T00:00:00+00:00",
                "end": "2026-11-30T00:00:00+00:00",
                "text": {"en": {"title": "Storm warning", "text": "Stay indoors."}},
            }
        ]
    }
    site = build_project(
        tmp_path,
        {
            "_alerts.yml": yaml.safe_dump(alerts),
            "en/index.md": page("Home", "Hello."),
            "en/news/a.md": news("First", 1),
            "en/travel-advice/fr.md": advice("FR", "France"),
        },
        portal_config(
            (("en", "foreign"),), listings={"home_sections": ["introduction", "stories"]}
        ),
    )
    soup = _soup(site, "")
    assert _sections(soup) == ["introduction", "stories"]
    banner = soup.select_one(".md-banner [data-chancery-alerts]")
    assert banner is not None and "Storm warning" in text(banner)
    assert len(soup.select("[data-chancery-alerts]")) == 1
    assert soup.select_one("#chancery-finder-list") is None


def test_a_long_list_of_travel_advice_is_folded_sorted_and_searchable(tmp_path: Path) -> None:
    levels = {"EG": 3, "SN": 4, "AE": 2}
    files = {"fr/index.md": page("Ministère", "Bonjour.")}
    for code, name in LONG_LIST.items():
        files[f"fr/travel-advice/{code.lower()}.md"] = advice(
            code, f"Conseils : {name}", levels.get(code, 1)
        )
    site = build_project(tmp_path, files, portal_config((("fr", "foreign"),)))
    soup = _soup(site, "")
    finder = soup.select_one("[data-chancery-finder]")
    assert finder is not None
    folded = finder.select_one("details.chancery-finder__all")
    assert folded is not None
    summary = folded.find("summary")
    assert summary is not None and text(summary) == f"Conseils pour {len(LONG_LIST)} pays"
    names = [text(n) for n in folded.select(".chancery-advice-links__country")]
    assert names == sorted(LONG_LIST.values(), key=collation_key)
    assert (
        names.index("Égypte")
        < names.index("Espagne")
        < names.index("États-Unis")
        < names.index("France")
    )
    # The most serious levels first, above the list, with their words.
    urgent = soup.select(".chancery-home__travel > .chancery-advice-links li")
    assert [text(li.select_one(".chancery-advice-links__country")) for li in urgent] == [
        "Sénégal",
        "Égypte",
    ]
    assert STRINGS.text("travel.level.4", "fr") in text(urgent[0])
    # The search field is there for script to show; its label and messages are French.
    label = finder.select_one("label[for=chancery-finder-input]")
    assert label is not None and text(label) == STRINGS.text("home.travel.find", "fr")
    assert finder.select_one("p.chancery-finder__search")["hidden"] == ""  # type: ignore[index]
    assert any(
        str(s.get("src", "")).endswith("assets/chancery/portal.js") for s in soup.find_all("script")
    )


def test_a_short_list_of_travel_advice_shows_at_once_without_script(tmp_path: Path) -> None:
    files = {
        "en/index.md": page("Ministry", "Hello."),
        "en/travel-advice/fr.md": advice("FR", "France"),
        "en/travel-advice/eg.md": advice("EG", "Egypt", 2),
    }
    site = build_project(tmp_path, files, portal_config((("en", "foreign"),)))
    soup = _soup(site, "")
    assert soup.select_one("details.chancery-finder__all") is None
    assert soup.select_one("[data-chancery-finder]") is None
    assert not any("portal.js" in str(s.get("src", "")) for s in soup.find_all("script"))
    links = soup.select("#chancery-finder-list a")
    assert [text(a.select_one(".chancery-advice-links__country")) for a in links] == [
        "Egypt",
        "France",
    ]
    for link in links:
        assert (site / resolve("", str(link["href"])) / "index.html").is_file()


# -- The core, without a build -----------------------------------------------------------------


def _page(catalog: Catalog, path: str) -> Page:
    found = catalog.get(path)
    assert found is not None
    return found


def test_layout_of_gives_the_home_layout_to_root_index_pages_only(catalog: Catalog) -> None:
    assert layout_of(_page(catalog, "en/index.md")) == HOME_TEMPLATE
    assert layout_of(_page(catalog, "ar/index.md")) == HOME_TEMPLATE
    assert layout_of(_page(catalog, "en/about.md")) == "chancery/page.html"
    assert layout_of(_page(catalog, "en/news/2026-09-visa-waiver.md")) == "chancery/news.html"


def test_collation_files_accented_names_under_their_letter() -> None:
    names = ["France", "Égypte", "Allemagne", "États-Unis", "Espagne", "Zambie", "Åland"]
    assert sorted(names, key=collation_key) == [
        "Åland",
        "Allemagne",
        "Égypte",
        "Espagne",
        "États-Unis",
        "France",
        "Zambie",
    ]


#: A one-language site's folder, written once per example of the property test.
_REGIONS = [dict(region, names={"en": region["names"]["en"]}) for region in REGIONS]


def _advice_view(country: str, level: int) -> AdviceView:
    moment = datetime(2026, 10, 1, tzinfo=NOW.tzinfo)
    return AdviceView(
        country=country,
        country_name=country,
        level=level_view(level, "en", STRINGS),
        title=country,
        summary="",
        published=moment,
        updated=moment,
        url=f"travel-advice/{country.lower()}/",
        light_url="",
        feed_url="",
        text_language=None,
        history=(),
    )


def _alert_view(index: int) -> AlertView:
    return AlertView(
        id=f"a{index}",
        severity="info",
        severity_label="Information",
        title=f"Alert {index}",
        paragraphs=(),
        start=NOW,
        end=NOW,
        period="",
        text_language=None,
        untranslated="",
        light_url="",
        link_url=None,
        link_is_external=False,
    )


@settings(max_examples=40, deadline=None)
@given(
    news_items=st.integers(0, 6),
    statements=st.integers(0, 2),
    campaigns=st.lists(st.booleans(), max_size=3),
    missions=st.lists(st.sampled_from(["FR", "MX", "JP", "DE"]), unique=True, max_size=4),
    countries=st.lists(st.sampled_from([f"C{i:02d}" for i in range(20)]), unique=True, max_size=20),
    alerts=st.integers(0, 2),
    introduction=st.booleans(),
    regions=st.booleans(),
    order=st.permutations(HOME_SECTIONS),
    keep=st.integers(0, len(HOME_SECTIONS)),
)
def test_a_home_shows_exactly_the_sections_with_something_to_show(
    news_items: int,
    statements: int,
    campaigns: list[bool],
    missions: list[str],
    countries: list[str],
    alerts: int,
    introduction: bool,
    regions: bool,
    order: list[str],
    keep: int,
) -> None:
    files: dict[str, str] = {"en/index.md": page("Home")}
    for n in range(news_items):
        files[f"en/news/n{n}.md"] = news(f"News {n}", n + 1)
    for n in range(statements):
        files[f"en/statements/s{n}.md"] = page(
            f"Statement {n}",
            type="statement",
            kind="speech",
            date=f"2026-09-{n + 1:02d}T09:00:00+00:00",
        )
    for n, ended in enumerate(campaigns):
        end = "2026-11-01T00:00:00+00:00" if ended else "2027-01-01T00:00:00+00:00"
        files[f"en/campaigns/c{n}.md"] = page(
            f"Campaign {n}",
            type="campaign",
            hashtag=f"#C{n}",
            start="2026-01-01T00:00:00+00:00",
            end=end,
        )
    for country in missions:
        files[f"en/missions/{country.lower()}.md"] = mission(f"Embassy {country}", country, "City")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(root / "content", files)
        catalog = load_catalog(root / "content", ("en",), root)
    policy = policy_from_options([{"code": "en", "role": "foreign"}])
    site_regions = parse_regions(_REGIONS if regions else [])
    site = Site(catalog, policy, site_regions, NOW, strings=STRINGS)
    plan = site.plan("en", site_name="Ministry", site_url="https://ministry.example/")
    chosen = HomeSettings(sections=tuple(order[:keep]), items=3)
    views = [_advice_view(country, 1 + index % 4) for index, country in enumerate(countries)]
    result = home(
        site,
        "en",
        settings=chosen,
        hub_urls=dict(plan.hub_urls),
        alerts=[_alert_view(n) for n in range(alerts)],
        advice=views,
        overview_url="travel-advice/overview/",
        introduction=introduction,
    )
    running = campaigns.count(False)
    something = {
        "alerts": alerts > 0,
        "travel-advice": bool(countries),
        "stories": news_items > 0,
        "statements": statements > 0,
        "introduction": introduction,
        "campaigns": running > 0,
        "missions": bool(missions),
        "regions": regions,
    }
    assert result.sections == tuple(name for name in order[:keep] if something[name])
    if result.stories:
        assert [i.title for i in result.stories.items] == [
            f"News {n}" for n in reversed(range(news_items))
        ][:3]
    if result.campaigns:
        assert len(result.campaigns.items) == min(running, 3)
    if result.missions:
        assert (result.missions.missions.count, result.missions.countries.count) == (
            len(missions),
        ) * 2
        assert sum(link.count or 0 for link in result.missions.regions) == len(missions)
        assert result.missions.missions.number == str(len(missions))
    if result.travel:
        names = [view.country_name for view in result.travel.countries]
        assert names == sorted(countries, key=collation_key)
        assert result.travel.folded == (len(countries) > chosen.finder_open_max)
        assert result.travel.searchable == (len(countries) >= chosen.finder_search_min)
        levels = [view.level.level for view in result.travel.urgent]
        assert levels == sorted(levels, reverse=True) and all(level >= 3 for level in levels)
    assert result.languages == ()


def test_figures_split_around_the_number_in_every_plural_form() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(root / "content", {"ar/index.md": page("الرئيسية")})
        catalog = load_catalog(root / "content", ("ar",), root)
    policy = policy_from_options([{"code": "ar", "role": "foreign"}])
    site = Site(catalog, policy, parse_regions([]), NOW, strings=STRINGS)
    for count in (1, 2, 3, 12, 100, 1234):
        shown = figure(site, "home.missions.count", "ar", count)
        form = STRINGS.plural("home.missions.count", "ar", count)
        assert shown.text == form.replace("{count}", shown.number)
        # Arabic writes one and two out in words; the others carry the number in its digits.
        assert shown.number == ("" if count in (1, 2) else f"{count:,}")
