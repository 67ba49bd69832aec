"""G7: the same inputs and clock give byte-identical output, whatever the path or locale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, TEST_NOW


def _build_copy(root: Path, environment: dict[str, str]) -> dict[str, bytes]:
    for part in ("content", "overrides"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "CHANCERY_NOW": TEST_NOW, "NO_MKDOCS_2_WARNING": "1", **environment}
    subprocess.run(
        [sys.executable, "-m", "chancery.cli", "build", "-q"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    site = root / "site"
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = _build_copy(
        tmp_path / "a" / "checkout",
        {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "1"},
    )
    second = _build_copy(
        tmp_path / "elsewhere" / "deeper" / "portal",
        {"TZ": "Asia/Seoul", "LANG": "ko_KR.UTF-8", "LC_ALL": "", "PYTHONHASHSEED": "4242"},
    )
    assert len(first) > 100
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
