"""Which of a theme's interface languages serves a BCP 47 tag.

Material ships its interface strings as one partial per language, named by its own codes
(`pt-BR`, `zh` for Simplified Chinese, `zh-Hant`, `sh` for Serbian in Latin script). A site
language is served by the partial that names it exactly, else by the closest one: the same
language and script, the same language and region, then the language alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale

#: Tags whose closest partial does not follow from the tag itself.
ALIASES = {
    "zh-Hans": "zh",
    "zh-CN": "zh",
    "zh-SG": "zh",
    "zh-TW": "zh-Hant",
    "zh-HK": "zh-Hant",
    "zh-MO": "zh-Hant",
    "sr-Latn": "sh",
    "no": "nb",
    "fil": "tl",
    "iw": "he",
}


def theme_language(tag: str, available: Iterable[str]) -> str | None:
    """The partial of ``available`` that serves ``tag``, or None when none does."""
    names = set(available)
    for candidate in _candidates(tag):
        if candidate in names:
            return candidate
    return None


def _candidates(tag: str) -> list[str]:
    locale = Locale.parse(tag, sep="-")
    language, script, territory = locale.language, locale.script, locale.territory
    tags = [tag]
    if script:
        tags.append(f"{language}-{script}")
    if territory:
        tags.append(f"{language}-{territory}")
    tags.append(language)
    candidates = []
    for candidate in tags:
        candidates += [candidate, ALIASES.get(candidate, "")]
    return [candidate for candidate in candidates if candidate]
