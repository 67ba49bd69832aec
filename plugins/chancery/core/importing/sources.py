"""Reading the site to import: its languages, pages, files and old addresses.

Three layouts are understood:

- ``hugo``: a Hugo site (``hugo.toml``/``config.*``, ``content/``, ``static/``), its languages
  in per-language content folders (``contentDir``, or ``content/<lang>/``) or in file names
  (``about.fr.md``, untagged files being in ``defaultContentLanguage``);
- ``static-i18n-folder`` and ``static-i18n-suffix``: a MkDocs site whose mkdocs-static-i18n
  keeps each language in ``docs/<locale>/`` or in ``page.<locale>.md``;
- ``locale-folders``: one folder per locale (``en_US/``, ``pt_BR/``), Markdown inside.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from chancery.core.config import SiteConfigError, read_plugin_options
from chancery.core.languages import suggest_tag
from chancery.core.strict_yaml import StrictYamlError, load_mapping

FORMATS = ("hugo", "static-i18n-folder", "static-i18n-suffix", "locale-folders")
#: Markdown files of the source; other suffixes are files (images, documents...).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})
_HUGO_CONFIGS = tuple(
    f"{stem}.{suffix}" for stem in ("hugo", "config") for suffix in ("toml", "yaml", "yml", "json")
)
_MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
#: A folder or suffix that names a locale: en, pt_BR, pt-br, zh-Hant, zh_Hant_TW.
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class ImportProblem(ValueError):
    """The source cannot be imported as asked; the message says what to do."""


@dataclass(frozen=True)
class SourceFile:
    """One file of the source site."""

    #: As the report names it, relative to the source folder: 'content/fr/Über Uns.md'.
    shown: str
    path: Path
    #: The source's own language id ('fr', 'pt_BR'); '' for a site-wide static file.
    language: str
    #: Its path inside its language's tree, language marks removed: 'docs/Über Uns.md'.
    inner: str


@dataclass(frozen=True)
class SourceSite:
    """What was found in the source folder."""

    format: str
    root: Path
    #: The source's language ids, in the source's order.
    languages: tuple[str, ...]
    #: The language untagged files are in, and the originals' language by default.
    default_language: str | None
    #: Each language's URL prefix on the old site: '' or 'fr/'.
    prefixes: Mapping[str, str]
    pages: tuple[SourceFile, ...]
    #: Files beside the pages (and Hugo's static/ files, language ''), by source path.
    files: tuple[SourceFile, ...]
    #: Files left out, with the reason: (shown path, reason).
    skipped: tuple[tuple[str, str], ...] = ()
    #: The time zone the source's configuration names for dates without an offset.
    timezone: str | None = None
    #: Whether the old site lower-cased its addresses (Hugo does).
    lower_urls: bool = False
    #: Whether the old site served pages as folders ('about/') or files ('about.html').
    directory_urls: bool = True
    #: Hugo taxonomies besides tags and categories, whose terms are dropped.
    taxonomies: tuple[str, ...] = field(default=("tags", "categories"))


@dataclass(frozen=True)
class SourceDocument:
    """A source page split into its front matter (as read) and its Markdown body."""

    data: Mapping[str, Any]
    body: str
    #: The file line of each top-level field, for messages.
    lines: Mapping[str, int]
    #: The file line the body starts on.
    body_line: int


def detect(root: Path) -> str:
    """The layout of ``root``, or ImportProblem naming the --from values."""
    mkdocs = next((root / name for name in _MKDOCS_CONFIGS if (root / name).is_file()), None)
    if mkdocs is not None:
        options = _static_i18n_options(mkdocs)
        return f"static-i18n-{options.get('docs_structure') or 'suffix'}"
    if any((root / name).is_file() for name in _HUGO_CONFIGS) or (root / "content").is_dir():
        return "hugo"
    if _locale_folders(root):
        return "locale-folders"
    raise ImportProblem(
        f"{root}: cannot tell what kind of site this is (no hugo.toml or config.toml, no "
        "mkdocs.yml, no locale folders such as en_US/); say it with --from " + "|".join(FORMATS)
    )


def read_site(root: Path, layout: str) -> SourceSite:
    """Read the source site at ``root`` as ``layout`` (one of FORMATS)."""
    if not root.is_dir():
        raise ImportProblem(f"{root}: not a folder; give the folder of the site to import")
    if layout == "hugo":
        return _read_hugo(root)
    if layout.startswith("static-i18n-"):
        return _read_static_i18n(root, layout)
    if layout == "locale-folders":
        return _read_locale_folders(root)
    raise ImportProblem(f"--from {layout}: use one of {', '.join(FORMATS)}")


def read_document(file: SourceFile) -> SourceDocument:
    """Split a source page into front matter (YAML, TOML, JSON or MultiMarkdown) and body."""
    try:
        text = file.path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(f"{file.shown}: not UTF-8; save it as UTF-8") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for mark, reader in (("---", _yaml), ("+++", _toml)):
        if text.startswith(mark + "\n"):
            end = re.search(rf"^{re.escape(mark)}[ \t]*$", text[len(mark) + 1 :], re.MULTILINE)
            if end is None:
                raise ImportProblem(f"{file.shown}:1: front matter is never closed ({mark})")
            raw = text[len(mark) + 1 : len(mark) + 1 + end.start()]
            body = text[len(mark) + 1 + end.end() :].removeprefix("\n")
            data, lines = reader(raw, file.shown)
            return SourceDocument(data, body, lines, raw.count("\n") + 3)
    if text.startswith("{"):
        try:
            data, end_at = json.JSONDecoder().raw_decode(text)
        except ValueError as error:
            raise ImportProblem(f"{file.shown}:1: JSON front matter: {error}") from error
        if isinstance(data, dict):
            body = text[end_at:].lstrip("\n")
            return SourceDocument(data, body, {}, text[:end_at].count("\n") + 2)
    return _multimarkdown(text)


def _yaml(raw: str, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        loaded = load_mapping(raw, first_line=2)
    except StrictYamlError as error:
        where = f"{shown}:{error.line}"
        raise ImportProblem(f"{where}: front matter: {error.message}") from error
    lines = {str(key[0]): line for key, line in loaded.lines.items() if len(key) == 1}
    return dict(loaded.data), lines


def _toml(raw: str, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ImportProblem(f"{shown}: TOML front matter: {error}") from error
    lines: dict[str, int] = {}
    for number, line in enumerate(raw.split("\n"), start=2):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
    return data, lines


_MULTIMARKDOWN = re.compile(r"^([A-Za-z][\w-]*):\s*(.*)$")


def _multimarkdown(text: str) -> SourceDocument:
    # MkDocs also reads MultiMarkdown metadata: 'Key: value' lines up to the first blank line.
    lines = text.split("\n")
    data: dict[str, Any] = {}
    numbers: dict[str, int] = {}
    count = 0
    for number, line in enumerate(lines, start=1):
        match = _MULTIMARKDOWN.match(line)
        if not match:
            break
        data[match.group(1).lower()] = match.group(2).strip()
        numbers[match.group(1).lower()] = number
        count = number
    if not data or (count < len(lines) and lines[count].strip()):
        return SourceDocument({}, text, {}, 1)
    return SourceDocument(data, "\n".join(lines[count + 1 :]), numbers, count + 2)


def looks_like_locale(name: str) -> bool:
    """Whether a folder or suffix names a locale CLDR knows ('pt_BR', 'zh-hant', 'fr')."""
    if not _LOCALE.match(name):
        return False
    tag = suggest_tag(name)
    if tag is None:
        return False
    try:
        Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _locale_folders(root: Path) -> list[str]:
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir()
        and not entry.name.startswith((".", "_"))
        and looks_like_locale(entry.name)
    )


def _walk(folder: Path) -> Iterable[tuple[Path, str]]:
    """Every regular file under ``folder`` and its relative path, in a stable order."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(folder).as_posix()


