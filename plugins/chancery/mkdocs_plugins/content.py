"""The content plugin: strict front matter, one catalog per build, typed page layouts.

MkDocs reads front matter with PyYAML and swallows its errors; this plugin reads every content
file once through ``chancery.core`` before MkDocs does, fails the build on any error, and hands
MkDocs the checked body and metadata instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core.administrations import (
    Administration,
    AdministrationError,
    administration_at,
    parse_administrations,
)
from chancery.core.audiences import RegionError, Regions, parse_regions
from chancery.core.catalog import Catalog, Page, load_catalog
from chancery.core.clock import ClockError, build_now
from chancery.core.config import DEFAULT_LOCALES_DIR, policy_from_options
from chancery.core.errors import ContentErrors
from chancery.core.languages import Language, LanguagePolicy, PolicyError
from chancery.core.listings import inner_url as url_for_inner
from chancery.core.portal import HOME_TEMPLATE, layout_of
from chancery.core.presentation import PageView
from chancery.core.publication import (
    SvgError,
    needs_sanitising,
    rebase_links,
    referenced_paths,
    sanitise_svg,
)
from chancery.core.raw_links import raw_html_values
from chancery.core.sanitize import Policy, policy_for, sanitise_html
from chancery.core.schedule import is_live
from chancery.core.strings import Strings, StringsError
from chancery.core.taxonomy import Topics, load_topics
from chancery.mkdocs_plugins import markdown_cache, page_cache, template_cache
from chancery.mkdocs_plugins.absolute_links import AbsoluteLinks
from chancery.mkdocs_plugins.content_links import LinkTargets, rename_toc, report_broken_links
from chancery.mkdocs_plugins.markdown_cache import PURE_EXTENSIONS, MarkdownCache
from chancery.mkdocs_plugins.page_cache import PageCache
from chancery.mkdocs_plugins.sidebars import hide_empty_sidebars
from chancery.mkdocs_plugins.theme import StylesheetJoiner, check_features

log = get_plugin_logger(__name__)

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Our layouts; appended to the theme's folders so that a site's overrides/ still wins.
TEMPLATES_DIR = _PACKAGE_DIR / "templates"
#: Our stylesheet and fonts, published under assets/chancery/.
ASSETS_DIR = _PACKAGE_DIR / "assets"
ASSETS_URL = "assets/chancery"
#: mkdocs-static-i18n, as Chancery configures it (chancery/i18n).
I18N_PLUGIN = "chancery/i18n"


class _LanguageOption(base.Config):
    #: The BCP 47 tag, also the language's folder under content/: `fr`, `pt-BR`, `zh-Hant`.
    code = c.Type(str)
    role = c.Choice(("domestic", "foreign"), default="foreign")
    #: The language's name in its own menu entry; by default its CLDR autonym ("Português").
    name = c.Optional(c.Type(str))
    #: The ministry's name in this language: the site's name for its readers.
    site_name = c.Optional(c.Type(str))


class ContentPluginConfig(base.Config):
    """Settings of ``chancery/content`` in mkdocs.yml."""

    #: The language policy, in order: each language declared once, with everything that
    #: differs by language (static-i18n's settings are derived from it by chancery/i18n).
    languages = c.ListOfItems(c.SubConfig(_LanguageOption))
    #: The language served at the site root and named by hreflang x-default; by default the
    #: first foreign language.
    root_language = c.Optional(c.Type(str))
    #: The language originals are usually written in; by default the domestic language, else
    #: the root one. A translation group with no recorded source takes its version in it.
    source_language = c.Optional(c.Type(str))
    #: Governments' terms: `{name: {en: ..., ko: ...}, start: ..., end: ...}`; a page marked
    #: `political: true` from an earlier one says so.
    administrations = c.ListOfItems(c.Type(dict), default=[])
    #: The regions pages address in `audiences`: `{slug, names: {en: ...}, countries: [MX, ...],
    #: languages: [es, ...]}`; any other slug in `audiences` fails the build.
    regions = c.ListOfItems(c.Type(dict), default=[])
    #: Where rendered Markdown is kept between builds (relative to mkdocs.yml); "" turns the
    #: cache off. Used only with Markdown extensions that depend on the page alone.
    markdown_cache = c.Type(str, default=".cache/chancery/markdown")
    #: Where rendered pages are kept between builds (relative to mkdocs.yml), keyed by all that
    #: their templates read (page_cache.py); "" turns the cache off.
    page_cache = c.Type(str, default=".cache/chancery/pages")
    #: The data file (in the content folder) naming each tag in every language.
    tags_file = c.Type(str, default="_tags.yml")
    #: Glob patterns (relative to the content folder) of assets published even when no page
    #: links to them, e.g. `en/press-kit/*.pdf`. Every other asset follows the pages using it.
    public_files = c.ListOfItems(c.Type(str), default=[])
    #: The site's own interface strings: `<tag>.po` files (relative to mkdocs.yml) that
    #: override the package's entry by entry or add languages; unset: `locales/` if present.
    locales_dir = c.Optional(c.Type(str))


class ContentPlugin(BasePlugin[ContentPluginConfig]):
    """Reads and checks all content once per build and serves it to MkDocs."""

    def __init__(self) -> None:
        self.policy: LanguagePolicy | None = None
        self.catalog: Catalog | None = None
        self.now: datetime | None = None
        #: Pages served at another path in this language build: honest fallbacks.
        self.aliases: dict[str, Page] = {}
        self.administrations: tuple[Administration, ...] = ()
        self.regions = Regions()
        #: The site's tags and their names in each language.
        self.topics = Topics()
        #: Paths of pages withheld from this build (unpublished), as a nav may name them.
        self.withheld: set[str] = set()
        #: Content assets of this language build; published only if a built page uses them.
        self.assets: set[str] = set()
        logging.getLogger("mkdocs.structure.nav").addFilter(_WithheldNavReferences(self))
        #: Compiled templates, shared by static-i18n's language builds (template_cache.py).
        self.templates = template_cache.MemoryBytecodeCache()
        #: Rendered Markdown kept between builds (markdown_cache.py), or None.
        self.markdown_cache: MarkdownCache | None = None
        #: Rendered pages kept between builds (page_cache.py), or None.
        self.page_cache: PageCache | None = None
        #: When this `mkdocs build` started: cache entries older and unused are removed.
        self.started = 0.0
        #: Interface strings: the package's catalogs with the site's overrides, once per build.
        self._strings: Strings | None = None
        #: What the sanitiser keeps, for the Markdown extensions of one language build's config.
        self.sanitiser: tuple[MkDocsConfig, Policy] | None = None
        #: What raw-HTML links in bodies may lead to.
        self.link_targets = LinkTargets()
        #: The one stylesheet every page links (theme.py).
        self.stylesheets = StylesheetJoiner(ASSETS_DIR, ASSETS_URL)

    # Runs before static-i18n's on_config (priority -100), so that a content error stops the
    # build before any language is configured or any file is written.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Build the catalog, once per `mkdocs build` even though static-i18n re-enters."""
        _register_theme_files(config)
        self.aliases = {}
        if is_nested_language_build(config) and self.catalog is not None:
            return config
        check_features(config)
        self.policy = self._resolve_policy(config)
        _register_absolute_links(config, self.policy, self._text_language)
        self.administrations = self._resolve_administrations()
        self.regions = self._resolve_regions()
        self.now = self._resolve_clock()
        self.catalog = self._resolve_catalog(config, self.policy)
        self._strings = self._resolve_strings(config, self.policy)
        self.started = time.time()
        self.markdown_cache = self._resolve_markdown_cache(config)
        folder = self.config.page_cache.strip()
        self.page_cache = (
            PageCache(Path(config.config_file_path).parent / folder)
            if folder and template_cache.enabled(page_cache.SWITCH)
            else None
        )
        return config

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Compile each template once per `mkdocs build`, not once per language (byte-identical).

        Every page of this language build is rendered by now and no file is copied yet: here
        the assets that no built page uses leave the build (see _withhold_unused_assets),
        and the joined stylesheet joins it (theme.py).
        """
        if template_cache.enabled():
            env.bytecode_cache = self.templates
        if self.page_cache is not None:
            self.page_cache.attach(env, config)
        self._withhold_unused_assets(files, config)
        # Generated here, after static-i18n's on_files, which wants a source path for each file.
        files.append(self.stylesheets.file(config))
        return env

    # Runs before static-i18n's on_files (priority -100), so that files we drop are never
    # picked as another language's fallback.
    @event_priority(0)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Keep only what may be published: live pages of this language, and allowed assets.

        Every other file of the content folder goes (private folders, editor files, unknown
        types, pages that are not live on the build clock), and so do other languages' pages:
        static-i18n leaves them out of this language's build anyway, after handling each one
        for every language (a tenth of a build's time).
        """
        catalog, now = self._state()
        self.withheld = set()
        self.assets = set()
        language = self._reader_language(config).code if i18n_plugin(config) else None
        content_dir = Path(config.docs_dir).resolve()
        kept = []
        for file in files:
            if not _from_content(file, content_dir):
                kept.append(file)  # The theme's and overrides' files, and generated ones.
                continue
            page = catalog.get(file.src_uri)
            if page is not None:
                if not is_live(page.content, now):
                    self.withheld |= {page.path, page.path.partition("/")[2]}
                elif language is None or page.language == language:
                    kept.append(file)
            elif catalog.tree is not None and catalog.tree.is_asset(file.src_uri):
                self.assets.add(file.src_uri)
                kept.append(file)
        for asset in sorted(ASSETS_DIR.rglob("*")):
            if asset.is_file():
                uri = f"{ASSETS_URL}/{asset.relative_to(ASSETS_DIR).as_posix()}"
                kept.append(File.generated(config, uri, abs_src_path=str(asset)))
        return Files(kept)

    # Runs before static-i18n's on_nav (priority -100), which translates the nav we leave.
    @event_priority(0)
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        """Drop nav entries that name a withheld page: their label and slug would leak it.

        The language's folder becomes the top of its navigation here, for any BCP 47 tag:
        static-i18n only recognises a folder whose section title is the tag capitalised ("En"),
        so `pt-BR` or `zh-Hant` would stay one section holding the whole site.
        """
        nav.items = _without_withheld(nav.items, self.withheld)
        if i18n_plugin(config) is not None:
            nav.items = _without_language_folder(nav.items, self._reader_language(config).code)
        catalog, _ = self._state()

        def order(file: File) -> int | None:
            record = self.record_for(file.src_uri)
            return catalog.order(record) if record is not None else None

        nav.items = _in_order(nav.items, order)
        return nav

    def on_page_read_source(self, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        """Give MkDocs the checked body, so that it never parses front matter itself."""
        record = self._record(page)
        if record is None:
            if page.file.generated_by:
                return None  # A page another plugin generated (a listing): MkDocs reads it.
            raise PluginError(
                f"{page.file.src_uri}: not in the content catalog; "
                "content files must be Markdown inside a language folder"
            )
        # A leading blank line stops MkDocs from reading the body's first lines as
        # MultiMarkdown metadata ("Note: ..." would vanish otherwise).
        return "\n" + record.body

    # Runs before other plugins read page.meta (search, static-i18n, Material's tags).
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Set page.meta from the checked front matter, with the layout of the page's type."""
        record = self._record(page)
        if record is not None:
            page.meta = _render_meta(record)
        if self.markdown_cache is not None:
            self.markdown_cache.attach(page, record.language if record is not None else "")
        return markdown

    # Runs first among on_page_content handlers: it cleans what authors wrote, and plugins
    # that add trusted markup of their own run after it.
    @event_priority(100)
    def on_page_content(
        self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Sanitise the rendered body (G3), and check the links written in its raw HTML (G8)."""
        record = self._record(page)
        if record is None:
            return html  # A page another plugin generated from its own templates.
        if self.sanitiser is None or self.sanitiser[0] is not config:
            self.sanitiser = config, policy_for(config.markdown_extensions, config.mdx_configs)
        raw_values = raw_html_values(page.markdown or "")
        body = sanitise_html(html, self.sanitiser[1], links=bool(raw_values))
        rename_toc(page.toc, body.renamed)
        if not raw_values:
            return body.html
        addresses = self.link_targets.addresses(self, config, files)
        if record.path == page.file.src_uri:
            report_broken_links(page, record, body, raw_values, config, addresses)
            return body.html
        # A fallback shows its original's body at another address: its raw-HTML links were
        # written for the original's. Those that work there are pointed at the same files (the
        # original's own build reports the others).
        policy = self.state()[0]
        original_url = policy.url_prefix(record.language) + url_for_inner(
            record.path.partition("/")[2], config.use_directory_urls
        )
        return rebase_links(body.html, original_url, page.url, set(addresses.files))

    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext | None:
        """Expose the page, its typed front matter and the reader's language to templates.

        Material's sidebars that would hold nothing on this page are hidden (sidebars.py).
        """
        record = self._record(page)
        features = config.theme.get("features") or ()
        hide_empty_sidebars(page, nav, features, home=page.meta.get("template") == HOME_TEMPLATE)
        reader = self._reader_language(config)
        view = PageView(
            reader,
            record,
            administration=self._earlier_administration(record, reader),
            strings=self.strings(),
        )
        context["chancery"] = view  # type: ignore[typeddict-unknown-key]
        context["chancery_stylesheet"] = self.stylesheets.join(config)  # type: ignore[typeddict-unknown-key]
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Expose the reader's language to static templates such as 404.html."""
        view = PageView(self._reader_language(config), None, strings=self.strings())
        context["chancery"] = view  # type: ignore[typeddict-unknown-key]
        context["chancery_stylesheet"] = self.stylesheets.join(config)  # type: ignore[typeddict-unknown-key]
        return context

    def finish_language(self, config: MkDocsConfig) -> None:
        """Report how much rendered Markdown and how many rendered pages this build reused."""
        language = self._reader_language(config).code
        cache = self.markdown_cache
        if cache is not None and cache.hits + cache.misses:
            log.info(
                f"Markdown cache: {cache.hits} pages reused, {cache.misses} rendered ({language})"
            )
            cache.hits = cache.misses = 0
        if self.page_cache is not None:
            self.page_cache.report(language)

    def prune_caches(self) -> None:
        """After a whole site's build: drop cached Markdown and pages it did not use."""
        if self.markdown_cache is not None:
            markdown_cache.prune(self.markdown_cache.folder, self.started)
        if self.page_cache is not None:
            page_cache.prune(self.page_cache.folder, self.started)

    def add_alias(self, src_uri: str, record: Page) -> None:
        """Serve ``record`` at ``src_uri`` in this language build (a fallback page)."""
        self.aliases[src_uri] = record

    def record_for(self, src_uri: str) -> Page | None:
        """The catalog page served at ``src_uri`` in this language build."""
        catalog, _ = self._state()
        # A fallback stands where an unpublished version of this language may sit in the
        # catalog: the fallback's original is what is shown there, never that version.
        return self.aliases.get(src_uri) or catalog.get(src_uri)

    def _text_language(self, src_uri: str) -> str | None:
        """The language of the text served at ``src_uri`` (a fallback's original's)."""
        record = self.aliases.get(src_uri) or (self.catalog.get(src_uri) if self.catalog else None)
        return record.language if record is not None else None

    def reader_language(self, config: MkDocsConfig) -> Language:
        """The language this build is for: the reader's language."""
        return self._reader_language(config)

    def state(self) -> tuple[LanguagePolicy, Catalog, datetime]:
        """The language policy, catalog and clock of the current build."""
        catalog, now = self._state()
        assert self.policy is not None
        return self.policy, catalog, now

    def _withhold_unused_assets(self, files: Files, config: MkDocsConfig) -> None:
        """Drop the content assets that no page of this build uses, before MkDocs copies them.

        An asset follows the publication state of the pages that use it: an image beside a
        draft or an embargoed page stays out of the site until a published page shows it.
        SVG images that stay are published as the sanitiser's output, never as written.
        """
        if not self.assets:
            return
        catalog, _ = self._state()
        public = catalog.tree.public if catalog.tree is not None else frozenset()
        used: set[str] = set()
        for file in files.documentation_pages():
            if file.page is not None and file.page.content is not None:
                used |= referenced_paths(file.page.content, file.url)
        for extra in (config.theme.get("logo"), config.theme.get("favicon")):
            if isinstance(extra, str):
                used.add(extra.lstrip("/"))
        unused = [
            file
            for file in files
            if file.src_uri in self.assets
            and file.src_uri not in public
            and file.dest_uri not in used
        ]
        for file in unused:
            files.remove(file)
        for file in files:
            if file.src_uri in self.assets and needs_sanitising(file.src_uri):
                try:
                    file.content_bytes = sanitise_svg(file.content_bytes)
                except SvgError as error:
                    shown = Path(config.docs_dir).name
                    raise PluginError(
                        f"{shown}/{file.src_uri}: {error}; fix or remove it"
                    ) from error
        if unused:
            log.info(f"{len(unused)} files not published: no published page uses them")

    def strings(self) -> Strings:
        """The interface strings of the current build."""
        if self._strings is None:
            raise PluginError(
                "chancery/content: interface strings not loaded; on_config did not run"
            )
        return self._strings

    def _state(self) -> tuple[Catalog, datetime]:
        if self.catalog is None or self.now is None:
            raise PluginError("chancery/content: the catalog was not built; on_config did not run")
        return self.catalog, self.now

    def _record(self, page: MkDocsPage) -> Page | None:
        return self.record_for(page.file.src_uri)

    def _reader_language(self, config: MkDocsConfig) -> Language:
        assert self.policy is not None
        i18n = i18n_plugin(config)
        code = getattr(i18n, "current_language", None) or self.policy.root.code
        try:
            return self.policy.get(str(code))
        except KeyError:
            return self.policy.root

    def _resolve_markdown_cache(self, config: MkDocsConfig) -> MarkdownCache | None:
        folder = self.config.markdown_cache.strip()
        if not folder:
            return None
        if not markdown_cache.usable(config):
            log.info(
                "Markdown cache off: a Markdown extension in mkdocs.yml may read other files "
                f"(known to depend on the page alone: {', '.join(sorted(PURE_EXTENSIONS))})"
            )
            return None
        return MarkdownCache(Path(config.config_file_path).parent / folder, config)

    def _resolve_policy(self, config: MkDocsConfig) -> LanguagePolicy:
        try:
            policy = policy_from_options(
                [dict(language) for language in self.config.languages],
                self.config.root_language,
                self.config.source_language,
            )
        except PolicyError as error:
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/content: languages: {error}"
            ) from error
        _check_i18n_block(config, policy)
        return policy

    def _resolve_administrations(self) -> tuple[Administration, ...]:
        try:
            return parse_administrations(self.config.administrations)
        except AdministrationError as error:
            raise PluginError(f"mkdocs.yml: plugins: chancery/content: {error}") from error

    def _resolve_regions(self) -> Regions:
        try:
            return parse_regions(self.config.regions)
        except RegionError as error:
            raise PluginError(f"mkdocs.yml: plugins: chancery/content: {error}") from error

    def _earlier_administration(self, record: Page | None, reader: Language) -> str | None:
        """The name of the earlier administration a political page was published under."""
        if record is None or not record.content.political or record.content.date is None:
            return None
        _, now = self._state()
        then = administration_at(self.administrations, record.content.date)
        if then is None or then is administration_at(self.administrations, now):
            return None
        assert self.policy is not None
        return then.name(reader.code, self.policy.root.code)

    def _resolve_clock(self) -> datetime:
        try:
            return build_now()
        except ClockError as error:
            raise PluginError(str(error)) from error

    def locales_shown(self) -> str:
        """The site's folder of interface catalogs, as written in mkdocs.yml."""
        return str(self.config.locales_dir or DEFAULT_LOCALES_DIR).rstrip("/")

    def _resolve_strings(self, config: MkDocsConfig, policy: LanguagePolicy) -> Strings:
        project_dir = Path(config.config_file_path).parent
        setting = self.config.locales_dir
        folder = project_dir / (setting or DEFAULT_LOCALES_DIR)
        if setting and not folder.is_dir():
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/content: locales_dir: {setting} is not a folder; "
                "create it (with <language>.po files) or remove the setting"
            )
        if folder.is_dir() and str(folder) not in config.watch:
            config.watch.append(str(folder))  # `mkdocs serve` rebuilds when a catalog changes.
        started = time.perf_counter()
        try:
            strings = Strings.load(folder, relative_to=project_dir)
        except StringsError as error:
            raise PluginError(str(error)) from error
        # Untranslated strings are interface gaps, which chancery/languages' parity gate reports.
        log.debug(f"Interface strings loaded in {time.perf_counter() - started:.3f} s")
        return strings

    def _resolve_catalog(self, config: MkDocsConfig, policy: LanguagePolicy) -> Catalog:
        content_dir = Path(config.docs_dir)
        project_dir = Path(config.config_file_path).parent
        self.topics, problems = load_topics(
            content_dir / self.config.tags_file,
            _shown(content_dir / self.config.tags_file, project_dir),
        )
        try:
            if problems:
                raise ContentErrors(problems)
            catalog = load_catalog(
                content_dir,
                policy.codes,
                project_dir,
                regions=self.regions.slugs,
                root_language=policy.root.code,
                directory_urls=config.use_directory_urls,
                public_files=tuple(self.config.public_files),
                topics=self.topics,
                source_language=policy.source.code,
            )
        except ContentErrors as error:
            raise PluginError(str(error)) from error
        log.info(f"Read {len(catalog)} pages in {len(policy.codes)} languages")
        for warning in catalog.warnings:
            log.info(f"Lifecycle: {warning}")
        return catalog


