"""Atomic output: a site folder replaced in one step, written by one build at a time.

Each build goes into a folder of its own under ``.<site>-builds/`` beside the site, and the
site path itself (``site``) is a symbolic link to the current build. Publishing a build is one
``rename(2)`` of a new link over the old one, which POSIX makes atomic: at every instant, the
site path leads to the whole previous build or to the whole new one, never to neither and
never to half of one. A build killed at any point (a crash, SIGKILL, a cancelled CI job)
leaves the site as it was; the next build removes what the killed one left in
``.<site>-builds/``.

Why a link rather than swapping two folders: ``rename(2)`` cannot put a folder in place of a
non-empty folder, so a folder swap is two renames with a moment between them where the site
does not exist (Linux alone can exchange two paths in one call, ``renameat2`` with
``RENAME_EXCHANGE``). Replacing a link is one rename on every POSIX system. The exchange is
still used once, on Linux, to turn a plain ``site/`` folder (a first build, or one written by
``mkdocs build``) into the link without a gap; elsewhere that one-time change is two renames.

A lock file, ``.<site>-builds/.lock``, held with ``flock`` for the whole build, stops a second
build at once with the first one's process id. The kernel releases it when the process ends,
however it ends, so a crashed build never blocks the next one.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Names inside the builds folder: the lock, and links that are about to become the site.
LOCK_NAME = ".lock"
LINK_PREFIX = ".link-"
BUILD_PREFIX = "build-"
#: Folders beside the site left by earlier versions, which swapped two folders.
LEGACY_STAGING = "-building-"
LEGACY_PREVIOUS = "-previous-"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SwapError(Exception):
    """The site path cannot be built into; the message names it and says what to do."""


class SiteLockedError(SwapError):
    """Another build holds the site's lock."""


@dataclass(frozen=True)
class SiteLayout:
    """Where a site and its builds live: ``site`` (the link) and ``.site-builds/``."""

    site: Path

    @property
    def builds(self) -> Path:
        """The folder of builds beside the site, hidden."""
        return self.site.with_name(f".{self.site.name}-builds")

    @property
    def lock(self) -> Path:
        """The lock file that one build at a time holds."""
        return self.builds / LOCK_NAME

    def current(self) -> str | None:
        """The name of the build the site links to, if the site is one of our links."""
        if not self.site.is_symlink():
            return None
        target = Path(os.readlink(self.site))
        return target.name if target.parent == Path(self.builds.name) else None


def layout_of(site: Path) -> SiteLayout:
    """The layout of ``site``, an absolute path whose last part is not resolved (it is a link)."""
    return SiteLayout(Path(os.path.abspath(site)))


@contextmanager
def staged(site: Path) -> Iterator[Path]:
    """A fresh folder to build into, published as ``site`` if the block succeeds.

    The site's lock is held throughout. If the block raises, the folder is removed and the
    site is left as it was.
    """
    layout = layout_of(site)
    _check_site(layout)
    layout.builds.mkdir(parents=True, exist_ok=True)
    with site_lock(layout):
        _recover_legacy(layout.site)
        remove_leftovers(layout)
        # Not tempfile.mkdtemp, whose folders only their owner may read: a web server may
        # serve the site from here.
        staging = layout.builds / f"{BUILD_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        publish(staging, layout)
        remove_leftovers(layout)


@contextmanager
def site_lock(layout: SiteLayout) -> Iterator[None]:
    """Hold the site's lock, or fail at once naming the build that holds it."""
    descriptor = os.open(layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            who = f"another build (process {holder})" if holder.isdigit() else "another build"
            raise SiteLockedError(
                f"{layout.lock}: {who} is writing {layout.site}; wait for it to end, or stop "
                "it. The lock is released when that build ends, even if it crashed"
            ) from error
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        # Closing the file releases the lock; the file stays, for the next build to lock.
        os.close(descriptor)


def publish(build: Path, layout: SiteLayout) -> None:
    """Make ``layout.site`` lead to ``build`` (a folder in ``layout.builds``) in one step."""
    link = layout.builds / f"{LINK_PREFIX}{os.getpid()}"
    if link.is_symlink() or link.exists():
        _remove(link)
    # Relative, so that the project folder can be moved or mounted elsewhere.
    os.symlink(Path(layout.builds.name) / build.name, link)
    if layout.site.is_dir() and not layout.site.is_symlink():
        _replace_folder(link, layout.site)
    else:
        os.replace(link, layout.site)


def remove_leftovers(layout: SiteLayout) -> None:
    """Remove every build but the current one, and links a killed build left behind."""
    keep = {LOCK_NAME, layout.current()}
    for entry in sorted(layout.builds.iterdir()):
        if entry.name not in keep:
            _remove(entry)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    False where the system or the file system cannot: the caller then falls back.
    """
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    status = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _replace_folder(link: Path, site: Path) -> None:
    # The site is still a plain folder: turn it into the link.
    if exchange(link, site):
        _remove(link)  # now the old folder
        return
    # No atomic exchange here: two renames, with a moment between them where the site path
    # does not exist. This happens once per site; every later build replaces a link.
    previous = link.with_name(f"{BUILD_PREFIX}previous-{os.getpid()}")
    os.rename(site, previous)
    os.replace(link, site)
    _remove(previous)


def _check_site(layout: SiteLayout) -> None:
    site = layout.site
    if site.is_symlink() and layout.current() is None:
        raise SwapError(
            f"{site}: a link to {os.readlink(site)}, which chancery build did not make; "
            "build into that folder with --site-dir, or remove the link"
        )
    if site.exists() and not site.is_dir():
        raise SwapError(f"{site}: a file, not a folder; remove it or choose another --site-dir")


def _recover_legacy(site: Path) -> None:
    # Earlier versions moved the site aside, then the new build in. A build killed between the
    # two left no site, and the previous one aside: put it back before anything else.
    for previous in sorted(site.parent.glob(f".{site.name}{LEGACY_PREVIOUS}*")):
        if site.is_symlink() or site.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:
            os.rename(previous, site)
    for staging in site.parent.glob(f".{site.name}{LEGACY_STAGING}*"):
        shutil.rmtree(staging, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
