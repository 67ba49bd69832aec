"""Any language: a site unlike the demo, in six languages with regional and script tags.

English is the domestic language and is served at the root; German, Japanese, Brazilian
Portuguese, Traditional Chinese and Arabic are foreign. A reader of each foreign language must
see no English interface text (strings taken from the English catalog itself), tags and
sections named in their language, BCP 47 tags everywhere, and titles that never repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Tag

from chancery.core.strings import PACKAGE_DIR
from tests.conftest import TEST_NOW, build_in, of, page, write_tree

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
    files: dict[str, str | bytes] = {"_tags.yml": yaml.safe_dump(TAGS, allow_unicode=True)}
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
            {"chancery/languages": {"translation_gate": "warn"}},
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


def test_feeds_and_sitemap_use_the_tags(site: Path) -> None:
    rss = (site / "pt-BR/feeds/all/rss.xml").read_text("utf-8")
    assert "<language>pt-BR</language>" in rss
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert 'hreflang="zh-Hant" href="https://foreign-office.testland.example/zh-Hant/"' in sitemap
