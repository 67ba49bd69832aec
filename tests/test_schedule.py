"""`chancery schedule`: what the build clock will publish, expire or withdraw, per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from chancery.cli import main
from tests.conftest import TEST_NOW, of, page, site_config, write_tree

NEWS = {"type": "news", "date": "2026-11-01T09:00:00+09:00"}


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    write_tree(
        tmp_path / "content",
        {
            "en/soon.md": page("Soon", **NEWS, publish_at="2026-11-23T09:00:00+09:00"),
            "ko/soon.md": page(
                "곧", translation_of=of("en"), **NEWS, publish_at="2026-11-23T09:00:00+09:00"
            ),
            "en/ends.md": page("Ends", **NEWS, expires_at="2026-11-30T00:00:00Z"),
            "en/later.md": page("Later", **NEWS, publish_at="2027-03-01T00:00:00Z"),
            "en/past.md": page("Past", **NEWS, publish_at="2026-11-01T00:00:00Z"),
            "en/draft.md": page("Draft", **NEWS, draft=True, publish_at="2026-11-24T00:00:00Z"),
            "en/pulled.md": page(
                "Pulled", **NEWS, withdrawn={"date": "2026-11-25T00:00:00Z", "reason": "Replaced."}
            ),
        },
    )
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(site_config((("en", "foreign"), ("ko", "domestic")))))
    return path


def test_schedule_lists_the_coming_changes_per_language(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schedule", "-f", str(config)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "en English",
        "  2026-11-23T09:00+09:00  publishes  content/en/soon.md",
        "  2026-11-25T00:00+00:00  withdrawn  content/en/pulled.md",
        "  2026-11-30T00:00+00:00  expires    content/en/ends.md",
        "ko 한국어",
        "  2026-11-23T09:00+09:00  publishes  content/ko/soon.md",
    ]


def test_schedule_horizon_and_json(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "-f", str(config), "--days", "120", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(item["event"], item["path"]) for item in document] == [
        ("publishes", "content/en/soon.md"),
        ("publishes", "content/ko/soon.md"),
        ("withdrawn", "content/en/pulled.md"),
        ("expires", "content/en/ends.md"),
        ("publishes", "content/en/later.md"),
    ]
    assert main(["schedule", "-f", str(config), "--days", "0"]) == 0
    assert capsys.readouterr().out == "Nothing is scheduled in the next 0 days.\n"
