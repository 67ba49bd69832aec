"""Listings: the generated pages of each language, and what article pages list about others.

For every language the site has the same generated pages, at the same paths under the
language's prefix, so that the language selector always lands somewhere:
- a paginated listing per content type (``news/``, ``statements/``, ... ``news/page/2/``);
- a yearly archive of news and statements (``archive/``, ``archive/2026/``);
- a page per tag (``tags/``, ``tags/climate/``);
- a hub per audience, region or country (``audiences/``, ``audiences/latin-america/``);
- the missions directory grouped by region (``missions/``);
- feeds per language, per content type and per audience (``feeds/news/atom.xml``...).

Each listing shows the language's own pages only (a fallback is not that language's item),
that are live on the build clock and not withdrawn. Nothing here reads the wall clock.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from chancery.core.audiences import Regions, is_country
from chancery.core.catalog import Catalog, Page, campaign_tag
from chancery.core.feeds import FORMAT_NAMES, FORMATS, MEDIA_TYPES, Feed, FeedEntry, FeedFormat
from chancery.core.languages import LanguagePolicy, country_name
from chancery.core.schedule import is_live
from chancery.core.strings import Strings
from chancery.core.taxonomy import Topics

#: Where the listing of each content type lives, inside each language.
TYPE_PATHS: Mapping[str, str] = MappingProxyType(
    {
        "news": "news",
        "statement": "statements",
        "travel-advice": "travel-advice",
        "consular-service": "consular",
        "campaign": "campaigns",
        "fact-check": "fact-checks",
        "event": "events",
    }
)
DIRECTORY_PATH = "missions"
#: The content type of each type's own folder: such a section is named after its listing
#: ("News") in every language, with or without an index page.
SECTION_TYPES: Mapping[str, str] = MappingProxyType(
    {**{path: kind for kind, path in TYPE_PATHS.items()}, DIRECTORY_PATH: "mission"}
)
ARCHIVE_PATH = "archive"
TAGS_PATH = "tags"
AUDIENCES_PATH = "audiences"
FEEDS_PATH = "feeds"
#: The types whose items pile up year after year: the yearly archive holds them.
ARCHIVE_TYPES = ("news", "statement")
#: The types that feeds carry (pages with a publication date that readers follow).
FEED_TYPES = ("news", "statement", "travel-advice", "fact-check")
#: The types with a feed of their own in every language.
TYPE_FEEDS = ("news", "statement", "travel-advice")
#: The template of each kind of generated page.
LISTING_TEMPLATE = "chancery/listing.html"
HUB_TEMPLATE = "chancery/hub.html"
DIRECTORY_TEMPLATE = "chancery/directory.html"


def region_anchor(slug: str | None) -> str:
    """The id of a region's group in the missions directory ("region-europe"), or "region-other"."""
    return f"region-{slug or 'other'}"


def is_listed(page: Page, now: datetime) -> bool:
    """Whether a page may appear in listings, hubs and feeds: live, and not withdrawn."""
    return is_live(page.content, now) and page.content.withdrawn is None


def inner_url(inner: str, directory_urls: bool = True) -> str:
    """The URL of a Markdown file inside a language folder, as MkDocs makes it.

    ``news/visit.md`` -> ``news/visit/``; ``news/index.md`` -> ``news/``; ``index.md`` -> ``""``.
    """
    path = PurePosixPath(inner)
    if path.stem in ("index", "README"):
        parent = "" if path.parent == PurePosixPath(".") else f"{path.parent.as_posix()}/"
        return parent if directory_urls else f"{parent}index.html"
    stem = path.with_suffix("").as_posix()
    return f"{stem}/" if directory_urls else f"{stem}.html"


@dataclass(frozen=True)
class ListingSettings:
    """How the generated pages are cut and what leaves the nav."""

    #: Items per page of a listing.
    per_page: int = 20
    #: Types whose articles leave the nav; their listing's first page stands in for them.
    nav_types: frozenset[str] = frozenset(("news", "statement", "event", "fact-check"))
    #: Current items listed on a mission page.
    mission_items: int = 5
    #: Items per feed, newest first.
    feed_items: int = 50


