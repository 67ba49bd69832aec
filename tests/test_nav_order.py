"""`order` places a page within its section's nav, in every language; the source decides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from chancery.core.catalog import load_catalog
from tests.conftest import BuildSite, chancery_plugins, of, page, write_tree

LANGUAGES = (("en", "foreign"), ("ja", "foreign"), ("de", "domestic"))


def _config() -> dict[str, Any]:
    return {"plugins": chancery_plugins(LANGUAGES)}


def _titles(site: Path, path: str, section: str) -> list[str]:
    """The nav titles under ``section``'s entry of the page at ``path``, in order."""
    soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    for item in nav.select("li.md-nav__item--nested"):
        label = item.select_one("label, a")
        if label is not None and label.get_text(strip=True) == section:
            links = item.select("ul a.md-nav__link")
            return [link.get_text(strip=True) for link in links]
    raise AssertionError(f"no section {section} in {path}")


def _top(site: Path, path: str) -> list[str]:
    soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
    items = soup.select("nav.md-nav--primary > ul > li")
    return [" ".join(item.get_text(" ", strip=True).split()[:1]) for item in items]


def test_order_sorts_each_section_in_every_language(build_site: BuildSite) -> None:
    files = {
        "en/index.md": page("Home"),
        "en/guide/index.md": page("Guide", ""),
        # Alphabetical order would be Alpha, Beta, Gamma, Omega.
        "en/guide/alpha.md": page("Alpha", order=30),
        "en/guide/beta.md": page("Beta"),
        "en/guide/gamma.md": page("Gamma", order=10),
        "en/guide/omega.md": page("Omega", order=20),
        # A translation without its own order follows its source's.
        "ja/guide/gamma.md": page("ガンマ", translation_of=of("en")),
        "ja/guide/alpha.md": page("アルファ", translation_of=of("en")),
        "ja/guide/index.md": page("ガイド", "", translation_of=of("en", "")),
        "de/guide/index.md": page("Leitfaden", "", translation_of=of("en", "")),
        "ja/index.md": page("ホーム", translation_of=of("en")),
        "de/index.md": page("Start", translation_of=of("en")),
        # Sections are placed by their index page's order.
        "en/zeta/index.md": page("Zeta", "", order=1),
        "en/zeta/one.md": page("One"),
        "ja/zeta/index.md": page("ゼータ", "", translation_of=of("en", "")),
        "de/zeta/index.md": page("Zeta DE", "", translation_of=of("en", "")),
    }
    site = build_site(files, languages=LANGUAGES, config=_config())
    assert _titles(site, "guide/alpha/index.html", "Guide") == [
        "Guide",
        "Gamma",
        "Omega",
        "Alpha",
        "Beta",
    ]
    # Japanese: its own titles, honest fallbacks (English titles) in the same places.
    assert _titles(site, "ja/guide/alpha/index.html", "ガイド") == [
        "ガイド",
        "ガンマ",
        "Omega",
        "アルファ",
        "Beta",
    ]
    assert _titles(site, "de/guide/alpha/index.html", "Leitfaden") == [
        "Leitfaden",
        "Gamma",
        "Omega",
        "Alpha",
        "Beta",
    ]
    # The section with an order comes before the one without, though 'Guide' sorts first.
    for path, zeta, guide in (
        ("index.html", "Zeta", "Guide"),
        ("ja/index.html", "ゼータ", "ガイド"),
    ):
        top = _top(site, path)
        assert top.index(zeta) < top.index(guide), (path, top)


def test_a_translation_with_its_own_order_is_warned_about(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "content",
        {
            "en/a.md": page("A", order=2),
            "ja/a.md": page("エー", order=5, translation_of=of("en")),
            "de/a.md": page("A DE", order=2, translation_of=of("en")),
        },
    )
    catalog = load_catalog(tmp_path / "content", ("en", "ja", "de"), tmp_path)
    assert [str(warning) for warning in catalog.warnings] == [
        "content/ja/a.md:4: order: differs from the source, content/en/a.md (2); the source's "
        "order places the page in every language. Remove the line"
    ]
    page_ja = catalog.get("ja/a.md")
    assert page_ja is not None and catalog.order(page_ja) == 2
