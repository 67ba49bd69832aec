"""What every Chancery plugin shares: the content plugin, the language build loop, and URLs."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from chancery.mkdocs_plugins.content import ContentPlugin, is_nested_language_build

__all__ = [
    "absolute_url",
    "content_plugin",
    "dest_uri",
    "is_nested_language_build",
    "url_for_inner",
]

CONTENT_PLUGIN = "chancery/content"


def content_plugin(config: MkDocsConfig, needed_by: str) -> ContentPlugin:
    """The chancery/content plugin of this build, which holds the catalog and the clock."""
    plugin = config.plugins.get(CONTENT_PLUGIN)
    if not isinstance(plugin, ContentPlugin):
        raise PluginError(
            f"mkdocs.yml: plugins: {needed_by} needs {CONTENT_PLUGIN} listed before it"
        )
    return plugin


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