@dataclass(frozen=True)
class Item:
    """A listed page, with its URL and the date it is listed under."""

    page: Page
    #: Site-relative URL, with the language prefix.
    url: str
    #: The publication date: `date`, or the start of an event or campaign.
    when: datetime | None

    @property
    def title(self) -> str:
        """The page's title."""
        return self.page.content.title

    @property
    def description(self) -> str:
        """The page's one-sentence description."""
        return self.page.content.description

    @property
    def type(self) -> str:
        """The page's content type."""
        return self.page.type

    @property
    def modified(self) -> datetime | None:
        """When the page last changed: `updated`, else its publication date."""
        return self.page.content.updated or self.when

    @property
    def kind_key(self) -> str:
        """The label key of what the item is ('item.news', 'statement.kind.speech'...)."""
        kind = getattr(self.page.content, "kind", None)
        if self.type == "statement" and kind:
            return f"statement.kind.{kind}"
        if self.type == "mission" and kind:
            return f"mission.kind.{kind}"
        return f"item.{self.type}"


@dataclass(frozen=True)
class Link:
    """A link in a list of links: a year, a tag, a region, a language."""

    text: str
    url: str
    count: int | None = None
    #: The language of ``text`` and of the page linked, when it is not the reader's.
    lang: str | None = None
    dir: str | None = None


@dataclass(frozen=True)
class LinkGroup:
    """A titled group of links."""

    title: str
    links: tuple[Link, ...]
    url: str | None = None


@dataclass(frozen=True)
class Mission:
    """A mission in a directory or hub, in the reader's language when it has a version."""

    page: Page
    url: str
    country: str
    country_name: str
    #: Set when the version shown is not in the reader's language (an honest fallback).
    lang: str | None = None
    dir: str | None = None

    @property
    def kind_key(self) -> str:
        """The label key of the mission's kind."""
        return f"mission.kind.{getattr(self.page.content, 'kind', 'embassy')}"


@dataclass(frozen=True)
class MissionGroup:
    """The missions of one region, in a directory."""

    title: str
    missions: tuple[Mission, ...]
    #: The region's hub, if it has one.
    url: str | None = None
    #: The region's slug; None for the countries in no region.
    slug: str | None = None

    @property
    def anchor(self) -> str:
        """The id of the group in the directory, which other pages link to."""
        return region_anchor(self.slug)


@dataclass(frozen=True)
class Pagination:
    """Where a page stands in its listing; URLs are site-relative."""

    number: int
    urls: tuple[str, ...]

    @property
    def total(self) -> int:
        """How many pages the listing has."""
        return len(self.urls)

    @property
    def previous(self) -> str | None:
        """The newer page, if any."""
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        """The older page, if any."""
        return self.urls[self.number] if self.number < self.total else None


@dataclass(frozen=True)
class FeedLink:
    """One format of a feed, as announced in <head> and offered on the page."""

    title: str
    url: str
    media_type: str
    format_name: str


