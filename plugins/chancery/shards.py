"""Languages built on separate machines, merged into one site.

A ministry whose full build outgrows one CI runner can split it by language. Each runner builds
some languages (``chancery build --languages fr,es --shard-out DIR``); a last job merges the
runners' folders and runs the site-wide steps once (``chancery merge DIR...``): sitemap, search
index, security headers and the signed manifest. The merged site is byte-identical to a
one-machine build (tested).

static-i18n builds every other language from inside the root language's build, so each runner
also builds the root language; a runner keeps only its own languages' folders. The root build
doubles as a check: every runner's copy of it must be identical, or the runners did not build
the same commit on the same clock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from chancery import __version__
from chancery.atomic_build import run_build, site_path, staged
from chancery.core.clock import CLOCK_VARIABLE
from chancery.core.config import policy_from_options
from chancery.mkdocs_plugins.language_builds import add_gathered
from chancery.mkdocs_plugins.languages import LanguagesPlugin, Shard
from chancery.mkdocs_plugins.site import SiteWideStep, content_plugin, i18n_plugin

#: In a runner's output folder: the built site, and what its languages gathered.
SHARD_SITE = "site"
SHARD_STATE = "chancery-shard.json"
#: Written at the root by every language build; the site-wide steps write the real one.
REWRITTEN_AT_ROOT = frozenset({"404.html"})


class ShardError(Exception):
    """A shard that cannot be built or merged; the message says what to do."""


@dataclass(frozen=True)
class ShardResult:
    """One runner's output, read back for the merge."""

    folder: Path
    languages: tuple[str, ...]
    gathered: dict[str, Any]
    now: str
    fingerprint: str
    version: str


def build_shard(
    config_file: Path, languages: Sequence[str], out: Path, *, strict: bool = True
) -> Path:
    """Build ``languages`` of the site into ``out``/site, with their findings beside it."""
    if out.exists() and any(out.iterdir()):
        raise ShardError(f"{out}: not empty; give a new folder for the shard")
    config = load_config(config_file=str(config_file), strict=strict)
    plugin = _languages_plugin(config)
    known = _build_languages(config)
    unknown = [code for code in languages if code not in known]
    if unknown or not languages:
        raise ShardError(
            f"--languages: {', '.join(unknown) or 'none given'}: not a language of this site; "
            f"choose among {', '.join(known)}"
        )
    out.mkdir(parents=True, exist_ok=True)
    state_file = out / SHARD_STATE
    config.site_dir = str(out / SHARD_SITE)
    plugin.shard = Shard(tuple(code for code in known if code in languages), state_file)
    try:
        run_build(config)
    finally:
        plugin.shard = None
    gathered = json.loads(state_file.read_text(encoding="utf-8"))
    _, _, now = content_plugin(config, "chancery build --languages").state()
    document = {
        "languages": [code for code in known if code in languages],
        "gathered": gathered,
        "now": now.isoformat(),
        "fingerprint": source_fingerprint(config_file, Path(config.docs_dir)),
        "version": __version__,
    }
    state_file.write_text(json.dumps(document, sort_keys=True), encoding="utf-8")
    return out


def merge_shards(
    config_file: Path, folders: Sequence[Path], site_dir: Path | None = None, *, strict: bool = True
) -> Path:
    """Merge runners' shards into one site, run the site-wide steps, and swap it in."""
    shards = [read_shard(folder) for folder in folders]
    _check_same_build(shards)
    with _clock(shards[0].now):
        config = load_config(config_file=str(config_file), strict=strict)
        if source_fingerprint(config_file, Path(config.docs_dir)) != shards[0].fingerprint:
            raise ShardError(
                f"{shards[0].folder}: built from other content or another mkdocs.yml than this "
                "checkout's; merge in the commit the shards were built from"
            )
        final = site_path(config, site_dir)
        with staged(final) as staging, _strict_warnings(strict):
            config.site_dir = str(staging)
            config = config.plugins.on_config(config)
            order = _build_languages(config)
            root = order[0]
            owner = _owners(shards, order)
            prefixes = _prefixes(config, order)
            root_shard = owner[root]
            for shard in shards:
                _copy_own_folders(shard, staging, prefixes, root)
                if shard is not root_shard:
                    _check_root_copy(shard, root_shard, prefixes)
            for code in order:
                add_gathered(config, owner[code].gathered[code])
            for step in config.plugins.events["post_build"]:
                if isinstance(getattr(step, "__self__", None), SiteWideStep):
                    step(config=config)
    return final


