"""What the templates need for alerts, travel advice and emergency contacts, in one language.

The adapter gives URLs (site-relative, for MkDocs' ``url`` filter, or absolute); this module
puts the reader's strings, names and dates together so that templates stay declarative and
never compute a label key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from babel.dates import format_datetime, format_skeleton

from chancery.core.alerts import Alert, paragraphs, text_for
from chancery.core.languages import (
    Language,
    LanguagePolicy,
    babel_locale,
    country_name,
    language_name,
)
from chancery.core.strings import Strings
from chancery.core.travel_advice import LEVELS, Advice, Contact, level_history


@dataclass(frozen=True)
class TextLanguage:
    """The language a piece of text is written in, when it is not the reader's."""

    code: str
    direction: str


@dataclass(frozen=True)
class AlertView:
    """One current alert, for one reader."""

    id: str
    severity: str
    #: The severity in words ("Critical alert"): colour is never the only signal.
    severity_label: str
    title: str
    paragraphs: tuple[str, ...]
    start: datetime
    end: datetime
    #: "In effect from 20 Nov 2026, 10:00 (UTC+09:00) until ...", in the reader's language.
    period: str
    #: Set when the alert is not written in the reader's language and is shown in another.
    text_language: TextLanguage | None
    #: "This alert is not yet available in French; it is shown in English." or "".
    untranslated: str
    light_url: str
    link_url: str | None
    link_is_external: bool


@dataclass(frozen=True)
class LevelView:
    """An advice level in the reader's words: 'Level 2 of 4', 'Exercise increased caution'."""

    level: int
    number: str
    label: str

    @property
    def full(self) -> str:
        """Both, as the language writes them: 'Level 2 of 4: Exercise a high degree of caution'."""
        return self.number + self.colon + self.label

    colon: str = ": "


@dataclass(frozen=True)
class HistoryRow:
    """One line of an advice page's visible history."""

    date: datetime
    level: LevelView
    #: The change note, in the page's language; None for a publication without one.
    note: str | None
    level_changed: bool


@dataclass(frozen=True)
class ContactView:
    """A mission's contacts for readers in an emergency."""

    kind: str
    city: str
    address: str
    phone: str
    emergency_phone: str
    email: str | None
    url: str
    text_language: TextLanguage | None


@dataclass(frozen=True)
class CountryContacts:
    """The missions in one country."""

    country: str
    country_name: str
    missions: tuple[ContactView, ...]


@dataclass(frozen=True)
class AdviceView:
    """One country's advice, for one reader."""

    country: str
    country_name: str
    level: LevelView
    title: str
    summary: str
    published: datetime
    updated: datetime
    url: str
    light_url: str
    feed_url: str
    text_language: TextLanguage | None
    history: tuple[HistoryRow, ...]


@dataclass(frozen=True)
class LevelGroup:
    """The countries at one level, for the overview's table by level."""

    level: LevelView
    advice: tuple[AdviceView, ...]


@dataclass(frozen=True)
class ConsularView:
    """The ``chancery_consular`` object of templates."""

    language: Language
    alerts: tuple[AlertView, ...] = ()
    #: On a travel-advice page: that page's advice.
    advice: AdviceView | None = None
    #: Emergency contacts: the country's on an advice page, every country's on consular pages.
    contacts: tuple[CountryContacts, ...] = ()
    #: The ministry's 24-hour number, from the plugin's configuration.
    call_centre: str | None = None
    #: On the overview page: the countries by level, highest first.
    overview: tuple[LevelGroup, ...] = ()
    #: Every country's advice as this language's build shows it (home page finder, hubs).
    countries: tuple[AdviceView, ...] = ()
    #: Site-relative URLs of this language's text-only home, advice overview and JSON index.
    light_home_url: str = ""
    overview_url: str = ""
    index_json_url: str = ""


def level_view(level: int, language: str, strings: Strings) -> LevelView:
    """A level's number and label in ``language``."""
    number = strings.text("travel.level.number", language).format(level=level)
    return LevelView(
        level,
        number,
        strings.text(f"travel.level.{level}", language),
        strings.text("punctuation.colon", language),
    )


