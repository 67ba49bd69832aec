"""Generated pages on real builds: listings, archive, topics, hubs, directory, mission, campaign.

A tiny three-language site (English at the root, French, Korean) is built once for the module;
the demo portal is checked in all six languages. Expected items are read from the content's
front matter, never from the output under test.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from chancery.core.audiences import Regions
from chancery.core.catalog import Catalog, Page, load_catalog
from chancery.core.config import read_site_settings
from chancery.core.listings import is_listed
from chancery.core.strings import Strings
from tests.conftest import REPO, TEST_NOW, BuildSite, of, page, tags_file
from tests.listings_support import (
    article,
    build_project,
    html,
    item_links,
    item_titles,
    listings_config,
    resolve,
    text,
)
from tests.listings_support import mission as _mission

#: The package's interface strings, as a build without a locales folder reads them.
STRINGS = Strings.load()

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))
#: Strings of pages that must appear in no listing, hub, topic page or feed.
HIDDEN = ("DraftCanary", "EmbargoCanary", "ExpiredCanary", "WithdrawnCanary")


def _news(title: str, date: str, **fields: Any) -> str:
    return page(title, type="news", date=date, **fields)


FILES = {
    "_tags.yml": tags_file(["climate"], ("en", "fr", "ko")),
    "en/index.md": page("Home"),
    "fr/index.md": page("Accueil", translation_of=of("en")),
    "ko/index.md": page("홈", translation_of=of("en")),
    "en/news/a.md": _news(
        "Alpha", "2026-03-01T09:00:00+09:00", audiences=["latin-america"], tags=["climate", "open"]
    ),
    "fr/news/a.md": _news(
        "Alpha FR",
        "2026-03-01T09:00:00+09:00",
        audiences=["latin-america"],
        tags=["climate", "open"],
        translation_of=of("en"),
    ),
    "ko/news/a.md": _news(
        "알파", "2026-03-01T09:00:00+09:00", audiences=["latin-america"], translation_of=of("en")
    ),
    "en/news/b.md": _news("Bravo", "2026-02-01T09:00:00+09:00", audiences=["MX"]),
    "en/news/c.md": _news(
        "Charlie", "2025-12-01T09:00:00+09:00", audiences=["europe"], tags=["climate"]
    ),
    "en/news/d.md": _news("Delta", "2025-06-01T09:00:00+02:00", audiences=["FR"]),
    "en/news/e.md": _news("Echo", "2026-04-01T09:00:00+09:00"),
    "fr/news/seulement.md": _news("Seulement en français", "2026-05-01T09:00:00+02:00"),
    "en/news/draft.md": _news(
        "DraftCanary", "2026-05-01T09:00:00Z", draft="true", audiences=["MX"], tags=["climate"]
    ),
    "en/news/embargo.md": _news(
        "EmbargoCanary",
        "2026-05-01T09:00:00Z",
        publish_at="2027-01-01T00:00:00Z",
        audiences=["latin-america"],
    ),
    "en/news/expired.md": _news(
        "ExpiredCanary", "2026-05-01T09:00:00Z", expires_at="2026-06-01T00:00:00Z"
    ),
    "en/news/withdrawn.md": _news(
        "WithdrawnCanary",
        "2026-05-02T09:00:00Z",
        audiences=["MX"],
        tags=["climate", "open"],
        withdrawn={"date": "2026-06-01T00:00:00Z", "reason": "Superseded."},
    ),
    "en/statements/s.md": page(
        "Sierra", type="statement", kind="speech", date="2026-01-15T10:00:00Z", audiences=["DE"]
    ),
    "en/consular/visas.md": page(
        "Visas", type="consular-service", service="visa", audiences=["latin-america"]
    ),
    "en/campaigns/open.md": page(
        "Open campaign", type="campaign", hashtag="#OpenHaneul", start="2026-01-01T00:00:00Z"
    ),
    "en/missions/mexico.md": _mission("Embassy in Mexico", "MX", "Mexico City"),
    "fr/missions/mexico.md": _mission(
        "Ambassade au Mexique", "MX", "Mexico", translation_of=of("en")
    ),
    "en/missions/paris.md": _mission("Embassy in France", "FR", "Paris"),
    "en/missions/tokyo.md": _mission("Embassy in Japan", "JP", "Tokyo"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tiny site, built once for this module, two items per listing page."""
    config = listings_config(
        LANGUAGES,
        listings={"listings_per_page": 2},
        languages_options={"translation_gate": "warn"},
    )
    yield build_project(tmp_path_factory.mktemp("listings"), FILES, config)


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def _time_texts(soup: BeautifulSoup) -> list[str]:
    return [text(t) for t in article(soup).select(".chancery-items time")]


