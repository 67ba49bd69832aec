"""Topics: the tags pages carry, and their names in every language of the site.

A tag is a slug in front matter (`tags: [climate]`); readers see its name in their language,
never the slug. The names live in a data file of the content folder (`_tags.yml` by default),
translated like the rest of the content:

    climate:
      en: Climate
      fr: Climat

A campaign's file name is also a tag (content that is part of the campaign); its name in each
language is the campaign's title there.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from chancery.core.errors import ContentError
from chancery.core.models import slug_problem
from chancery.core.source import MAX_FRONT_MATTER_BYTES
from chancery.core.strict_yaml import StrictYamlError, load_mapping

#: A tags file holds names, not articles.
MAX_TAGS_FILE_BYTES = 16 * MAX_FRONT_MATTER_BYTES


@dataclass(frozen=True)
class Topics:
    """The site's tags and their names, by language."""

    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Where the names come from, as editors see it (for messages).
    source: str = "content/_tags.yml"
    #: The file line of each tag, for messages.
    lines: Mapping[str, int] = field(default_factory=dict)

    def __contains__(self, tag: object) -> bool:
        return tag in self.names

    def name(self, tag: str, language: str) -> str | None:
        """The tag's name in ``language``, or None when it has none there."""
        return self.names.get(tag, {}).get(language)

    def suggest(self, tag: str) -> str:
        """' (did you mean ...?)' for a tag that is not declared, or ''."""
        close = difflib.get_close_matches(tag, list(self.names), n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""

    def missing(self, languages: Iterable[str], used: Iterable[str]) -> list[tuple[str, str]]:
        """(tag, language) for each tag in ``used`` with no name in a language."""
        wanted = tuple(languages)
        return [
            (tag, language)
            for tag in sorted(set(used))
            if tag in self.names
            for language in wanted
            if not self.names[tag].get(language)
        ]


def load_topics(path: Path, shown: str) -> tuple[Topics, list[ContentError]]:
    """Read a tags file; a missing file declares no tags. Errors name the file and line."""
    if not path.is_file():
        return Topics(source=shown), []
    if path.stat().st_size > MAX_TAGS_FILE_BYTES:
        return Topics(source=shown), [
            ContentError(
                shown, 1, "", f"is over {MAX_TAGS_FILE_BYTES // 1024} KiB; it holds names only"
            )
        ]
    try:
        loaded = load_mapping(path.read_bytes().decode("utf-8-sig"), first_line=1)
    except UnicodeDecodeError:
        return Topics(source=shown), [ContentError(shown, 1, "", "not UTF-8; save it as UTF-8")]
    except StrictYamlError as error:
        return Topics(source=shown), [ContentError(shown, error.line, error.field, error.message)]
    names: dict[str, Mapping[str, str]] = {}
    errors: list[ContentError] = []
    for tag, value in loaded.data.items():
        line = loaded.lines.get((tag,), 1)
        problem = slug_problem(tag)
        if problem:
            errors.append(ContentError(shown, line, tag, problem))
            continue
        if not isinstance(value, dict) or not all(
            isinstance(name, str) and name.strip() for name in value.values()
        ):
            errors.append(
                ContentError(
                    shown,
                    line,
                    tag,
                    "must list the tag's name in each language, e.g. `en: Climate` on an "
                    "indented line below it",
                )
            )
            continue
        names[tag] = MappingProxyType(
            {str(code): str(name).strip() for code, name in value.items()}
        )
    lines = {str(key[0]): line for key, line in loaded.lines.items() if len(key) == 1}
    return Topics(MappingProxyType(names), shown, MappingProxyType(lines)), errors
