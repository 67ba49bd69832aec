"""The `chancery` command: check and schema, answered from the core without a build."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from chancery.cli import main
from tests.conftest import REPO, site_config, write_tree


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    write_tree(tmp_path / "content", files)
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return tmp_path / "mkdocs.yml"


def test_check_passes_on_the_demo_portal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--config-file", str(REPO / "mkdocs.yml")]) == 0
    pages = len(list((REPO / "content").rglob("*.md")))
    assert capsys.readouterr().out == f"{pages} pages in 6 languages: front matter OK\n"


def test_check_lists_every_error_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(
        tmp_path,
        {
            "en/a.md": "---\ntitle: A\ndescription: d\ndraft: no\n---\nText.\n",
            "ko/b.md": "---\ntitle: B\n---\nText.\n",
        },
    )
    assert main(["check", "-f", str(config)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "2 content errors; nothing was published:",
        "  content/en/a.md:4: draft: 'no' is not true or false; write true or false",
        "  content/ko/b.md:1: description: required for type page; add a line such as "
        '`description: "One sentence that says what the page is about."`',
    ]


def test_check_without_config_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "mkdocs.yml"
    assert main(["check", "-f", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"error: {missing}: not found; run from the site's folder or pass --config-file\n"
    )


def _editor_view(path: Path) -> dict[str, Any]:
    # Editors' tools read YAML 1.2, where timestamps are plain strings.
    text = path.read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.safe_load(text)
    return {
        key: value.isoformat() if isinstance(value, datetime | date) else value
        for key, value in data.items()
    }


def test_schemas_accept_the_demo_content_and_reject_mistakes(tmp_path: Path) -> None:
    assert main(["schema", "--output", str(tmp_path)]) == 0
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text())))
        for path in tmp_path.glob("*.json")
    ]
    registry: Registry = Registry().with_resources(resources)
    index = json.loads((tmp_path / "front-matter.schema.json").read_text())
    validator = Draft202012Validator(index, registry=registry)
    for path in sorted((REPO / "content").rglob("*.md")):
        errors = list(validator.iter_errors(_editor_view(path)))
        assert errors == [], f"{path}: {errors[0].message}"
    bad_news = {"title": "T", "description": "D", "type": "news", "summary": "x"}
    messages = sorted(error.message for error in validator.iter_errors(bad_news))
    assert any("'date' is a required property" in message for message in messages)
    assert any("'summary' was unexpected" in message for message in messages)
    assert list(validator.iter_errors({"title": "T", "description": "D", "tags": ["Bad Tag"]}))


def test_schema_files_cover_every_type(tmp_path: Path) -> None:
    main(["schema", "-o", str(tmp_path)])
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == sorted(
        [
            "front-matter.schema.json",
            *(
                f"{name}.schema.json"
                for name in (
                    "page",
                    "news",
                    "statement",
                    "travel-advice",
                    "consular-service",
                    "campaign",
                    "fact-check",
                    "event",
                    "mission",
                )
            ),
        ]
    )
