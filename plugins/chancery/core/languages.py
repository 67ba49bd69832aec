"""The language policy: which languages a site has, their roles, their order, and their root.

Languages are BCP 47 tags (`pt-BR`, `zh-Hant`, `sr-Latn`), written as such in folder names,
`lang`, hreflang, feeds and search; Babel's CLDR data gives each its name and direction. Each
language is declared once, in chancery/content's `languages`, with everything that differs by
language: its role, and the ministry's name in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from babel import Locale, UnknownLocaleError

Role = Literal["domestic", "foreign"]

#: A BCP 47 tag as sites use them: a language, then an optional script and an optional region.
_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


class PolicyError(ValueError):
    """A language policy that cannot work, with the fix in its message."""


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    #: The BCP 47 tag, as declared: 'en', 'pt-BR', 'zh-Hant'.
    code: str
    role: Role
    #: The language's own name (its autonym), as the language menu shows it.
    name: str
    direction: Literal["ltr", "rtl"]
    #: The ministry's name in this language (the site's name for its readers).
    site_name: str | None = None

    @property
    def locale(self) -> str:
        """The Babel (CLDR) identifier of the language: 'pt_BR', 'zh_Hant'."""
        return self.code.replace("-", "_")

    @property
    def babel(self) -> Locale:
        """The Babel locale, for dates, numbers and the names of languages and countries."""
        return babel_locale(self.code)


@dataclass(frozen=True)
class LanguageDeclaration:
    """One entry of chancery/content's `languages`, before it is checked."""

    code: str
    role: Role = "foreign"
    name: str | None = None
    site_name: str | None = None

    @classmethod
    def from_option(cls, entry: Mapping[str, Any]) -> LanguageDeclaration:
        """Read one `languages` entry of mkdocs.yml."""
        role = entry.get("role", "foreign")
        return cls(
            code=str(entry.get("code", "")),
            role=role,
            name=entry.get("name"),
            site_name=entry.get("site_name"),
        )


@dataclass(frozen=True)
class LanguagePolicy:
    """The languages in policy order, and the one served at the site root."""

    languages: tuple[Language, ...]
    root_code: str
    #: The language originals are usually written in (see ``source``).
    source_code: str = ""

    @classmethod
    def from_roles(
        cls, roles: Iterable[tuple[str, Role]], root: str | None = None
    ) -> LanguagePolicy:
        """Build the policy from ``(code, role)`` pairs in policy order."""
        return cls.declare([LanguageDeclaration(code, role) for code, role in roles], root)

    @classmethod
    def declare(
        cls,
        declarations: Iterable[LanguageDeclaration],
        root: str | None = None,
        source: str | None = None,
    ) -> LanguagePolicy:
        """Build the policy from the declared languages, in policy order.

        ``root`` is the language served at the site root and named by hreflang x-default; by
        default the first foreign language (foreign readers come first). ``source`` is the
        language originals are usually written in; by default the domestic one, else the root.
        """
        listed = list(declarations)
        if not listed:
            raise PolicyError("no languages configured; list at least one foreign language")
        seen: set[str] = set()
        languages = []
        for declaration in listed:
            if declaration.code.lower() in seen:
                raise PolicyError(
                    f"language '{declaration.code}' is listed twice; list each language once"
                )
            seen.add(declaration.code.lower())
            languages.append(_describe(declaration))
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
        codes = [language.code for language in languages]
        if root is None:
            root = next(language.code for language in languages if language.role == "foreign")
        elif root not in codes:
            raise PolicyError(
                f"root_language: '{root}' is not one of the languages ({', '.join(codes)}); "
                "name one of them, or remove the setting to serve the first foreign one"
            )
        if source is None:
            source = domestic[0].code if domestic else root
        elif source not in codes:
            raise PolicyError(
                f"source_language: '{source}' is not one of the languages ({', '.join(codes)}); "
                "name one of them, or remove the setting"
            )
        return cls(tuple(languages), root, source)

    @property
    def codes(self) -> tuple[str, ...]:
        """Language codes in policy order."""
        return tuple(language.code for language in self.languages)

    @property
    def root(self) -> Language:
        """The language served at the site root, and hreflang x-default."""
        return self.get(self.root_code)

    @property
    def source(self) -> Language:
        """The language originals are usually written in.

        A translation group with no recorded source takes its version in this language as the
        source (`source_language`; by default the domestic language, else the root one).
        """
        return self.get(self.source_code or self.root_code)

    @property
    def domestic(self) -> Language | None:
        """The ministry's own language, if the site has one."""
        return next((language for language in self.languages if language.role == "domestic"), None)

    @property
    def foreign(self) -> tuple[Language, ...]:
        """The foreign languages, in policy order."""
        return tuple(language for language in self.languages if language.role == "foreign")

    def get(self, code: str) -> Language:
        """The language with this code."""
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def url_prefix(self, code: str) -> str:
        """The path under which a language is served: '' for the root language, else 'xx/'."""
        return "" if code == self.root_code else f"{code}/"


def _describe(declaration: LanguageDeclaration) -> Language:
    code, role = declaration.code, declaration.role
    if role not in ("domestic", "foreign"):
        raise PolicyError(f"language '{code}': role '{role}' must be domestic or foreign")
    locale = parse_tag(code)
    direction: Literal["ltr", "rtl"] = "rtl" if locale.character_order == "right-to-left" else "ltr"
    name = declaration.name or autonym(locale) or code
    return Language(code, role, name, direction, declaration.site_name)


def parse_tag(code: str) -> Locale:
    """The Babel locale of a BCP 47 tag, or PolicyError saying how to write it."""
    if not _TAG.match(code):
        suggestion = suggest_tag(code)
        hint = f"; write it as '{suggestion}'" if suggestion and suggestion != code else ""
        raise PolicyError(
            f"'{code}' is not a BCP 47 language tag such as fr, pt-BR or zh-Hant{hint}"
        )
    try:
        return Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError) as error:
        raise PolicyError(
            f"'{code}' is not a language CLDR knows; use a tag such as fr, pt-BR or zh-Hant"
        ) from error


def autonym(locale: Locale) -> str:
    """A language's name in itself, capitalised as a menu entry: 'Português (Brasil)'."""
    name = locale.get_display_name(locale) or ""
    return name[:1].upper() + name[1:]


def suggest_tag(code: str) -> str | None:
    """The BCP 47 spelling of a language code: 'pt_br' -> 'pt-BR', 'ZH-hant' -> 'zh-Hant'."""
    parts = re.split(r"[-_]", code)
    if not parts or not parts[0].isalpha():
        return None
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            fixed.append(part.title())
        elif len(part) in (2, 3):
            fixed.append(part.upper())
        else:
            return None
    return "-".join(fixed)


@cache
def babel_locale(tag: str) -> Locale:
    """The Babel (CLDR) locale of a BCP 47 tag such as 'pt-BR' or 'zh-Hant'."""
    return Locale.parse(tag.replace("-", "_"))


def language_name(code: str, in_language: str) -> str:
    """A language's name in another language, from CLDR.

    'pt-BR' in French is 'portugais (Brésil)'; the tag itself when CLDR does not know it.
    """
    try:
        return babel_locale(code).get_display_name(babel_locale(in_language)) or code
    except (ValueError, UnknownLocaleError):
        return code


def country_name(code: str, language: str) -> str:
    """A country's name (ISO 3166 code) in ``language``, from CLDR."""
    return str(babel_locale(language).territories.get(code, code))