class _WithheldNavReferences(logging.Filter):
    """Silences MkDocs' "not found" warning for a nav entry naming a page we withheld on purpose.

    An embargoed page may be listed in the nav ahead of time; that must neither fail a strict
    build nor show in the log that a build runs without it.
    """

    def __init__(self, plugin: ContentPlugin) -> None:
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        prefix = "A reference to '"
        if not message.startswith(prefix):
            return True
        reference = message[len(prefix) :].partition("'")[0]
        return reference not in self.plugin.withheld


def _without_withheld(items: list[Any], withheld: set[str]) -> list[Any]:
    kept = []
    for item in items:
        if isinstance(item, Link) and item.url in withheld:
            continue
        if isinstance(item, Section):
            item.children = _without_withheld(item.children, withheld)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _in_order(items: list[Any], order: Callable[[File], int | None]) -> list[Any]:
    """The navigation with each level sorted by the pages' `order`; the rest keep their place.

    Pages with an order come first, lowest first; a section is placed by its index page's
    order. A section's own index page stays at its head.
    """

    def key(item: Any) -> tuple[int, int]:
        if isinstance(item, Section):
            item.children = _in_order(item.children, order)
            index = next(
                (
                    child
                    for child in item.children
                    if isinstance(child, MkDocsPage) and child.file.name == "index"
                ),
                None,
            )
            value = order(index.file) if index is not None else None
        elif isinstance(item, MkDocsPage):
            if item.file.name == "index":
                return (-1, 0)
            value = order(item.file)
        else:
            value = None
        return (0, value) if value is not None else (1, 0)

    return sorted(items, key=key)


