"""The one build clock that every publication decision uses."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

CLOCK_VARIABLE = "CHANCERY_NOW"


class ClockError(ValueError):
    """CHANCERY_NOW is set to something that is not an ISO 8601 time with an offset."""


def build_now(environ: Mapping[str, str] | None = None) -> datetime:
    """The time given in CHANCERY_NOW, or else the wall clock, always with an offset.

    We do not read SOURCE_DATE_EPOCH: a scheduled rebuild must release what became due since
    the last commit.
    """
    value = (os.environ if environ is None else environ).get(CLOCK_VARIABLE, "").strip()
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise ClockError(
            f"{CLOCK_VARIABLE}='{value}' is not an ISO 8601 time; "
            "set it like 2026-05-01T09:00:00+09:00"
        ) from error
    if moment.tzinfo is None:
        raise ClockError(
            f"{CLOCK_VARIABLE}='{value}' needs a UTC offset, e.g. 2026-05-01T09:00:00+09:00"
        )
    return moment
