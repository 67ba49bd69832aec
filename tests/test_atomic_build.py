"""G6: `chancery build` swaps the new site in only when the whole build succeeded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
import pytest
import yaml

from chancery.cli import main
from tests.conftest import of, page, site_config, write_tree

GOOD = {
    "en/index.md": page("Home", "Welcome."),
    "ko/index.md": page("홈", "Welcome.", translation_of=of("en", "Welcome.")),
    "en/about.md": page("About", "About us."),
}


def _project(root: Path, files: dict[str, str]) -> Path:
    write_tree(root / "content", files)
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(site_config((("en", "foreign"), ("ko", "domestic")))))
    return config


def _snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir() if path.name.startswith(".site-"))


@pytest.fixture
def published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, bytes]]:
    monkeypatch.setenv("CHANCERY_NOW", "2026-11-22T12:00:00+00:00")
    config = _project(tmp_path, GOOD)
    assert main(["build", "-q", "-f", str(config)]) == 0
    site = tmp_path / "site"
    return config, _snapshot(site)


def test_success_replaces_the_site_and_leaves_nothing_behind(
    published: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    config, before = published
    assert "about/index.html" in before
    (tmp_path / "content/en/about.md").unlink()
    assert main(["build", "-q", "-f", str(config)]) == 0
    after = _snapshot(tmp_path / "site")
    assert "about/index.html" not in after
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "bad_files"),
    [
        ("content error", {"en/news.md": "---\ntitle: t\ndescription: d\ndraft: maybe\n---\n"}),
        ("strict warning", {"en/about.md": page("About", "See [this](missing.md).")}),
    ],
)
def test_failed_build_leaves_the_previous_site_untouched(
    published: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    bad_files: dict[str, str],
) -> None:
    config, before = published
    write_tree(tmp_path / "content", bad_files)
    assert main(["build", "-q", "-f", str(config)]) == 1, name
    assert "the previous site was left as it was" in capsys.readouterr().err
    assert _snapshot(tmp_path / "site") == before
    assert _leftovers(tmp_path) == []


def test_crash_midway_leaves_the_previous_site_untouched(
    published: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config, before = published
    written: list[str] = []
    real: Callable[..., Any] = mkdocs_build._build_page

    def crash_on_second_page(page: Any, *args: Any, **kwargs: Any) -> Any:
        if written:
            raise RuntimeError("disk on fire")
        written.append(page.file.src_uri)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", crash_on_second_page)
    write_tree(tmp_path / "content", {"en/about.md": page("About", "Changed text.")})
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["build", "-q", "-f", str(config)])
    assert written, "the crash must come after a page was written"
    assert _snapshot(tmp_path / "site") == before
    assert _leftovers(tmp_path) == []


def test_abandoned_staging_folders_are_cleared(
    published: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    config, _ = published
    (tmp_path / ".site-building-dead").mkdir()
    assert main(["build", "-q", "-f", str(config)]) == 0
    assert _leftovers(tmp_path) == []
