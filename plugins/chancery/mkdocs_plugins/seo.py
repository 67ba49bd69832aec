"""The SEO plugin: link previews, structured data, the sitemap and robots.txt.

static-i18n writes a sitemap from its own template in every language build, with the build
day as lastmod and every language as an alternate, fallbacks included. This plugin turns that
template off and writes the sitemap once, after the last language build, from the alternates
each page's ``<head>`` shows: the same data, so the two always agree.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass
from datetime import datetime
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
from mkdocs.utils.templates import TemplateContext
from PIL import Image

from chancery.core.cards import (
    CARD_SIZE,
    CardCache,
    CardStyle,
    CardText,
    NoCard,
    card_key,
    favicon_ico,
    load_emblem,
    render_card,
)
from chancery.core.catalog import Page
from chancery.core.presentation import PageView
from chancery.core.seo import (
    ARTICLE_TYPES,
    PageFacts,
    SiteIdentity,
    json_ld_script,
    last_modified,
    open_graph,
    page_graph,
    site_identity,
    twitter_card,
    without_versions,
)
from chancery.core.sitemap import MAX_URLS, SITEMAP_NAME, SitemapEntry, build_sitemaps, robots_txt
from chancery.mkdocs_plugins.content import ASSETS_URL
from chancery.mkdocs_plugins.site import (
    SiteWideStep,
    absolute_url,
    content_plugin,
    is_nested_language_build,
    runs_site_wide_steps,
)

log = get_plugin_logger(__name__)

#: The share image that ships with Chancery (language-neutral: the emblem alone), and its size.
DEFAULT_SHARE_IMAGE = f"{ASSETS_URL}/share.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)
#: Inside each language's folder: the share cards, named by the hash of what they show.
CARDS_FOLDER = "assets/cards"
FAVICON_ICO = "favicon.ico"


class SeoPluginConfig(base.Config):
    """Settings of ``chancery/seo`` in mkdocs.yml."""

    #: Site-relative path of the ministry's logo, e.g. assets/images/emblem.svg.
    organization_logo = c.Optional(c.Type(str))
    #: The ministry's official accounts and pages elsewhere (absolute URLs).
    organization_same_as = c.ListOfItems(c.Type(str), default=[])
    #: Site-relative path of the image link previews show; Chancery ships a neutral one.
    share_image = c.Type(str, default=DEFAULT_SHARE_IMAGE)
    #: The ministry's account on X/Twitter, e.g. "@MOFA_Haneul".
    twitter_site = c.Optional(c.Type(str))
    #: URLs per sitemap file; beyond it, sitemap.xml becomes a sitemap index.
    sitemap_max_urls = c.Type(int, default=MAX_URLS)
    #: Write robots.txt naming the sitemap (an existing robots.txt only gains the line).
    robots_txt = c.Type(bool, default=True)
    #: Draw a share card for every page: its title in its language, the emblem, the ministry.
    share_cards = c.Type(bool, default=True)
    #: Folder (relative to mkdocs.yml) of the cards drawn by earlier builds; "" for none.
    share_cards_cache = c.Type(str, default=".cache/chancery/cards")
    #: The emblem on cards and in favicon.ico: an SVG or raster image, site-relative (in the
    #: overrides or content folder). By default organization_logo, else the theme's favicon.
    share_card_emblem = c.Optional(c.Type(str))
    #: The cards' colours, '#rrggbb': text and emblem in the foreground over the background.
    share_card_background = c.Type(str, default=CardStyle.background)
    share_card_foreground = c.Type(str, default=CardStyle.foreground)
    #: Write /favicon.ico from the emblem, for clients that ask for it (a site's own is kept).
    favicon_ico = c.Type(bool, default=True)


@dataclass
class _Cards:
    """The share cards of one `mkdocs build`: style, emblem, cache, and counts by language."""

    style: CardStyle
    emblem: Image.Image | None
    emblem_digest: str
    cache: CardCache | None
    #: Cards drawn, reused from the cache, and pages left with the default image.
    counts: dict[str, list[int]] = dataclasses.field(default_factory=dict)

    def count(self, language: str, outcome: int) -> None:
        """Count one page's card: 0 drawn, 1 reused, 2 the default image."""
        self.counts.setdefault(language, [0, 0, 0])[outcome] += 1


@dataclass(frozen=True)
class HeadTags:
    """What ``partials/seo-head.html`` renders: ``chancery_seo`` in templates."""

    #: (property, content) pairs for <meta property=...>.
    open_graph: tuple[tuple[str, str], ...]
    #: (name, content) pairs for <meta name=...>.
    twitter: tuple[tuple[str, str], ...]
    #: The JSON-LD element, escaped so that no value can end it.
    json_ld: Markup


