"""Converting one imported page: its front matter to Chancery's fields, its Markdown cleaned.

Nothing here decides about the whole site (groups, sources, addresses): see plan.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from anyascii import anyascii

#: Where the field map lives: a data file beside this module.
FIELDS_FILE = Path(__file__).with_name("fields.yml")
#: A description is one sentence of at most this many characters (the content model's limit).
MAX_DESCRIPTION = 300

_TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"[ \t]*(Z|[+-]\d{2}(?::?\d{2})?)?$"
)


@dataclass(frozen=True)
class FieldMap:
    """The source fields Chancery maps, from fields.yml."""

    fields: Mapping[str, str]
    fallbacks: Mapping[str, str]
    timestamps: frozenset[str]


@cache
def field_map() -> FieldMap:
    """The field map of fields.yml."""
    data = yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8"))
    return FieldMap(data["fields"], data["fallbacks"], frozenset(data["timestamps"]))


@dataclass
class Fields:
    """One page's front matter in Chancery's terms, and what happened to the rest."""

    #: Chancery's fields, with values as they will be written (before the site-wide steps).
    values: dict[str, Any] = field(default_factory=dict)
    #: Source fields left out (not in the map, or replaced by the field they stand in for).
    dropped: list[str] = field(default_factory=list)
    #: Source fields mapped, as 'source → chancery' ('weight → order').
    mapped: list[str] = field(default_factory=list)
    #: Timestamps without an offset that had no time zone to be read in: (field, value).
    naive: list[tuple[str, str]] = field(default_factory=list)
    #: Values that cannot be kept, each 'field: why' (the field is dropped).
    problems: list[str] = field(default_factory=list)
    #: Timestamps without an offset, read in the given time zone.
    zoned: int = 0


def convert_fields(data: Mapping[str, Any], zone: ZoneInfo | None) -> Fields:
    """Map a source page's front matter; timestamps without an offset are read in ``zone``."""
    result = Fields()
    mapping = field_map()
    present = {str(key).lower(): (str(key), value) for key, value in data.items()}
    for lowered, (key, value) in present.items():
        target = mapping.fields.get(lowered)
        fallback = mapping.fallbacks.get(lowered)
        if target is None and fallback is not None and not _has(present, mapping, fallback):
            target = fallback
        if target is None:
            result.dropped.append(key)
            continue
        if value is None or value == "" or value == []:
            continue
        converted = _convert(target, key, value, zone, result)
        if converted is None:
            continue
        if target == "tags":
            result.values.setdefault("tags", [])
            result.values["tags"] += converted
        else:
            result.values[target] = converted
        result.mapped.append(f"{key} → {target}")
    return result


def _has(present: Mapping[str, tuple[str, Any]], mapping: FieldMap, target: str) -> bool:
    return any(
        mapping.fields.get(name) == target and value not in (None, "")
        for name, (_, value) in present.items()
    )


def _convert(target: str, key: str, value: Any, zone: ZoneInfo | None, result: Fields) -> Any:
    if target in field_map().timestamps:
        stamp, problem = timestamp(value, zone)
        if zone is not None and timestamp(value, None)[1] == "naive":
            result.zoned += 1
        if problem == "naive":
            result.naive.append((key, str(value)))
        elif problem:
            result.problems.append(f"{key}: {problem}")
        return stamp
    if target == "draft":
        flag = {"true": True, "yes": True, "false": False, "no": False}.get(str(value).lower())
        if flag is None:
            result.problems.append(f"{key}: '{value}' is not true or false; dropped")
        return flag
    if target == "order":
        try:
            number = int(str(value).strip())
        except ValueError:
            result.problems.append(f"{key}: '{value}' is not a whole number; dropped")
            return None
        return number or None  # Hugo's weight 0 means "no weight".
    if target in ("tags", "aliases"):
        items = value if isinstance(value, list) else [value]
        return [str(item).strip() for item in items if str(item).strip()]
    if isinstance(value, (list, dict)):
        result.problems.append(f"{key}: must be a single text value; dropped")
        return None
    text = " ".join(str(value).split())
    return text or None


