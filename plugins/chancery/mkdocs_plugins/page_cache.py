"""A cache of rendered pages, kept between builds and keyed by everything their templates read.

Laying a page out in Material's templates is about half of a build, and an edit changes few
pages. MkDocs renders a page's template once every plugin has added to its context; this cache
stands in for that one call. The key hashes the templates (every file in the theme's folders),
the software's versions and the whole context the template receives: the page (its HTML, table
of contents, metadata, addresses), the navigation it shows, the configuration, and every value
the plugins added (the reader's language and strings, translations and their states, alerts,
listings, head tags). Equal keys give equal HTML, so a hit is byte-identical to rendering
(tested by random edit sequences against clean builds, tests/test_page_cache.py).

A page whose template reads the site-wide alerts only in their region above the header is kept
as a shell with that region left out (alert_region.py): publishing, changing or ending an alert
then renders the small region template for each page instead of laying every page out again.

Every other step of the page still runs: the plugins' hooks before and after the template (the
sitemap, search marks, inline-code hashes, alerts' structured data see every page as before),
and the file is written as usual. A value the key cannot describe faithfully
(chancery.core.fingerprint) makes the page render as usual, counted in the build's log.

Entries are files named by their key, written atomically (the parallel language builds share
the folder); a whole build removes the entries it did not use.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from babel import Locale
from jinja2 import Environment, Template, TemplateNotFound, TemplateSyntaxError, meta
from markdown.extensions import Extension
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

from chancery.core import cache_folder
from chancery.core.fingerprint import Fingerprint, Rules, Unfingerprintable
from chancery.mkdocs_plugins import alert_region

log = logging.getLogger("mkdocs.plugins.chancery.page_cache")

_FORMAT = 2
#: Set to "off" to build without the cache (to compare outputs, or to rule it out).
SWITCH = "CHANCERY_PAGE_CACHE"
#: Software whose code shapes a rendered page.
_SOFTWARE = (
    "mkdocs-chancery",
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "jinja2",
    "babel",
)
#: Options left out of the key when no template of the theme folders names them: the output
#: folder, a staging folder that changes with every build. (`extra` is hashed page by page
#: instead: plugins change it from page to page.) Context values no template reads are left
#: out too (the build date, the list of every page), found by parsing every template.
UNREAD_OPTIONS = frozenset({"site_dir", "docs_dir", "config_file_path", "custom_dir"})
#: Installed packages whose template folders change only with their versions (in the key):
#: their files are known by name and size, not read (Material's icons are thousands).
_VERSIONED_PACKAGES = ("material", "mkdocs", "mkdocs_static_i18n")
#: The files of theme folders that are templates.
_TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja")
#: What a template may read of a page other than the one it renders (navigation, neighbours).
_OTHER_PAGE = ("url", "canonical_url", "title", "meta", "is_index")
#: ... and of the page it renders. Its neighbours, parent and active state follow from its
#: address and the navigation, which the key holds.
_THIS_PAGE = (
    "url",
    "canonical_url",
    "abs_url",
    "edit_url",
    "title",
    "content",
    "toc",
    "meta",
    "is_homepage",
)


class PageCache:
    """Rendered pages in ``folder``, shared by the language builds of one site."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        #: Why pages were rendered without the cache: {type it could not describe: pages}.
        self.unkeyed: Counter[str] = Counter()
        self._theme_digests: dict[tuple[str, ...], tuple[str, Reads]] = {}
        #: What the templates of this language build read.
        self._reads = Reads(None, frozenset())
        self._memo: dict[int, str] = {}
        self._memo_held: list[Any] = []
        #: The alert region's template (alert_region.py), or None if the theme has none.
        self._region: Template | None = None
        self._rules = Rules(
            {
                MkDocsPage: _add_page,
                File: _add_file,
                AnchorLink: _add_anchor,
                TableOfContents: _add_toc,
                Link: _add_link,
                Section: _add_section,
                Navigation: self._add_navigation,
                Config: self._add_config,
                Theme: _add_theme,
                PluginCollection: _add_plugins,
                Extension: _add_extension,
                Locale: _add_locale,
            }
        )

    def attach(self, env: Environment, config: MkDocsConfig) -> None:
        """Serve the pages' templates of this language build through the cache."""
        # Digests of objects constant within one language build, by identity; the objects are
        # held, so that no later object can reuse an id.
        self._memo, self._memo_held = {}, []
        self._rules.forget()
        settings, self._reads = self._settings(env)
        original = env.get_template
        try:
            self._region = original(alert_region.TEMPLATE)
        except TemplateNotFound:
            self._region = None

        def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
            template = original(name, parent, globals)
            # Only the templates MkDocs asks for itself; extends and includes go through as is.
            if parent is None and globals is None and isinstance(template, Template):
                return _PageTemplate(template, self, config, settings)
            return template

        env.get_template = get_template  # type: ignore[method-assign]

    def render(self, template: Template, context: Mapping[str, Any], settings: str) -> str:
        """The template's output for this page's context: stored, or rendered and stored."""
        view = alert_region.view_of(context) if self._region is not None else None
        try:
            shell_key, key = self._keys(template, context, settings, view)
        except Unfingerprintable as error:
            self.unkeyed[str(error)] += 1
            return template.render(context)
        if shell_key is not None:
            found = self._read(shell_key)
            shell = alert_region.Shell.parse(found) if found is not None else None
            if shell is not None:
                self.hits += 1
                return shell.fill(self._render_region(context))
        output = self._read(key)
        if output is not None:
            self.hits += 1
            return output
        self.misses += 1
        if shell_key is not None:
            output = self._render_shell(template, context, view, shell_key)
            if output is not None:
                return output
        output = template.render(context)
        cache_folder.write_atomically(self._path(key), output.encode("utf-8"))
        return output

    def _render_shell(
        self, template: Template, context: Mapping[str, Any], view: Any, shell_key: str
    ) -> str | None:
        """Lay the page out around a mark for its alert region, and keep it as a shell.

        None if the page did not show the region once, or read the alerts elsewhere (the
        home page lists them under its title): it is then laid out and kept whole.
        """
        laid_out, wire, mark = alert_region.shell_context(context, view)
        html = template.render(laid_out)
        if wire.touched or html.count(mark) != 1:
            return None
        shell = alert_region.Shell(mark, html)
        cache_folder.write_atomically(self._path(shell_key), shell.text().encode("utf-8"))
        return shell.fill(self._render_region(context))

    def _render_region(self, context: Mapping[str, Any]) -> str:
        assert self._region is not None
        return self._region.render(context)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def _read(self, key: str) -> str | None:
        path = self._path(key)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        path.touch()  # Still in use: kept by prune().
        return text

    def report(self, language: str) -> None:
        """Log this language build's figures, then start counting afresh."""
        if self.hits or self.misses:
            log.info(f"Page cache: {self.hits} pages reused, {self.misses} rendered ({language})")
        for reason, count in sorted(self.unkeyed.items()):
            log.info(f"Page cache: {count} pages rendered uncached: cannot fingerprint {reason}")
        self.hits = self.misses = 0
        self.unkeyed.clear()

    def _keys(
        self, template: Template, context: Mapping[str, Any], settings: str, view: Any
    ) -> tuple[str | None, str]:
        """The key of the page as a shell (None if ``view`` is None), and of the whole page."""
        fingerprint = Fingerprint(self._rules, subject=context["page"])
        fingerprint.text("settings", settings)
        fingerprint.text("template", str(template.name))
        for name, value in context.items():
            if self._reads.context is not None and name not in self._reads.context:
                continue
            if view is not None and value is view:  # Last, in two ways: below.
                continue
            fingerprint.text("context", name)
            if name == "pages" and isinstance(value, list):
                # The same pages for each page of a language build: hashed once.
                fingerprint.text("pages", self._memoised(value, _neutral, *value))
            else:
                fingerprint.add(value)
        if view is None:
            return None, fingerprint.hexdigest()
        shell = fingerprint.copy()
        shell.text("shell", alert_region.CONTEXT_NAME)
        shell.add(alert_region.without_alerts(view))
        fingerprint.text("context", alert_region.CONTEXT_NAME)
        fingerprint.add(view)
        return shell.hexdigest(), fingerprint.hexdigest()

    def _add_navigation(self, fingerprint: Fingerprint, nav: Navigation) -> None:
        # The active items follow from this page's address, which the key holds.
        fingerprint.text("nav", self._memoised(nav, _nav_digest))

    def _add_config(self, fingerprint: Fingerprint, config: Config) -> None:
        # All but `extra` is constant within a language build; plugins change `extra` (the
        # language menu) from page to page.
        unread = self._reads.unread_options

        def digest(rules: Rules, value: Config) -> str:
            return _config_digest(rules, value, unread)

        fingerprint.text("config", self._memoised(config, digest))
        if "extra" in config:
            fingerprint.add(config["extra"])

    def _memoised(self, value: Any, digest: Callable[[Rules, Any], str], *held: Any) -> str:
        key = id(value) if not held else hash(tuple(id(item) for item in held))
        found = self._memo.get(key)
        if found is None:
            found = digest(self._rules, value)
            self._memo[key] = found
            self._memo_held.extend((value, *held))
        return found

    def _settings(self, env: Environment) -> tuple[str, Reads]:
        """A digest of the templates and software, and what the templates read."""
        loader = env.loader
        # static-i18n adds its folder again for each language: the same templates either way.
        folders = tuple(dict.fromkeys(str(path) for path in getattr(loader, "searchpath", ())))
        if folders not in self._theme_digests:
            digest = hashlib.blake2b(digest_size=24)
            digest.update(f"format {_FORMAT}\n".encode())
            named: set[str] = set()
            context: set[str] | None = set()
            parser = _parser(env)
            for name in _SOFTWARE:
                digest.update(f"{name} {_version(name)}\n".encode())
            versioned = _versioned_folders()
            for index, folder in enumerate(folders):
                # A folder by its place in the search path, not its absolute path: a project
                # moved or cloned elsewhere keeps its cache.
                digest.update(f"folder {index}\n".encode())
                fixed = any(Path(folder).is_relative_to(root) for root in versioned)
                found = _folder_facts(folder, fixed, parser)
                digest.update(found.digest)
                named |= found.named
                if context is not None:
                    context = None if found.reads is None else context | found.reads
            for kind, table in (("filter", env.filters), ("global", env.globals)):
                for name in sorted(table):
                    value = table[name]
                    text = repr(value) if isinstance(value, (str, int, float)) else name
                    digest.update(f"{kind} {name} {text}\n".encode())
            reads = Reads(
                None if context is None else frozenset(context),
                frozenset(UNREAD_OPTIONS - named),
            )
            self._theme_digests[folders] = (digest.hexdigest(), reads)
        return self._theme_digests[folders]


