"""The content plugin: strict front matter, one catalog per build, typed page layouts.

MkDocs reads front matter with PyYAML and swallows its errors; this plugin reads every content
file once through ``chancery.core`` before MkDocs does, fails the build on any error, and hands
MkDocs the checked body and metadata instead.
"""

from __future__ import annotations

import logging
import time
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
from chancery.core.catalog import Catalog, Page, is_ignored, load_catalog
from chancery.core.clock import ClockError, build_now
from chancery.core.config import policy_from_options
from chancery.core.errors import ContentErrors
from chancery.core.languages import Language, LanguagePolicy, PolicyError
from chancery.core.presentation import PageView
from chancery.core.raw_links import raw_html_values
from chancery.core.sanitize import Policy, policy_for, sanitise_html
from chancery.core.schedule import is_live
from chancery.mkdocs_plugins import markdown_cache, template_cache
from chancery.mkdocs_plugins.content_links import LinkTargets, rename_toc, report_broken_links
from chancery.mkdocs_plugins.markdown_cache import PURE_EXTENSIONS, MarkdownCache

log = get_plugin_logger(__name__)

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Our layouts; appended to the theme's folders so that a site's overrides/ still wins.
TEMPLATES_DIR = _PACKAGE_DIR / "templates"
#: Our stylesheet and fonts, published under assets/chancery/.
ASSETS_DIR = _PACKAGE_DIR / "assets"
ASSETS_URL = "assets/chancery"


class _LanguageOption(base.Config):
    code = c.Type(str)
    role = c.Choice(("domestic", "foreign"), default="foreign")


class ContentPluginConfig(base.Config):
    """Settings of ``chancery/content`` in mkdocs.yml."""

    #: The language policy, in order; the first foreign language is served at the root.
    languages = c.ListOfItems(c.SubConfig(_LanguageOption))
    #: Governments' terms: `{name: {en: ..., ko: ...}, start: ..., end: ...}`; a page marked
    #: `political: true` from an earlier one says so.
    administrations = c.ListOfItems(c.Type(dict), default=[])
    #: The regions pages address in `audiences`: `{slug, names: {en: ...}, countries: [MX, ...],
    #: languages: [es, ...]}`; any other slug in `audiences` fails the build.
    regions = c.ListOfItems(c.Type(dict), default=[])
    #: Where rendered Markdown is kept between builds (relative to mkdocs.yml); "" turns the
    #: cache off. Used only with Markdown extensions that depend on the page alone.
    markdown_cache = c.Type(str, default=".cache/chancery/markdown")


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
        #: Paths of pages withheld from this build (unpublished), as a nav may name them.
        self.withheld: set[str] = set()
        logging.getLogger("mkdocs.structure.nav").addFilter(_WithheldNavReferences(self))
        #: Compiled templates, shared by static-i18n's language builds (template_cache.py).
        self.templates = template_cache.MemoryBytecodeCache()
        #: Rendered Markdown kept between builds (markdown_cache.py), or None.
        self.markdown_cache: MarkdownCache | None = None
        #: When this `mkdocs build` started: cache entries older and unused are removed.
        self.started = 0.0
        #: What the sanitiser keeps, for the Markdown extensions of one language build's config.
        self.sanitiser: tuple[MkDocsConfig, Policy] | None = None
        #: What raw-HTML links in bodies may lead to.
        self.link_targets = LinkTargets()

    # Runs before static-i18n's on_config (priority -100), so that a content error stops the
    # build before any language is configured or any file is written.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Build the catalog, once per `mkdocs build` even though static-i18n re-enters."""
        _register_theme_files(config)
        self.aliases = {}
        if is_nested_language_build(config) and self.catalog is not None:
            return config
        self.policy = self._resolve_policy(config)
        self.administrations = self._resolve_administrations()
        self.regions = self._resolve_regions()
        self.now = self._resolve_clock()
        self.catalog = self._resolve_catalog(config, self.policy)
        self.started = time.time()
        self.markdown_cache = self._resolve_markdown_cache(config)
        return config

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Compile each template once per `mkdocs build`, not once per language (byte-identical)."""
        if template_cache.enabled():
            env.bytecode_cache = self.templates
        return env

    # Runs before static-i18n's on_files (priority -100), so that files we drop are never
    # picked as another language's fallback.
    @event_priority(0)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Drop editor files, private folders and pages that are not live on the build clock.

        Other languages' pages go too: static-i18n leaves them out of this language's build
        anyway, after handling each one for every language (a tenth of a build's time).
        """
        catalog, now = self._state()
        self.withheld = set()
        language = self._reader_language(config).code if _i18n_plugin(config) else None
        kept = []
        for file in files:
            if is_ignored(file.src_uri):
                continue
            page = catalog.get(file.src_uri)
            if page is not None and not is_live(page.content, now):
                self.withheld |= {page.path, page.path.partition("/")[2]}
                continue
            if page is not None and language is not None and page.language != language:
                continue
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
        """Drop nav entries that name a withheld page: their label and slug would leak it."""
        nav.items = _without_withheld(nav.items, self.withheld)
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
            self.markdown_cache.attach(page)
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
        if raw_values:
            addresses = self.link_targets.addresses(self, config, files)
            report_broken_links(page, record, body, raw_values, config, addresses)
        return body.html

    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext | None:
        """Expose the page, its typed front matter and the reader's language to templates."""
        record = self._record(page)
        reader = self._reader_language(config)
        view = PageView(reader, record, administration=self._earlier_administration(record, reader))
        context["chancery"] = view  # type: ignore[typeddict-unknown-key]
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Expose the reader's language to static templates such as 404.html."""
        view = PageView(self._reader_language(config), None)
        context["chancery"] = view  # type: ignore[typeddict-unknown-key]
        return context

    def finish_language(self, config: MkDocsConfig) -> None:
        """Report how much rendered Markdown this language's build reused."""
        cache = self.markdown_cache
        if cache is not None and cache.hits + cache.misses:
            language = self._reader_language(config).code
            log.info(
                f"Markdown cache: {cache.hits} pages reused, {cache.misses} rendered ({language})"
            )
            cache.hits = cache.misses = 0

    def prune_markdown_cache(self) -> None:
        """After a whole site's build: drop cached Markdown that this build did not use."""
        if self.markdown_cache is not None:
            markdown_cache.prune(self.markdown_cache.folder, self.started)

    def add_alias(self, src_uri: str, record: Page) -> None:
        """Serve ``record`` at ``src_uri`` in this language build (a fallback page)."""
        self.aliases[src_uri] = record

    def record_for(self, src_uri: str) -> Page | None:
        """The catalog page served at ``src_uri`` in this language build."""
        catalog, _ = self._state()
        return catalog.get(src_uri) or self.aliases.get(src_uri)

    def reader_language(self, config: MkDocsConfig) -> Language:
        """The language this build is for: the reader's language."""
        return self._reader_language(config)

    def state(self) -> tuple[LanguagePolicy, Catalog, datetime]:
        """The language policy, catalog and clock of the current build."""
        catalog, now = self._state()
        assert self.policy is not None
        return self.policy, catalog, now

    def _state(self) -> tuple[Catalog, datetime]:
        if self.catalog is None or self.now is None:
            raise PluginError("chancery/content: the catalog was not built; on_config did not run")
        return self.catalog, self.now

    def _record(self, page: MkDocsPage) -> Page | None:
        return self.record_for(page.file.src_uri)

    def _reader_language(self, config: MkDocsConfig) -> Language:
        assert self.policy is not None
        code = str(config.theme.get("language") or self.policy.root.code)
        try:
            return self.policy.get(code)
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
            policy = policy_from_options([dict(language) for language in self.config.languages])
        except PolicyError as error:
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/content: languages: {error}"
            ) from error
        _check_i18n_agrees(config, policy)
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

    def _resolve_catalog(self, config: MkDocsConfig, policy: LanguagePolicy) -> Catalog:
        content_dir = Path(config.docs_dir)
        try:
            project_dir = Path(config.config_file_path).parent
            catalog = load_catalog(
                content_dir, policy.codes, project_dir, regions=self.regions.slugs
            )
        except ContentErrors as error:
            raise PluginError(str(error)) from error
        log.info(f"Read {len(catalog)} pages in {len(policy.codes)} languages")
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
    meta["template"] = f"chancery/{record.type}.html"
    return meta