def _shown(path: Path, project_dir: Path) -> str:
    """A path as editors see it: relative to mkdocs.yml's folder when inside it."""
    resolved = path.resolve()
    if resolved.is_relative_to(project_dir.resolve()):
        return resolved.relative_to(project_dir.resolve()).as_posix()
    return path.as_posix()


def _from_content(file: File, content_dir: Path) -> bool:
    """Whether a file of the build comes from the content folder (untrusted input)."""
    if file.generated_by is not None or file.abs_src_path is None:
        return False
    return Path(file.abs_src_path).is_relative_to(content_dir)


def _without_language_folder(items: list[Any], language: str) -> list[Any]:
    """The navigation with the reader's language folder's section replaced by its children."""
    flattened: list[Any] = []
    found = False
    for item in items:
        if isinstance(item, Section) and _in_folder(item, f"{language}/"):
            flattened += item.children
            found = True
        else:
            flattened.append(item)
    if found:
        # The order static-i18n gives every language: unread pages first, then by title.
        flattened.sort(key=lambda item: item.title or "")
    return flattened


def _in_folder(section: Section, prefix: str) -> bool:
    """Whether every page under ``section`` is a file under ``prefix``."""
    pages = [item for item in section.children if isinstance(item, MkDocsPage)]
    sections = [item for item in section.children if isinstance(item, Section)]
    return (
        bool(pages or sections)
        and all(page.file.src_uri.startswith(prefix) for page in pages)
        and all(_in_folder(child, prefix) for child in sections)
    )


