"""Travel advice: levels and their history, the overview, the JSON index, the feeds, contacts.

Everything here is derived from the catalog: the advice pages themselves, and the mission
pages for emergency contacts, so that a phone number is written once, on its mission's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from feedgen.feed import FeedGenerator

from chancery.core.catalog import Catalog, Page
from chancery.core.errors import ContentError
from chancery.core.languages import LanguagePolicy
from chancery.core.models import MissionContent, TravelAdviceContent
from chancery.core.schedule import is_live
from chancery.core.strings import Strings

LEVELS = (1, 2, 3, 4)
#: The sections every advice page has, marked on their headings: `## Health {#health}`.
SECTIONS = ("safety", "entry-requirements", "health", "local-laws")
#: The kinds of mission, in the order readers look for them.
_MISSION_ORDER = ("embassy", "consulate-general", "consulate")

_HEADING_IDS = re.compile(r"^#{2,6}\s.*\{[^}\n]*\}\s*$", re.MULTILINE)
_ID = re.compile(r"#([A-Za-z][\w-]*)")


@dataclass(frozen=True)
class Advice:
    """One country's advice as a reader of one language gets it."""

    #: The translation group, e.g. 'travel-advice/france.md'.
    key: str
    #: The version shown: the reader's language, or the original when it is not translated.
    page: Page
    #: The reader's language.
    language: str

    @property
    def content(self) -> TravelAdviceContent:
        """The advice's typed front matter."""
        assert isinstance(self.page.content, TravelAdviceContent)
        return self.page.content

    @property
    def country(self) -> str:
        """The ISO 3166 code of the country."""
        return self.content.country

    @property
    def level(self) -> int:
        """The current level, 1 to 4."""
        return self.content.level

    @property
    def updated(self) -> datetime:
        """When the advice last changed (its publication date if never)."""
        return self.content.updated or self.content.date

    @property
    def is_fallback(self) -> bool:
        """Whether the text is not in the reader's language."""
        return self.page.language != self.language

    @property
    def inner(self) -> str:
        """The page's path inside its language folder, e.g. 'travel-advice/france.md'."""
        return self.page.path.partition("/")[2]


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the visible history: a change, with the level in force after it."""

    date: datetime
    level: int
    #: The change note; None for a publication that has none.
    note: str | None
    #: Whether this change set the level (a publication always does).
    sets_level: bool
    #: Whether the level differs from the one before it.
    level_changed: bool


@dataclass(frozen=True)
class Contact:
    """A mission's contacts, as a reader of one language gets them."""

    key: str
    page: Page
    language: str

    @property
    def mission(self) -> MissionContent:
        """The mission's typed front matter."""
        assert isinstance(self.page.content, MissionContent)
        return self.page.content

    @property
    def is_fallback(self) -> bool:
        """Whether the mission's text (address, hours) is not in the reader's language."""
        return self.page.language != self.language

    @property
    def inner(self) -> str:
        """The mission page's path inside its language folder."""
        return self.page.path.partition("/")[2]


@dataclass(frozen=True)
class AdviceLinks:
    """Where one country's advice is published, as URLs (absolute when the site has one)."""

    page: str
    light: str
    feed: str


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a per-country feed."""

    id: str
    title: str
    updated: datetime
    link: str
    text: str


def advice_in(
    catalog: Catalog, policy: LanguagePolicy, now: datetime, language: str
) -> tuple[Advice, ...]:
    """Every country's current advice for readers of ``language``, by country code.

    A country whose advice is not in ``language`` is given in the version an honest fallback
    shows: the root language's, else the source.
    """
    found = [
        Advice(key, page, language)
        for key, page in _shown_versions(catalog, policy, now, language, "travel-advice")
    ]
    return tuple(sorted(found, key=lambda advice: (advice.country, advice.key)))


def contacts_in(
    catalog: Catalog,
    policy: LanguagePolicy,
    now: datetime,
    language: str,
    country: str | None = None,
) -> tuple[Contact, ...]:
    """The live missions' contacts for readers of ``language``, optionally for one country."""
    found = [
        Contact(key, page, language)
        for key, page in _shown_versions(catalog, policy, now, language, "mission")
    ]
    if country is not None:
        found = [contact for contact in found if contact.mission.country == country]
    return tuple(
        sorted(
            found,
            key=lambda c: (c.mission.country, _MISSION_ORDER.index(c.mission.kind), c.key),
        )
    )


def level_history(content: TravelAdviceContent) -> tuple[HistoryEntry, ...]:
    """The visible history of an advice page, newest first.

    Each change note is a line, with the level in force after it. The publication is the
    oldest line; its level is the one recorded on that date, or the current level when no
    change has ever set one (the model refuses a history of levels without its beginning).
    """
    changes = sorted(content.changes, key=lambda change: change.date)
    levelled = [change for change in changes if change.level is not None]
    level = levelled[0].level if levelled and levelled[0].level is not None else content.level
    entries: list[HistoryEntry] = []
    if not changes or changes[0].date != content.date:
        entries.append(HistoryEntry(content.date, level, None, True, False))
    for change in changes:
        previous = level
        if change.level is not None:
            level = change.level
        first = not entries
        entries.append(
            HistoryEntry(
                change.date,
                level,
                change.note,
                first or change.level is not None,
                not first and level != previous,
            )
        )
    return tuple(reversed(entries))


