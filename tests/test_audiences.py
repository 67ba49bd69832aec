"""Audiences: regions from the config, and unknown audience names failing the build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.exceptions import Abort

from chancery.core.audiences import RegionError, Regions, parse_regions
from chancery.core.config import SiteConfigError, read_site_settings
from chancery.core.strict_yaml import load_mapping
from chancery.core.validation import validate_front_matter
from tests.conftest import REPO, BuildSite, page, site_config

REGIONS: list[dict[str, Any]] = [
    {
        "slug": "latin-america",
        "names": {"en": "Latin America", "ko": "중남미"},
        "countries": ["MX", "BR"],
        "languages": ["es", "pt"],
    },
    {"slug": "europe", "names": {"en": "Europe", "ko": "유럽"}, "countries": ["FR", "DE"]},
]


def _regions() -> Regions:
    return parse_regions(REGIONS)


def test_regions_keep_their_order_names_countries_and_languages() -> None:
    regions = _regions()
    assert regions.slugs == ("latin-america", "europe")
    latin = regions.get("latin-america")
    assert latin is not None
    assert latin.countries == ("MX", "BR") and latin.languages == ("es", "pt")
    assert latin.name("ko") == "중남미"
    # A language without a name of its own gets the English one.
    assert latin.name("fr") == "Latin America"
    assert regions.of_country("DE") is regions.get("europe")
    assert regions.of_country("JP") is None


def test_reach_of_a_region_and_of_a_country() -> None:
    regions = _regions()
    # Readers in a region care about the region and each of its countries ...
    assert regions.reach("latin-america") == {"latin-america", "MX", "BR"}
    # ... readers in a country about the country and its region ...
    assert regions.reach("MX") == {"MX", "latin-america"}
    # ... and a country in no region is just itself.
    assert regions.reach("JP") == {"JP"}
    assert regions.name("MX", "fr") == "Mexique"
    assert regions.name("europe", "ko") == "유럽"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {"slug": "x-region", "names": {"en": "X"}, "countries": ["MX", "XX"]},
            "regions[0].countries.1: 'XX' is not an ISO 3166-1 country code; use two capital "
            "letters, e.g. FR",
        ),
        (
            {"slug": "x-region", "names": {"en": "X"}, "countries": [False]},
            "regions[0].countries.0: 'False' is not text; put it in quotes, e.g. \"NO\"",
        ),
        (
            {"slug": "Latin America", "names": {"en": "X"}, "countries": ["MX"]},
            "regions[0].slug: 'Latin America' is not a slug; use lower-case ASCII words joined "
            "by '-', e.g. 'climate'",
        ),
        (
            {"slug": "eu", "names": {"en": "Europe"}, "countries": ["FR"]},
            "regions[0].slug: 'eu' looks like a country code; give the region a longer slug, "
            "e.g. latin-america",
        ),
        (
            {"slug": "x-region", "names": {"en": "X"}},
            "regions[0].countries: required; add it (slug, names, countries and languages)",
        ),
        (
            {"slug": "x-region", "names": {"en": "X"}, "countries": ["MX"], "langs": ["es"]},
            "regions[0].langs: unknown setting; use slug, names, countries and languages",
        ),
    ],
)
def test_bad_region_settings_name_the_entry_and_the_fix(
    entry: dict[str, Any], message: str
) -> None:
    with pytest.raises(RegionError) as raised:
        parse_regions([entry])
    assert str(raised.value) == message


def test_a_country_belongs_to_one_region() -> None:
    second = {"slug": "americas", "names": {"en": "Americas"}, "countries": ["US", "MX"]}
    with pytest.raises(RegionError) as raised:
        parse_regions([REGIONS[0], second])
    assert str(raised.value) == (
        "regions[1].countries: MX is already in region 'latin-america'; list each country in "
        "one region"
    )


def _validate(audiences: str, regions: tuple[str, ...] | None) -> list[str]:
    text = f'title: "T"\ndescription: "D"\naudiences: {audiences}\n'
    content, errors = validate_front_matter(
        load_mapping(text, first_line=2), "content/en/x.md", "en", ("en",), regions=regions
    )
    assert (content is None) == bool(errors)
    return [str(error) for error in errors]


def test_audiences_must_be_configured_regions_or_country_codes() -> None:
    regions = ("latin-america", "europe")
    assert _validate("[latin-america, MX, DE]", regions) == []
    assert _validate("[latinamerica, MX]", regions) == [
        "content/en/x.md:4: audiences.0: 'latinamerica' is not a region of this site (did you mean "
        "'latin-america'?); use one of latin-america, europe, or an ISO country code such as MX"
    ]
    assert _validate("[europe, XX]", regions) == [
        "content/en/x.md:4: audiences.1: 'XX' is not an ISO 3166-1 country code; use two "
        "capital letters, e.g. FR"
    ]


def test_a_site_without_regions_accepts_country_codes_only() -> None:
    assert _validate("[MX]", ()) == []
    assert _validate("[asia]", ()) == [
        "content/en/x.md:4: audiences.0: 'asia' is not a region of this site, which defines "
        "none; define regions in mkdocs.yml (plugins: chancery/content: regions) or use an ISO "
        "country code such as MX"
    ]
    # Without the site's regions (a bare model check), slugs are only checked for form.
    assert _validate("[asia]", None) == []


def _config(regions: list[dict[str, Any]]) -> dict[str, Any]:
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    config["plugins"][0]["chancery/content"]["regions"] = regions
    return {"plugins": config["plugins"]}


def test_unknown_audience_fails_the_build_and_publishes_nothing(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    files = {
        "en/index.md": page("Home"),
        "en/news/visit.md": page(
            "Visit",
            type="news",
            date="2026-05-01T09:00:00+09:00",
            audiences=["latin-america", "europa"],
        ),
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=(("en", "foreign"),), config=_config(REGIONS))
    assert (
        "content/en/news/visit.md:8: audiences.1: 'europa' is not a region of this site (did "
        "you mean 'europe'?); use one of latin-america, europe, or an ISO country code such as MX"
    ) in caplog.text
    assert not (tmp_path / "project" / "site").exists()


def test_bad_regions_setting_fails_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    bad = [{"slug": "latin-america", "names": {"en": "Latin America"}, "countries": ["MEX"]}]
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"en/index.md": page("Home")}, languages=(("en", "foreign"),), config=_config(bad)
        )
    assert (
        "mkdocs.yml: plugins: chancery/content: regions[0].countries.0: 'MEX' is not an ISO "
        "3166-1 country code; use two capital letters, e.g. FR"
    ) in caplog.text


def test_the_cli_reads_regions_from_mkdocs_yml(tmp_path: Path) -> None:
    config = site_config((("en", "foreign"),))
    config["plugins"][0]["chancery/content"]["regions"] = REGIONS
    file = tmp_path / "mkdocs.yml"
    file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert read_site_settings(file).regions.slugs == ("latin-america", "europe")
    config["plugins"][0]["chancery/content"]["regions"] = [{"slug": "x", "names": {}}]
    file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SiteConfigError) as raised:
        read_site_settings(file)
    assert "plugins: chancery/content: regions[0].names:" in str(raised.value)


def test_demo_portal_defines_six_regions_with_names_in_every_language() -> None:
    regions = read_site_settings(REPO / "mkdocs.yml").regions
    assert regions.slugs == (
        "east-asia",
        "europe",
        "latin-america",
        "middle-east",
        "africa",
        "north-america",
    )
    for region in regions:
        assert set(region.names) == {"en", "fr", "es", "zh", "ar", "ko"}, region.slug
        assert region.countries and region.languages, region.slug
    assert regions.of_country("NO") is regions.get("europe")
