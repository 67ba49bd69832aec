"""The one table of interface strings, in every language of the demo portal.

A site language missing from an entry falls back to English, so that a new language can be
added before its strings are; `chancery check` reports what is missing.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "published": {
        "en": "Published",
        "ko": "게시일",
        "fr": "Publié le",
        "es": "Publicado el",
        "zh": "发布日期",
        "ar": "تاريخ النشر",
    },
    "updated": {
        "en": "Updated",
        "ko": "수정일",
        "fr": "Mis à jour le",
        "es": "Actualizado el",
        "zh": "更新日期",
        "ar": "تاريخ التحديث",
    },
}

FALLBACK_LANGUAGE = "en"


class UnknownLabelError(KeyError):
    """A template asked for a string that is not in the table."""


def label(key: str, language: str) -> str:
    """The interface string ``key`` in ``language``, or in English if it is not translated."""
    try:
        entry = LABELS[key]
    except KeyError as error:
        raise UnknownLabelError(
            f"no interface string '{key}'; add it to chancery.core.labels"
        ) from error
    return entry.get(language) or entry[FALLBACK_LANGUAGE]


def missing_labels(language: str) -> list[str]:
    """Keys of the strings that have no text in ``language``."""
    return sorted(key for key, entry in LABELS.items() if language not in entry)
