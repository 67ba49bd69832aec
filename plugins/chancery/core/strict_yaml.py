"""A strict YAML reader for front matter.

PyYAML's safe loader turns ``no`` into False and ``1.10`` into 1.1, and lets the last of two
duplicate keys win silently. Front matter is written by hand in six languages, so we read every
bare scalar as a string (the content models type it), and refuse what hides mistakes:
duplicate keys, anchors, aliases and explicit tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

#: Where a value sits: a tuple of keys and list indexes, as pydantic reports error locations.
Location = tuple[str | int, ...]

#: Plain scalars that mean "no value". Everything else stays the string it was written as.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True)
class StrictYamlError(Exception):
    """A problem at a 1-based line of the file that holds the YAML."""

    line: int
    field: str
    message: str


@dataclass(frozen=True)
class LoadedMapping:
    """A mapping read from YAML, with the file line of every key and list item."""

    data: dict[str, Any]
    lines: dict[Location, int]


class _StrictComposer(Composer):
    """BaseLoader's composer, which keeps every scalar a string, refusing anchors and tags."""

    line_offset = 1

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # From the parser it is mixed with.
        line = event.start_mark.line + self.line_offset
        if isinstance(event, yaml.AliasEvent):
            raise StrictYamlError(
                line, "", f"aliases (*{event.anchor}) are not allowed; write the value out in full"
            )
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise StrictYamlError(
                line, "", f"anchors (&{anchor}) are not allowed; write the value out in full"
            )
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            raise StrictYamlError(
                line, "", f"YAML tags ({tag}) are not allowed; remove the tag and quote the value"
            )
        node: Node | None = super().compose_node(parent, index)
        return node


class _StrictLoader(_StrictComposer, Reader, Scanner, Parser, BaseConstructor, BaseResolver):
    """PyYAML's pure-Python reader: its error messages are the ones editors see."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)


_CParser: Any
try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

if _CParser is not None:

    class _FastStrictLoader(_StrictComposer, _CParser, BaseConstructor, BaseResolver):  # type: ignore[misc]
        """The same composer on libyaml's events: the YAML is scanned and parsed in C."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)

    _LOADERS: tuple[type[_StrictComposer], ...] = (_FastStrictLoader, _StrictLoader)
else:  # pragma: no cover
    _LOADERS = (_StrictLoader,)


def load_mapping(text: str, first_line: int = 1) -> LoadedMapping:
    """Read YAML that must hold one mapping; raise StrictYamlError on the first problem.

    ``first_line`` is the file line on which ``text`` starts, so that every line we report is
    a line the editor sees.
    """
    for loader in _LOADERS[:-1]:
        # libyaml reads valid YAML some ten times faster; anything it does not accept is read
        # again by PyYAML's own reader, whose messages (and verdicts) are the reference.
        try:
            return _load(text, first_line, loader)
        except (yaml.YAMLError, StrictYamlError):
            pass
    return _load(text, first_line, _LOADERS[-1])


def _load(text: str, offset: int, loader: type[_StrictComposer]) -> LoadedMapping:
    class _Loader(loader):  # type: ignore[valid-type,misc]
        line_offset = offset

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        # A scanner error (an unclosed quote or bracket) is noticed far from its cause; the
        # context mark is where the unclosed thing began, which is the line to fix.
        scanner = isinstance(error, yaml.scanner.ScannerError)
        mark = (error.context_mark if scanner else None) or error.problem_mark
        problem = error.problem or "unreadable YAML"
        if scanner and error.context:
            problem = f"{error.context}: {problem}"
        raise StrictYamlError(
            (mark.line if mark else 0) + offset,
            "",
            f"invalid YAML ({problem}); quote values that contain ': ' or start with "
            "a special character such as [ { & * ! | > ' \" % @ `",
        ) from error
    except yaml.YAMLError as error:
        raise StrictYamlError(offset, "", f"invalid YAML ({error})") from error
    if root is None:
        return LoadedMapping({}, {})
    if not isinstance(root, MappingNode):
        raise StrictYamlError(
            root.start_mark.line + offset, "", "front matter must be a list of 'key: value' lines"
        )
    reader = _NodeReader(offset)
    data = reader.mapping(root, ())
    return LoadedMapping(data, reader.lines)


class _NodeReader:
    """Turns composed nodes into plain values and records the file line of each one."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.lines: dict[Location, int] = {}

    def value(self, node: Node, location: Location) -> Any:
        if isinstance(node, MappingNode):
            return self.mapping(node, location)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*location, index)] = item.start_mark.line + self.offset
                items.append(self.value(item, (*location, index)))
            return items
        assert isinstance(node, ScalarNode)
        value: str = node.value
        # Plain scalars have no style (None from PyYAML's parser, "" from libyaml's).
        if not node.style and value in _NULLS:
            return None
        return value

    def mapping(self, node: MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.offset
            if not isinstance(key_node, ScalarNode) or not key_node.value:
                raise StrictYamlError(line, "", "keys must be plain words such as 'title'")
            key: str = key_node.value
            here = (*location, key)
            if here in self.lines:
                raise StrictYamlError(
                    line,
                    ".".join(str(part) for part in here),
                    f"duplicate key (already set on line {self.lines[here]}); keep only one",
                )
            self.lines[here] = line
            result[key] = self.value(value_node, here)
        return result