def check_travel_advice(
    catalog: Catalog, now: datetime, shown_prefix: str = ""
) -> list[ContentError]:
    """What the catalog cannot check page by page: sections, one page per country, one level.

    - each live advice page marks its four sections on their headings (`{#health}`), so that
      they are found in every language and can be linked to;
    - a country has one advice page per language;
    - every live version of an advice page gives the same level: a level is a fact, not a
      translation, and no reader may get a lower one in their language.
    """
    errors: list[ContentError] = []
    live = [page for page in catalog.of_type("travel-advice") if is_live(page.content, now)]
    by_country: dict[tuple[str, str], Page] = {}
    for page in live:
        shown = shown_prefix + page.path
        content = page.content
        assert isinstance(content, TravelAdviceContent)
        missing = [section for section in SECTIONS if section not in _heading_ids(page.body)]
        if missing:
            errors.append(
                ContentError(
                    shown,
                    0,
                    "body",
                    f"no section marked {', '.join('#' + s for s in missing)}; mark each "
                    "section's heading, e.g. `## Health {#health}` (the sections are "
                    f"{', '.join('#' + s for s in SECTIONS)})",
                )
            )
        earlier = by_country.setdefault((page.language, content.country), page)
        if earlier is not page:
            errors.append(
                ContentError(
                    shown,
                    0,
                    "country",
                    f"{content.country} already has travel advice in {shown_prefix}{earlier.path}"
                    "; keep one page per country",
                )
            )
    for key in sorted({page.key for page in live}):
        versions = [page for page in catalog.group(key).values() if is_live(page.content, now)]
        levels = {_level(page) for page in versions}
        if len(levels) > 1:
            listed = ", ".join(
                f"{shown_prefix}{page.path} says {_level(page)}"
                for page in sorted(versions, key=lambda page: page.path)
            )
            errors.append(
                ContentError(
                    shown_prefix + versions[0].path,
                    0,
                    "level",
                    f"the versions of this advice disagree ({listed}); a level is a fact, not a "
                    "translation: set the same level, with a change note, in every language",
                )
            )
    return errors


def index_document(
    language: str, items: Sequence[tuple[Advice, AdviceLinks]], strings: Strings
) -> dict[str, Any]:
    """The machine-readable index of one language: every country's current level.

    Its shape is documented in schemas/travel-advice-index.schema.json.
    """
    return {
        "format": 1,
        "language": language,
        "levels": {str(level): strings.text(f"travel.level.{level}", language) for level in LEVELS},
        "countries": [
            {
                "country": advice.country,
                "level": advice.level,
                "title": advice.content.title,
                "summary": advice.content.description,
                "text_language": advice.page.language,
                "published": advice.content.date.isoformat(),
                "updated": advice.updated.isoformat(),
                "url": links.page,
                "light_url": links.light,
                "feed_url": links.feed,
            }
            for advice, links in items
        ],
    }


def atom_feed(
    *,
    feed_id: str,
    title: str,
    language: str,
    updated: datetime,
    page_url: str,
    self_url: str,
    author: str,
    entries: Iterable[FeedEntry],
) -> bytes:
    """An Atom 1.0 feed, made with feedgen. Every time in it comes from the content."""
    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(title)
    feed.language(language)
    feed.updated(updated)
    feed.author({"name": author})
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.generator("Chancery")
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.updated(item.updated)
        entry.published(item.updated)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.content(item.text, type="text")
    xml: bytes = feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return xml


def _shown_versions(
    catalog: Catalog, policy: LanguagePolicy, now: datetime, language: str, type_name: str
) -> Iterable[tuple[str, Page]]:
    keys = sorted({page.key for page in catalog.of_type(type_name)})
    for key in keys:
        group = {
            code: page
            for code, page in catalog.group(key).items()
            if page.type == type_name and is_live(page.content, now)
        }
        shown = _version_for(group, policy, catalog.source(key), language)
        if shown is not None:
            yield key, shown


def _version_for(
    group: dict[str, Page], policy: LanguagePolicy, source: Page | None, language: str
) -> Page | None:
    # The same choice as the honest fallback pages: the reader's language, else the root
    # language, else the source, else the first live version in policy order.
    for candidate in (language, policy.root.code):
        if candidate in group:
            return group[candidate]
    if source is not None and source.language in group:
        return group[source.language]
    return next((group[code] for code in policy.codes if code in group), None)


def _heading_ids(body: str) -> set[str]:
    ids: set[str] = set()
    for heading in _HEADING_IDS.finditer(body):
        attributes = heading.group(0)[heading.group(0).rfind("{") :]
        ids.update(_ID.findall(attributes))
    return ids


def _level(page: Page) -> int:
    assert isinstance(page.content, TravelAdviceContent)
    return page.content.level
