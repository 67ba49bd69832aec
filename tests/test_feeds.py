"""Feeds: Atom, RSS and JSON Feed per language, type and audience, parsed with real parsers.

Atom and RSS go through feedparser (no bozo error allowed); JSON Feed through the JSON Schema
below, written from the JSON Feed 1.1 specification. Expected items are computed from the
content's front matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
from pydantic import ValidationError

from chancery.core.audiences import Regions
from chancery.core.catalog import Catalog, Page, load_catalog
from chancery.core.config import read_site_settings
from chancery.core.feeds import FORMATS, Feed, FeedEntry, JsonFeedItem, render
from chancery.core.listings import is_listed
from tests.conftest import REPO, TEST_NOW, of, page
from tests.listings_support import build_project, html, listings_config, resolve

#: JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what a reader may rely on.
JSON_FEED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "language": {"type": "string", "minLength": 2},
        "authors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
            },
        },
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "title": {"type": "string"},
                    "summary": {"type": "string"},
                    "content_text": {"type": "string"},
                    "content_html": {"type": "string"},
                    "date_published": {"type": "string"},
                    "date_modified": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                },
            },
        },
    },
}
FEED_TYPES = {"news", "statement", "travel-advice", "fact-check"}
TYPE_FEEDS = {"news": "news", "statements": "statement", "travel-advice": "travel-advice"}


def _entry(n: int, day: int, updated_day: int | None = None) -> FeedEntry:
    published = datetime(2019, 3, day, 9, tzinfo=UTC)
    updated = datetime(2019, 3, updated_day, 9, tzinfo=UTC) if updated_day else published
    return FeedEntry(
        url=f"https://ministry.example/fr/news/{n}/",
        title=f"Actualité {n} <b>&",
        summary=f"Résumé {n}",
        published=published,
        updated=updated,
        tags=("climat",),
    )


def _feed(*entries: FeedEntry) -> Feed:
    return Feed(
        key="news",
        language="fr",
        title="Ministère \u2013 Actualités",
        subtitle="Dernières publications : Ministère (français)",
        author="Ministère",
        site_url="https://ministry.example/",
        path="fr/feeds/news/",
        page_url="fr/news/",
        entries=entries,
    )


def _parse(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_atom_and_rss_parse_cleanly_with_the_items_in_order() -> None:
    feed = _feed(_entry(2, 20, updated_day=25), _entry(1, 10))
    for fmt, version in (("atom", "atom10"), ("rss", "rss20")):
        parsed = _parse(render(feed, fmt))  # type: ignore[arg-type]
        assert parsed.version == version
        assert parsed.feed.title == "Ministère \u2013 Actualités"
        assert parsed.feed.language == "fr"
        assert [e.link for e in parsed.entries] == [
            "https://ministry.example/fr/news/2/",
            "https://ministry.example/fr/news/1/",
        ]
        assert parsed.entries[0].title == "Actualité 2 <b>&"
        assert parsed.entries[0].summary == "Résumé 2"
        assert parsed.entries[1].published_parsed[:3] == (2019, 3, 10)
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert self_links == [f"https://ministry.example/fr/feeds/news/{fmt}.xml"]
        alternate = [link.href for link in parsed.feed.links if link.rel == "alternate"]
        assert alternate == ["https://ministry.example/fr/news/"]
    atom = _parse(render(feed, "atom"))
    # The feed changed when its newest item did: no wall-clock time anywhere.
    assert atom.feed.updated == "2019-03-25T09:00:00+00:00"
    assert atom.entries[0].updated == "2019-03-25T09:00:00+00:00"
    rss = render(feed, "rss").decode("utf-8")
    assert "<lastBuildDate>Mon, 25 Mar 2019 09:00:00 +0000</lastBuildDate>" in rss
    assert "<generator>Chancery</generator>" in rss and "feedgen" not in rss
    assert "rssboard.org" not in rss


def test_feeds_are_byte_identical_whenever_they_are_rendered() -> None:
    feed = _feed(_entry(1, 10))
    for fmt in FORMATS:
        first = render(feed, fmt)
        assert render(feed, fmt) == first
        # Every date comes from the content (2019), none from the clock of the machine.
        assert b"2019" in first and str(datetime.now(UTC).year).encode() not in first


def test_an_empty_feed_is_valid_and_dated_to_the_epoch() -> None:
    feed = _feed()
    atom = _parse(render(feed, "atom"))
    assert atom.entries == [] and atom.feed.updated == "1970-01-01T00:00:00+00:00"
    assert _parse(render(feed, "rss")).entries == []
    document = json.loads(render(feed, "json"))
    jsonschema.validate(document, JSON_FEED_SCHEMA)
    assert document["items"] == []


def test_json_feed_follows_the_specification() -> None:
    document = json.loads(render(_feed(_entry(2, 20), _entry(1, 10)), "json"))
    jsonschema.validate(document, JSON_FEED_SCHEMA)
    assert document["feed_url"] == "https://ministry.example/fr/feeds/news/feed.json"
    assert document["home_page_url"] == "https://ministry.example/fr/news/"
    assert document["language"] == "fr"
    first = document["items"][0]
    assert first["id"] == first["url"] == "https://ministry.example/fr/news/2/"
    assert first["content_text"] == "Résumé 2" and first["tags"] == ["climat"]
    assert datetime.fromisoformat(first["date_published"]).utcoffset() is not None


def test_json_feed_items_are_checked_as_they_are_built() -> None:
    with pytest.raises(ValidationError, match="needs content_text or content_html"):
        JsonFeedItem.model_validate(
            {
                "id": "x",
                "url": "https://ministry.example/x/",
                "title": "X",
                "date_published": "2026-01-01T00:00:00Z",
                "date_modified": "2026-01-01T00:00:00Z",
                "language": "en",
            }
        )
    with pytest.raises(ValidationError):
        JsonFeedItem.model_validate(
            {
                "id": "x",
                "url": "https://ministry.example/x/",
                "title": "X",
                "content_text": "X",
                "date_published": "2026-01-01T00:00:00",  # naive: no offset
                "date_modified": "2026-01-01T00:00:00Z",
                "language": "en",
            }
        )


# Every feed of the demo portal.


@pytest.fixture(scope="module")
def demo() -> tuple[Catalog, Regions, tuple[str, ...], dict[str, str]]:
    settings = read_site_settings(REPO / "mkdocs.yml")
    catalog = load_catalog(settings.content_dir, settings.policy.codes, REPO)
    names = {lang.code: str(lang.site_name) for lang in settings.policy.languages}
    return catalog, settings.regions, settings.policy.codes, names


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def _feed_keys(site: Path, lang: str) -> list[str]:
    root = site / _prefix(lang) / "feeds"
    return sorted(p.parent.relative_to(root).as_posix() for p in root.rglob("atom.xml"))


def _reach(regions: Regions, audience: str) -> set[str]:
    region = regions.get(audience)
    if region is not None:
        return {audience, *region.countries}
    home = regions.of_country(audience.upper())
    return {audience.upper(), home.slug} if home else {audience.upper()}


def _expected(catalog: Catalog, regions: Regions, lang: str, key: str) -> list[str]:
    now = datetime.fromisoformat(TEST_NOW)
    pages = [p for p in catalog.in_language(lang) if is_listed(p, now) and p.type in FEED_TYPES]
    if key in TYPE_FEEDS:
        pages = [p for p in pages if p.type == TYPE_FEEDS[key]]
    elif key.startswith("audiences/"):
        reach = _reach(regions, key.removeprefix("audiences/"))
        pages = [p for p in pages if reach & set(p.content.audiences)]
    else:
        assert key == "all"

    def modified(p: Page) -> float:
        moment = p.content.updated or p.content.date
        assert moment is not None
        return moment.timestamp()

    ordered = sorted(pages, key=lambda p: (-modified(p), p.path))[:50]
    base = "https://mofa.haneul.example/" + _prefix(lang)
    return [base + p.path.partition("/")[2].removesuffix(".md") + "/" for p in ordered]


def test_every_demo_feed_is_valid_and_carries_its_languages_items(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...], dict[str, str]]
) -> None:
    catalog, regions, codes, names = demo
    checked = 0
    for lang in codes:
        keys = _feed_keys(demo_site, lang)
        hubs = sorted(
            f"audiences/{p.parent.name}"
            for p in (demo_site / _prefix(lang) / "audiences").glob("*/index.html")
        )
        assert keys == sorted(["all", *TYPE_FEEDS, *hubs]), lang
        assert {f"audiences/{slug}" for slug in regions.slugs} <= set(keys)
        for key in keys:
            folder = demo_site / _prefix(lang) / "feeds" / key
            expected = _expected(catalog, regions, lang, key)
            for name in ("atom.xml", "rss.xml"):
                parsed = _parse((folder / name).read_bytes())
                assert parsed.feed.language == lang, (lang, key, name)
                assert parsed.feed.title.startswith(names[lang]), (lang, key, name)
                assert [e.link for e in parsed.entries] == expected, (lang, key, name)
            document = json.loads((folder / "feed.json").read_text("utf-8"))
            jsonschema.validate(document, JSON_FEED_SCHEMA)
            assert document["language"] == lang
            assert document["title"].startswith(names[lang])
            assert [item["url"] for item in document["items"]] == expected, (lang, key)
            checked += 1
    assert checked >= 6 * 13


def test_the_demo_feeds_have_items_in_every_language(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...], dict[str, str]]
) -> None:
    _, _, codes, _ = demo
    for lang in codes:
        for key in ("all", "news", "statements", "travel-advice", "audiences/latin-america"):
            parsed = _parse((demo_site / _prefix(lang) / "feeds" / key / "atom.xml").read_bytes())
            assert parsed.entries, (lang, key)


def _announced(site: Path, url: str) -> dict[str, list[str]]:
    soup = html(site, url)
    found: dict[str, list[str]] = {}
    for link in soup.find_all("link", rel="alternate", type=True):
        target = resolve(url, str(link["href"]))
        assert (site / target).is_file(), (url, target)
        found.setdefault(str(link["type"]), []).append(target)
    return found


def test_demo_pages_announce_their_feeds(
    demo_site: Path, demo: tuple[Catalog, Regions, tuple[str, ...], dict[str, str]]
) -> None:
    _, _, codes, _ = demo
    for lang in codes:
        prefix = _prefix(lang)
        feeds = f"{prefix}feeds/"
        cases = {
            prefix: ["all"],
            f"{prefix}news/": ["all", "news"],
            f"{prefix}statements/": ["all", "statements"],
            f"{prefix}travel-advice/": ["all", "travel-advice"],
            f"{prefix}audiences/latin-america/": ["all", "audiences/latin-america"],
            f"{prefix}news/2026-09-visa-waiver/": ["all", "news"],
            f"{prefix}statements/2026-09-unga-speech/": ["all", "statements"],
            f"{prefix}missions/paris/": ["all", "audiences/fr"],
            f"{prefix}about/": ["all"],
        }
        for url, keys in cases.items():
            announced = _announced(demo_site, url)
            assert announced == {
                "application/atom+xml": [f"{feeds}{key}/atom.xml" for key in keys],
                "application/rss+xml": [f"{feeds}{key}/rss.xml" for key in keys],
                "application/feed+json": [f"{feeds}{key}/feed.json" for key in keys],
            }, url


# A language's feed carries that language's items only.


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    files = {
        "en/index.md": page("Home"),
        "ko/index.md": page("홈", translation_of=of("en")),
        "en/news/both.md": page("Both", type="news", date="2026-05-01T09:00:00Z"),
        "ko/news/both.md": page(
            "둘 다", type="news", date="2026-05-01T09:00:00Z", translation_of=of("en")
        ),
        "en/news/english.md": page(
            "English only", type="news", date="2026-06-01T09:00:00Z", audiences=["MX"]
        ),
    }
    config = listings_config((("en", "foreign"), ("ko", "domestic")))
    yield build_project(tmp_path_factory.mktemp("feeds"), files, config)


def test_a_feed_carries_only_its_own_languages_items(small: Path) -> None:
    korean = _parse((small / "ko/feeds/all/atom.xml").read_bytes())
    assert [e.title for e in korean.entries] == ["둘 다"]
    assert korean.feed.language == "ko"
    # The English-only item is served in /ko/ as an honest fallback, but is no Korean item.
    assert (small / "ko/news/english/index.html").is_file()
    assert _parse((small / "ko/feeds/audiences/mx/rss.xml").read_bytes()).entries == []
    english = _parse((small / "feeds/all/rss.xml").read_bytes())
    assert [e.title for e in english.entries] == ["English only", "Both"]
    assert [
        e.title for e in _parse((small / "feeds/audiences/mx/atom.xml").read_bytes()).entries
    ] == ["English only"]