def _i18n_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """Whether this is one of static-i18n's builds of another language, inside the first.

    static-i18n (or chancery/languages in its place, language_builds.py) builds the other
    languages from inside the first build's on_post_build; while it does, its `building` flag is
    set and its current language is not the root one, and whatever was computed once per build
    is current. chancery/languages leaves the flag set (so that static-i18n's own loop does not
    run again) with the root language current.
    """
    i18n = _i18n_plugin(config)
    if i18n is None or not getattr(i18n, "building", False):
        return False
    return bool(i18n.current_language != i18n.default_language)


def _check_i18n_agrees(config: MkDocsConfig, policy: LanguagePolicy) -> None:
    i18n = _i18n_plugin(config)
    if i18n is None:
        if len(policy.codes) > 1:
            raise PluginError(
                "mkdocs.yml: plugins: add 'i18n' (mkdocs-static-i18n) after chancery/content "
                "to build more than one language"
            )
        return
    where = "mkdocs.yml: plugins: i18n"
    if i18n.config.docs_structure != "folder":
        raise PluginError(f"{where}: set docs_structure: folder (content/<language>/...)")
    locales = [language.locale for language in i18n.config.languages if language.build]
    if sorted(locales) != sorted(policy.codes):
        raise PluginError(
            f"{where}: languages {', '.join(locales)} differ from chancery/content's "
            f"{', '.join(policy.codes)}; list the same languages in both"
        )
    if i18n.default_language != policy.root.code:
        raise PluginError(
            f"{where}: '{policy.root.code}' is the first foreign language, so it must be the "
            f"default (served at the root); set default: true on it, not on "
            f"'{i18n.default_language}'"
        )
