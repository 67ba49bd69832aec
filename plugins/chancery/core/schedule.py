"""Whether a page is live on the build clock: drafts, embargoes and expiry."""

from __future__ import annotations

from datetime import datetime

from chancery.core.models import BaseContent


def is_live(content: BaseContent, now: datetime) -> bool:
    """A page is live unless it is a draft, still embargoed, or expired at ``now``."""
    if content.draft:
        return False
    if content.publish_at is not None and now < content.publish_at:
        return False
    return content.expires_at is None or now < content.expires_at