class SeoPlugin(BasePlugin[SeoPluginConfig], SiteWideStep):
    """Head metadata on every page, and one sitemap for every language."""

    def __init__(self) -> None:
        #: Indexable pages of every language build so far.
        self.entries: dict[str, SitemapEntry] = {}
        #: The share cards' settings and counts, or None when cards are off.
        self.cards: _Cards | None = None

    # Runs after chancery/content (0, listed earlier), whose catalog it reads later on.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Start a new sitemap for each `mkdocs build`, and turn off MkDocs' own."""
        if not is_nested_language_build(config):
            self.entries = {}
        if self.config.sitemap_max_urls < 1:
            raise PluginError(
                "mkdocs.yml: plugins: chancery/seo: sitemap_max_urls must be at least 1"
            )
        # MkDocs (through static-i18n's template) would write sitemap.xml in every language
        # build; ours is written once, at the end.
        config.theme.static_templates.discard(SITEMAP_NAME)
        if not is_nested_language_build(config):
            self.cards = self._resolve_cards(config)
        return config

    # Runs after static-i18n's on_files (-100), which puts its sitemap template in the theme.
    @event_priority(-200)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Drop the theme's sitemap template, which MkDocs would now copy as it is."""
        for file in list(files):
            if file.src_uri == SITEMAP_NAME and file.src_dir in config.theme.dirs:
                files.remove(file)
        # /favicon.ico, in the root language's folder (the site root), unless the site has one.
        wanted = self.config.favicon_ico and not is_nested_language_build(config)
        if wanted and not any(file.dest_uri == FAVICON_ICO for file in files):
            emblem = self._emblem_image(config, 32, _favicon_colour(self.config))
            if emblem is not None:
                files.append(File.generated(config, FAVICON_ICO, content=favicon_ico(emblem)))
        return files

    # Runs after chancery/languages (0), which sets the page's hreflang and, for a fallback
    # page, its canonical link to the original.
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
        """Give the page its head tags, and record it for the sitemap if it is indexable."""
        content = content_plugin(config, "chancery/seo")
        policy, catalog, _ = content.state()
        view: PageView = context["chancery"]  # type: ignore[typeddict-item]
        record = content.record_for(page.file.src_uri)
        fallback = page.file.src_uri in _fallbacks(config)
        noindex = _asks_noindex(page, record)
        hreflang = view.hreflang
        if noindex:
            hreflang = ()
        elif record is not None and not fallback:
            withdrawn = [
                code
                for code, version in catalog.group(record.key).items()
                if version.content.withdrawn is not None
            ]
            hreflang = without_versions(hreflang, withdrawn, policy.root.code)
        if hreflang != view.hreflang:
            view = dataclasses.replace(view, hreflang=hreflang)
            context["chancery"] = view  # type: ignore[typeddict-unknown-key]

        facts = self._resolve_facts(page, config, view, record, indexable=not (fallback or noindex))
        card = self._render_card(page, config, view, record, facts)
        if card is not None:
            facts = dataclasses.replace(
                facts,
                image=absolute_url(config, card),
                image_size=CARD_SIZE,
                image_alt=f"{facts.title} · {facts.site_name}"
                if facts.title != facts.site_name
                else facts.site_name,
            )
        identity = self._resolve_identity(config)
        context["chancery_seo"] = HeadTags(  # type: ignore[typeddict-unknown-key]
            open_graph=tuple(open_graph(facts)),
            twitter=tuple(twitter_card(facts)),
            json_ld=Markup(json_ld_script(page_graph(facts, identity, view.strings))),
        )
        if facts.indexable and page.canonical_url:
            self.entries[page.canonical_url] = SitemapEntry(
                loc=page.canonical_url,
                lastmod=last_modified(record.content) if record is not None else None,
                alternates=hreflang,
            )
        return context

    def record_page(self, entry: SitemapEntry) -> None:
        """List a page written outside MkDocs' pages (a light page) in the sitemap."""
        self.entries[entry.loc] = entry

    def site_identity(self, config: MkDocsConfig) -> SiteIdentity:
        """The ministry as publisher, for structured data written by other plugins."""
        return self._resolve_identity(config)

    def favicon_url(self, config: MkDocsConfig) -> str | None:
        """The site-relative URL of the icon a page without images should name, or None."""
        if self.config.favicon_ico and self._emblem_file(config) is not None:
            return FAVICON_ICO
        favicon = config.theme.get("favicon")
        return str(favicon) if favicon else None

    def take_language_state(self) -> Any:
        """The sitemap entries recorded since the last call, as JSON (language_builds.py)."""
        entries = [
            {
                "loc": entry.loc,
                "lastmod": entry.lastmod.isoformat() if entry.lastmod else None,
                "alternates": [list(pair) for pair in entry.alternates],
            }
            for entry in self.entries.values()
        ]
        self.entries = {}
        return entries

    def add_language_state(self, state: Any) -> None:
        """Record the sitemap entries another language build took (take_language_state)."""
        for item in state:
            lastmod = item["lastmod"]
            self.entries[item["loc"]] = SitemapEntry(
                loc=item["loc"],
                lastmod=datetime.fromisoformat(lastmod) if lastmod else None,
                alternates=tuple((code, url) for code, url in item["alternates"]),
            )

    # Runs after static-i18n's on_post_build (-100), which runs every other language's build
    # from inside the first one's: by then every page of every language is recorded.
    @event_priority(-200)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Write the sitemap (or sitemap index), its gzip copies and robots.txt, once."""
        self._report_cards(config)
        if not runs_site_wide_steps(config):
            return
        if self.cards is not None and self.cards.cache is not None:
            self.cards.cache.prune(content_plugin(config, "chancery/seo").started)
        site_dir = Path(config.site_dir)
        for option in ("share_image", "organization_logo"):
            path = self.config[option]
            if path and "://" not in path and not (site_dir / path.lstrip("/")).is_file():
                log.warning(
                    f"mkdocs.yml: plugins: chancery/seo: {option}: '{path}' is not in the built "
                    "site; give the path of an image under the content or overrides folder"
                )
        if not config.site_url:
            log.info("No site_url in mkdocs.yml: no sitemap written (it needs absolute URLs)")
            sitemap_url = None
        else:
            files = build_sitemaps(
                self.entries.values(), config.site_url, max_urls=self.config.sitemap_max_urls
            )
            for file in files:
                (site_dir / file.path).write_bytes(file.data)
            sitemap_url = absolute_url(config, SITEMAP_NAME)
            kind = "sitemap index" if len(files) > 2 else "sitemap"
            log.info(f"Wrote a {kind} of {len(self.entries)} URLs")
        if self.config.robots_txt:
            robots = site_dir / "robots.txt"
            existing = robots.read_text("utf-8") if robots.is_file() else None
            robots.write_text(robots_txt(sitemap_url, existing), encoding="utf-8")

    def _resolve_facts(
        self,
        page: MkDocsPage,
        config: MkDocsConfig,
        view: PageView,
        record: Page | None,
        *,
        indexable: bool,
    ) -> PageFacts:
        title = record.content.title if record else (page.title or config.site_name)
        description = (
            record.content.description
            if record
            else str(page.meta.get("description") or config.site_description or "")
        )
        default_image = self.config.share_image == DEFAULT_SHARE_IMAGE
        return PageFacts(
            language=view.body_language.code,
            reader_language=view.language.code,
            title=str(title),
            description=description,
            url=page.canonical_url or absolute_url(config, page.url),
            image=absolute_url(config, self.config.share_image),
            image_alt=view.body_language.site_name or str(config.site_name),
            site_name=view.body_language.site_name or str(config.site_name),
            content=record.content if record else None,
            alternate_languages=tuple(
                code for code, _ in view.hreflang if code not in ("x-default", view.language.code)
            ),
            image_size=DEFAULT_SHARE_IMAGE_SIZE if default_image else None,
            twitter_site=self.config.twitter_site,
            indexable=indexable,
        )

    def _resolve_identity(self, config: MkDocsConfig) -> SiteIdentity:
        logo = self.config.organization_logo
        # The ministry's name in each language is declared once, with the language.
        policy = content_plugin(config, "chancery/seo").state()[0]
        return site_identity(
            {language.code: language.site_name for language in policy.languages},
            config.site_url,
            str(config.site_name),
            absolute_url(config, logo) if logo else None,
            self.config.organization_same_as,
        )

    def _report_cards(self, config: MkDocsConfig) -> None:
        """Log how many share cards this language's build drew and reused."""
        if self.cards is None:
            return
        language = content_plugin(config, "chancery/seo").reader_language(config).code
        counts = self.cards.counts.pop(language, None)
        if counts:
            drawn, reused, default = counts
            log.info(
                f"Share cards: {drawn} drawn, {reused} reused, {default} pages with the default "
                f"image ({language})"
            )

    def _resolve_cards(self, config: MkDocsConfig) -> _Cards | None:
        if not self.config.share_cards:
            return None
        style = CardStyle(
            background=self.config.share_card_background,
            foreground=self.config.share_card_foreground,
        )
        try:
            style.palette()
        except ValueError as error:
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/seo: share_card_background/foreground: {error}"
            ) from error
        emblem = self._emblem_image(config, 192, style.foreground)
        found = self._emblem_file(config)
        digest = hashlib.sha256(found[1].read_bytes()).hexdigest() if found else "none"
        folder = self.config.share_cards_cache.strip()
        cache = CardCache(Path(config.config_file_path).parent / folder) if folder else None
        return _Cards(style, emblem, digest, cache)

    def _emblem_file(self, config: MkDocsConfig) -> tuple[str, Path] | None:
        """The emblem's setting and file: share_card_emblem, organization_logo or the favicon."""
        options = [
            ("share_card_emblem", self.config.share_card_emblem),
            ("organization_logo", self.config.organization_logo),
            ("theme.favicon", config.theme.get("favicon")),
        ]
        for option, value in options:
            if not value or "://" in str(value):
                continue
            relative = str(value).lstrip("/")
            # The site root is the overrides, then the root language's content folder.
            root = content_plugin(config, "chancery/seo").state()[0].root.code
            folders = [*config.theme.dirs, f"{config.docs_dir}/{root}", str(config.docs_dir)]
            for folder in folders:
                path = Path(folder) / relative
                if path.is_file():
                    return option, path
            if option == "share_card_emblem":
                raise PluginError(
                    f"mkdocs.yml: plugins: chancery/seo: share_card_emblem: '{value}' is in "
                    "neither the overrides folder nor the root language's content folder; give "
                    "the site-relative path of an image there, e.g. assets/images/emblem.svg"
                )
        return None

    def _emblem_image(self, config: MkDocsConfig, size: int, colour: str) -> Image.Image | None:
        found = self._emblem_file(config)
        if found is None:
            return None
        option, path = found
        try:
            return _load_emblem(path, size, colour)
        except ValueError as error:
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/seo: {option}: {path.name}: {error}; give an "
                "SVG, PNG, JPEG or WebP image"
            ) from error

    def _render_card(
        self,
        page: MkDocsPage,
        config: MkDocsConfig,
        view: PageView,
        record: Page | None,
        facts: PageFacts,
    ) -> str | None:
        """Draw (or reuse) the page's card; its site-relative URL, or None for the default."""
        cards = self.cards
        if cards is None:
            return None
        language = view.body_language
        shown = PageView(language, None, strings=view.strings)
        content = record.content if record is not None else None
        label = shown.t(f"item.{content.type}") if content and content.type != "page" else ""
        date = ""
        if content is not None and content.type in ARTICLE_TYPES and content.date is not None:
            date = shown.date(content.date)
        text = CardText(
            title=facts.title,
            site_name="" if facts.title == facts.site_name else facts.site_name,
            language=language.code,
            direction=language.direction,
            label=label,
            date=date,
        )
        key = card_key(text, cards.emblem_digest, cards.style)
        policy = content_plugin(config, "chancery/seo").state()[0]
        url = f"{policy.url_prefix(view.language.code)}{CARDS_FOLDER}/{key}.png"
        target = Path(config.site_dir) / url
        cache = cards.cache
        # Drawn already for another page of this build, or kept by an earlier one.
        if cache.place(key, target) if cache is not None else target.is_file():
            cards.count(view.language.code, 1)
            return url
        try:
            data = render_card(text, cards.emblem, cards.style)
        except NoCard as reason:
            cards.count(view.language.code, 2)
            log.info(f"Share card: {page.file.src_uri}: {reason}; the page keeps the default image")
            return None
        cards.count(view.language.code, 0)
        if cache is not None:
            cache.put(key, data)
            if cache.place(key, target):
                return url
        # Written as the site's other files are (the build folder is swapped in whole):
        # readable by the web server, unlike a temporary file renamed into place.
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return url


