"""Helpers for the listings, feeds and archive-size tests: sites with chancery/listings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.conftest import TEST_NOW, Files, build_in, page, site_config, write_tree

#: Regions of the tiny test sites.
REGIONS: list[dict[str, Any]] = [
    {
        "slug": "latin-america",
        "names": {"en": "Latin America", "fr": "Amérique latine", "ko": "중남미"},
        "countries": ["MX", "BR"],
        "languages": ["es", "pt"],
    },
    {
        "slug": "europe",
        "names": {"en": "Europe", "fr": "Europe", "ko": "유럽"},
        "countries": ["FR", "DE"],
        "languages": ["fr", "de"],
    },
]


def mission(title: str, country: str, city: str, **fields: Any) -> str:
    """An embassy's page in ``city``, with the fields a mission must have."""
    return page(
        title,
        type="mission",
        kind="embassy",
        country=country,
        city=city,
        address=f"1 Main Street, {city}",
        phone="+1 555 0100",
        emergency_phone="+1 555 0199",
        **fields,
    )


def listings_config(
    languages: tuple[tuple[str, str], ...],
    *,
    listings: Mapping[str, Any] | None = None,
    languages_options: Mapping[str, Any] | None = None,
    regions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A test site's mkdocs.yml with regions and chancery/listings after chancery/languages."""
    config = site_config(languages, languages_options)
    plugins = config["plugins"]
    plugins[0]["chancery/content"]["regions"] = REGIONS if regions is None else regions
    plugins.insert(2, {"chancery/listings": dict(listings or {})})
    return config


def build_project(project: Path, files: Files, config: Mapping[str, Any]) -> Path:
    """Write ``files`` and ``config`` under ``project``, build on the test clock, return site."""
    write_tree(project / "content", files)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(dict(config), allow_unicode=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        return build_in(project)


def html(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site-relative URL such as 'fr/news/' or 'news/page/2/'."""
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "lxml")


def text(node: Tag | None) -> str:
    """A node's text with whitespace collapsed (Babel's narrow spaces as plain spaces)."""
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).replace("\u202f", " ").split())


def article(soup: BeautifulSoup) -> Tag:
    """The page's main content."""
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


def resolve(url: str, href: str) -> str:
    """The site-relative URL a relative link on the page at ``url`` leads to."""
    base = "https://site.invalid/" + url
    return urljoin(base, href).removeprefix("https://site.invalid/")


def item_titles(soup: BeautifulSoup) -> list[str]:
    """The titles of the items a page lists (missions aside)."""
    items = article(soup).select(
        ".chancery-items:not(.chancery-items--missions) h2, "
        ".chancery-items:not(.chancery-items--missions) h3"
    )
    return [text(title) for title in items]


def item_links(soup: BeautifulSoup, url: str) -> list[str]:
    """Where the item titles of the page at ``url`` link to, site-relative."""
    return [
        resolve(url, str(link["href"])) for link in article(soup).select(".chancery-items__title a")
    ]
