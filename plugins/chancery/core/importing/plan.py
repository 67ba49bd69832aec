"""The import as a whole: groups, sources, addresses, links, sections, tags, then one check.

Everything is planned in memory first. The planned files are written over a copy of the site's
content folder and checked exactly as ``chancery check`` and the build check content; only when
that passes, and nothing in the plan needs a decision the importer cannot take (a time zone, a
description, a file it would replace), are the files written into the site.
"""

from __future__ import annotations

import posixpath
import shutil
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from chancery.core.catalog import Catalog, body_hash, page_address
from chancery.core.config import (
    SiteSettings,
    load_site_catalog,
    read_plugin_options,
    site_topics,
)
from chancery.core.errors import ContentErrors
from chancery.core.importing.convert import (
    Fields,
    convert_fields,
    convert_shortcodes,
    first_sentence,
    leading_heading,
    raw_html_links,
    rewrite_links,
    slugify,
    words,
)
from chancery.core.importing.sources import (
    ImportProblem,
    SourceFile,
    SourceSite,
    detect,
    read_document,
    read_site,
)
from chancery.core.languages import PolicyError, parse_tag, suggest_tag
from chancery.core.links import is_site_absolute, link_targets
from chancery.core.listings import SECTION_TYPES
from chancery.core.models import alias_problem
from chancery.core.publication import (
    ASSET_SUFFIXES,
    SANITISED_SUFFIXES,
    is_safe_name,
    suggest_name,
)
from chancery.core.taxonomy import load_topics

#: Hugo's taxonomies whose terms become Chancery tags; their term pages name the tags.
TAG_TAXONOMIES = ("tags", "categories")


@dataclass(frozen=True)
class ImportOptions:
    """What `chancery import` was asked to do."""

    source: Path
    layout: str | None = None
    #: Source language id -> the site's BCP 47 tag (`--language en_US=en`).
    languages: dict[str, str] = field(default_factory=dict)
    #: The originals' language: a source id or a site tag (`--source`).
    source_language: str | None = None
    timezone: str | None = None
    describe: bool = False
    overwrite: bool = False


@dataclass
class Report:
    """What the import did, dropped, and left for a human."""

    layout: str = ""
    source: str = ""
    languages: dict[str, str] = field(default_factory=dict)
    source_language: str = ""
    timezone: str | None = None
    pages: int = 0
    translations: int = 0
    files: int = 0
    written: list[str] = field(default_factory=list)
    mapped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    dates_made_explicit: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)
    links_rewritten: int = 0
    shortcodes_converted: int = 0
    described: list[str] = field(default_factory=list)
    titles_derived: list[str] = field(default_factory=list)
    sections_created: list[str] = field(default_factory=list)
    aliases: int = 0
    tags_added: list[str] = field(default_factory=list)
    #: Things a person must look at: each line names the file and what to do.
    human: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Lines to show when the import was refused.
    problems: list[str] = field(default_factory=list)


@dataclass
class _Version:
    """One imported page in one language, as it will be written."""

    file: SourceFile
    language: str  # the site's tag
    source_inner: str  # path inside the language, language marks removed
    target: str  # path inside the language folder in Chancery: 'docs/uber-uns.md'
    fields: Fields
    body: str
    body_line: int
    title_from: str = "front matter"
    key: str = ""
    old_url: str = ""
    extra_aliases: list[str] = field(default_factory=list)
    weight: int | None = None

    @property
    def shown(self) -> str:
        return self.file.shown


@dataclass
class _Plan:
    options: ImportOptions
    settings: SiteSettings
    site: SourceSite
    report: Report
    zone: ZoneInfo | None = None
    tags: dict[str, str] = field(default_factory=dict)  # source id -> site tag
    versions: list[_Version] = field(default_factory=list)
    #: Hugo taxonomy term pages: (taxonomy slug, language) -> name.
    term_names: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Files to write: content-relative path -> text or bytes.
    output: dict[str, str | bytes] = field(default_factory=dict)
    tag_names: dict[str, dict[str, str]] = field(default_factory=dict)


