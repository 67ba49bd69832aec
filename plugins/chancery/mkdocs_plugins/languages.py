"""The languages plugin: honest fallbacks, translation notices, the selector and the gate.

mkdocs-static-i18n serves a missing translation as the root language's text labelled with the
reader's language, advertises it through hreflang, and says nothing. This plugin turns that
fallback off and builds its own: the original's text with its real language, a notice in the
reader's language, a canonical link to the original, and no hreflang.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import posixpath
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core.catalog import Catalog, Page
from chancery.core.interface import InterfaceGap, interface_gaps, interface_lines
from chancery.core.languages import Language, LanguagePolicy
from chancery.core.listings import SECTION_TYPES
from chancery.core.presentation import PageView, TranslationNotice
from chancery.core.schedule import is_live
from chancery.core.status import gap_line
from chancery.core.strings import Strings
from chancery.core.translations import (
    DEFAULT_REQUIRED_TYPES,
    TranslationPolicy,
    TranslationPolicyError,
    TranslationReport,
    Version,
    assess,
    fallback_original,
)
from chancery.mkdocs_plugins.language_builds import (
    Gathered,
    LanguageBuilds,
    add_gathered,
    available_cores,
)
from chancery.mkdocs_plugins.site import (
    absolute_url,
    content_plugin,
    dest_uri,
    i18n_plugin,
    is_nested_language_build,
    url_for_inner,
)

log = get_plugin_logger(__name__)


class LanguagesPluginConfig(base.Config):
    """Settings of ``chancery/languages`` in mkdocs.yml."""

    #: `fail` stops the build on a blocking gap; `warn` only reports it (for local previews).
    translation_gate = c.Choice(("fail", "warn"), default="fail")
    #: Content types that must exist, current, in every foreign language.
    translation_required_types = c.ListOfItems(c.Type(str), default=list(DEFAULT_REQUIRED_TYPES))
    #: Days a required translation may lag its source before the gate fails.
    translation_required_max_stale_days = c.Type(int, default=14)
    #: Days after which a recommended translation is reported as overdue.
    translation_recommended_max_stale_days = c.Type(int, default=90)
    #: Processes building the languages after the first; 0 means one per available core.
    build_jobs = c.Type(int, default=0)


class LanguagesPlugin(BasePlugin[LanguagesPluginConfig]):
    """Tells readers the truth about the language of each page, and gates the build on it."""

    def __init__(self) -> None:
        self.report: TranslationReport | None = None
        #: Interface texts missing in some language: section titles, tag and region names.
        self.interface: tuple[InterfaceGap, ...] = ()
        #: Fallback pages of the current language build: source path to the original shown.
        self.fallbacks: dict[str, tuple[Page, Version]] = {}
        #: Set by `chancery build --languages`: build only these, and leave the site-wide steps
        #: to `chancery merge` (CI building languages on separate machines).
        self.shard: Shard | None = None
        #: The other languages' builds, started during the root language's build.
        self.builds: LanguageBuilds | None = None
        #: The original shown by the fallback page being rendered, while MkDocs renders it.
        self.rendering: Page | None = None
        #: This language build's navigation, whose sections are named in on_env.
        self.nav: Navigation | None = None
        logging.getLogger("mkdocs.structure.pages").addFilter(_FallbackLinkWarnings(self))

    # Runs after chancery/content (same priority, later in `plugins:`), which builds the catalog,
    # and before static-i18n (priority -100).
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Assess every translation once per build, and apply the parity gate."""
        self.fallbacks = {}
        content = content_plugin(config, "chancery/languages")
        _check_i18n_does_not_fall_back(config)
        if self.report is not None and is_nested_language_build(config):
            return config
        languages, catalog, now = content.state()
        try:
            policy = TranslationPolicy.from_options(dict(self.config))
        except TranslationPolicyError as error:
            raise PluginError(f"mkdocs.yml: plugins: chancery/languages: {error}") from error
        self.report = assess(catalog, languages, policy, now, lambda p: is_live(p.content, now))
        self.interface = interface_gaps(
            languages,
            catalog,
            now,
            topics=content.topics,
            regions=content.regions,
            content_prefix=f"{Path(config.docs_dir).name}/",
            generated_sections=SECTION_TYPES,
            strings=content.strings(),
            locales_dir=content.locales_shown(),
        )
        self._apply_gate(self.report, self.interface)
        return config

    # Runs after every other per-language on_post_build (priorities above -99) and before
    # static-i18n's (-100), whose one-after-another loop it replaces.
    @event_priority(-99)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Finish the other languages' builds, then hand over what they gathered."""
        builds, self.builds = self.builds, None
        if builds is None or is_nested_language_build(config):
            return
        gathered = builds.finish()
        if self.shard is not None:
            self.shard.write(gathered)
            return
        content_plugin(config, "chancery/languages").prune_caches()
        for code in gathered:
            add_gathered(config, gathered[code])

    def on_build_error(self, /, *, error: Exception) -> None:
        """Stop the other languages' processes: the build has failed."""
        if self.builds is not None:
            self.builds.abandon()
            self.builds = None

    def _start_language_builds(self, config: MkDocsConfig) -> None:
        # In the root language's build, once it has cleaned the site folder: the other
        # languages start building now, in parallel processes, unless build_jobs is 1.
        i18n = i18n_plugin(config)
        if i18n is None or is_nested_language_build(config) or _keeps_material_search(config):
            return  # One language, a nested build, or static-i18n's loop merges Material search.
        if self.config.build_jobs < 0:
            raise PluginError(
                "mkdocs.yml: plugins: chancery/languages: build_jobs: must be 0 (one per core) "
                "or more"
            )
        # A language's load is the pages it will render: its own and its fallback pages (a
        # language with few translations still renders a page for every original).
        catalog = content_plugin(config, "chancery/languages").state()[1]
        report = self._report()
        sizes = {
            code: len(catalog.in_language(code)) + len(report.missing(code))
            for code in i18n.build_languages
        }
        self.builds = LanguageBuilds(
            config,
            i18n,
            jobs=self.config.build_jobs or available_cores(),
            weight=lambda code: sizes[code],
            only=self.shard.languages if self.shard else None,
        )
        self.builds.start()

    # Runs after static-i18n's on_files (priority -100) has chosen this language's files, so
    # that our fallback pages join them for this language only.
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add an honest fallback page for every page missing in this language.

        In the root language's build, this is also where the other languages start building.
        """
        self._start_language_builds(config)
        content = content_plugin(config, "chancery/languages")
        languages, catalog, now = content.state()
        reader = content.reader_language(config)
        for version in self._report().missing(reader.code):
            shown = fallback_original(catalog, languages, version, now)
            inner = shown.path.partition("/")[2]
            src_uri = f"{reader.code}/{inner}"
            file = File(
                src_uri,
                src_dir=None,
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
                dest_uri=languages.url_prefix(reader.code) + dest_uri(inner, config),
            )
            file.abs_src_path = str((_content_dir(config) / shown.path).resolve())
            files.append(file)
            content.add_alias(src_uri, shown)
            self.fallbacks[src_uri] = (shown, version)
        if self.fallbacks:
            _resolve_fallback_links(files, self, config)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep fallback pages out of search: their text is not in the reader's language.

        While MkDocs renders a fallback page, its links that find nothing in the reader's
        language are looked up in the original's (see _resolve_fallback_links).
        """
        fallback = self.fallbacks.get(page.file.src_uri)
        self.rendering = fallback[0] if fallback else None
        if fallback is not None:
            page.meta["search"] = {"exclude": True}
        return markdown

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        """Keep the navigation: its sections are named once every page's title is known."""
        self.nav = nav
        return nav

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Name each section after its index page in the reader's language, not its folder.

        A section with no index page of its own in this language (a fallback's title is in
        another language) is an interface gap, which the parity gate reports.
        """
        if self.nav is None:
            return env
        content = content_plugin(config, "chancery/languages")
        reader = content.reader_language(config)
        _mark_fallback_titles(self.nav, self.fallbacks, content.state()[0])
        names = _SectionNames(files, set(self.fallbacks), content.strings(), reader.code)
        missing = names.apply(self.nav.items)
        if missing:
            # The parity gate has reported each one (interface gaps), or was told to warn.
            log.info(f"Sections named after their folder (no index page): {', '.join(missing)}")
        return env

    def on_page_content(
        self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The page is rendered: its links are looked up as usual again."""
        self.rendering = None
        return html

    # Runs after static-i18n's on_page_context (priority 50), to replace its selector links.
    @event_priority(0)
    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext | None:
        """Tell the templates the page's real language, its notice, alternates and selector."""
        content = content_plugin(config, "chancery/languages")
        languages, catalog, now = content.state()
        reader = content.reader_language(config)
        record = content.record_for(page.file.src_uri)
        if record is None:
            return context
        view: PageView = context["chancery"]  # type: ignore[typeddict-item]
        fallback = self.fallbacks.get(page.file.src_uri)
        if fallback is not None:
            shown, _ = fallback
            original = languages.get(shown.language)
            original_url = _url_of(shown, languages, config)
            view = dataclasses.replace(
                view,
                notice=TranslationNotice("missing", original, original_url),
                text_language=original,
                versions=_versions(catalog, languages, record, now, config),
            )
            page.canonical_url = absolute_url(config, _url_of(shown, languages, config))
        else:
            view = dataclasses.replace(
                view,
                notice=self._stale_notice(record, reader, languages, config),
                hreflang=_hreflang(catalog, languages, record, now, config),
                versions=_versions(catalog, languages, record, now, config),
            )
        context["chancery"] = view  # type: ignore[typeddict-unknown-key]
        selector = self._render_selector(record, reader, languages, catalog, now, config)
        # static-i18n sets `extra.alternate` as an attribute, which Jinja reads before the
        # item of the same name; set both so that neither shows a previous page's links.
        setattr(config.extra, "alternate", selector)  # noqa: B010
        config.extra["alternate"] = selector
        return context

    def original_file(self, path: str, config: MkDocsConfig) -> File | None:
        """The file of the original's language that a fallback page's link ``path`` means.

        ``path`` is a link target in the reader's language folder ('fr/news/photo.jpg'); the
        same path in the original's folder is used when it holds an asset or a live page there.
        """
        shown = self.rendering
        content = content_plugin(config, "chancery/languages")
        languages, catalog, now = content.state()
        reader = content.reader_language(config).code
        if shown is None or not path.startswith(f"{reader}/"):
            return None
        inner = path.removeprefix(f"{reader}/")
        candidate = f"{shown.language}/{inner}"
        page = catalog.get(candidate)
        if page is not None and is_live(page.content, now):
            target = dest_uri(inner, config)
        elif catalog.tree is not None and catalog.tree.is_asset(candidate):
            target = inner
        else:
            return None
        return File(
            candidate,
            src_dir=str(_content_dir(config)),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=languages.url_prefix(shown.language) + target,
        )

    def _report(self) -> TranslationReport:
        if self.report is None:
            raise PluginError("chancery/languages: on_config did not run")
        return self.report

    def _apply_gate(self, report: TranslationReport, interface: tuple[InterfaceGap, ...]) -> None:
        for version in report.versions:
            if version.is_gap and not version.blocking:
                log.info(f"Translation gap: {gap_line(version, report.policy)}")
        blocking = [gap_line(v, report.policy) for v in report.blocking]
        blocking += interface_lines(interface)
        if not blocking:
            return
        lines = "\n".join(f"  {line}" for line in blocking)
        count = len(report.blocking) + len(interface)
        gaps = "translation gap" if count == 1 else "translation gaps"
        if report.policy.gate == "warn":
            log.info(f"Parity gate set to warn; {count} blocking {gaps}:\n{lines}")
            return
        raise PluginError(
            f"Parity gate: {count} required {gaps}; translate these pages and interface texts "
            f"(or set translation_gate: warn for a local preview):\n{lines}"
        )

    def _stale_notice(
        self,
        record: Page,
        reader: Language,
        languages: LanguagePolicy,
        config: MkDocsConfig,
    ) -> TranslationNotice | None:
        version = self._report().get(record.key, reader.code)
        if version is None or version.status != "stale" or version.reference is None:
            return None
        reference = version.reference
        return TranslationNotice(
            "stale",
            languages.get(reference.language),
            _url_of(reference, languages, config),
            reference.content.updated or reference.content.date,
        )

    def _render_selector(
        self,
        record: Page,
        reader: Language,
        languages: LanguagePolicy,
        catalog: Catalog,
        now: datetime,
        config: MkDocsConfig,
    ) -> list[dict[str, str]]:
        group = catalog.group(record.key)
        entries = []
        for language in languages.languages:
            version = group.get(language.code)
            if version is not None and is_live(version.content, now):
                link = _url_of(version, languages, config)
            elif self._report().get(record.key, language.code) is not None:
                # The honest fallback: same path, under that language's prefix.
                link = languages.url_prefix(language.code) + url_for_inner(
                    record.path.partition("/")[2], config
                )
            else:
                link = languages.url_prefix(language.code)
            entries.append(
                {
                    "name": language.name,
                    # Site-relative: Material's `url` filter makes it relative to each page.
                    "link": link,
                    "lang": language.code,
                    "dir": language.direction,
                }
            )
        return entries


