"""A strict YAML reader for front matter.

PyYAML's safe loader turns ``no`` into False and ``1.10`` into 1.1, and lets the last of two
duplicate keys win silently. Front matter is written by hand in six languages, so we read every
bare scalar as a string (the content models type it), and refuse what hides mistakes:
duplicate keys, anchors, aliases and explicit tags. Everything is bounded, since the text is
untrusted: values nest a few levels at most, and no value holds a character that cannot be shown
or written to XML (see ``check_characters``).
"""

from __future__ import annotations

import re
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

#: How many lists and groups may sit inside one another, the whole mapping being the first.
#: The alerts file needs five; checked while composing, so that no input can exhaust the stack.
MAX_DEPTH = 8

#: Characters that no text of the site may hold. Control characters other than tab and line ends
#: are invisible in editors and cannot be written to XML (feeds, sitemaps); surrogates are halves
#: of UTF-16 pairs, not characters; noncharacters are reserved for programs' internal use; U+FEFF
#: is a byte-order mark, allowed only as the file's first character (the reader removes it).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufeff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)

#: Direction controls that open an embedding, override or isolate, and the one that closes each.
#: Right-to-left text needs them, so they are allowed, but a value must close what it opens:
#: otherwise it reverses or reorders the interface text shown after it (a date in a listing).
_DIRECTION_CLOSERS = {
    "\u202a": "\u202c",  # left-to-right embedding
    "\u202b": "\u202c",  # right-to-left embedding
    "\u202d": "\u202c",  # left-to-right override
    "\u202e": "\u202c",  # right-to-left override
    "\u2066": "\u2069",  # left-to-right isolate
    "\u2067": "\u2069",  # right-to-left isolate
    "\u2068": "\u2069",  # first-strong isolate
}
_DIRECTION_OPENERS = re.compile(f"[{''.join(_DIRECTION_CLOSERS)}]")


@dataclass(frozen=True)
class StrictYamlError(Exception):
    """A problem at a 1-based line of the file that holds the YAML."""

    line: int
    field: str
    message: str


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pair(pair: re.Match[str]) -> str:
    high, low = (ord(half) for half in pair.group())
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def _character_problem(char: str, column: int | None = None) -> str:
    """Why ``char``, which ``_FORBIDDEN`` matches, is refused, and the fix."""
    code = ord(char)
    at = f" at column {column}" if column is not None else ""
    if char == "\ufeff":
        return (
            f"a byte-order mark (U+FEFF){at} is allowed only at the very start of the file; "
            "delete it (it is invisible, and is usually left by pasting one file into another)"
        )
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"U+{code:04X}{at} is half of a UTF-16 surrogate pair, not a character; write the "
            "character itself, or its escape in full, e.g. \\U0001F600"
        )
    if code >= 0xFDD0 and (code <= 0xFDEF or code & 0xFFFE == 0xFFFE):
        return f"U+{code:04X}{at} is not a character (a Unicode noncharacter); delete it"
    if column is None:
        # In a value it was most likely written as an escape, which the editor can see.
        escape = f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"
        return (
            f"the control character U+{code:04X} is not allowed; delete it, or the escape that "
            f"writes it, such as {escape}"
        )
    return (
        f"the control character U+{code:04X}{at} is not allowed; delete it (text editors do "
        "not show it; text pasted from a word processor often carries one)"
    )


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that no content may hold, if any."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def check_characters(text: str, first_line: int = 1) -> None:
    """Raise StrictYamlError naming the line and column of the first forbidden character."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return
    start = found.start()
    line = text.count("\n", 0, start) + first_line
    column = start - text.rfind("\n", 0, start)
    raise StrictYamlError(line, "", _character_problem(found.group(), column))


def _unclosed_direction(value: str) -> str | None:
    """The first direction control that ``value`` opens and never closes, if any."""
    if not _DIRECTION_OPENERS.search(value):
        return None
    stack: list[str] = []
    for char in value:
        if char in _DIRECTION_CLOSERS:
            stack.append(char)
        elif char == "\u202c" and stack and _DIRECTION_CLOSERS[stack[-1]] == "\u202c":
            stack.pop()
        elif char == "\u2069" and "\u2069" in (_DIRECTION_CLOSERS[c] for c in stack):
            # Closing an isolate also closes the embeddings opened inside it.
            while _DIRECTION_CLOSERS[stack.pop()] != "\u2069":
                pass
    return stack[0] if stack else None


@dataclass(frozen=True)
class LoadedMapping:
    """A mapping read from YAML, with the file line of every key and list item."""

    data: dict[str, Any]
    lines: dict[Location, int]


class _StrictComposer(Composer):
    """BaseLoader's composer, which keeps every scalar a string, refusing anchors and tags."""

    line_offset = 1
    max_depth = MAX_DEPTH

    def __init__(self) -> None:
        Composer.__init__(self)
        #: The ``index`` of each node being composed: a key node, a list index, or None.
        self.path: list[Node | int | None] = []

    def compose_node(self, parent: Node | None, index: Node | int | None) -> Node | None:
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
        # Every node being composed is a list or group holding this one. Refuse before
        # descending: composing recurses, and deep input must not reach Python's recursion limit.
        if isinstance(event, yaml.CollectionStartEvent) and len(self.path) >= self.max_depth:
            raise StrictYamlError(
                line,
                _dotted([*self.path, index]),
                f"is nested more than {self.max_depth} levels deep (lists and groups inside one "
                "another), more than any field needs; write it with fewer levels",
            )
        self.path.append(index)
        try:
            # The stubs say int, but PyYAML passes the key node for a mapping's values.
            node: Node | None = super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self.path.pop()
        return node


