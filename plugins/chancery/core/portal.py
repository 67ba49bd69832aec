"""The portal's home page in each language: what it shows around the ministry's introduction.

The ``index.md`` at the root of each language folder stays the editors' page: its title is
the page's heading and its body the ministry's introduction. Its layout, ``chancery/home.html``,
puts around it what the rest of the site holds in that language: the current alerts, travel
advice with a country finder, top stories and statements, campaigns, the missions network and
the regions' hubs. A section with nothing to show is left out, never shown empty, so the same
layout serves a one-language site without travel advice or missions as well as the demo.

Everything here is decided from the catalog (through the listings' :class:`Site`) and from the
consular views; nothing reads the wall clock, and nothing here knows MkDocs.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from babel.numbers import format_decimal

from chancery.core.catalog import Page
from chancery.core.consular_view import AdviceView, AlertView
from chancery.core.languages import babel_locale
from chancery.core.listings import (
    DIRECTORY_PATH,
    TYPE_PATHS,
    Item,
    Link,
    Mission,
    Site,
    region_anchor,
)

#: The layout of a language's home page.
HOME_TEMPLATE = "chancery/home.html"
#: The sections a home page can show, in their default order. The header (emblem, the page's
#: title and description, the other languages) always comes first.
HOME_SECTIONS = (
    "alerts",
    "travel-advice",
    "stories",
    "statements",
    "introduction",
    "campaigns",
    "missions",
    "regions",
)
#: Advice levels from which a country is named among the most serious ones.
URGENT_LEVEL = 3


def layout_of(page: Page) -> str:
    """The template of a page: its type's, or the home layout for a language's root index page.

    A page of type ``page`` at ``<language>/index.md`` is the home of its language; every other
    page is laid out by its type (``chancery/news.html``...).
    """
    inner = PurePosixPath(page.path.partition("/")[2])
    if page.type == "page" and inner == PurePosixPath("index.md"):
        return HOME_TEMPLATE
    return f"chancery/{page.type}.html"


def collation_key(text: str) -> tuple[str, str]:
    """A sort key that files accented names under their letter: 'Égypte' before 'France'.

    A close enough stand-in for the reader's collation without ICU: marks are dropped, case is
    folded, and the text itself breaks ties.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold(), text


@dataclass(frozen=True)
class HomeSettings:
    """What a home page shows: its sections in order, and how many items a list holds."""

    sections: tuple[str, ...] = HOME_SECTIONS
    #: News items, statements and campaigns shown on a home page, each.
    items: int = 4
    #: Above this many countries, the travel-advice finder folds its list (a reader filters it,
    #: or opens it); up to it, every country shows at once.
    finder_open_max: int = 12
    #: From this many countries on, the finder offers a search field (with JavaScript); a
    #: shorter list is read at a glance.
    finder_search_min: int = 9


@dataclass(frozen=True)
class Figure:
    """A count in words, split around its number so that the number can stand out.

    ``before`` + ``number`` + ``after`` is the reader's sentence ("4 embassies and consulates");
    a form that writes its number out (Arabic's dual) has an empty ``number``.
    """

    count: int
    before: str
    number: str
    after: str

    @property
    def text(self) -> str:
        """The whole sentence."""
        return f"{self.before}{self.number}{self.after}"


@dataclass(frozen=True)
class ItemList:
    """A titled list of items on the home page, with a link to the whole listing."""

    title: str
    items: tuple[Item, ...]
    #: The listing of all of them ("All news"), if the site has one.
    more: Link | None


@dataclass(frozen=True)
class Finder:
    """Travel advice for readers about to travel: every country, easy to find."""

    #: Every country's advice, in the reader's alphabetical order of country names.
    countries: tuple[AdviceView, ...]
    #: The countries at the most serious levels, most serious first.
    urgent: tuple[AdviceView, ...]
    #: "Advice for 12 countries".
    summary: Figure
    #: Whether the list is long enough to fold (see HomeSettings.finder_open_max).
    folded: bool
    #: Whether the list is long enough to offer a search field.
    searchable: bool
    #: The overview of every country by level.
    overview_url: str


@dataclass(frozen=True)
class MissionNetwork:
    """The embassies and consulates, counted, with the way to the directory."""

    missions: Figure
    countries: Figure
    directory_url: str
    #: Each region with its number of missions, linking to its group in the directory.
    regions: tuple[Link, ...]


@dataclass(frozen=True)
class Home:
    """Everything a language's home page shows around the editors' introduction."""

    #: The sections to render, in order; only those with something to show.
    sections: tuple[str, ...]
    alerts: tuple[AlertView, ...] = ()
    travel: Finder | None = None
    stories: ItemList | None = None
    statements: ItemList | None = None
    campaigns: ItemList | None = None
    missions: MissionNetwork | None = None
    #: The hubs of the site's regions, for readers who look for their part of the world.
    regions: tuple[Link, ...] = ()
    #: The home page in every other language, named in that language.
    languages: tuple[Link, ...] = ()


def figure(site: Site, key: str, language: str, count: int) -> Figure:
    """The plural form of ``key`` for ``count``, with the number in the reader's digits."""
    written = site.strings.language_of(key, language)
    form = site.strings.plural(key, language, count)
    number = format_decimal(count, locale=babel_locale(written))
    before, found, after = form.partition("{count}")
    if not found:
        return Figure(count, form, "", "")
    return Figure(count, before, number, after)


