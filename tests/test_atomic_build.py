"""G6: `chancery build` publishes the new site in one step, only when the whole build succeeded.

The fault-injection tests run builds in a child process that kills itself with SIGKILL before a
chosen file-system change (tests/kill_at.py), at every change of the publishing step and in the
middle of rendering, then look at the site path as a reader (or a web server) would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
import pytest
import yaml

from chancery.cli import main
from chancery.core import swap
from chancery.core.swap import LOCK_NAME, SiteLockedError, layout_of, staged
from tests.conftest import TEST_NOW, of, page, site_config, write_tree

KILL_AT = Path(__file__).with_name("kill_at.py")
#: A project built once: its mkdocs.yml, and its site's files.
Published = tuple[Path, dict[str, bytes]]

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


def _snapshot(site: Path) -> dict[str, bytes] | None:
    """Every file the site path leads to, as a web server would read them; None: no site."""
    if not site.exists():
        return None
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _leftovers(site: Path) -> list[str]:
    """What is beside the site or among its builds, other than the site's current build."""
    layout = layout_of(site)
    beside = [p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}-")]
    builds = [p.name for p in layout.builds.iterdir()] if layout.builds.is_dir() else []
    current = os.readlink(site) if site.is_symlink() else None
    expected = {LOCK_NAME} | ({Path(current).name} if current else set())
    return sorted(set(beside) - {layout.builds.name}) + sorted(set(builds) - expected)


def _kill_at(when: str, root: Path, *command: str) -> tuple[int, dict[str, int]]:
    """Run tests/kill_at.py in ``root``; its exit status and its counts (none if it was killed)."""
    report = root / f"report-{when}.json"
    report.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, str(KILL_AT), when, str(report), *command],
        cwd=root,
        env={**os.environ, "CHANCERY_NOW": TEST_NOW},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    counts = json.loads(report.read_text()) if report.exists() else {}
    assert done.returncode in (0, -signal.SIGKILL), done.stderr
    return done.returncode, counts


@pytest.fixture
def published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Published:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    config = _project(tmp_path, GOOD)
    assert main(["build", "-q", "-f", str(config)]) == 0
    site = _snapshot(tmp_path / "site")
    assert site
    return config, site


def test_success_replaces_the_site_and_leaves_nothing_behind(
    published: Published, tmp_path: Path
) -> None:
    config, before = published
    site = tmp_path / "site"
    first = os.readlink(site)
    assert "about/index.html" in before
    (tmp_path / "content/en/about.md").unlink()
    assert main(["build", "-q", "-f", str(config)]) == 0
    after = _snapshot(site)
    assert after and "about/index.html" not in after and "index.html" in after
    # The site path is a link, now to another build; the first build is gone.
    assert site.is_symlink() and os.readlink(site) != first
    assert not (tmp_path / first).exists()
    assert _leftovers(site) == []


