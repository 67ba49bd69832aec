"""Interface strings: the shipped catalogs, language resolution, plurals and site overrides."""

from __future__ import annotations

import logging
import re
import shutil
import string
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel import Locale
from babel.core import get_global, parse_locale
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from chancery.cli import main
from chancery.core.interface import LISTED_PER_KIND
from chancery.core.strings import (
    PACKAGE_DIR,
    TEMPLATE_NAME,
    Strings,
    StringsError,
    UnknownStringError,
    language_chain,
    update_folder,
)
from tests.conftest import BuildSite, of, page, site_config, write_tree

STRINGS = Strings.load()
SHIPPED = sorted(PACKAGE_DIR.glob("*.po"))
TEMPLATE = PACKAGE_DIR / TEMPLATE_NAME
#: The languages the package ships, by the tag each file is named by.
SHIPPED_TAGS = [
    "ar",
    "de",
    "en",
    "es",
    "fa",
    "fr",
    "he",
    "hi",
    "id",
    "it",
    "ja",
    "ko",
    "nl",
    "pl",
    "pt",
    "pt-BR",
    "ru",
    "sw",
    "th",
    "tr",
    "uk",
    "vi",
    "zh-Hans",
    "zh-Hant",
]


def _read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, abort_invalid=True)


def _entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def _forms(message: Message) -> tuple[str, ...]:
    value = message.string
    return tuple(value) if isinstance(value, tuple | list) else (str(value),)


def _ids(message: Message) -> tuple[str, ...]:
    value = message.id
    return tuple(value) if isinstance(value, tuple | list) else (str(value),)


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def po(tag: str, entries: dict[str, str | tuple[str, ...]], header: str = "") -> str:
    """A site's catalog as a translator's tool writes it: a header, then keyed entries."""
    plural = get_plural(Locale.parse(tag, sep="-"))
    lines = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {tag}\\n"',
        header or f'"Plural-Forms: nplurals={plural.num_plurals}; plural={plural.plural_expr};\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for key, text in entries.items():
        source = STRINGS.source(key) if key in STRINGS.keys else None
        lines.append(f'msgctxt "{key}"')
        if isinstance(text, tuple):
            assert source is not None and source.plural_text is not None
            lines += [f'msgid "{source.text}"', f'msgid_plural "{source.plural_text}"']
            lines += [f'msgstr[{index}] "{form}"' for index, form in enumerate(text)]
        else:
            lines += [f'msgid "{source.text if source else text}"', f'msgstr "{text}"']
        lines.append("")
    return "\n".join(lines)


# --- The shipped catalogs ----------------------------------------------------------------------


def test_the_package_ships_a_template_and_24_languages_named_by_bcp47_tags() -> None:
    assert sorted(path.stem for path in SHIPPED) == SHIPPED_TAGS
    assert len(SHIPPED_TAGS) == 24  # The six UN languages and the 18 the issue names.
    assert STRINGS.languages == tuple(SHIPPED_TAGS)
    assert len(STRINGS.keys) == len(_entries(_read(TEMPLATE))) > 200


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_catalog_parses_with_its_tag_and_babels_plural_forms(path: Path) -> None:
    catalog = _read(path)
    header = dict(catalog.mime_headers)
    text = path.read_text("utf-8")
    assert f'"Language: {path.stem}\\n"' in text
    expected = get_plural(Locale.parse(path.stem, sep="-"))
    assert (catalog.num_plurals, catalog.plural_expr) == (
        expected.num_plurals,
        expected.plural_expr,
    )
    assert header["Content-Type"] == "text/plain; charset=utf-8"
    assert not catalog.fuzzy
    # Every key of the template, with its English and flags, translated and not fuzzy.
    template = {str(m.context): m for m in _entries(_read(TEMPLATE))}
    entries = {str(m.context): m for m in _entries(catalog)}
    assert list(entries) == list(template)
    for key, message in entries.items():
        assert message.id == template[key].id, key
        assert set(message.flags) == set(template[key].flags), key
        assert all(_forms(message)), f"{path.name}: {key} is untranslated"
    assert list(catalog.check()) == []  # Babel's own checkers (plural counts, formats)


