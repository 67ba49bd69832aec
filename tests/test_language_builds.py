"""Languages built in parallel processes, or on separate machines and merged (issue 9).

The same generated corpus of every content type in six languages is built four ways: one
process building the languages in turn, parallel processes, and two shards merged by
`chancery merge`, signed each time. All must be byte-identical. Then the ways these builds can
go wrong: a language failing in a worker, and shards that do not belong together.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bench import harness
from bench.corpus import generate
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from chancery.mkdocs_plugins.language_builds import share_out
from chancery.shards import SHARD_SITE, SHARD_STATE
from tests.conftest import page, site_config, site_files, write_tree

KEY = Ed25519PrivateKey.generate()
SIGNING_KEY = KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
).decode("ascii")


def _chancery(
    *arguments: str, cwd: Path, now: str = harness.NOW
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CHANCERY_NOW": now,
        "CHANCERY_SIGNING_KEY": SIGNING_KEY,
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [sys.executable, "-m", "chancery.cli", *arguments]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def _project(root: Path, pages: int, build_jobs: int) -> Path:
    """A project folder with a generated corpus and the demo's configuration."""
    corpus = generate(root / "corpus", pages, 6)
    config = harness.chancery_config(corpus, build_jobs=build_jobs)
    config["site_dir"] = str(root / "site")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("languages"), 20, 1)


@pytest.fixture(scope="module")
def serial_site(project: Path) -> dict[str, bytes]:
    """The reference: one process builds the languages one after another (build_jobs: 1)."""
    done = _chancery("build", "--site-dir", str(project / "serial"), cwd=project)
    assert done.returncode == 0, done.stderr
    assert "in parallel" not in done.stderr
    return site_files(project / "serial")


