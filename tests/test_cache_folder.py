"""Cache entries and the site: atomic writes with a new file's mode, kept files linked or copied."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from chancery.core import cache_folder


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    cache_folder.new_file_mode.cache_clear()
    yield
    os.umask(old)
    cache_folder.new_file_mode.cache_clear()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_an_entry_gets_the_mode_of_any_new_file(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    cache_folder.new_file_mode.cache_clear()
    try:
        cache_folder.write_atomically(tmp_path / "entries" / "a.png", b"card")
        (tmp_path / "plain").write_bytes(b"card")
        assert _mode(tmp_path / "entries" / "a.png") == _mode(tmp_path / "plain")
        assert cache_folder.new_file_mode() == 0o666 & ~umask
    finally:
        os.umask(old)
        cache_folder.new_file_mode.cache_clear()
    assert [p.name for p in (tmp_path / "entries").iterdir()] == ["a.png"]  # No temporary left.


def test_a_kept_file_is_linked_into_the_site(tmp_path: Path, umask_022: None) -> None:
    entry = tmp_path / "cache" / "a.png"
    cache_folder.write_atomically(entry, b"card")
    target = tmp_path / "site" / "cards" / "a.png"
    assert cache_folder.place(entry, target)
    assert target.read_bytes() == b"card"
    assert target.stat().st_ino == entry.stat().st_ino


def test_an_entry_of_another_mode_is_copied_with_a_new_files_mode(
    tmp_path: Path, umask_022: None
) -> None:
    # An entry written by an older build (a temporary file's owner-only mode) must not make a
    # published file unreadable to the web server.
    entry = tmp_path / "a.png"
    entry.write_bytes(b"card")
    entry.chmod(0o600)
    target = tmp_path / "site" / "a.png"
    assert cache_folder.place(entry, target)
    assert target.stat().st_ino != entry.stat().st_ino
    assert (target.read_bytes(), _mode(target)) == (b"card", 0o644)


@pytest.mark.parametrize("failure", [errno.EXDEV, errno.EPERM, errno.EMLINK])
def test_a_file_system_that_refuses_the_link_gets_a_copy(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch, failure: int
) -> None:
    entry = tmp_path / "a.png"
    cache_folder.write_atomically(entry, b"card")

    def refuse(source: object, target: object) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(os, "link", refuse)
    target = tmp_path / "site" / "a.png"
    assert cache_folder.place(entry, target)
    assert target.read_bytes() == b"card" and target.stat().st_ino != entry.stat().st_ino


def test_a_missing_entry_is_reported_not_raised(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not cache_folder.place(tmp_path / "gone.png", tmp_path / "site" / "gone.png")
    # A kept folder with a file pruned under it meanwhile: named, so the caller makes it afresh.
    pruned = tmp_path / "kept" / "sub" / "a"
    cache_folder.write_atomically(pruned, b"a")
    real_place = cache_folder.place

    def vanish(entry: Path, target: Path) -> bool:
        pruned.unlink(missing_ok=True)
        return real_place(entry, target)

    monkeypatch.setattr(cache_folder, "place", vanish)
    with pytest.raises(FileNotFoundError, match="sub/a"):
        cache_folder.place_tree(tmp_path / "kept", tmp_path / "site")


def test_write_new_leaves_a_linked_entry_as_it_was(tmp_path: Path, umask_022: None) -> None:
    entry = tmp_path / "cache" / "entry.json"
    cache_folder.write_atomically(entry, b'{"languages": {}}')
    published = tmp_path / "site" / "entry.json"
    assert cache_folder.place(entry, published)
    cache_folder.write_new(published, b'{"languages": {"en": 1}}')
    assert entry.read_bytes() == b'{"languages": {}}'
    assert published.read_bytes() == b'{"languages": {"en": 1}}'


def test_placing_over_a_linked_file_leaves_its_entry_as_it_was(
    tmp_path: Path, umask_022: None
) -> None:
    first, second = tmp_path / "cache" / "first", tmp_path / "cache" / "second"
    cache_folder.write_atomically(first, b"first")
    cache_folder.write_atomically(second, b"second")
    target = tmp_path / "site" / "file"
    assert cache_folder.place(first, target)
    assert cache_folder.place(second, target)
    assert (target.read_bytes(), first.read_bytes()) == (b"second", b"first")