def test_every_shipped_catalog_passes_msgfmt_check() -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None, "msgfmt not found: install gettext (make tools)"
    for path in [*SHIPPED, TEMPLATE]:
        done = subprocess.run(
            [msgfmt, "--check", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "warning" not in done.stderr or path == TEMPLATE, done.stderr


@pytest.mark.parametrize("path", [TEMPLATE, *SHIPPED], ids=lambda path: path.name)
def test_every_entry_keeps_exactly_the_placeholders_of_its_english(path: Path) -> None:
    for message in _entries(_read(path)):
        english = _ids(message)
        names = _names(english[0])
        assert all(_names(text) == names for text in english), message.context
        assert ("python-brace-format" in message.flags) == bool(names), message.context
        for form in _forms(message):
            if not form:
                continue  # The template's empty msgstr.
            found = _names(form)
            # A plural form for one number only may write the number out, not {count}.
            allowed = found == names or (len(english) == 2 and found | {"count"} == names)
            assert allowed, f"{path.name}: {message.context}: {form!r} has {found}, not {names}"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_plural_entries_have_as_many_forms_as_the_language_has(path: Path) -> None:
    catalog = _read(path)
    plurals = [m for m in _entries(catalog) if len(_ids(m)) == 2]
    assert [str(m.context) for m in plurals] == list(STRINGS.plural_keys)
    for message in plurals:
        assert len(_forms(message)) == catalog.num_plurals, message.context
        assert "{count}" in message.id[0] and "{count}" in message.id[1]


def test_strings_read_the_catalogs_for_the_language_and_fall_back_to_english_last() -> None:
    assert STRINGS.text("notfound.title", "fr") == "Page introuvable"
    assert STRINGS.text("notfound.title", "zh") == "找不到页面"
    assert STRINGS.text("notfound.title", "ar") == "الصفحة غير موجودة"
    assert STRINGS.text("notfound.title", "lb") == "Page not found"
    assert STRINGS.missing("ko") == ()
    assert STRINGS.language_of("notfound.title", "zh") == "zh-Hans"
    assert STRINGS.language_of("notfound.title", "lb") == "en"
    with pytest.raises(UnknownStringError, match=r"no interface string 'notfound\.titel'"):
        STRINGS.text("notfound.titel", "fr")
    with pytest.raises(UnknownStringError, match="shows a count"):
        STRINGS.text("dashboard.density.measured", "fr")


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 1, "0.90 (measured on 1 translation)"),
        ("en", 0, "0.90 (measured on 0 translations)"),
        ("en", 7, "0.90 (measured on 7 translations)"),
        ("fr", 1, "0.90 (mesurée sur 1 traduction)"),
        ("fr", 7, "0.90 (mesurée sur 7 traductions)"),
        ("fr", 1_000_000, "0.90 (mesurée sur 1000000 de traductions)"),
        ("ar", 1, "0.90 (مقيسة على ترجمة واحدة)"),
        ("ar", 2, "0.90 (مقيسة على ترجمتين)"),
        ("ar", 5, "0.90 (مقيسة على 5 ترجمات)"),
        ("ar", 12, "0.90 (مقيسة على 12 ترجمة)"),
        ("ko", 1, "0.90(번역 1건으로 측정)"),
        ("ko", 40, "0.90(번역 40건으로 측정)"),
    ],
)
def test_plural_forms_follow_each_languages_rule(language: str, count: int, expected: str) -> None:
    form = STRINGS.plural("dashboard.density.measured", language, count)
    assert form.format(value="0.90", count=count) == expected


@settings(max_examples=200, deadline=None)
@given(
    language=st.sampled_from([*SHIPPED_TAGS, "zh", "de", "pt-BR", "en-GB"]),
    count=st.integers(min_value=0, max_value=10**12),
)
def test_any_count_gets_a_form_that_formats(language: str, count: int) -> None:
    for key in STRINGS.plural_keys:
        form = STRINGS.plural(key, language, count)
        names = STRINGS.source(key).placeholders
        text = form.format(**{name: f"<{name}>" for name in names})
        assert text and "{" not in text


