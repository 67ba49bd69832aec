"""Any language: a site unlike the demo, in six languages with regional and script tags.

English is the domestic language and is served at the root; German, Japanese, Brazilian
Portuguese, Traditional Chinese and Arabic are foreign. A reader of each foreign language must
see no English interface text (strings taken from the English catalog itself), tags and
sections named in their language, BCP 47 tags everywhere, and titles that never repeat.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort

from chancery.cli import main
from chancery.core.audiences import parse_regions
from chancery.core.catalog import load_catalog
from chancery.core.interface import interface_gaps
from chancery.core.languages import LanguagePolicy
from chancery.core.strings import PACKAGE_DIR
from chancery.core.taxonomy import Topics
from tests.conftest import TEST_NOW, BuildSite, build_in, of, page, site_config, write_tree

#: (tag, role), in policy order.
LANGUAGES = (
    ("en", "domestic"),
    ("de", "foreign"),
    ("ja", "foreign"),
    ("pt-BR", "foreign"),
    ("zh-Hant", "foreign"),
    ("ar", "foreign"),
)
FOREIGN = tuple(code for code, role in LANGUAGES if role == "foreign")
#: The ministry's name in each language.
MINISTRY = {
    "en": "Federal Foreign Office of Testland",
    "de": "Auswärtiges Amt von Testland",
    "ja": "テストランド外務省",
    "pt-BR": "Ministério das Relações Exteriores da Testlândia",
    "zh-Hant": "測試蘭外交部",
    "ar": "وزارة خارجية تستلاند",
}
#: Each page's title and one sentence of text, in each language.
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "index.md": {
        "en": (MINISTRY["en"], "Welcome to the ministry's portal."),
        "de": (MINISTRY["de"], "Willkommen auf dem Portal des Ministeriums."),
        "ja": (MINISTRY["ja"], "外務省のポータルへようこそ。"),
        "pt-BR": (MINISTRY["pt-BR"], "Bem-vindo ao portal do ministério."),
        "zh-Hant": (MINISTRY["zh-Hant"], "歡迎瀏覽外交部網站。"),
        "ar": (MINISTRY["ar"], "مرحبا بكم في بوابة الوزارة."),
    },
    "about.md": {
        "en": ("About the ministry", "The ministry conducts the country's foreign policy."),
        "de": ("Über das Ministerium", "Das Ministerium gestaltet die Außenpolitik des Landes."),
        "ja": ("外務省について", "外務省は国の外交政策を担っています。"),
        "pt-BR": ("Sobre o ministério", "O ministério conduz a política externa do país."),
        "zh-Hant": ("關於外交部", "外交部負責推動國家的外交政策。"),
        "ar": ("عن الوزارة", "تتولى الوزارة تنفيذ السياسة الخارجية للبلاد."),
    },
    "industries/index.md": {
        "en": ("Industries", "The industries that trade with the world."),
        "de": ("Branchen", "Die Branchen, die mit der Welt handeln."),
        "ja": ("産業", "世界と取引する産業。"),
        "pt-BR": ("Setores", "Os setores que comerciam com o mundo."),
        "zh-Hant": ("產業", "與世界進行貿易的產業。"),
        "ar": ("القطاعات", "القطاعات التي تتاجر مع العالم."),
    },
    "industries/energy.md": {
        "en": ("Energy", "Wind and solar power for export."),
        "de": ("Energie", "Wind- und Solarenergie für den Export."),
        "ja": ("エネルギー", "輸出向けの風力・太陽光発電。"),
        "pt-BR": ("Energia", "Energia eólica e solar para exportação."),
        "zh-Hant": ("能源", "供出口的風能與太陽能。"),
        "ar": ("الطاقة", "طاقة الرياح والطاقة الشمسية للتصدير."),
    },
    "news/trade-fair.md": {
        "en": ("The minister opens the trade fair", "The fair brings together 400 companies."),
        "de": ("Der Minister eröffnet die Messe", "Die Messe versammelt 400 Unternehmen."),
        "ja": ("大臣が見本市を開幕", "見本市には400社が集まります。"),
        "pt-BR": ("O ministro abre a feira comercial", "A feira reúne 400 empresas."),
        "zh-Hant": ("部長為貿易展開幕", "本次展會匯集400家企業。"),
        "ar": ("الوزير يفتتح المعرض التجاري", "يجمع المعرض 400 شركة."),
    },
}
#: The one tag, named in each language.
TAGS = {
    "energy": {
        "en": "Energy",
        "de": "Energie",
        "ja": "エネルギー",
        "pt-BR": "Energia",
        "zh-Hant": "能源",
        "ar": "الطاقة",
    }
}
NEWS = {"type": "news", "date": "2026-10-01T09:00:00+01:00", "tags": ["energy"]}


def _files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "_tags.yml": yaml.safe_dump(TAGS, allow_unicode=True),
        # Only in English: every other language shows it as an honest fallback.
        "en/news/briefing.md": page("Press briefing", "The spokesperson answered.", **NEWS),
    }
    for path, texts in TEXTS.items():
        fields: dict[str, Any] = dict(NEWS) if path.startswith("news/") else {}
        source_body = texts["en"][1]
        for code, (title, body) in texts.items():
            extra = {} if code == "en" else {"translation_of": of("en", source_body)}
            files[f"{code}/{path}"] = page(title, body, **fields, **extra)
    return files


def _config() -> dict[str, Any]:
    return {
        "site_name": MINISTRY["en"],
        "site_url": "https://foreign-office.testland.example/",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "font": False, "features": ["navigation.tabs"]},
        "plugins": [
            {
                "chancery/content": {
                    "root_language": "en",
                    "languages": [
                        {"code": code, "role": role, "site_name": MINISTRY[code]}
                        for code, role in LANGUAGES
                    ],
                }
            },
            "chancery/languages",
            "chancery/listings",
            "chancery/seo",
            "chancery/integrity",
            "chancery/search",
            "chancery/headers",
            "chancery/i18n",
        ],
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The six-language site, built once with --strict on the test clock."""
    project = tmp_path_factory.mktemp("any-language")
    write_tree(project / "content", _files())
    (project / "mkdocs.yml").write_text(yaml.safe_dump(_config(), allow_unicode=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        yield build_in(project, strict=True)


def _english_interface() -> list[str]:
    """The English catalog's strings, as fragments a page could show (placeholders cut out).

    Fragments shorter than a few letters ("PDF", "Atom") or that are names rather than
    sentences are left out: they can be the same in any language.
    """
    with (PACKAGE_DIR / "en.po").open("rb") as file:
        catalog = read_po(file)
    fragments: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        texts = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in texts:
            for fragment in re.split(r"\{[a-z_]+\}", text):
                fragment = fragment.strip(" .,:;()")
                if len(fragment) >= 6 and re.search(r"[a-z]{3}", fragment):
                    fragments.add(fragment)
    return sorted(fragments)


ENGLISH = _english_interface()


def _reader_text(soup: BeautifulSoup, language: str) -> str:
    """What a reader sees in the page's own language: text and labels, not foreign parts."""
    for foreign in soup.select("[lang]"):
        if foreign.name != "html" and foreign.get("lang") != language:
            foreign.decompose()
    for hidden in soup.select("script, style, noscript"):
        hidden.decompose()
    labels = [
        str(value)
        for node in soup.find_all(True)
        for name in ("aria-label", "title", "placeholder", "alt")
        if (value := node.get(name))
    ]
    return " ".join([soup.get_text(" "), *labels])


def _pages(site: Path, language: str) -> list[Path]:
    return sorted((site / language).rglob("*.html"))


@pytest.mark.parametrize("language", FOREIGN)
def test_no_english_interface_text_reaches_a_foreign_reader(site: Path, language: str) -> None:
    assert len(ENGLISH) > 150  # The catalog, not an empty list, is what is checked.
    # Whole words only: German "Startseite" is not the English "Starts".
    english = re.compile("|".join(rf"(?<!\w){re.escape(e)}(?!\w)" for e in ENGLISH))
    found = []
    for path in _pages(site, language):
        text = _reader_text(BeautifulSoup(path.read_text("utf-8"), "lxml"), language)
        found += [
            f"{path.relative_to(site)}: {m!r}" for m in english.findall(" ".join(text.split()))
        ]
    assert found == []


@pytest.mark.parametrize("language", FOREIGN)
def test_pages_carry_the_bcp47_tag_and_direction(site: Path, language: str) -> None:
    soup = BeautifulSoup((site / language / "index.html").read_text("utf-8"), "lxml")
    html = soup.find("html")
    assert isinstance(html, Tag)
    assert html.get("lang") == language
    assert html.get("dir") == ("rtl" if language == "ar" else "ltr")
    alternates = {
        str(link["hreflang"]): str(link["href"])
        for link in soup.select("link[rel=alternate][hreflang]")
    }
    prefix = "https://foreign-office.testland.example/"
    assert alternates["pt-BR"] == f"{prefix}pt-BR/"
    assert alternates["zh-Hant"] == f"{prefix}zh-Hant/"
    assert alternates["x-default"] == prefix  # English, the root language.


@pytest.mark.parametrize("language", FOREIGN)
def test_sections_and_tags_are_named_in_the_readers_language(site: Path, language: str) -> None:
    soup = BeautifulSoup(
        (site / language / "industries/energy/index.html").read_text("utf-8"), "lxml"
    )
    tabs = [link.get_text(strip=True) for link in soup.select(".md-tabs__link")]
    assert TEXTS["industries/index.md"][language][0] in tabs
    assert "Industries" not in tabs and "industries" not in tabs
    news = BeautifulSoup(
        (site / language / "news/trade-fair/index.html").read_text("utf-8"), "lxml"
    )
    chips = [chip.get_text(strip=True) for chip in news.select(".md-tag")]
    assert TAGS["energy"][language] in chips
    assert "energy" not in chips


@pytest.mark.parametrize("language", [code for code, _ in LANGUAGES])
def test_titles_name_the_site_once(site: Path, language: str) -> None:
    prefix = "" if language == "en" else f"{language}/"
    home = BeautifulSoup((site / prefix / "index.html").read_text("utf-8"), "lxml")
    assert home.title is not None and home.title.get_text() == MINISTRY[language]
    about = BeautifulSoup((site / prefix / "about/index.html").read_text("utf-8"), "lxml")
    assert about.title is not None
    assert about.title.get_text() == f"{TEXTS['about.md'][language][0]} - {MINISTRY[language]}"


@pytest.mark.parametrize("language", FOREIGN)
def test_a_fallbacks_title_is_in_its_originals_language(site: Path, language: str) -> None:
    soup = BeautifulSoup((site / language / "news/briefing/index.html").read_text("utf-8"), "lxml")
    assert soup.title is not None
    assert soup.title.get_text() == f"Press briefing - {MINISTRY['en']}"


def test_feeds_and_sitemap_use_the_tags(site: Path) -> None:
    rss = (site / "pt-BR/feeds/all/rss.xml").read_text("utf-8")
    assert "<language>pt-BR</language>" in rss
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert 'hreflang="zh-Hant" href="https://foreign-office.testland.example/zh-Hant/"' in sitemap


# Each finding of the "any language" review, on a small site of its own ----------------------


def test_an_underscore_tag_is_refused_with_the_bcp47_spelling(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"en/index.md": page("Home")}, languages=(("en", "foreign"), ("pt_BR", "foreign"))
        )
    assert (
        "mkdocs.yml: plugins: chancery/content: languages: 'pt_BR' is not a BCP 47 language tag "
        "such as fr, pt-BR or zh-Hant; write it as 'pt-BR'"
    ) in caplog.text


def test_a_language_the_theme_cannot_speak_is_an_error_with_the_fix(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    # Yoruba: CLDR knows it; Material ships no interface strings for it.
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"en/index.md": page("Home"), "yo/index.md": page("Ilé", translation_of=of("en"))},
            languages=(("en", "foreign"), ("yo", "foreign")),
            languages_options={"translation_gate": "warn"},  # No Yoruba catalog either.
        )
    assert (
        "languages: yo: Material has no interface translation for this language; add one as "
        "overrides/partials/languages/yo.html"
    ) in caplog.text