def run_import(options: ImportOptions, settings: SiteSettings, *, write: bool = True) -> Report:
    """Import ``options.source`` into the site of ``settings``; return the report.

    Raise ImportProblem (with every problem, nothing written) when the import cannot be done
    as asked, or ContentErrors when the result would not pass `chancery check`.
    """
    layout = options.layout or detect(options.source)
    site = read_site(options.source, layout)
    plan = _Plan(options, settings, site, Report(layout=layout, source=str(options.source)))
    plan.report.skipped = list(site.skipped)
    plan.tags = _map_languages(plan)
    plan.report.languages = dict(plan.tags)
    plan.zone = _zone(options.timezone or site.timezone)
    plan.report.timezone = options.timezone or site.timezone
    source_language = _source_language(plan)
    plan.report.source_language = source_language
    existing = _existing(settings)
    _read_versions(plan)
    _rename(plan)
    groups = _group(plan)
    sources = {key: _pick_source(group, source_language, settings) for key, group in groups.items()}
    _resolve_links(plan, groups, sources)
    _finish_fields(plan, groups, sources)
    _sections(plan, groups, existing, source_language)
    _tags(plan)
    _generated_addresses(plan)
    _conflicts(plan, existing)
    if plan.report.problems:
        raise ImportProblem(_problem_text(plan.report))
    _check(plan)
    if write:
        _write(plan)
    return plan.report


# Languages, time zone, source ---------------------------------------------------------------


def _map_languages(plan: _Plan) -> dict[str, str]:
    codes = plan.settings.policy.codes
    folded = {code.lower(): code for code in codes}
    mapped: dict[str, str] = {}
    unknown = []
    for source_id in plan.site.languages:
        wanted = plan.options.languages.get(source_id)
        tag = wanted or suggest_tag(source_id) or source_id
        if tag in codes:
            mapped[source_id] = tag
        elif tag.lower() in folded:
            mapped[source_id] = folded[tag.lower()]
        elif not wanted and tag.partition("-")[0] in codes:
            mapped[source_id] = tag.partition("-")[0]  # en_US -> the site's en
        else:
            unknown.append((source_id, tag))
    for given in plan.options.languages:
        if given not in plan.site.languages:
            plan.report.problems.append(
                f"--language {given}=...: the source has no language '{given}' "
                f"(it has {', '.join(plan.site.languages)})"
            )
    for source_id, tag in unknown:
        try:
            parse_tag(tag)
            hint = (
                f"add {{code: {tag}, role: foreign}} to chancery/content's languages in mkdocs.yml"
            )
        except PolicyError:
            hint = "give it a BCP 47 tag"
        plan.report.problems.append(
            f"source language '{source_id}' ({tag}) is not a language of the site "
            f"({', '.join(codes)}); {hint}, or map it with --language {source_id}=TAG"
        )
    twice = [tag for tag, count in Counter(mapped.values()).items() if count > 1]
    for tag in twice:
        names = ", ".join(source for source, mapped_tag in mapped.items() if mapped_tag == tag)
        plan.report.problems.append(
            f"source languages {names} all become '{tag}'; map each to its own tag with "
            f"--language (e.g. --language {names.split(', ')[0]}={tag})"
        )
    if plan.report.problems:
        raise ImportProblem(_problem_text(plan.report))
    return mapped


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ImportProblem(
            f"--timezone {name}: not a time zone; use an IANA name such as Europe/Berlin"
        ) from error


def _source_language(plan: _Plan) -> str:
    given = plan.options.source_language or plan.site.default_language
    if given is not None:
        if given in plan.tags:
            return plan.tags[given]
        if given in plan.tags.values():
            return given
        raise ImportProblem(
            f"--source {given}: not a language of the source; use one of "
            f"{', '.join(plan.site.languages)}"
        )
    root = plan.settings.policy.root.code
    if root in plan.tags.values():
        return root
    raise ImportProblem(
        "say which language the originals are in with --source LANGUAGE (one of "
        f"{', '.join(plan.site.languages)}); the others record that they are translations"
    )


def _existing(settings: SiteSettings) -> Catalog:
    try:
        return load_site_catalog(settings, check_groups=False)
    except ContentErrors as error:
        raise ImportProblem(
            f"the site's own content has errors; fix them first (chancery check):\n{error}"
        ) from error


# Pages ------------------------------------------------------------------------------------