# Listings of a type, paginated.


def test_news_listing_is_paginated_newest_first(site: Path) -> None:
    first, second, third = (html(site, url) for url in ("news", "news/page/2", "news/page/3"))
    assert [item_titles(p) for p in (first, second, third)] == [
        ["Echo", "Alpha"],
        ["Bravo", "Charlie"],
        ["Delta"],
    ]
    assert not (site / "news/page/4").exists() and not (site / "news/page/1").exists()
    assert item_links(first, "news/") == ["news/e/", "news/a/"]
    for link in item_links(first, "news/"):
        assert (site / link / "index.html").is_file()
    # Pagination: newer and older links, and where the reader stands.
    nav = article(second).select_one("nav.chancery-pagination")
    assert nav is not None and nav["aria-label"] == "Pages of this list"
    rel = {str(a["rel"][0]): resolve("news/page/2/", str(a["href"])) for a in nav.find_all("a")}
    assert rel == {"prev": "news/", "next": "news/page/3/"}
    assert "Page 2 of 3" in text(nav)
    assert second.title is not None and second.title.text.startswith("News, page 2 - ")
    assert [a.get("rel") for a in article(third).select("nav.chancery-pagination a")] == [["prev"]]
    # Dates in <time>, in the reader's language.
    assert _time_texts(first) == ["April 1, 2026", "March 1, 2026"]


def test_listings_show_each_languages_own_items_with_localised_dates(site: Path) -> None:
    french, korean = html(site, "fr/news"), html(site, "ko/news")
    assert text(article(french).find("h1")) == "Actualités"
    assert item_titles(french) == ["Seulement en français", "Alpha FR"]
    assert _time_texts(french) == ["1 mai 2026", "1 mars 2026"]
    assert text(article(korean).find("h1")) == "뉴스"
    # The English-only items are not Korean items, even though fallbacks serve them in /ko/.
    assert item_titles(korean) == ["알파"]
    assert _time_texts(korean) == ["2026년 3월 1일"]
    assert (site / "ko/news/b/index.html").is_file()
    assert korean.html is not None and korean.html["lang"] == "ko"


def test_a_listing_without_items_in_a_language_says_so(site: Path) -> None:
    statements = article(html(site, "fr/statements"))
    assert item_titles(html(site, "fr/statements")) == []
    assert text(statements.select_one(".chancery-items__empty")) == (
        "Rien n'a encore été publié ici dans cette langue."
    )


def test_every_generated_page_exists_in_every_language(site: Path) -> None:
    urls = (
        "news",
        "statements",
        "consular",
        "campaigns",
        "archive",
        "archive/2025",
        "tags",
        "tags/climate",
        "audiences",
        "audiences/latin-america",
        "audiences/mx",
        "missions",
    )
    for lang in ("en", "fr", "ko"):
        for url in urls:
            assert (site / _prefix(lang) / url / "index.html").is_file(), (lang, url)
    # Pages of a listing exist as far as the items of that language reach.
    assert not (site / "ko/news/page/2").exists()


def test_unpublished_and_withdrawn_items_appear_in_no_listing_hub_or_feed(site: Path) -> None:
    generated = [
        path
        for top in ("news", "statements", "archive", "tags", "audiences", "missions", "feeds")
        for lang in ("", "fr/", "ko/")
        for path in (site / lang / top).rglob("*")
        if path.is_file()
        and path.suffix in (".html", ".xml", ".json")
        and path.parent.name not in {"draft", "embargo", "expired", "withdrawn"}
    ]
    assert len(generated) > 50
    for path in generated:
        content = path.read_text("utf-8")
        for canary in HIDDEN:
            assert canary not in content, (canary, path.relative_to(site))
    # The withdrawn page itself stays online, with its notice.
    assert "WithdrawnCanary" in (site / "news/withdrawn/index.html").read_text("utf-8")
    assert not (site / "news/draft").exists()