@dataclass(frozen=True)
class Reads:
    """What the templates of a build read.

    ``context``: the context values (None: unknown, so all of them); ``unread_options``: the
    options of UNREAD_OPTIONS that no template names.
    """

    context: frozenset[str] | None
    unread_options: frozenset[str]


#: Jinja's own extensions, which plugins add to the build's environment.
_STANDARD_EXTENSIONS = ("jinja2.ext.loopcontrols", "jinja2.ext.do", "jinja2.ext.i18n")


class _AnyName(dict[str, Any]):
    """Filters or tests of any name: parsing a template checks that each exists."""

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key, _any_filter)


def _any_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def _parser(env: Environment) -> Environment:
    # An environment like the build's (its syntax and extensions) that parses templates whose
    # filters or Jinja extensions another plugin may add later (Material's blog adds `date`,
    # static-i18n's sitemap needs `continue`).
    parser = env.overlay()
    parser.filters = _AnyName()
    parser.tests = _AnyName()
    for extension in _STANDARD_EXTENSIONS:
        parser.add_extension(extension)
    return parser


def _add_reads(env: Environment, text: str, reads: set[str] | None) -> set[str] | None:
    # The top-level names a template reads (Jinja's own analysis of its syntax tree); a file
    # that does not parse leaves the reads unknown, and then every context value is hashed.
    if reads is None:
        return None
    try:
        reads.update(meta.find_undeclared_variables(env.parse(text)))
    except TemplateSyntaxError:
        return None
    return reads


