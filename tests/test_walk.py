"""Listing a built site's files: the same list rglob and is_file give, links included."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chancery.core.walk import files_under


def _by_rglob(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_links_count_as_rglob_counts_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a-b" / "deep" / "er").mkdir(parents=True)
    (site / "a").mkdir()
    (site / "a" / "x.html").write_text("x")
    (site / "a-b" / "x.html").write_text("x")
    (site / "a-b" / "deep" / "er" / ".hidden").write_text("x")
    (site / "index.html").write_text("x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    os.symlink(outside / "secret.txt", site / "file-link.txt")
    os.symlink(outside, site / "folder-link")
    os.symlink(tmp_path / "missing", site / "broken-link")
    expected = ["a-b/deep/er/.hidden", "a-b/x.html", "a/x.html", "file-link.txt", "index.html"]
    assert files_under(site) == expected == _by_rglob(site)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["a", "B", "a-b", "é", ".d", "z z"]), min_size=1, max_size=4),
        max_size=20,
    )
)
def test_any_tree_is_listed_as_rglob_lists_it(paths: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for parts in paths:
            target = root.joinpath(*parts)
            if any(parent.is_file() for parent in target.parents) or target.is_dir():
                continue  # A name already used for a file or a folder.
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("x")
        assert files_under(root) == _by_rglob(root)
