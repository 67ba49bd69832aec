"""chancery/i18n: mkdocs-static-i18n, configured from chancery/content's languages.

A language is declared once, in chancery/content's `languages` (its tag, role, name and the
ministry's name in it). static-i18n's own settings for each language (locale, name, default,
site name, copyright, Material's interface language) are derived from that declaration, so
that they can never disagree with it; a site that lists them again gets an error saying what
to delete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage
from mkdocs_static_i18n.plugin import I18n

from chancery.core.languages import Language, LanguagePolicy
from chancery.core.theme_languages import theme_language
from chancery.mkdocs_plugins.site import content_plugin

NAME = "chancery/i18n"


class ChanceryI18nConfig(I18nPluginConfig):  # type: ignore[misc]
    """static-i18n's settings, with the values Chancery needs as defaults.

    `languages` must stay empty: it is derived from chancery/content.
    """

    docs_structure = c.Choice(["folder"], default="folder")
    #: Chancery builds honest fallback pages itself (chancery/languages).
    fallback_to_default = c.Type(bool, default=False)
    #: Left empty in mkdocs.yml: filled from chancery/content's languages (see on_config).
    languages = c.ListOfItems(c.SubConfig(I18nPluginLanguage, validate=True), default=[])

    def validate(self) -> tuple[Any, Any]:
        """Refuse a `languages` list: each language is declared in chancery/content only."""
        failed, warnings = base.Config.validate(self)
        if self.languages:
            failed.append(
                (
                    "languages",
                    ValidationError(
                        "delete this list: each language is declared once, in chancery/content's "
                        "`languages` (with its role, `name` and `site_name`), and chancery/i18n "
                        "derives static-i18n's settings from it"
                    ),
                )
            )
        if self.fallback_to_default:
            failed.append(
                (
                    "fallback_to_default",
                    ValidationError(
                        "delete this setting: chancery/languages builds honest fallback pages"
                    ),
                )
            )
        return failed, warnings


class ChanceryI18nPlugin(I18n):  # type: ignore[misc]
    """static-i18n's per-language builds, with its languages taken from chancery/content."""

    config_class = ChanceryI18nConfig

    # static-i18n's own priority (it must run after every other plugin's on_config); the
    # languages are filled in first, from the policy chancery/content read at priority 0.
    @event_priority(-100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Derive static-i18n's languages from chancery/content's, once per build."""
        if not self.config.languages:
            policy = content_plugin(config, NAME).state()[0]
            self.config.languages = derive_languages(policy, config)
        result: MkDocsConfig = super().on_config(config)
        return result


def derive_languages(policy: LanguagePolicy, config: MkDocsConfig) -> list[I18nPluginLanguage]:
    """static-i18n's `languages` for the policy: one entry per declared language."""
    available = _theme_languages(config)
    entries = []
    for language in policy.languages:
        entry = I18nPluginLanguage()
        entry.load_dict(_entry(language, policy, config, available))
        failed, _ = entry.validate()
        if failed:
            problems = "; ".join(f"{key}: {error}" for key, error in failed)
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/content: languages: {language.code}: "
                f"mkdocs-static-i18n cannot build this language ({problems})"
            )
        entries.append(entry)
    return entries


def _entry(
    language: Language, policy: LanguagePolicy, config: MkDocsConfig, available: set[str]
) -> dict[str, Any]:
    site_name = language.site_name or config.site_name
    entry: dict[str, Any] = {
        "locale": language.code,
        "name": language.name,
        "default": language.code == policy.root_code,
        "build": True,
        "site_name": site_name,
        "copyright": f"© {site_name}",
    }
    if config.theme.name == "material":
        partial = theme_language(language.code, available)
        if partial is None:
            raise PluginError(
                f"mkdocs.yml: plugins: chancery/content: languages: {language.code}: Material "
                "has no interface translation for this language; add one as "
                f"overrides/partials/languages/{language.code}.html (copy Material's en.html "
                "and translate it)"
            )
        if partial != language.code:
            entry["theme"] = {"language": partial}
    return entry


def _theme_languages(config: MkDocsConfig) -> set[str]:
    """The interface languages the theme (and the site's overrides) ship partials for."""
    names: set[str] = set()
    for folder in config.theme.dirs:
        names |= {path.stem for path in Path(folder, "partials", "languages").glob("*.html")}
    return names