def test_parallel_build_is_byte_identical_to_the_serial_build(
    project: Path, serial_site: dict[str, bytes]
) -> None:
    config = project / "parallel.yml"
    settings = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    for plugin in settings["plugins"]:
        if isinstance(plugin, dict) and "chancery/languages" in plugin:
            plugin["chancery/languages"]["build_jobs"] = 2
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    out = project / "parallel"
    done = _chancery("build", "-f", str(config), "--site-dir", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    # It did fork: six languages shared out between two processes, the root one among them.
    assert "Building the languages in 2 processes" in done.stderr
    parallel = site_files(out)
    assert len(serial_site) > 500 and "manifest.json.sig" in " ".join(serial_site)
    assert sorted(parallel) == sorted(serial_site)
    assert [path for path in serial_site if parallel[path] != serial_site[path]] == []


@pytest.fixture(scope="module")
def shards(project: Path) -> tuple[Path, Path]:
    """Two runners' shards: one with the root language, one without."""
    first, second = project / "shard-1", project / "shard-2"
    for folder, languages in ((first, "zh,en,ko"), (second, "fr,es,ar")):
        done = _chancery("build", "--languages", languages, "--shard-out", str(folder), cwd=project)
        assert done.returncode == 0, done.stderr
    return first, second


def test_shards_merged_are_byte_identical_to_a_one_machine_build(
    project: Path, serial_site: dict[str, bytes], shards: tuple[Path, Path]
) -> None:
    state = json.loads((shards[0] / SHARD_STATE).read_text("utf-8"))
    assert state["languages"] == ["en", "zh", "ko"]  # build order, whatever order was given
    # A shard alone is not a site: the site-wide steps wait for the merge.
    assert not (shards[0] / SHARD_SITE / "sitemap.xml").exists()
    assert not (shards[0] / SHARD_SITE / "_headers").exists()
    out = project / "merged"
    done = _chancery("merge", str(shards[1]), str(shards[0]), "--site-dir", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    merged = site_files(out)
    assert sorted(merged) == sorted(serial_site)
    assert [path for path in serial_site if merged[path] != serial_site[path]] == []


def test_merge_refuses_shards_that_do_not_make_one_site(
    project: Path, shards: tuple[Path, Path], tmp_path: Path
) -> None:
    first, second = shards

    def merge(*folders: Path) -> str:
        out = tmp_path / "site"
        done = _chancery("merge", *map(str, folders), "--site-dir", str(out), cwd=project)
        assert done.returncode == 2 and not out.exists()
        return done.stderr

    assert "no shard built fr, es, ar" in merge(first)
    assert "'en' is built by two shards" in merge(first, first)
    assert "not a shard" in merge(first, tmp_path)

    late = tmp_path / "late"
    done = _chancery(
        "build", "--languages", "fr,es,ar", "--shard-out", str(late), cwd=project,
        now="2026-11-22T13:00:00+00:00",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "another build clock (set the same CHANCERY_NOW on every runner)" in merge(first, late)

    tampered = tmp_path / "tampered"
    shutil.copytree(second, tampered)
    (tampered / SHARD_SITE / "about" / "index.html").write_text("changed", "utf-8")
    message = merge(first, tampered)
    assert "its build of the root language differs" in message and "about/index.html" in message


def test_merge_refuses_shards_of_other_content(project: Path, shards: tuple[Path, Path]) -> None:
    edited = project / "corpus" / "content" / "en" / "about.md"
    saved = edited.read_bytes()
    edited.write_bytes(saved.replace(b"\n---\n", b"\n---\n\nEdited.\n", 1))
    try:
        done = _chancery("merge", *map(str, shards), "--site-dir", str(project / "x"), cwd=project)
    finally:
        edited.write_bytes(saved)
    assert done.returncode == 2
    assert "built from other content or another mkdocs.yml" in done.stderr


def test_build_languages_needs_languages_of_the_site(project: Path, tmp_path: Path) -> None:
    done = _chancery("build", "--languages", "de", "--shard-out", str(tmp_path / "s"), cwd=project)
    assert done.returncode == 2
    assert "de: not a language of this site; choose among en, fr, es, zh, ar, ko" in done.stderr
    done = _chancery("build", "--languages", "fr", cwd=project)
    assert done.returncode == 2 and "--languages and --shard-out go together" in done.stderr


def test_a_language_failing_in_a_worker_fails_the_build_and_keeps_the_site(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path, 8, 2)
    site = project / "site"
    assert _chancery("build", cwd=project).returncode == 0
    before = site_files(site)
    # A broken link in one Arabic page: strict mode stops that worker's build.
    arabic = next((project / "corpus" / "content" / "ar").rglob("*.md"))
    arabic.write_text(arabic.read_text("utf-8") + "\n[x](missing-page.md)\n", "utf-8")
    done = _chancery("build", cwd=project)
    assert done.returncode == 1
    assert "Building the languages in 2 processes" in done.stderr
    assert "missing-page.md" in done.stderr
    assert "Aborted with 1 warnings in strict mode" in done.stderr
    assert site_files(site) == before


@pytest.mark.parametrize("jobs", [1, 2])
def test_strict_mode_reports_every_languages_warnings_with_one_count(
    tmp_path: Path, jobs: int
) -> None:
    project = _project(tmp_path, 8, jobs)
    # One broken link in each of three languages, built in one process or in two.
    for code in ("en", "fr", "ar"):
        page = next((project / "corpus" / "content" / code).rglob("*.md"))
        page.write_text(page.read_text("utf-8") + f"\n[x](missing-{code}.md)\n", "utf-8")
    done = _chancery("build", cwd=project)
    assert done.returncode == 1
    for code in ("en", "fr", "ar"):
        assert done.stderr.count(f"contains a link 'missing-{code}.md'") == 1, code
    assert "Aborted with 3 warnings in strict mode" in done.stderr


def test_the_root_language_failing_stops_the_other_processes(tmp_path: Path) -> None:
    project = _project(tmp_path, 30, 2)
    # A crash in the root language's build, while the other languages are being built.
    (project / "boom.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if page.file.src_uri == 'en/about.md':\n"
        "        raise RuntimeError('boom in the root build')\n",
        "utf-8",
    )
    settings = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    settings["hooks"] = [str(project / "boom.py")]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    done = _chancery("build", cwd=project)
    assert done.returncode != 0
    assert "Building the languages in 2 processes" in done.stderr
    assert "boom in the root build" in done.stderr and not (project / "site").exists()
    # The other processes were stopped, not left to write into the abandoned build.
    assert "Stopped the builds of " in done.stderr
    assert _processes_in(project) == []


def _processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is ``folder`` (a language build left running)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")) == folder:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_languages_are_shared_out_by_weight_heaviest_first() -> None:
    weights = {"fr": 90, "es": 80, "zh": 70, "ar": 60, "ko": 100}
    groups = share_out(list(weights), weights.__getitem__, 2)
    assert groups == [["zh", "ar", "ko"], ["fr", "es"]]
    assert share_out(["fr"], weights.__getitem__, 4) == [["fr"]]
    assert share_out(list(weights), weights.__getitem__, 1) == [list(weights)]


def test_languages_are_weighed_by_the_pages_they_render_fallbacks_included(
    tmp_path: Path,
) -> None:
    # Every page is written in Korean only: the five foreign languages render a fallback page
    # for each, so each is as heavy as Korean. Weighed by their own pages, they would all land
    # in one process while the other built Korean alone.
    languages = (("en", "foreign"), ("fr", "foreign"), ("es", "foreign"))
    languages += (("de", "foreign"), ("ja", "foreign"), ("ko", "domestic"))
    pages = {"ko/index.md": page("홈")}
    pages.update({f"ko/topic-{n:02}.md": page(f"주제 {n}") for n in range(12)})
    write_tree(tmp_path / "content", pages)
    settings = site_config(languages, {"translation_gate": "warn", "build_jobs": 2})
    # Material's search would keep static-i18n's one-language-after-another loop.
    settings["plugins"] = [p if p != "search" else "chancery/search" for p in settings["plugins"]]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    done = _chancery("build", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    shared = re.search(r"Building the languages in 2 processes: (\[.*\])", done.stderr)
    assert shared is not None, done.stderr
    groups = ast.literal_eval(shared.group(1))
    assert sorted(len(group) for group in groups) == [3, 3], groups
    # The fallback pages were built: a French reader gets every Korean page.
    assert len(list((tmp_path / "site" / "fr").glob("topic-*/index.html"))) == 12