class _PageTemplate:
    """A template whose render() for a page goes through the page cache."""

    def __init__(
        self, template: Template, cache: PageCache, config: MkDocsConfig, settings: str
    ) -> None:
        self._template, self._cache, self._config, self._settings = (
            template,
            cache,
            config,
            settings,
        )

    def render(self, *args: Any, **kwargs: Any) -> str:
        """MkDocs' call for a page: through the cache; any other: as the template would."""
        if len(args) == 1 and not kwargs and isinstance(args[0], Mapping):
            context = args[0]
            page = context.get("page")
            if page is not None and page is getattr(self._config, "_current_page", None):
                return self._cache.render(self._template, context, self._settings)
        return self._template.render(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def _neutral(rules: Rules, value: Any) -> str:
    # With no page as the subject, every page is an "other" page: digests kept for a whole
    # language build (the navigation, the list of pages) hold no one page's own content.
    return Fingerprint(rules).of(value)


def _add_page(fingerprint: Fingerprint, page: MkDocsPage) -> None:
    this = page is fingerprint.subject
    fingerprint.used_subject = True  # Another page here would be this page in its own key.
    fingerprint.text("page", "this" if this else "other")
    for name in _THIS_PAGE if this else _OTHER_PAGE:
        fingerprint.text("field", name)
        fingerprint.add(getattr(page, name))
    _add_file(fingerprint, page.file)


def _add_file(fingerprint: Fingerprint, file: File) -> None:
    for name in ("src_uri", "dest_uri", "url"):
        fingerprint.text(name, getattr(file, name))


def _add_anchor(fingerprint: Fingerprint, anchor: AnchorLink) -> None:
    fingerprint.text("anchor", f"{anchor.level}:{anchor.id}")
    fingerprint.add(anchor.title)
    fingerprint.add(list(anchor.children))


def _add_toc(fingerprint: Fingerprint, toc: TableOfContents) -> None:
    fingerprint.add(list(toc))


def _add_link(fingerprint: Fingerprint, link: Link) -> None:
    fingerprint.text("link", link.url)
    fingerprint.add(link.title)


def _add_section(fingerprint: Fingerprint, section: Section) -> None:
    fingerprint.text("section", "")
    fingerprint.add(section.title)
    fingerprint.add(list(section.children))


def _add_theme(fingerprint: Fingerprint, theme: Theme) -> None:
    # Its folders' templates are in the settings; `custom_dir` (a path) no template names.
    fingerprint.text("theme", str(theme.name))
    fingerprint.add({key: value for key, value in theme.items() if key not in UNREAD_OPTIONS})


def _add_plugins(fingerprint: Fingerprint, plugins: PluginCollection) -> None:
    for name, plugin in plugins.items():
        fingerprint.text("plugin", name)
        fingerprint.add(dict(plugin.config))


def _add_extension(fingerprint: Fingerprint, extension: Extension) -> None:
    # What a template may read of a Markdown extension: which it is, and its settings.
    kind = type(extension)
    fingerprint.text("extension", f"{kind.__module__}.{kind.__qualname__}")
    fingerprint.add(extension.getConfigs())


def _add_locale(fingerprint: Fingerprint, locale: Locale) -> None:
    # A locale is its tag; its data comes with Babel's version (in the settings).
    fingerprint.text("locale", str(locale))


def _nav_digest(rules: Rules, nav: Navigation) -> str:
    fingerprint = Fingerprint(rules)
    fingerprint.add(list(nav.items))
    fingerprint.add(nav.homepage.url if nav.homepage else None)
    return fingerprint.hexdigest()


def _config_digest(rules: Rules, config: Config, unread: frozenset[str]) -> str:
    fingerprint = Fingerprint(rules)
    fingerprint.text("config", f"{type(config).__module__}.{type(config).__qualname__}")
    for name in sorted(config):
        if name in unread or name == "extra":  # `extra` is hashed page by page.
            continue
        fingerprint.text("option", name)
        fingerprint.add(config[name])
    return fingerprint.hexdigest()


@dataclass(frozen=True)
class _FolderFacts:
    """One template folder: a digest of its files, and what its templates name and read."""

    digest: bytes
    named: frozenset[str]
    reads: frozenset[str] | None


#: Folders already read in this process, by path and the size and time of change of each
#: file (a versioned package's folder by path alone): builds in one process (tests, a
#: parallel build's languages) read and parse each template folder once.
_FOLDERS: dict[tuple[str, tuple[tuple[str, int, int], ...]], _FolderFacts] = {}


def _folder_facts(folder: str, fixed: bool, parser: Environment) -> _FolderFacts:
    if fixed and (folder, ()) in _FOLDERS:  # Material's thousands of files: not listed again.
        return _FOLDERS[(folder, ())]
    paths = sorted(path for path in Path(folder).rglob("*") if path.is_file())
    if fixed:
        signature: tuple[tuple[str, int, int], ...] = ()
    else:
        stats = [(path, path.stat()) for path in paths]
        signature = tuple((str(p), st.st_size, st.st_mtime_ns) for p, st in stats)
    found = _FOLDERS.get((folder, signature))
    if found is not None:
        return found
    digest = hashlib.blake2b(digest_size=24)
    named: set[str] = set()
    reads: set[str] | None = set()
    for path in paths:
        name = path.relative_to(folder).as_posix()
        data = b"" if fixed else path.read_bytes()
        size = path.stat().st_size if fixed else len(data)
        digest.update(f"{name} {size}\n".encode())
        digest.update(hashlib.blake2b(data).digest())
        if path.suffix in _TEMPLATE_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            named.update(n for n in UNREAD_OPTIONS if n in text)
            reads = _add_reads(parser, text, reads)
    found = _FolderFacts(
        digest.digest(), frozenset(named), None if reads is None else frozenset(reads)
    )
    _FOLDERS[(folder, signature)] = found
    return found


def _versioned_folders() -> list[Path]:
    found = []
    for name in _VERSIONED_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            found.append(Path(spec.origin).resolve().parent)
    return found


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def prune(folder: Path, older_than: float) -> int:
    """Remove pages no build has used since ``older_than`` (a time.time()); how many."""
    return cache_folder.prune(folder, "*/*.html", older_than)
