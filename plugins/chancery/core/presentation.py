"""What templates need to show a page in the reader's language: strings, dates and names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel import Locale
from babel.dates import format_date, format_datetime

from chancery.core.catalog import Page
from chancery.core.labels import label
from chancery.core.languages import Language
from chancery.core.models import BaseContent


@dataclass(frozen=True)
class PageView:
    """The current page and the reader's language, with formatting helpers for templates."""

    language: Language
    page: Page | None

    @property
    def content(self) -> BaseContent | None:
        """The page's typed front matter."""
        return self.page.content if self.page else None

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', for the reader's language."""
        return self.language.direction

    def t(self, key: str) -> str:
        """An interface string in the reader's language."""
        return label(key, self.language.code)

    def date(self, moment: datetime) -> str:
        """A long date in the reader's language, on the day the content gives (not ours)."""
        return format_date(moment.date(), format="long", locale=self.language.code)

    def datetime(self, moment: datetime) -> str:
        """A date and time in the reader's language, in the time zone the content gives."""
        return format_datetime(
            moment, format="medium", tzinfo=moment.tzinfo, locale=self.language.code
        )

    def country(self, code: str) -> str:
        """A country's name in the reader's language."""
        return str(Locale.parse(self.language.code).territories.get(code, code))

    def language_name(self, code: str) -> str:
        """A language's name in the reader's language."""
        return str(Locale.parse(self.language.code).languages.get(code, code))