def test_english_domestic_at_the_root_and_no_domestic_language_measure_against_the_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    for languages in (
        (("en", "foreign"), ("de", "foreign")),
        (("en", "domestic"), ("de", "foreign")),
    ):
        project = tmp_path / languages[0][1]
        write_tree(
            project / "content",
            {
                "en/index.md": page("Home", "Text."),
                "de/index.md": page("Start", "Text.", translation_of=of("en", "Text.")),
            },
        )
        config = site_config(languages)
        config["plugins"][0]["chancery/content"]["root_language"] = "en"
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
        assert main(["metrics", "-f", str(project / "mkdocs.yml")]) == 0
        table = capsys.readouterr().out
        rows = {line.split()[0]: line for line in table.splitlines() if line[:3] in ("en ", "de ")}
        assert "(reference)" in rows["en"] and "(reference)" not in rows["de"]
        assert "(domestic)" not in table
        assert (build_in(project) / "index.html").is_file()  # English at the root either way.


def test_sections_tags_and_regions_without_a_name_are_interface_gaps(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "content",
        {
            "en/industries/energy.md": page("Energy", tags=["energy"]),
            "de/industries/energy.md": page("Energie", tags=["energy"], translation_of=of("en")),
            "en/industries/index.md": page("Industries"),
        },
    )
    policy = LanguagePolicy.from_roles([("en", "foreign"), ("de", "foreign")])
    catalog = load_catalog(tmp_path / "content", policy.codes, tmp_path)
    topics = Topics({"energy": {"en": "Energy"}}, "content/_tags.yml")
    regions = parse_regions(
        [{"slug": "europe", "names": {"en": "Europe"}, "countries": ["DE"], "languages": ["de"]}]
    )
    gaps = interface_gaps(
        policy, catalog, datetime.fromisoformat(TEST_NOW), topics=topics, regions=regions
    )
    assert [gap.line() for gap in gaps] == [
        "de: region 'europe': add `de: ...` to the names of region 'europe' in mkdocs.yml "
        "(chancery/content: regions)",
        "de: section 'industries': add content/de/industries/index.md, titled in Deutsch; its "
        "folder name would show instead",
        "de: tag 'energy': add `de: ...` with its name under 'energy' in content/_tags.yml",
    ]
