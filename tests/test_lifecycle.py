"""Withdrawal, change history and earlier administrations, in real builds."""

from __future__ import annotations

import copy
import logging
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from chancery.core.administrations import (
    AdministrationError,
    administration_at,
    parse_administrations,
)
from tests.conftest import BuildSite, of, page, site_config

NEWS = {"type": "news", "date": "2026-05-01T09:00:00+09:00"}
ADMINISTRATIONS = [
    {
        "name": {"en": "the 2017 to 2022 Moon administration", "ko": "2017~2022년 문 정부"},
        "start": "2017-05-10T00:00:00+09:00",
        "end": "2022-05-10T00:00:00+09:00",
    },
    {
        "name": {"en": "the Yoon administration", "ko": "윤 정부"},
        "start": "2022-05-10T00:00:00+09:00",
    },
]


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _config() -> dict[str, object]:
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    content = config["plugins"][0]["chancery/content"]
    content["administrations"] = copy.deepcopy(ADMINISTRATIONS)
    return config


def test_withdrawn_page_stays_online_with_a_notice_and_noindex(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/news/old.md": page(
                "Old position",
                **NEWS,
                withdrawn={
                    "date": "2026-06-01T09:00:00+09:00",
                    "reason": "Superseded by policy X.",
                },
            ),
            "en/news/current.md": page("Current", **NEWS),
        }
    )
    soup = _soup(site, "news/old")
    notice = soup.select_one(".chancery-notice--withdrawn")
    assert notice is not None
    assert "This page was withdrawn on June 1, 2026." in notice.get_text()
    assert "Superseded by policy X." in notice.get_text()
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    assert _soup(site, "news/current").find("meta", attrs={"name": "robots"}) is None


def test_change_history_is_shown_in_the_readers_language(build_site: BuildSite) -> None:
    changes = [
        {"date": "2026-05-02T09:00:00+09:00", "note": "수치 정정"},
        {"date": "2026-05-10T09:00:00+09:00", "note": "연락처 추가"},
    ]
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "ko/news/a.md": page("가", **NEWS, changes=changes),
        }
    )
    history = _soup(site, "ko/news/a").select_one(".chancery-history")
    assert history is not None
    assert history.h2 is not None and history.h2.get_text() == "변경 이력"
    items = [" ".join(item.get_text().split()) for item in history.select("li")]
    assert items == ["2026년 5월 2일 수치 정정", "2026년 5월 10일 연락처 추가"]
    times = [time["datetime"] for time in history.select("time")]
    assert times == ["2026-05-02T09:00:00+09:00", "2026-05-10T09:00:00+09:00"]


def test_political_page_from_an_earlier_administration_says_so(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/news/2019.md": page(
                "Policy of 2019", type="news", date="2019-03-01T09:00:00+09:00", political=True
            ),
            "en/news/2019-plain.md": page(
                "Notice of 2019", type="news", date="2019-03-01T09:00:00+09:00"
            ),
            "en/news/2026.md": page("Policy of 2026", **NEWS, political=True),
        },
        config=_config(),
    )
    banner = _soup(site, "news/2019").select_one(".chancery-notice--history")
    assert banner is not None
    assert (
        banner.get_text()
        .strip()
        .startswith("This was published under the 2017 to 2022 Moon administration.")
    )
    assert _soup(site, "news/2019-plain").select(".chancery-notice--history") == []
    assert _soup(site, "news/2026").select(".chancery-notice--history") == []


def test_overlapping_administrations_are_refused(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    config = _config()
    config["plugins"][0]["chancery/content"]["administrations"][0]["end"] = (  # type: ignore[index]
        "2023-01-01T00:00:00+09:00"
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"en/index.md": page("Home")}, config=config)
    assert "administrations overlap" in caplog.text


def test_administration_lookup() -> None:
    administrations = parse_administrations(ADMINISTRATIONS)
    moment = datetime.fromisoformat("2020-01-01T00:00:00+00:00")
    found = administration_at(administrations, moment)
    assert found is not None and found.name("ko", "en") == "2017~2022년 문 정부"
    assert (
        administration_at(administrations, datetime.fromisoformat("2010-01-01T00:00:00Z")) is None
    )
    with pytest.raises(AdministrationError, match="needs a UTC offset"):
        parse_administrations([{"name": {"en": "x"}, "start": "2020-01-01T00:00:00"}])
