"""Reading one content file: bytes to front matter and body, with exact line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from chancery.core.errors import ContentError
from chancery.core.strict_yaml import LoadedMapping, StrictYamlError, load_mapping

#: Front matter holds fields, not articles; a larger block is almost always a missing '---'.
MAX_FRONT_MATTER_BYTES = 16 * 1024

_BOM = b"\xef\xbb\xbf"


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler with our strict loader in place of PyYAML's."""

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        """Read front matter strictly; raise StrictYamlError on the first problem."""
        # The text starts on the remainder of the opening '---' line, which is file line 1.
        return load_mapping(fm, first_line=1).data


@dataclass(frozen=True)
class SourceDocument:
    """A content file split into its front matter (with line numbers) and Markdown body."""

    front_matter: LoadedMapping
    body: str


class SourceError(Exception):
    """A file that cannot be read as a content file; carries the editor-facing error."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


_HANDLER = StrictYAMLHandler()


def parse_source(raw: bytes, path: str) -> SourceDocument:
    """Split ``raw`` file bytes into front matter and body, or raise SourceError.

    A UTF-8 byte-order mark and Windows line ends are accepted, since common editors write them;
    line numbers are counted as the editor shows them.
    """
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        raise SourceError(
            ContentError(
                path, 1, "", "file is empty; start it with front matter between two '---' lines"
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise SourceError(
            ContentError(
                path, line, "", f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8"
            )
        ) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _HANDLER.detect(text):
        raise SourceError(
            ContentError(
                path,
                1,
                "",
                "no front matter; the file must start with a '---' line, then fields such as "
                "'title:', then another '---' line",
            )
        )
    try:
        front_matter, body = _HANDLER.split(text)
    except ValueError as error:
        raise SourceError(
            ContentError(
                path, 1, "", "front matter is never closed; add a '---' line after the last field"
            )
        ) from error
    size = len(front_matter.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise SourceError(
            ContentError(
                path,
                1,
                "",
                f"front matter is {size} bytes, over the limit of {MAX_FRONT_MATTER_BYTES}; "
                "move long text into the body",
            )
        )
    try:
        loaded = load_mapping(front_matter, first_line=1)
    except StrictYamlError as error:
        raise SourceError(ContentError(path, error.line, error.field, error.message)) from error
    return SourceDocument(loaded, body.lstrip("\n"))
