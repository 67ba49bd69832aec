"""The search plugin: one Pagefind index per language, and a search page in each language.

Material's search plugin puts every language into one index that every reader downloads
(static-i18n merges them). This plugin replaces it: it marks the pages worth finding in each
language build, adds each language's search page and the search form every page shows, and
runs Pagefind once over the whole site after the last language build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core import search_cache
from chancery.core.languages import LanguagePolicy
from chancery.core.search import (
    SearchIndexError,
    bundle_dir,
    index_sizes,
    language_glob,
    mark_indexable,
    merge_bundles,
    run_pagefind,
)
from chancery.mkdocs_plugins.content import ASSETS_URL
from chancery.mkdocs_plugins.site import (
    SiteWideStep,
    add_language_page,
    content_plugin,
    runs_site_wide_steps,
)

log = get_plugin_logger(__name__)

SEARCH_TEMPLATE = "chancery/search.html"
#: Where each language's own index waits, under its prefix, until the site-wide merge.
PART_DIR = ".chancery-search-part"
STYLESHEET = f"{ASSETS_URL}/search.css"
#: Material's search engine (theme files); without Material's search plugin nothing loads them.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class SearchPluginConfig(base.Config):
    """Settings of ``chancery/search`` in mkdocs.yml."""

    #: Where each language's search page is served, under the language's prefix; the search
    #: index goes to `<search_page>/pagefind/` at the site root.
    search_page = c.Type(str, default="search")
    #: Where each language's index is kept between builds, relative to mkdocs.yml: a language
    #: whose pages did not change is not indexed again (core/search_cache.py). "" turns it off.
    search_cache = c.Type(str, default=".cache/chancery/search")


class SearchPlugin(BasePlugin[SearchPluginConfig], SiteWideStep):
    """Per-language search: marks what to index, adds the pages, runs Pagefind at the end."""

    def __init__(self) -> None:
        #: src_uri of this language build's search page.
        self.page_uri: str | None = None

    # Runs with the other Chancery plugins, before static-i18n (-100) starts a language.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Refuse Material's search alongside: its index would put every language together."""
        if "material/search" in config.plugins:
            raise PluginError(
                "mkdocs.yml: plugins: remove `search`; chancery/search replaces it with one "
                "index per language"
            )
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def page_path(self, config: MkDocsConfig) -> str:
        """The search page's URL path under a language prefix, e.g. "search/"."""
        slug = self.config.search_page.strip("/")
        return f"{slug}/" if config.use_directory_urls else f"{slug}.html"

    # Runs after static-i18n's on_files (-100) has chosen this language's files, so that the
    # page joins this language only (as chancery/languages' fallbacks do).
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add this language's search page; drop Material's search worker and lunr, unused."""
        for file in list(files):
            if file.src_uri.startswith(MATERIAL_SEARCH_FILES):
                files.remove(file)
        content = content_plugin(config, "chancery/search")
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        slug = self.config.search_page.strip("/")
        front_matter = {
            "title": content.strings().text("search.title", reader.code),
            "template": SEARCH_TEMPLATE,
            "robots": "noindex",
        }
        page = add_language_page(
            files,
            config,
            prefix=policy.url_prefix(reader.code),
            language=reader.code,
            slug=slug,
            front_matter=front_matter,
            owner="chancery/search",
            option="search_page",
        )
        self.page_uri = page.src_uri
        return files

    # Runs after chancery/content (0), which puts the reader's language in the context.
    @event_priority(-10)
    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext | None:
        """Tell every page where its language's search page is (for the search form).

        The search page also learns where the index is (site-relative).
        """
        context["chancery_search"] = self._search_url(config)  # type: ignore[typeddict-unknown-key]
        context["chancery_search_bundle"] = self.bundle_dir() + "/"  # type: ignore[typeddict-unknown-key]
        return context

    # Same order as on_page_context, for static pages (404.html).
    @event_priority(-10)
    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Static pages (404.html) show the search form too."""
        context["chancery_search"] = self._search_url(config)  # type: ignore[typeddict-unknown-key]
        context["chancery_search_bundle"] = self.bundle_dir() + "/"  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Mark the page for indexing if it is the real version in this language."""
        content = content_plugin(config, "chancery/search")
        record = content.record_for(page.file.src_uri)
        if record is None or page.file.src_uri in _fallbacks(config):
            return output
        if record.content.withdrawn is not None:
            return output
        if '<meta name="robots" content="noindex">' in output:
            return output
        return mark_indexable(output)

    def finish_language(self, config: MkDocsConfig) -> None:
        """Index this language's pages in the process that built them, once its build ends.

        Indexing then runs alongside the other languages' builds (language_builds.py).
        """
        content = content_plugin(config, "chancery/search")
        policy, _, _ = content.state()
        self._index_language(config, policy, content.reader_language(config).code)

    # Runs after chancery/languages' on_post_build (-99), which builds the other languages, and
    # before chancery/headers (-900) and chancery/integrity (-1000), which must see the bundle.
    @event_priority(-300)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Merge each language's index into the site's bundle (Pagefind splits by <html lang>)."""
        if not runs_site_wide_steps(config):
            return
        site_dir = Path(config.site_dir)
        policy, _, _ = content_plugin(config, "chancery/search").state()
        parts = []
        for code in policy.codes:
            part = site_dir / policy.url_prefix(code) / PART_DIR
            if not part.is_dir():  # Built by static-i18n's own loop: index it now.
                self._index_language(config, policy, code)
            parts.append(part)
        cache = self._cache(config)
        if cache is not None:
            search_cache.prune(cache, content_plugin(config, "chancery/search").started)
        bundle = site_dir / self.bundle_dir()
        merge_bundles(parts, bundle)
        for part in parts:
            shutil.rmtree(part)
        sizes = index_sizes(bundle)
        summary = ", ".join(f"{code} {size // 1024} KiB" for code, size in sorted(sizes.items()))
        log.info(f"Search index per language: {summary}")

    def _index_language(self, config: MkDocsConfig, policy: LanguagePolicy, code: str) -> None:
        # Into a private folder under the language's prefix, which travels with the language's
        # pages when languages are built on separate machines (chancery merge).
        site_dir = Path(config.site_dir)
        prefix = policy.url_prefix(code)
        others = [policy.url_prefix(other) for other in policy.codes if other != code]
        glob = language_glob(site_dir, prefix, [other for other in others if other])
        output = site_dir / prefix / PART_DIR
        try:
            reused = search_cache.indexed(
                self._cache(config),
                site_dir,
                output,
                glob,
                lambda: run_pagefind(site_dir, output, glob),
            )
        except SearchIndexError as error:
            raise PluginError(f"chancery/search: {error}") from error
        if reused:
            log.info(f"Search index of {code}: its pages are unchanged, the kept index reused")

    def _cache(self, config: MkDocsConfig) -> Path | None:
        folder = self.config.search_cache.strip()
        return Path(config.config_file_path).parent / folder if folder else None

    def bundle_dir(self) -> str:
        """The site folder of the search index: `<search_page>/pagefind`."""
        return bundle_dir(self.config.search_page)

    def _search_url(self, config: MkDocsConfig) -> str:
        content = content_plugin(config, "chancery/search")
        policy, _, _ = content.state()
        return policy.url_prefix(content.reader_language(config).code) + self.page_path(config)


def _fallbacks(config: MkDocsConfig) -> dict[str, object]:
    # The honest fallback pages of this language build (chancery/languages): they carry the
    # original's text, which must not turn up in this language's results.
    languages = config.plugins.get("chancery/languages")
    return dict(getattr(languages, "fallbacks", {}) or {})
