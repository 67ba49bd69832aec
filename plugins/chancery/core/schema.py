"""JSON Schema of the front matter of every content type, for editors' tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chancery.core.models import MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
INDEX_NAME = "front-matter.schema.json"


def type_schema(type_name: str) -> dict[str, Any]:
    """The JSON Schema of one content type's front matter."""
    schema = MODELS[type_name].model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = f"{type_name}.schema.json"
    schema["title"] = f"Chancery front matter: {type_name}"
    return schema


def index_schema() -> dict[str, Any]:
    """A schema that picks the right type schema by the value of ``type``."""
    branches: list[dict[str, Any]] = [
        {
            "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
            "then": {"$ref": f"{name}.schema.json"},
        }
        for name in MODELS
        if name != "page"
    ]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": INDEX_NAME,
        "title": "Chancery front matter",
        "description": "Front matter of a Chancery content file; 'type' selects the fields.",
        "type": "object",
        "properties": {"type": {"enum": list(MODELS)}},
        "allOf": [
            *branches,
            {
                "if": {
                    "not": {"required": ["type"]},
                },
                "then": {"$ref": "page.schema.json"},
            },
            {
                "if": {"properties": {"type": {"const": "page"}}, "required": ["type"]},
                "then": {"$ref": "page.schema.json"},
            },
        ],
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write one schema per type and the index into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    documents = {f"{name}.schema.json": type_schema(name) for name in MODELS}
    documents[INDEX_NAME] = index_schema()
    for file_name, document in documents.items():
        path = folder / file_name
        path.write_text(
            json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        written.append(path)
    return written
