"""`chancery status` and `chancery translate` on real content trees, without a build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from chancery.cli import main
from chancery.core.catalog import body_hash
from tests.conftest import REPO, TEST_NOW, of, page, site_config, write_tree

STATUS_SCHEMA = REPO / "plugins/chancery/schemas/status.schema.json"
STATEMENT = {"type": "statement", "kind": "statement", "date": "2026-11-01T00:00:00Z"}
LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)


def _project(root: Path, files: dict[str, str]) -> Path:
    write_tree(root / "content", files)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(site_config(LANGUAGES)))
    return root / "mkdocs.yml"


def _status_json(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["status", "-f", str(config), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_editing_a_source_shows_up_as_stale_in_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "ko/a.md": page("가", "Original.", updated="2026-11-10T00:00:00Z"),
        "en/a.md": page("A", "Translated.", translation_of=of("ko", "Original.")),
        "fr/a.md": page("A", "Traduit.", translation_of=of("ko", "Original.")),
    }
    config = _project(tmp_path, files)
    code, before = _status_json(config, capsys)
    assert code == 0
    assert [language["stale"] for language in before["languages"]] == [[], [], []]
    (tmp_path / "content/ko/a.md").write_text(
        page("가", "Original, edited.", updated="2026-11-10T00:00:00Z")
    )
    code, after = _status_json(config, capsys)
    stale = {language["code"]: language["stale"] for language in after["languages"]}
    assert [gap["page"] for gap in stale["en"]] == ["content/en/a.md"]
    assert stale["en"][0]["age_days"] == 12
    assert stale["en"][0]["source"] == "content/ko/a.md"
    assert stale["ko"] == []


def test_status_json_matches_its_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, document = _status_json(REPO / "mkdocs.yml", capsys)
    assert code == 0
    validator = Draft202012Validator(json.loads(STATUS_SCHEMA.read_text()))
    assert list(validator.iter_errors(document)) == []
    english = document["languages"][0]
    assert english["code"] == "en" and english["pages"] == len(
        list((REPO / "content/en").rglob("*.md"))
    )


def test_gate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    passing = _project(
        tmp_path / "passing",
        {
            "ko/s.md": page("성명", **STATEMENT),
            "en/s.md": page("S", translation_of=of("ko"), **STATEMENT),
            "fr/s.md": page("S", translation_of=of("ko"), **STATEMENT),
        },
    )
    assert main(["status", "-f", str(passing)]) == 0
    assert capsys.readouterr().out.endswith("Parity gate: passed\n")

    failing = _project(tmp_path / "failing", {"ko/s.md": page("성명", **STATEMENT)})
    assert main(["status", "-f", str(failing)]) == 1
    out = capsys.readouterr().out
    assert "en s.md: missing for 21 days (required, grace 14 days); blocks the build" in out
    assert out.endswith("Parity gate: FAILED: 2 required gaps block the build\n")
    code, document = _status_json(failing, capsys)
    assert code == 1 and document["gate"]["passed"] is False
    assert [gap["language"] for gap in document["gate"]["blocking"]] == ["en", "fr"]


def test_status_answers_from_the_core_without_mkdocs() -> None:
    # `chancery status` reads the content, never builds the site: MkDocs is not even imported
    # (its speed is that of a catalog read, which the benchmark measures).
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from chancery.cli import main; code = main(['status', '-f', "
            f"{str(REPO / 'mkdocs.yml')!r}]); "
            "print('mkdocs' in sys.modules, code)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHANCERY_NOW": TEST_NOW},
    )
    assert "Parity gate" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "False 0"


def test_translate_creates_a_draft_with_the_source_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(
        tmp_path, {"ko/news/a.md": page("가", "원문.", type="news", date="2026-11-01T00:00:00Z")}
    )
    source = tmp_path / "content/ko/news/a.md"
    assert main(["translate", str(source), "--to", "fr", "-f", str(config)]) == 0
    created = tmp_path / "content/fr/news/a.md"
    front = yaml.safe_load(created.read_text().split("---\n")[1])
    assert front["draft"] is True
    assert front["translation_of"] == {"language": "ko", "hash": body_hash("원문.")}
    assert front["title"] == "가" and front["type"] == "news"
    assert main(["check", "-f", str(config)]) == 0
    assert main(["translate", str(source), "--to", "fr", "-f", str(config)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_mark_current_records_the_new_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(
        tmp_path,
        {
            "ko/a.md": page("가", "Edited source."),
            "en/a.md": page("A", "Translation.", translation_of=of("ko", "Old source.")),
            "fr/a.md": page("A", "Traduction."),
        },
    )
    assert main(["check", "-f", str(config)]) == 1  # fr/a.md is a second source
    capsys.readouterr()
    assert (
        main(["translate", "--mark-current", str(tmp_path / "content/en/a.md"), "-f", str(config)])
        == 0
    )
    assert (
        main(
            [
                "translate",
                "--mark-current",
                str(tmp_path / "content/fr/a.md"),
                "--from",
                "ko",
                "-f",
                str(config),
            ]
        )
        == 0
    )
    for language in ("en", "fr"):
        text = (tmp_path / f"content/{language}/a.md").read_text()
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["translation_of"] == {"language": "ko", "hash": body_hash("Edited source.")}
    assert "marked current with its source" in capsys.readouterr().out
    code, document = _status_json(config, capsys)
    assert code == 0
    assert all(language["stale"] == [] for language in document["languages"])


def test_status_diff_shows_what_changed_since_the_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def git(*arguments: str) -> None:
        subprocess.run(["git", *arguments], cwd=tmp_path, check=True, capture_output=True)

    config = _project(
        tmp_path,
        {
            "ko/a.md": page("가", "첫 문단.\n\n둘째 문단."),
            "en/a.md": page(
                "A", "First.\n\nSecond.", translation_of=of("ko", "첫 문단.\n\n둘째 문단.")
            ),
        },
    )
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    (tmp_path / "content/ko/a.md").write_text(page("가", "첫 문단.\n\n고친 둘째 문단."))
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "edit")
    translation = tmp_path / "content/en/a.md"
    assert main(["status", "-f", str(config), "--diff", str(translation)]) == 0
    out = capsys.readouterr().out
    assert "--- ko/a.md (as translated)" in out
    assert "-둘째 문단." in out and "+고친 둘째 문단." in out


def test_status_diff_outside_git_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(
        tmp_path,
        {"ko/a.md": page("가", "New."), "en/a.md": page("A", translation_of=of("ko", "Old."))},
    )
    assert main(["status", "-f", str(config), "--diff", str(tmp_path / "content/en/a.md")]) == 2
    assert "not in a git repository; --diff needs the content's git history" in (
        capsys.readouterr().err
    )


# Bulk bookkeeping: imported translations, and edits that need no new translation ------------

IMPORTED = (("ar", "foreign"), ("de", "foreign"), ("en", "domestic"))


def _imported(root: Path, pages: int) -> Path:
    """A site whose translations were imported without any record of their source."""
    files = {}
    for number in range(pages):
        for code in ("ar", "de", "en"):
            files[f"{code}/news/item-{number:03d}.md"] = page(
                f"Item {number} {code}", f"Text {number} in {code}.", **STATEMENT
            )
    write_tree(root / "content", files)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(site_config(IMPORTED)))
    return root / "mkdocs.yml"


def test_without_a_recorded_source_the_source_language_is_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _imported(tmp_path, 1)
    assert main(["check", "-f", str(config)]) == 1
    errors = capsys.readouterr().err
    # English, the domestic (source) language, is the source: not Arabic, first alphabetically.
    assert (
        "content/ar/news/item-000.md: translation_of: missing, but content/en/news/item-000.md "
        "is already the source of this page; record what this version was translated from with "
        "`chancery translate --mark-current content/ar/news/item-000.md --from en`"
    ) in errors
    assert "--from ar" not in errors


def test_marking_a_whole_tree_current_is_one_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _imported(tmp_path, 30)
    content = tmp_path / "content"
    # Folders, a quoted pattern and a file, in one process; English pages are the sources.
    arguments = [str(content / "ar"), str(content / "de/news/item-0*.md"), str(content / "en")]
    assert main(["translate", "--mark-current", *arguments, "-f", str(config)]) == 0
    out = capsys.readouterr().out
    assert "60 translations marked current; 30 sources left as they are" in out
    assert main(["check", "-f", str(config)]) == 0
    capsys.readouterr()
    code, document = _status_json(config, capsys)
    assert code == 0
    assert all(not row["missing"] and not row["stale"] for row in document["languages"])
    front = yaml.safe_load((content / "de/news/item-007.md").read_text().split("---\n")[1])
    assert front["translation_of"] == {"language": "en", "hash": body_hash("Text 7 in en.")}


def test_a_minor_edit_keeps_current_translations_current_and_stays_on_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = "The fair opens on Monday. See [the plan](plan.md).", "The fair opens on Monday."
    config = _project(
        tmp_path,
        {
            "ko/a.md": page("가", new, **STATEMENT),
            "en/a.md": page("A", "English.", **STATEMENT, translation_of=of("ko", old)),
            # Already behind before the minor edit: it must stay stale.
            "fr/a.md": page("A", "Français.", **STATEMENT, translation_of=of("ko", "Older.")),
        },
    )
    source = tmp_path / "content/ko/a.md"
    _, before = _status_json(config, capsys)
    assert {gap["language"] for row in before["languages"] for gap in row["stale"]} == {"en", "fr"}
    assert (
        main(
            [
                "translate", "--minor", str(source), "--previous", body_hash(old),
                "--note", "Removed a broken link", "-f", str(config),
            ]
        )
        == 0
    )  # fmt: skip
    assert "minor edit recorded" in capsys.readouterr().out
    _, after = _status_json(config, capsys)
    assert [gap["language"] for row in after["languages"] for gap in row["stale"]] == ["fr"]
    front = yaml.safe_load(source.read_text().split("---\n")[1])
    assert front["minor_edits"] == [
        {
            "date": TEST_NOW,
            "before": body_hash(old),
            "after": body_hash(new),
            "note": "Removed a broken link",
        }
    ]
    # A later edit of substance makes the English translation stale again.
    source.write_text(source.read_text().replace(new, "The fair opens on Tuesday."))
    _, later = _status_json(config, capsys)
    assert {gap["language"] for row in later["languages"] for gap in row["stale"]} == {"en", "fr"}


def test_a_minor_edit_finds_the_previous_version_in_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = "Original wording."
    config = _project(
        tmp_path,
        {
            "ko/a.md": page("가", old, **STATEMENT),
            "en/a.md": page("A", "English.", **STATEMENT, translation_of=of("ko", old)),
            "fr/a.md": page("A", "Français.", **STATEMENT, translation_of=of("ko", old)),
        },
    )
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t",
                                                  "commit", "-qm", "content"]):  # fmt: skip
        subprocess.run(["git", *command], cwd=tmp_path, check=True)
    source = tmp_path / "content/ko/a.md"
    source.write_text(source.read_text().replace(old, "Original wording, typo fixed."))
    assert main(["translate", "--minor", str(source), "-f", str(config)]) == 0
    assert "2 translations stay current" in capsys.readouterr().out
    code, document = _status_json(config, capsys)
    assert code == 0 and all(not row["stale"] for row in document["languages"])