def _hidden(relative: str) -> str | None:
    parts = PurePosixPath(relative).parts
    if any(part.startswith(".") for part in parts):
        return "a hidden file (its name starts with '.')"
    name = parts[-1]
    if any(part.startswith("_") for part in parts[:-1]) or (
        name.startswith("_") and name not in ("_index.md",)
    ):
        return "private to the old site (its name starts with '_')"
    return None


def _collect(
    files: Iterable[tuple[Path, str, str, str]],
) -> tuple[list[SourceFile], list[SourceFile], list[tuple[str, str]]]:
    """Sort (path, shown, language, inner) into pages, other files and skipped files."""
    pages, others, skipped = [], [], []
    for path, shown, language, inner in files:
        reason = _hidden(inner)
        if reason is not None:
            skipped.append((shown, reason))
        elif PurePosixPath(inner).suffix.lower() in MARKDOWN_SUFFIXES:
            pages.append(SourceFile(shown, path, language, inner))
        else:
            others.append(SourceFile(shown, path, language, inner))
    return pages, others, skipped


def _split_suffix(inner: str, languages: Iterable[str]) -> tuple[str | None, str]:
    """'docs/a.fr.md' -> ('fr', 'docs/a.md') when fr is a language; else (None, inner)."""
    path = PurePosixPath(inner)
    stem, dot, mark = path.stem.rpartition(".")
    folded = {code.lower(): code for code in languages}
    if dot and mark.lower() in folded:
        return folded[mark.lower()], (path.parent / f"{stem}{path.suffix}").as_posix()
    return None, inner