def test_the_site_is_readable_by_a_web_server(published: Published, tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    build = (tmp_path / "site").resolve()
    assert build.stat().st_mode & 0o777 == 0o777 & ~umask


@pytest.mark.parametrize(
    ("name", "bad_files"),
    [
        ("content error", {"en/news.md": "---\ntitle: t\ndescription: d\ndraft: maybe\n---\n"}),
        ("strict warning", {"en/about.md": page("About", "See [this](missing.md).")}),
    ],
)
def test_failed_build_leaves_the_previous_site_untouched(
    published: Published,
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
    assert _leftovers(tmp_path / "site") == []


def test_crash_midway_leaves_the_previous_site_untouched(
    published: Published,
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
    assert _leftovers(tmp_path / "site") == []


# Fault injection ---------------------------------------------------------------------------


def _site_of(mark: str) -> dict[str, bytes]:
    # What tests/kill_at.py's fake build writes.
    folders = ("", "fr/", "fr/news/", "assets/")
    return {f"{folder}index.html": f"{folder} {mark}".encode() for folder in folders}


def _plain_folder(site: Path, mark: str) -> None:
    # A site/ folder as `mkdocs build` (or an earlier version of Chancery) leaves it.
    write_tree(site, {path: data.decode() for path, data in _site_of(mark).items()})


def _symlinked(site: Path, mark: str) -> None:
    _kill_at("0", site.parent, "swap", str(site), mark)


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(_symlinked, id="site published by an earlier build"),
        pytest.param(
            _plain_folder,
            id="site a plain folder (first atomic build)",
            marks=pytest.mark.skipif(
                not sys.platform.startswith("linux"),
                reason="one step only with Linux's renameat2; elsewhere a documented gap",
            ),
        ),
        pytest.param(None, id="no site yet"),
    ],
)
def test_a_build_killed_at_any_change_leaves_the_old_site_or_the_new(
    tmp_path: Path, before: Callable[[Path, str], None] | None
) -> None:
    template = tmp_path / "template"
    template.mkdir()
    if before is not None:
        before(template / "site", "old")
    old = _site_of("old") if before is not None else None
    new = _site_of("new")
    dry = tmp_path / "dry"
    shutil.copytree(template, dry, symlinks=True)
    status, counts = _kill_at("0", dry, "swap", "site", "new")
    assert status == 0 and _snapshot(dry / "site") == new
    changes, flip = counts["changes"], counts["publish"] + 2  # the link, then the rename
    outcomes = []
    for kill in range(1, changes + 1):
        root = tmp_path / f"kill-{kill}"
        shutil.copytree(template, root, symlinks=True)
        status, _ = _kill_at(str(kill), root, "swap", "site", "new")
        assert status == -signal.SIGKILL, f"not killed before change {kill}"
        seen = _snapshot(root / "site")
        assert seen in (old, new), f"killed before change {kill}: {sorted(seen or {})}"
        outcomes.append("new" if seen == new else "old")
        # The next build clears what the killed one left, and publishes.
        with staged(root / "site") as staging:
            write_tree(staging, {"index.html": "next"})
        assert _snapshot(root / "site") == {"index.html": b"next"}
        assert _leftovers(root / "site") == [], f"killed before change {kill}"
    # Killed before the rename that publishes it, the new build is not seen; after, it is,
    # whole, even while the previous build is being removed.
    assert outcomes == ["old"] * flip + ["new"] * (changes - flip), outcomes


def test_without_an_atomic_exchange_a_plain_folder_still_becomes_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where renameat2 is missing (not Linux, an old C library, a file system without it).
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    site = tmp_path / "site"
    _plain_folder(site, "old")
    with staged(site) as staging:
        write_tree(staging, {"index.html": "new"})
    assert site.is_symlink() and _snapshot(site) == {"index.html": b"new"}
    assert _leftovers(site) == []


def test_chancery_build_killed_while_rendering_or_publishing(
    published: Published, tmp_path: Path
) -> None:
    config, before = published
    site = tmp_path / "site"
    write_tree(tmp_path / "content", {"en/about.md": page("About", "Changed text.")})
    seen: dict[str, dict[str, bytes] | None] = {}
    for when in ("page+2", "publish+2", "publish+3"):
        status, _ = _kill_at(when, tmp_path, "build", "-q", "-f", str(config))
        assert status == -signal.SIGKILL, when
        seen[when] = _snapshot(site)
        if when == "page+2":
            # Killed in the middle of rendering: pages of the new build were already written.
            unfinished = [p for p in layout_of(site).builds.iterdir() if p.is_dir()]
            assert any(
                list(folder.rglob("*.html")) for folder in unfinished if folder != site.resolve()
            )
    assert main(["build", "-q", "-f", str(config)]) == 0
    after = _snapshot(site)
    assert after is not None and after != before
    assert _leftovers(site) == []
    # Before the rename the old site is served; from the rename on, the complete new one.
    assert seen == {
        "page+2": before,
        "publish+2": before,
        "publish+3": after,
    }


# The lock ---------------------------------------------------------------------------------


def test_a_second_build_stops_at_once_and_a_killed_builds_lock_is_released(
    published: Published,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config, before = published
    site = tmp_path / "site"
    holder = subprocess.Popen(
        [sys.executable, str(KILL_AT), "0", str(tmp_path / "r.json"), "hold", str(site)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        write_tree(tmp_path / "content", {"en/about.md": page("About", "Changed text.")})
        assert main(["build", "-q", "-f", str(config)]) == 2
        error = capsys.readouterr().err
        lock = layout_of(site).lock
        assert f"{lock}: another build (process {holder.pid}) is writing {site}" in error
        assert _snapshot(site) == before
        holder.send_signal(signal.SIGKILL)
        assert holder.wait(timeout=10) == -signal.SIGKILL
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdin is not None:
            holder.stdin.close()
        if holder.stdout is not None:
            holder.stdout.close()
    # The kernel released the killed holder's lock: the next build runs.
    assert main(["build", "-q", "-f", str(config)]) == 0
    assert _snapshot(site) != before


def test_a_lock_held_in_another_open_of_the_file_blocks_too(tmp_path: Path) -> None:
    # flock locks belong to an open file, not to a process: even a second build started from
    # the same process (a test runner, a server) is refused.
    site = tmp_path / "site"
    with staged(site) as staging:
        write_tree(staging, {"index.html": "first"})
        with pytest.raises(SiteLockedError, match="another build"), staged(site):
            pass
    assert _snapshot(site) == {"index.html": b"first"}


# Paths the build will not take over, and what earlier versions left -----------------------


def test_a_site_path_the_build_did_not_make_is_refused(
    published: Published,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config, _ = published
    elsewhere = tmp_path / "www"
    elsewhere.mkdir()
    other = tmp_path / "other-site"
    other.symlink_to(elsewhere)
    assert main(["build", "-q", "-f", str(config), "--site-dir", str(other)]) == 2
    assert f"{other}: a link to {elsewhere}, which chancery build did not make" in (
        capsys.readouterr().err
    )
    file = tmp_path / "file-site"
    file.write_text("x")
    assert main(["build", "-q", "-f", str(config), "--site-dir", str(file)]) == 2
    assert f"{file}: a file, not a folder" in capsys.readouterr().err
    assert other.resolve() == elsewhere and file.read_text() == "x"


def test_what_earlier_versions_left_is_recovered_or_cleared(
    published: Published, tmp_path: Path
) -> None:
    # Killed between its two renames, an earlier version left no site and the previous one
    # aside: a failed build must still leave that site, and a good one clears it all.
    config, before = published
    site = tmp_path / "site"
    shutil.copytree(site, tmp_path / ".site-previous-4242")
    shutil.rmtree(layout_of(site).builds)
    site.unlink()
    (tmp_path / ".site-building-dead").mkdir()
    bad = "---\ntitle: t\ndescription: d\ndraft: maybe\n---\n"
    write_tree(tmp_path / "content", {"en/news.md": bad})
    assert main(["build", "-q", "-f", str(config)]) == 1
    assert _snapshot(site) == before
    assert _leftovers(site) == []
    (tmp_path / "content/en/news.md").unlink()
    assert main(["build", "-q", "-f", str(config)]) == 0
    assert site.is_symlink() and _snapshot(site) == before


def test_the_pages_artifact_holds_the_real_files(published: Published, tmp_path: Path) -> None:
    # actions/upload-pages-artifact archives its `path` with this command: it enters the
    # folder through the link, so the artifact holds the files, not a link.
    _, before = published
    archive = tmp_path / "artifact.tar"
    subprocess.run(
        [
            "tar",
            "--dereference",
            "--hard-dereference",
            "--directory",
            "site",
            "-cf",
            str(archive),
            "--exclude=.git",
            "--exclude=.github",
            ".",
        ],
        cwd=tmp_path,
        check=True,
    )
    with tarfile.open(archive) as tar:
        members = {m.name.removeprefix("./"): m for m in tar.getmembers() if m.isfile()}
        assert not [m.name for m in tar.getmembers() if m.issym() or m.islnk()]
        files = {name: tar.extractfile(m).read() for name, m in members.items()}  # type: ignore[union-attr]
    assert files == before
    assert "ko/index.html" in files