@dataclasses.dataclass(frozen=True)
class Shard:
    """Part of the languages, built on one machine and merged later by `chancery merge`."""

    languages: tuple[str, ...]
    #: Where the languages' gathered findings go, as JSON.
    state_file: Path

    def write(self, gathered: dict[str, Gathered]) -> None:
        """Record what the shard's languages gathered (the others' builds are discarded)."""
        mine: dict[str, Any] = {code: gathered[code] for code in gathered if code in self.languages}
        self.state_file.write_text(json.dumps(mine, sort_keys=True), encoding="utf-8")


class _FallbackLinkWarnings(logging.Filter):
    """Drops MkDocs' warnings about a fallback page's links: they are its original's.

    A fallback renders its original's Markdown, whose links find the original's files (see
    _resolve_fallback_links); one that still finds nothing is broken in the original too, and
    the original's own build reports it. Once is enough, and the count of a strict build's
    warnings stays the number of things to fix.
    """

    def __init__(self, plugin: LanguagesPlugin) -> None:
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        return self.plugin.rendering is None or not record.getMessage().startswith("Doc file '")


def _resolve_fallback_links(files: Files, plugin: LanguagesPlugin, config: MkDocsConfig) -> None:
    # A fallback page shows its original's Markdown from the reader's language folder, so its
    # relative links to images and pages beside the original find nothing there: MkDocs would
    # warn (and --strict fail) on every fallback. While a fallback renders, a link that finds
    # nothing in the reader's language finds the original's file instead (never copied here:
    # the original's own build publishes it).
    lookup = files.get_file_from_path

    def get_file_from_path(path: str) -> File | None:
        found = lookup(path)
        if found is None and plugin.rendering is not None:
            return plugin.original_file(path, config)
        return found

    setattr(files, "get_file_from_path", get_file_from_path)  # noqa: B010