def _lower_keys(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in data.items()}


def _load_config(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, ValueError, yaml.YAMLError) as error:
        raise ImportProblem(f"{path}: cannot be read: {error}") from error
    return _lower_keys(data) if isinstance(data, dict) else {}


def _hugo_config(root: Path) -> dict[str, Any]:
    for name in _HUGO_CONFIGS:
        if (root / name).is_file():
            return _load_config(root / name)
    merged: dict[str, Any] = {}
    folder = root / "config" / "_default"
    for name in _HUGO_CONFIGS:
        if (folder / name).is_file():
            merged.update(_load_config(folder / name))
    for suffix in ("toml", "yaml", "yml", "json"):
        if (folder / f"languages.{suffix}").is_file():
            merged["languages"] = _load_config(folder / f"languages.{suffix}")
    return merged


def _read_hugo(root: Path) -> SourceSite:
    config = _hugo_config(root)
    declared = {
        str(code): _lower_keys(settings) if isinstance(settings, dict) else {}
        for code, settings in (config.get("languages") or {}).items()
    }
    content_dir = root / str(config.get("contentdir") or "content")
    if not content_dir.is_dir() and not config:
        content_dir = root  # The content folder itself was given.
    default: str | None = str(config.get("defaultcontentlanguage") or "") or None
    folders = {
        code: root / str(settings["contentdir"])
        for code, settings in declared.items()
        if settings.get("contentdir")
    }
    if not folders:
        candidates = declared or {name: {} for name in _locale_folders(content_dir)}
        if candidates and all((content_dir / code).is_dir() for code in candidates):
            folders = {code: content_dir / code for code in candidates}
    entries: list[tuple[Path, str, str, str]] = []
    if folders:
        languages = tuple(sorted(folders, key=lambda code: (_weight(declared.get(code)), code)))
        for code, folder in folders.items():
            for path, inner in _walk(folder):
                shown = path.relative_to(root).as_posix()
                entries.append((path, shown, code, inner))
        default = default or languages[0]
    else:
        suffixes = {
            mark
            for _, inner in _walk(content_dir)
            for mark in [PurePosixPath(inner).stem.rpartition(".")[2]]
            if "." in PurePosixPath(inner).stem and looks_like_locale(mark)
        }
        known = list(declared) or sorted(suffixes)
        default = default or ("en" if not declared else next(iter(declared)))
        languages = tuple(sorted({*known, default}, key=lambda c: (_weight(declared.get(c)), c)))
        for path, inner in _walk(content_dir):
            marked, plain = _split_suffix(inner, languages)
            shown = path.relative_to(root).as_posix()
            entries.append((path, shown, marked or default, plain))
    pages, files, skipped = _collect(entries)
    static = root / "static"
    if config or content_dir != root:
        for path, inner in _walk(static):
            reason = _hidden(inner)
            shown = path.relative_to(root).as_posix()
            if reason:
                skipped.append((shown, reason))
            else:
                files.append(SourceFile(shown, path, "", inner))
    in_subdir = bool(config.get("defaultcontentlanguageinsubdir"))
    prefixes = {
        code: "" if code == default and not in_subdir else f"{code.lower()}/" for code in languages
    }
    taxonomies = tuple(str(name) for name in (config.get("taxonomies") or {}).values())
    return SourceSite(
        "hugo",
        root,
        languages,
        default,
        MappingProxyType(prefixes),
        tuple(pages),
        tuple(files),
        tuple(skipped),
        timezone=str(config.get("timezone") or "") or None,
        lower_urls=not config.get("disablepathtolower"),
        directory_urls=not config.get("uglyurls"),
        taxonomies=taxonomies or ("tags", "categories"),
    )


