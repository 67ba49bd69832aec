"""Audiences: the regions a site addresses, their countries and their main languages.

Regions are defined once, in the site's configuration. A page names its audiences with region
slugs or ISO 3166 country codes (``audiences: [latin-america, MX]``); the content model refuses
slugs that are not regions of the site.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chancery.core.languages import country_name
from chancery.core.models import Country, LanguageCode, Slug, Text


class RegionError(ValueError):
    """A regions setting that cannot work; the message names the entry and the fix."""


class _RegionOption(BaseModel):
    """One entry of the ``regions`` setting, as written in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    slug: Slug
    names: Annotated[dict[LanguageCode, Text], Field(min_length=1)]
    countries: Annotated[tuple[Country, ...], Field(min_length=1)]
    languages: tuple[LanguageCode, ...] = ()


@dataclass(frozen=True)
class Region:
    """A region readers live in: its name in each language, its countries, its languages."""

    slug: str
    names: Mapping[str, str]
    countries: tuple[str, ...]
    #: The languages most readers of the region read, most common first.
    languages: tuple[str, ...]

    def name(self, language: str) -> str:
        """The region's name in ``language``, else in English, else the first one given."""
        return self.names.get(language) or self.names.get("en") or next(iter(self.names.values()))


@dataclass(frozen=True)
class Regions:
    """The site's regions, in the order of the configuration."""

    regions: tuple[Region, ...] = ()

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    @property
    def slugs(self) -> tuple[str, ...]:
        """The region slugs, in configuration order."""
        return tuple(region.slug for region in self.regions)

    def get(self, slug: str) -> Region | None:
        """The region with this slug, if the site has one."""
        return next((region for region in self.regions if region.slug == slug), None)

    def of_country(self, code: str) -> Region | None:
        """The region a country belongs to, if any."""
        return next((region for region in self.regions if code in region.countries), None)

    def reach(self, audience: str) -> frozenset[str]:
        """The audience names whose pages concern readers of ``audience``.

        A region's readers care about pages for the region and for each of its countries; a
        country's readers about pages for the country and for its region.
        """
        region = self.get(audience)
        if region is not None:
            return frozenset((region.slug, *region.countries))
        home = self.of_country(audience)
        return frozenset((audience, home.slug) if home else (audience,))

    def countries_of(self, audience: str) -> frozenset[str]:
        """The countries an audience covers: a region's countries, or the country itself."""
        region = self.get(audience)
        return frozenset(region.countries) if region else frozenset((audience,))

    def name(self, audience: str, language: str) -> str:
        """An audience's name in ``language``: a region's configured name or a country's."""
        region = self.get(audience)
        if region is not None:
            return region.name(language)
        return country_name(audience, language)


def is_country(audience: str) -> bool:
    """Whether an audience name is a country code (two capital letters) rather than a region."""
    return len(audience) == 2 and audience.isascii() and audience.isupper()


def parse_regions(options: Sequence[Mapping[str, Any]]) -> Regions:
    """Check the ``regions`` setting and build the site's regions.

    Raise RegionError naming the entry (``regions[2].countries``) and the fix.
    """
    regions: list[Region] = []
    owner: dict[str, str] = {}
    for index, entry in enumerate(options):
        where = f"regions[{index}]"
        try:
            option = _RegionOption.model_validate(dict(entry))
        except ValidationError as error:
            raise RegionError(_describe(where, error)) from error
        if len(option.slug) == 2:
            raise RegionError(
                f"{where}.slug: '{option.slug}' looks like a country code; give the region a "
                "longer slug, e.g. latin-america"
            )
        if any(region.slug == option.slug for region in regions):
            raise RegionError(f"{where}.slug: '{option.slug}' is listed twice; list it once")
        for country in option.countries:
            if country in owner:
                raise RegionError(
                    f"{where}.countries: {country} is already in region '{owner[country]}'; "
                    "list each country in one region"
                )
            owner[country] = option.slug
        regions.append(
            Region(
                slug=option.slug,
                names=MappingProxyType(dict(option.names)),
                countries=option.countries,
                languages=option.languages,
            )
        )
    return Regions(tuple(regions))


def _describe(where: str, error: ValidationError) -> str:
    detail = error.errors()[0]
    field = ".".join(str(part) for part in detail["loc"])
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] == "missing":
        message = "required; add it (slug, names, countries and languages)"
    elif detail["type"] == "string_type":
        # YAML reads NO (Norway) as false and ON as true: such codes need quotes.
        message = f"'{detail['input']}' is not text; put it in quotes, e.g. \"NO\""
    elif detail["type"] == "extra_forbidden":
        message = "unknown setting; use slug, names, countries and languages"
    return f"{where}.{field}: {message}" if field else f"{where}: {message}"