# --- Language resolution -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Strings:
    """The package plus a site's catalogs of Swedish, Chinese and Serbian variants."""
    folder = tmp_path_factory.mktemp("project") / "locales"
    write_tree(
        folder,
        {
            "sv.po": po(
                "sv", {"notfound.title": "Sidan hittades inte (sv)", "search.title": "Sök"}
            ),
            "sv-FI.po": po("sv-FI", {"notfound.title": "Sidan hittades inte (FI)"}),
            "zh-Hant.po": po("zh-Hant", {"notfound.title": "找不到網頁"}),
            "sr.po": po("sr", {"notfound.title": "Страница није пронађена"}),
            "sr-Latn.po": po("sr-Latn", {"notfound.title": "Stranica nije pronađena"}),
        },
    )
    return Strings.load(folder)


@pytest.mark.parametrize(
    ("tag", "catalogs"),
    [
        ("zh", ("zh-Hans",)),
        ("zh-CN", ("zh-Hans",)),
        ("zh-Hans", ("zh-Hans",)),
        ("zh-hans-cn", ("zh-Hans",)),
        ("zh-TW", ("zh-Hant",)),
        ("zh-Hant", ("zh-Hant",)),
        ("zh-HK", ("zh-Hant",)),
        ("pt", ("pt",)),
        ("pt-BR", ("pt-BR", "pt")),
        ("pt-PT", ("pt",)),
        ("sv-FI", ("sv-FI", "sv")),
        ("sv-SE", ("sv",)),
        ("nl-BE", ("nl",)),
        ("en-GB", ("en",)),
        ("en", ("en",)),
        ("sr-Latn", ("sr-Latn",)),
        ("sr-Latn-RS", ("sr-Latn",)),
        ("sr", ("sr",)),
        ("sr-RS", ("sr",)),
        ("ar-EG", ("ar",)),
        ("tlh", ()),
        ("de", ("de",)),
        ("lb", ()),
    ],
)
def test_tags_resolve_to_catalogs_of_their_language_and_script(
    variants: Strings, tag: str, catalogs: tuple[str, ...]
) -> None:
    assert variants.catalogs_for(tag) == catalogs


def test_a_regional_variant_reads_its_own_entries_then_its_languages(variants: Strings) -> None:
    assert variants.text("notfound.title", "sv-FI") == "Sidan hittades inte (FI)"
    assert variants.text("search.title", "sv-FI") == "Sök"  # from sv.po
    assert variants.text("notfound.title", "sv-SE") == "Sidan hittades inte (sv)"
    assert variants.text("notfound.title", "zh-TW") == "找不到網頁"
    assert variants.text("notfound.title", "zh-CN") == "找不到页面"
    assert variants.text("notfound.title", "sr-Latn") == "Stranica nije pronađena"
    # What neither sv-FI.po nor sv.po translates is English, and reported as missing.
    assert variants.text("notfound.home", "sv-FI") == "Go to the home page"
    missing = variants.missing("sv-FI")
    assert "notfound.home" in missing
    assert "notfound.title" not in missing and "search.title" not in missing
    assert len(missing) == len(variants.keys) - 2
    assert variants.missing("tlh") == variants.keys


_SUBTAG = st.sampled_from(["", "Latn", "Cyrl", "Hans", "Hant", "Arab"])
_REGION = st.sampled_from(["", "CN", "TW", "HK", "BR", "PT", "RS", "GB", "US", "EG"])
_LANGUAGE = st.sampled_from(["zh", "pt", "sr", "en", "ar", "de", "ja", "ko", "uz", "tlh"])


