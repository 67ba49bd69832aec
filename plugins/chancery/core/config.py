"""Reading Chancery's settings from ``mkdocs.yml`` without running MkDocs.

The CLI answers ``check`` and ``status`` from the core alone, so it needs the plugin settings
and the content folder without a build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from chancery.core.audiences import RegionError, Regions, parse_regions
from chancery.core.catalog import Catalog, load_catalog
from chancery.core.errors import ContentErrors
from chancery.core.languages import LanguageDeclaration, LanguagePolicy, PolicyError
from chancery.core.taxonomy import Topics, load_topics
from chancery.core.translations import TranslationPolicy, TranslationPolicyError

PLUGIN_NAME = "chancery/content"
LANGUAGES_PLUGIN_NAME = "chancery/languages"
DASHBOARD_PLUGIN_NAME = "chancery/dashboard"
#: The site's folder of interface strings (chancery/content's `locales_dir`), beside mkdocs.yml.
DEFAULT_LOCALES_DIR = "locales"


class SiteConfigError(ValueError):
    """mkdocs.yml is missing or does not configure Chancery; the message says how to fix it."""


@dataclass(frozen=True)
class SiteSettings:
    """What the core needs from mkdocs.yml: where content lives, and the language policy."""

    config_file: Path
    content_dir: Path
    policy: LanguagePolicy
    translation: TranslationPolicy
    #: The site's own interface strings (chancery/content's `locales_dir`); may not exist.
    locales_dir: Path
    #: The regions pages may name in `audiences` (chancery/content's `regions`).
    regions: Regions = field(default_factory=Regions)
    #: MkDocs' use_directory_urls, which decides each page's address.
    directory_urls: bool = True
    #: Assets published even when no page links to them (chancery/content's `public_files`).
    public_files: tuple[str, ...] = ()
    #: The data file naming each tag in every language (chancery/content's `tags_file`).
    tags_file: str = "_tags.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' own tags (!!python/name, !ENV, !relative) unresolved."""


def _unresolved(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # MkDocs' `!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set wins.
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    values = loader.construct_sequence(node)  # type: ignore[arg-type]
    names, default = (values, None) if len(values) == 1 else (values[:-1], values[-1])
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


_TolerantLoader.add_constructor("!ENV", _environment)
_TolerantLoader.add_multi_constructor("", _unresolved)


def policy_from_options(
    languages: list[dict[str, Any]],
    root_language: str | None = None,
    source_language: str | None = None,
) -> LanguagePolicy:
    """Build the language policy from chancery/content's language settings."""
    return LanguagePolicy.declare(
        [LanguageDeclaration.from_option(entry) for entry in languages],
        root_language or None,
        source_language or None,
    )


def read_site_settings(config_file: Path) -> SiteSettings:
    """Read the content folder and language policy from ``config_file``."""
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError as error:
        raise SiteConfigError(
            f"{config_file}: not found; run from the site's folder or pass --config-file"
        ) from error
    except yaml.YAMLError as error:
        raise SiteConfigError(f"{config_file}: invalid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{config_file}: expected a mapping of settings")
    options = _plugin_options(raw.get("plugins") or [])
    if options is None:
        raise SiteConfigError(f"{config_file}: plugins: add '{PLUGIN_NAME}' with its languages")
    try:
        policy = policy_from_options(options.get("languages") or [], options.get("root_language"))
        regions = parse_regions(options.get("regions") or [])
        translation = TranslationPolicy.from_options(
            _plugin_options(raw.get("plugins") or [], LANGUAGES_PLUGIN_NAME) or {}
        )
    except (PolicyError, TranslationPolicyError, RegionError, KeyError, TypeError) as error:
        raise SiteConfigError(f"{config_file}: plugins: {PLUGIN_NAME}: {error}") from error
    content_dir = config_file.parent / str(raw.get("docs_dir", "docs"))
    locales_dir = config_file.parent / str(options.get("locales_dir") or DEFAULT_LOCALES_DIR)
    return SiteSettings(
        config_file,
        content_dir,
        policy,
        translation,
        locales_dir,
        regions,
        directory_urls=raw.get("use_directory_urls", True) is not False,
        public_files=tuple(str(pattern) for pattern in options.get("public_files") or ()),
        tags_file=str(options.get("tags_file") or "_tags.yml"),
    )


def _plugin_options(
    plugins: list[Any] | dict[str, Any], name: str = PLUGIN_NAME
) -> dict[str, Any] | None:
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else [
            next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in plugins
        ]
    )
    for entry_name, options in entries:
        if entry_name == name:
            return dict(options or {})
    return None


def read_config_mapping(config_file: Path) -> dict[str, Any]:
    """Every setting of ``config_file``, MkDocs' own tags resolved as the loader above reads them.

    SiteConfigError when the file cannot be read or is not a mapping.
    """
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError) as error:
        raise SiteConfigError(f"{config_file}: cannot be read: {error}") from error
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{config_file}: expected a mapping of settings")
    return raw


def read_plugin_options(config_file: Path, name: str) -> dict[str, Any] | None:
    """The options of plugin ``name`` in ``config_file``; None when it is not listed.

    For settings that ``read_site_settings`` does not hold, such as chancery/dashboard's
    ``metrics_*`` options; call it after ``read_site_settings``, which checks the file.
    """
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError) as error:
        raise SiteConfigError(f"{config_file}: cannot be read: {error}") from error
    plugins = raw.get("plugins") if isinstance(raw, dict) else None
    return _plugin_options(plugins or [], name)


def site_topics(settings: SiteSettings, content_dir: Path | None = None) -> Topics:
    """The site's tags file, from its content folder (or a copy at ``content_dir``)."""
    folder = content_dir or settings.content_dir
    shown = (settings.content_dir / settings.tags_file).relative_to(settings.config_file.parent)
    topics, problems = load_topics(folder / settings.tags_file, shown.as_posix())
    if problems:
        raise ContentErrors(problems)
    return topics


def load_site_catalog(
    settings: SiteSettings,
    *,
    content_dir: Path | None = None,
    check_groups: bool = True,
    topics: Topics | None = None,
) -> Catalog:
    """The site's content, read and checked as the build checks it; ContentErrors if not.

    ``content_dir`` is a copy of the content folder to read instead (with its files named as
    the site's); ``topics`` None leaves tags unchecked.
    """
    folder = content_dir or settings.content_dir
    relative = settings.content_dir.relative_to(settings.config_file.parent)
    project = (
        folder.parents[len(relative.parts) - 1] if content_dir else settings.config_file.parent
    )
    return load_catalog(
        folder,
        settings.policy.codes,
        project,
        check_groups=check_groups,
        regions=settings.regions.slugs,
        root_language=settings.policy.root.code,
        directory_urls=settings.directory_urls,
        public_files=settings.public_files,
        topics=topics,
        source_language=settings.policy.source.code,
    )
