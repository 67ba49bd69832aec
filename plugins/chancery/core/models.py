"""One pydantic model per content type: the typed, checked front matter of a page."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import PurePosixPath
from typing import Annotated, Any, ClassVar, Literal

from babel import Locale
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from chancery.core.languages import PolicyError, parse_tag

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_HASH = re.compile(r"^[0-9a-f]{16}$")
_HASHTAG = re.compile(r"^#\w+$")
_ENGLISH = Locale("en")


def _strict_bool(value: Any) -> Any:
    # YAML 1.1 reads yes/no/on/off as booleans; we only accept the two spellings that
    # mean the same thing everywhere, so that "draft: no" is never silently misread.
    if isinstance(value, str):
        if value in ("true", "false"):
            return value == "true"
        raise ValueError(f"'{value}' is not true or false; write true or false")
    return value


def slug_problem(value: str) -> str | None:
    """Why ``value`` is not a slug (lower-case ASCII words joined by '-'), or None."""
    if _SLUG.match(value):
        return None
    return f"'{value}' is not a slug; use lower-case ASCII words joined by '-', e.g. 'climate'"


#: Characters that show nothing in a title: Unicode's Hangul fillers and blank Braille pattern
#: are letters or symbols, but print as blank space.
_BLANKS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
#: Unicode categories that show nothing: separators, controls and formatting characters.
_INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def _visible(value: str) -> str:
    # Spaces are stripped before this check; a value of only invisible formatting characters
    # (zero-width spaces, direction marks) would show as an empty title or link.
    if value and all(unicodedata.category(char) in _INVISIBLE or char in _BLANKS for char in value):
        raise ValueError(
            "shows nothing: it holds only invisible characters (such as U+200B, a zero-width "
            "space); write the text"
        )
    return value


def _slug(value: str) -> str:
    problem = slug_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _country(value: str) -> str:
    if not _COUNTRY.match(value) or value not in _ENGLISH.territories:
        raise ValueError(
            f"'{value}' is not an ISO 3166-1 country code; use two capital letters, e.g. FR"
        )
    return value


def _audience(value: str, info: ValidationInfo) -> str:
    # An audience is a region slug from the site's configuration or an ISO country code. The
    # catalog passes the configured regions in the validation context; without them (a bare
    # model check) any slug passes.
    if _COUNTRY.match(value):
        return _country(value)
    _slug(value)
    regions: tuple[str, ...] | None = (info.context or {}).get("regions")
    if regions is not None and value not in regions:
        if not regions:
            raise ValueError(
                f"'{value}' is not a region of this site, which defines none; define regions "
                "in mkdocs.yml (plugins: chancery/content: regions) or use an ISO country "
                "code such as MX"
            )
        close = difflib.get_close_matches(value, regions, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(
            f"'{value}' is not a region of this site{hint}; use one of {', '.join(regions)}, "
            "or an ISO country code such as MX"
        )
    return value


#: An old address: a folder ('/old/page/') or an HTML file ('/old/page.html'), from the site root.
_ALIAS_SUFFIXES = ("", ".html", ".htm")


def alias_problem(value: str) -> str | None:
    """Why ``value`` cannot be an alias (an old address of a page), or None.

    An alias is a path from the site's root, as the old site served it: '/old/page/',
    '/fr/ancienne-page/', '/about.html'. It may hold any letters (old addresses were not always
    ASCII), but no scheme, host, query, fragment, '.' or '..' part, space or control character.
    """
    example = "e.g. /old/page/"
    if not value.startswith("/") or value.startswith("//"):
        return f"'{value}' is not a path from the site's root; start it with one '/', {example}"
    # Old sites served names with spaces ('/Visa Notes/'); other blanks are mistakes.
    if any(char in value for char in "?#\\") or any(
        unicodedata.category(char)[0] in "CZ" and char != " " for char in value
    ):
        return (
            f"'{value}' holds a tab, a control character, '?', '#' or '\\'; write the path "
            f"alone, {example}"
        )
    if value != value.strip():
        return f"'{value}' starts or ends with a space; remove it"
    parts = value.strip("/").split("/")
    if value != "/" and any(part in ("", ".", "..") for part in parts):
        return f"'{value}' has an empty, '.' or '..' part; write the path as served, {example}"
    suffix = PurePosixPath(parts[-1]).suffix.lower()
    if value != "/" and not value.endswith("/") and suffix not in _ALIAS_SUFFIXES:
        return (
            f"'{value}' ends in '{suffix}'; an alias is the address of an old page: a folder "
            "('/old/page/') or an HTML file ('/old/page.html')"
        )
    return None


def _alias(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    problem = alias_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _language_code(value: str) -> str:
    try:
        parse_tag(value)
    except PolicyError as error:
        raise ValueError(str(error)) from error
    return value


# The validators give editors a message with the fix; the patterns let editors' tools check the
# same rules as they type (they appear in the JSON Schema only).
StrictBool = Annotated[bool, BeforeValidator(_strict_bool)]
Timestamp = AwareDatetime
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
Country = Annotated[
    str, AfterValidator(_country), Field(json_schema_extra={"pattern": _COUNTRY.pattern})
]
Audience = Annotated[
    str,
    AfterValidator(_audience),
    Field(json_schema_extra={"pattern": f"{_SLUG.pattern}|{_COUNTRY.pattern}"}),
]
LanguageCode = Annotated[str, AfterValidator(_language_code)]
Alias = Annotated[str, AfterValidator(_alias)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_visible)]

ContentType = Literal[
    "page",
    "news",
    "statement",
    "travel-advice",
    "consular-service",
    "campaign",
    "fact-check",
    "event",
    "mission",
]


class TranslationOf(BaseModel):
    """Which source a translation was made from: its language and the hash of its body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: LanguageCode
    hash: Annotated[str, Field(json_schema_extra={"pattern": _HASH.pattern})]

    @field_validator("language")
    @classmethod
    def _check_source_language(cls, value: str, info: ValidationInfo) -> str:
        context = info.context or {}
        languages: tuple[str, ...] = context.get("languages", ())
        if languages and value not in languages:
            raise ValueError(
                f"'{value}' is not a language of this site; use one of {', '.join(languages)}"
            )
        if value == context.get("language"):
            raise ValueError("a page cannot be a translation from its own language; remove it")
        return value

    @field_validator("hash")
    @classmethod
    def _check_hash(cls, value: str) -> str:
        if not _HASH.match(value):
            raise ValueError(
                f"'{value}' is not a source hash; run `chancery translate --mark-current FILE` "
                "to record it"
            )
        return value


