"""The Markdown cache kept between builds (issue 9): faster, and never different.

A generated six-language corpus of every content type is built with the cache off, cold and
warm: the three sites must be byte-identical, and the warm build must render nothing. An edit
re-renders that page only; a broken link is still reported from the cache; entries the site no
longer uses are removed; and an extension that may read other files turns the cache off.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bench import harness
from bench.corpus import generate

from tests.conftest import site_files

CACHE = ".cache/chancery/markdown"


def _project(root: Path, **content_options: str) -> Path:
    corpus = generate(root / "corpus", 12, 6)
    config = harness.chancery_config(corpus, build_jobs=2)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "chancery/content" in plugin:
            plugin["chancery/content"].update(content_options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root


def _build(project: Path, out: str) -> tuple[int, str, dict[str, int]]:
    """Build into ``project/out``: exit status, log, and pages rendered by language."""
    env = {**os.environ, "CHANCERY_NOW": harness.NOW, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "chancery.cli", "build", "--site-dir", str(project / out)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    counts = re.findall(r"Markdown cache: \d+ pages reused, (\d+) rendered \((\w+)\)", done.stderr)
    rendered = {language: int(count) for count, language in counts}
    return done.returncode, done.stderr, rendered


def _entries(project: Path) -> set[str]:
    return {path.name for path in (project / CACHE).glob("*/*.json")}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("cache"))


def test_cache_off_cold_and_warm_give_the_same_site(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    off = _project(tmp_path_factory.mktemp("off"), markdown_cache="")
    status, log, rendered = _build(off, "site")
    assert status == 0, log
    assert rendered == {} and not (off / CACHE).exists()

    status, log, cold = _build(project, "cold")
    assert status == 0, log
    assert set(cold) == {"en", "fr", "es", "zh", "ar", "ko"} and all(cold.values())
    status, log, warm = _build(project, "warm")
    assert status == 0, log
    assert warm == dict.fromkeys(cold, 0), "a warm build rendered Markdown again"
    assert "pages reused, 0 rendered" in log

    reference = site_files(off / "site")
    assert len(reference) > 300
    for name in ("cold", "warm"):
        built = site_files(project / name)
        assert sorted(built) == sorted(reference)
        assert [path for path in reference if built[path] != reference[path]] == [], name


def test_an_edit_renders_that_page_again_and_drops_its_old_entry(project: Path) -> None:
    _build(project, "before")
    entries = _entries(project)
    page = project / "corpus" / "content" / "fr" / "about.md"
    page.write_text(page.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    status, log, rendered = _build(project, "after")
    assert status == 0, log
    assert rendered["fr"] == 1
    assert sum(rendered.values()) == 1
    assert "Une phrase de plus." in (project / "after" / "fr" / "about" / "index.html").read_text()
    after = _entries(project)
    assert len(after) == len(entries) and len(after - entries) == 1  # Old entry pruned.


def test_a_broken_link_is_still_reported_from_the_cache(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = project / "corpus" / "content" / "en" / "about.md"
    page.write_text(page.read_text("utf-8") + "\n[gone](no-such-page.md)\n", "utf-8")
    first = _build(project, "site")
    second = _build(project, "site")
    for status, log, _ in (first, second):
        assert status == 1
        assert "contains a link 'no-such-page.md'" in log
        assert "Aborted with 1 warnings in strict mode" in log
    assert second[2]["en"] == 0  # The warning came from the cache.


def test_an_extension_that_may_read_other_files_turns_the_cache_off(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config["markdown_extensions"].append({"pymdownx.snippets": {"base_path": ["corpus"]}})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    status, log, rendered = _build(project, "site")
    assert status == 0, log
    assert "Markdown cache off: a Markdown extension in mkdocs.yml may read other files" in log
    assert rendered == {} and not (project / CACHE).exists()