@dataclass(frozen=True)
class Hub:
    """What a hub says about its audience besides the items."""

    audience: str
    name: str
    #: For a region: its countries' hubs; for a country: its region's hub.
    related: tuple[Link, ...]
    #: The label key of ``related``: "hub.countries" or "hub.region".
    related_key: str
    #: This hub in the region's main languages that the site has, other than the reader's.
    languages: tuple[Link, ...]
    missions: tuple[Mission, ...]
    #: The countries the audience covers (a region's, or the country itself), for what other
    #: plugins show per country, such as travel advice.
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page of one language."""

    #: Markdown path inside the language folder: "news/page/2.md".
    inner: str
    #: Site-relative URL, with the language prefix.
    url: str
    template: str
    title: str
    description: str
    items: tuple[Item, ...] = ()
    pagination: Pagination | None = None
    groups: tuple[LinkGroup, ...] = ()
    missions: tuple[MissionGroup, ...] = ()
    hub: Hub | None = None
    feeds: tuple[Feed, ...] = ()
    #: The first page of the listing of a type whose articles left the nav stands in for them.
    in_nav: bool = False
    #: Hubs and the directory are worth finding; plain listings repeat what search already has.
    searchable: bool = False
    #: Listing pages of the same listing (all pages share it), e.g. "news".
    listing: str = ""


@dataclass(frozen=True)
class Related:
    """Content an article lists about others: a mission's current items, a campaign's."""

    title: str
    items: tuple[Item, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class LanguagePlan:
    """Everything generated for one language."""

    language: str
    pages: tuple[GeneratedPage, ...]
    feeds: tuple[Feed, ...]
    #: The language's feed of everything, announced on every page.
    site_feed: Feed
    type_feeds: Mapping[str, Feed]
    audience_feeds: Mapping[str, Feed]
    tag_urls: Mapping[str, str]
    hub_urls: Mapping[str, str]


@dataclass
class Site:
    """The listable content of a build, indexed once for every language."""

    catalog: Catalog
    policy: LanguagePolicy
    regions: Regions
    now: datetime
    settings: ListingSettings = field(default_factory=ListingSettings)
    directory_urls: bool = True
    #: The names of the site's tags in each language.
    topics: Topics = field(default_factory=Topics)
    #: The build's interface strings: titles, descriptions and feed names.
    strings: Strings = field(kw_only=True, repr=False)

    def __post_init__(self) -> None:
        self.listed: tuple[Page, ...] = tuple(
            page for page in self.catalog if is_listed(page, self.now)
        )
        languages: dict[str, list[Page]] = {code: [] for code in self.policy.codes}
        for page in self.listed:
            languages.setdefault(page.language, []).append(page)
        self._by_language = {
            code: tuple(sorted((self.item(page) for page in pages), key=_newest_first))
            for code, pages in languages.items()
        }
        # What exists site-wide decides which pages every language gets.
        self.types = tuple(t for t in TYPE_PATHS if any(p.type == t for p in self.listed))
        self.has_missions = any(page.type == "mission" for page in self.listed)
        self.years = tuple(
            sorted(
                {
                    item.when.year
                    for items in self._by_language.values()
                    for item in items
                    if item.type in ARCHIVE_TYPES and item.when is not None
                },
                reverse=True,
            )
        )
        self.tags = tuple(sorted({tag for page in self.listed for tag in page.content.tags}))
        self._campaigns = {
            campaign_tag(page): self.catalog.group(page.key)
            for page in self.listed
            if page.type == "campaign"
        }
        countries = {a for page in self.listed for a in page.content.audiences if is_country(a)}
        countries |= {
            str(getattr(page.content, "country", ""))
            for page in self.listed
            if page.type == "mission"
        }
        self.audiences = (*self.regions.slugs, *sorted(countries - {""}))
        self._urls: dict[str, frozenset[str]] = {}

    def tag_name(self, tag: str, language: str) -> str:
        """A tag's name in ``language``: from the tags file, or a campaign's title there.

        The slug itself only as a last resort, for a gap the parity gate reports.
        """
        name = self.topics.name(tag, language)
        if name:
            return name
        campaign = self._campaigns.get(tag, {}).get(language)
        if campaign is not None and is_listed(campaign, self.now):
            return campaign.content.title
        return tag

    # Items and URLs.

    def item(self, page: Page) -> Item:
        """A page as a listed item."""
        content = page.content
        when = content.date or getattr(content, "start", None)
        return Item(page, self.url_of(page), when)

    def url_of(self, page: Page) -> str:
        """A page's site-relative URL in its own language."""
        return self.prefixed(page.language, page.path.partition("/")[2])

    def prefixed(self, language: str, inner: str) -> str:
        """The site-relative URL of ``inner`` in ``language``."""
        return self.policy.url_prefix(language) + inner_url(inner, self.directory_urls)

    def items(self, language: str) -> tuple[Item, ...]:
        """The listed pages of ``language``, newest first, then the undated ones by title."""
        return self._by_language.get(language, ())

    def for_audience(self, language: str, audience: str) -> tuple[Item, ...]:
        """The items of ``language`` that concern readers of ``audience``."""
        reach = self.regions.reach(audience)
        return tuple(i for i in self.items(language) if reach & set(i.page.content.audiences))

    def tagged(self, language: str, tag: str) -> tuple[Item, ...]:
        """The items of ``language`` with ``tag``."""
        return tuple(item for item in self.items(language) if tag in item.page.content.tags)

    def mission_items(self, language: str, mission: Page) -> tuple[Item, ...]:
        """The current items for a mission's country and region: the newest dated ones."""
        country = str(getattr(mission.content, "country", ""))
        items = (i for i in self.for_audience(language, country) if i.when is not None)
        return tuple(items)[: self.settings.mission_items]

    def campaign_items(self, language: str, campaign: Page) -> tuple[Item, ...]:
        """The items of ``language`` tagged with the campaign, the campaign itself left out."""
        tag = campaign_tag(campaign)
        return tuple(i for i in self.tagged(language, tag) if i.page.key != campaign.key)

    def missions(
        self,
        language: str,
        countries: Iterable[str] | None = None,
        served: frozenset[str] = frozenset(),
    ) -> tuple[Mission, ...]:
        """Every mission (in ``countries``), in the reader's language where it has a version.

        ``served`` are the paths ("fr/missions/cairo.md") this build serves as honest
        fallbacks; a mission without a version in ``language`` links there if it can.
        """
        wanted = set(countries) if countries is not None else None
        found: list[Mission] = []
        for key in sorted({page.key for page in self.listed if page.type == "mission"}):
            shown = self._version(key, language)
            if shown is None:
                continue
            country = str(getattr(shown.content, "country", ""))
            if wanted is not None and country not in wanted:
                continue
            found.append(self._mission(shown, language, country, served))
        return tuple(sorted(found, key=lambda m: (m.country_name.casefold(), m.page.path)))

    def _version(self, key: str, language: str) -> Page | None:
        group = self.catalog.group(key)

        def listed(page: Page | None) -> bool:
            return page is not None and is_listed(page, self.now)

        for candidate in (
            group.get(language),
            group.get(self.policy.root.code),
            self.catalog.source(key),
            *(group.get(code) for code in self.policy.codes),
        ):
            if candidate is not None and listed(candidate):
                return candidate
        return None

    def _mission(self, shown: Page, language: str, country: str, served: frozenset[str]) -> Mission:
        name = country_name(country, language)
        if shown.language == language:
            return Mission(shown, self.url_of(shown), country, name)
        inner = shown.path.partition("/")[2]
        url = self.prefixed(language, inner) if f"{language}/{inner}" in served else None
        text = self.policy.get(shown.language)
        return Mission(shown, url or self.url_of(shown), country, name, text.code, text.direction)

    def urls(self, language: str) -> frozenset[str]:
        """The site-relative URLs of the generated pages of ``language``.

        Listings are as long as each language's items make them: page 3 of the English news
        may have no French counterpart.
        """
        cached = self._urls.get(language)
        if cached is None:
            plan = self.plan(language, site_name="-", site_url="https://site.invalid/")
            cached = self._urls[language] = frozenset(page.url for page in plan.pages)
        return cached

    # The plan of one language.

    def plan(
        self,
        language: str,
        *,
        site_name: str,
        site_url: str,
        served: frozenset[str] = frozenset(),
    ) -> LanguagePlan:
        """Every generated page and feed of ``language``."""
        planner = _Planner(self, language, site_name, _with_slash(site_url), served)
        return planner.plan()