class Withdrawal(BaseModel):
    """Why and when a page was withdrawn; it stays online with a notice, out of listings."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    date: Timestamp
    reason: Text


class Change(BaseModel):
    """One entry of a page's public change history."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    date: Timestamp
    note: Text


SourceHash = Annotated[str, Field(json_schema_extra={"pattern": _HASH.pattern})]


def _source_hash(value: str) -> str:
    if not _HASH.match(value):
        raise ValueError(f"'{value}' is not a body hash (16 hexadecimal digits)")
    return value


class MinorEdit(BaseModel):
    """An edit of a source that needs no new translation: its body went from one hash to another.

    Written by `chancery translate --minor`; translations made from the body before the edit
    stay current.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    date: Timestamp
    before: Annotated[SourceHash, AfterValidator(_source_hash)]
    after: Annotated[SourceHash, AfterValidator(_source_hash)]
    note: Text | None = None


class BaseContent(BaseModel):
    """Fields that every content type shares."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    #: Whether the layout of this type shows the body as the page's text: without one, the
    #: page would be published empty.
    needs_body: ClassVar[bool] = True
    #: Whether a folder's index.md may still have no body: it heads a section in the nav.
    empty_index: ClassVar[bool] = False

    title: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_visible)]
    description: Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_visible)]
    type: ContentType = "page"
    date: Timestamp | None = None
    updated: Timestamp | None = None
    audiences: tuple[Audience, ...] = ()
    tags: tuple[Slug, ...] = ()
    translation_of: TranslationOf | None = None
    translation_key: Slug | None = None
    #: Languages this page is meant for; others need no translation (an embassy's local page).
    languages: tuple[LanguageCode, ...] = ()
    #: `not-needed` says no other language needs this page; `translation_reason` says why.
    translation: Literal["needed", "not-needed"] = "needed"
    translation_reason: Text | None = None
    #: Puts the page in the required translation tier whatever its type.
    required: StrictBool = False
    draft: StrictBool = False
    publish_at: Timestamp | None = None
    expires_at: Timestamp | None = None
    #: A withdrawn page stays online with a notice, leaves listings and feeds, and is noindex.
    withdrawn: Withdrawal | None = None
    #: The public change history, newest or oldest first as the editor writes it.
    changes: tuple[Change, ...] = ()
    #: Edits of this page that its translations need not follow (see MinorEdit).
    minor_edits: tuple[MinorEdit, ...] = ()
    #: A political page published under an earlier administration says so.
    political: StrictBool = False
    #: Where the page stands among its section's pages in the nav of every language (lower
    #: first; pages without one follow). The source's order places every version.
    order: Annotated[int, Field(ge=-1_000_000, le=1_000_000)] | None = None
    #: Old addresses (paths from the site root) that redirect to this page.
    aliases: tuple[Alias, ...] = ()

    @field_validator("aliases")
    @classmethod
    def _check_aliases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        repeated = sorted({alias for alias in value if value.count(alias) > 1})
        if repeated:
            raise ValueError(f"'{repeated[0]}' is listed twice; list each old address once")
        return value

    @model_validator(mode="after")
    def _check_dates(self) -> BaseContent:
        if self.date and self.updated and self.updated < self.date:
            raise ValueError("updated: is earlier than date; an update comes after publication")
        if self.publish_at and self.expires_at and self.expires_at <= self.publish_at:
            raise ValueError("expires_at: is not after publish_at; the page would never show")
        if self.translation == "not-needed" and not self.translation_reason:
            raise ValueError(
                "translation_reason: required when translation is not-needed; say why, e.g. "
                '"Only concerns visa applicants in Mexico"'
            )
        return self