# The yearly archive and topics.


def test_yearly_archive_lists_news_and_statements_by_year(site: Path) -> None:
    index = article(html(site, "archive"))
    assert text(index.find("h1")) == "Archive"
    years = [
        (text(a), resolve("archive/", str(a["href"]))) for a in index.select(".chancery-list a")
    ]
    assert years == [("2026", "archive/2026/"), ("2025", "archive/2025/")]
    counts = [text(c) for c in index.select(".chancery-count")]
    assert counts == ["(4)", "(2)"]
    year = html(site, "archive/2026")
    assert text(article(year).find("h1")) == "Archive 2026"
    titles = item_titles(year) + item_titles(html(site, "archive/2026/page/2"))
    assert titles == ["Echo", "Alpha", "Bravo", "Sierra"]
    assert item_titles(html(site, "archive/2025")) == ["Charlie", "Delta"]
    assert text(article(html(site, "ko/archive/2026")).find("h1")) == "2026년 보관함"
    # The news listing links to the years.
    assert [text(a) for a in article(html(site, "news")).select(".chancery-list a")] == [
        "2026",
        "2025",
    ]


def test_topic_pages_list_each_languages_pages_with_the_tag(site: Path) -> None:
    # A tag shows its name from content/_tags.yml; a campaign's tag, the campaign's title.
    assert text(article(html(site, "tags/climate")).find("h1")) == "Topic: climate (en)"
    assert item_titles(html(site, "tags/climate")) == ["Alpha", "Charlie"]
    assert item_titles(html(site, "fr/tags/climate")) == ["Alpha FR"]
    assert text(article(html(site, "fr/tags/climate")).find("h1")) == "Thème : climate (fr)"
    assert item_titles(html(site, "ko/tags/climate")) == []
    index = article(html(site, "tags"))
    assert [text(a) for a in index.select(".chancery-list a")] == ["climate (en)", "Open campaign"]


# Hubs and the missions directory.


def test_region_hub_lists_its_items_countries_languages_and_missions(site: Path) -> None:
    hub = html(site, "audiences/latin-america")
    body = article(hub)
    assert text(body.find("h1")) == "For readers in Latin America"
    # Pages for the region, or for one of its countries, newest first; undated ones last.
    titles = item_titles(hub) + item_titles(html(site, "audiences/latin-america/page/2"))
    assert titles == ["Alpha", "Bravo", "Visas"]
    facts = body.select_one("dl.chancery-facts")
    assert facts is not None
    assert [text(dt) for dt in facts.find_all("dt")] == ["Countries"]
    assert [text(a) for a in facts.select("a")] == ["Mexico"]
    missions = body.select("section[aria-labelledby=chancery-hub-missions] .chancery-items__title")
    assert [text(m) for m in missions] == ["Embassy in Mexico"]
    # In Korean: the region's Korean name and only Korean items.
    korean = html(site, "ko/audiences/latin-america")
    assert text(article(korean).find("h1")) == "중남미 독자를 위한 소식"
    assert item_titles(korean) == ["알파"]


def test_country_hub_includes_its_regions_pages_and_offers_the_regions_languages(
    site: Path,
) -> None:
    mexico = html(site, "audiences/mx")
    assert text(article(mexico).find("h1")) == "For readers in Mexico"
    assert item_titles(mexico) == ["Alpha", "Bravo"]
    france = article(html(site, "audiences/fr"))
    facts = france.select_one("dl.chancery-facts")
    assert facts is not None
    assert [text(dt) for dt in facts.find_all("dt")] == ["Region", "Also in"]
    languages = facts.select("a[hreflang]")
    assert [(text(a), a["lang"], resolve("audiences/fr/", str(a["href"]))) for a in languages] == [
        ("Français", "fr", "fr/audiences/fr/")
    ]


def test_hub_index_groups_countries_by_region(site: Path) -> None:
    index = article(html(site, "fr/audiences"))
    assert text(index.find("h1")) == "Par région et par pays"
    groups = [
        (text(section.find("h2")), [text(a) for a in section.select(".chancery-list a")])
        for section in index.select("section.chancery-group")
    ]
    assert groups == [
        ("Amérique latine", ["Mexique"]),
        ("Europe", ["Allemagne", "France"]),
        ("Autres pays", ["Japon"]),
    ]


