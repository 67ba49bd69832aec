"""The listings plugin: listings, archives, tag pages, audience hubs, the missions directory, feeds.

mkdocs-static-i18n re-runs the whole build once per language, so this plugin adds, in each
language build, that language's generated pages and feeds (``File.generated``), at the same
paths under its prefix. What each page shows is decided by ``chancery.core.listings``; this
module only turns it into MkDocs files, page metadata and template context.

A site with thousands of news items must not repeat them in the nav of every page: the articles
of the types in ``listings_nav_types`` leave the nav, and their listing's first page stands in
for them; every other generated page stays out of the nav too.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core.catalog import Catalog, Page
from chancery.core.consular_view import ConsularView
from chancery.core.feeds import FILE_NAMES, FORMATS, Feed, FeedFormat, render
from chancery.core.languages import Language, LanguagePolicy, country_name
from chancery.core.listings import (
    DIRECTORY_TEMPLATE,
    FEEDS_PATH,
    SHARE_SERVICES,
    TYPE_PATHS,
    FeedLink,
    GeneratedPage,
    LanguagePlan,
    Link,
    ListingSettings,
    Related,
    Site,
    feed_links,
    share_links,
)
from chancery.core.portal import HOME_SECTIONS, HOME_TEMPLATE, Home, HomeSettings, home, network
from chancery.core.presentation import PageView
from chancery.mkdocs_plugins.content import ContentPlugin
from chancery.mkdocs_plugins.site import (
    absolute_url,
    content_plugin,
    dest_uri,
    set_language_menu,
)

log = get_plugin_logger(__name__)

_NAV_TYPES = ("news", "statement", "event", "fact-check")
_CONTENT_TYPES = (*TYPE_PATHS, "mission")


class ListingsPluginConfig(base.Config):
    """Settings of ``chancery/listings`` in mkdocs.yml."""

    #: Items per page of a listing.
    listings_per_page = c.Type(int, default=20)
    #: Types whose articles leave the nav (their listing stands in for them).
    listings_nav_types = c.ListOfItems(c.Choice(_CONTENT_TYPES), default=list(_NAV_TYPES))
    #: Current items listed on each mission page.
    listings_mission_items = c.Type(int, default=5)
    #: Items per feed, newest first.
    feeds_items = c.Type(int, default=50)
    #: Share links on campaign pages, in this order.
    campaign_share = c.ListOfItems(c.Choice(tuple(SHARE_SERVICES)), default=list(SHARE_SERVICES))
    #: The sections of each language's home page, in this order (those with nothing to show
    #: are left out); the header with the page's title and the other languages comes first.
    home_sections = c.ListOfItems(c.Choice(HOME_SECTIONS), default=list(HOME_SECTIONS))
    #: News items, statements and campaigns on a home page, each.
    home_items = c.Type(int, default=HomeSettings.items)


class ListingsPlugin(BasePlugin[ListingsPluginConfig]):
    """Adds each language's generated pages and feeds, and lists related content on pages."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.plan: LanguagePlan | None = None
        #: The generated pages of the current language build, by src_uri.
        self.pages: dict[str, GeneratedPage] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the settings; forget the previous language's pages."""
        self.plan = None
        self.pages = {}
        for name in ("listings_per_page", "listings_mission_items", "feeds_items", "home_items"):
            if self.config[name] < 1:
                raise PluginError(
                    f"mkdocs.yml: plugins: chancery/listings: {name}: must be 1 or more"
                )
        if not config.site_url:
            raise PluginError(
                "mkdocs.yml: site_url: required by chancery/listings, as feeds need absolute "
                "links; set it to the address the site is published at"
            )
        return config

    # Runs after static-i18n's on_files (priority -100) has chosen this language's files, and
    # after chancery/languages (same priority, earlier in `plugins:`) has added its fallbacks,
    # so that the directory can link to them.
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add this language's listings and feeds; take the archive types out of the nav."""
        content = content_plugin(config, "chancery/listings")
        policy, catalog, _ = content.state()
        reader = content.reader_language(config)
        site = self._resolve_site(config, content, policy, catalog)
        plan = site.plan(
            reader.code,
            site_name=config.site_name,
            site_url=str(config.site_url),
            served=frozenset(content.aliases),
        )
        self.plan = plan
        self.pages = {}
        taken = {file.dest_uri: file for file in files}
        skipped = self._skipped_listings(plan, reader, policy, config, taken)
        for generated in plan.pages:
            if generated.listing in skipped:
                continue
            src_uri = f"{reader.code}/{generated.inner}"
            inclusion = InclusionLevel.INCLUDED if generated.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src_uri, content="", inclusion=inclusion)
            file.dest_uri = _dest_uri(generated.inner, policy, reader, config)
            files.append(file)
            self.pages[src_uri] = generated
        for feed in plan.feeds:
            for fmt in FORMATS:
                self._add_feed_file(files, config, feed, fmt, reader, taken)
        nav_types = set(self.config.listings_nav_types)
        for file in files:
            record = content.record_for(file.src_uri) if file.is_documentation_page() else None
            if record is not None and record.type in nav_types:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give each generated page its title, description and layout."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta = {
                "title": generated.title,
                "description": generated.description,
                "template": generated.template,
            }
            if not generated.searchable:
                page.meta["search"] = {"exclude": True}
        return markdown

    # Runs after chancery/languages (priority 0), whose page view and selector we complete or,
    # for generated pages, provide.
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
        """Put the listing, related content, topic links and feeds into the page's context."""
        content = content_plugin(config, "chancery/listings")
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        plan = self._plan()
        site = self._site()
        generated = self.pages.get(page.file.src_uri)
        record = content.record_for(page.file.src_uri)
        extra: dict[str, Any] = {}
        if generated is not None:
            view: PageView = context["chancery"]  # type: ignore[typeddict-item]
            versions = _versions(site, policy, generated)
            context["chancery"] = dataclasses.replace(  # type: ignore[typeddict-unknown-key]
                view,
                hreflang=_hreflang(policy, generated, versions, config),
                versions=versions,
            )
            set_language_menu(config, versions)
            extra["chancery_listing"] = generated
            if generated.template == DIRECTORY_TEMPLATE:
                extra["chancery_network"] = network(site, reader.code, frozenset(content.aliases))
            extra["chancery_page_feeds"] = tuple(
                link for feed in generated.feeds for link in feed_links(feed)
            )
        elif record is not None:
            extra["tags"] = self._topics(record, reader, plan)
            if page.meta.get("template") == HOME_TEMPLATE:
                extra["chancery_home"] = self._home(page, reader, plan, context, content)
            if record.type == "mission":
                extra["chancery_related"] = self._mission_related(record, reader, plan)
            elif record.type == "campaign":
                extra["chancery_related"] = self._campaign_related(record, reader, plan)
                extra["chancery_share"] = self._share(record, page, reader, config)
        extra["chancery_feeds"] = self._announced(generated, record, plan)
        context.update(extra)  # type: ignore[typeddict-item]
        return context

    def _resolve_site(
        self, config: MkDocsConfig, content: ContentPlugin, policy: LanguagePolicy, catalog: Catalog
    ) -> Site:
        # One index per build: the catalog is the same object in every language build.
        if self.site is None or self.site.catalog is not catalog:
            settings = ListingSettings(
                per_page=self.config.listings_per_page,
                nav_types=frozenset(self.config.listings_nav_types),
                mission_items=self.config.listings_mission_items,
                feed_items=self.config.feeds_items,
            )
            _, _, now = content.state()
            self.site = Site(
                catalog,
                policy,
                content.regions,
                now,
                settings,
                directory_urls=config.use_directory_urls,
                topics=content.topics,
                strings=content.strings(),
            )
        return self.site

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("chancery/listings: on_files did not run")
        return self.site

    def _plan(self) -> LanguagePlan:
        if self.plan is None:
            raise PluginError("chancery/listings: on_files did not run")
        return self.plan

    def _skipped_listings(
        self,
        plan: LanguagePlan,
        reader: Language,
        policy: LanguagePolicy,
        config: MkDocsConfig,
        taken: dict[str, File],
    ) -> set[str]:
        """Listings one of whose addresses is already a page: the page there wins."""
        skipped = set()
        for generated in plan.pages:
            dest = _dest_uri(generated.inner, policy, reader, config)
            if dest in taken and generated.listing not in skipped:
                skipped.add(generated.listing)
                log.info(
                    f"{taken[dest].src_uri} is at the address of the generated "
                    f"'{generated.listing}' listing in '{reader.code}'; that listing is left out"
                )
        return skipped

    def _add_feed_file(
        self,
        files: Files,
        config: MkDocsConfig,
        feed: Feed,
        fmt: FeedFormat,
        reader: Language,
        taken: dict[str, File],
    ) -> None:
        dest = feed.url(fmt)
        if dest in taken:
            raise PluginError(
                f"{taken[dest].src_uri}: is at the address of a feed ({dest}); move it out of "
                f"{FEEDS_PATH}/"
            )
        src_uri = f"{reader.code}/{FEEDS_PATH}/{feed.key}/{FILE_NAMES[fmt]}"
        file = File.generated(config, src_uri, content=render(feed, fmt))
        file.dest_uri = dest
        files.append(file)

    def _home(
        self,
        page: MkDocsPage,
        reader: Language,
        plan: LanguagePlan,
        context: TemplateContext,
        content: ContentPlugin,
    ) -> Home:
        """The sections of a language's home page, with chancery/consular's alerts and advice."""
        consular: ConsularView | None = context.get("chancery_consular")  # type: ignore[assignment]
        settings = HomeSettings(
            sections=tuple(dict.fromkeys(self.config.home_sections)),
            items=self.config.home_items,
        )
        return home(
            self._site(),
            reader.code,
            settings=settings,
            hub_urls=dict(plan.hub_urls),
            alerts=consular.alerts if consular else (),
            advice=consular.countries if consular else (),
            overview_url=consular.overview_url if consular else "",
            introduction=bool((page.content or "").strip()),
            served=frozenset(content.aliases),
        )

    def _topics(self, record: Page, reader: Language, plan: LanguagePlan) -> list[dict[str, str]]:
        """The page's audiences and tags, as links for Material's tags partial."""
        site = self._site()
        topics = [
            {"name": site.regions.name(audience, reader.code), "url": plan.hub_urls[audience]}
            for audience in record.content.audiences
            if audience in plan.hub_urls
        ]
        topics += [
            {"name": site.tag_name(tag, reader.code), "url": plan.tag_urls[tag]}
            for tag in record.content.tags
            if tag in plan.tag_urls
        ]
        return topics

    def _mission_related(self, record: Page, reader: Language, plan: LanguagePlan) -> Related:
        site = self._site()
        strings = site.strings
        country = str(getattr(record.content, "country", ""))
        place = country_name(country, reader.code)
        links = []
        if country in plan.hub_urls:
            links.append(
                Link(
                    strings.text("mission.more", reader.code).format(place=place),
                    plan.hub_urls[country],
                )
            )
        region = site.regions.of_country(country)
        if region is not None:
            links.append(
                Link(
                    strings.text("mission.more", reader.code).format(
                        place=region.name(reader.code)
                    ),
                    plan.hub_urls[region.slug],
                )
            )
        return Related(
            strings.text("mission.current", reader.code).format(place=place),
            site.mission_items(reader.code, record),
            tuple(links),
        )

    def _campaign_related(self, record: Page, reader: Language, plan: LanguagePlan) -> Related:
        site = self._site()
        items = site.campaign_items(reader.code, record)
        return Related(site.strings.text("campaign.related", reader.code), items, ())

    def _share(
        self, record: Page, page: MkDocsPage, reader: Language, config: MkDocsConfig
    ) -> dict[str, Any]:
        url = absolute_url(config, page.url)
        hashtag = str(getattr(record.content, "hashtag", ""))
        links = share_links(
            self.config.campaign_share,
            url,
            record.content.title,
            hashtag,
            reader.code,
            self._site().strings,
        )
        return {"url": url, "links": links}

    def _announced(
        self, generated: GeneratedPage | None, record: Page | None, plan: LanguagePlan
    ) -> tuple[FeedLink, ...]:
        """The feeds a page announces: the language's feed, and the one it matches."""
        feeds = [plan.site_feed]
        if generated is not None:
            feeds += generated.feeds
        elif record is not None:
            if record.type in plan.type_feeds:
                feeds.append(plan.type_feeds[record.type])
            country = str(getattr(record.content, "country", ""))
            if record.type == "mission" and country in plan.audience_feeds:
                feeds.append(plan.audience_feeds[country])
        unique = {feed.key: feed for feed in feeds}
        return tuple(link for feed in unique.values() for link in feed_links(feed))


def _dest_uri(inner: str, policy: LanguagePolicy, reader: Language, config: MkDocsConfig) -> str:
    return policy.url_prefix(reader.code) + dest_uri(inner, config)


def _versions(
    site: Site, policy: LanguagePolicy, generated: GeneratedPage
) -> tuple[tuple[Language, str], ...]:
    """The generated page in every language.

    The same page, or the listing's first page where that language's items do not reach this
    page number.
    """
    versions = []
    for language in policy.languages:
        url = site.prefixed(language.code, generated.inner)
        if url not in site.urls(language.code):
            url = site.prefixed(language.code, f"{generated.listing}/index.md")
        versions.append((language, url))
    return tuple(versions)


def _hreflang(
    policy: LanguagePolicy,
    generated: GeneratedPage,
    versions: tuple[tuple[Language, str], ...],
    config: MkDocsConfig,
) -> tuple[tuple[str, str], ...]:
    # The first page of a listing exists in every language; a later page lists other items in
    # each language, so it has no equivalent to announce.
    if generated.pagination is not None and generated.pagination.number > 1:
        return ()
    real = [(language.code, absolute_url(config, url)) for language, url in versions]
    return (*real, ("x-default", dict(real)[policy.root.code]))
