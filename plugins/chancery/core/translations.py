"""Translation state: which version of every page is current, stale or missing, and the gate.

Staleness is decided from the content alone: a translation records the hash of its source's
body when it was made, and is stale when the source's body no longer has that hash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from chancery.core.catalog import Catalog, Page
from chancery.core.languages import LanguagePolicy
from chancery.core.schedule import is_live

Tier = Literal["required", "recommended"]
Status = Literal["source", "current", "stale", "missing"]
GateMode = Literal["fail", "warn"]

DEFAULT_REQUIRED_TYPES = ("travel-advice", "consular-service", "statement")


class TranslationPolicyError(ValueError):
    """Translation settings that cannot work; the message says how to fix them."""


@dataclass(frozen=True)
class TranslationPolicy:
    """What must exist in every foreign language, how long a translation may lag, the gate."""

    required_types: frozenset[str] = frozenset(DEFAULT_REQUIRED_TYPES)
    required_max_stale_days: int = 14
    recommended_max_stale_days: int = 90
    gate: GateMode = "fail"

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> TranslationPolicy:
        """Build the policy from the plugin's ``translation_*`` options."""
        gate = str(options.get("translation_gate", "fail"))
        if gate not in ("fail", "warn"):
            raise TranslationPolicyError(f"translation_gate: '{gate}' must be fail or warn")
        required = options.get("translation_required_types", DEFAULT_REQUIRED_TYPES)
        return cls(
            required_types=frozenset(str(name) for name in required),
            required_max_stale_days=_days(options, "translation_required_max_stale_days", 14),
            recommended_max_stale_days=_days(options, "translation_recommended_max_stale_days", 90),
            gate="warn" if gate == "warn" else "fail",
        )

    def tier(self, source: Page) -> Tier:
        """The tier of a page's group, decided by its source."""
        if source.type in self.required_types or source.content.required:
            return "required"
        return "recommended"

    def max_stale_days(self, tier: Tier) -> int:
        """The grace period of a tier."""
        return (
            self.required_max_stale_days if tier == "required" else self.recommended_max_stale_days
        )


def _days(options: Mapping[str, Any], name: str, default: int) -> int:
    value = options.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TranslationPolicyError(f"{name}: '{value}' must be a whole number of days, e.g. 14")
    return value


@dataclass(frozen=True)
class Version:
    """One page's state in one language."""

    key: str
    language: str
    status: Status
    tier: Tier
    source: Page
    #: The version in this language; None when it is missing.
    page: Page | None
    #: What a stale translation was made from (its translation_of language's version).
    reference: Page | None = None
    #: When the gap opened: the reference's update for a stale page, the source's for a missing one.
    since: datetime | None = None
    age_days: int | None = None
    over_grace: bool = False
    #: Whether this gap stops the build when the gate is on.
    blocking: bool = False

    @property
    def is_gap(self) -> bool:
        """Whether readers of this language miss something: a stale or missing version."""
        return self.status in ("stale", "missing")


@dataclass(frozen=True)
class TranslationReport:
    """The state of every page in every language that needs it."""

    versions: tuple[Version, ...]
    policy: TranslationPolicy

    def get(self, key: str, language: str) -> Version | None:
        """The state of one page in one language, if that language needs it."""
        return next((v for v in self.versions if v.key == key and v.language == language), None)

    def in_language(self, language: str) -> tuple[Version, ...]:
        """Every version that readers of ``language`` should have."""
        return tuple(version for version in self.versions if version.language == language)

    def missing(self, language: str) -> tuple[Version, ...]:
        """Pages with no version in ``language``."""
        return tuple(v for v in self.in_language(language) if v.status == "missing")

    def stale(self, language: str) -> tuple[Version, ...]:
        """Translations in ``language`` whose source changed after they were made."""
        return tuple(v for v in self.in_language(language) if v.status == "stale")

    @property
    def blocking(self) -> tuple[Version, ...]:
        """Gaps that fail the parity gate."""
        return tuple(version for version in self.versions if version.blocking)

    @property
    def gate_fails(self) -> bool:
        """Whether the gate is on and some gap blocks the build."""
        return self.policy.gate == "fail" and bool(self.blocking)


def assess(
    catalog: Catalog,
    languages: LanguagePolicy,
    policy: TranslationPolicy,
    now: datetime,
    is_published: Callable[[Page], bool],
) -> TranslationReport:
    """Decide the state of every live page in every language that should have it."""
    versions: list[Version] = []
    for key in catalog.group_keys():
        source = catalog.source(key)
        if source is None or not is_published(source):
            continue
        group = catalog.group(key)
        tier = policy.tier(source)
        for language in _needed_languages(source, languages):
            page = group.get(language)
            if page is not None and not is_published(page):
                page = None
            versions.append(
                _version(key, language, source, page, group, tier, languages, policy, now)
            )
    return TranslationReport(tuple(versions), policy)


def _needed_languages(source: Page, languages: LanguagePolicy) -> Iterable[str]:
    if source.content.translation == "not-needed":
        return (source.language,)
    wanted = source.content.languages
    return tuple(code for code in languages.codes if not wanted or code in wanted)


def _version(
    key: str,
    language: str,
    source: Page,
    page: Page | None,
    group: Mapping[str, Page],
    tier: Tier,
    languages: LanguagePolicy,
    policy: TranslationPolicy,
    now: datetime,
) -> Version:
    foreign = languages.get(language).role == "foreign"
    grace = policy.max_stale_days(tier)
    if page is None:
        since = _changed_at(source)
        age = _age(since, now)
        return Version(
            key,
            language,
            "missing",
            tier,
            source,
            None,
            None,
            since,
            age,
            over_grace=age is None or age > grace,
            blocking=tier == "required" and foreign,
        )
    if page is source:
        return Version(key, language, "source", tier, source, page)
    recorded = page.content.translation_of
    assert recorded is not None  # a version that is not the source is a translation
    reference = group[recorded.language]
    if reference.matches(recorded.hash):
        return Version(key, language, "current", tier, source, page, reference)
    since = _changed_at(reference)
    age = _age(since, now)
    over_grace = age is None or age > grace
    return Version(
        key,
        language,
        "stale",
        tier,
        source,
        page,
        reference,
        since,
        age,
        over_grace=over_grace,
        blocking=tier == "required" and foreign and over_grace,
    )


def _changed_at(page: Page) -> datetime | None:
    return page.content.updated or page.content.date or page.content.publish_at


def _age(since: datetime | None, now: datetime) -> int | None:
    if since is None:
        return None
    return max(0, (now - since).days)


def fallback_original(
    catalog: Catalog, languages: LanguagePolicy, version: Version, now: datetime
) -> Page:
    """The original a fallback page shows for a ``version`` missing in its language.

    The root language's version when it is published (the language most foreign readers
    share), else the source (published: the report holds live sources only).
    """
    root = catalog.group(version.key).get(languages.root.code)
    if root is None or root.language == version.language or not is_live(root.content, now):
        return version.source
    return root
