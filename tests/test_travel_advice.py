"""Travel advice: change notes and levels, contacts from the missions, overview, JSON and feeds.

A tiny site with France (translated, with a history of levels) and Egypt (English only, so a
fallback elsewhere) is built once; the JSON index and the Atom feeds are read with real
parsers and matched against the pages they describe. The demo portal is checked too.
"""

from __future__ import annotations

import json
import logging
import posixpath
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from mkdocs.exceptions import Abort

from chancery.core import models
from chancery.core.catalog import load_catalog
from chancery.core.errors import ContentErrors
from chancery.core.models import TravelAdviceContent
from chancery.core.travel_advice import check_travel_advice, level_history
from tests.conftest import TEST_NOW, BuildSite, of, page, write_tree
from tests.consular_support import build_project, consular_config, soup_of

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))
SCHEMA = json.loads(
    (
        Path(models.__file__).resolve().parent.parent / "schemas/travel-advice-index.schema.json"
    ).read_text("utf-8")
)
SITE_URL = "https://ministry.example/"

BODY = """**Level 2.** Take care.

## Safety {#safety}

Pickpockets.

## Entry requirements {#entry-requirements}

A passport.

## Health {#health}

Insurance.

## Local laws {#local-laws}

Carry ID. See [our embassy](../missions/paris.md).
"""
FRANCE = {
    "type": "travel-advice",
    "country": "FR",
    "level": 2,
    "date": "2026-06-01T09:00:00+09:00",
    "updated": "2026-11-10T09:00:00+09:00",
}
HISTORY_EN = [
    {"date": "2026-06-01T09:00:00+09:00", "level": 1, "note": "First published."},
    {"date": "2026-09-01T09:00:00+09:00", "level": 2, "note": "Raised to level 2: strikes."},
    {"date": "2026-11-10T09:00:00+09:00", "note": "Entry requirements updated."},
]
HISTORY_FR = [
    {"date": "2026-06-01T09:00:00+09:00", "level": 1, "note": "Première publication."},
    {"date": "2026-09-01T09:00:00+09:00", "level": 2, "note": "Passage au niveau 2 : grèves."},
    {"date": "2026-11-10T09:00:00+09:00", "note": "Formalités d'entrée mises à jour."},
]
HISTORY_KO = [
    {"date": "2026-06-01T09:00:00+09:00", "level": 1, "note": "최초 게시."},
    {"date": "2026-09-01T09:00:00+09:00", "level": 2, "note": "파업으로 2단계 상향."},
    {"date": "2026-11-10T09:00:00+09:00", "note": "입국 요건 수정."},
]
MISSION = {
    "type": "mission",
    "kind": "embassy",
    "country": "FR",
    "city": "Paris",
    "phone": "+33 1 53 75 12 00",
    "emergency_phone": "+33 6 07 45 12 00",
}
CAIRO = {
    **MISSION,
    "country": "EG",
    "city": "Cairo",
    "address": "15 Taha Hussein Street, Cairo",
    "phone": "+20 2 2736 1000",
    "emergency_phone": "+20 100 123 4500",
}
HELP = {"type": "consular-service", "service": "emergency-assistance"}


def _files() -> dict[str, str]:
    egypt = {**FRANCE, "country": "EG", "level": 3}
    del egypt["updated"]
    return {
        "en/index.md": page("Home"),
        "fr/index.md": page("Accueil", translation_of=of("en")),
        "ko/index.md": page("홈", translation_of=of("en")),
        "en/travel-advice/france.md": page(
            "Travel advice: France", BODY, changes=HISTORY_EN, **FRANCE
        ),
        "fr/travel-advice/france.md": page(
            "Conseils aux voyageurs : France",
            BODY,
            changes=HISTORY_FR,
            translation_of=of("en", BODY),
            **FRANCE,
        ),
        "ko/travel-advice/france.md": page(
            "해외안전여행: 프랑스",
            BODY,
            changes=HISTORY_KO,
            translation_of=of("en", BODY),
            **FRANCE,
        ),
        "en/travel-advice/egypt.md": page("Travel advice: Egypt", BODY, **egypt),
        "en/missions/paris.md": page(
            "Embassy in France", address="12 avenue Hoche, Paris, France", **MISSION
        ),
        "fr/missions/paris.md": page(
            "Ambassade en France",
            address="12, avenue Hoche, Paris",
            translation_of=of("en"),
            **MISSION,
        ),
        "en/missions/cairo.md": page("Embassy in Egypt", **CAIRO),
        "en/consular/help.md": page("Emergency help", "We help.", **HELP),
        "fr/consular/help.md": page(
            "Aide", "Nous aidons.", translation_of=of("en", "We help."), **HELP
        ),
        "ko/consular/help.md": page(
            "긴급 지원", "돕습니다.", translation_of=of("en", "We help."), **HELP
        ),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(
        tmp_path_factory.mktemp("advice"),
        _files(),
        languages=LANGUAGES,
        languages_options={"translation_gate": "warn"},
        consular_call_centre="+82 2 3210 0404",
    )


def _prefix(code: str) -> str:
    return "" if code == "en" else f"{code}/"


def _local(site: Path, url: str) -> Path:
    """The output file of an absolute URL of the site."""
    path = site / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def _text(node: Any) -> str:
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).split())


