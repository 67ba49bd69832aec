"""Publication on the build clock: what is live now, and what changes in the coming days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from chancery.core.catalog import Page
from chancery.core.models import BaseContent


def is_live(content: BaseContent, now: datetime) -> bool:
    """A page is live unless it is a draft, still embargoed, or expired at ``now``."""
    if content.draft:
        return False
    if content.publish_at is not None and now < content.publish_at:
        return False
    return content.expires_at is None or now < content.expires_at


def is_listed(content: BaseContent, now: datetime) -> bool:
    """Whether a page belongs in listings and feeds: live, and not withdrawn."""
    return is_live(content, now) and content.withdrawn is None


Event = Literal["publishes", "expires", "withdrawn"]


@dataclass(frozen=True)
class ScheduledChange:
    """Something that will happen to a page on the build clock."""

    when: datetime
    event: Event
    page: Page


def upcoming(pages: Iterable[Page], now: datetime, days: int) -> tuple[ScheduledChange, ...]:
    """Embargoes that lift, pages that expire or are withdrawn within ``days`` after ``now``."""
    horizon = now + timedelta(days=days)
    changes = []
    for page in pages:
        content = page.content
        if content.draft:
            continue
        moments: list[tuple[datetime | None, Event]] = [
            (content.publish_at, "publishes"),
            (content.expires_at, "expires"),
            (content.withdrawn.date if content.withdrawn else None, "withdrawn"),
        ]
        for moment, event in moments:
            if moment is not None and now < moment <= horizon:
                changes.append(ScheduledChange(moment, event, page))
    return tuple(sorted(changes, key=lambda change: (change.when, change.page.path)))