def test_directory_groups_missions_by_region_in_every_language(site: Path) -> None:
    def groups(url: str) -> list[tuple[str, list[str]]]:
        body = article(html(site, url))
        return [
            (text(s.find("h2")), [text(t) for t in s.select(".chancery-items__title")])
            for s in body.select("section.chancery-group")
        ]

    assert groups("missions") == [
        ("Latin America", ["Embassy in Mexico"]),
        ("Europe", ["Embassy in France"]),
        ("Other countries", ["Embassy in Japan"]),
    ]
    assert groups("fr/missions") == [
        ("Amérique latine", ["Ambassade au Mexique"]),
        ("Europe", ["Embassy in France"]),
        ("Autres pays", ["Embassy in Japan"]),
    ]
    # A mission without a French version: its English title is marked as English, and the
    # link leads to the honest fallback under /fr/.
    body = article(html(site, "fr/missions"))
    paris = body.find("a", string="Embassy in France")
    assert paris is not None and paris["lang"] == "en" and paris["dir"] == "ltr"
    assert resolve("fr/missions/", str(paris["href"])) == "fr/missions/paris/"
    mexico = body.find("a", string="Ambassade au Mexique")
    assert mexico is not None and not mexico.has_attr("lang")
    assert "Mexico (Mexique)" in text(body) or "Mexico, Mexique" in text(body)


def test_mission_page_lists_current_content_for_its_country_and_region(site: Path) -> None:
    mission = article(html(site, "missions/mexico"))
    related = mission.select_one("section.chancery-related")
    assert related is not None
    assert text(related.find("h2")) == "Latest for readers in Mexico"
    assert [text(t) for t in related.select(".chancery-items__title")] == ["Alpha", "Bravo"]
    links = [
        (text(a), resolve("missions/mexico/", str(a["href"])))
        for a in related.select(".chancery-list a")
    ]
    assert links == [
        ("More for readers in Mexico", "audiences/mx/"),
        ("More for readers in Latin America", "audiences/latin-america/"),
    ]
    french = article(html(site, "fr/missions/mexico")).select_one("section.chancery-related")
    assert french is not None
    assert [text(t) for t in french.select(".chancery-items__title")] == ["Alpha FR"]


def test_campaign_lists_its_content_and_shares_with_plain_links(site: Path) -> None:
    soup = html(site, "campaigns/open")
    body = article(soup)
    related = body.select_one("section.chancery-related")
    assert related is not None and text(related.find("h2")) == "Part of this campaign"
    assert [text(t) for t in related.select(".chancery-items__title")] == ["Alpha"]
    share = body.select_one("section.chancery-share")
    assert share is not None
    links = share.select("a")
    assert [text(a) for a in links] == [
        "Email",
        "X",
        "Facebook",
        "LinkedIn",
        "WhatsApp",
        "Telegram",
        "Weibo",
    ]
    page_url = "https://ministry.example/campaigns/open/"
    for link in links:
        href = str(link["href"])
        assert href.startswith(("https://", "mailto:")), href
        assert page_url in unquote(href), href
        assert link["rel"] == ["noopener", "noreferrer"]
    assert "#OpenHaneul" in unquote(str(links[1]["href"]))
    assert text(share.find("code")) == page_url
    # No third-party script: every script is our own or Material's, from this site.
    for script in soup.find_all("script", src=True):
        assert not str(script["src"]).startswith(("http:", "https:", "//")), script["src"]


# The nav, the head and the language selector.


def _nav_links(soup: BeautifulSoup, url: str) -> list[str]:
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    return [resolve(url, str(a["href"])) for a in nav.select("a.md-nav__link[href]")]


def test_news_articles_leave_the_nav_and_their_listing_stands_in(site: Path) -> None:
    links = _nav_links(html(site, "news/a"), "news/a/")
    assert "news/" in links
    assert not [link for link in links if link.startswith("news/") and link != "news/"]
    assert not [link for link in links if link.startswith(("news/page/", "archive/", "tags/"))]
    assert not [link for link in links if link.startswith("audiences/")]
    # Types that do not pile up keep their articles in the nav.
    assert "campaigns/open/" in links and "missions/mexico/" in links