# -- the content model --------------------------------------------------------------------


def _advice(**fields: Any) -> str:
    return page("T", BODY, **{**FRANCE, **fields})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"changes": HISTORY_EN[:2]},
            "content/en/travel-advice/x.md:8: updated: every update of travel advice needs a "
            "change note; add to changes an entry such as {date: 2026-11-10T09:00:00+09:00, "
            "note: What changed}",
        ),
        (
            {"changes": HISTORY_EN, "updated": None},
            "content/en/travel-advice/x.md:1: updated: missing; set it to the date of the newest "
            "change, 2026-11-10T09:00:00+09:00",
        ),
        (
            {"changes": HISTORY_EN, "level": 3},
            "content/en/travel-advice/x.md:6: level: is 3, but the newest change that sets a level "
            "(2026-09-01T09:00:00+09:00) sets 2; make them agree",
        ),
        (
            {"changes": HISTORY_EN[1:]},
            "content/en/travel-advice/x.md:9: changes: record the level at publication too, so "
            "that the history of levels is complete: add {date: 2026-06-01T09:00:00+09:00, "
            "level: N, note: First published}",
        ),
        (
            {"changes": [{"date": "2026-05-01T09:00:00+09:00", "note": "Before."}, *HISTORY_EN]},
            "content/en/travel-advice/x.md:9: changes: an entry is dated before date; the advice "
            "did not exist yet",
        ),
        (
            {"changes": [{**HISTORY_EN[0], "level": 5}, *HISTORY_EN[1:]]},
            "content/en/travel-advice/x.md:11: changes.0.level: '5' is beyond the maximum of 4",
        ),
    ],
)
def test_every_update_needs_a_change_note_and_levels_agree(
    tmp_path: Path, fields: dict[str, Any], message: str
) -> None:
    text = _advice(**fields)
    text = "\n".join(line for line in text.splitlines() if line != "updated: null") + "\n"
    write_tree(tmp_path / "content", {"en/travel-advice/x.md": text})
    with pytest.raises(ContentErrors) as error:
        load_catalog(tmp_path / "content", ("en",), tmp_path)
    assert [str(item) for item in error.value.errors] == [message]


def test_the_history_gives_the_level_in_force_after_each_change() -> None:
    content = TravelAdviceContent.model_validate(
        {"title": "T", "description": "D.", "changes": HISTORY_EN, **FRANCE}
    )
    history = level_history(content)
    assert [(entry.level, entry.level_changed, entry.note) for entry in history] == [
        (2, False, "Entry requirements updated."),
        (2, True, "Raised to level 2: strikes."),
        (1, False, "First published."),
    ]
    plain = TravelAdviceContent.model_validate(
        {"title": "T", "description": "D.", **{**FRANCE, "updated": None}}
    )
    assert [(entry.level, entry.note) for entry in level_history(plain)] == [(2, None)]


def test_sections_one_page_per_country_and_one_level_per_advice(tmp_path: Path) -> None:
    files = {
        "en/travel-advice/france.md": _advice(changes=HISTORY_EN),
        "fr/travel-advice/france.md": page(
            "T", BODY, **{**FRANCE, "level": 3, "updated": None}, translation_of=of("en", BODY)
        ),
        "en/travel-advice/paris.md": page(
            "P", "## Safety\n\nNo marks.", **{**FRANCE, "updated": None}
        ),
    }
    write_tree(tmp_path / "content", files)
    catalog = load_catalog(tmp_path / "content", ("en", "fr"), tmp_path)
    from datetime import datetime

    errors = [
        str(error)
        for error in check_travel_advice(catalog, datetime.fromisoformat(TEST_NOW), "content/")
    ]
    assert errors == [
        "content/en/travel-advice/paris.md: body: no section marked #safety, "
        "#entry-requirements, #health, #local-laws; mark each section's heading, e.g. "
        "`## Health {#health}` (the sections are #safety, #entry-requirements, #health, "
        "#local-laws)",
        "content/en/travel-advice/paris.md: country: FR already has travel advice in "
        "content/en/travel-advice/france.md; keep one page per country",
        "content/en/travel-advice/france.md: level: the versions of this advice disagree "
        "(content/en/travel-advice/france.md says 2, content/fr/travel-advice/france.md says 3); "
        "a level is a fact, not a translation: set the same level, with a change note, in every "
        "language",
    ]