def _register_absolute_links(
    config: MkDocsConfig, policy: LanguagePolicy, text_language: Callable[[str], str | None]
) -> None:
    # Site-absolute links (`/docs/install/`) lead to the page in the linking page's language.
    # Python-Markdown takes extension objects beside names; MkDocs' type says names only.
    extensions: list[Any] = config.markdown_extensions
    extensions[:] = [item for item in extensions if not isinstance(item, AbsoluteLinks)]
    extensions.append(AbsoluteLinks(policy.codes, text_language))


def _register_theme_files(config: MkDocsConfig) -> None:
    # Our folder goes right after the site's custom_dir (which stays first, so a site can still
    # override anything) and BEFORE Material's: our base.html and partials/ then replace
    # Material's where they fail axe or the Nu HTML Checker (each copy says what it changes).
    if str(TEMPLATES_DIR) not in config.theme.dirs:
        custom_dir = config.theme.custom_dir
        at = 1 if custom_dir and config.theme.dirs[:1] == [custom_dir] else 0
        config.theme.dirs.insert(at, str(TEMPLATES_DIR))
    stylesheet = f"{ASSETS_URL}/chancery.css"
    if stylesheet not in config.extra_css:
        config.extra_css.insert(0, stylesheet)


def _render_meta(record: Page) -> dict[str, Any]:
    meta: dict[str, Any] = record.content.model_dump(exclude_none=True)
    # Material prints the title and description without escaping (in the nav, the search
    # index, <meta>). Escaped text marked safe renders right whether or not a template
    # escapes, so a title such as `<img onerror=...>` shows as text everywhere.
    meta["title"] = Markup.escape(record.content.title)
    meta["description"] = Markup.escape(record.content.description)
    meta["template"] = layout_of(record)
    return meta