def _dotted(path: list[Node | int | None]) -> str:
    """A field's name as messages write it, e.g. ``changes.0.note``."""
    return ".".join(
        str(part.value if isinstance(part, ScalarNode) else part)
        for part in path
        if isinstance(part, int | ScalarNode)
    )


class _StrictLoader(_StrictComposer, Reader, Scanner, Parser, BaseConstructor, BaseResolver):
    """PyYAML's pure-Python reader: its error messages are the ones editors see."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self)
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
            _StrictComposer.__init__(self)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)

    _LOADERS: tuple[type[_StrictComposer], ...] = (_FastStrictLoader, _StrictLoader)
else:  # pragma: no cover
    _LOADERS = (_StrictLoader,)


def load_mapping(text: str, first_line: int = 1, *, max_depth: int = MAX_DEPTH) -> LoadedMapping:
    """Read YAML that must hold one mapping; raise StrictYamlError on the first problem.

    ``first_line`` is the file line on which ``text`` starts, so that every line we report is
    a line the editor sees. Lists and groups may sit at most ``max_depth`` levels deep, the
    mapping itself being the first.
    """
    for loader in _LOADERS[:-1]:
        # libyaml reads valid YAML some ten times faster; anything it does not accept is read
        # again by PyYAML's own reader, whose messages (and verdicts) are the reference.
        try:
            return _load(text, first_line, loader, max_depth)
        except (yaml.YAMLError, StrictYamlError):
            pass
    return _load(text, first_line, _LOADERS[-1], max_depth)


def _load(
    text: str, offset: int, loader: type[_StrictComposer], depth: int = MAX_DEPTH
) -> LoadedMapping:
    class _Loader(loader):  # type: ignore[valid-type,misc]
        line_offset = offset
        max_depth = depth

    # Both readers refuse most of these characters, but with a message that names neither the
    # line nor the character as an editor can find it.
    check_characters(text, offset)
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
        return self.text(value, node, location)

    def text(self, value: str, node: Node, location: Location) -> str:
        """``value`` if every character of it can be shown; escapes can write any code point."""
        line = node.start_mark.line + self.offset
        field = ".".join(str(part) for part in location)
        # JSON writes a character beyond U+FFFF as a pair of escapes, "\\ud83d\\ude00", which YAML
        # reads as two halves; join each pair into the character it stands for.
        value = _SURROGATE_PAIR.sub(_join_pair, value)
        found = _FORBIDDEN.search(value)
        if found:
            raise StrictYamlError(line, field, _character_problem(found.group()))
        opened = _unclosed_direction(value)
        if opened:
            closer = _DIRECTION_CLOSERS[opened]
            raise StrictYamlError(
                line,
                field,
                f"the direction control U+{ord(opened):04X} is never closed in this value, so it "
                f"would reorder the text shown after it; close it with U+{ord(closer):04X} or "
                "delete it",
            )
        return value

    def mapping(self, node: MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.offset
            if not isinstance(key_node, ScalarNode) or not key_node.value or "\n" in key_node.value:
                raise StrictYamlError(line, "", "keys must be plain words such as 'title'")
            key: str = self.text(key_node.value, key_node, location)
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
