"""Shared fixtures: tiny sites built in tmp_path, and the demo portal built once per session."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from chancery.core.catalog import body_hash

REPO = Path(__file__).resolve().parent.parent
#: The build clock of every test build, so that results never depend on the day tests run.
TEST_NOW = "2026-11-22T12:00:00+00:00"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

Files = Mapping[str, str | bytes]
BuildSite = Callable[..., Path]

_CLEAN_DIRECTORY = mkdocs.utils.clean_directory


@pytest.fixture(autouse=True)
def _builds_clean_their_site_folder() -> Iterator[None]:
    """Put back MkDocs' clean_directory after each test.

    static-i18n swaps it for a no-op during its language builds and leaves the no-op in place
    when one fails: every later build in the process would then write over an old site.
    """
    yield
    mkdocs.utils.clean_directory = _CLEAN_DIRECTORY


def site_config(
    languages: tuple[tuple[str, str], ...],
    languages_options: Mapping[str, Any] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """A minimal mkdocs.yml for a test site; ``languages`` are (code, role) in policy order.

    ``languages_options`` are the chancery/languages plugin's settings.
    """
    config: dict[str, Any] = {
        "site_name": "Test ministry",
        "site_url": "https://ministry.example/",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": [
            {
                "chancery/content": {
                    "languages": [{"code": code, "role": role} for code, role in languages]
                }
            },
            {"chancery/languages": dict(languages_options or {})},
            "search",
            "chancery/i18n",
        ],
    }
    config.update(overrides)
    return config


def chancery_plugins(
    languages: tuple[tuple[str, str], ...],
    *middle: str | dict[str, Any],
    root_language: str | None = None,
    languages_options: Mapping[str, Any] | None = None,
) -> list[str | dict[str, Any]]:
    """A `plugins:` list: chancery/content, chancery/languages, ``middle``, chancery/i18n.

    ``languages`` are (code, role) in policy order; the parity gate only warns.
    """
    content: dict[str, Any] = {"languages": [{"code": c, "role": r} for c, r in languages]}
    if root_language:
        content["root_language"] = root_language
    options = {"translation_gate": "warn", **dict(languages_options or {})}
    return [
        {"chancery/content": content},
        {"chancery/languages": options},
        *middle,
        "chancery/i18n",
    ]


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by path relative to it: to compare two builds byte for byte."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def write_tree(root: Path, files: Files) -> None:
    """Write ``files`` (relative path to text or bytes) under ``root``."""
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def build_in(project: Path, *, strict: bool = True) -> Path:
    """Build the site whose mkdocs.yml is in ``project``, in this process; return site_dir."""
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=strict)
    build(config)
    return Path(config.site_dir)


@pytest.fixture
def build_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BuildSite:
    """Build a tiny site from content files; return its output folder.

    ``files`` maps paths under content/ (such as 'en/index.md') to their text or bytes.
    """

    def build_site(
        files: Files,
        *,
        languages: tuple[tuple[str, str], ...] = (("en", "foreign"), ("ko", "domestic")),
        config: Mapping[str, Any] | None = None,
        languages_options: Mapping[str, Any] | None = None,
        now: str = TEST_NOW,
        strict: bool = True,
    ) -> Path:
        monkeypatch.setenv("CHANCERY_NOW", now)
        project = tmp_path / "project"
        write_tree(project / "content", files)
        settings = site_config(languages, languages_options, **dict(config or {}))
        (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True))
        return build_in(project, strict=strict)

    return build_site


def page(title: str, body: str = "Text.", **fields: Any) -> str:
    """The text of a content file with front matter made from ``fields``."""
    front = {"title": title, "description": f"About {title}.", **fields}
    lines = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{lines}---\n\n{body}\n"


def tags_file(tags: Iterable[str], languages: Iterable[str] = ("en", "ko")) -> str:
    """A content/_tags.yml naming each tag in each language ("climate (fr)")."""
    names = {tag: {code: f"{tag} ({code})" for code in languages} for tag in tags}
    return yaml.safe_dump(names, allow_unicode=True)


def of(language: str, body: str = "Text.") -> dict[str, str]:
    """The ``translation_of`` of a current translation of a page whose body is ``body``."""
    return {"language": language, "hash": body_hash(body)}


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo portal, built once per test session with --strict on the test clock."""
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    saved = os.environ.get("CHANCERY_NOW")
    os.environ["CHANCERY_NOW"] = TEST_NOW
    try:
        config = load_config(
            config_file=str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site_dir)
        )
        build(config)
    finally:
        if saved is None:
            os.environ.pop("CHANCERY_NOW", None)
        else:
            os.environ["CHANCERY_NOW"] = saved
    yield site_dir


#: Files the run leaves for people to look at (screenshots), ignored by git.
ARTIFACTS = REPO / "test-artifacts"
_SESSION_START: list[float] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    _SESSION_START.append(time.time())


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say where this run's screenshots are, when it took any."""
    folder = ARTIFACTS / "screenshots"
    started = _SESSION_START[0] if _SESSION_START else 0.0
    taken = (
        [p for p in folder.rglob("*.png") if p.stat().st_mtime >= started]
        if folder.is_dir()
        else []
    )
    if taken:
        terminalreporter.write_line(f"{len(taken)} screenshots saved under {folder}")
