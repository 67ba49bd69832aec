"""Site-absolute links (``/docs/install/``) resolved in the linking page's language.

A Python-Markdown tree processor that runs just before MkDocs' own link processor: each
site-absolute link of a page is rewritten as the relative link to the content file it means in
the page's language (chancery.core.links), which MkDocs then checks and turns into a URL like
any relative link. A link that leads nowhere gets a warning at the level of
``validation.links.not_found``, so a strict build fails on it. Its messages go through MkDocs'
own logger of link checks, which the Markdown cache replays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.structure.files import Files

from chancery.core.links import is_site_absolute, link_targets, relative_link, unresolved_message

#: The name the extension is known by (in the Markdown cache's list of pure extensions).
NAME = "chancery.absolute_links"
#: MkDocs' logger of link checks, whose messages the Markdown cache replays.
_LOG = logging.getLogger("mkdocs.structure.pages")
#: Elements and the attribute MkDocs resolves on each.
_LINKED = {"a": "href", "img": "src"}


class AbsoluteLinks(Extension):
    """Resolves site-absolute links in the language of the page being rendered."""

    def __init__(
        self, languages: Iterable[str], text_language: Callable[[str], str | None]
    ) -> None:
        super().__init__()
        self.languages = tuple(languages)
        #: The language a page's text is written in, by src_uri (a fallback's original's).
        self.text_language = text_language

    def __repr__(self) -> str:
        # Stable across builds: the Markdown cache hashes the list of extensions.
        return NAME

    __str__ = __repr__

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Run just before MkDocs' `relpath` processor (priority 0)."""
        resolver = _Resolver(md, self.languages, self.text_language)
        md.treeprocessors.register(resolver, "chancery_absolute_links", 1)


class _Resolver(Treeprocessor):
    def __init__(
        self,
        md: Markdown,
        languages: tuple[str, ...],
        text_language: Callable[[str], str | None],
    ) -> None:
        super().__init__(md)
        self.languages = languages
        self.text_language = text_language

    def run(self, root: Element) -> None:
        # MkDocs' own link processor knows the page being rendered and the build's files.
        try:
            relpath = self.md.treeprocessors["relpath"]
        except KeyError:  # Python-Markdown outside a MkDocs build.
            return
        file, files = getattr(relpath, "file", None), getattr(relpath, "files", None)
        config = getattr(relpath, "config", None)
        if file is None or config is None or not isinstance(files, Files):
            return
        language = file.src_uri.partition("/")[0]
        if language not in self.languages:
            return
        level = config.validation.links.not_found
        written_in = self.text_language(file.src_uri)
        for element in root.iter():
            attribute = _LINKED.get(str(element.tag))
            url = element.get(attribute) if attribute else None
            if attribute is None or not url or not is_site_absolute(url):
                continue
            targets = link_targets(url, language, self.languages, written_in)
            found = next(
                (path for path in targets.candidates if files.get_file_from_path(path)), None
            )
            if found is None:
                _LOG.log(level, unresolved_message(file.src_uri, url, targets, language))
                continue
            element.set(attribute, relative_link(url, file.src_uri, found))