def _weight(settings: Mapping[str, Any] | None) -> int:
    try:
        return int((settings or {}).get("weight") or 0)
    except (TypeError, ValueError):
        return 0


def _static_i18n_options(config_file: Path) -> dict[str, Any]:
    try:
        options = read_plugin_options(config_file, "i18n")
    except SiteConfigError as error:
        raise ImportProblem(str(error)) from error
    if options is None:
        raise ImportProblem(
            f"{config_file}: a MkDocs site without mkdocs-static-i18n (no `i18n` plugin); give "
            "its docs folder as a tree of locale folders with --from locale-folders, or its "
            "language with --from static-i18n-suffix"
        )
    return options


def _read_static_i18n(root: Path, layout: str) -> SourceSite:
    config_file = next((root / name for name in _MKDOCS_CONFIGS if (root / name).is_file()), None)
    if config_file is None:
        raise ImportProblem(f"{root}: no mkdocs.yml; give the folder of the MkDocs site")
    options = _static_i18n_options(config_file)
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    settings = raw if isinstance(raw, dict) else {}
    docs = root / str(settings.get("docs_dir") or "docs")
    declared = [entry for entry in options.get("languages") or [] if isinstance(entry, dict)]
    languages = tuple(str(entry.get("locale")) for entry in declared if entry.get("locale"))
    if not languages:
        raise ImportProblem(f"{config_file}: plugins: i18n: lists no languages")
    default = next(
        (str(entry["locale"]) for entry in declared if entry.get("default")), languages[0]
    )
    entries: list[tuple[Path, str, str, str]] = []
    for path, inner in _walk(docs):
        shown = path.relative_to(root).as_posix()
        if layout == "static-i18n-folder":
            first, _, rest = inner.partition("/")
            if first in languages and rest:
                entries.append((path, shown, first, rest))
            else:
                entries.append((path, shown, default, inner))
        else:
            marked, plain = _split_suffix(inner, languages)
            entries.append((path, shown, marked or default, plain))
    pages, files, skipped = _collect(entries)
    if settings.get("nav"):
        skipped.append(
            (
                f"{config_file.name}: nav",
                "Chancery builds the nav from the content folders; place pages with `order:`",
            )
        )
    prefixes = {code: "" if code == default else f"{code}/" for code in languages}
    return SourceSite(
        layout,
        root,
        languages,
        default,
        MappingProxyType(prefixes),
        tuple(pages),
        tuple(files),
        tuple(skipped),
        directory_urls=settings.get("use_directory_urls", True) is not False,
    )


class _ConfigLoader(yaml.SafeLoader):
    """Reads a source mkdocs.yml, leaving MkDocs' own tags (!ENV, !!python/name) unresolved."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_locale_folders(root: Path) -> SourceSite:
    folders = _locale_folders(root)
    if not folders:
        raise ImportProblem(
            f"{root}: no locale folders (such as en_US/ or pt_BR/); give the folder that holds them"
        )
    entries = [
        (path, path.relative_to(root).as_posix(), code, inner)
        for code in folders
        for path, inner in _walk(root / code)
    ]
    pages, files, skipped = _collect(entries)
    for entry in sorted(root.iterdir()):
        if entry.name not in folders and not entry.name.startswith("."):
            skipped.append((entry.name, "not inside a locale folder"))
    prefixes = {code: f"{code}/" for code in folders}
    return SourceSite(
        "locale-folders",
        root,
        tuple(folders),
        None,
        MappingProxyType(prefixes),
        tuple(pages),
        tuple(files),
        tuple(skipped),
    )