def alert_views(
    alerts: Sequence[Alert],
    language: Language,
    policy: LanguagePolicy,
    light_url: Callable[[Alert], str],
    link_url: Callable[[Alert], str | None],
    strings: Strings,
) -> tuple[AlertView, ...]:
    """The current alerts as readers of ``language`` see them, most urgent first."""
    views = []
    for alert in alerts:
        code, text = text_for(alert, language.code, policy)
        shown = None if code == language.code else policy.get(code)
        untranslated = ""
        if shown is not None:
            # The names in the language the sentence is shown in (English as a last resort).
            written = strings.language_of("alert.untranslated", language.code)
            untranslated = strings.text("alert.untranslated", language.code).format(
                language=_language_name(language.code, written),
                original=_language_name(shown.code, written),
            )
        link = link_url(alert)
        views.append(
            AlertView(
                id=alert.id,
                severity=alert.severity,
                severity_label=strings.text(f"alert.severity.{alert.severity}", language.code),
                title=text.title,
                paragraphs=paragraphs(text.text),
                start=alert.start,
                end=alert.end,
                period=_period(alert, language.code, strings),
                text_language=TextLanguage(shown.code, shown.direction) if shown else None,
                untranslated=untranslated,
                light_url=light_url(alert),
                link_url=link,
                link_is_external=bool(link and link.startswith("https://")),
            )
        )
    return tuple(views)


def advice_view(
    advice: Advice,
    policy: LanguagePolicy,
    url: str,
    light_url: str,
    feed_url: str,
    strings: Strings,
) -> AdviceView:
    """One country's advice for its reader, with its visible history."""
    language = advice.language
    content = advice.content
    history = tuple(
        HistoryRow(
            entry.date,
            level_view(entry.level, language, strings),
            entry.note,
            entry.level_changed,
        )
        for entry in level_history(content)
    )
    return AdviceView(
        country=advice.country,
        country_name=country_name(advice.country, language),
        level=level_view(advice.level, language, strings),
        title=content.title,
        summary=content.description,
        published=content.date,
        updated=advice.updated,
        url=url,
        light_url=light_url,
        feed_url=feed_url,
        text_language=_text_language(advice.page.language, language, policy),
        history=history,
    )


def overview(
    advice: Sequence[AdviceView], language: str, strings: Strings
) -> tuple[LevelGroup, ...]:
    """The countries grouped by level, highest level first, by country name within a level."""
    groups = []
    for level in reversed(LEVELS):
        members = sorted(
            (view for view in advice if view.level.level == level),
            key=lambda view: (view.country_name, view.country),
        )
        if members:
            groups.append(LevelGroup(level_view(level, language, strings), tuple(members)))
    return tuple(groups)


def contact_views(
    contacts: Sequence[Contact],
    policy: LanguagePolicy,
    url: Callable[[Contact], str],
    strings: Strings,
) -> tuple[CountryContacts, ...]:
    """Missions grouped by country, countries by name in the reader's language."""
    by_country: dict[str, list[ContactView]] = {}
    language = ""
    for contact in contacts:
        language = contact.language
        mission = contact.mission
        by_country.setdefault(mission.country, []).append(
            ContactView(
                kind=strings.text(f"mission.kind.{mission.kind}", contact.language),
                city=mission.city,
                address=mission.address,
                phone=mission.phone,
                emergency_phone=mission.emergency_phone,
                email=mission.email,
                url=url(contact),
                text_language=_text_language(contact.page.language, contact.language, policy),
            )
        )
    groups = [
        CountryContacts(code, country_name(code, language), tuple(missions))
        for code, missions in by_country.items()
    ]
    return tuple(sorted(groups, key=lambda group: (group.country_name, group.country)))


def moment(when: datetime, language: str) -> str:
    """A date and time in its own time zone, e.g. 'Nov 20, 2026, 10:00 (GMT+09:00)'."""
    locale = babel_locale(language)
    date = format_skeleton("yMMMd", when, tzinfo=when.tzinfo, locale=locale)
    time = format_skeleton("Hm", when, tzinfo=when.tzinfo, locale=locale)
    zone = format_datetime(when, "ZZZZ", tzinfo=when.tzinfo, locale=locale)
    return f"{str(locale.datetime_formats['medium']).format(time, date)} ({zone})"


def _period(alert: Alert, language: str, strings: Strings) -> str:
    written = strings.language_of("alert.period", language)
    return strings.text("alert.period", language).format(
        start=moment(alert.start, written), end=moment(alert.end, written)
    )


def _language_name(code: str, language: str) -> str:
    return language_name(code, language)


def _text_language(code: str, reader: str, policy: LanguagePolicy) -> TextLanguage | None:
    if code == reader:
        return None
    return TextLanguage(code, policy.get(code).direction)
