"""Site-wide alerts: the data file's checks, the banner in every language, and no trace after.

The unit tests read alerts files with exact editor messages; the build tests parse real sites:
the banner on every page of every language (fallback pages included) in the reader's
language, its structured data, and a canary scan of every output file for alerts that ended or
have not started, with clock flips at the start and the end.
"""

from __future__ import annotations

import json
import logging
import posixpath
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from chancery.core.alerts import json_ld, load_alerts
from chancery.core.errors import ContentErrors
from chancery.core.languages import LanguagePolicy
from chancery.core.strings import Strings
from tests.conftest import TEST_NOW, BuildSite, of, page
from tests.consular_support import (
    LANGUAGES,
    alerts_file,
    build_project,
    canary_hits,
    consular_config,
    html_pages,
    language_of,
    soup_of,
)

#: The package's interface strings, as a build without a locales folder reads them.
STRINGS = Strings.load()

POLICY = LanguagePolicy.from_roles(list(LANGUAGES))
NOW = datetime.fromisoformat(TEST_NOW)
CODES = tuple(code for code, _ in LANGUAGES)

STORM = {
    "en": {"title": "Typhoon Mirae: stay indoors", "text": "Winds over <b>150 km/h</b> & rain."},
    "fr": {"title": "Typhon Mirae : restez à l'intérieur", "text": "Vents de plus de 150 km/h."},
    "ar": {"title": "إعصار ميراي: ابقوا في منازلكم", "text": "رياح تتجاوز 150 كم/ساعة."},
    "ko": {
        "title": "태풍 미래: 실내에 머무르십시오",
        "text": "초속 40미터 이상의 강풍이 예상됩니다.",
    },
}
ALERTS = [
    {
        "id": "typhoon-mirae",
        "severity": "critical",
        "start": "2026-11-20T00:00:00+00:00",
        "end": "2026-11-30T00:00:00+00:00",
        "link": "about.md",
        "text": STORM,
    },
    {
        "id": "call-centre-hours",
        "severity": "info",
        "start": "2026-11-01T00:00:00+00:00",
        "end": "2026-12-31T00:00:00+00:00",
        "text": {"en": {"title": "Longer call centre hours", "text": "Open 24 hours a day."}},
    },
    {
        "id": "endedcanary-drill",
        "severity": "warning",
        "start": "2026-11-01T00:00:00+00:00",
        "end": "2026-11-22T11:59:59+00:00",
        "text": {code: {"title": "ENDEDCANARY drill", "text": "ENDEDCANARY."} for code in CODES},
    },
    {
        "id": "futurecanary-drill",
        "severity": "critical",
        "start": "2026-11-22T12:00:01+00:00",
        "end": "2026-12-01T00:00:00+00:00",
        "text": {code: {"title": "FUTURECANARY", "text": "FUTURECANARY."} for code in CODES},
    },
]


def _homes() -> dict[str, str]:
    return {
        "en/index.md": page("Home"),
        "fr/index.md": page("Accueil", translation_of=of("en")),
        "ar/index.md": page("الرئيسية", translation_of=of("en")),
        "ko/index.md": page("홈", translation_of=of("en")),
    }


def _load(tmp_path: Path, text: str, now: datetime = NOW) -> None:
    (tmp_path / "_alerts.yml").write_text(text, encoding="utf-8")
    load_alerts(tmp_path / "_alerts.yml", "content/_alerts.yml", POLICY, now)


# -- the data file ------------------------------------------------------------------------


def test_a_valid_file_gives_the_current_alerts_most_urgent_first(tmp_path: Path) -> None:
    (tmp_path / "_alerts.yml").write_text(alerts_file(ALERTS), encoding="utf-8")
    alerts = load_alerts(tmp_path / "_alerts.yml", "content/_alerts.yml", POLICY, NOW)
    assert [alert.id for alert in alerts.active(NOW)] == ["typhoon-mirae", "call-centre-hours"]
    assert [alert.id for alert in alerts.active(datetime(2026, 11, 25, tzinfo=UTC))] == [
        "futurecanary-drill",
        "typhoon-mirae",
        "call-centre-hours",
    ]


def test_a_missing_file_means_no_alerts(tmp_path: Path) -> None:
    alerts = load_alerts(tmp_path / "_alerts.yml", "content/_alerts.yml", POLICY, NOW)
    assert alerts.alerts == ()


