"""The publishing workflow is a valid GitHub Actions workflow that deploys only after checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github/workflows/publish.yml"


def _workflow() -> dict[str, Any]:
    # BaseLoader keeps `on` a string (PyYAML's default loader turns it into True).
    loaded: dict[str, Any] = yaml.load(WORKFLOW.read_text(), Loader=yaml.BaseLoader)
    return loaded


def schema_check(workflow: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema's run of a workflow file against GitHub's workflow schema (offline)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workflow_matches_the_github_actions_schema() -> None:
    result = schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "runs_on:", 1))
    assert schema_check(broken).returncode != 0


def test_builds_on_push_and_on_a_schedule_and_deploys_only_after_the_build() -> None:
    workflow = _workflow()
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"] == "*/15 * * * *"
    build_steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "make test" in build_steps
    assert "make build" in build_steps
    assert build_steps.index("make test") < build_steps.index("make build")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == ["build", "merge"]
    assert "!contains(needs.*.result, 'failure')" in deploy["if"]
    assert [step["uses"] for step in deploy["steps"]] == ["actions/deploy-pages@v4"]


def test_languages_can_build_on_separate_runners_on_one_clock() -> None:
    jobs = _workflow()["jobs"]
    # One runner builds everything unless CHANCERY_SHARDS lists language groups.
    assert jobs["build"]["if"] == "vars.CHANCERY_SHARDS == ''"
    assert jobs["prepare"]["if"] == "vars.CHANCERY_SHARDS != ''"
    prepare = [step.get("run", "") for step in jobs["prepare"]["steps"]]
    assert "make test" in prepare and any("GITHUB_OUTPUT" in run for run in prepare)
    shard = jobs["shard"]
    assert shard["needs"] == "prepare"
    assert "vars.CHANCERY_SHARDS" in shard["strategy"]["matrix"]["languages"]
    assert shard["env"]["CHANCERY_NOW"] == "${{ needs.prepare.outputs.now }}"
    runs = " ".join(step.get("run", "") for step in shard["steps"])
    assert '--languages "${{ matrix.languages }}" --shard-out shard' in runs
    merge = jobs["merge"]
    assert merge["needs"] == ["prepare", "shard"]
    assert merge["env"]["CHANCERY_NOW"] == "${{ needs.prepare.outputs.now }}"
    assert any("chancery merge shards/*" in step.get("run", "") for step in merge["steps"])
    assert any(step.get("uses") == "actions/upload-pages-artifact@v3" for step in merge["steps"])


def test_the_markdown_cache_is_kept_between_runs() -> None:
    jobs = _workflow()["jobs"]
    for name in ("build", "shard"):
        caches = [step for step in jobs[name]["steps"] if step.get("uses") == "actions/cache@v4"]
        assert caches and caches[0]["with"]["path"] == ".cache/chancery/markdown", name


def _make_dry_run(target: str, venv: Path) -> str:
    """The commands `make TARGET` would run on a fresh machine (a new, empty virtual env)."""
    done = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_serve_installs_only_what_a_preview_needs(tmp_path: Path) -> None:
    serve = _make_dry_run("serve", tmp_path / "venv")
    assert "pip install --quiet -e .\n" in serve
    assert "[test]" not in serve and "install-system-deps" not in serve and "npm" not in serve
    test = _make_dry_run("test", tmp_path / "venv")
    assert "pip install --quiet -e '.[test]'" in test and "install-system-deps" in test
