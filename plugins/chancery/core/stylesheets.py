"""One render-blocking stylesheet: the theme's and Chancery's every-page CSS in one file.

A browser must download and parse every stylesheet in `<head>` before it draws anything; on a
slow connection each one is a round trip. The stylesheets every page uses are therefore joined
at build time into one file, named by a hash of its content (so that a host may cache it for
ever), with every relative `url()` rewritten to point from the new file's folder to what the
original pointed at. CSS is read by a real tokenizer (tinycss2), so a `url(` inside a string
or a comment is never touched.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import tinycss2
from tinycss2.ast import FunctionBlock, Node, ParseError, StringToken, URLToken

#: What a url() may hold that is not a path relative to its stylesheet.
_NOT_RELATIVE = ("data:", "#", "/", "http:", "https:", "blob:")


class StylesheetError(ValueError):
    """A stylesheet that cannot be joined (CSS the tokenizer refuses)."""


@dataclass(frozen=True)
class Source:
    """One stylesheet: its site address (e.g. "assets/stylesheets/main.css") and its text."""

    uri: str
    text: str


@dataclass(frozen=True)
class Bundle:
    """The joined stylesheet: its site address, its text, and the addresses it replaces."""

    uri: str
    text: str
    sources: tuple[str, ...]


def bundle(sources: Sequence[Source], folder: str, stem: str = "site") -> Bundle:
    """Join ``sources`` in order into `<folder>/<stem>.<hash>.css`.

    Relative url()s are rewritten for the new folder; comments are left out.
    """
    parts = [_rebase(source, folder) for source in sources]
    text = "\n".join(parts) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    uri = posixpath.join(folder, f"{stem}.{digest}.css")
    return Bundle(uri=uri, text=text, sources=tuple(source.uri for source in sources))


def rebase_url(url: str, source_uri: str, folder: str) -> str:
    """``url`` as written in the stylesheet at ``source_uri``, seen from ``folder``."""
    if not url or url.startswith(_NOT_RELATIVE) or ":" in url.split("/", 1)[0]:
        return url
    path, hash_sign, fragment = url.partition("#")
    path, question, query = path.partition("?")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source_uri), path))
    relative = posixpath.relpath(target, folder or ".")
    return relative + question + query + hash_sign + fragment


def _rebase(source: Source, folder: str) -> str:
    nodes = tinycss2.parse_component_value_list(source.text, skip_comments=True)
    errors = [node for node in _walk(nodes) if isinstance(node, ParseError)]
    if errors:
        first = errors[0]
        raise StylesheetError(f"{source.uri}:{first.source_line}: {first.message}")
    _rewrite(nodes, source.uri, folder)
    text: str = tinycss2.serialize(nodes)
    return text.strip()


def _walk(nodes: Iterable[Node]) -> Iterable[Node]:
    for node in nodes:
        yield node
        content = getattr(node, "content", None) or getattr(node, "arguments", None)
        if isinstance(content, list):
            yield from _walk(content)


def _rewrite(nodes: list[Node], source_uri: str, folder: str) -> None:
    for index, node in enumerate(nodes):
        if isinstance(node, URLToken):
            url = rebase_url(node.value, source_uri, folder)
            nodes[index] = URLToken(node.source_line, node.source_column, url, _url(url))
        elif isinstance(node, FunctionBlock) and node.lower_name in ("url", "src"):
            for position, argument in enumerate(node.arguments):
                if isinstance(argument, StringToken):
                    url = rebase_url(argument.value, source_uri, folder)
                    node.arguments[position] = StringToken(
                        argument.source_line, argument.source_column, url, _string(url)
                    )
            _rewrite(node.arguments, source_uri, folder)
        else:
            content = getattr(node, "content", None)
            if isinstance(content, list):
                _rewrite(content, source_uri, folder)
            elif isinstance(node, FunctionBlock):
                _rewrite(node.arguments, source_uri, folder)


def _url(url: str) -> str:
    # An unquoted url() cannot hold quotes, spaces or parentheses: quote it instead.
    return f"url({_string(url)})"


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'