def timestamp(value: Any, zone: ZoneInfo | None) -> tuple[str | None, str | None]:
    """An ISO 8601 timestamp with an offset for ``value``, or (None, why).

    Why is 'naive' for a date or time without an offset when no ``zone`` is given; a date
    alone is midnight in that zone.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        match = _TIMESTAMP.match(str(value).strip())
        if not match:
            return None, f"'{value}' is not a date; dropped"
        year, month, day, hour, minute, second, fraction, offset = match.groups()
        text = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}"
        if fraction:
            text += "." + fraction[:6].ljust(6, "0")
        if offset:
            text += "+00:00" if offset == "Z" else _offset(offset)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None, f"'{value}' is not a date; dropped"
    if moment.tzinfo is None:
        if zone is None:
            return None, "naive"
        moment = moment.replace(tzinfo=zone)
    return moment.isoformat(timespec="seconds"), None


def _offset(text: str) -> str:
    digits = text[1:].replace(":", "")
    return f"{text[0]}{digits[:2]}:{digits[2:4] or '00'}"


def slugify(text: str) -> str:
    """A lower-case ASCII slug of any text: 'Klima & Energie' -> 'klima-energie'."""
    ascii_text = anyascii(unicodedata.normalize("NFC", text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def words(slug: str) -> str:
    """A slug's words, capitalised as a name: 'climate-change' -> 'Climate change'."""
    text = re.sub(r"[-_]+", " ", slug).strip()
    return text[:1].upper() + text[1:]


# Markdown -------------------------------------------------------------------------------------

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
#: A link or image destination: `](url "title")` or `](<url>)`; also reference definitions.
#: What may follow a link destination: an optional title, then the closing parenthesis.
_AFTER = r"""(?=(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))"""
#: A destination in angle brackets, without spaces (parentheses balanced), or with spaces
#: (Python-Markdown reads `[a](Visa Notes.md)` as one link).
_INLINE = re.compile(
    r"\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*"
    + _AFTER
    + r"""|[^()<>\n"']+?"""
    + _AFTER
    + ")"
)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_RAW_HTML_LINK = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["'](/[^"'/][^"']*|/)["']""")
_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]+)(.*?)\s*\1?[>%]\}\}", re.DOTALL)
_ARGUMENT = re.compile(
    r"""(?:(\w+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))"""
)


def masked(text: str) -> str:
    """``text`` with code blocks and code spans blanked out, offsets kept (for link search)."""
    chars = list(text)
    position = 0
    while True:
        start = _FENCE.search(text, position)
        if start is None:
            break
        fence = start.group(1)
        close = re.compile(
            rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE
        )
        line_end = text.find("\n", start.end())
        end_match = close.search(text, line_end + 1) if line_end >= 0 else None
        end = end_match.end() if end_match else len(text)
        chars[start.start() : end] = [c if c == "\n" else " " for c in text[start.start() : end]]
        position = end
    blanked = "".join(chars)
    return _CODE_SPAN.sub(lambda m: "".join(c if c == "\n" else " " for c in m.group(0)), blanked)


@dataclass(frozen=True)
class Link:
    """A link or image destination in a Markdown body."""

    start: int
    end: int
    url: str
    #: The destination was written in angle brackets.
    bracketed: bool


def links(body: str) -> Iterator[Link]:
    """Every link and image destination of ``body`` outside code, in order."""
    hidden = masked(body)
    found = []
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(hidden):
            start, end = match.span(1)
            written = body[start:end]
            bracketed = written.startswith("<")
            found.append(Link(start, end, written.strip("<>") if bracketed else written, bracketed))
    yield from sorted(found, key=lambda link: link.start)


def raw_html_links(body: str) -> list[str]:
    """Site-absolute addresses in raw HTML links and images, which MkDocs leaves as written."""
    return [match.group(1) for match in _RAW_HTML_LINK.finditer(masked(body))]


def rewrite_links(body: str, change: Callable[[str], str | None]) -> tuple[str, int]:
    """``body`` with each link destination replaced by ``change(url)`` when that is not None."""
    pieces: list[str] = []
    position = 0
    changed = 0
    for link in links(body):
        new = change(link.url)
        if new is None or new == link.url:
            continue
        pieces += [body[position : link.start], f"<{new}>" if link.bracketed else new]
        position = link.end
        changed += 1
    pieces.append(body[position:])
    return "".join(pieces), changed