def test_a_build_fails_on_unmarked_sections(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "en/index.md": page("Home"),
        "en/travel-advice/france.md": page(
            "T", "## Safety\n\nText.", **{**FRANCE, "updated": None}
        ),
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            files, languages=(("en", "foreign"),), config=consular_config((("en", "foreign"),))
        )
    assert "content/en/travel-advice/france.md: body: no section marked #safety" in caplog.text


# -- the advice page ----------------------------------------------------------------------


def test_emergency_contacts_come_from_the_mission_pages(site: Path) -> None:
    english = soup_of(site / "travel-advice/france/index.html").select_one(".chancery-emergency")
    assert english is not None
    assert "+33 6 07 45 12 00" in _text(english) and "+82 2 3210 0404" in _text(english)
    assert _text(english.find("address")) == "12 avenue Hoche, Paris, France"
    # In French, the French version of the mission page; the numbers are the same data.
    french = soup_of(site / "fr/travel-advice/france/index.html").select_one(".chancery-emergency")
    assert french is not None and _text(french.find("address")) == "12, avenue Hoche, Paris"
    link = french.select_one("dd a")
    assert link is not None and link["href"] == "../../missions/paris/"
    # Egypt's mission exists in English only: its address is shown marked as English.
    egypt = soup_of(site / "fr/travel-advice/egypt/index.html").select_one(".chancery-emergency")
    assert egypt is not None and "+20 100 123 4500" in _text(egypt)
    address = egypt.find("address")
    assert address is not None and address.parent is not None
    assert address.parent["lang"] == "en"
    # The body never held these numbers: they are pulled, not copied.
    assert "+33 6 07 45 12 00" not in BODY


def test_consular_pages_list_every_missions_emergency_contacts(site: Path) -> None:
    for code in ("en", "fr", "ko"):
        block = soup_of(site / f"{_prefix(code)}consular/help/index.html").select_one(
            ".chancery-emergency"
        )
        assert block is not None, code
        countries = [_text(heading) for heading in block.find_all("h3")]
        assert len(countries) == 2, code
        assert "+33 6 07 45 12 00" in _text(block) and "+20 100 123 4500" in _text(block)


def test_the_history_of_levels_is_visible_on_the_page(site: Path) -> None:
    soup = soup_of(site / "fr/travel-advice/france/index.html")
    table = soup.select_one("#history table")
    assert table is not None
    rows = [[_text(cell) for cell in row.find_all("td")] for row in table.select("tbody tr")]
    assert [row[2] for row in rows] == [note["note"] for note in reversed(HISTORY_FR)]
    assert rows[0][1] == "Niveau 2 sur 4 : Faire preuve d'une vigilance renforcée"
    assert rows[1][1].endswith("changement de niveau")
    assert rows[2][1] == "Niveau 1 sur 4 : Faire preuve des précautions habituelles"
    # The generic change list is not shown twice.
    assert len(soup.select("[id$=history-title]")) == 1


def test_the_page_links_its_light_version_and_feed(site: Path) -> None:
    soup = soup_of(site / "fr/travel-advice/france/index.html")
    feed = soup.head.find("link", type="application/atom+xml", href="atom.xml")  # type: ignore[union-attr]
    assert feed is not None and (site / "fr/travel-advice/france/atom.xml").is_file()
    links = soup.select(".chancery-advice__links a")
    light = posixpath.normpath(posixpath.join("fr/travel-advice/france", str(links[0]["href"])))
    assert light == "fr/light/travel-advice/france"
    assert (site / light / "index.html").is_file()


# -- overview, index.json and feeds -------------------------------------------------------


