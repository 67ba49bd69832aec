"""Helpers for the portal tests: tiny sites with chancery/consular and chancery/listings."""

from __future__ import annotations

from typing import Any

from tests.conftest import page
from tests.listings_support import listings_config


def portal_config(
    languages: tuple[tuple[str, str], ...],
    regions: list[dict[str, Any]] | None = None,
    listings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A test site's mkdocs.yml with the demo's plugins (consular, listings, search) and tabs."""
    config = listings_config(languages, regions=regions or [], listings=listings)
    plugins = config["plugins"]
    plugins.insert(2, {"chancery/consular": {}})
    plugins[plugins.index("search")] = "chancery/search"
    config["markdown_extensions"] = ["attr_list", "toc"]
    config["theme"]["features"] = ["navigation.tabs", "navigation.sections"]
    return config


#: The sections every travel-advice page marks (chancery/consular checks them).
ADVICE_SECTIONS = ("safety", "entry-requirements", "health", "local-laws")


def advice(country: str, title: str, level: int = 1) -> str:
    """A travel-advice page for ``country`` with every section it must mark."""
    return page(
        title,
        "\n\n".join(f"## {name.title()} {{#{name}}}\n\nText." for name in ADVICE_SECTIONS),
        type="travel-advice",
        country=country,
        level=level,
        date="2026-10-01T09:00:00+00:00",
    )


def news(title: str, day: int) -> str:
    """A news item dated ``day`` October 2026."""
    return page(title, type="news", date=f"2026-10-{day:02d}T09:00:00+00:00")


#: Countries with French names that a code-point sort would misplace.
LONG_LIST = {
    "DE": "Allemagne",
    "EG": "Égypte",
    "AE": "Émirats arabes unis",
    "US": "États-Unis",
    "FR": "France",
    "ES": "Espagne",
    "IT": "Italie",
    "JP": "Japon",
    "MX": "Mexique",
    "BR": "Brésil",
    "CA": "Canada",
    "CN": "Chine",
    "IN": "Inde",
    "SN": "Sénégal",
    "PE": "Pérou",
}
