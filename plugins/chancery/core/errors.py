"""Content errors that name the file, the line, the field and the fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, printed as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return printable(f"{where}: {self.field}: {self.message}")
        return printable(f"{where}: {self.message}")


def printable(text: str) -> str:
    r"""``text`` with characters a terminal would act on written as escapes, e.g. ``\x1b``.

    Messages quote what editors wrote (file names, keys, values), which may hold anything.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class ContentErrors(Exception):
    """Every content error of a tree, raised together so that editors fix them in one pass."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors: tuple[ContentError, ...] = tuple(sorted(errors))
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = "\n".join(f"  {error}" for error in self.errors)
        super().__init__(f"{count} content {noun}; nothing was published:\n{lines}")