def _read_versions(plan: _Plan) -> None:
    report = plan.report
    for file in plan.site.pages:
        language = plan.tags[file.language]
        try:
            document = read_document(file)
        except ImportProblem as error:
            report.problems.append(str(error))  # Every unreadable file, in one report.
            continue
        fields = convert_fields(document.data, plan.zone)
        data = {str(key).lower(): value for key, value in document.data.items()}
        parts = PurePosixPath(file.inner).parts
        taxonomies = {*TAG_TAXONOMIES, *plan.site.taxonomies}
        if plan.site.format == "hugo" and parts[0] in taxonomies:
            if len(parts) == 3 and parts[2] == "_index.md" and fields.values.get("title"):
                plan.term_names[(slugify(parts[1]), language)] = fields.values["title"]
            report.skipped.append((file.shown, "a taxonomy page: its title names the tag"))
            continue
        if str(data.get("headless", "")).lower() == "true":
            report.skipped.append((file.shown, "a headless bundle (never a page of its own)"))
            continue
        body, shortcodes = convert_shortcodes(document.body)
        report.shortcodes_converted += shortcodes.converted
        for name, line in shortcodes.left:
            report.human.append(
                f"{file.shown}:{document.body_line + line - 1}: shortcode '{name}' left as "
                "written; replace it with Markdown"
            )
        for address in raw_html_links(body):
            report.human.append(
                f"{file.shown}: raw HTML links to '{address}', which is not resolved per "
                "language; write it as a Markdown link"
            )
        heading, rest = leading_heading(body)
        title = fields.values.get("title")
        inner = _plain_inner(file.inner, readme=plan.site.format != "hugo")
        version = _Version(file, language, inner, "", fields, body, document.body_line)
        if title is None and heading:
            fields.values["title"] = heading
            version.title_from = "its first heading"
        if heading and heading == fields.values.get("title"):
            version.body = rest  # The layout shows the title as the page's heading.
        if fields.values.get("title") is None:
            stem = PurePosixPath(version.source_inner)
            name = stem.parent.name if stem.stem in ("index", "_index", "README") else stem.stem
            fields.values["title"] = (
                words(name)
                if name
                else plan.settings.policy.get(language).site_name or words(language)
            )
            version.title_from = "its file name"
        if version.title_from != "front matter":
            report.titles_derived.append(f"{file.shown} ({version.title_from})")
        raw_weight = fields.values.pop("order", None)
        version.weight = raw_weight
        version.old_url = _old_url(plan.site, file, data)
        plan.versions.append(version)
        report.mapped.update(item for item in fields.mapped if not item.startswith("weight"))
        if raw_weight is not None:
            report.mapped.update(["weight → order"])
        report.dropped.update(fields.dropped)
        for problem in fields.problems:
            report.human.append(f"{file.shown}: {problem}")


def _plain_inner(inner: str, *, readme: bool = False) -> str:
    """A source page's path as a Chancery page: '.md', '_index' (and 'README') as 'index'.

    ``readme``: MkDocs reads a folder's README.md as its index page; Hugo does not.
    """
    path = PurePosixPath(inner)
    stem = path.stem
    if stem == "_index" or (readme and stem == "README"):
        stem = "index"
    return (path.parent / f"{stem}.md").as_posix().removeprefix("./")


def _old_url(site: SourceSite, file: SourceFile, data: dict[str, Any]) -> str:
    """The page's address on the old site, from its root: '/fr/docs/install/'."""
    prefix = "/" + site.prefixes.get(file.language, "")
    explicit = data.get("url")
    if isinstance(explicit, str) and explicit.strip():
        path = explicit.strip()
        return path if path.startswith("/") else prefix + path
    inner = PurePosixPath(file.inner)
    stem = inner.stem
    folder = inner.parent.as_posix().removeprefix(".").strip("/")
    slug = data.get("slug")
    if stem in ("_index", "index", "README"):
        path = folder
        tail = "/" if path else ""
    else:
        name = str(slug) if isinstance(slug, str) and slug.strip() else stem
        path = posixpath.join(folder, name) if folder else name
        tail = "/" if site.directory_urls else ".html"
    if site.format == "hugo":
        path = "/".join(part.replace(" ", "-") for part in path.split("/"))
        if site.lower_urls:
            path = path.lower()
    return unicodedata.normalize("NFC", prefix + path + (tail if path else ""))