def read_shard(folder: Path) -> ShardResult:
    """A runner's output folder, as ``chancery build --languages`` left it."""
    state = folder / SHARD_STATE
    if not state.is_file() or not (folder / SHARD_SITE).is_dir():
        raise ShardError(
            f"{folder}: not a shard (no {SHARD_STATE} and {SHARD_SITE}/); build it with "
            "`chancery build --languages CODES --shard-out FOLDER`"
        )
    try:
        document = json.loads(state.read_text(encoding="utf-8"))
        return ShardResult(
            folder=folder,
            languages=tuple(document["languages"]),
            gathered=dict(document["gathered"]),
            now=str(document["now"]),
            fingerprint=str(document["fingerprint"]),
            version=str(document["version"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ShardError(f"{state}: unreadable ({error}); build the shard again") from None


def source_fingerprint(config_file: Path, docs_dir: Path) -> str:
    """A hash of mkdocs.yml and every file of the content folder: what a shard was built from."""
    digest = hashlib.sha256(config_file.read_bytes())
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(docs_dir).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _check_same_build(shards: list[ShardResult]) -> None:
    if not shards:
        raise ShardError("give the folders of the shards to merge")
    first = shards[0]
    for shard in shards[1:]:
        for field, meaning in (
            ("version", "Chancery version"),
            ("fingerprint", "content and mkdocs.yml"),
            ("now", "build clock (set the same CHANCERY_NOW on every runner)"),
        ):
            if getattr(shard, field) != getattr(first, field):
                raise ShardError(
                    f"{shard.folder}: built with another {meaning} than {first.folder} "
                    f"({getattr(shard, field)} against {getattr(first, field)}); build every "
                    "shard from the same commit with the same CHANCERY_NOW"
                )


def _owners(shards: list[ShardResult], order: list[str]) -> dict[str, ShardResult]:
    owner: dict[str, ShardResult] = {}
    for shard in shards:
        for code in shard.languages:
            if code in owner:
                raise ShardError(
                    f"'{code}' is built by two shards ({owner[code].folder} and {shard.folder}); "
                    "give each language to one runner"
                )
            owner[code] = shard
    missing = [code for code in order if code not in owner]
    if missing:
        raise ShardError(
            f"no shard built {', '.join(missing)}; every language needs a runner "
            "(`chancery build --languages ...`)"
        )
    return owner


def _prefixes(config: MkDocsConfig, order: list[str]) -> dict[str, str]:
    # The folder of each language below the root one: its URL prefix without the slash.
    policy, _, _ = content_plugin(config, "chancery merge").state()
    return {code: policy.url_prefix(code).strip("/") for code in order[1:]}


def _copy_own_folders(
    shard: ShardResult, staging: Path, prefixes: dict[str, str], root: str
) -> None:
    # The root language's shard publishes everything outside the other languages' folders;
    # any other shard publishes its languages' folders only.
    site = shard.folder / SHARD_SITE
    own = {prefixes[code] for code in shard.languages if code != root}
    others = set(prefixes.values()) - own
    for entry in sorted(site.iterdir()):
        if entry.name in own or (root in shard.languages and entry.name not in others):
            target = staging / entry.name
            if entry.is_dir():
                shutil.copytree(entry, target)
            else:
                shutil.copy2(entry, target)


def _check_root_copy(shard: ShardResult, root_shard: ShardResult, prefixes: dict[str, str]) -> None:
    # Every runner built the root language; a difference means another commit or clock.
    languages = set(prefixes.values())
    mine, reference = _root_files(shard, languages), _root_files(root_shard, languages)
    for relative in sorted(mine.keys() | reference.keys()):
        if relative in REWRITTEN_AT_ROOT:
            continue
        if mine.get(relative) != reference.get(relative):
            raise ShardError(
                f"{shard.folder}: its build of the root language differs from "
                f"{root_shard.folder}'s at {relative}; build every shard from the same commit "
                "with the same CHANCERY_NOW"
            )


def _root_files(shard: ShardResult, language_folders: set[str]) -> dict[str, str]:
    site = shard.folder / SHARD_SITE
    hashes: dict[str, str] = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if path.is_file() and relative.parts[0] not in language_folders:
            hashes[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _languages_plugin(config: MkDocsConfig) -> LanguagesPlugin:
    plugin = config.plugins.get("chancery/languages")
    if not isinstance(plugin, LanguagesPlugin) or i18n_plugin(config) is None:
        raise ShardError(
            "mkdocs.yml: building by language needs the chancery/languages and chancery/i18n "
            "plugins"
        )
    return plugin


def _build_languages(config: MkDocsConfig) -> list[str]:
    # static-i18n's build order: the root language first, then the others in policy order.
    options = content_plugin(config, "chancery merge").config
    policy = policy_from_options(
        [dict(entry) for entry in options.languages], options.root_language
    )
    return [policy.root_code, *(code for code in policy.codes if code != policy.root_code)]


@contextmanager
def _clock(now: str) -> Iterator[None]:
    # The merge decides what is published on the shards' clock, not its own.
    saved = os.environ.get(CLOCK_VARIABLE)
    os.environ[CLOCK_VARIABLE] = now
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(CLOCK_VARIABLE, None)
        else:
            os.environ[CLOCK_VARIABLE] = saved


@contextmanager
def _strict_warnings(strict: bool) -> Iterator[None]:
    # As `mkdocs build --strict`: a warning from a site-wide step fails the merge.
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    if strict:
        logger.addHandler(counter)
    try:
        yield
        if counts := counter.get_counts():
            message = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
    finally:
        logger.removeHandler(counter)
