"""What Chancery's pages take from Material: its templates and CSS, none of its JavaScript.

Two hooks of chancery/content, kept here so that the plugin stays thin:
- `check_features` warns about each Material feature that needs the JavaScript bundle that
  Chancery's base.html leaves out (the list is data: core/theme_features.yml);
- `StylesheetJoiner` joins Material's stylesheets and Chancery's every-page ones into one
  file with a content hash in its name (core/stylesheets.py), so that a page has one
  render-blocking stylesheet; page-type stylesheets (portal, listings) stay on their pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from chancery.core.stylesheets import Bundle, Source, StylesheetError, bundle
from chancery.core.theme_features import problems

log = get_plugin_logger(__name__)

#: Material 9.8's stylesheets, as our copy of its base.html names them.
MATERIAL_MAIN = "assets/stylesheets/main.57a0d79d.min.css"
MATERIAL_PALETTE = "assets/stylesheets/palette.fb2fffe2.min.css"


def check_features(config: MkDocsConfig) -> None:
    """Warn (an error under --strict) about each feature that needs Material's JavaScript."""
    features = config.theme.get("features") or []
    for problem in problems(features, config.theme.get("palette")):
        log.warning(f"mkdocs.yml: {problem}")


class StylesheetJoiner:
    """Joins the every-page stylesheets once per `mkdocs build` (the languages share it)."""

    def __init__(self, assets_dir: Path, assets_url: str) -> None:
        self.assets_dir = assets_dir
        self.assets_url = assets_url
        self._joined: dict[tuple[Source, ...], Bundle] = {}
        # The bundle of each theme and stylesheet list, read once per build (the joiner lives
        # as long as one `mkdocs build`): every page of a language asks for the same one.
        self._by_settings: dict[tuple[object, ...], Bundle] = {}

    def join(self, config: MkDocsConfig) -> Bundle:
        """The bundle of this configuration's stylesheets (joined once, then remembered)."""
        settings = (
            tuple(config.theme.dirs),
            bool(config.theme.get("palette")),
            tuple(config.extra_css),
        )
        found = self._by_settings.get(settings)
        if found is not None:
            return found
        sources = tuple(self._sources(config))
        if sources not in self._joined:
            try:
                self._joined[sources] = bundle(sources, self.assets_url)
            except StylesheetError as error:
                raise PluginError(f"chancery/content: cannot join stylesheets: {error}") from error
        self._by_settings[settings] = self._joined[sources]
        return self._joined[sources]

    def file(self, config: MkDocsConfig) -> File:
        """The joined stylesheet, as a generated file of this build."""
        joined = self.join(config)
        return File.generated(config, joined.uri, content=joined.text)

    def _sources(self, config: MkDocsConfig) -> list[Source]:
        material = [MATERIAL_MAIN] + ([MATERIAL_PALETTE] if config.theme.get("palette") else [])
        found = [Source(uri, _theme_file(config, uri)) for uri in material]
        prefix = f"{self.assets_url}/"
        for uri in config.extra_css:
            path = self.assets_dir / uri.removeprefix(prefix)
            if uri.startswith(prefix) and path.is_file():
                found.append(Source(uri, path.read_text(encoding="utf-8")))
        return found


def _theme_file(config: MkDocsConfig, uri: str) -> str:
    for folder in config.theme.dirs:
        path = Path(folder) / uri
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise PluginError(
        f"chancery/content: {uri} is not in the theme; Chancery's base.html is made for "
        "mkdocs-material 9.8 (see pyproject.toml)"
    )
