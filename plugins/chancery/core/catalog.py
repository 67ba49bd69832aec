"""The catalog: every page of every language, read and checked once."""

from __future__ import annotations

import hashlib
import posixpath
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from chancery.core.errors import ContentError, ContentErrors
from chancery.core.models import BaseContent
from chancery.core.publication import ContentTree, scan_content
from chancery.core.source import SourceError, read_source
from chancery.core.taxonomy import Topics
from chancery.core.validation import validate_front_matter

#: Front-matter fields that decide when a page is public; a translation follows its source's.
LIFECYCLE_FIELDS = ("draft", "publish_at", "expires_at")


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
    #: The file line of each top-level front-matter field, for messages.
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def type(self) -> str:
        """The content type, e.g. 'news'."""
        return self.content.type

    def matches(self, recorded_hash: str) -> bool:
        """Whether a translation made when this body had ``recorded_hash`` is still current.

        It is when the hash is this body's, or an earlier body's that only minor edits
        (``minor_edits``, recorded by `chancery translate --minor`) separate from this one.
        """
        current = self.body_hash
        earlier = {edit.after: edit.before for edit in self.content.minor_edits}
        seen: set[str] = set()
        while current not in seen:
            if current == recorded_hash:
                return True
            seen.add(current)
            current = earlier.get(current, current)
        return False


@dataclass(frozen=True)
class Catalog:
    """Every page of every language, with its translation group."""

    languages: tuple[str, ...]
    pages: tuple[Page, ...]
    _by_path: Mapping[str, Page] = field(repr=False, compare=False)
    _groups: Mapping[str, Mapping[str, Page]] = field(repr=False, compare=False)
    #: Every other file of the content folder: assets, withheld files.
    tree: ContentTree | None = field(default=None, repr=False, compare=False)
    #: Problems that do not stop the build, such as a translation's own embargo.
    warnings: tuple[ContentError, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_pages(
        cls,
        languages: tuple[str, ...],
        pages: Iterable[Page],
        tree: ContentTree | None = None,
        warnings: Iterable[ContentError] = (),
    ) -> Catalog:
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
            tree,
            tuple(sorted(warnings)),
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

    def order(self, page: Page) -> int | None:
        """Where ``page`` stands among its section's pages: its group's source decides."""
        source = self.source(page.key)
        return (source or page).content.order

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
    root_language: str | None = None,
    directory_urls: bool = True,
    public_files: tuple[str, ...] = (),
    topics: Topics | None = None,
    source_language: str | None = None,
) -> Catalog:
    """Read and check every file under ``content_dir``.

    Raise ContentErrors listing every problem in the tree, so that editors fix them in one pass;
    return the catalog only when there are none. Errors name files relative to ``project_dir``
    (the folder of mkdocs.yml), as editors see them: ``content/fr/news/visit.md:4``.
    ``check_groups=False`` skips the translation-group checks, for the tools that repair them.
    ``regions`` are the site's region slugs, the only slugs allowed in ``audiences`` (None
    leaves them unchecked). ``root_language`` is the language served at the site root, whose
    folders must not take another language's address; ``directory_urls`` is MkDocs'
    use_directory_urls, which decides the address of each page; ``public_files`` are the
    assets published even when no page references them (see publication.scan_content).
    ``topics`` are the site's declared tags, the only tags pages may carry besides campaigns'
    (None leaves tags unchecked). ``source_language`` is the policy's source language, which a
    group with several would-be sources is told to record as the source.
    """
    shown_prefix = _display_prefix(content_dir, project_dir)
    tree = scan_content(
        content_dir, languages, shown_prefix=shown_prefix, public_files=public_files
    )
    errors: list[ContentError] = list(tree.errors)
    pages: list[Page] = []
    root = content_dir.resolve()
    for relative in tree.pages:
        page = _read_page(
            root / relative, relative, shown_prefix + relative, languages, errors, regions
        )
        if page is not None:
            pages.append(page)
    errors.extend(_duplicate_keys(pages, shown_prefix))
    errors.extend(_address_collisions(pages, shown_prefix, root_language, directory_urls))
    errors.extend(_alias_collisions(pages, shown_prefix, root_language, directory_urls))
    if topics is not None:
        errors.extend(_undeclared_tags(pages, shown_prefix, topics))
    warnings: list[ContentError] = []
    if check_groups and not errors:
        errors.extend(_check_groups(pages, shown_prefix, source_language))
        if not errors:
            pages = _follow_sources(pages, shown_prefix, warnings)
    if errors:
        raise ContentErrors(errors)
    return Catalog.from_pages(languages, pages, tree, warnings)