def _rename(plan: _Plan) -> None:
    seen: dict[tuple[str, str], _Version] = {}
    for version in plan.versions:
        parts = PurePosixPath(version.source_inner).parts
        safe = [part if is_safe_name(part) else suggest_name(part) for part in parts]
        version.target = "/".join(safe)
        if version.target != version.source_inner:
            new = _shown(plan, f"{version.language}/{version.target}")
            plan.report.renamed.append((version.shown, new))
        earlier = seen.setdefault((version.language, version.target), version)
        if earlier is not version:
            plan.report.problems.append(
                f"{version.shown} and {earlier.shown} would both be "
                f"{version.language}/{version.target}; rename one of them in the source"
            )


def _group(plan: _Plan) -> dict[str, dict[str, _Version]]:
    groups: dict[str, dict[str, _Version]] = defaultdict(dict)
    for version in plan.versions:
        raw_key = version.fields.values.get("translation_key")
        if raw_key:
            key = slugify(str(raw_key))
            if not key:
                version.fields.values.pop("translation_key")
                plan.report.human.append(
                    f"{version.shown}: translationKey '{raw_key}' has no letters or digits; dropped"
                )
                key = version.target
            else:
                version.fields.values["translation_key"] = key
        else:
            key = version.target
        version.key = key
        earlier = groups[key].get(version.language)
        if earlier is not None:
            plan.report.problems.append(
                f"{version.shown} and {earlier.shown} are both the '{version.language}' version "
                f"of '{key}'; give one of them its own translationKey"
            )
        groups[key][version.language] = version
    return groups


def _pick_source(
    group: dict[str, _Version], source_language: str, settings: SiteSettings
) -> _Version:
    if source_language in group:
        return group[source_language]
    for code in settings.policy.codes:
        if code in group:
            return group[code]
    return next(iter(group.values()))


# Links ------------------------------------------------------------------------------------


def _url_key(url: str) -> str:
    path = unicodedata.normalize("NFC", unquote(url)).lower()
    path = path.removesuffix("index.html").removesuffix(".html")
    return "/" + path.strip("/")


@dataclass
class _Index:
    """Where each source page and file went, for links."""

    by_url: dict[str, _Version] = field(default_factory=dict)
    #: Old addresses without their language prefix: the same page in any language.
    by_plain_url: dict[str, _Version] = field(default_factory=dict)
    by_inner: dict[tuple[str, str], _Version] = field(default_factory=dict)
    by_name: dict[tuple[str, str], list[_Version]] = field(default_factory=dict)
    files: dict[str, SourceFile] = field(default_factory=dict)  # source path -> file
    #: Files beside the pages by (source language id, inner path); static files under ''.
    file_by_inner: dict[tuple[str, str], SourceFile] = field(default_factory=dict)


def _index(plan: _Plan) -> _Index:
    index = _Index()
    for version in plan.versions:
        index.by_url.setdefault(_url_key(version.old_url), version)
        plain = _without_prefix(plan.site, _url_key(version.old_url))
        index.by_plain_url.setdefault(plain, version)
        index.by_inner[(version.language, version.source_inner)] = version
        name = PurePosixPath(version.source_inner).stem
        index.by_name.setdefault((version.language, name), []).append(version)
        for alias in version.fields.values.get("aliases", []):
            url = _old_alias(plan.site, version, alias)
            if url:
                index.by_url.setdefault(_url_key(url), version)
    for file in plan.site.files:
        index.files[file.path.as_posix()] = file
        index.file_by_inner[(file.language, file.inner)] = file
    return index


def _old_alias(site: SourceSite, version: _Version, alias: str) -> str | None:
    """A Hugo alias as a path from the old site's root: relative ones from the page's folder."""
    prefix = "/" + site.prefixes.get(version.file.language, "")
    if alias.startswith(("http://", "https://")):
        return None
    if alias.startswith("/"):
        return alias if alias.startswith(prefix) or site.format != "hugo" else prefix + alias[1:]
    # Relative to the page's section, as Hugo reads it: 'old-name' beside the page.
    section = version.old_url.rstrip("/").rpartition("/")[0] + "/"
    joined = urljoin(section, alias)
    return joined if joined.endswith("/") or PurePosixPath(joined).suffix else joined + "/"


