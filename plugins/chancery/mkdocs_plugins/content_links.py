"""chancery/content's check of the links and images written as raw HTML in a page's body.

The rules live in ``chancery.core.raw_links``; this module gathers what a language build can
link to (its own files, and every other language's pages, fallbacks and files) and reports
what leads nowhere through MkDocs' log, at the level of ``validation.links`` in mkdocs.yml,
so that ``--strict`` fails on it as on a broken Markdown link.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink

from chancery.core.catalog import Catalog, Page
from chancery.core.raw_links import (
    SiteAddresses,
    broken_links,
    content_files,
    published_pages,
    site_addresses,
)
from chancery.core.sanitize import Sanitised

if TYPE_CHECKING:
    from chancery.mkdocs_plugins.content import ContentPlugin

log = get_plugin_logger("chancery.mkdocs_plugins.content")


class LinkTargets:
    """What pages of the current language build may link to, gathered once per build."""

    def __init__(self) -> None:
        # Other languages' addresses, for one catalog (one `mkdocs build`).
        self._catalog: Catalog | None = None
        self._others: frozenset[str] = frozenset()
        # The addresses of one language build, for its file set.
        self._files: Files | None = None
        self._addresses = SiteAddresses(frozenset())

    def addresses(self, plugin: ContentPlugin, config: MkDocsConfig, files: Files) -> SiteAddresses:
        """Every site-relative file a page of this language build may link to."""
        policy, catalog, _ = plugin.state()
        if catalog is not self._catalog:
            self._catalog, self._others = catalog, self._other_languages(plugin, config)
        if files is not self._files:
            prefix = policy.url_prefix(plugin.reader_language(config).code)
            self._files = files
            self._addresses = site_addresses(
                own=(file.dest_uri for file in files),
                generated=(file.dest_uri for file in files if file.generated_by),
                own_prefix=prefix,
                prefixes=(policy.url_prefix(code) for code in policy.codes),
                others=self._others,
            )
        return self._addresses

    def _other_languages(self, plugin: ContentPlugin, config: MkDocsConfig) -> frozenset[str]:
        policy, catalog, now = plugin.state()
        report = getattr(config.plugins.get("chancery/languages"), "report", None)
        pages = published_pages(catalog, policy, report, now)
        statics = content_files(catalog)
        return frozenset(
            {policy.url_prefix(code) + _dest_uri(inner, config) for code, inner in pages}
            | {policy.url_prefix(code) + inner for code, inner in statics}
        )


def report_broken_links(
    page: MkDocsPage,
    record: Page,
    body: Sanitised,
    raw_values: frozenset[str],
    config: MkDocsConfig,
    addresses: SiteAddresses,
) -> None:
    """Log each link or image written as raw HTML in ``page`` that leads nowhere.

    ``raw_values`` are the addresses written in HTML in its Markdown (raw_html_values).
    """
    broken = broken_links(
        body.urls,
        raw_values=raw_values,
        page_url=page.url,
        site_url=config.site_url,
        addresses=addresses,
        anchors=body.anchors,
    )
    where = f"Doc file '{record.path}'"
    links = config.validation.links
    for link in broken:
        if link.problem == "anchor":
            log.log(
                links.anchors,
                f"{where} contains a raw-HTML link '{link.url}', "
                "but there is no such anchor on this page.",
            )
            continue
        hint = ""
        if link.target.endswith(".md"):
            hint = " Raw HTML is published as written: link to the page's address, not its file."
        log.log(
            links.not_found,
            f"{where} contains a raw-HTML link '{link.url}', but the target '{link.target}' "
            f"is not found among documentation files.{hint}",
        )


def rename_toc(items: Iterable[AnchorLink], renamed: Mapping[str, str]) -> None:
    """Give the table of contents the ids the sanitiser gave the headings."""
    for item in items:
        item.id = renamed.get(item.id, item.id)
        rename_toc(item.children, renamed)


def _dest_uri(inner: str, config: MkDocsConfig) -> str:
    return File(inner, None, config.site_dir, config.use_directory_urls).dest_uri
