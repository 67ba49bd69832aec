"""The dashboard plugin: the language service dashboard, an internal page built with the site.

The page shows the depth, cadence and freshness of every language (``chancery.core.metrics``),
measured from the content on the build clock. It is built in two languages only, the domestic
one and the root one, at ``<prefix>internal/language-service/``, and it stays out of everything
public: it is out of the nav, carries ``<meta name="robots" content="noindex">``, is excluded
from search (``search: {exclude: true}``), never enters the catalog (so no listing or feed sees
it), and is not in static-i18n's sitemap (it is added after static-i18n has listed the files).

Other plugins recognise it with :func:`is_dashboard_page`, or generally by
``page.meta["robots"]`` containing ``noindex``.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core.dashboard import DashboardView, dashboard_view
from chancery.core.languages import Language, LanguagePolicy
from chancery.core.metrics import (
    MetricsReport,
    MetricsSettings,
    MetricsSettingsError,
    measure,
    verdict_line,
)
from chancery.core.schedule import is_live
from chancery.core.translations import TranslationPolicy, TranslationReport, assess
from chancery.mkdocs_plugins.content import ContentPlugin
from chancery.mkdocs_plugins.site import (
    content_at,
    content_plugin,
    dest_uri,
    is_nested_language_build,
)

log = get_plugin_logger(__name__)

#: The plugin's name in mkdocs.yml, which MkDocs records as the page's ``generated_by``.
DASHBOARD_PLUGIN = "chancery/dashboard"
TEMPLATE = "chancery/dashboard.html"


class DashboardPluginConfig(base.Config):
    """Settings of ``chancery/dashboard`` in mkdocs.yml."""

    #: Build the dashboard page (``chancery metrics`` works either way).
    dashboard_enabled = c.Type(bool, default=True)
    #: Where the page goes under the domestic and the root language's prefixes.
    dashboard_path = c.Type(str, default="internal/language-service")
    #: Targets per language: `{en: {depth: 0.8, cadence: 0.8}}`; `"*"` for every foreign
    #: language; metrics are depth, cadence, coverage (floors) and lag_days (a ceiling).
    metrics_targets = c.Type(dict, default={})
    #: A language's words per domestic-language word, to fix rather than measure it.
    metrics_word_density = c.Type(dict, default={})
    #: Make `chancery metrics` exit 1 on a missed target (for CI). The build never fails on it.
    metrics_fail_on_missed_targets = c.Type(bool, default=False)


def is_dashboard_page(page: MkDocsPage) -> bool:
    """Whether ``page`` is the dashboard: keep it out of sitemaps, feeds and listings."""
    return page.file.generated_by == DASHBOARD_PLUGIN


class DashboardPlugin(BasePlugin[DashboardPluginConfig]):
    """Measures every language once per build and publishes the internal dashboard page."""

    def __init__(self) -> None:
        self.report: MetricsReport | None = None
        #: The dashboard's source path in the current language build, if it has one.
        self.src_uri: str | None = None
        self._views: dict[str, DashboardView] = {}

    # Runs after chancery/content and chancery/languages (same priority, listed before it),
    # which build the catalog and the translation report that the metrics reuse.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Measure every language once per build, even though static-i18n re-enters."""
        self.src_uri = None
        if self.report is not None and is_nested_language_build(config):
            return config
        content = content_plugin(config, DASHBOARD_PLUGIN)
        policy, catalog, now = content.state()
        try:
            settings = MetricsSettings.from_options(dict(self.config), policy)
        except MetricsSettingsError as error:
            raise PluginError(f"mkdocs.yml: plugins: {DASHBOARD_PLUGIN}: {error}") from error
        translations = self._resolve_translations(config, content)
        self.report = measure(
            catalog, policy, translations, now, lambda page: is_live(page.content, now), settings
        )
        self._views = {}
        for verdict in self.report.missed:
            # Info, not a warning: a missed target must not fail a --strict build.
            log.info(f"Language target missed: {verdict_line(verdict)}")
        return config

    # Runs after static-i18n's on_files (priority -100) has chosen this language's files, as
    # chancery/languages' fallback pages do: the page joins this language's build only, and
    # stays out of static-i18n's sitemap, which lists the files it saw.
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the dashboard page to the domestic and the root language's builds."""
        self.src_uri = None
        if not self.config.dashboard_enabled:
            return files
        content = content_plugin(config, DASHBOARD_PLUGIN)
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        if reader.code not in dashboard_languages(policy):
            return files
        inner = self._resolve_inner_path()
        src_uri = f"{reader.code}/{inner}.md"
        prefix = policy.url_prefix(reader.code)
        address = dest_uri(f"{inner}.md", config)
        # By address: `internal/language-service/index.md` is published there too.
        taken = content_at(files, config, prefix=prefix, inner=address, owner=DASHBOARD_PLUGIN)
        if taken:
            raise PluginError(
                f"{', '.join(taken)}: the language service dashboard is published at this "
                f"address; move the page, or set dashboard_path under plugins: {DASHBOARD_PLUGIN}"
            )
        file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = prefix + address
        files.append(file)
        self.src_uri = src_uri
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give the dashboard its layout, title, and the marks that keep it out of public view."""
        if page.file.src_uri != self.src_uri:
            return markdown
        content = content_plugin(config, DASHBOARD_PLUGIN)
        reader = content.reader_language(config)
        page.meta = {
            "title": Markup.escape(content.strings().text("dashboard.title", reader.code)),
            "template": TEMPLATE,
            "robots": "noindex",
            "search": {"exclude": True},
        }
        return markdown

    # Runs after chancery/languages (0), which leaves pages outside the catalog alone, so that
    # the selector shows the dashboard's own versions, not the previous page's.
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
        """Give the template the dashboard in the reader's language, and the selector links."""
        if page.file.src_uri != self.src_uri:
            return context
        content = content_plugin(config, DASHBOARD_PLUGIN)
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        context["dashboard"] = self._resolve_view(content, reader)  # type: ignore[typeddict-unknown-key]
        selector = self._render_selector(policy, config)
        # As chancery/languages does: static-i18n sets `extra.alternate` as an attribute too.
        setattr(config.extra, "alternate", selector)  # noqa: B010
        config.extra["alternate"] = selector
        return context

    def _resolve_translations(
        self, config: MkDocsConfig, content: ContentPlugin
    ) -> TranslationReport:
        # Reuse chancery/languages' report when it is there: one translation state per build.
        languages = config.plugins.get("chancery/languages")
        report = getattr(languages, "report", None)
        if isinstance(report, TranslationReport):
            return report
        policy, catalog, now = content.state()
        return assess(
            catalog, policy, TranslationPolicy(), now, lambda page: is_live(page.content, now)
        )

    def _resolve_inner_path(self) -> str:
        inner = str(self.config.dashboard_path).strip("/")
        if not inner or inner.endswith(".md") or ".." in inner.split("/"):
            raise PluginError(
                f"mkdocs.yml: plugins: {DASHBOARD_PLUGIN}: dashboard_path: '{inner}' must be a "
                "folder path such as internal/language-service"
            )
        return inner

    def _resolve_view(self, content: ContentPlugin, reader: Language) -> DashboardView:
        if reader.code not in self._views:
            if self.report is None:
                raise PluginError(f"{DASHBOARD_PLUGIN}: on_config did not run")
            regions: Any = getattr(content, "regions", None)
            name = getattr(regions, "name", None)

            def audience(slug: str) -> str:
                return str(name(slug, reader.code)) if callable(name) else slug

            self._views[reader.code] = dashboard_view(
                self.report, reader.code, content.strings(), audience if callable(name) else None
            )
        return self._views[reader.code]

    def _render_selector(
        self, policy: LanguagePolicy, config: MkDocsConfig
    ) -> list[dict[str, str]]:
        inner = self._resolve_inner_path()
        here = dashboard_languages(policy)
        return [
            {
                "name": language.name,
                # The dashboard where it exists; else that language's home page.
                "link": policy.url_prefix(language.code)
                + (_url_for(f"{inner}.md", config) if language.code in here else ""),
                "lang": language.code,
                "dir": language.direction,
            }
            for language in policy.languages
        ]


def dashboard_languages(policy: LanguagePolicy) -> tuple[str, ...]:
    """The languages the dashboard is built in: the domestic one and the root one."""
    codes = [policy.root.code]
    if policy.domestic is not None:
        codes.insert(0, policy.domestic.code)
    return tuple(codes)


def _url_for(inner: str, config: MkDocsConfig) -> str:
    return File(inner, None, config.site_dir, config.use_directory_urls).url.removeprefix("./")
