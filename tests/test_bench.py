"""The benchmark harness (bench/) and the one optimisation it led to (the template cache).

No timing is asserted: figures on a shared machine are noise. These tests prove that the
corpus passes Chancery's strict models with the translation states it claims, and that one
tiny run builds it with both stacks and records every figure the benchmark tables quote; and the
template cache changes no byte of the output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from bench import harness
from bench.corpus import Corpus, generate
from jinja2 import DictLoader, Environment

from chancery.core.catalog import load_catalog
from chancery.core.languages import LanguagePolicy
from chancery.core.translations import TranslationPolicy, assess
from chancery.mkdocs_plugins.template_cache import SWITCH, MemoryBytecodeCache
from tests.conftest import site_files

REGIONS = ("east-asia", "europe", "latin-america", "middle-east", "africa", "north-america")


def test_corpus_passes_the_strict_models_with_its_stale_and_missing_translations(
    tmp_path: Path,
) -> None:
    corpus = generate(tmp_path, 60, 3)
    # load_catalog raises ContentErrors on any front-matter or group problem.
    catalog = load_catalog(corpus.content_dir, corpus.languages, tmp_path, regions=REGIONS)
    assert len(catalog) == corpus.files == 60 * 3 - corpus.missing
    assert {page.type for page in catalog} == set(corpus.by_type)
    assert len(corpus.by_type) == 9  # every content type
    policy = LanguagePolicy.from_roles([("en", "foreign"), ("fr", "foreign"), ("ko", "domestic")])
    report = assess(
        catalog,
        policy,
        TranslationPolicy.from_options({}),
        datetime(2026, 11, 22, tzinfo=UTC),
        lambda _: True,
    )
    stale = sum(len(report.stale(code)) for code in ("en", "fr"))
    missing = sum(len(report.missing(code)) for code in ("en", "fr"))
    assert (stale, missing) == (corpus.stale, corpus.missing)
    assert stale > 0 and missing > 0


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    assert harness.main(["--sizes", "5x2", "--out", str(out)]) == 0
    loaded: dict = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def test_harness_builds_both_stacks_and_writes_every_figure(results: dict) -> None:
    (run,) = results["runs"]
    assert run["size"] == "5x2" and run["languages"] == ["en", "ko"]
    for stack in ("stock", "chancery"):
        figures = run[stack]
        assert figures["returncode"] == 0, figures.get("error")
        for name in ("wall_s", "cpu_s", "peak_rss_mb", "output_bytes", "article_html_bytes"):
            assert figures[name] > 0, (stack, name)
    assert set(run["chancery_vs_stock"]) == {"wall", "cpu", "peak_rss", "output_bytes"}
    assert results["environments"][run["environment"]]["versions"]["mkdocs"]


def test_harness_rejects_a_language_count_it_has_no_corpus_for() -> None:
    with pytest.raises(SystemExit):
        harness.main(["--sizes", "5x4", "--out", "/dev/null"])


def test_harness_needs_the_cold_build_before_the_warm_ones() -> None:
    with pytest.raises(SystemExit):
        harness.main(["--sizes", "5x2", "--stacks", "chancery-warm,chancery", "--out", "/dev/null"])


def _build(corpus: Corpus, work: Path, name: str, cache: str) -> dict[str, bytes]:
    config_file = work / f"{name}.yml"
    config = harness.chancery_config(corpus)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "CHANCERY_NOW": harness.NOW, SWITCH: cache, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    subprocess.run([*command, "-d", str(work / name)], env=env, check=True, capture_output=True)
    return site_files(work / name)


def test_template_cache_gives_byte_identical_output_to_a_plain_build(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", 20, 6)
    plain = _build(corpus, tmp_path, "plain", "off")
    cached = _build(corpus, tmp_path, "cached", "on")
    assert len(plain) > 100
    assert sorted(cached) == sorted(plain)
    differing = [path for path in plain if cached[path] != plain[path]]
    assert differing == []


def test_template_cache_serves_later_environments_and_recompiles_a_changed_source() -> None:
    cache = MemoryBytecodeCache()
    sources = {"page.html": "<p>{{ title }}</p>"}

    def render() -> str:
        env = Environment(loader=DictLoader(sources), autoescape=True, bytecode_cache=cache)
        return env.get_template("page.html").render(title="<b>")

    assert render() == "<p>&lt;b&gt;</p>" and cache.hits == 0
    assert render() == "<p>&lt;b&gt;</p>" and cache.hits == 1
    sources["page.html"] = "<h1>{{ title }}</h1>"
    assert render() == "<h1>&lt;b&gt;</h1>" and cache.hits == 1
