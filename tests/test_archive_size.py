"""An article's HTML does not grow with the archive: 100 items, then 5,000 (one language).

The corpus is generated in tmp_path: dated news across ten years, with topics and audiences, so
that the listings, the yearly archive, the topic pages and the hubs all grow with it. The same
article is measured in both builds.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import page, tags_file
from tests.listings_support import build_project, listings_config

#: The article measured in both corpora.
ARTICLE = "news/item-00042"
TOPICS = ("climate", "trade", "culture")
AUDIENCES = ("latin-america", "europe", "MX", "FR")


def _corpus(count: int) -> dict[str, str]:
    files = {"en/index.md": page("Ministry"), "_tags.yml": tags_file(TOPICS, ("en",))}
    for number in range(1, count + 1):
        year = 2017 + number % 10
        month = 1 + number % 12
        day = 1 + number % 28
        files[f"en/news/item-{number:05d}.md"] = page(
            f"News item {number:05d}",
            f"Body of news item {number:05d}, one paragraph long.",
            type="news",
            date=f"{year}-{month:02d}-{day:02d}T09:00:00+00:00",
            tags=[TOPICS[number % 3]],
            audiences=[AUDIENCES[number % 4]],
        )
    return files


def _build(root: Path, count: int) -> Path:
    config = listings_config((("en", "foreign"),), listings={"listings_per_page": 100})
    # Search indexes every page; it adds build time and nothing to an article's HTML.
    config["plugins"] = [p for p in config["plugins"] if p != "search"]
    return build_project(root, _corpus(count), config)


def _nav_links(html: str) -> int:
    nav = BeautifulSoup(html, "lxml").select_one("nav.md-nav--primary")
    assert nav is not None
    return len(nav.select("a.md-nav__link"))


def test_article_html_stays_flat_from_100_to_5000_items(tmp_path: Path) -> None:
    small_site = _build(tmp_path / "small", 100)
    large_site = _build(tmp_path / "large", 5000)
    small = (small_site / ARTICLE / "index.html").read_text("utf-8")
    large = (large_site / ARTICLE / "index.html").read_text("utf-8")
    # The archive really grew: 50 pages of news, ten years, topic pages, hubs.
    assert (large_site / "news/page/50/index.html").is_file()
    assert not (small_site / "news/page/2").exists()
    assert (large_site / "archive/2026/page/5/index.html").is_file()
    assert (large_site / "tags/climate/page/17/index.html").is_file()
    assert (large_site / "audiences/latin-america/page/25/index.html").is_file()
    # ... and the article did not: the same few nav entries, the same size within 10%.
    assert _nav_links(large) == _nav_links(small) < 10
    growth = (len(large.encode()) - len(small.encode())) / len(small.encode())
    print(
        f"\narticle HTML: {len(small.encode())} bytes at 100 items, "
        f"{len(large.encode())} bytes at 5,000 items ({growth:+.2%})"
    )
    assert abs(growth) <= 0.10