class PageContent(BaseContent):
    """A plain page: home, about, background."""

    empty_index: ClassVar[bool] = True

    type: Literal["page"] = "page"


class NewsContent(BaseContent):
    """A dated news item."""

    type: Literal["news"]
    date: Timestamp


class StatementContent(BaseContent):
    """An official statement, speech or press release."""

    type: Literal["statement"]
    date: Timestamp
    kind: Literal["statement", "speech", "press-release"]
    speaker: Text | None = None
    place: Text | None = None


AdviceLevel = Annotated[int, Field(ge=1, le=4)]


class TravelAdviceChange(Change):
    """A change to travel advice; ``level`` when the change set the advice level."""

    level: AdviceLevel | None = None


class TravelAdviceContent(BaseContent):
    """Advice for citizens travelling to one country.

    Every update carries a change note: ``updated`` needs a ``changes`` entry of that date.
    The history of levels is the ``changes`` entries that carry a ``level``; once there is one,
    the level at publication is recorded too (an entry dated ``date``), so that the history
    readers see is complete.
    """

    type: Literal["travel-advice"]
    date: Timestamp
    country: Country
    level: AdviceLevel
    changes: tuple[TravelAdviceChange, ...] = ()

    @model_validator(mode="after")
    def _check_history(self) -> TravelAdviceContent:
        example = "{date: %s, note: What changed}"
        if any(change.date < self.date for change in self.changes):
            raise ValueError("changes: an entry is dated before date; the advice did not exist yet")
        newest = max((change.date for change in self.changes), default=self.date)
        if self.updated is None and newest > self.date:
            raise ValueError(
                f"updated: missing; set it to the date of the newest change, {newest.isoformat()}"
            )
        if self.updated is not None and newest > self.updated:
            raise ValueError(
                f"updated: is earlier than the newest change ({newest.isoformat()}); set it to "
                "that date"
            )
        updated = self.updated
        if (
            updated is not None
            and updated > self.date
            and not any(change.date == updated for change in self.changes)
        ):
            raise ValueError(
                "updated: every update of travel advice needs a change note; add to changes "
                "an entry such as " + example % updated.isoformat()
            )
        levelled = sorted((c for c in self.changes if c.level is not None), key=lambda c: c.date)
        if levelled:
            if levelled[0].date != self.date:
                raise ValueError(
                    "changes: record the level at publication too, so that the history of levels "
                    f"is complete: add {{date: {self.date.isoformat()}, level: N, note: "
                    "First published}"
                )
            if levelled[-1].level != self.level:
                raise ValueError(
                    f"level: is {self.level}, but the newest change that sets a level "
                    f"({levelled[-1].date.isoformat()}) sets {levelled[-1].level}; make them agree"
                )
        return self


class ConsularServiceContent(BaseContent):
    """A service offered by the missions: passports, visas, emergencies."""

    type: Literal["consular-service"]
    service: Literal[
        "passport", "visa", "notarial", "registration", "emergency-assistance", "other"
    ]
    fee: Text | None = None
    processing_time: Text | None = None


