"""Atomic builds: build into a fresh folder beside the site, and swap it in only on success.

`mkdocs build` writes into site/ as it goes: a build stopped by --strict still leaves a fully
written site, and a crash leaves half of one. Here the previous site stays untouched until a
complete build has succeeded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

STAGING_MARK = "-building-"


def atomic_build(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the site of ``config_file`` and put it in place of the previous one.

    Any exception (a content error, a strict-mode warning, a crash) removes the unfinished
    build and propagates; the previous site is left as it was.
    """
    config = load_config(config_file=str(config_file), strict=strict)
    final = (site_dir or Path(config.site_dir)).resolve()
    with staged(final) as staging:
        config.site_dir = str(staging)
        run_build(config)
    return final


def run_build(config: MkDocsConfig) -> None:
    """`mkdocs build` of ``config``, leaving MkDocs as it found it."""
    # static-i18n swaps MkDocs' clean_directory for a no-op during its per-language builds and
    # does not put it back if a build fails; restore it whatever happens.
    clean_directory = utils.clean_directory
    try:
        build(config)
    finally:
        utils.clean_directory = clean_directory


@contextmanager
def staged(final: Path) -> Iterator[Path]:
    """A fresh folder beside ``final``, swapped in for it if the block succeeds, else removed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(final)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}{STAGING_MARK}", dir=final.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, final)


def _swap(staging: Path, final: Path) -> None:
    previous = final.with_name(f".{final.name}-previous-{os.getpid()}")
    had_previous = final.exists()
    if had_previous:
        os.replace(final, previous)
    try:
        os.replace(staging, final)
    except OSError:
        if had_previous:
            os.replace(previous, final)
        raise
    if had_previous:
        shutil.rmtree(previous)


def _remove_abandoned_builds(final: Path) -> None:
    # A build killed outright (power loss, SIGKILL) cannot clean up after itself.
    for leftover in final.parent.glob(f".{final.name}{STAGING_MARK}*"):
        shutil.rmtree(leftover, ignore_errors=True)
