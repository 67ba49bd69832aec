"""What templates need to show a page in the reader's language: strings, dates and names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_datetime
from markupsafe import Markup

from chancery.core.catalog import Page
from chancery.core.languages import Language, babel_locale, country_name, language_name
from chancery.core.models import BaseContent
from chancery.core.strings import Strings


@dataclass(frozen=True)
class TranslationNotice:
    """What a reader must be told about the language of what they read."""

    #: "missing": the page is shown in its original language; "stale": the original changed.
    kind: Literal["missing", "stale"]
    #: The language of the original (for a stale page: of the version it was translated from).
    original: Language
    #: Site-relative URL of that original (templates pass it through MkDocs' `url` filter).
    original_url: str
    #: When the original last changed, if it says.
    original_updated: datetime | None = None


@dataclass(frozen=True)
class PageView:
    """The current page and the reader's language, with formatting helpers for templates."""

    language: Language
    page: Page | None
    notice: TranslationNotice | None = None
    #: The language the page's text is written in, when it is not the reader's (a fallback).
    text_language: Language | None = None
    #: (hreflang, absolute URL) of every real version of the page, then x-default.
    hreflang: tuple[tuple[str, str], ...] = ()
    #: The page's real versions in other languages, with their site-relative URLs.
    versions: tuple[tuple[Language, str], ...] = ()
    #: For a political page from an earlier administration: that administration's name.
    administration: str | None = None
    #: The build's interface strings (chancery.core.strings).
    strings: Strings = field(kw_only=True, repr=False)

    @property
    def content(self) -> BaseContent | None:
        """The page's typed front matter."""
        return self.page.content if self.page else None

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', for the reader's language."""
        return self.language.direction

    @property
    def body_language(self) -> Language:
        """The language of the page's own text: the reader's, or the original's for a fallback."""
        return self.text_language or self.language

    def offers(self) -> list[dict[str, str]]:
        """For each real version in another language: an offer to read it, in that language.

        A script shows the one matching the reader's browser language, if any; nothing
        redirects.
        """
        return [
            {
                "lang": language.code,
                "dir": language.direction,
                "url": url,
                "text": self.strings.text("suggest.available", language.code),
                "open": self.strings.text("suggest.open", language.code),
                "dismiss": self.strings.text("suggest.dismiss", language.code),
            }
            for language, url in self.versions
            if language.code != self.language.code
        ]

    def withdrawal_message(self) -> str:
        """The withdrawal notice in the reader's language, or '' for a page that stands."""
        content = self.content
        if content is None or content.withdrawn is None:
            return ""
        key = "lifecycle.withdrawn"
        locale = self._locale_of(key)
        return self.t(key).format(date=_long_date(content.withdrawn.date, locale))

    def administration_message(self) -> str:
        """The earlier-administration notice in the reader's language, or ''."""
        if self.administration is None:
            return ""
        return self.t("lifecycle.administration").format(administration=self.administration)

    def notice_message(self) -> str:
        """The translation notice in the reader's language, or '' when there is none."""
        notice = self.notice
        if notice is None:
            return ""
        if notice.kind == "missing":
            key = "notice.missing"
        else:
            key = "notice.stale_undated" if notice.original_updated is None else "notice.stale"
        written = self.strings.language_of(key, self.language.code)
        return self.t(key).format(
            language=language_name(self.language.code, written),
            original=language_name(notice.original.code, written),
            date=_long_date(notice.original_updated, babel_locale(written))
            if notice.original_updated
            else "",
        )

    def document_title(self, title: str | None, site_name: str, is_homepage: bool) -> str:
        """The page's <title>: its title and the site's name, in one language, never twice.

        The home page is the site's name alone. A fallback page, shown in its original's
        language, names the site in that language too, so that the title is in one language.
        """
        shown = self.text_language
        site = shown.site_name if shown is not None and shown.site_name else site_name
        # Front-matter titles reach templates escaped (see chancery/content): the template
        # escapes what this returns, once.
        text = title.unescape() if isinstance(title, Markup) else title
        if not text or is_homepage or text == site:
            return site
        return f"{text} - {site}"

    def t(self, key: str) -> str:
        """An interface string in the reader's language."""
        return self.strings.text(key, self.language.code)

    def n(self, key: str, count: int) -> str:
        """The form of an interface string that goes with ``count`` ({count} left to fill)."""
        return self.strings.plural(key, self.language.code, count)

    def date(self, moment: datetime) -> str:
        """A long date in the reader's language, on the day the content gives (not ours)."""
        return _long_date(moment, self.language.babel)

    def datetime(self, moment: datetime) -> str:
        """A date and time in the reader's language, in the time zone the content gives."""
        return format_datetime(
            moment, format="medium", tzinfo=moment.tzinfo, locale=self.language.babel
        )

    def country(self, code: str) -> str:
        """A country's name in the reader's language."""
        return country_name(code, self.language.code)

    def language_name(self, code: str) -> str:
        """A language's name in the reader's language."""
        return language_name(code, self.language.code)

    def _locale_of(self, key: str) -> Locale:
        """The locale of the language string ``key`` is shown in (English as a last resort)."""
        return babel_locale(self.strings.language_of(key, self.language.code))


def _long_date(moment: datetime, locale: Locale | str) -> str:
    """A long date, on the day the content gives (not ours)."""
    return format_date(moment.date(), format="long", locale=locale)