class CampaignContent(BaseContent):
    """A public-diplomacy campaign with its hashtag and partners."""

    type: Literal["campaign"]
    hashtag: Annotated[str, Field(json_schema_extra={"pattern": _HASHTAG.pattern})]
    start: Timestamp
    end: Timestamp | None = None
    partners: tuple[Text, ...] = ()

    @field_validator("hashtag")
    @classmethod
    def _check_hashtag(cls, value: str) -> str:
        if not _HASHTAG.match(value):
            raise ValueError(f"'{value}' is not a hashtag; write '#' and a word, e.g. #OpenHaneul")
        return value

    @model_validator(mode="after")
    def _check_period(self) -> CampaignContent:
        if self.end and self.end < self.start:
            raise ValueError("end: is before start; a campaign ends after it starts")
        return self


class FactCheckContent(BaseContent):
    """A fact-check: a circulating claim, who made it, where, and its rating."""

    type: Literal["fact-check"]
    date: Timestamp
    claim: Text
    claimant: Text
    appeared_in: Text
    # YAML 1.2 tools read a bare `false`/`true` as booleans, while our loader keeps the text;
    # the schema accepts both spellings so that editors' tools agree with the build.
    rating: Annotated[
        Literal["false", "misleading", "missing-context", "unproven", "true"],
        Field(
            json_schema_extra={
                "type": ["string", "boolean"],
                "enum": ["false", "misleading", "missing-context", "unproven", "true", False, True],
            }
        ),
    ]


class EventContent(BaseContent):
    """An event with a start, an optional end and a location."""

    type: Literal["event"]
    start: Timestamp
    end: Timestamp | None = None
    location: Text

    @model_validator(mode="after")
    def _check_period(self) -> EventContent:
        if self.end and self.end < self.start:
            raise ValueError("end: is before start; an event ends after it starts")
        return self


class MissionContent(BaseContent):
    """An embassy or consulate, with the contacts readers need."""

    #: The page is made from its fields: the contact block and the listings for its country.
    needs_body: ClassVar[bool] = False

    type: Literal["mission"]
    kind: Literal["embassy", "consulate-general", "consulate"]
    country: Country
    city: Text
    address: Text
    phone: Text
    emergency_phone: Text
    email: Text | None = None
    hours: Text | None = None
    languages_served: tuple[LanguageCode, ...] = ()
    consular_services: tuple[
        Literal["passport", "visa", "notarial", "registration", "emergency-assistance", "other"],
        ...,
    ] = ()


Content = (
    PageContent
    | NewsContent
    | StatementContent
    | TravelAdviceContent
    | ConsularServiceContent
    | CampaignContent
    | FactCheckContent
    | EventContent
    | MissionContent
)

#: The model of each content type, by the value of its ``type`` field.
MODELS: dict[str, type[BaseContent]] = {
    "page": PageContent,
    "news": NewsContent,
    "statement": StatementContent,
    "travel-advice": TravelAdviceContent,
    "consular-service": ConsularServiceContent,
    "campaign": CampaignContent,
    "fact-check": FactCheckContent,
    "event": EventContent,
    "mission": MissionContent,
}

#: A value to suggest when a field is missing or malformed.
EXAMPLES: dict[str, str] = {
    "title": '"Minister visits Paris"',
    "description": '"One sentence that says what the page is about."',
    "date": "2026-05-01T09:00:00+09:00",
    "updated": "2026-05-02T09:00:00+09:00",
    "publish_at": "2026-05-01T09:00:00+09:00",
    "expires_at": "2026-06-01T09:00:00+09:00",
    "start": "2026-05-01T09:00:00+09:00",
    "end": "2026-05-03T18:00:00+09:00",
    "kind": "statement",
    "country": "FR",
    "level": "2",
    "service": "passport",
    "hashtag": '"#OpenHaneul"',
    "claim": '"The claim, quoted"',
    "claimant": '"Who made the claim"',
    "appeared_in": '"Where the claim appeared"',
    "rating": "false",
    "location": '"Cineteca Nacional, Mexico City"',
    "city": "Paris",
    "address": '"12 avenue Hoche, 75008 Paris"',
    "phone": '"+33 1 53 75 12 00"',
    "emergency_phone": '"+33 6 07 45 12 00"',
}