def home(
    site: Site,
    language: str,
    *,
    settings: HomeSettings,
    hub_urls: dict[str, str] | None = None,
    alerts: Sequence[AlertView] = (),
    advice: Sequence[AdviceView] = (),
    overview_url: str = "",
    introduction: bool = True,
    served: frozenset[str] = frozenset(),
) -> Home:
    """The home page of ``language``: each section that has something to show, in order.

    ``hub_urls`` are the language's hubs by audience (the listings plan); ``alerts`` and
    ``advice`` the consular views in the reader's language; ``introduction`` whether the
    editors' page has a body; ``served`` the fallback paths this language's build serves.
    """
    hubs = dict(hub_urls or {})
    shown = Home(
        sections=(),
        alerts=tuple(alerts),
        travel=_finder(site, language, advice, overview_url, settings),
        stories=_latest(site, language, "news", "home.stories", "home.stories.all", settings),
        statements=_latest(
            site, language, "statement", "home.statements", "home.statements.all", settings
        ),
        campaigns=_campaigns(site, language, settings),
        missions=network(site, language, served),
        regions=tuple(
            Link(region.name(language), hubs[region.slug])
            for region in site.regions
            if region.slug in hubs
        ),
        languages=languages(site, language),
    )
    present = {
        "alerts": bool(shown.alerts),
        "travel-advice": shown.travel is not None,
        "stories": shown.stories is not None,
        "statements": shown.statements is not None,
        "introduction": introduction,
        "campaigns": shown.campaigns is not None,
        "missions": shown.missions is not None,
        "regions": bool(shown.regions),
    }
    return dataclasses.replace(
        shown, sections=tuple(name for name in settings.sections if present.get(name))
    )


def languages(site: Site, language: str) -> tuple[Link, ...]:
    """The home page in each other language of the site, named in that language."""
    return tuple(
        Link(
            other.name, site.prefixed(other.code, "index.md"), lang=other.code, dir=other.direction
        )
        for other in site.policy.languages
        if other.code != language
    )


def _listing_link(site: Site, language: str, type_name: str, key: str) -> Link | None:
    if type_name not in site.types:
        return None
    text = site.strings.text(key, language)
    return Link(text, site.prefixed(language, f"{TYPE_PATHS[type_name]}/index.md"))


def _latest(
    site: Site, language: str, type_name: str, title: str, more: str, settings: HomeSettings
) -> ItemList | None:
    items = tuple(i for i in site.items(language) if i.type == type_name)[: settings.items]
    if not items:
        return None
    return ItemList(
        site.strings.text(title, language),
        items,
        _listing_link(site, language, type_name, more),
    )


def _campaigns(site: Site, language: str, settings: HomeSettings) -> ItemList | None:
    """The campaigns that have not ended on the build clock, newest first."""
    running = tuple(
        item for item in site.items(language) if item.type == "campaign" and not _ended(item, site)
    )[: settings.items]
    if not running:
        return None
    return ItemList(
        site.strings.text("listing.campaign", language),
        running,
        _listing_link(site, language, "campaign", "home.campaigns.all"),
    )


def _ended(item: Item, site: Site) -> bool:
    end = getattr(item.page.content, "end", None)
    return end is not None and end < site.now


def _finder(
    site: Site,
    language: str,
    advice: Sequence[AdviceView],
    overview_url: str,
    settings: HomeSettings,
) -> Finder | None:
    if not advice:
        return None
    countries = tuple(sorted(advice, key=lambda view: collation_key(view.country_name)))
    urgent = tuple(
        sorted(
            (view for view in countries if view.level.level >= URGENT_LEVEL),
            key=lambda view: -view.level.level,
        )
    )
    return Finder(
        countries,
        urgent,
        figure(site, "home.travel.countries", language, len(countries)),
        len(countries) > settings.finder_open_max,
        len(countries) >= settings.finder_search_min,
        overview_url,
    )


def network(
    site: Site, language: str, served: frozenset[str] = frozenset()
) -> MissionNetwork | None:
    """The missions of the site, counted, with each region's number of them; None without any."""
    if not site.has_missions:
        return None
    missions = site.missions(language, None, served)
    if not missions:
        return None
    directory = site.prefixed(language, f"{DIRECTORY_PATH}/index.md")
    counts: dict[str | None, int] = {}
    for mission in missions:
        region = site.regions.of_country(mission.country)
        slug = region.slug if region is not None else None
        counts[slug] = counts.get(slug, 0) + 1
    regions = [
        Link(
            region.name(language), f"{directory}#{region_anchor(region.slug)}", counts[region.slug]
        )
        for region in site.regions
        if region.slug in counts
    ]
    if None in counts:
        regions.append(
            Link(
                site.strings.text("hubs.other", language),
                f"{directory}#{region_anchor(None)}",
                counts[None],
            )
        )
    return MissionNetwork(
        figure(site, "home.missions.count", language, len(missions)),
        figure(site, "home.missions.countries", language, _count_countries(missions)),
        directory,
        tuple(regions),
    )


def _count_countries(missions: Iterable[Mission]) -> int:
    return len({mission.country for mission in missions})