def i18n_plugin(config: MkDocsConfig) -> Any:
    """chancery/i18n (mkdocs-static-i18n, configured from chancery/content), if listed."""
    return config.plugins.get(I18N_PLUGIN)


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """Whether this is one of static-i18n's builds of another language, inside the first.

    static-i18n (or chancery/languages in its place, language_builds.py) builds the other
    languages from inside the first build's on_post_build; while it does, its `building` flag is
    set and its current language is not the root one, and whatever was computed once per build
    is current. chancery/languages leaves the flag set (so that static-i18n's own loop does not
    run again) with the root language current.
    """
    i18n = i18n_plugin(config)
    if i18n is None or not getattr(i18n, "building", False):
        return False
    return bool(i18n.current_language != i18n.default_language)


def _check_i18n_block(config: MkDocsConfig, policy: LanguagePolicy) -> None:
    if "i18n" in config.plugins:
        raise PluginError(
            "mkdocs.yml: plugins: i18n: replace this block by `- chancery/i18n` and delete its "
            "`languages`: each language is declared once, in chancery/content's `languages` "
            "(with `name` and `site_name`), and chancery/i18n derives static-i18n's settings"
        )
    if i18n_plugin(config) is None and len(policy.codes) > 1:
        raise PluginError(
            f"mkdocs.yml: plugins: add '{I18N_PLUGIN}' after the other chancery plugins to "
            "build more than one language"
        )
