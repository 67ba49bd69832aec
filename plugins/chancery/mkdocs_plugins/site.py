"""What every Chancery plugin shares: the content plugin, the language build loop, and URLs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from chancery.core.catalog import page_address
from chancery.core.languages import Language
from chancery.mkdocs_plugins.content import ContentPlugin, i18n_plugin, is_nested_language_build

__all__ = [
    "SiteWideStep",
    "absolute_url",
    "add_language_page",
    "content_at",
    "content_plugin",
    "dest_uri",
    "i18n_plugin",
    "is_nested_language_build",
    "runs_site_wide_steps",
    "set_language_menu",
    "url_for_inner",
]

CONTENT_PLUGIN = "chancery/content"


class SiteWideStep:
    """Marks a plugin whose on_post_build works once on the whole site, after every language.

    `chancery merge` runs these steps, in their event order, on a site merged from languages
    built on separate machines.
    """


def content_plugin(config: MkDocsConfig, needed_by: str) -> ContentPlugin:
    """The chancery/content plugin of this build, which holds the catalog and the clock."""
    plugin = config.plugins.get(CONTENT_PLUGIN)
    if not isinstance(plugin, ContentPlugin):
        raise PluginError(
            f"mkdocs.yml: plugins: {needed_by} needs {CONTENT_PLUGIN} listed before it"
        )
    return plugin


def runs_site_wide_steps(config: MkDocsConfig) -> bool:
    """Whether this build writes the site-wide files: sitemap, search index, headers, manifest.

    Not a nested language build, and not a machine building some of the languages for CI
    (`chancery build --languages`): `chancery merge` runs them on the merged site.
    """
    if is_nested_language_build(config):
        return False
    return getattr(config.plugins.get("chancery/languages"), "shard", None) is None


def dest_uri(inner: str, config: MkDocsConfig) -> str:
    """Where MkDocs writes a page whose path inside a language folder is ``inner``."""
    return File(inner, None, config.site_dir, config.use_directory_urls).dest_uri


def url_for_inner(inner: str, config: MkDocsConfig) -> str:
    """The site-relative URL of a page whose path inside a language folder is ``inner``."""
    return File(inner, None, config.site_dir, config.use_directory_urls).url.removeprefix("./")


def absolute_url(config: MkDocsConfig, url: str) -> str:
    """``url`` (site-relative) made absolute with site_url; absolute URLs are kept."""
    if "://" in url:
        return url
    site = (config.site_url or "/").rstrip("/") + "/"
    return site + url.lstrip("/").removeprefix("./")


def add_language_page(
    files: Files,
    config: MkDocsConfig,
    *,
    prefix: str,
    language: str,
    slug: str,
    front_matter: dict[str, Any],
    owner: str,
    option: str,
) -> File:
    """Add a generated page at ``<prefix><slug>/`` of one language build, out of the nav.

    A content page at that address in any language (whatever its state: a draft is published
    one day), or a file of this build there, stops the build: ``owner`` names the plugin and
    ``option`` the setting that moves its page.
    """
    inner = f"{slug}/index.html" if config.use_directory_urls else f"{slug}.html"
    taken = content_at(files, config, prefix=prefix, inner=inner, owner=owner)
    if taken:
        raise PluginError(
            f"{', '.join(taken)}: published at {slug}/ (under each language's prefix), where "
            f"{owner} puts its page in every language; rename the page, or move {owner}'s page "
            f"with `{option}: <another path>` under `- {owner}:` in mkdocs.yml's plugins"
        )
    target = prefix + inner
    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n"
    page = File.generated(
        config, f"{language}/{slug}.md", content=text, inclusion=InclusionLevel.NOT_IN_NAV
    )
    page.dest_uri = target
    files.append(page)
    return page


def content_at(
    files: Files, config: MkDocsConfig, *, prefix: str, inner: str, owner: str
) -> list[str]:
    """The pages at the address where ``owner`` generates one (``inner``, in each language).

    Content pages of every language and state count (a draft is published one day), then a file
    of this build at ``prefix + inner``; each is named as editors see it.
    """
    shown = Path(config.docs_dir).name
    _, catalog, _ = content_plugin(config, owner).state()
    taken = [
        f"{shown}/{page.path}"
        for page in catalog
        if page_address(page.path.partition("/")[2], config.use_directory_urls) == inner
    ]
    return taken or [f"{shown}/{file.src_uri}" for file in files if file.dest_uri == prefix + inner]


def set_language_menu(config: MkDocsConfig, links: Iterable[tuple[Language, str]]) -> None:
    """Material's language menu (``extra.alternate``): each language's own name, and a link.

    Links are site-relative (Material's `url` filter makes them relative to each page) or
    absolute paths.
    """
    menu = [
        {"name": language.name, "link": link, "lang": language.code, "dir": language.direction}
        for language, link in links
    ]
    # static-i18n sets `extra.alternate` as an attribute, which Jinja reads before the item of
    # the same name; set both so that neither shows a previous page's links.
    setattr(config.extra, "alternate", menu)  # noqa: B010
    config.extra["alternate"] = menu
