"""Reading one content file: bytes to front matter and body, with exact line numbers.

Content files are untrusted input, so every step is bounded and every failure is an editor's
message (file, line, fix), never a traceback: the file's size is checked before it is read, its
characters before they reach YAML, Markdown or XML, and its nesting while YAML is composed.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from chancery.core.errors import ContentError, printable
from chancery.core.models import MODELS
from chancery.core.strict_yaml import (
    LoadedMapping,
    StrictYamlError,
    check_characters,
    forbidden_character,
    load_mapping,
)

#: Front matter holds fields, not articles; a larger block is almost always a missing '---'.
MAX_FRONT_MATTER_BYTES = 16 * 1024

#: Lists and groups inside one another in front matter, the whole block being the first: the
#: deepest field (``changes:``, a list of groups) needs three. One more level still gets the
#: field's own message ("must be a single text value"); beyond that, the depth is the mistake.
MAX_FRONT_MATTER_DEPTH = 4

#: A body is at most 2 MiB, some 300,000 words: several times the longest treaty or report a
#: ministry publishes as one page. Markdown renders about 1 MiB a second here, in every language
#: of the site, so a larger body is a mistake (a pasted export) that would stall the build.
MAX_BODY_BYTES = 2 * 1024 * 1024

#: Files larger than this are refused without being read: front matter and body at their
#: limits, with room for the '---' lines and a byte-order mark.
MAX_FILE_BYTES = MAX_FRONT_MATTER_BYTES + MAX_BODY_BYTES + 64

_BOM = b"\xef\xbb\xbf"

#: A line that opens or closes front matter. python-frontmatter's own pattern, `^-{3,}\s*$`,
#: lets `\s*` run over the blank lines after it, which shifted every line number after them.
_BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)

#: A top-level `key: value` line, and a value that starts a block scalar (`|`, `>-`, `|2+`).
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
#: Every field of every content type: a body line that starts with one looks like a field.
_FIELDS = frozenset(name for model in MODELS.values() for name in model.model_fields)
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*[ \t]*(?:#.*)?")


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler with our strict loader in place of PyYAML's."""

    FM_BOUNDARY = _BOUNDARY

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        """Read front matter strictly; raise StrictYamlError on the first problem."""
        # The text starts on the remainder of the opening '---' line, which is file line 1.
        return load_mapping(fm, first_line=1, max_depth=MAX_FRONT_MATTER_DEPTH).data


@dataclass(frozen=True)
class SourceDocument:
    """A content file split into its front matter (with line numbers) and Markdown body."""

    front_matter: LoadedMapping
    body: str
    #: The file line of the '---' that closes the front matter; the body starts below it.
    end_line: int = 1


