"""The language policy: which languages a site has, their roles and their order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from babel import Locale, UnknownLocaleError

Role = Literal["domestic", "foreign"]


class PolicyError(ValueError):
    """A language policy that cannot work, with the fix in its message."""


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    role: Role
    name: str
    direction: Literal["ltr", "rtl"]


@dataclass(frozen=True)
class LanguagePolicy:
    """The languages in policy order. The first foreign language is served at the site root."""

    languages: tuple[Language, ...]

    @classmethod
    def from_roles(cls, roles: list[tuple[str, Role]]) -> LanguagePolicy:
        """Build the policy from ``(code, role)`` pairs in policy order."""
        if not roles:
            raise PolicyError("no languages configured; list at least one foreign language")
        seen: set[str] = set()
        languages = []
        for code, role in roles:
            if code in seen:
                raise PolicyError(f"language '{code}' is listed twice; list each language once")
            seen.add(code)
            languages.append(_describe(code, role))
        domestic = [language for language in languages if language.role == "domestic"]
        if len(domestic) > 1:
            raise PolicyError(
                "more than one domestic language "
                f"({', '.join(language.code for language in domestic)}); mark one as domestic"
            )
        if not any(language.role == "foreign" for language in languages):
            raise PolicyError(
                "no foreign language; a portal for foreign readers needs at least one"
            )
        return cls(tuple(languages))

    @property
    def codes(self) -> tuple[str, ...]:
        """Language codes in policy order."""
        return tuple(language.code for language in self.languages)

    @property
    def root(self) -> Language:
        """The first foreign language: served at the site root, and hreflang x-default."""
        return next(language for language in self.languages if language.role == "foreign")

    @property
    def domestic(self) -> Language | None:
        """The ministry's own language, if the site has one."""
        return next((language for language in self.languages if language.role == "domestic"), None)

    def get(self, code: str) -> Language:
        """The language with this code."""
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def url_prefix(self, code: str) -> str:
        """The path under which a language is served: '' for the root language, else 'xx/'."""
        return "" if code == self.root.code else f"{code}/"


def _describe(code: str, role: Role) -> Language:
    if role not in ("domestic", "foreign"):
        raise PolicyError(f"language '{code}': role '{role}' must be domestic or foreign")
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError) as error:
        raise PolicyError(
            f"'{code}' is not a language code Babel knows; use one such as fr, ar or zh"
        ) from error
    direction: Literal["ltr", "rtl"] = "rtl" if locale.character_order == "right-to-left" else "ltr"
    name = locale.get_display_name(locale) or code
    return Language(code=code, role=role, name=name, direction=direction)