def test_listing_pages_announce_every_language_and_the_selector_follows(site: Path) -> None:
    soup = html(site, "fr/tags/climate")
    alternates = {
        str(link["hreflang"]): str(link["href"])
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": "https://ministry.example/tags/climate/",
        "fr": "https://ministry.example/fr/tags/climate/",
        "ko": "https://ministry.example/ko/tags/climate/",
        "x-default": "https://ministry.example/tags/climate/",
    }
    selector = soup.select(".md-select__link")
    assert [resolve("fr/tags/climate/", str(a["href"])) for a in selector] == [
        "tags/climate/",
        "fr/tags/climate/",
        "ko/tags/climate/",
    ]


def test_generated_pages_are_left_out_of_search(site: Path) -> None:
    index = (site / "search/search_index.json").read_text("utf-8")
    assert '"location":"news/page/2/"' not in index.replace(" ", "")
    assert "tags/climate/" not in index


def test_a_page_at_a_listings_address_wins(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "en/index.md": page("Home"),
        "en/news/index.md": page("Our news, introduced by the editors"),
        "en/news/a.md": _news("Alpha", "2026-03-01T09:00:00Z"),
    }
    config = listings_config((("en", "foreign"),), listings={"listings_per_page": 1})
    # On the "mkdocs" logger itself: an earlier in-process `mkdocs build -q` may have raised
    # its level.
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_site(files, languages=(("en", "foreign"),), config=config)
    assert text(article(html(site, "news")).find("h1")) == "Our news, introduced by the editors"
    assert not (site / "news/page").exists()
    assert (
        "en/news/index.md is at the address of the generated 'news' listing in 'en'; that "
        "listing is left out"
    ) in caplog.text


def test_settings_are_checked(build_site: BuildSite, caplog: pytest.LogCaptureFixture) -> None:
    config = listings_config((("en", "foreign"),), listings={"listings_per_page": 0})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"en/index.md": page("Home")}, languages=(("en", "foreign"),), config=config)
    assert "mkdocs.yml: plugins: chancery/listings: listings_per_page: must be 1 or more" in (
        caplog.text
    )


def test_listings_are_byte_identical_on_a_rebuild(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    config = listings_config(
        LANGUAGES,
        listings={"listings_per_page": 2},
        languages_options={"translation_gate": "warn"},
    )
    again = build_project(tmp_path_factory.mktemp("again"), FILES, config)
    for top in ("news", "archive", "tags", "audiences", "missions", "feeds"):
        for lang in ("", "fr/", "ko/"):
            for path in sorted((site / lang / top).rglob("*")):
                if path.is_file():
                    other = again / path.relative_to(site)
                    assert other.read_bytes() == path.read_bytes(), path.relative_to(site)


# The demo portal, in all six languages.


@pytest.fixture(scope="module")
def demo() -> tuple[Catalog, Regions, tuple[str, ...]]:
    settings = read_site_settings(REPO / "mkdocs.yml")
    catalog = load_catalog(settings.content_dir, settings.policy.codes, REPO)
    return catalog, settings.regions, settings.policy.codes


def _listed(catalog: Catalog, lang: str) -> list[Page]:
    now = datetime.fromisoformat(TEST_NOW)
    return [p for p in catalog.in_language(lang) if is_listed(p, now)]


def _newest_first(pages: list[Page]) -> list[str]:
    def when(p: Page) -> datetime:
        moment = p.content.date or getattr(p.content, "start", None)
        assert moment is not None
        return moment

    return [p.content.title for p in sorted(pages, key=lambda p: (-when(p).timestamp(), p.path))]


def test_demo_listings_in_all_six_languages(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...]]
) -> None:
    catalog, _, codes = demo
    assert codes == ("en", "fr", "es", "zh", "ar", "ko")
    for lang in codes:
        prefix = _prefix(lang)
        for url, type_name in (("news", "news"), ("statements", "statement")):
            soup = html(demo_site, prefix + url)
            assert soup.html is not None and soup.html["lang"] == lang
            assert text(article(soup).find("h1")) == STRINGS.text(f"listing.{type_name}", lang)
            pages = [p for p in _listed(catalog, lang) if p.type == type_name]
            assert item_titles(soup) == _newest_first(pages), (lang, url)
            dates = sorted((p.content.date for p in pages if p.content.date), reverse=True)
            times = article(soup).select(".chancery-items time")
            assert [text(t) for t in times] == [
                format_date(d.date(), format="long", locale=lang).replace("\u202f", " ")
                for d in dates
            ]
        archive = article(html(demo_site, prefix + "archive"))
        assert text(archive.find("h1")) == STRINGS.text("archive.title", lang)
        assert [text(a) for a in archive.select(".chancery-list a")] == ["2026"]