class _Planner:
    """Builds one language's pages and feeds."""

    def __init__(
        self, site: Site, language: str, site_name: str, site_url: str, served: frozenset[str]
    ) -> None:
        self.site = site
        self.language = language
        self.site_name = site_name
        self.site_url = site_url
        self.served = served
        self.pages: list[GeneratedPage] = []

    def t(self, key: str, **values: Any) -> str:
        text = self.site.strings.text(key, self.language)
        return text.format(**values) if values else text

    def url(self, inner: str) -> str:
        return self.site.prefixed(self.language, inner)

    def plan(self) -> LanguagePlan:
        site = self.site
        type_feeds = {t: self.type_feed(t) for t in TYPE_FEEDS}
        audience_feeds = {a: self.audience_feed(a) for a in site.audiences}
        site_feed = self.feed(
            "all",
            self.site_name,
            self.site.policy.url_prefix(self.language),
            (i for i in site.items(self.language) if i.type in FEED_TYPES),
        )
        hub_urls = {a: self.url(f"{AUDIENCES_PATH}/{a.lower()}/index.md") for a in site.audiences}
        tag_urls = {tag: self.url(f"{TAGS_PATH}/{tag}/index.md") for tag in site.tags}
        for type_name in site.types:
            self.type_listing(type_name, type_feeds.get(type_name))
        if site.years:
            self.archive()
        if site.tags:
            self.tag_pages(tag_urls)
        if site.audiences:
            self.hubs(hub_urls, audience_feeds)
        if site.has_missions:
            self.directory(hub_urls)
        feeds = (site_feed, *type_feeds.values(), *audience_feeds.values())
        return LanguagePlan(
            self.language,
            tuple(self.pages),
            feeds,
            site_feed,
            MappingProxyType(type_feeds),
            MappingProxyType(audience_feeds),
            MappingProxyType(tag_urls),
            MappingProxyType(hub_urls),
        )

    # Listings.

    def paginate(
        self,
        base: str,
        items: tuple[Item, ...],
        *,
        title: str,
        description: str,
        template: str = LISTING_TEMPLATE,
        feeds: tuple[Feed, ...] = (),
        groups: tuple[LinkGroup, ...] = (),
        hub: Hub | None = None,
        in_nav: bool = False,
        searchable: bool = False,
    ) -> None:
        """The pages of one listing at ``base`` ("news"): base/, base/page/2/, ..."""
        per_page = self.site.settings.per_page
        count = max(1, math.ceil(len(items) / per_page))
        inners = [f"{base}/index.md"] + [f"{base}/page/{n}.md" for n in range(2, count + 1)]
        urls = tuple(self.url(inner) for inner in inners)
        for number, inner in enumerate(inners, start=1):
            first = number == 1
            self.pages.append(
                GeneratedPage(
                    inner=inner,
                    url=urls[number - 1],
                    template=template,
                    title=title
                    if first
                    else self.t("listing.page_title", title=title, number=number),
                    description=description,
                    items=items[(number - 1) * per_page : number * per_page],
                    pagination=Pagination(number, urls),
                    groups=groups if first else (),
                    hub=hub if first else None,
                    feeds=feeds,
                    in_nav=in_nav and first,
                    searchable=searchable and first,
                    listing=base,
                )
            )

    def type_listing(self, type_name: str, feed: Feed | None) -> None:
        items = tuple(i for i in self.site.items(self.language) if i.type == type_name)
        title = self.t(f"listing.{type_name}")
        groups: tuple[LinkGroup, ...] = ()
        if type_name in ARCHIVE_TYPES and self.site.years:
            groups = (self.years_group(),)
        self.paginate(
            TYPE_PATHS[type_name],
            items,
            title=title,
            description=self.t("listing.description", title=title, site=self.site_name),
            feeds=(feed,) if feed else (),
            groups=groups,
            in_nav=type_name in self.site.settings.nav_types,
        )

    def years_group(self) -> LinkGroup:
        counts = Counter(
            i.when.year
            for i in self.site.items(self.language)
            if i.type in ARCHIVE_TYPES and i.when is not None
        )
        return LinkGroup(
            self.t("archive.title"),
            tuple(
                Link(str(year), self.url(f"{ARCHIVE_PATH}/{year}/index.md"), counts[year])
                for year in self.site.years
            ),
            self.url(f"{ARCHIVE_PATH}/index.md"),
        )

    def archive(self) -> None:
        years = self.years_group()
        title = self.t("archive.title")
        self.pages.append(
            GeneratedPage(
                inner=f"{ARCHIVE_PATH}/index.md",
                url=self.url(f"{ARCHIVE_PATH}/index.md"),
                template=LISTING_TEMPLATE,
                title=title,
                description=self.t("listing.description", title=title, site=self.site_name),
                groups=(years,),
                listing=ARCHIVE_PATH,
            )
        )
        for year in self.site.years:
            items = tuple(
                i
                for i in self.site.items(self.language)
                if i.type in ARCHIVE_TYPES and i.when is not None and i.when.year == year
            )
            year_title = self.t("archive.year", year=year)
            self.paginate(
                f"{ARCHIVE_PATH}/{year}",
                items,
                title=year_title,
                description=self.t("listing.description", title=year_title, site=self.site_name),
                groups=(years,),
            )

    def tag_pages(self, tag_urls: Mapping[str, str]) -> None:
        counts = Counter(tag for i in self.site.items(self.language) for tag in i.page.content.tags)
        title = self.t("tags.title")
        tags = LinkGroup(
            title,
            tuple(
                Link(self.site.tag_name(tag, self.language), tag_urls[tag], counts[tag])
                for tag in self.site.tags
            ),
            self.url(f"{TAGS_PATH}/index.md"),
        )
        self.pages.append(
            GeneratedPage(
                inner=f"{TAGS_PATH}/index.md",
                url=self.url(f"{TAGS_PATH}/index.md"),
                template=LISTING_TEMPLATE,
                title=title,
                description=self.t("listing.description", title=title, site=self.site_name),
                groups=(tags,),
                listing=TAGS_PATH,
            )
        )
        for tag in self.site.tags:
            tag_title = self.t("tag.title", tag=self.site.tag_name(tag, self.language))
            self.paginate(
                f"{TAGS_PATH}/{tag}",
                self.site.tagged(self.language, tag),
                title=tag_title,
                description=self.t("listing.description", title=tag_title, site=self.site_name),
            )

    # Hubs and the directory.

    def hub_title(self, audience: str) -> str:
        return self.t("hub.title", place=self.site.regions.name(audience, self.language))

    def hubs(self, hub_urls: Mapping[str, str], feeds: Mapping[str, Feed]) -> None:
        regions = self.site.regions
        title = self.t("hubs.title")
        groups = []
        for region in regions:
            countries = [a for a in self.site.audiences if a in region.countries]
            groups.append(
                LinkGroup(
                    region.name(self.language),
                    tuple(self.country_link(code, hub_urls) for code in countries),
                    hub_urls[region.slug],
                )
            )
        others = [a for a in self.site.audiences if is_country(a) and regions.of_country(a) is None]
        if others:
            groups.append(
                LinkGroup(
                    self.t("hubs.other"),
                    tuple(self.country_link(code, hub_urls) for code in others),
                )
            )
        self.pages.append(
            GeneratedPage(
                inner=f"{AUDIENCES_PATH}/index.md",
                url=self.url(f"{AUDIENCES_PATH}/index.md"),
                template=HUB_TEMPLATE,
                title=title,
                description=self.t("listing.description", title=title, site=self.site_name),
                groups=tuple(groups),
                searchable=True,
                listing=AUDIENCES_PATH,
            )
        )
        for audience in self.site.audiences:
            hub_title = self.hub_title(audience)
            self.paginate(
                f"{AUDIENCES_PATH}/{audience.lower()}",
                self.site.for_audience(self.language, audience),
                title=hub_title,
                description=self.t("hub.description", place=regions.name(audience, self.language)),
                template=HUB_TEMPLATE,
                feeds=(feeds[audience],),
                hub=self.hub(audience, hub_urls),
                searchable=True,
            )

    def country_link(self, code: str, hub_urls: Mapping[str, str]) -> Link:
        return Link(country_name(code, self.language), hub_urls[code])

    def hub(self, audience: str, hub_urls: Mapping[str, str]) -> Hub:
        regions = self.site.regions
        region = regions.get(audience) or regions.of_country(audience)
        if regions.get(audience) is not None:
            related = tuple(
                self.country_link(code, hub_urls)
                for code in self.site.audiences
                if region is not None and code in region.countries
            )
        elif region is not None:
            related = (Link(region.name(self.language), hub_urls[region.slug]),)
        else:
            related = ()
        languages = tuple(
            Link(
                self.site.policy.get(code).name,
                self.site.prefixed(code, f"{AUDIENCES_PATH}/{audience.lower()}/index.md"),
                lang=code,
                dir=self.site.policy.get(code).direction,
            )
            for code in (region.languages if region else ())
            if code in self.site.policy.codes and code != self.language
        )
        missions = self.site.missions(self.language, regions.countries_of(audience), self.served)
        return Hub(
            audience,
            regions.name(audience, self.language),
            related,
            "hub.countries" if regions.get(audience) is not None else "hub.region",
            languages,
            missions,
            regions.countries_of(audience),
        )

    def directory(self, hub_urls: Mapping[str, str]) -> None:
        regions = self.site.regions
        everything = self.site.missions(self.language, None, self.served)
        groups = []
        for region in regions:
            missions = tuple(m for m in everything if m.country in region.countries)
            if missions:
                groups.append(
                    MissionGroup(
                        region.name(self.language), missions, hub_urls[region.slug], region.slug
                    )
                )
        others = tuple(m for m in everything if regions.of_country(m.country) is None)
        if others:
            groups.append(MissionGroup(self.t("hubs.other"), others))
        title = self.t("listing.mission")
        self.pages.append(
            GeneratedPage(
                inner=f"{DIRECTORY_PATH}/index.md",
                url=self.url(f"{DIRECTORY_PATH}/index.md"),
                template=DIRECTORY_TEMPLATE,
                title=title,
                description=self.t("listing.description", title=title, site=self.site_name),
                missions=tuple(groups),
                in_nav="mission" in self.site.settings.nav_types,
                searchable=True,
                listing=DIRECTORY_PATH,
            )
        )

    # Feeds.

    def type_feed(self, type_name: str) -> Feed:
        path = TYPE_PATHS[type_name]
        page = self.url(f"{path}/index.md") if type_name in self.site.types else None
        return self.feed(
            path,
            self.t("feed.title", site=self.site_name, name=self.t(f"listing.{type_name}")),
            page if page is not None else self.site.policy.url_prefix(self.language),
            (i for i in self.site.items(self.language) if i.type == type_name),
        )

    def audience_feed(self, audience: str) -> Feed:
        return self.feed(
            f"{AUDIENCES_PATH}/{audience.lower()}",
            self.t("feed.title", site=self.site_name, name=self.hub_title(audience)),
            self.url(f"{AUDIENCES_PATH}/{audience.lower()}/index.md"),
            (i for i in self.site.for_audience(self.language, audience) if i.type in FEED_TYPES),
        )

    def feed(self, key: str, title: str, page_url: str, items: Iterable[Item]) -> Feed:
        dated = [i for i in items if i.when is not None and i.modified is not None]
        dated.sort(key=lambda i: (-_timestamp(i.modified), i.page.path))
        entries = tuple(
            FeedEntry(
                url=self.site_url + item.url,
                title=item.title,
                summary=item.description,
                published=item.when,  # type: ignore[arg-type]  # filtered above
                updated=item.modified,  # type: ignore[arg-type]
                # Feed readers show categories to readers: names, in the feed's language.
                tags=tuple(
                    self.site.tag_name(tag, self.language) for tag in item.page.content.tags
                ),
            )
            for item in dated[: self.site.settings.feed_items]
        )
        language = self.site.policy.get(self.language)
        return Feed(
            key=key,
            language=self.language,
            title=title,
            subtitle=self.t("feed.subtitle", site=self.site_name, language=language.name),
            author=self.site_name,
            site_url=self.site_url,
            path=f"{self.site.policy.url_prefix(self.language)}{FEEDS_PATH}/{key}/",
            page_url=page_url,
            entries=entries,
        )