def page_address(inner: str, directory_urls: bool = True) -> str:
    """Where a page whose path inside its language folder is ``inner`` is written.

    'news/visit.md' -> 'news/visit/index.html' (or 'news/visit.html' without directory URLs);
    'news/index.md' -> 'news/index.html'. The same rule as MkDocs' File.dest_uri.
    """
    path = PurePosixPath(inner)
    stem = path.stem
    if stem == "index" or not directory_urls:
        return (path.parent / f"{stem}.html").as_posix().removeprefix("./")
    return (path.parent / stem / "index.html").as_posix().removeprefix("./")


def alias_file(alias: str) -> str:
    """The site file of an old address: '/old/' and '/old' -> 'old/index.html'; '/a.html' stays."""
    path = alias.strip("/")
    if alias.endswith("/") or not path:
        return posixpath.join(path, "index.html")
    if posixpath.splitext(path)[1].lower() in (".html", ".htm"):
        return path
    return posixpath.join(path, "index.html")


def _alias_collisions(
    pages: list[Page], shown_prefix: str, root_language: str | None, directory_urls: bool
) -> list[ContentError]:
    """Aliases that take a page's address, or that two pages claim; each names both files."""
    addresses: dict[str, Page] = {}
    for page in pages:
        inner = page.path.partition("/")[2]
        # Without the root language (a bare check), no page is taken to be at the root.
        prefix = "" if page.language == root_language else page.language
        addresses.setdefault(posixpath.join(prefix, page_address(inner, directory_urls)), page)
    claimed: dict[str, tuple[Page, str]] = {}
    errors = []
    for page in pages:
        for alias in page.content.aliases:
            file = alias_file(alias)
            line = page.lines.get("aliases", 0)
            here = shown_prefix + page.path
            taken = addresses.get(file)
            earlier = claimed.setdefault(file, (page, alias))
            if taken is not None:
                errors.append(
                    ContentError(
                        here,
                        line,
                        "aliases",
                        f"'{alias}' is the address of {shown_prefix}{taken.path}; an alias is an "
                        "old address that no page has now: remove it",
                    )
                )
            elif earlier[0] is not page:
                errors.append(
                    ContentError(
                        here,
                        line,
                        "aliases",
                        f"'{alias}' is already an alias of {shown_prefix}{earlier[0].path} "
                        f"('{earlier[1]}'); an old address leads to one page: remove it from one "
                        "of them",
                    )
                )
    return errors


def _address_collisions(
    pages: list[Page], shown_prefix: str, root_language: str | None, directory_urls: bool
) -> list[ContentError]:
    """Two pages written at one address, in any language, are an error naming both."""
    errors = []
    seen: dict[str, Page] = {}
    languages = sorted({page.language for page in pages})
    for page in pages:
        inner = page.path.partition("/")[2]
        address = page_address(inner, directory_urls)
        if root_language is not None:
            if page.language != root_language:
                address = f"{page.language}/{address}"
            else:
                first = address.partition("/")[0]
                taken = next((code for code in languages if code.lower() == first.lower()), None)
                if taken is not None and taken != root_language and "/" in address:
                    errors.append(
                        ContentError(
                            shown_prefix + page.path,
                            0,
                            "",
                            f"would be published under /{first}/, the address of the "
                            f"'{taken}' part of the site; rename the folder '{first}'",
                        )
                    )
                    continue
        key = f"{page.language}:{address}" if root_language is None else address
        earlier = seen.setdefault(key, page)
        if earlier is not page:
            errors.append(
                ContentError(
                    shown_prefix + page.path,
                    0,
                    "",
                    f"is published at the same address as {shown_prefix}{earlier.path} "
                    f"(/{address.removesuffix('index.html')}); rename or remove one of them",
                )
            )
    return errors


