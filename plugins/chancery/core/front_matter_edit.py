"""Editing a content file's front matter as text, so that editors' formatting survives."""

from __future__ import annotations

import re
from typing import Any

import yaml

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):")


def split_file(text: str) -> tuple[list[str], str]:
    """The front-matter lines (without the '---' lines) and the body of a content file."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError("no front matter; the file must start with a '---' line")
    end = text.find("\n---", 3)
    if end < 0:
        raise ValueError("front matter is never closed")
    lines = text[4:end].split("\n") if end > 4 else []
    after = text[end + 4 :]
    return lines, after[1:] if after.startswith("\n") else after


def join_file(lines: list[str], body: str) -> str:
    """A content file from front-matter lines and a body."""
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + body


def without_keys(lines: list[str], keys: set[str]) -> list[str]:
    """Front-matter lines without the top-level ``keys`` and their indented continuation."""
    kept: list[str] = []
    dropping = False
    for line in lines:
        # Only a new top-level key ends a block: indented lines, "- item" lines and comments
        # belong to the key above them.
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            dropping = match.group(1) in keys
        if not dropping:
            kept.append(line)
    return kept


def translation_of_lines(language: str, source_hash: str) -> list[str]:
    """The ``translation_of`` block for a translation made from ``language`` at ``source_hash``."""
    return ["translation_of:", f"  language: {language}", f"  hash: {source_hash}"]


def block_lines(lines: list[str], data: dict[str, Any]) -> list[str]:
    """The front matter as block-style lines we can edit key by key.

    Hand-written front matter is kept as written; a flow mapping (``{title: x, ...}``) is
    rewritten in block style from its loaded ``data``, since keys cannot be appended to it.
    """
    content = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if all(
        _TOP_LEVEL_KEY.match(line) or line[0].isspace() or line.startswith("- ") for line in content
    ):
        return lines
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return dumped.splitlines()
