"""The pages the reader-reach tests check, and where npm's checkers are.

The tests are axe, Nu, RTL/CJK, no-JS and the weight budget; they check one page of each type
per language, read from mkdocs.yml and the content files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from tests.conftest import ARTIFACTS as ARTIFACTS  # re-exported: where screenshots go
from tests.conftest import REPO

#: npm's checkers, installed by `make setup` (`npm ci --prefix tests/tools`).
TOOLS = REPO / "tests" / "tools" / "node_modules"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Screenshots and other files the run leaves for people to look at (gitignored).
#: The two widths every page is checked at: a desktop and a small phone.
WIDTHS = (1280, 375)

#: One representative page of each type, by its path inside a language's folder. The demo has
#: these in every language (as a translation or as an honest fallback).
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "page": "about/",
    "news": "news/2026-09-visa-waiver/",
    "statement": "statements/2026-09-unga-speech/",
    "travel-advice": "travel-advice/france/",
    "consular-service": "consular/passports/",
    "campaign": "campaigns/open-haneul/",
    "fact-check": "fact-checks/entry-fee-rumour/",
    "event": "events/2026-12-film-festival/",
    "mission": "missions/paris/",
    "listing": "news/",
    "hub": "audiences/europe/",
    "missions-directory": "missions/",
    "travel-advice-overview": "travel-advice/overview/",
    "verify": "verify/",
}
#: Types that only some languages have: the internal dashboard (root and domestic language).
OPTIONAL_TYPES: dict[str, str] = {"dashboard": "internal/language-service/"}
#: The article every budget and screenshot run uses.
ARTICLE = PAGE_TYPES["news"]


@dataclass(frozen=True)
class Target:
    """One page to check: its language, type and URL path (from the site root, with slash)."""

    language: str
    kind: str
    path: str

    @property
    def id(self) -> str:
        return f"{self.language}-{self.kind}"

    def file(self, site: Path) -> Path:
        return site / self.path.lstrip("/") / "index.html"


def _config() -> dict[str, Any]:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as file:
        config: dict[str, Any] = yaml_load(file)
    return config


def languages() -> tuple[str, ...]:
    """The portal's languages in policy order; the first is served at the site root."""
    plugins = [entry for entry in _config()["plugins"] if isinstance(entry, dict)]
    options = next(entry["chancery/content"] for entry in plugins if "chancery/content" in entry)
    return tuple(language["code"] for language in options["languages"])


def prefix(code: str) -> str:
    return "/" if code == languages()[0] else f"/{code}/"


def fallback_key(code: str) -> str | None:
    """The first root-language article this language lacks (its page is a fallback)."""
    root = languages()[0]
    for source in sorted((REPO / "content" / root).rglob("*.md")):
        key = source.relative_to(REPO / "content" / root)
        if key.name != "index.md" and not (REPO / "content" / code / key).is_file():
            return key.with_suffix("").as_posix() + "/"
    return None


def targets(site: Path) -> list[Target]:
    """Every page type in every language; fails if a type that must exist was not built."""
    found: list[Target] = []
    for code in languages():
        base = prefix(code)
        kinds = dict(PAGE_TYPES)
        fallback = fallback_key(code)
        if fallback is not None:
            kinds["fallback"] = fallback
        for kind, path in OPTIONAL_TYPES.items():
            if (site / base.lstrip("/") / path / "index.html").is_file():
                kinds[kind] = path
        for kind, path in kinds.items():
            target = Target(code, kind, base + path)
            assert target.file(site).is_file(), f"{target.id}: {target.path} was not built"
            found.append(target)
    return found


def require_tools() -> None:
    """Fail, saying how to install them, when npm's checkers are missing."""
    missing = [str(path.relative_to(REPO)) for path in (AXE_JS, VNU_JAR) if not path.is_file()]
    if missing:
        raise AssertionError(
            f"missing {', '.join(missing)}: run `make setup` (npm ci --prefix tests/tools)"
        )


def run_nu_checker(files: Iterable[Path]) -> list[dict[str, Any]]:
    """The Nu HTML Checker's messages on ``files``, in one run (vnu starts slowly)."""
    require_tools()
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java: run `make system-deps`"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    # vnu writes its report to stderr.
    report: dict[str, Any] = json.loads(result.stderr)
    messages: list[dict[str, Any]] = report["messages"]
    return messages