GOOD = """alerts:
  - id: strike
    severity: warning
    start: 2026-11-20T09:00:00+09:00
    end: 2026-11-29T00:00:00+01:00
    text:
      en:
        title: Strikes
        text: Trains are cancelled.
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("severity:", "severty:"),
            "content/_alerts.yml:3: alerts.0.severty: unknown field (did you mean 'severity'?); "
            "correct or remove it",
        ),
        (
            GOOD.replace("    severity: warning\n", ""),
            "content/_alerts.yml:2: alerts.0.severity: required; add a line such as "
            "`severity: warning`",
        ),
        (
            GOOD.replace("warning", "urgent"),
            "content/_alerts.yml:3: alerts.0.severity: 'urgent' is not allowed; use one of "
            "'info', 'warning' or 'critical'",
        ),
        (
            GOOD.replace("2026-11-20T09:00:00+09:00", "2026-11-20T09:00:00"),
            "content/_alerts.yml:4: alerts.0.start: needs a UTC offset, e.g. "
            "2026-05-01T09:00:00+09:00",
        ),
        (
            GOOD.replace("2026-11-29T00:00:00+01:00", "2026-11-19T00:00:00+01:00"),
            "content/_alerts.yml:5: alerts.0.end: is not after start; an alert ends after it "
            "starts",
        ),
        (
            GOOD.replace("      en:", "      de:"),
            "content/_alerts.yml:7: alerts.0.text.de: 'de' is not a language of this site; use "
            "one of en, fr, ar, ko",
        ),
        (
            GOOD.replace("        title: Strikes\n", ""),
            "content/_alerts.yml:7: alerts.0.text.en.title: required; add a line such as "
            '`title: "Transport strikes in France"`',
        ),
        (
            GOOD + "    id: again\n",
            "content/_alerts.yml:10: alerts.0.id: duplicate key (already set on line 2); keep "
            "only one",
        ),
        (
            GOOD + GOOD.removeprefix("alerts:\n"),
            "content/_alerts.yml:10: alerts.1.id: 'strike' is already the id of alert 0 (line 2); "
            "give each alert its own id",
        ),
        (
            GOOD.replace("    text:\n", "    link: javascript:alert(1)\n    text:\n"),
            "content/_alerts.yml:6: alerts.0.link: 'javascript:alert(1)' is neither a content "
            "page nor an https URL; write a path inside the language folders such as "
            "consular/emergency-assistance.md, or https://...",
        ),
        (
            GOOD.replace("id: strike", "id: &a strike"),
            "content/_alerts.yml:2: anchors (&a) are not allowed; write the value out in full",
        ),
        (
            "alert:\n" + GOOD.removeprefix("alerts:\n"),
            "content/_alerts.yml:1: alert: unknown field (did you mean 'alerts'?); correct or "
            "remove it",
        ),
    ],
)
def test_a_bad_file_is_refused_with_the_line_the_field_and_the_fix(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ContentErrors) as error:
        _load(tmp_path, text)
    assert message in [str(item) for item in error.value.errors]


def test_a_critical_alert_must_be_written_in_every_foreign_language(tmp_path: Path) -> None:
    text = GOOD.replace("warning", "critical")
    with pytest.raises(ContentErrors) as error:
        _load(tmp_path, text)
    assert [str(item) for item in error.value.errors] == [
        "content/_alerts.yml:6: alerts.0.text: critical alert 'strike' has no text in fr, ar; "
        "a critical alert must be written in every foreign language before it can be "
        "published (or lower its severity to warning)"
    ]
    # The domestic language is not required; an alert that has ended is not checked again.
    complete = text + "".join(
        f"      {code}:\n        title: T\n        text: T.\n" for code in ("fr", "ar")
    )
    _load(tmp_path, complete)
    _load(tmp_path, text, now=datetime(2026, 12, 1, tzinfo=UTC))


def test_json_ld_cannot_close_its_element() -> None:
    text = json_ld({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}


# -- the banner in real builds ------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {
        **_homes(),
        "en/about.md": page("About the ministry"),
        "_alerts.yml": alerts_file(ALERTS),
    }
    return build_project(tmp_path_factory.mktemp("alerts"), files)


def test_the_banner_is_on_every_page_of_every_language_in_its_language(site: Path) -> None:
    pages = html_pages(site)
    # Four homes, the about page and its three fallbacks: all carry the banner.
    assert len(pages) == 8
    for path in pages:
        language = language_of(site, path, CODES)
        soup = soup_of(path)
        assert soup.html is not None and soup.html["lang"] == language, path
        # The banner above the header; a home page shows the same alerts under its title.
        alerts = soup.select("[data-chancery-alerts] .chancery-alert")
        assert [alert["class"][1] for alert in alerts] == [
            "chancery-alert--critical",
            "chancery-alert--info",
        ], path
        critical, info = alerts
        severity = critical.select_one(".chancery-alert__severity")
        assert severity is not None
        assert severity.get_text().startswith(STRINGS.text("alert.severity.critical", language))
        assert STORM[language]["title"] in critical.get_text(), path
        # The info alert exists in English only: shown in English, marked as such, and said so.
        title = info.select("strong")[1]
        assert title.get_text() == "Longer call centre hours"
        if language == "en":
            assert not title.has_attr("lang") and not info.select(".chancery-alert__untranslated")
        else:
            assert title["lang"] == "en" and title["dir"] == "ltr"
            assert info.select_one(".chancery-alert__untranslated") is not None


def test_the_banner_is_on_fallback_pages_in_the_readers_language(site: Path) -> None:
    soup = soup_of(site / "ar/about/index.html")
    assert soup.select_one(".chancery-notice--missing") is not None
    banner = soup.select_one(".md-banner")
    assert banner is not None
    assert STORM["ar"]["title"] in banner.get_text()
    assert STRINGS.text("alert.severity.critical", "ar") in banner.get_text()


def test_the_banner_links_to_the_alerts_light_page_and_its_link(site: Path) -> None:
    for path in html_pages(site):
        language = language_of(site, path, CODES)
        critical = soup_of(path).select_one(".chancery-alert--critical")
        assert critical is not None
        light, more = critical.select(".chancery-alert__links a")
        base = posixpath.dirname(path.relative_to(site).as_posix())
        target = site / posixpath.normpath(posixpath.join(base, str(light["href"]))) / "index.html"
        assert target.is_file(), (path, light["href"])
        heading = soup_of(target).h1
        assert heading is not None and heading.get_text() == STORM[language]["title"]
        about = posixpath.normpath(posixpath.join(base, str(more["href"])))
        assert about == ("" if language == "en" else f"{language}/") + "about"


def test_alert_text_is_escaped_in_html_and_in_structured_data(site: Path) -> None:
    raw = (site / "index.html").read_text(encoding="utf-8")
    assert "Winds over &lt;b&gt;150 km/h&lt;/b&gt; &amp; rain." in raw
    assert "<b>150" not in raw
    assert "Winds over \\u003cb\\u003e150 km/h\\u003c/b\\u003e \\u0026 rain." in raw


def test_every_page_with_the_banner_has_special_announcements(site: Path) -> None:
    for path in html_pages(site):
        language = language_of(site, path, CODES)
        soup = soup_of(path)
        data = [
            json.loads(script.string or "")
            for script in soup.head.select('script[type="application/ld+json"]')
        ]  # type: ignore[union-attr]
        announcements = [item for item in data if item.get("@type") == "SpecialAnnouncement"]
        assert [item["name"] for item in announcements] == [
            STORM[language]["title"],
            "Longer call centre hours",
        ], path
        storm = announcements[0]
        assert storm["@context"] == "https://schema.org"
        assert storm["inLanguage"] == language
        assert storm["datePosted"] == "2026-11-20T00:00:00+00:00"
        assert storm["expires"] == "2026-11-30T00:00:00+00:00"
        prefix = "" if language == "en" else f"{language}/"
        assert storm["url"] == f"https://ministry.example/{prefix}light/alerts/typhoon-mirae/"


def test_ended_and_future_alerts_leave_no_trace_in_any_file(site: Path) -> None:
    assert canary_hits(site, "ENDEDCANARY") == []
    assert canary_hits(site, "FUTURECANARY") == []
    # The scanner does see what is there: the current alert, in pages, light pages and names.
    hits = canary_hits(site, "typhoon-mirae")
    assert "light/alerts/typhoon-mirae/index.html" in hits
    assert "ko/index.html" in hits
    assert not [path for path in site.rglob("*") if "alerts.yml" in path.name]


# -- the build clock ----------------------------------------------------------------------

FLIP = [
    {
        "id": "flip",
        "severity": "warning",
        "start": "2026-11-22T12:00:00+00:00",
        "end": "2026-11-23T12:00:00+00:00",
        "text": {code: {"title": f"FLIPCANARY {code}", "text": "Drill."} for code in CODES},
    }
]


@pytest.mark.parametrize(
    ("now", "shown"),
    [
        ("2026-11-22T11:59:59+00:00", False),
        ("2026-11-22T12:00:00+00:00", True),
        ("2026-11-23T11:59:59+00:00", True),
        ("2026-11-23T12:00:00+00:00", False),
    ],
)
def test_the_banner_shows_from_start_to_end_on_the_build_clock(
    build_site: BuildSite, now: str, shown: bool
) -> None:
    site = build_site(
        {**_homes(), "_alerts.yml": alerts_file(FLIP)},
        languages=LANGUAGES,
        config=consular_config(),
        now=now,
    )
    for code in CODES:
        home = site / ("" if code == "en" else code) / "index.html"
        banner = soup_of(home).select_one("[data-chancery-alerts]")
        if shown:
            assert banner is not None and f"FLIPCANARY {code}" in banner.get_text()
            assert (
                site / ("" if code == "en" else code) / "light/alerts/flip/index.html"
            ).is_file()
        else:
            assert banner is None, (now, code)
    assert bool(canary_hits(site, "FLIPCANARY")) == shown
    assert bool(canary_hits(site, "alerts/flip")) == shown


# -- failures -----------------------------------------------------------------------------


def test_a_critical_alert_missing_a_language_fails_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    alert = {**ALERTS[0], "text": {code: STORM[code] for code in ("en", "fr", "ko")}}
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {**_homes(), "_alerts.yml": alerts_file([alert])},
            languages=LANGUAGES,
            config=consular_config(),
        )
    assert (
        "content/_alerts.yml:7: alerts.0.text: critical alert 'typhoon-mirae' has no text in ar"
        in caplog.text
    )


def test_a_link_to_an_unpublished_page_fails_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    alert = {**ALERTS[1], "link": "news/embargoed.md"}
    files = {
        **_homes(),
        "en/news/embargoed.md": page(
            "Later", type="news", date="2026-11-01T00:00:00Z", publish_at="2026-12-01T00:00:00Z"
        ),
        "_alerts.yml": alerts_file([alert]),
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES, config=consular_config())
    assert (
        "content/_alerts.yml:10: alerts.0.link: 'news/embargoed.md' is not published at build "
        "time" in caplog.text
    )


def test_an_alerts_file_without_underscore_is_not_copied(build_site: BuildSite) -> None:
    site = build_site(
        {**_homes(), "en/about.md": page("About"), "alerts.yml": alerts_file(ALERTS)},
        languages=LANGUAGES,
        config=consular_config(alerts_file="alerts.yml"),
    )
    assert not [path for path in site.rglob("*") if path.name == "alerts.yml"]
    assert canary_hits(site, "ENDEDCANARY") == []
    assert soup_of(site / "index.html").select_one(".chancery-alert--critical") is not None


# -- the demo portal ----------------------------------------------------------------------

DEMO_TITLES = {
    "en": "France: national transport strikes from 24 to 28 November",
    "fr": "France : grèves nationales des transports du 24 au 28 novembre",
    "es": "Francia: huelgas nacionales de transporte del 24 al 28 de noviembre",
    "zh": "法国：11月24日至28日举行全国性交通罢工",  # noqa: RUF001
    "ar": "فرنسا: إضرابات وطنية في قطاع النقل من 24 إلى 28 نوفمبر",
    "ko": "프랑스: 11월 24일~28일 전국 교통 파업",
}


def test_the_demo_banner_is_on_every_page_generated_ones_included(demo_site: Path) -> None:
    codes = tuple(DEMO_TITLES)
    pages = html_pages(demo_site)
    assert len(pages) > 200
    for path in pages:
        language = language_of(demo_site, path, codes)
        banner = soup_of(path).select_one("[data-chancery-alerts] .chancery-alert--warning")
        assert banner is not None, path
        assert DEMO_TITLES[language] in banner.get_text(), path
    # The ended demo alert (floods in Upper Egypt) and the scheduled one leave no trace.
    assert canary_hits(demo_site, "upper-egypt-flash-floods") == []
    assert canary_hits(demo_site, "mexico-city-embassy-closed") == []
    assert canary_hits(demo_site, "Guadalupe") == []