def campaign_tag(campaign: Page) -> str:
    """The tag that marks content as part of a campaign: the campaign's file name.

    ``campaigns/open-haneul.md`` (or ``translation_key: open-haneul``) is ``open-haneul``, the
    same in every language.
    """
    return PurePosixPath(campaign.key).stem


def _undeclared_tags(pages: list[Page], shown_prefix: str, topics: Topics) -> list[ContentError]:
    """A tag readers would see as a bare slug: neither declared nor a campaign's."""
    campaigns = {campaign_tag(page) for page in pages if page.type == "campaign"}
    errors = []
    for page in pages:
        for tag in page.content.tags:
            if tag in topics or tag in campaigns:
                continue
            errors.append(
                ContentError(
                    shown_prefix + page.path,
                    page.lines.get("tags", 0),
                    "tags",
                    f"'{tag}' is not a tag of this site{topics.suggest(tag)}; use a tag of "
                    f"{topics.source}, or add '{tag}' there with its name in each language",
                )
            )
    return errors


def _follow_sources(
    pages: list[Page], shown_prefix: str, warnings: list[ContentError]
) -> list[Page]:
    """Give each translation its source's draft state, embargo and expiry, unless it sets its own.

    No version of a page may be public before its source's ``publish_at``, after its source's
    ``expires_at``, or while its source is a draft: a translation written without these fields
    takes them from the source. One that sets them itself keeps its own, with a warning naming
    both files when they differ from the source's.
    """
    sources = {page.key: page for page in pages if page.content.translation_of is None}
    followed = []
    for page in pages:
        source = sources.get(page.key)
        if source is None or source is page:
            followed.append(page)
            continue
        inherited = {}
        for name in LIFECYCLE_FIELDS:
            own, theirs = getattr(page.content, name), getattr(source.content, name)
            if name not in page.content.model_fields_set:
                if own != theirs:
                    inherited[name] = theirs
            elif own != theirs:
                shown = "not set" if theirs is None else str(theirs).lower()
                warnings.append(
                    ContentError(
                        shown_prefix + page.path,
                        page.lines.get(name, 0),
                        name,
                        f"differs from the source, {shown_prefix}{source.path} ({shown}); this "
                        "version follows its own setting. Remove the line to follow the source",
                    )
                )
        own_order = page.content.order
        if "order" in page.content.model_fields_set and own_order != source.content.order:
            shown = "not set" if source.content.order is None else str(source.content.order)
            warnings.append(
                ContentError(
                    shown_prefix + page.path,
                    page.lines.get("order", 0),
                    "order",
                    f"differs from the source, {shown_prefix}{source.path} ({shown}); the "
                    "source's order places the page in every language. Remove the line",
                )
            )
        if inherited:
            content = page.content.model_copy(update=inherited)
            page = Page(
                page.path, page.language, page.key, content, page.body, page.body_hash, page.lines
            )
        followed.append(page)
    return followed


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
    lines = {
        str(location[0]): line
        for location, line in document.front_matter.lines.items()
        if len(location) == 1
    }
    return Page(relative, language, key, content, document.body, body_hash(document.body), lines)


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


def _check_groups(
    pages: list[Page], shown_prefix: str, source_language: str | None = None
) -> list[ContentError]:
    """Each group needs exactly one source, and each translation a version to come from.

    When several versions claim to be the source, the one in ``source_language`` (the policy's
    source language) is taken as it, and the others are told to record it.
    """
    groups: dict[str, dict[str, Page]] = defaultdict(dict)
    for page in pages:
        groups[page.key][page.language] = page
    errors = []
    for group in groups.values():
        sources = sorted(
            (page for page in group.values() if page.content.translation_of is None),
            key=lambda page: (page.language != source_language, page.path),
        )
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