def _resolve_links(
    plan: _Plan, groups: dict[str, dict[str, _Version]], sources: dict[str, _Version]
) -> None:
    index = _index(plan)
    root = plan.settings.policy.root.code
    codes = plan.settings.policy.codes
    copies: dict[str, Path] = {}
    for version in plan.versions:

        def change(url: str, version: _Version = version) -> str | None:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or url.startswith("{{"):
                return None
            target = _find(plan, index, version, parts.path)
            if target is None:
                plan.report.human.append(
                    f"{version.shown}: link '{url}' leads nowhere on the old site either; "
                    "correct or remove it (a strict build names it)"
                )
                return None
            if isinstance(target, _Version):
                group = groups[target.key]
                shown = group.get(version.language) or group.get(root) or sources[target.key]
                path = shown.target
            else:
                path = _file_target(target)
                if PurePosixPath(path).suffix.lower() not in ASSET_SUFFIXES | SANITISED_SUFFIXES:
                    plan.report.human.append(
                        f"{version.shown}: link '{url}' leads to {target.shown}, a type the "
                        "site does not publish; link to a page or a document instead"
                    )
                    return None
                copies[f"{version.language}/{path}"] = target.path
            full = f"{version.language}/{path}"
            if is_site_absolute(url):
                candidates = link_targets(url, version.language, codes).candidates
                if full in candidates:
                    return None  # Chancery reads it as written.
                new_path = "/" + path
            else:
                base = posixpath.dirname(version.target) or "."
                new_path = posixpath.relpath(path, base)
            return urlunsplit(("", "", new_path, parts.query, parts.fragment))

        version.body, changed = rewrite_links(version.body, change)
        plan.report.links_rewritten += changed
    for target, path in copies.items():
        plan.output[target] = path.read_bytes()
    plan.report.files = len(copies)
    used = {path.as_posix() for path in copies.values()}
    unused = [file.shown for file in plan.site.files if file.path.as_posix() not in used]
    for shown in unused:
        plan.report.skipped.append((shown, "no imported page links to it"))


def _find(plan: _Plan, index: _Index, version: _Version, path: str) -> _Version | SourceFile | None:
    site = plan.site
    source_id = version.file.language
    decoded = unicodedata.normalize("NFC", unquote(path))
    pure = PurePosixPath(decoded)
    if decoded.startswith("/"):
        inner = decoded.lstrip("/")
        first, _, rest = inner.partition("/")
        if first in site.languages and site.format != "hugo":
            source_id, inner = first, rest
    else:
        base = posixpath.dirname(version.file.inner)
        inner = posixpath.normpath(posixpath.join(base, decoded))
        if inner.startswith("../"):
            return None
    if pure.suffix.lower() in (".md", ".markdown"):
        plain = _plain_inner(inner)
        language = plan.tags.get(source_id, version.language)
        for key in ((language, plain), (version.language, plain)):
            if key in index.by_inner:
                return index.by_inner[key]
        for code in plan.tags.values():
            if (code, plain) in index.by_inner:
                return index.by_inner[(code, plain)]
        stem = PurePosixPath(plain).stem
        named = index.by_name.get((version.language, stem), [])
        return named[0] if len(named) == 1 else None
    # A file beside the pages: the linking language's own, else the default language's (as
    # static-i18n falls back), else any language's, else a site-wide static file.
    order = [source_id, version.file.language, site.default_language, *site.languages, ""]
    for language_id in order:
        if (language_id or "", inner) in index.file_by_inner:
            return index.file_by_inner[(language_id or "", inner)]
    url = _url_key(decoded if decoded.startswith("/") else urljoin(version.old_url, decoded))
    # Another language's address of the page, or one of a language that lacked it: the
    # page's group, which Chancery serves in every language (or its honest fallback).
    return index.by_url.get(url) or index.by_plain_url.get(_without_prefix(plan.site, url))


def _without_prefix(site: SourceSite, key: str) -> str:
    """An old address key ('/fr/docs/x') without its language prefix ('/docs/x')."""
    for prefix in sorted(site.prefixes.values(), key=len, reverse=True):
        folded = "/" + prefix.strip("/").lower()
        if prefix and (key == folded or key.startswith(folded + "/")):
            return key[len(folded) :] or "/"
    return key


