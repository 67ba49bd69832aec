"""Atomic builds: build into a fresh folder beside the site, and publish it only on success.

`mkdocs build` writes into site/ as it goes: a build stopped by --strict still leaves a fully
written site, and a crash leaves half of one. Here the previous site stays untouched until a
complete build has succeeded, and then the new one takes its place in one step
(chancery.core.swap: ``site`` is a link to the current build, replaced by one rename).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from chancery.core.swap import staged

__all__ = ["atomic_build", "run_build", "site_path", "staged"]


def atomic_build(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the site of ``config_file`` and put it in place of the previous one.

    Any exception (a content error, a strict-mode warning, a crash) removes the unfinished
    build and propagates; the previous site is left as it was. Another build of the same
    site under way raises chancery.core.swap.SiteLockedError at once.
    """
    config = load_config(config_file=str(config_file), strict=strict)
    final = site_path(config, site_dir)
    with staged(final) as staging:
        config.site_dir = str(staging)
        run_build(config)
    return final


def site_path(config: MkDocsConfig, site_dir: Path | None = None) -> Path:
    """Where the site goes: ``site_dir``, else the configuration's; absolute, link not followed."""
    # Not Path.resolve(): the site path is a link to the current build, and resolving it
    # would build into that build's folder.
    return Path(os.path.abspath(site_dir or config.site_dir))


def run_build(config: MkDocsConfig) -> None:
    """`mkdocs build` of ``config``, leaving MkDocs as it found it."""
    # static-i18n swaps MkDocs' clean_directory for a no-op during its per-language builds and
    # does not put it back if a build fails; restore it whatever happens.
    clean_directory = utils.clean_directory
    try:
        build(config)
    finally:
        utils.clean_directory = clean_directory