class SourceError(Exception):
    """A file that cannot be read as a content file; carries the editor-facing error."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


_HANDLER = StrictYAMLHandler()


def read_source(file: Path, shown: str) -> SourceDocument:
    """Read and split the content file ``file``, shown to editors as ``shown``.

    Raise SourceError for anything that is not a readable text file of a bounded size: a folder
    or a pipe named ``*.md``, a file the build may not read, a file too large to be an article.
    """
    problem = name_problem(shown)
    if problem:
        raise _error(printable(shown), 0, problem)
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _error(
                shown, 0, "is a folder, not a page; rename it so that its name does not end in .md"
            )
        if not stat.S_ISREG(info.st_mode):
            raise _error(shown, 0, "is not a regular file; replace it with a Markdown text file")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(shown, info.st_size)
        with file.open("rb") as stream:
            # Never more than the limit, even if the file grew since it was measured.
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise _error(
            shown, 0, f"cannot be read ({reason}); make it a file that the build may read"
        ) from error
    return parse_source(raw, shown)


def parse_source(raw: bytes, path: str) -> SourceDocument:
    """Split ``raw`` file bytes into front matter and body, or raise SourceError.

    A UTF-8 byte-order mark and Windows line ends are accepted, since common editors write them;
    line numbers are counted as the editor shows them.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(path, len(raw))
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        raise _error(path, 1, "file is empty; start it with front matter between two '---' lines")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise _error(
            path, line, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8"
        ) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _HANDLER.detect(text):
        raise _error(
            path,
            1,
            "no front matter; the file must start with a '---' line, then fields such as "
            "'title:', then another '---' line",
        )
    try:
        front_matter, body = _HANDLER.split(text)
    except ValueError as error:
        raise _error(
            path, 1, "front matter is never closed; add a '---' line after the last field"
        ) from error
    # The front matter runs from the end of the opening line to the start of the closing one.
    end_line = 1 + front_matter.count("\n")
    size = len(front_matter.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise _error(
            path,
            1,
            f"front matter is {size} bytes, over the limit of {MAX_FRONT_MATTER_BYTES}; "
            "move long text into the body",
        )
    size = len(body.lstrip("\n").encode("utf-8"))
    if size > MAX_BODY_BYTES:
        raise _error(
            path,
            end_line + 1,
            f"the body is {size} bytes, over the limit of {MAX_BODY_BYTES} (2 MiB); split the "
            "text into several pages",
        )
    try:
        check_characters(text)
        loaded = _read_front_matter(front_matter, body, end_line)
    except StrictYamlError as error:
        raise SourceError(ContentError(path, error.line, error.field, error.message)) from error
    return SourceDocument(loaded, body.lstrip("\n"), end_line)


def _read_front_matter(front_matter: str, body: str, end_line: int) -> LoadedMapping:
    try:
        loaded = load_mapping(front_matter, first_line=1, max_depth=MAX_FRONT_MATTER_DEPTH)
    except StrictYamlError as error:
        # A '---' inside a value cuts the front matter short, which often leaves it unreadable.
        cut = _cut_short(front_matter, body, end_line, read=False)
        if cut is None:
            raise
        raise cut from error
    cut = _cut_short(front_matter, body, end_line, read=True)
    if cut is not None:
        raise cut
    return loaded


def _cut_short(
    front_matter: str, body: str, end_line: int, *, read: bool
) -> StrictYamlError | None:
    """The error to report when the closing '---' line was meant to be part of a value.

    The front matter ends at the first '---' line, even one written inside a value. That line
    was meant as text when the lines after it still continue the front matter: indented lines
    go on with a block scalar (``|`` or ``>``), or lines from a field (``date: ...``) on run up
    to another '---' line. ``read`` says whether the front matter was read without error; if
    it was not, the lines up to another '---' continue it when, with them, it reads.
    """
    fields = front_matter.split("\n")[1:-1]
    # What continues the front matter fits in its size limit: the rest of the body is not read.
    after = body[:MAX_FRONT_MATTER_BYTES].split("\n")[1:]
    if len(body) > MAX_FRONT_MATTER_BYTES:
        after.pop()  # The line that the limit cut in two.
    keys = [(number, _KEY_LINE.fullmatch(line)) for number, line in enumerate(fields)]
    last = next(((n, match) for n, match in reversed(keys) if match), None)
    first = next((n for n, line in enumerate(after) if line.strip()), None)
    if first is None:
        return None
    # A block scalar runs to the end of the front matter, and the text after '---' is indented
    # as its own lines are (a Markdown code block, indented four spaces, usually is not).
    if last is not None and _BLOCK_SCALAR.fullmatch(last[1].group(2) or ""):
        block = [line for line in fields[last[0] + 1 :] if line.strip()]
        if all(line[:1] in (" ", "\t") for line in block):
            indent = _indent(block[0]) if block else None
            shown = _indent(after[first])
            if shown and (indent is None or shown == indent):
                return StrictYamlError(
                    end_line,
                    last[1].group(1),
                    "this '---' line ends the front matter, so the indented lines after it are "
                    "not part of this text; indent the '---' like them to keep it in the text",
                )
    close = next((n for n, line in enumerate(after) if _BOUNDARY.fullmatch(line)), None)
    if close is None:
        return None
    segment = after[:close]
    if sum(len(line) + 1 for line in segment) + len(front_matter) > MAX_FRONT_MATTER_BYTES:
        return None
    if read and not _is_field(after[first]):
        return None
    try:
        load_mapping(front_matter + "\n".join(segment), max_depth=MAX_FRONT_MATTER_DEPTH)
    except StrictYamlError:
        return None
    return StrictYamlError(
        end_line,
        "",
        f"this '---' line ends the front matter, but the lines after it, up to the '---' on "
        f"line {end_line + 1 + close}, continue it; if the '---' is part of a value's text, "
        "indent it like that text or quote the value, otherwise delete this line",
    )


def name_problem(name: str) -> str | None:
    """Why a file's name cannot be published, if it cannot: it becomes the page's address."""
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            # Python reads each byte of a name that is not UTF-8 as such a code point.
            return f"the file name is not valid UTF-8 (byte 0x{code - 0xDC00:02x}); rename the file"
        if unicodedata.category(char) == "Cc" or forbidden_character(char):
            # Addresses are written into feeds and sitemaps, which cannot carry these.
            return f"the file name holds the character U+{code:04X}; rename the file"
    return None


def _is_field(line: str) -> bool:
    match = _KEY_LINE.fullmatch(line)
    return match is not None and match.group(1) in _FIELDS


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _too_large(path: str, size: int) -> SourceError:
    return _error(
        path,
        0,
        f"file is {size} bytes, larger than a page may be (a body of at most {MAX_BODY_BYTES} "
        f"bytes, 2 MiB, and front matter of at most {MAX_FRONT_MATTER_BYTES}); split the text "
        "into several pages",
    )


def _error(path: str, line: int, message: str) -> SourceError:
    return SourceError(ContentError(path, line, "", message))