def _file_target(file: SourceFile) -> str:
    parts = PurePosixPath(file.inner).parts
    return "/".join(part if is_safe_name(part) else suggest_name(part) for part in parts)


# Front matter ------------------------------------------------------------------------------

_TIMESTAMP_FIELDS = frozenset({"date", "updated", "publish_at", "expires_at"})
_ORDER = (
    "title",
    "description",
    "date",
    "updated",
    "publish_at",
    "expires_at",
    "draft",
    "order",
    "aliases",
    "tags",
    "translation_key",
    "translation_of",
)


def _finish_fields(
    plan: _Plan, groups: dict[str, dict[str, _Version]], sources: dict[str, _Version]
) -> None:
    report = plan.report
    naive = [
        (version, name, value) for version in plan.versions for name, value in version.fields.naive
    ]
    if naive:
        version, name, value = naive[0]
        files = len({id(version) for version, _, _ in naive})
        report.problems.append(
            f"{len(naive)} dates in {files} files have no UTC offset (first: {version.shown}: "
            f"{name}: {value}); say which time zone they are in with --timezone, e.g. "
            "--timezone Europe/Berlin"
        )
    report.dates_made_explicit = sum(version.fields.zoned for version in plan.versions)
    new_addresses = {_address(plan, version.language, version.target) for version in plan.versions}
    missing = []
    claimed: dict[str, str] = {}
    for version in plan.versions:
        values = version.fields.values
        source = sources[version.key]
        if not values.get("description"):
            if plan.options.describe:
                values["description"] = first_sentence(version.body) or values["title"]
                report.described.append(version.shown)
            else:
                missing.append(version.shown)
        if version is source and version.weight is not None:
            values["order"] = version.weight
        elif version.weight is not None and version.weight != source.weight:
            report.human.append(
                f"{version.shown}: weight {version.weight} differs from its original's "
                f"({source.shown}); the original's order places the page in every language"
            )
        aliases = []
        # The page's own old address, when it changes (locale folders had no known address).
        own = [version.old_url] if plan.site.format != "locale-folders" else []
        for alias in [*values.get("aliases", []), *own]:
            url = _old_alias(plan.site, version, alias) if alias != version.old_url else alias
            if not url:
                continue
            url = unicodedata.normalize("NFC", unquote(url))
            if url.endswith("/index.html"):
                url = url.removesuffix("index.html")
            file = _alias_address(url)
            if file in new_addresses or url in aliases:
                continue
            problem = alias_problem(url)
            holder = claimed.setdefault(file, version.shown)
            if problem is not None:
                report.human.append(f"{version.shown}: old address dropped: {problem}")
            elif holder != version.shown:
                report.human.append(
                    f"{version.shown}: old address '{url}' is already kept by {holder}; dropped"
                )
            else:
                aliases.append(url)
        if aliases:
            values["aliases"] = aliases
            report.aliases += len(aliases)
        else:
            values.pop("aliases", None)
        if "tags" in values:
            values["tags"] = _tag_slugs(plan, version, values["tags"])
        if values.get("updated") and values.get("date") and values["updated"] < values["date"]:
            report.human.append(
                f"{version.shown}: lastmod is before date; dropped (set `updated:` if it changed)"
            )
            values.pop("updated")
        if version is not source:
            values["translation_of"] = {"language": source.language, "hash": body_hash(source.body)}
            report.translations += 1
        plan.output[f"{version.language}/{version.target}"] = _file_text(values, version.body)
    if missing:
        report.problems.append(
            f"{len(missing)} pages have no description (first: {', '.join(missing[:3])}); write "
            "one for each, or pass --describe to take each page's first sentence (the report "
            "lists which)"
        )
    report.pages = len(plan.versions)


def _address(plan: _Plan, language: str, inner: str) -> str:
    prefix = plan.settings.policy.url_prefix(language)
    return prefix + page_address(inner, plan.settings.directory_urls)


def _alias_address(alias: str) -> str:
    path = alias.strip("/")
    if alias.endswith("/") or not path:
        return posixpath.join(path, "index.html")
    return path if path.endswith((".html", ".htm")) else posixpath.join(path, "index.html")


