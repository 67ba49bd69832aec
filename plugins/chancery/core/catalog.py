"""The catalog: every page of every language, read and checked once."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from chancery.core.errors import ContentError, ContentErrors
from chancery.core.models import BaseContent
from chancery.core.source import SourceError, read_source
from chancery.core.validation import validate_front_matter

#: Editor and backup files that must never reach the site.
_BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".orig", ".rej", ".tmp")


def is_ignored(relative_path: str) -> bool:
    """Whether a path under the content folder is an editor file or in a private folder.

    Folders and files starting with '_' or '.' hold drafts, notes and tooling, and backup files
    (``*~``, ``*.bak``, ``*.swp``, ``.#*``) are left behind by editors; none is ever published.
    """
    parts = PurePosixPath(relative_path).parts
    if any(part.startswith(("_", ".")) for part in parts):
        return True
    return parts[-1].endswith(_BACKUP_SUFFIXES) if parts else False


def body_hash(body: str) -> str:
    """A short, stable hash of a Markdown body, blind to line ends and trailing spaces."""
    normal = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Page:
    """One content file, checked and typed."""

    path: str
    language: str
    key: str
    content: BaseContent
    body: str
    body_hash: str

    @property
    def type(self) -> str:
        """The content type, e.g. 'news'."""
        return self.content.type


@dataclass(frozen=True)
class Catalog:
    """Every page of every language, with its translation group."""

    languages: tuple[str, ...]
    pages: tuple[Page, ...]
    _by_path: Mapping[str, Page] = field(repr=False, compare=False)
    _groups: Mapping[str, Mapping[str, Page]] = field(repr=False, compare=False)

    @classmethod
    def from_pages(cls, languages: tuple[str, ...], pages: Iterable[Page]) -> Catalog:
        """Index ``pages``; the caller has checked that keys are unique per language."""
        ordered = tuple(sorted(pages, key=lambda page: page.path))
        groups: dict[str, dict[str, Page]] = defaultdict(dict)
        for page in ordered:
            groups[page.key][page.language] = page
        return cls(
            languages,
            ordered,
            MappingProxyType({page.path: page for page in ordered}),
            MappingProxyType({key: MappingProxyType(group) for key, group in groups.items()}),
        )

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)

    def get(self, path: str) -> Page | None:
        """The page at a content path such as 'fr/news/visit.md'."""
        return self._by_path.get(path)

    def group(self, key: str) -> Mapping[str, Page]:
        """The versions of one page, by language."""
        return self._groups.get(key, MappingProxyType({}))

    def translations(self, page: Page) -> Mapping[str, Page]:
        """Every version of ``page``'s group, itself included."""
        return self.group(page.key)

    def source(self, key: str) -> Page | None:
        """The version of a group that is not a translation, if there is exactly one."""
        sources = [page for page in self.group(key).values() if page.content.translation_of is None]
        return sources[0] if len(sources) == 1 else None

    def group_keys(self) -> tuple[str, ...]:
        """Every translation group key, sorted."""
        return tuple(sorted(self._groups))

    def in_language(self, language: str) -> tuple[Page, ...]:
        """Pages written in ``language``."""
        return tuple(page for page in self.pages if page.language == language)

    def of_type(self, type_name: str) -> tuple[Page, ...]:
        """Pages of one content type."""
        return tuple(page for page in self.pages if page.type == type_name)

    def for_audience(self, audience: str) -> tuple[Page, ...]:
        """Pages addressed to an audience (a region slug or a country code)."""
        return tuple(page for page in self.pages if audience in page.content.audiences)

    def tagged(self, tag: str) -> tuple[Page, ...]:
        """Pages with a tag."""
        return tuple(page for page in self.pages if tag in page.content.tags)


def load_catalog(
    content_dir: Path,
    languages: tuple[str, ...],
    project_dir: Path | None = None,
    *,
    check_groups: bool = True,
    regions: tuple[str, ...] | None = None,
) -> Catalog:
    """Read and check every Markdown file under ``content_dir``.

    Raise ContentErrors listing every problem in the tree, so that editors fix them in one pass;
    return the catalog only when there are none. Errors name files relative to ``project_dir``
    (the folder of mkdocs.yml), as editors see them: ``content/fr/news/visit.md:4``.
    ``check_groups=False`` skips the translation-group checks, for the tools that repair them.
    ``regions`` are the site's region slugs, the only slugs allowed in ``audiences`` (None
    leaves them unchecked).
    """
    shown_prefix = _display_prefix(content_dir, project_dir)
    errors: list[ContentError] = []
    pages: list[Page] = []
    for file in sorted(content_dir.resolve().rglob("*.md")):
        relative = file.relative_to(content_dir.resolve()).as_posix()
        if is_ignored(relative) or not file.is_file():
            continue
        shown = shown_prefix + relative
        page = _read_page(file, relative, shown, languages, errors, regions)
        if page is not None:
            pages.append(page)
    errors.extend(_duplicate_keys(pages, shown_prefix))
    if check_groups and not errors:
        errors.extend(_check_groups(pages, shown_prefix))
    if errors:
        raise ContentErrors(errors)
    return Catalog.from_pages(languages, pages)


def _display_prefix(content_dir: Path, project_dir: Path | None) -> str:
    if project_dir is not None and content_dir.resolve().is_relative_to(project_dir.resolve()):
        return content_dir.resolve().relative_to(project_dir.resolve()).as_posix() + "/"
    return ""


def _read_page(
    file: Path,
    relative: str,
    shown: str,
    languages: tuple[str, ...],
    errors: list[ContentError],
    regions: tuple[str, ...] | None = None,
) -> Page | None:
    language, _, inner = relative.partition("/")
    if not inner or language not in languages:
        errors.append(
            ContentError(
                shown,
                0,
                "",
                "is not inside a language folder; move it to content/<language>/, "
                f"with <language> one of {', '.join(languages)}",
            )
        )
        return None
    try:
        document = read_source(file, shown)
    except SourceError as error:
        errors.append(error.error)
        return None
    content, problems = validate_front_matter(
        document.front_matter,
        shown,
        language,
        languages,
        regions=regions,
        body=document.body,
        end_line=document.end_line,
    )
    if content is None:
        errors.extend(problems)
        return None
    key = content.translation_key or inner
    return Page(relative, language, key, content, document.body, body_hash(document.body))


def _duplicate_keys(pages: list[Page], shown_prefix: str) -> list[ContentError]:
    seen: dict[tuple[str, str], Page] = {}
    errors = []
    for page in pages:
        earlier = seen.setdefault((page.language, page.key), page)
        if earlier is not page:
            errors.append(
                ContentError(
                    shown_prefix + page.path,
                    0,
                    "translation_key",
                    f"'{page.key}' is already used by {shown_prefix}{earlier.path}; "
                    "give each page its own key",
                )
            )
    return errors


def _check_groups(pages: list[Page], shown_prefix: str) -> list[ContentError]:
    """Each group needs exactly one source, and each translation a version to come from."""
    groups: dict[str, dict[str, Page]] = defaultdict(dict)
    for page in pages:
        groups[page.key][page.language] = page
    errors = []
    for group in groups.values():
        sources = [page for page in group.values() if page.content.translation_of is None]
        for extra in sources[1:]:
            errors.append(
                ContentError(
                    shown_prefix + extra.path,
                    0,
                    "translation_of",
                    f"missing, but {shown_prefix}{sources[0].path} is already the source of this "
                    "page; record what this version was translated from with "
                    f"`chancery translate --mark-current {shown_prefix}{extra.path} "
                    f"--from {sources[0].language}`",
                )
            )
        dangling = 0
        for page in group.values():
            recorded = page.content.translation_of
            if recorded is not None and recorded.language not in group:
                dangling += 1
                errors.append(
                    ContentError(
                        shown_prefix + page.path,
                        0,
                        "translation_of.language",
                        f"there is no '{recorded.language}' version of this page "
                        f"({shown_prefix}{recorded.language}/{page.path.partition('/')[2]}); "
                        "name the language it was translated from",
                    )
                )
        if not sources and not dangling:
            first = min(group.values(), key=lambda page: page.path)
            errors.append(
                ContentError(
                    shown_prefix + first.path,
                    0,
                    "translation_of",
                    "every version of this page says it is a translation; remove translation_of "
                    "from the original",
                )
            )
    return errors