@dataclass
class Shortcodes:
    """What the Hugo shortcodes of one body became."""

    #: ref/relref and figure shortcodes turned into Markdown.
    converted: int = 0
    #: Shortcodes left as written, with their line in the body: (name, line).
    left: list[tuple[str, int]] = field(default_factory=list)


def convert_shortcodes(body: str) -> tuple[str, Shortcodes]:
    """Hugo's ref/relref become their path, figure an image, highlight a fenced block.

    Any other shortcode is left as written and listed: it needs a human (Markdown has no
    equivalent of a theme's shortcode).
    """
    result = Shortcodes()
    hidden = masked(body)
    pieces: list[str] = []
    position = 0
    open_highlight: tuple[int, str] | None = None
    for match in _SHORTCODE.finditer(hidden):
        closing, name = match.group(2) == "/", match.group(3)
        arguments = _arguments(body[match.start(4) : match.end(4)])
        line = body.count("\n", 0, match.start()) + 1
        if name in ("ref", "relref") and not closing:
            target = arguments.get("path") or arguments.get("0")
            if target:
                pieces += [body[position : match.start()], target]
                position = match.end()
                result.converted += 1
                continue
        elif name == "figure" and not closing and arguments.get("src"):
            alt = arguments.get("alt") or arguments.get("caption") or arguments.get("title") or ""
            image = f"![{alt}]({arguments['src']})"
            caption = arguments.get("caption")
            pieces += [
                body[position : match.start()],
                image + (f"\n\n{caption}" if caption else ""),
            ]
            position = match.end()
            result.converted += 1
            continue
        elif name == "highlight":
            if not closing:
                open_highlight = (match.start(), arguments.get("0", ""))
                pieces += [body[position : match.start()], f"```{arguments.get('0', '')}"]
                position = match.end()
                continue
            if open_highlight is not None:
                pieces += [body[position : match.start()], "```"]
                position = match.end()
                open_highlight = None
                result.converted += 1
                continue
        if not closing:
            result.left.append((name, line))
    pieces.append(body[position:])
    return "".join(pieces), result


def _arguments(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    index = 0
    for match in _ARGUMENT.finditer(text):
        name = match.group(1)
        value = next((group for group in match.groups()[1:] if group is not None), "")
        value = value.replace('\\"', '"')
        if name:
            found[name.lower()] = value
        else:
            found[str(index)] = value
            index += 1
    return found


_ATX = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^=+[ \t]*$")


def leading_heading(body: str) -> tuple[str | None, str]:
    """The body's opening level-1 heading, and the body without it (or None and the body)."""
    lines = body.split("\n")
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, body
    match = _ATX.match(lines[first])
    if match:
        rest = lines[first + 1 :]
    elif first + 1 < len(lines) and _SETEXT.match(lines[first + 1]) and lines[first].strip():
        match = re.match(r"^(.*)$", lines[first].strip())
        rest = lines[first + 2 :]
    else:
        return None, body
    assert match is not None
    while rest and not rest[0].strip():
        rest = rest[1:]
    return _plain(match.group(1)), "\n".join(rest)


_BLOCK_SKIP = re.compile(r"^\s*(?:#|>|\||!\[|<|\{\{|[-*+] \[|:::|!!!|\?\?\?|\[\^|---|\*\*\*|===)")
#: The end of a sentence: '.', '!' or '?' (and closing quotes) before a space, or a full-width
#: or Arabic mark, which needs none (escaped: they look like their ASCII cousins).
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019\u00bb)]*\s+(?=\S)|(?<=[\u3002\uff01\uff1f\u061f])"
)


def first_sentence(body: str) -> str | None:
    """The first sentence of the body's first paragraph of text, at most 300 characters."""
    for paragraph in re.split(r"\n[ \t]*\n", masked(body)):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if not lines or _BLOCK_SKIP.match(lines[0]) or lines[0].startswith("    "):
            continue
        text = _plain(" ".join(line.strip() for line in lines))
        if not text or not any(char.isalnum() for char in text):
            continue
        sentence = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
        return shorten(sentence)
    return None


def shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """``text`` cut at a word boundary to fit ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _plain(text: str) -> str:
    """Markdown inline text as plain text: links and images to their text, marks removed."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = _SHORTCODE.sub("", text)
    text = re.sub(r"(\*\*|__|\*|~~|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"\{[#.:][^}]*\}", "", text)  # attr_list marks
    return " ".join(text.split())