def _load_emblem(path: Path, size: int, colour: str) -> Image.Image:
    return _emblem_cache(str(path), path.stat().st_mtime_ns, size, colour)


@functools.lru_cache(maxsize=8)
def _emblem_cache(path: str, mtime: int, size: int, colour: str) -> Image.Image:
    del mtime  # Part of the key only: an edited emblem is read again.
    return load_emblem(Path(path).read_bytes(), path, size, colour)


def _favicon_colour(config: SeoPluginConfig) -> str:
    # On a browser tab the emblem stands on white: the cards' background colour reads there.
    return str(config.share_card_background)


def _fallbacks(config: MkDocsConfig) -> dict[str, Any]:
    # The honest fallback pages of this language build (chancery/languages): not indexable,
    # their canonical link names the original.
    languages = config.plugins.get("chancery/languages")
    return dict(getattr(languages, "fallbacks", {}) or {})


def _asks_noindex(page: MkDocsPage, record: Page | None) -> bool:
    # A withdrawn page stays online with its notice and base.html's `noindex`; a generated
    # page (a dashboard) asks for the same with `robots: noindex` in its meta. Neither belongs
    # in the sitemap or in other pages' hreflang.
    if record is not None and record.content.withdrawn is not None:
        return True
    return "noindex" in str(page.meta.get("robots", "")).lower()