@settings(max_examples=300, deadline=None)
@given(language=_LANGUAGE, script=_SUBTAG, region=_REGION)
def test_any_tag_resolves_within_its_language_and_never_to_another_script(
    variants: Strings, language: str, script: str, region: str
) -> None:
    tag = "-".join(part for part in (language, script, region) if part)
    chain = language_chain(tag)
    assert chain[0] == tag
    assert all(candidate.split("-")[0] == language for candidate in chain)
    wanted = script or _script_of(tag)
    # Every candidate is written in the tag's script (as Babel's likely subtags read it).
    assert all(_script_of(candidate) in (wanted, None) for candidate in chain), chain
    for catalog in variants.catalogs_for(tag):
        assert catalog.split("-")[0] == language


def _script_of(tag: str) -> str | None:
    """A tag's script: its own subtag, else the one CLDR's likely subtags give it."""
    language, territory, script = parse_locale(tag, sep="-")[:3]
    table = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else "", language):
        if not script and key in table:
            return parse_locale(table[key])[2]
    return script


# --- A site's own folder -------------------------------------------------------------------------


def _news(title: str, *, translated: bool = True) -> str:
    """A news item; a translation of the English one unless ``translated`` is False."""
    fields = {"translation_of": of("en")} if translated else {}
    return page(
        title,
        type="news",
        date="2026-05-01T09:00:00+09:00",
        updated="2026-05-02T09:00:00+09:00",
        **fields,
    )


def _homes(*languages: str) -> dict[str, str]:
    """A home page in each language, English's the source."""
    return {
        f"{code}/index.md": page("Home", **({"translation_of": of("en")} if code != "en" else {}))
        for code in languages
    }


def _dates(site: Path, path: str) -> list[str]:
    """The words before the dates of a page's meta line: its published and updated labels."""
    soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
    items = soup.select(".chancery-meta__item")
    assert len(items) == 2, path
    return [item.get_text(" ", strip=True).split(" ")[0] for item in items]