def _mark_fallback_titles(
    nav: Navigation, fallbacks: dict[str, tuple[Page, Version]], languages: LanguagePolicy
) -> None:
    """Give each fallback page of the navigation its text's language, for its title's lang/dir.

    The navigation shows a fallback page's title in its original's language; the templates read
    ``chancery_lang`` and ``chancery_dir`` on the page to mark it (partials/nav-item.html).
    """
    for item in nav.pages:
        fallback = fallbacks.get(item.file.src_uri)
        if fallback is not None:
            original = languages.get(fallback[0].language)
            setattr(item, "chancery_lang", original.code)  # noqa: B010
            setattr(item, "chancery_dir", original.direction)  # noqa: B010


@dataclasses.dataclass(frozen=True)
class _SectionNames:
    """Names the sections of one language build's navigation."""

    files: Files
    fallbacks: set[str]
    strings: Strings
    language: str

    def apply(self, items: list[Any]) -> list[str]:
        """Give every section its index page's title; return the folders that have none.

        A section of a content type's own folder (news/, statements/...) without an index
        page takes the interface's name of that listing.
        """
        missing = []
        for item in items:
            if not isinstance(item, Section):
                continue
            missing += self.apply(item.children)
            folder = _section_folder(item)
            if folder is None:
                continue
            title = self._title(folder)
            if title is None:
                missing.append(folder)
            else:
                item.title = title
        return missing

    def _title(self, folder: str) -> str | None:
        index = self.files.get_file_from_path(f"{folder}/index.md")
        page = index.page if index is not None and index.src_uri not in self.fallbacks else None
        if page is not None and page.title:
            return str(page.title)
        kind = SECTION_TYPES.get(folder.partition("/")[2])
        return self.strings.text(f"listing.{kind}", self.language) if kind else None


