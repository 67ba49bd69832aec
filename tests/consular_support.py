"""Helpers for the consular tests: sites built with chancery/consular, and a canary scanner."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import TEST_NOW, Files, build_in, site_config, write_tree
from tests.leak_scanner import find_leaks

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ar", "foreign"), ("ko", "domestic"))


def consular_config(
    languages: tuple[tuple[str, str], ...] = LANGUAGES,
    languages_options: Mapping[str, Any] | None = None,
    **options: Any,
) -> dict[str, Any]:
    """mkdocs.yml overrides: the test site's plugins with chancery/consular after languages."""
    plugins = site_config(languages, languages_options)["plugins"]
    after = next(
        index
        for index, plugin in enumerate(plugins)
        if isinstance(plugin, dict) and "chancery/languages" in plugin
    )
    plugins.insert(after + 1, {"chancery/consular": dict(options)})
    return {"plugins": plugins, "markdown_extensions": ["attr_list", "toc"]}


def build_project(
    root: Path,
    files: Files,
    *,
    languages: tuple[tuple[str, str], ...] = LANGUAGES,
    languages_options: Mapping[str, Any] | None = None,
    now: str = TEST_NOW,
    **options: Any,
) -> Path:
    """Build a site with chancery/consular in ``root`` (for module-scoped fixtures)."""
    write_tree(root / "content", files)
    settings = site_config(languages, **consular_config(languages, languages_options, **options))
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", now)
        return build_in(root)


def alerts_file(alerts: list[Mapping[str, Any]]) -> str:
    """The text of an alerts file."""
    return yaml.safe_dump({"alerts": alerts}, allow_unicode=True, sort_keys=False)


def canary_hits(site: Path, canary: str) -> list[str]:
    """Output paths whose name or content holds ``canary`` (the shared G1 leak scanner)."""
    return sorted({leak.partition(": ")[0] for leak in find_leaks(site, [canary])})


def soup_of(path: Path) -> BeautifulSoup:
    """A parsed HTML file."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def html_pages(site: Path) -> list[Path]:
    """Every page MkDocs rendered (the light pages, the 404 page and assets left out)."""
    return [
        path
        for path in sorted(site.rglob("*.html"))
        if "light" not in path.relative_to(site).parts
        and path.name != "404.html"
        and not path.relative_to(site).as_posix().startswith("assets/")
    ]


def language_of(site: Path, path: Path, codes: tuple[str, ...]) -> str:
    """The language folder a page is in: its first path part, or the root language."""
    first = path.relative_to(site).parts[0]
    return first if first in codes else codes[0]