def _reach(regions: Regions, audience: str) -> frozenset[str]:
    region = regions.get(audience)
    if region is not None:
        return frozenset((audience, *region.countries))
    home = regions.of_country(audience)
    return frozenset((audience, home.slug) if home else (audience,))


def test_demo_hubs_in_all_six_languages(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...]]
) -> None:
    catalog, regions, codes = demo
    for lang in codes:
        for region in regions:
            soup = html(demo_site, f"{_prefix(lang)}audiences/{region.slug}")
            assert text(article(soup).find("h1")) == STRINGS.text("hub.title", lang).format(
                place=region.names[lang]
            )
            expected = [
                p
                for p in _listed(catalog, lang)
                if _reach(regions, region.slug) & set(p.content.audiences)
            ]
            dated = [p for p in expected if p.content.date or getattr(p.content, "start", None)]
            assert item_titles(soup)[: len(dated)] == _newest_first(dated)[:20], (lang, region.slug)
        index = article(html(demo_site, f"{_prefix(lang)}audiences"))
        assert [text(h2) for h2 in index.select("section.chancery-group h2")][:6] == [
            region.names[lang] for region in regions
        ]


def test_demo_directory_and_mission_pages_list_their_regions_content(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...]]
) -> None:
    catalog, regions, codes = demo
    missions = sorted({p.key for p in catalog.of_type("mission")})
    assert len(missions) >= 4
    for lang in codes:
        directory = article(html(demo_site, f"{_prefix(lang)}missions"))
        assert text(directory.find("h1")) == STRINGS.text("listing.mission", lang)
        assert len(directory.select(".chancery-items__title")) == len(missions)
        for key in missions:
            url = f"{_prefix(lang)}{key.removesuffix('.md')}"
            mission = article(html(demo_site, url))
            country = str(next(iter(catalog.group(key).values())).content.country)  # type: ignore[attr-defined]
            related = mission.select_one("section.chancery-related")
            assert related is not None, url
            expected = [
                p
                for p in _listed(catalog, lang)
                if _reach(regions, country) & set(p.content.audiences)
                and (p.content.date or getattr(p.content, "start", None))
            ]
            titles = [text(t) for t in related.select(".chancery-items__title")]
            assert titles == _newest_first(expected)[:5], url
    # The demo shows content on every mission page in English.
    paris = article(html(demo_site, "missions/paris")).select(
        ".chancery-related .chancery-items__title"
    )
    assert paris


def test_demo_campaign_lists_its_content_in_every_language(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...]]
) -> None:
    catalog, _, codes = demo
    for lang in codes:
        soup = html(demo_site, f"{_prefix(lang)}campaigns/open-haneul")
        related = article(soup).select_one("section.chancery-related")
        assert related is not None, lang
        expected = [
            p
            for p in _listed(catalog, lang)
            if "open-haneul" in p.content.tags and p.type != "campaign"
        ]
        assert [text(t) for t in related.select(".chancery-items__title")] == _newest_first(
            expected
        ), lang
        assert len(expected) >= 2, lang


def test_every_label_of_the_listings_exists_in_every_language() -> None:
    keys = [
        key
        for key in STRINGS.keys
        if key.split(".")[0]
        in {"item", "listing", "archive", "tags", "tag", "hubs", "hub", "feeds", "feed", "share"}
    ]
    keys += [
        "mission.current",
        "mission.more",
        "campaign.related",
        "campaign.share",
        "campaign.link",
    ]
    assert len(keys) > 40
    for language in ("en", "ko", "fr", "es", "zh", "ar"):
        assert set(keys).isdisjoint(STRINGS.missing(language)), language