def _tag_slugs(plan: _Plan, version: _Version, terms: list[str]) -> list[str]:
    slugs = []
    for term in terms:
        slug = slugify(term)
        if not slug:
            plan.report.human.append(f"{version.shown}: tag '{term}' has no letters; dropped")
            continue
        if slug not in slugs:
            slugs.append(slug)
        names = plan.tag_names.setdefault(slug, {})
        names.setdefault(version.language, " ".join(term.split()))
    return slugs


class _Timestamp(str):
    """A timestamp written plain (2026-05-01T09:00:00+02:00), as editors write them."""


class _Dumper(yaml.SafeDumper):
    """YAML for front matter: timestamps unquoted; everything else as PyYAML's safe dumper."""


_Dumper.add_representer(
    _Timestamp,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(value)),
)


def _file_text(values: dict[str, Any], body: str) -> str:
    if values.get("draft") is False:
        values = {name: value for name, value in values.items() if name != "draft"}
    values = {
        name: _Timestamp(value) if name in _TIMESTAMP_FIELDS and value else value
        for name, value in values.items()
    }
    ordered = {name: values[name] for name in _ORDER if values.get(name) not in (None, [], "")}
    ordered.update(
        {
            name: value
            for name, value in values.items()
            if name not in ordered and value not in (None, [], "")
        }
    )
    text = yaml.dump(
        ordered,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    return f"---\n{text}---\n\n{body.strip()}\n" if body.strip() else f"---\n{text}---\n"


# Sections, tags, conflicts ----------------------------------------------------------------


def _sections(
    plan: _Plan,
    groups: dict[str, dict[str, _Version]],
    existing: Catalog,
    source_language: str,
) -> None:
    folders = {
        parent.as_posix()
        for version in plan.versions
        for parent in PurePosixPath(version.target).parents
        if parent.as_posix() != "."
    }
    codes = plan.settings.policy.codes
    for folder in sorted(folders):
        if folder in SECTION_TYPES:
            continue  # A content type's folder: its listing names the section.
        inner = f"{folder}/index.md"
        group = groups.get(inner, {})
        have = {code for code in codes if code in group or existing.get(f"{code}/{inner}")}
        if have == set(codes):
            continue
        source = _section_source(plan, group, existing, inner, source_language)
        for code in codes:
            if code in have:
                continue
            title, needs = _section_title(plan, group, code, folder)
            values: dict[str, Any] = {"title": title, "description": title}
            if source is not None and source[0] != code:
                values["translation_of"] = {"language": source[0], "hash": source[1]}
            elif source is None and code != source_language:
                values["translation_of"] = {"language": source_language, "hash": body_hash("")}
            path = f"{code}/{inner}"
            plan.output[path] = _file_text(values, "")
            plan.report.sections_created.append(_shown(plan, path))
            if needs:
                plan.report.human.append(f"{_shown(plan, path)}: section title '{title}' {needs}")


def _section_source(
    plan: _Plan,
    group: dict[str, _Version],
    existing: Catalog,
    inner: str,
    source_language: str,
) -> tuple[str, str] | None:
    """The language and body hash of the section index others translate, if one exists."""
    if group:
        source = _pick_source(group, source_language, plan.settings)
        return source.language, body_hash(source.body)
    versions = [page for page in existing if page.path.partition("/")[2] == inner]
    original = next((page for page in versions if page.content.translation_of is None), None)
    return (original.language, original.body_hash) if original else None


def _section_title(
    plan: _Plan, group: dict[str, _Version], code: str, folder: str
) -> tuple[str, str]:
    name = plan.settings.policy.get(code).name
    for version in group.values():
        title = str(version.fields.values["title"])
        return title, f"is {version.language}'s (from {version.shown}); write it in {name}"
    return words(PurePosixPath(folder).name), f"is the folder's name; write it in {name}"


def _shown(plan: _Plan, path: str) -> str:
    folder = plan.settings.content_dir.relative_to(plan.settings.config_file.parent).as_posix()
    return f"{folder}/{path}"


def _tags(plan: _Plan) -> None:
    if not plan.tag_names:
        return
    path = plan.settings.content_dir / plan.settings.tags_file
    topics, problems = load_topics(path, _shown(plan, plan.settings.tags_file))
    if problems:
        raise ImportProblem("\n".join(str(problem) for problem in problems))
    added: dict[str, dict[str, str]] = {}
    for slug, names in sorted(plan.tag_names.items()):
        if slug in topics:
            continue
        entry: dict[str, str] = {}
        borrowed = []
        for code in plan.settings.policy.codes:
            own = plan.term_names.get((slug, code)) or names.get(code)
            entry[code] = own or _borrowed_name(plan, slug, names)
            if own is None:
                borrowed.append(code)
        if borrowed:
            plan.report.human.append(
                f"{_shown(plan, plan.settings.tags_file)}: tag '{slug}' has no name of its own in "
                f"{', '.join(borrowed)} (it shows another language's, '{entry[borrowed[0]]}'); "
                "translate it"
            )
        added[slug] = {code: _capitalised(name) for code, name in entry.items()}
    if not added:
        return
    plan.report.tags_added = sorted(added)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    text += yaml.safe_dump(added, allow_unicode=True, sort_keys=False, width=10_000)
    plan.output[plan.settings.tags_file] = text


#: Pages Chancery generates in every language, by plugin: (setting, default path).
GENERATED_PAGES = {
    "chancery/search": ("search_page", "search"),
    "chancery/integrity": ("integrity_page", "verify"),
}


def _generated_addresses(plan: _Plan) -> None:
    """An imported page at the address of a page Chancery generates needs a setting changed."""
    config = plan.settings.config_file
    for owner, (option, default) in GENERATED_PAGES.items():
        options = read_plugin_options(config, owner)
        if options is None:
            continue
        slug = str(options.get(option) or default).strip("/")
        address = page_address(f"{slug}.md", plan.settings.directory_urls)
        for version in plan.versions:
            if page_address(version.target, plan.settings.directory_urls) == address:
                plan.report.human.append(
                    f"{_shown(plan, version.language + '/' + version.target)}: is at /{slug}/, "
                    f"where {owner} puts its page in every language, so the build stops on it; "
                    f"set `{option}: site-{slug}` (or another free path) under `- {owner}:` in "
                    "mkdocs.yml, or rename the page"
                )


def _borrowed_name(plan: _Plan, slug: str, names: dict[str, str]) -> str:
    """A tag's name for a language that has none: a term page's title, else the term."""
    source = plan.report.source_language
    pages = {code: name for (term, code), name in plan.term_names.items() if term == slug}
    for candidates in (pages, names):
        if candidates:
            return candidates.get(source) or next(iter(candidates.values()))
    return words(slug)


def _capitalised(name: str) -> str:
    # Hugo shows a term without a page of its own title-cased; a lower-case term reads as a slug.
    return name[:1].upper() + name[1:] if name == name.lower() else name


def _conflicts(plan: _Plan, existing: Catalog) -> None:
    taken = [
        path
        for path in plan.output
        if path != plan.settings.tags_file and (plan.settings.content_dir / path).exists()
    ]
    if taken and not plan.options.overwrite:
        shown = ", ".join(_shown(plan, path) for path in taken[:5])
        more = f" and {len(taken) - 5} more" if len(taken) > 5 else ""
        plan.report.problems.append(
            f"{len(taken)} files already exist in the site ({shown}{more}); pass --overwrite to "
            "replace them (a new site's starter pages), or move them out of the way"
        )


def _problem_text(report: Report) -> str:
    lines = "\n".join(f"  {problem}" for problem in report.problems)
    return f"nothing was imported; {len(report.problems)} problems to solve first:\n{lines}"


# Checking and writing ------------------------------------------------------------------------


def _check(plan: _Plan) -> None:
    """Check the site as it would be after the import, in a copy: as `chancery check` does."""
    settings = plan.settings
    with tempfile.TemporaryDirectory(prefix="chancery-import-") as folder:
        project = Path(folder)
        relative = settings.content_dir.relative_to(settings.config_file.parent)
        staged = project / relative
        if settings.content_dir.is_dir():
            shutil.copytree(settings.content_dir, staged, symlinks=True)
        _write_files(staged, plan.output)
        load_site_catalog(settings, content_dir=staged, topics=site_topics(settings, staged))


def _write_files(content_dir: Path, output: dict[str, str | bytes]) -> None:
    for relative, data in sorted(output.items()):
        path = content_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def _write(plan: _Plan) -> None:
    _write_files(plan.settings.content_dir, plan.output)
    plan.report.written = sorted(_shown(plan, path) for path in plan.output)