@pytest.mark.parametrize("code", ["en", "fr", "ko"])
def test_the_overview_has_a_table_by_level(site: Path, code: str) -> None:
    path = site / f"{_prefix(code)}travel-advice/overview/index.html"
    soup = soup_of(path)
    sections = soup.select("section.chancery-overview")
    assert [section.h2["id"] for section in sections] == ["chancery-level-3", "chancery-level-2"]  # type: ignore[index]
    for section, country in zip(sections, ("EG", "FR"), strict=True):
        row = section.select_one("tbody th a")
        assert row is not None
        target = posixpath.normpath(
            posixpath.join(f"{_prefix(code)}travel-advice/overview", str(row["href"]))
        )
        page_soup = soup_of(site / target / "index.html")
        assert page_soup.select_one(".chancery-level")["data-level"] == section.h2["id"][-1]  # type: ignore[index]
        assert country in {"EG", "FR"}
    # Egypt is not translated: the overview says in which language its summary is.
    egypt_summary = sections[0].select_one("tbody td")
    assert egypt_summary is not None
    assert (egypt_summary.get("lang") == "en") == (code != "en")


@pytest.mark.parametrize("code", ["en", "fr", "ko"])
def test_index_json_is_valid_and_matches_the_pages(site: Path, code: str) -> None:
    document = json.loads((site / f"{_prefix(code)}travel-advice/index.json").read_text("utf-8"))
    Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(
        document
    )
    assert document["language"] == code
    assert [entry["country"] for entry in document["countries"]] == ["EG", "FR"]
    for entry in document["countries"]:
        soup = soup_of(_local(site, entry["url"]))
        assert soup.html["lang"] == code  # type: ignore[index]
        badge = soup.select_one(".chancery-level")
        assert badge is not None and int(str(badge["data-level"])) == entry["level"]
        times = [time["datetime"] for time in soup.select(".chancery-meta time")]
        assert times[-1] == entry["updated"]
        assert _local(site, entry["light_url"]).is_file()
        assert _local(site, entry["feed_url"]).is_file()
    egypt, france = document["countries"]
    assert egypt["text_language"] == "en" and france["text_language"] == code
    assert france["updated"] == "2026-11-10T09:00:00+09:00"


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_country_feed_is_valid_and_matches_the_history(site: Path, code: str) -> None:
    raw = (site / f"{_prefix(code)}travel-advice/france/atom.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    page_soup = soup_of(site / f"{_prefix(code)}travel-advice/france/index.html")
    assert feed.feed.title == _text(page_soup.h1)
    assert feed.feed.language == code
    assert feed.feed.link == f"{SITE_URL}{_prefix(code)}travel-advice/france/"
    history = HISTORY_EN if code == "en" else HISTORY_FR
    assert [entry.title for entry in feed.entries] == [item["note"] for item in reversed(history)]
    assert [entry.updated for entry in feed.entries] == [item["date"] for item in reversed(history)]
    assert feed.entries[1].content[0].value.startswith(("Level 2 of 4", "Niveau 2 sur 4"))


def test_an_untranslated_advice_links_to_its_original_feed(site: Path) -> None:
    # Egypt is a fallback in French: it has its French page, light page and feed all the same.
    assert (site / "fr/travel-advice/egypt/index.html").is_file()
    assert (site / "fr/travel-advice/egypt/atom.xml").is_file()
    feed = feedparser.parse((site / "fr/travel-advice/egypt/atom.xml").read_bytes())
    assert feed.bozo == 0 and feed.feed.language == "en"


# -- the demo portal ----------------------------------------------------------------------

DEMO_LANGUAGES = ("en", "fr", "es", "zh", "ar", "ko")


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_the_demo_publishes_advice_in_every_language(demo_site: Path, code: str) -> None:
    prefix = _prefix(code)
    document = json.loads((demo_site / f"{prefix}travel-advice/index.json").read_text("utf-8"))
    Draft202012Validator(SCHEMA).validate(document)
    assert {entry["country"]: entry["level"] for entry in document["countries"]} == {
        "EG": 2,
        "FR": 1,
    }
    for entry in document["countries"]:
        assert entry["text_language"] == code
        assert entry["url"].startswith(f"https://mofa.haneul.example/{prefix}travel-advice/")
        feed = feedparser.parse(_local_demo(demo_site, entry["feed_url"]).read_bytes())
        assert feed.bozo == 0 and feed.entries
    overview = BeautifulSoup(
        (demo_site / f"{prefix}travel-advice/overview/index.html").read_text("utf-8"), "lxml"
    )
    assert [s.h2["id"] for s in overview.select("section.chancery-overview")] == [  # type: ignore[index]
        "chancery-level-2",
        "chancery-level-1",
    ]
    egypt = BeautifulSoup(
        (demo_site / f"{prefix}travel-advice/egypt/index.html").read_text("utf-8"), "lxml"
    )
    assert "+20 100 123 4500" in _text(egypt.select_one(".chancery-emergency"))
    assert len(egypt.select("#history tbody tr")) == 2


def _local_demo(site: Path, url: str) -> Path:
    return site / url.removeprefix("https://mofa.haneul.example/")
