"""Administrations: which government a political page was published under."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class AdministrationError(ValueError):
    """An administrations setting that cannot work; the message says how to fix it."""


@dataclass(frozen=True)
class Administration:
    """A government's term, with its name in each language."""

    names: Mapping[str, str]
    start: datetime
    end: datetime | None

    def name(self, language: str, fallback: str) -> str:
        """The administration's name in ``language``, else in ``fallback``."""
        return (
            self.names.get(language) or self.names.get(fallback) or next(iter(self.names.values()))
        )

    def covers(self, moment: datetime) -> bool:
        """Whether ``moment`` falls within the term."""
        return self.start <= moment and (self.end is None or moment < self.end)


def parse_administrations(entries: Sequence[Mapping[str, Any]]) -> tuple[Administration, ...]:
    """Read the ``administrations`` option: names per language, start and optional end."""
    result = []
    for index, entry in enumerate(entries):
        where = f"administrations[{index}]"
        names = entry.get("name")
        if not isinstance(names, Mapping) or not names:
            raise AdministrationError(f"{where}.name: give the name per language, e.g. {{en: ...}}")
        start = _moment(entry.get("start"), f"{where}.start")
        end = _moment(entry["end"], f"{where}.end") if entry.get("end") is not None else None
        if start is None:
            raise AdministrationError(f"{where}.start: required, e.g. 2022-05-10T00:00:00+09:00")
        if end is not None and end <= start:
            raise AdministrationError(f"{where}.end: is not after start")
        result.append(Administration({str(k): str(v) for k, v in names.items()}, start, end))
    ordered = tuple(sorted(result, key=lambda administration: administration.start))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.end is None or earlier.end > later.start:
            raise AdministrationError(
                "administrations overlap; give every administration but the last an end that "
                "is not after the next one's start"
            )
    return ordered


def administration_at(
    administrations: Sequence[Administration], moment: datetime
) -> Administration | None:
    """The administration in office at ``moment``, if any is configured."""
    return next((item for item in administrations if item.covers(moment)), None)


def _moment(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError as error:
            raise AdministrationError(
                f"{where}: '{value}' is not a timestamp; write it like 2022-05-10T00:00:00+09:00"
            ) from error
    if moment.tzinfo is None:
        raise AdministrationError(f"{where}: needs a UTC offset, e.g. 2022-05-10T00:00:00+09:00")
    return moment
