"""Honest languages in real builds: fallbacks, the selector, canonical links and the gate."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from tests.conftest import BuildSite, of, page

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ar", "foreign"), ("ko", "domestic"))
STATEMENT = {"type": "statement", "kind": "statement", "date": "2026-11-20T09:00:00+09:00"}
NEWS = {"type": "news", "date": "2026-11-01T09:00:00+09:00"}


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _homes() -> dict[str, str]:
    return {
        "en/index.md": page("Home"),
        "fr/index.md": page("Accueil", translation_of=of("en")),
        "ar/index.md": page("الرئيسية", translation_of=of("en")),
        "ko/index.md": page("홈", translation_of=of("en")),
    }


@pytest.fixture
def site(build_site: BuildSite) -> Path:
    return build_site(
        {
            **_homes(),
            "ko/news/visit.md": page("장관 방문", "한국어 원문.", **NEWS),
            "en/news/visit.md": page(
                "Minister's visit", "English text.", translation_of=of("ko", "한국어 원문."), **NEWS
            ),
            "fr/news/visit.md": page(
                "Visite", "Texte.", translation_of=of("ko", "Ancien texte."), **NEWS
            ),
        },
        languages=LANGUAGES,
    )


def test_missing_translation_gets_a_fallback_page_with_canonical_to_the_original(
    site: Path,
) -> None:
    soup = _soup(site, "ar/news/visit")
    canonical = soup.find("link", rel="canonical")
    assert canonical is not None
    assert canonical["href"] == "https://ministry.example/news/visit/"
    assert "English text." in soup.get_text()
    assert "한국어 원문." not in soup.get_text()


def test_selector_leads_to_the_same_page_in_every_language_in_policy_order(site: Path) -> None:
    soup = _soup(site, "fr/news/visit")
    links = [(a["hreflang"], a["href"]) for a in soup.select(".md-select__link")]
    assert links == [
        ("en", "../../../news/visit/"),
        ("fr", "./"),
        ("ar", "../../../ar/news/visit/"),
        ("ko", "../../../ko/news/visit/"),
    ]
    for _, href in links:
        target = (site / "fr/news/visit" / href / "index.html").resolve()
        assert target.exists(), href


def test_fallback_pages_are_not_in_search_or_sitemap(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text())
    assert not any(doc["location"].startswith("ar/news/visit") for doc in index["docs"])
    sitemap = (site / "sitemap.xml").read_text()
    assert "/ar/news/visit/" not in sitemap
    assert "/fr/news/visit/" in sitemap


def test_gate_fails_on_a_missing_required_page_and_names_it(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        **_homes(),
        "ko/statements/s.md": page("성명", **STATEMENT),
        "en/statements/s.md": page("Statement", translation_of=of("ko"), **STATEMENT),
        "fr/statements/s.md": page("Déclaration", translation_of=of("ko"), **STATEMENT),
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES)
    assert "Parity gate: 1 required translation gap;" in caplog.text
    assert "ar statements/s.md: missing for 2 days (required, grace 14 days); blocks the build" in (
        caplog.text
    )


def test_gate_set_to_warn_builds_and_serves_the_fallback(build_site: BuildSite) -> None:
    files = {**_homes(), "ko/statements/s.md": page("성명", **STATEMENT)}
    site = build_site(files, languages=LANGUAGES, languages_options={"translation_gate": "warn"})
    assert (site / "ar/statements/s/index.html").exists()
    assert (site / "statements/s/index.html").exists()


def test_head_lists_real_versions_only_absolute_with_x_default(site: Path) -> None:
    alternates = [
        (link["hreflang"], link["href"])
        for link in _soup(site, "fr/news/visit").find_all("link", rel="alternate")
        if link.get("hreflang")
    ]
    assert alternates == [
        ("en", "https://ministry.example/news/visit/"),
        ("fr", "https://ministry.example/fr/news/visit/"),
        ("ko", "https://ministry.example/ko/news/visit/"),
        ("x-default", "https://ministry.example/news/visit/"),
    ]
    fallback = _soup(site, "ar/news/visit").find_all("link", attrs={"hreflang": True})
    assert fallback == []


def test_domestic_page_lagging_a_foreign_source_says_so_in_korean(
    build_site: BuildSite,
) -> None:
    site = build_site(
        {
            **_homes(),
            "en/news/open-day.md": page(
                "Open day", "Updated text.", **NEWS, updated="2026-11-10T09:00:00+09:00"
            ),
            "ko/news/open-day.md": page(
                "공관 개방 행사", "한국어 번역.", translation_of=of("en", "First text."), **NEWS
            ),
        },
        languages=LANGUAGES,
    )
    notice = _soup(site, "ko/news/open-day").select_one(".chancery-notice--stale")
    assert notice is not None
    assert "원문(영어)이 2026년 11월 10일에 수정되었습니다" in notice.get_text()
    link = notice.find("a")
    assert link is not None and link["href"] == "../../../news/open-day/"


def test_editing_a_source_makes_translations_stale_in_the_banner_and_the_gate(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    statement = {**STATEMENT, "date": "2026-10-01T09:00:00+09:00"}
    files = {
        **_homes(),
        "ko/statements/s.md": page("성명", "원문.", **statement),
        **{
            f"{code}/statements/s.md": page(
                title, "Text.", translation_of=of("ko", "원문."), **statement
            )
            for code, title in (("en", "Statement"), ("fr", "Déclaration"), ("ar", "بيان"))
        },
    }
    site = build_site(files, languages=LANGUAGES)
    assert _soup(site, "fr/statements/s").select(".chancery-notice") == []

    # The source is corrected three weeks before the build clock: past the 14-day grace.
    files["ko/statements/s.md"] = page(
        "성명", "고친 원문.", updated="2026-11-01T09:00:00+09:00", **statement
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES)
    for code in ("en", "fr", "ar"):
        assert (
            f"{code} statements/s.md: stale for 21 days (required, grace 14 days); "
            "blocks the build" in caplog.text
        )

    site = build_site(files, languages=LANGUAGES, languages_options={"translation_gate": "warn"})
    notice = _soup(site, "fr/statements/s").select_one(".chancery-notice--stale")
    assert notice is not None
    assert "a été mise à jour le 1 novembre 2026" in notice.get_text()