def feed_links(feed: Feed) -> tuple[FeedLink, ...]:
    """The links announcing ``feed``, one per format."""
    return tuple(_feed_link(feed, fmt) for fmt in FORMATS)


def _feed_link(feed: Feed, fmt: FeedFormat) -> FeedLink:
    return FeedLink(
        f"{feed.title} ({FORMAT_NAMES[fmt]})", feed.url(fmt), MEDIA_TYPES[fmt], FORMAT_NAMES[fmt]
    )


def _timestamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else 0.0


def _newest_first(item: Item) -> tuple[bool, float, str, str]:
    when = item.when
    return (when is None, -_timestamp(when), item.title.casefold(), item.page.path)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else f"{url}/"


#: Share links of campaign pages: plain URLs that the reader's browser opens on a click; no
#: script or tracker of any network is ever loaded. {url}, {title} and {text} (the title and
#: the hashtag) are percent-encoded.
SHARE_SERVICES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "email": ("", "mailto:?subject={title}&body={url}"),
        "x": ("X", "https://x.com/intent/post?text={text}&url={url}"),
        "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
        "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        "whatsapp": ("WhatsApp", "https://wa.me/?text={text}%20{url}"),
        "telegram": ("Telegram", "https://t.me/share/url?url={url}&text={text}"),
        "weibo": ("Weibo", "https://service.weibo.com/share/share.php?url={url}&title={text}"),
    }
)


@dataclass(frozen=True)
class ShareLink:
    """A plain link that shares a page on one network (or by email)."""

    service: str
    name: str
    href: str


def share_links(
    services: Iterable[str], url: str, title: str, hashtag: str, language: str, strings: Strings
) -> tuple[ShareLink, ...]:
    """Share links for a page at the absolute ``url``, in the order of ``services``."""
    values = {
        "url": quote(url, safe=""),
        "title": quote(title, safe=""),
        "text": quote(f"{title} {hashtag}".strip(), safe=""),
    }
    links = []
    for service in services:
        name, template = SHARE_SERVICES[service]
        links.append(
            ShareLink(
                service, name or strings.text("share.email", language), template.format(**values)
            )
        )
    return tuple(links)