def test_a_site_overrides_one_string_and_adds_a_language_in_a_real_build(
    build_site: BuildSite, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_tree(
        tmp_path / "project" / "locales",
        {
            "ko.po": po("ko", {"published": "발행일"}),
            "lb.po": po("lb", {"published": "Publizéiert", "updated": "Aktualiséiert"}),
        },
    )
    files = {
        **_homes("en", "lb", "ko"),
        "en/news/visit.md": _news("Visit", translated=False),
        "lb/news/visit.md": _news("Besuch"),
        "ko/news/visit.md": _news("방문"),
    }
    with caplog.at_level(logging.INFO):
        site = build_site(
            files,
            languages=(("en", "foreign"), ("lb", "foreign"), ("ko", "domestic")),
            languages_options={"translation_gate": "warn"},
        )
    assert _dates(site, "news/visit/index.html") == ["Published", "Updated"]
    # The site's override of one Korean string; the package's other Korean strings still apply.
    assert _dates(site, "ko/news/visit/index.html") == ["발행일", "수정일"]
    assert _dates(site, "lb/news/visit/index.html") == ["Publizéiert", "Aktualiséiert"]
    # The parity gate (set to warn) reports the strings Luxembourgish still lacks.
    total = len(STRINGS.keys)
    listed = LISTED_PER_KIND
    assert f"interface: lb: and {total - 2 - listed} more strings" in caplog.text
    assert "interface: lb: string 'published'" not in caplog.text
    assert "interface: ko:" not in caplog.text and "interface: en:" not in caplog.text


def test_a_build_in_a_language_without_a_catalog_reports_every_string_missing(
    build_site: BuildSite, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        **_homes("en", "lb"),
        "en/news/visit.md": _news("Visit", translated=False),
        "lb/news/visit.md": _news("Besuch"),
    }
    with caplog.at_level(logging.INFO):
        site = build_site(
            files,
            languages=(("en", "foreign"), ("lb", "foreign")),
            languages_options={"translation_gate": "warn"},
        )
    total = len(STRINGS.keys)
    assert f"interface: lb: and {total - LISTED_PER_KIND} more strings" in caplog.text
    assert (
        "interface: lb: string 'alert.more': translate it (msgctxt \"alert.more\") in "
        "locales/lb.po" in caplog.text
    )
    assert STRINGS.missing("lb") == STRINGS.keys
    # The reader still gets words, in English, the last resort.
    assert _dates(site, "lb/news/visit/index.html") == ["Published", "Updated"]


@pytest.mark.parametrize(
    ("catalog", "missing", "stale"),
    [
        # No Luxembourgish catalog: the whole sentence is English, names and date included.
        (
            None,
            "This page is not yet available in Luxembourgish. It is shown in its original "
            "language, English.",
            "The English version of this page was updated on May 2, 2026; this translation may "
            "not include the changes yet.",
        ),
        (
            {
                "notice.missing": "Dës Säit ass nach net op {language} verfügbar. Si gëtt an "
                "hirer Originalsprooch gewisen: {original}.",
            },
            "Dës Säit ass nach net op Lëtzebuergesch verfügbar. Si gëtt an hirer Originalsprooch "
            "gewisen: Englesch.",
            "The English version of this page was updated on May 2, 2026; this translation may "
            "not include the changes yet.",
        ),
    ],
)
def test_a_notice_is_written_in_one_language_names_and_dates_included(
    build_site: BuildSite,
    tmp_path: Path,
    catalog: dict[str, str | tuple[str, ...]] | None,
    missing: str,
    stale: str,
) -> None:
    if catalog is not None:
        write_tree(tmp_path / "project" / "locales", {"lb.po": po("lb", catalog)})
    updated = "2026-05-02T09:00:00+09:00"
    files = {
        **_homes("en", "lb"),
        "en/news/only.md": page("Only in English", type="news", date=updated),
        "en/news/changed.md": page("Changed", "New text.", type="news", date=updated),
        "lb/news/changed.md": page(
            "Geännert", type="news", date=updated, translation_of=of("en", "Old text.")
        ),
    }
    site = build_site(
        files,
        languages=(("en", "foreign"), ("lb", "foreign")),
        languages_options={"translation_gate": "warn"},
    )

    def notice(path: str, kind: str) -> str:
        soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
        found = soup.select_one(f".chancery-notice--{kind} p")
        assert found is not None, path
        return found.get_text(" ", strip=True).removesuffix(" Read the original")

    assert notice("lb/news/only/index.html", "missing") == missing
    assert notice("lb/news/changed/index.html", "stale") == stale


def _catalog_without(tag: str, like: str, key: str) -> str:
    """A catalog of ``tag`` holding every string of the package's ``like`` catalog but ``key``."""
    entries: dict[str, str | tuple[str, ...]] = {}
    for name in STRINGS.keys:
        if name == key:
            continue
        source = STRINGS.source(name)
        if source.plural_text is None:
            entries[name] = STRINGS.text(name, like)
        else:
            entries[name] = tuple(STRINGS.plural(name, like, count) for count in (1, 2))
    return po(tag, entries)


def test_one_string_missing_from_a_catalog_fails_the_gate_and_status_lists_it(
    build_site: BuildSite,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Luxembourgish, written (for the test) as a copy of the German catalog minus one string.
    write_tree(
        tmp_path / "project" / "locales",
        {"lb.po": _catalog_without("lb", "de", "notice.missing")},
    )
    files = {**_homes("en", "lb"), "en/news/visit.md": _news("Visit", translated=False)}
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=(("en", "foreign"), ("lb", "foreign")))
    assert "Parity gate: 1 required translation gap" in caplog.text
    assert (
        "interface: lb: string 'notice.missing': translate it (msgctxt \"notice.missing\") in "
        "locales/lb.po"
    ) in caplog.text
    capsys.readouterr()
    assert main(["status", "-f", str(tmp_path / "project/mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "  lb: string 'notice.missing': translate it" in out
    assert "Parity gate: FAILED: 1 required gap blocks the build" in out


def test_mkdocs_serve_watches_the_sites_catalogs(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_tree(project / "strings", {"fr.po": po("fr", {"published": "Paru le"})})
    settings = site_config(
        (("en", "foreign"),),
        plugins=[{"chancery/content": {"languages": [{"code": "en"}], "locales_dir": "strings"}}],
    )
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), "utf-8")
    write_tree(project / "content", {"en/index.md": page("Home")})
    config = load_config(config_file=str(project / "mkdocs.yml"))
    content = config.plugins["chancery/content"]
    content.on_config(config)
    assert str(project / "strings") in config.watch
    assert content.strings().text("published", "fr") == "Paru le"


def test_a_site_catalog_with_a_changed_placeholder_fails_the_build_naming_file_and_line(
    build_site: BuildSite, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_tree(
        tmp_path / "project" / "locales",
        {"fr.po": po("fr", {"lifecycle.withdrawn": "Page retirée le {jour}."})},
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"en/index.md": page("Home")}, languages=(("en", "foreign"), ("fr", "foreign")))
    assert (
        "locales/fr.po:8: lifecycle.withdrawn: the translation has the placeholders {jour} where "
        "the English text has {date}; keep them exactly as they are" in caplog.text
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"xx-notalanguage.po": ""}, "'xx-notalanguage' is not a language tag Babel knows"),
        ({"fr.po": 'msgid "x"\nmsgstr "y"\n'}, "fr.po:1: 'x' has no msgctxt"),
        (
            {"fr.po": 'msgctxt "a"\nmsgid "x"\nmsgstr "y"\nbad\n'},
            "fr.po: not a valid PO file",
        ),
        (
            {"ar.po": po("ar", {"dashboard.density.measured": ("{count}",) * 7})},
            "ar.po: not a valid PO file",
        ),
        (
            {"ar.po": po("ar", {"dashboard.density.measured": ("{count} {count}",) * 6})},
            "the translation has the placeholders {count} where the English text has {count}, "
            "{value}",
        ),
        (
            {"fr.po": po("fr", {"notfound.title": "{page} introuvable"})},
            "notfound.title: the translation has the placeholders {page} where the English text "
            "has none",
        ),
        (
            {
                "fr.po": po("fr", {"notfound.title": "A", "search.title": "B"}).replace(
                    "search.title", "notfound.title"
                )
            },
            "fr.po:12: notfound.title is defined twice (also at line 8)",
        ),
        ({"pt_BR.po": "", "pt-BR.po": ""}, "pt_BR.po: pt-BR.po is the same language (pt-BR)"),
    ],
)
def test_a_bad_site_catalog_is_an_error_that_names_the_file_and_the_fix(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    write_tree(tmp_path / "locales", files)
    with pytest.raises(StringsError) as raised:
        Strings.load(tmp_path / "locales", relative_to=tmp_path)
    assert message in str(raised.value)
    assert "locales/" in str(raised.value)


def test_fuzzy_empty_and_short_plural_site_entries_count_as_untranslated(tmp_path: Path) -> None:
    entries: dict[str, str | tuple[str, ...]] = {
        "published": "Publizéiert",
        "updated": "",
        "search.title": "Sichen",
    }
    text = po("lb", entries).replace('msgctxt "published"', '#, fuzzy\nmsgctxt "published"')
    # Arabic has six plural forms: an entry with two is not a translation yet.
    arabic = po("ar", {"dashboard.density.measured": ("{count} {value}", "{count} {value}")})
    write_tree(tmp_path / "locales", {"lb.po": text, "ar.po": arabic})
    strings = Strings.load(tmp_path / "locales")
    assert strings.text("published", "lb") == "Published"
    assert strings.text("search.title", "lb") == "Sichen"
    assert {"published", "updated"} <= set(strings.missing("lb"))
    assert "search.title" not in strings.missing("lb")
    assert strings.plural("dashboard.density.measured", "ar", 2) == "{value} (مقيسة على ترجمتين)"


def test_a_site_may_add_keys_for_its_own_templates(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "locales",
        {
            "en.po": po("en", {"site.banner": "Elections on Sunday"}),
            "fr.po": po("fr", {"site.banner": "Élections dimanche"}),
        },
    )
    strings = Strings.load(tmp_path / "locales")
    assert strings.text("site.banner", "fr") == "Élections dimanche"
    assert strings.text("site.banner", "ko") == "Elections on Sunday"
    assert strings.missing("ko") == ("site.banner",)


# --- Keeping catalogs up to date -----------------------------------------------------------------


def test_updating_the_package_catalogs_from_the_template_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "locales"
    shutil.copytree(PACKAGE_DIR, copy)
    (copy / TEMPLATE_NAME).unlink()
    updates = update_folder(copy)
    assert [update.tag for update in updates] == SHIPPED_TAGS
    assert all(
        not update.added and not update.fuzzy and not update.untranslated for update in updates
    )
    for path in SHIPPED:
        assert (copy / path.name).read_bytes() == path.read_bytes(), path.name


def test_chancery_strings_update_adds_a_language_and_marks_changed_english_fuzzy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: content\nplugins:\n  - chancery/content:\n      languages:\n"
        "        - {code: en, role: foreign}\n        - {code: fr, role: domestic}\n"
        "      locales_dir: strings\n",
        "utf-8",
    )
    fr = po("fr", {"notfound.title": "Page absente", "site.banner": "Élections"})
    # The translator worked from older English: the entry is kept, and marked for review.
    fr = fr.replace('msgid "Page not found"', 'msgid "Page not there"')
    write_tree(tmp_path / "strings", {"fr.po": fr})
    config = str(tmp_path / "mkdocs.yml")
    assert main(["strings", "update", "-f", config, "--language", "lb"]) == 0
    out = capsys.readouterr().out
    total = len(STRINGS.keys)
    assert f"strings/lb.po: created; {total} strings, {total} to translate" in out
    # French is shipped: the site's file holds its overrides only, and gets no new entries.
    assert (
        "strings/fr.po: 2 overrides of the package's strings; "
        "English changed, marked fuzzy: notfound.title"
    ) in out
    updated = _read(tmp_path / "strings" / "fr.po")
    entry = updated.get("Page not found", context="notfound.title")
    assert entry is not None and entry.fuzzy and entry.string == "Page absente"
    assert '#| msgid "Page not there"' in (tmp_path / "strings" / "fr.po").read_text("utf-8")
    assert updated.get("Élections", context="site.banner") is not None  # the site's own key
    assert len(_entries(updated)) == 2
    strings = Strings.load(tmp_path / "strings")
    assert strings.text("notfound.title", "fr") == "Page introuvable"  # fuzzy: not shown
    assert strings.text("site.banner", "fr") == "Élections"
    created = (tmp_path / "strings" / "lb.po").read_text("utf-8")
    assert '"Language: lb\\n"' in created and "nplurals=2; plural=(n != 1);" in created


# --- Cost ----------------------------------------------------------------------------------------


def test_a_build_loads_the_catalogs_once_for_every_language(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their cost (tens of milliseconds) is paid once per `mkdocs build`, not per language.
    loads: list[object] = []
    load = Strings.load.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Strings], *arguments: Any, **options: Any) -> Strings:
        loads.append(arguments)
        result: Strings = load(cls, *arguments, **options)
        return result

    monkeypatch.setattr(Strings, "load", classmethod(counted))
    build_site(
        {**_homes("en", "fr", "ko")},
        languages=(("en", "foreign"), ("fr", "foreign"), ("ko", "domestic")),
    )
    assert len(loads) == 1


def test_the_demo_dashboard_shows_the_density_count_in_the_right_plural(demo_site: Path) -> None:
    soup = BeautifulSoup(
        (demo_site / "internal/language-service/index.html").read_text("utf-8"), "lxml"
    )
    cells = [cell.get_text(strip=True) for cell in soup.select("td")]
    measured = [m for cell in cells if (m := re.search(r"measured on (\d+) (\w+)\)", cell))]
    assert measured
    for match in measured:
        noun = "translation" if match.group(1) == "1" else "translations"
        assert match.group(2) == noun, match.group(0)