def _section_folder(section: Section) -> str | None:
    """The content folder a section of MkDocs' navigation stands for ('fr/news')."""
    folders = []
    for child in section.children:
        if isinstance(child, Section):
            inner = _section_folder(child)
            if inner is not None:
                folders.append(posixpath.dirname(inner))
        elif isinstance(child, MkDocsPage):
            folders.append(posixpath.dirname(child.file.src_uri))
    if not folders:
        return None
    common = posixpath.commonpath(folders)
    return common if "/" in common else None


def _keeps_material_search(config: MkDocsConfig) -> bool:
    # static-i18n merges Material's search indexes at the end of its own loop: let it run it.
    return any(name in config.plugins for name in ("search", "material/search"))


def _check_i18n_does_not_fall_back(config: MkDocsConfig) -> None:
    i18n = i18n_plugin(config)
    if i18n is not None and i18n.config.fallback_to_default:
        raise PluginError(
            "mkdocs.yml: plugins: i18n: set fallback_to_default: false; chancery/languages "
            "builds honest fallback pages itself"
        )


def _content_dir(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir)


def _url_of(page: Page, languages: LanguagePolicy, config: MkDocsConfig) -> str:
    """The site-relative URL of a page in its own language, e.g. 'fr/news/visit/'."""
    return languages.url_prefix(page.language) + url_for_inner(page.path.partition("/")[2], config)


def _versions(
    catalog: Catalog, languages: LanguagePolicy, record: Page, now: datetime, config: MkDocsConfig
) -> tuple[tuple[Language, str], ...]:
    """The live versions of a page, in policy order, with their site-relative URLs."""
    group = catalog.group(record.key)
    return tuple(
        (language, _url_of(group[language.code], languages, config))
        for language in languages.languages
        if language.code in group and is_live(group[language.code].content, now)
    )


def _hreflang(
    catalog: Catalog, languages: LanguagePolicy, record: Page, now: datetime, config: MkDocsConfig
) -> tuple[tuple[str, str], ...]:
    real = [
        (language.code, absolute_url(config, url))
        for language, url in _versions(catalog, languages, record, now, config)
    ]
    root = dict(real).get(languages.root.code)
    return (*real, ("x-default", root)) if root else tuple(real)
