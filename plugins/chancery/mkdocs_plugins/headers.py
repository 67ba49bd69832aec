"""The headers plugin: a strict CSP for the built site, and a 404 page in every language.

It hashes the inline scripts Material writes in each page as the page is built (in its
language's build, from the HTML in memory); after the last language build it checks every HTML
file of the site against those records, hashing any file written by other means or changed
since, and writes ``_headers`` (Netlify, Cloudflare Pages) with a Content-Security-Policy that
allows exactly those scripts and a cache lifetime for each file (a year for those whose names
carry a hash of their content), plus ``_redirects`` sending each language's missing pages to
its own 404 page. static-i18n renders 404.html once per language into the same place, so the
last language would win; this plugin renders Chancery's 404 template in each language and
writes it under the language's prefix, the root language's at the root.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Template
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core import inline_code_cache
from chancery.core.headers import (
    HEADERS_PATH,
    REDIRECTS_PATH,
    content_security_policy,
    csp_hash,
    headers_file,
    immutable_rules,
    inline_code,
    redirects_file,
)
from chancery.core.redirects import Redirect, redirect_page, redirect_rules, redirects
from chancery.core.schedule import is_live
from chancery.core.walk import files_under
from chancery.mkdocs_plugins.search import SearchPlugin
from chancery.mkdocs_plugins.site import (
    SiteWideStep,
    absolute_url,
    content_plugin,
    is_nested_language_build,
    runs_site_wide_steps,
    set_language_menu,
)

log = get_plugin_logger(__name__)

NOT_FOUND = "404.html"
NOT_FOUND_TEMPLATE = "chancery/404.html"


class HeadersPluginConfig(base.Config):
    """Settings of ``chancery/headers`` in mkdocs.yml."""

    #: Allow same-origin WebAssembly ('wasm-unsafe-eval'): the search index (Pagefind) needs it.
    headers_allow_wasm = c.Type(bool, default=True)
    #: Write Netlify's ``_redirects`` with one 404 rule per language.
    headers_redirects = c.Type(bool, default=True)
    #: Where each page's inline-code hashes are kept between builds, by the page's bytes
    #: (relative to mkdocs.yml; core/inline_code_cache.py); "" turns it off.
    headers_cache = c.Type(str, default=".cache/chancery/inline-code.json")


class HeadersPlugin(BasePlugin[HeadersPluginConfig], SiteWideStep):
    """Writes ``_headers`` (CSP and friends) and each language's 404 page."""

    def __init__(self) -> None:
        #: The rendered 404 page of each language build so far, by URL prefix.
        self.not_found: dict[str, str] = {}
        #: Each page's inline code, hashed as it was built: site path to (digest of the page,
        #: script hashes, style hashes). The site-wide step re-reads only pages it lacks.
        self.scanned: dict[str, tuple[str, list[str], list[str]]] = {}
        #: What the last build found, by the digest of a page: not scanned again.
        self.known: inline_code_cache.Scans = {}
        self._saved_alternate: Any = None

    # Runs with the other Chancery plugins; only resets state once per `mkdocs build`.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Start a new set of 404 pages for each `mkdocs build`."""
        if not is_nested_language_build(config):
            self.not_found = {}
            self.scanned = {}
            cache = self._cache(config)
            self.known = inline_code_cache.load(cache) if cache is not None else {}
        return config

    # Runs after every other plugin's on_post_page: the page as it will be written.
    @event_priority(-1000)
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Hash the page's inline code now, in its language's build, from the HTML in memory."""
        where = page.file.dest_uri
        digest = _digest(_as_written(output))
        scripts, styles = self._inline_code(digest, output, where)
        self.scanned[where] = (digest, scripts, styles)
        return output

    def _inline_code(self, digest: str, html: str, where: str) -> tuple[list[str], list[str]]:
        known = self.known.get(digest)
        return known if known is not None else _checked_inline_code(html, where)

    def _cache(self, config: MkDocsConfig) -> Path | None:
        file = self.config.headers_cache.strip()
        return Path(config.config_file_path).parent / file if file else None

    def on_pre_template(
        self, template: Template, /, *, template_name: str, config: MkDocsConfig
    ) -> Template | None:
        """Render 404.html from Chancery's template, whichever theme folder comes first."""
        if template_name != NOT_FOUND:
            return template
        return template.environment.get_template(NOT_FOUND_TEMPLATE)

    # Runs after chancery/content (0), which puts the reader's language in the context.
    @event_priority(-10)
    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """On the 404 page, the language selector leads to each language's home."""
        if template_name != NOT_FOUND:
            return context
        policy, _, _ = content_plugin(config, "chancery/headers").state()
        # Absolute paths: the page answers for any missing address under the prefix.
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        self._saved_alternate = getattr(config.extra, "alternate", None)
        set_language_menu(
            config,
            [(language, root + policy.url_prefix(language.code)) for language in policy.languages],
        )
        prefix = policy.url_prefix(
            content_plugin(config, "chancery/headers").reader_language(config).code
        )
        search = config.plugins.get("chancery/search")
        if not isinstance(search, SearchPlugin):
            search = None
        context["chancery_not_found"] = {  # type: ignore[typeddict-unknown-key]
            "home": root + prefix,
            "search": f"{root}{prefix}{search.page_path(config)}" if search else None,
        }
        return context

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Keep this language's 404 page, and give the other pages their selector back."""
        if template_name == NOT_FOUND:
            reader = content_plugin(config, "chancery/headers").reader_language(config)
            policy, _, _ = content_plugin(config, "chancery/headers").state()
            self.not_found[policy.url_prefix(reader.code)] = output_content
            _set_alternate(config, self._saved_alternate)
        return output_content

    def take_language_state(self) -> Any:
        """The 404 pages and inline code found since the last call (language_builds.py)."""
        state = {"not_found": self.not_found, "scanned": self.scanned}
        self.not_found, self.scanned = {}, {}
        return state

    def add_language_state(self, state: Any) -> None:
        """Keep what another language build found (take_language_state)."""
        self.not_found.update(state["not_found"])
        for where, (digest, scripts, styles) in state["scanned"].items():
            self.scanned[where] = (digest, list(scripts), list(styles))

    # Runs after static-i18n's on_post_build (-100), which builds the other languages, and after
    # chancery/search (-300), whose bundle it must see, but before chancery/integrity (-1000),
    # so that the signed manifest lists the headers and 404 pages as published.
    @event_priority(-900)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Write each language's 404 page, then hash every page's inline code into _headers."""
        if not runs_site_wide_steps(config):
            return
        site_dir = Path(config.site_dir)
        for prefix, html in sorted(self.not_found.items()):
            path = site_dir / prefix / NOT_FOUND
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        moved = self._write_redirect_pages(config, site_dir)
        scripts: set[str] = set()
        styles: set[str] = set()
        kept: inline_code_cache.Scans = {}
        published = files_under(site_dir)
        for where in (path for path in published if posixpath.splitext(path)[1] == ".html"):
            data = (site_dir / where).read_bytes()
            digest = _digest(data)
            known = self.scanned.get(where)
            if known is not None and known[0] == digest:
                page_scripts, page_styles = known[1], known[2]
            else:  # Written by other means (light pages, 404 pages), or changed since.
                page_scripts, page_styles = self._inline_code(digest, data.decode("utf-8"), where)
            kept[digest] = (page_scripts, page_styles)
            scripts.update(page_scripts)
            styles.update(page_styles)
        cache = self._cache(config)
        if cache is not None:
            inline_code_cache.save(cache, kept)
        policy = content_security_policy(scripts, styles, wasm=self.config.headers_allow_wasm)
        immutable = immutable_rules(published)
        (site_dir / HEADERS_PATH).write_text(headers_file(policy, immutable), encoding="utf-8")
        if self.config.headers_redirects:
            prefixes = content_plugin(config, "chancery/headers").state()[0]
            base = urlsplit(config.site_url or "/").path
            text = redirects_file(
                (prefixes.url_prefix(code) for code in prefixes.codes),
                redirect_rules(moved, base),
            )
            (site_dir / REDIRECTS_PATH).write_text(text, encoding="utf-8")
        log.info(
            f"Wrote {HEADERS_PATH}: CSP allows {len(scripts)} inline scripts and "
            f"{len(styles)} inline styles by hash, and a year's caching to {len(immutable)} "
            f"URL patterns of fingerprinted files; {len(self.not_found)} 404 pages; "
            f"{len(moved)} old addresses redirected"
        )

    def _write_redirect_pages(self, config: MkDocsConfig, site_dir: Path) -> tuple[Redirect, ...]:
        """A page at each old address (aliases) of a published page, for hosts without rules.

        An old address where the build already wrote a file (a generated page such as the
        search page) stops the build, naming the page and the alias.
        """
        content = content_plugin(config, "chancery/headers")
        policy, catalog, now = content.state()
        live = (page for page in catalog if is_live(page.content, now))
        moved = redirects(live, policy.root.code, config.use_directory_urls)
        shown = Path(config.docs_dir).name
        for redirect in moved:
            path = site_dir / redirect.file
            if path.exists():
                raise PluginError(
                    f"{shown}/{redirect.page.path}: aliases: '{redirect.alias}' is the address "
                    f"of a page the site publishes ({redirect.file}); remove the alias"
                )
            html = redirect_page(
                redirect,
                direction=policy.get(redirect.page.language).direction,
                canonical=absolute_url(config, redirect.target),
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        return moved


def _checked_inline_code(html: str, where: str) -> tuple[list[str], list[str]]:
    """The CSP hashes of a page's inline scripts and styles; inline code CSP blocks stops it."""
    found = inline_code(html)
    if found.event_handlers:
        raise PluginError(
            f"{where}: has inline event handlers ({', '.join(found.event_handlers)}), "
            "which the site's CSP blocks; move the code to a script file"
        )
    if found.style_attributes:
        raise PluginError(
            f"{where}: has a style attribute ({found.style_attributes[0]!r}), which "
            "the site's CSP blocks; use a class and a rule in a stylesheet"
        )
    return [csp_hash(text) for text in found.scripts], [csp_hash(text) for text in found.styles]


def _as_written(output: str) -> bytes:
    # How MkDocs writes a page (mkdocs.commands.build._build_page).
    return output.encode("utf-8", errors="xmlcharrefreplace")


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _set_alternate(config: MkDocsConfig, value: Any) -> None:
    # static-i18n sets `extra.alternate` as an attribute, which Jinja reads first; set both.
    setattr(config.extra, "alternate", value)  # noqa: B010
    config.extra["alternate"] = value
