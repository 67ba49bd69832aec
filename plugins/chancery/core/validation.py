"""Checking front matter against its content model, with messages that say how to fix it."""

from __future__ import annotations

import difflib
import re
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from chancery.core.errors import ContentError
from chancery.core.models import EXAMPLES, MODELS, BaseContent
from chancery.core.strict_yaml import LoadedMapping, Location

_TIMESTAMP_HINT = "e.g. 2026-05-01T09:00:00+09:00"
# Model-level checks name their field at the start of the message: "end: is before start".
_FIELD_PREFIX = re.compile(r"^(?:Value error, )?([a-z_]+): (.*)$", re.DOTALL)
#: Errors reported for one file; a list of thousands of bad items needs only the first few.
MAX_ERRORS_PER_FILE = 20


def validate_front_matter(
    loaded: LoadedMapping,
    path: str,
    language: str,
    languages: tuple[str, ...],
    *,
    regions: tuple[str, ...] | None = None,
    body: str | None = None,
    end_line: int = 1,
) -> tuple[BaseContent | None, list[ContentError]]:
    """Type ``loaded`` with the model of its ``type``; return the model or the errors.

    ``regions`` are the site's region slugs, the only slugs allowed in ``audiences``; None
    leaves audience slugs unchecked. ``body`` is the file's Markdown body, whose closing '---'
    is on ``end_line``: types whose page shows the body need one (None leaves it unchecked).
    """
    data = loaded.data
    type_name = data.get("type", "page")
    model = MODELS.get(type_name) if isinstance(type_name, str) else None
    if model is None:
        hint = _did_you_mean(str(type_name), list(MODELS))
        return None, [
            ContentError(
                path,
                loaded.lines.get(("type",), 1),
                "type",
                f"'{type_name}' is not a content type{hint}; the types are {', '.join(MODELS)}",
            )
        ]
    errors = []
    content: BaseContent | None = None
    try:
        content = model.model_validate(
            data, context={"language": language, "languages": languages, "regions": regions}
        )
    except ValidationError as error:
        details = error.errors()
        errors = [
            _describe(detail, loaded, path, model, type_name)
            for detail in details[:MAX_ERRORS_PER_FILE]
        ]
        if len(details) > MAX_ERRORS_PER_FILE:
            errors.append(
                ContentError(
                    path,
                    0,
                    "",
                    f"{len(details) - MAX_ERRORS_PER_FILE} more errors in this file are not "
                    "shown; fix the ones listed and build again",
                )
            )
    if body is not None and not body.strip() and _needs_body(model, path):
        errors.append(
            ContentError(
                path,
                end_line,
                "",
                "the body is empty; write the text below the closing '---' line",
            )
        )
    return (None if errors else content), errors


def _needs_body(model: type[BaseContent], path: str) -> bool:
    if model.empty_index and PurePosixPath(path).name == "index.md":
        return False
    return model.needs_body


def _describe(
    detail: ErrorDetails,
    loaded: LoadedMapping,
    path: str,
    model: type[BaseContent],
    type_name: str,
) -> ContentError:
    location: Location = tuple(detail["loc"])
    kind = detail["type"]
    message = detail["msg"]
    if not location:
        match = _FIELD_PREFIX.match(message)
        if match:
            location, message = (match.group(1),), match.group(2)
    field = ".".join(str(part) for part in location)
    line = _line_of(location, loaded.lines)
    name = str(location[-1]) if location else ""
    text = _message(kind, message, detail, name, model, type_name)
    return ContentError(path, line, field, text)


def _message(
    kind: str,
    message: str,
    detail: ErrorDetails,
    name: str,
    model: type[BaseContent],
    type_name: str,
) -> str:
    if kind == "missing":
        example = EXAMPLES.get(name, "...")
        return f"required for type {type_name}; add a line such as `{name}: {example}`"
    if kind == "extra_forbidden":
        hint = _did_you_mean(name, list(model.model_fields))
        return f"unknown field for type {type_name}{hint}; " + (
            "correct or remove it" if hint else "remove it (the editor's guide lists the fields)"
        )
    if kind == "timezone_aware":
        return f"needs a UTC offset, {_TIMESTAMP_HINT}"
    if kind.startswith("datetime"):
        shown = _shown(detail["input"])
        return f"'{shown}' is not a timestamp; write it like 2026-05-01T09:00:00+09:00"
    if kind == "literal_error":
        expected = (detail.get("ctx") or {}).get("expected", "")
        return f"'{_shown(detail['input'])}' is not allowed; use one of {expected}"
    if kind in ("string_type", "list_type", "tuple_type", "model_type", "dict_type"):
        wanted = {
            "string_type": "a single text value",
            "list_type": "a list, e.g. [a, b]",
            "tuple_type": "a list, e.g. [a, b]",
            "model_type": "a group of indented 'key: value' lines",
            "dict_type": "a group of indented 'key: value' lines",
        }[kind]
        return f"must be {wanted}"
    if kind == "int_parsing":
        return f"'{_shown(detail['input'])}' is not a whole number"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind in ("less_than_equal", "greater_than_equal"):
        context = detail.get("ctx") or {}
        bound, side = (context["le"], "maximum") if "le" in context else (context["ge"], "minimum")
        return f"'{_shown(detail['input'])}' is beyond the {side} of {bound}"
    if kind == "string_too_short":
        return "is empty; write a value or remove the line"
    if kind == "string_too_long":
        limit = (detail.get("ctx") or {}).get("max_length")
        return f"is longer than {limit} characters; shorten it"
    return message


def _line_of(location: Location, lines: dict[Location, int]) -> int:
    # A missing field has no line of its own: point at the nearest enclosing key, or at the
    # opening '---' line.
    for end in range(len(location), 0, -1):
        line = lines.get(location[:end])
        if line is not None:
            return line
    return 1


def _did_you_mean(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
