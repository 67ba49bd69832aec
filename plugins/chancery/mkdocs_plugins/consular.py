"""The consular plugin: site-wide alerts, travel advice, emergency contacts and light pages.

In a crisis, readers abroad need the same facts in their own language, at once, even on a
failing network. This plugin shows current alerts on every page of every language (in the
HTML, so no JavaScript is needed), publishes travel advice with its levels, history, feeds and
a JSON index, pulls emergency contacts from the mission pages, and writes a text-only "light"
version of every alert and every advice page. What is not current on the build clock leaves no
trace: the alerts file is never copied, and an ended alert is simply not rendered anywhere.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from chancery.core.alerts import (
    DEFAULT_ALERTS_FILE,
    Alert,
    AlertSet,
    check_links,
    json_ld,
    load_alerts,
    special_announcement,
    text_for,
)
from chancery.core.catalog import Catalog, Page
from chancery.core.consular_view import (
    AdviceView,
    AlertView,
    ConsularView,
    CountryContacts,
    advice_view,
    alert_views,
    contact_views,
    level_view,
    overview,
)
from chancery.core.errors import ContentErrors
from chancery.core.languages import Language, LanguagePolicy
from chancery.core.light import light_html
from chancery.core.presentation import PageView
from chancery.core.schedule import is_live
from chancery.core.seo import SiteIdentity, graph, json_ld_script, site_identity, web_page
from chancery.core.sitemap import SitemapEntry
from chancery.core.strings import Strings
from chancery.core.travel_advice import (
    Advice,
    AdviceLinks,
    Contact,
    FeedEntry,
    advice_in,
    atom_feed,
    check_travel_advice,
    contacts_in,
    index_document,
    level_history,
)
from chancery.mkdocs_plugins.seo import SeoPlugin
from chancery.mkdocs_plugins.site import (
    absolute_url,
    content_plugin,
    dest_uri,
    is_nested_language_build,
    url_for_inner,
)

log = get_plugin_logger(__name__)

#: The banner's and the overview's styles, published with the other assets.
STYLESHEET = "assets/chancery/consular.css"
#: Inside each language: the overview page, the JSON index and the light pages' folder. (The
#: listing of travel advice, chancery/listings', is at travel-advice/; the overview sits beside.)
OVERVIEW = "travel-advice/overview.md"
INDEX_JSON = "travel-advice/index.json"
FEED_NAME = "atom.xml"
LIGHT = "light"
#: Marks the banner in a page's HTML, so that its structured data goes where it shows.
BANNER_MARK = "data-chancery-alerts"


class ConsularPluginConfig(base.Config):
    """Settings of ``chancery/consular`` in mkdocs.yml."""

    #: The alerts data file, relative to the content folder. A name starting with '_' is never
    #: published; any other name is removed from the site all the same.
    alerts_file = c.Type(str, default=DEFAULT_ALERTS_FILE)
    #: The ministry's 24-hour consular number, shown with every block of emergency contacts.
    consular_call_centre = c.Optional(c.Type(str))
    #: The largest a light page may be; a larger one fails the build.
    light_max_bytes = c.Type(int, default=15 * 1024)


@dataclass
class _LanguageState:
    """What one language build shows: computed once in on_files, used by every page."""

    language: Language
    alerts: tuple[Alert, ...]
    alert_views: tuple[AlertView, ...]
    advice: tuple[tuple[Advice, AdviceView], ...]
    contacts: tuple[Contact, ...]
    #: Source paths of the documentation pages this build serves (fallbacks included).
    served: frozenset[str]
    overview_uri: str
    #: Rendered bodies of this build's advice pages, by group key: (page URL, HTML).
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)


class ConsularPlugin(BasePlugin[ConsularPluginConfig]):
    """Alerts on every page, travel advice, emergency contacts and light pages."""

    def __init__(self) -> None:
        self.alerts: AlertSet | None = None
        self.state: _LanguageState | None = None

    # Runs after chancery/content and chancery/languages (same priority, listed before us),
    # which build the catalog and the language policy, and before static-i18n (-100).
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read and check the alerts and the travel advice, once per `mkdocs build`."""
        self.state = None
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.alerts is not None and is_nested_language_build(config):
            return config
        policy, catalog, now = content_plugin(config, "chancery/consular").state()
        prefix = _display_prefix(config)
        try:
            alerts = load_alerts(
                Path(config.docs_dir) / self.config.alerts_file,
                prefix + self.config.alerts_file,
                policy,
                now,
            )
        except ContentErrors as error:
            raise PluginError(str(error)) from error
        errors = [*check_links(alerts, catalog, now), *check_travel_advice(catalog, now, prefix)]
        if errors:
            raise PluginError(str(ContentErrors(errors)))
        _check_setup(config, catalog, now, prefix)
        self.alerts = alerts
        return config

    # Runs after static-i18n's on_files (-100), which picks this language's files, and after
    # chancery/languages' (-110, listed before us), which adds the honest fallbacks: we need
    # to know what this language serves, and our files must keep their language prefix.
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Drop the alerts file; add the overview, the JSON index and the feeds."""
        content = content_plugin(config, "chancery/consular")
        policy, catalog, now = content.state()
        reader = content.reader_language(config)
        alerts_path = (Path(config.docs_dir) / self.config.alerts_file).resolve()
        for file in list(files):
            if file.src_uri == self.config.alerts_file or (
                file.abs_src_path and Path(file.abs_src_path).resolve() == alerts_path
            ):
                files.remove(file)
        self.state = self._resolve_state(config, files, policy, catalog, now, reader)
        if not self.state.advice:
            return files
        code, prefix = reader.code, policy.url_prefix(reader.code)
        overview_file = File.generated(config, self.state.overview_uri, content="")
        overview_file.dest_uri = prefix + dest_uri(OVERVIEW, config)
        files.append(overview_file)
        index = index_document(
            code,
            [(advice, self._links(advice, config)) for advice, _ in self.state.advice],
            content.strings(),
        )
        _append(files, config, f"{code}/{INDEX_JSON}", prefix + INDEX_JSON, _json_bytes(index))
        for advice, _ in self.state.advice:
            if self._served(advice.inner):
                path = _feed_path(advice.inner)
                feed = self._render_feed(advice, config)
                _append(files, config, f"{code}/{path}", prefix + path, feed)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give the generated overview page its title, description and layout."""
        state = self._state()
        if page.file.src_uri == state.overview_uri:
            code = state.language.code
            strings = content_plugin(config, "chancery/consular").strings()
            page.meta = {
                "title": strings.text("travel.overview.title", code),
                "description": strings.text("travel.overview.description", code),
                "template": "chancery/travel-advice-overview.html",
            }
        return markdown

    # Runs after other plugins have changed the rendered body (a sanitiser, for instance), so
    # that a light page carries the very text of its full page.
    @event_priority(-90)
    def on_page_content(
        self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep the rendered body of each advice page for its light page."""
        record = content_plugin(config, "chancery/consular").record_for(page.file.src_uri)
        if record is not None and record.type == "travel-advice":
            self._state().bodies[record.key] = (page.url, html)
        return html

    # Runs after chancery/languages' on_page_context (same priority, listed before us), so that
    # the overview page's language selector replaces the one left from the previous page.
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
        """Expose alerts, the page's advice, contacts or overview to the templates."""
        state = self._state()
        content = content_plugin(config, "chancery/consular")
        policy, _, _ = content.state()
        view = self._base_view(config)
        record = content.record_for(page.file.src_uri)
        if record is not None and record.type == "travel-advice":
            shown = next((v for a, v in state.advice if a.key == record.key), None)
            country = shown.country if shown else ""
            view = dataclasses.replace(
                view, advice=shown, contacts=self._contacts(config, country) if shown else ()
            )
        elif record is not None and record.type == "consular-service":
            view = dataclasses.replace(view, contacts=self._contacts(config))
        elif page.file.src_uri == state.overview_uri:
            view = dataclasses.replace(
                view,
                overview=overview(
                    [v for _, v in state.advice], state.language.code, content.strings()
                ),
            )
            context["chancery"] = self._overview_page_view(context, policy, config)  # type: ignore[typeddict-unknown-key]
            selector = _selector(policy, config, url_for_inner(OVERVIEW, config))
            setattr(config.extra, "alternate", selector)  # noqa: B010
            config.extra["alternate"] = selector
        context["chancery_consular"] = view  # type: ignore[typeddict-unknown-key]
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """Expose the alerts to static templates (such as 404.html) that include the banner."""
        if self.state is not None:
            context["chancery_consular"] = self._base_view(config)  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        """Add the alerts' structured data and the advice page's feed link to <head>."""
        state = self._state()
        head: list[str] = []
        if BANNER_MARK in output:
            head.extend(self._render_json_ld(config))
        record = content_plugin(config, "chancery/consular").record_for(page.file.src_uri)
        if record is not None and record.type == "travel-advice":
            advice = next((a for a, _ in state.advice if a.key == record.key), None)
            if advice is not None:
                feed = self._feed_url(advice, config)
                href = get_relative_url(feed, page.url)
                title = escape(advice.content.title)
                head.append(
                    f'<link rel="alternate" type="application/atom+xml" href="{escape(href)}" '
                    f'title="{title}">'
                )
        if not head or "</head>" not in output:
            return output
        return output.replace("</head>", "".join(f"  {line}\n" for line in head) + "</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write this language's light pages: the alerts, the advice and their index."""
        state = self._state()
        pages = self._render_light_pages(config)
        site = Path(config.site_dir)
        for uri, html in pages:
            data = html.encode("utf-8")
            if len(data) > self.config.light_max_bytes:
                raise PluginError(
                    f"chancery/consular: the light page {uri} is {len(data)} bytes, over "
                    f"light_max_bytes ({self.config.light_max_bytes}); shorten the page it "
                    "comes from"
                )
            path = site / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        log.info(f"Wrote {len(pages)} light pages in {state.language.code}")

    # -- resolution -------------------------------------------------------------------------

    def _state(self) -> _LanguageState:
        if self.state is None:
            raise PluginError("chancery/consular: on_files did not run")
        return self.state

    def _resolve_state(
        self,
        config: MkDocsConfig,
        files: Files,
        policy: LanguagePolicy,
        catalog: Catalog,
        now: datetime,
        reader: Language,
    ) -> _LanguageState:
        assert self.alerts is not None
        alerts = self.alerts.active(now)
        strings = content_plugin(config, "chancery/consular").strings()
        state = _LanguageState(
            language=reader,
            alerts=alerts,
            alert_views=(),
            advice=(),
            contacts=contacts_in(catalog, policy, now, reader.code),
            served=frozenset(file.src_uri for file in files.documentation_pages()),
            overview_uri=f"{reader.code}/{OVERVIEW}",
        )
        self.state = state
        state.alert_views = alert_views(
            alerts,
            reader,
            policy,
            lambda alert: self._light_url(f"alerts/{alert.id}", reader.code, config),
            lambda alert: self._alert_link(alert, config),
            strings,
        )
        state.advice = tuple(
            (
                advice,
                advice_view(
                    advice,
                    policy,
                    self._advice_url(advice, config),
                    self._advice_light_url(advice, config),
                    self._feed_url(advice, config),
                    strings,
                ),
            )
            for advice in advice_in(catalog, policy, now, reader.code)
        )
        return state

    def _served(self, inner: str) -> bool:
        state = self._state()
        return f"{state.language.code}/{inner}" in state.served

    def _page_url(self, inner: str, language: str, config: MkDocsConfig) -> str:
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        return policy.url_prefix(language) + url_for_inner(inner, config)

    def _served_url(self, page: Page, config: MkDocsConfig) -> str:
        """The page in the reader's language (or its fallback there), else where it is."""
        inner = page.path.partition("/")[2]
        if self._served(inner):
            return self._page_url(inner, self._state().language.code, config)
        return self._page_url(inner, page.language, config)

    def _advice_url(self, advice: Advice, config: MkDocsConfig) -> str:
        return self._served_url(advice.page, config)

    def _advice_light_url(self, advice: Advice, config: MkDocsConfig) -> str:
        language = (
            self._state().language.code if self._served(advice.inner) else advice.page.language
        )
        return self._light_url(_stem(advice.inner), language, config)

    def _feed_url(self, advice: Advice, config: MkDocsConfig) -> str:
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        language = (
            self._state().language.code if self._served(advice.inner) else advice.page.language
        )
        return policy.url_prefix(language) + _feed_path(advice.inner)

    def _light_url(self, path: str, language: str, config: MkDocsConfig) -> str:
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        folder = f"{policy.url_prefix(language)}{LIGHT}/{path}/".replace("//", "/")
        return folder if config.use_directory_urls else folder + "index.html"

    def _alert_link(self, alert: Alert, config: MkDocsConfig) -> str | None:
        if alert.link is None:
            return None
        target = alert.content_link
        if target is None:
            return alert.link
        policy, catalog, now = content_plugin(config, "chancery/consular").state()
        fragment = alert.link.partition("#")[2]
        versions = [
            page
            for code in (self._state().language.code, policy.root.code, *policy.codes)
            if (page := catalog.group(target).get(code)) is not None and is_live(page.content, now)
        ]
        url = self._served_url(versions[0], config)
        return f"{url}#{fragment}" if fragment else url

    def _links(self, advice: Advice, config: MkDocsConfig) -> AdviceLinks:
        return AdviceLinks(
            absolute_url(config, self._advice_url(advice, config)),
            absolute_url(config, self._advice_light_url(advice, config)),
            absolute_url(config, self._feed_url(advice, config)),
        )

    def _contacts(
        self, config: MkDocsConfig, country: str | None = None
    ) -> tuple[CountryContacts, ...]:
        content = content_plugin(config, "chancery/consular")
        policy, _, _ = content.state()
        contacts = [
            contact
            for contact in self._state().contacts
            if country is None or contact.mission.country == country
        ]
        return contact_views(
            contacts,
            policy,
            lambda contact: self._served_url(contact.page, config),
            content.strings(),
        )

    def _base_view(self, config: MkDocsConfig) -> ConsularView:
        state = self._state()
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        prefix = policy.url_prefix(state.language.code)
        return ConsularView(
            language=state.language,
            alerts=state.alert_views,
            call_centre=self.config.consular_call_centre,
            light_home_url=self._light_url("", state.language.code, config),
            overview_url=prefix + url_for_inner(OVERVIEW, config),
            index_json_url=prefix + INDEX_JSON,
            countries=tuple(view for _, view in state.advice),
        )

    def _overview_page_view(
        self, context: TemplateContext, policy: LanguagePolicy, config: MkDocsConfig
    ) -> PageView:
        view: PageView = context["chancery"]  # type: ignore[typeddict-item]
        inner_url = url_for_inner(OVERVIEW, config)
        versions = tuple(
            (language, policy.url_prefix(language.code) + inner_url)
            for language in policy.languages
        )
        hreflang = tuple((language.code, absolute_url(config, url)) for language, url in versions)
        root = absolute_url(config, inner_url)
        return dataclasses.replace(
            view, versions=versions, hreflang=(*hreflang, ("x-default", root))
        )

    # -- rendering --------------------------------------------------------------------------

    def _render_feed(self, advice: Advice, config: MkDocsConfig) -> bytes:
        code = advice.page.language
        strings = content_plugin(config, "chancery/consular").strings()
        links = self._links(advice, config)
        history = level_history(advice.content)
        # Atom ids must be absolute IRIs; without a site_url, a stable URN stands in.
        absolute = links.feed.startswith(("https://", "http://"))
        feed_id = links.feed if absolute else f"urn:chancery:{code}:{_stem(advice.inner)}"
        entries = [
            FeedEntry(
                id=f"{links.page if absolute else feed_id}#{entry.date.isoformat()}",
                title=entry.note or strings.text("travel.history.published", code),
                updated=entry.date,
                link=links.page,
                text=_feed_text(
                    entry.level, entry.note or advice.content.description, code, strings
                ),
            )
            for entry in history
        ]
        return atom_feed(
            feed_id=feed_id,
            title=advice.content.title,
            language=code,
            updated=advice.updated,
            page_url=links.page,
            self_url=links.feed,
            author=config.site_name,
            entries=entries,
        )

    def _render_json_ld(self, config: MkDocsConfig) -> list[str]:
        state = self._state()
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        scripts = []
        for alert in state.alerts:
            code, text = text_for(alert, state.language.code, policy)
            url = absolute_url(
                config, self._light_url(f"alerts/{alert.id}", state.language.code, config)
            )
            data = special_announcement(alert, code, text, url, config.site_name)
            scripts.append(f'<script type="application/ld+json">{json_ld(data)}</script>')
        return scripts

    def _render_light_pages(self, config: MkDocsConfig) -> list[tuple[str, str]]:
        state = self._state()
        content = content_plugin(config, "chancery/consular")
        policy, _, _ = content.state()
        env = config.theme.get_env()
        code = state.language.code
        strings = content.strings()
        chancery = PageView(state.language, None, strings=strings)
        home_url = policy.url_prefix(code) or "./"
        all_languages = tuple(policy.languages)
        seo = config.plugins.get("chancery/seo")
        seo = seo if isinstance(seo, SeoPlugin) else None
        identity = seo.site_identity(config) if seo else _identity(config, policy)
        favicon = seo.favicon_url(config) if seo else config.theme.get("favicon")
        pages: list[tuple[str, str]] = []

        def render(template: str, url: str, light: _LightHead, **values: Any) -> None:
            uri = url if url.endswith(".html") else url + "index.html"
            base_url = get_relative_url(".", url)
            html = env.get_template(f"chancery/light/{template}").render(
                chancery=chancery,
                config=config,
                page=None,
                base_url=base_url,
                home_url=home_url,
                light_home_url=self._light_url("", code, config),
                call_centre=self.config.consular_call_centre,
                favicon=favicon,
                description=light.description,
                canonical=light.canonical,
                hreflang=light.hreflang,
                json_ld=Markup(json_ld_script(light.json_ld)),
                **values,
            )
            pages.append((uri, html))
            # A light page that is its own canonical version is listed in the sitemap, with
            # the same alternates as its head.
            if seo is not None and light.canonical == absolute_url(config, url):
                seo.record_page(SitemapEntry(loc=light.canonical, alternates=light.hreflang))

        site_name = state.language.site_name or config.site_name
        for alert, shown in zip(state.alerts, state.alert_views, strict=True):
            path = f"alerts/{alert.id}"
            url = self._light_url(path, code, config)
            text_code, text = text_for(alert, code, policy)
            real = tuple(
                language
                for language in all_languages
                if text_for(alert, language.code, policy)[0] == language.code
            )
            summary = _summary(" ".join(shown.paragraphs))
            announcement = special_announcement(
                alert, text_code, text, absolute_url(config, url), site_name
            )
            render(
                "alert.html",
                url,
                _LightHead(
                    description=summary,
                    # Shown in another language, the page names that language's as canonical
                    # and claims no alternates (as a missing translation's fallback does).
                    canonical=absolute_url(config, self._light_url(path, text_code, config)),
                    hreflang=self._light_hreflang(real, path, config) if text_code == code else (),
                    json_ld=graph(identity, code, announcement),
                ),
                alert=shown,
                title=shown.title,
                full_url=None,
                languages=self._light_languages(all_languages, path, config),
            )
        for advice, view in state.advice:
            body = state.bodies.get(advice.key)
            if body is None or not self._served(advice.inner):
                continue
            page_url, html = body
            light_url = self._light_url(_stem(advice.inner), code, config)
            live = _live_languages(advice, config)
            full = absolute_url(config, view.url)
            page = web_page(
                identity,
                name=view.title,
                description=view.summary,
                url=absolute_url(config, light_url),
                language=advice.page.language,
                based_on=full,
                modified=view.updated,
            )
            render(
                "travel-advice.html",
                light_url,
                # A text-only copy of the full page, which is the canonical version.
                _LightHead(view.summary, full, (), graph(identity, code, page)),
                advice=view,
                body=Markup(light_html(html, page_url, light_url)),
                contacts=self._contacts(config, advice.country),
                title=view.title,
                full_url=view.url,
                languages=self._light_languages(live, _stem(advice.inner), config),
            )
        url = self._light_url("", code, config)
        title = strings.text("light.home", code)
        description = strings.text("light.description", code)
        home = web_page(
            identity,
            name=title,
            description=description,
            url=absolute_url(config, url),
            language=code,
        )
        render(
            "index.html",
            url,
            _LightHead(
                description,
                absolute_url(config, url),
                self._light_hreflang(all_languages, "", config),
                graph(identity, code, home),
            ),
            alerts=state.alert_views,
            advice=tuple(view for _, view in state.advice),
            title=title,
            full_url=home_url,
            languages=self._light_languages(all_languages, "", config),
        )
        return pages

    def _light_hreflang(
        self, languages: tuple[Language, ...], path: str, config: MkDocsConfig
    ) -> tuple[tuple[str, str], ...]:
        """Absolute hreflang alternates of a light page, with x-default when the root has it."""
        policy, _, _ = content_plugin(config, "chancery/consular").state()
        if len(languages) < 2:
            return ()
        pairs = [
            (language.code, absolute_url(config, self._light_url(path, language.code, config)))
            for language in languages
        ]
        root = dict(pairs).get(policy.root.code)
        return (*pairs, ("x-default", root)) if root else tuple(pairs)

    def _light_languages(
        self, languages: tuple[Language, ...], path: str, config: MkDocsConfig
    ) -> list[dict[str, str]]:
        return [
            {
                "code": language.code,
                "dir": language.direction,
                "name": language.name,
                "url": self._light_url(path, language.code, config),
            }
            for language in languages
            if language.code != self._state().language.code
        ]


@dataclass(frozen=True)
class _LightHead:
    """What a light page's <head> says besides its title: for search engines and previews."""

    description: str
    #: Absolute URL of the canonical version: the page itself, its full page, or the version
    #: in the language its text is really in.
    canonical: str
    hreflang: tuple[tuple[str, str], ...]
    json_ld: dict[str, Any]


def _summary(text: str, limit: int = 200) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, for a description."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "\u2026"


def _identity(config: MkDocsConfig, policy: LanguagePolicy) -> SiteIdentity:
    """The ministry as publisher, when chancery/seo (which knows its logo) is not used."""
    names = {language.code: language.site_name for language in policy.languages}
    return site_identity(names, config.site_url, str(config.site_name))


def _display_prefix(config: MkDocsConfig) -> str:
    docs = Path(config.docs_dir).resolve()
    project = Path(config.config_file_path).parent.resolve() if config.config_file_path else None
    if project is not None and docs.is_relative_to(project):
        return docs.relative_to(project).as_posix() + "/"
    return ""


def _check_setup(config: MkDocsConfig, catalog: Catalog, now: datetime, prefix: str) -> None:
    taken = catalog.group(OVERVIEW)
    if taken:
        path = prefix + sorted(page.path for page in taken.values())[0]
        raise PluginError(
            f"{path}: chancery/consular generates the travel-advice overview at this address in "
            "every language; move this page elsewhere"
        )
    advice = [page for page in catalog.of_type("travel-advice") if is_live(page.content, now)]
    extensions = [str(name) for name in config.markdown_extensions]
    if advice and not any(name.rpartition(".")[2] == "attr_list" for name in extensions):
        raise PluginError(
            "mkdocs.yml: markdown_extensions: add attr_list; travel advice marks its sections "
            "on their headings, e.g. `## Health {#health}`"
        )


def _append(files: Files, config: MkDocsConfig, src_uri: str, dest_uri: str, data: bytes) -> None:
    generated = File.generated(config, src_uri, content=data)
    generated.dest_uri = dest_uri
    files.append(generated)


def _json_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _stem(inner: str) -> str:
    stem = inner.removesuffix(".md")
    return stem.removesuffix("/index") if stem.endswith("/index") else stem


def _feed_path(inner: str) -> str:
    return f"{_stem(inner)}/{FEED_NAME}"


def _feed_text(level: int, note: str, language: str, strings: Strings) -> str:
    return f"{level_view(level, language, strings).full}\n\n{note}"


def _live_languages(advice: Advice, config: MkDocsConfig) -> tuple[Language, ...]:
    policy, catalog, now = content_plugin(config, "chancery/consular").state()
    group = catalog.group(advice.key)
    return tuple(
        language
        for language in policy.languages
        if language.code in group and is_live(group[language.code].content, now)
    )


def _selector(policy: LanguagePolicy, config: MkDocsConfig, inner_url: str) -> list[dict[str, str]]:
    return [
        {
            "name": language.name,
            "link": policy.url_prefix(language.code) + inner_url,
            "lang": language.code,
            "dir": language.direction,
        }
        for language in policy.languages
    ]
