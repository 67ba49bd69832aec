"""Language service metrics on a generated corpus whose figures are known in advance.

The corpus, on the test clock (2026-11-22), with Korean as the domestic language:

- Korean: 13 news items of 100 words (N0 in November 2025, outside the 12-month window; N1..N12
  one per month from December 2025 to November 2026), an about page of 50 words, and a live
  page dated after the clock (not yet "new"); a 500-word draft that must not count.
- English: current translations of N0..N9 (130 words each) and of the about page (65 words):
  1.3 English words per Korean word. A 500-word embargoed page must not count.
- Chinese: current translations of N1..N6, 200 characters each: 2 words per Korean word.
- Arabic (with vowel signs): current N1 and N2, a stale N3, and an expired N5 that must not
  count; 120 words each.
"""

from __future__ import annotations

import json
import statistics
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from chancery.cli import main
from chancery.core.catalog import Catalog, body_hash, load_catalog
from chancery.core.config import policy_from_options
from chancery.core.languages import LanguagePolicy
from chancery.core.metrics import (
    MetricsReport,
    MetricsSettings,
    MetricsSettingsError,
    measure,
    metrics_document,
    window,
)
from chancery.core.schedule import is_live
from chancery.core.translations import TranslationPolicy, assess
from chancery.core.words import count_words
from tests.conftest import TEST_NOW, page, site_config, write_tree

NOW = datetime.fromisoformat(TEST_NOW)
LANGUAGES = (("en", "foreign"), ("zh", "foreign"), ("ar", "foreign"), ("ko", "domestic"))


def ko_text(words: int) -> str:
    return " ".join(["외교부는"] * words) + "."


def en_text(words: int) -> str:
    return " ".join(["word"] * words) + "."


def zh_text(characters: int) -> str:
    return "外交" * (characters // 2) + "。"


def ar_text(words: int) -> str:
    # Tanween (U+064B) is a combining mark: it must not split the word in two.
    return " ".join(["اعتبارًا"] * words) + "."


def news_date(number: int) -> str:
    if number == 0:
        # 30 November 2025 by its own clock (1 December in UTC): before the window.
        return "2025-11-30T20:00:00-05:00"
    if number == 1:
        # 1 December 2025 by its own clock (30 November in UTC): inside the window.
        return "2025-12-01T08:00:00+09:00"
    return f"2026-{number - 1:02d}-10T09:00:00+09:00"


def later(moment: str, days: int) -> str:
    start = datetime.fromisoformat(moment)
    return start.replace(day=start.day + days).isoformat()


N3_UPDATED = "2026-10-01T09:00:00+09:00"
LATAM = {"audiences": ["latin-america", "MX"]}


def corpus() -> dict[str, str]:
    files: dict[str, str] = {}
    korean = {number: ko_text(100) for number in range(13)}
    for number in range(13):
        fields: dict[str, Any] = {"type": "news", "date": news_date(number)}
        if number == 3:
            fields["updated"] = N3_UPDATED
        if 1 <= number <= 4:
            fields.update(LATAM)
        files[f"ko/news/n{number}.md"] = page(f"뉴스 {number}", korean[number], **fields)
    files["ko/about.md"] = page("소개", ko_text(50))
    files["ko/news/future.md"] = page(
        "예정",
        "…",
        type="news",
        date="2026-11-30T09:00:00+09:00",
        translation="not-needed",
        translation_reason="Only for Korean readers",
    )
    files["ko/news/draft.md"] = page(
        "초안",
        ko_text(500),
        type="news",
        date="2026-11-05T09:00:00+09:00",
        draft=True,
        translation="not-needed",
        translation_reason="Draft",
    )

    def translation(number: int, body: str, **extra: Any) -> str:
        fields: dict[str, Any] = {"type": "news", "date": news_date(number)}
        if 1 <= number <= 4:
            fields.update(LATAM)
        fields["translation_of"] = {"language": "ko", "hash": body_hash(korean[number])}
        fields.update(extra)
        return page(f"N{number}", body, **fields)

    en_updates = {1: later(news_date(1), 2), 2: later(news_date(2), 4), 3: later(N3_UPDATED, 3)}
    for number in range(10):
        extra = {"updated": en_updates[number]} if number in en_updates else {}
        files[f"en/news/n{number}.md"] = translation(number, en_text(130), **extra)
    files["en/about.md"] = page(
        "About", en_text(65), translation_of={"language": "ko", "hash": body_hash(ko_text(50))}
    )
    files["en/news/embargo.md"] = page(
        "Embargoed",
        en_text(500),
        type="news",
        date="2026-12-01T09:00:00+09:00",
        publish_at="2026-12-01T09:00:00+09:00",
        translation="not-needed",
        translation_reason="English only",
    )
    zh_updates = {1: later(news_date(1), 6), 2: later(news_date(2), 10), 4: later(news_date(4), 2)}
    for number in range(1, 7):
        extra = {"updated": zh_updates[number]} if number in zh_updates else {}
        files[f"zh/news/n{number}.md"] = translation(number, zh_text(200), **extra)
    for number in (1, 2):
        files[f"ar/news/n{number}.md"] = translation(number, ar_text(120))
    files["ar/news/n3.md"] = translation(
        3, ar_text(120), translation_of={"language": "ko", "hash": body_hash("older text")}
    )
    files["ar/news/n5.md"] = translation(5, ar_text(120), expires_at="2026-06-01T00:00:00+09:00")
    return files


def _policy() -> LanguagePolicy:
    return policy_from_options([{"code": code, "role": role} for code, role in LANGUAGES])


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    content = tmp_path_factory.mktemp("metrics") / "content"
    write_tree(content, corpus())
    return load_catalog(content, _policy().codes)


def _measure(catalog: Catalog, options: dict[str, Any] | None = None) -> MetricsReport:
    policy = _policy()
    settings = MetricsSettings.from_options(options or {}, policy)

    def live(page: Any) -> bool:
        return is_live(page.content, NOW)

    report = assess(catalog, policy, TranslationPolicy(), NOW, live)
    return measure(catalog, policy, report, NOW, live, settings)


@pytest.fixture(scope="module")
def report(catalog: Catalog) -> MetricsReport:
    return _measure(
        catalog,
        {
            "metrics_targets": {
                "en": {"depth": 0.8, "cadence": 0.7, "lag_days": 7},
                "zh": {"lag_days": 1},
                "*": {"coverage": 0.5},
            },
            "metrics_word_density": {"ar": 1.2},
        },
    )


# --- Words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Korean: words (eojeol) between spaces, particles attached.
        ("하늘 공화국 외교부는 1949년에 설립되었습니다.", 5),
        # Chinese: each character is a word; a number is one word; punctuation is none.
        ("哈努尔共和国外交部成立于1949年。", 14),
        # Japanese kana count one by one; the katakana middle dot is punctuation.
        ("カタカナ・ひらがな", 8),
        # Arabic vowel signs (tanween, shadda) do not split words.
        ("اعتبارًا من 1 يناير 2027", 5),
        ("توسّع", 1),
        # Persian zero-width non-joiner and Hindi vowel signs stay inside the word.
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", 1),  # "I want", in Persian
        ("नमस्ते दुनिया", 2),
        # A decomposed accent does not split a word.
        ("Cafe\u0301 crème", 2),
        # Numbers with separators, addresses and URLs are one word each.
        ("About 2,300 staff at paris@mofa.haneul.example, see https://mofa.haneul.example/en/.", 7),
        ("Mon\u2013Fri 9:30\u201312:30", 4),
        # Link targets and markup are not words; link text is.
        ("[visa waiver](../news/visa.md) and <strong>now</strong>", 4),
        ("<https://mofa.haneul.example/>", 1),
    ],
)
def test_words_are_counted_as_readers_of_each_script_count_them(text: str, words: int) -> None:
    assert count_words(text) == words


def test_corpus_bodies_have_the_counts_the_figures_rely_on() -> None:
    assert count_words(ko_text(100)) == 100
    assert count_words(zh_text(200)) == 200
    assert count_words(ar_text(120)) == 120
    assert count_words("…") == 0


# --- Figures per language ---------------------------------------------------------------------


def test_window_is_the_twelve_months_ending_with_the_clock_month() -> None:
    months = window(NOW)
    assert months[0] == (2025, 12)
    assert months[-1] == (2026, 11)
    assert len(months) == 12


def test_pages_and_words_count_live_pages_only(report: MetricsReport) -> None:
    # Korean: N0..N12, about, the future-dated page; not the draft.
    assert (report.get("ko").total.pages, report.get("ko").total.words) == (15, 1350)
    # English: N0..N9 and about; not the embargoed page.
    assert (report.get("en").total.pages, report.get("en").total.words) == (11, 1365)
    assert (report.get("zh").total.pages, report.get("zh").total.words) == (6, 1200)
    # Arabic: N1, N2 and the stale N3; not the expired N5.
    assert (report.get("ar").total.pages, report.get("ar").total.words) == (3, 360)


def test_cadence_counts_items_by_the_month_their_own_date_names(report: MetricsReport) -> None:
    # N0 (30 Nov 2025 local) is out of the window, N1 (1 Dec 2025 local) is in; the page dated
    # after the clock is not new yet, and the draft never is.
    assert report.get("ko").total.monthly == (1,) * 12
    assert report.get("en").total.monthly == (1,) * 9 + (0,) * 3
    assert report.get("zh").total.monthly == (1,) * 6 + (0,) * 6
    assert report.get("ar").total.monthly == (1, 1, 1) + (0,) * 9
    assert report.get("ko").total.items_per_month == 1.0


def test_median_age_is_days_since_the_last_change_of_dated_pages(report: MetricsReport) -> None:
    changed = [news_date(number) for number in range(13) if number != 3]
    changed += [N3_UPDATED, "2026-11-30T09:00:00+09:00"]
    ages = [max(0, (NOW - datetime.fromisoformat(moment)).days) for moment in changed]
    # The undated about page is left out.
    assert report.get("ko").total.median_age_days == statistics.median(ages)
    # Sorted: 0 (dated after the clock), 12, 43, 52, 73, 104, 135 | 165, 196, ... 356, 356.
    assert report.get("ko").total.median_age_days == (135 + 165) / 2


def test_missing_stale_and_coverage_come_from_the_translation_report(
    report: MetricsReport,
) -> None:
    # 14 groups need every language: N0..N12 and about (the future page needs Korean only).
    english, chinese, arabic = report.get("en"), report.get("zh"), report.get("ar")
    assert (english.total.needed, english.total.missing, english.total.stale) == (14, 3, 0)
    assert (chinese.total.missing, chinese.total.stale) == (8, 0)
    # The expired N5 counts as missing; the stale N3 as present.
    assert (arabic.total.missing, arabic.total.stale, arabic.total.present) == (11, 1, 3)
    assert english.total.coverage == pytest.approx(11 / 14)
    assert arabic.total.coverage == pytest.approx(3 / 14)
    assert report.get("ko").total.coverage == 1.0


def test_figures_per_type_and_per_audience(report: MetricsReport) -> None:
    english = dict(report.get("en").by_type)
    assert (english["news"].pages, english["news"].words) == (10, 1300)
    assert (english["page"].pages, english["page"].words, english["page"].coverage) == (1, 65, 1)
    assert english["news"].coverage == pytest.approx(10 / 13)
    assert "event" not in english  # no live page of that type anywhere
    arabic = dict(report.get("ar").by_audience)
    assert set(arabic) == {"MX", "latin-america"}
    latam = arabic["latin-america"]
    assert (latam.pages, latam.needed, latam.missing, latam.stale) == (3, 4, 1, 1)
    assert dict(report.get("zh").by_audience)["MX"].pages == 4


# --- Ratios against the domestic language ----------------------------------------------------


def test_density_is_measured_on_current_translations(report: MetricsReport) -> None:
    english, chinese = report.get("en"), report.get("zh")
    assert english.density is not None and chinese.density is not None
    assert (english.density.origin, english.density.pairs) == ("measured", 11)
    assert english.density.value == pytest.approx(1.3)
    # Chinese counts characters: 2 of them per Korean word here.
    assert (chinese.density.origin, chinese.density.value) == ("measured", pytest.approx(2.0))
    assert report.get("ko").density is None


def test_depth_ratio_compares_words_in_domestic_words(report: MetricsReport) -> None:
    # English: 1,365 words / 1.3 = 1,050 Korean words, of Korean's 1,350.
    assert report.get("en").depth_ratio == pytest.approx(1050 / 1350)
    # Chinese: 1,200 characters / 2 = 600 Korean words (raw counts would say 0.89).
    assert report.get("zh").depth_ratio == pytest.approx(600 / 1350)
    # Arabic: its density is configured (1.2): 360 / 1.2 = 300.
    arabic = report.get("ar")
    assert arabic.density is not None and arabic.density.origin == "configured"
    assert arabic.depth_ratio == pytest.approx(300 / 1350)
    assert report.get("ko").depth_ratio is None


def test_density_is_assumed_with_too_few_translations(catalog: Catalog) -> None:
    arabic = _measure(catalog).get("ar")
    assert arabic.density is not None
    assert (arabic.density.origin, arabic.density.value, arabic.density.pairs) == (
        "assumed",
        1.0,
        2,
    )
    assert arabic.depth_ratio == pytest.approx(360 / 1350)


def test_cadence_ratio(report: MetricsReport) -> None:
    assert report.get("en").cadence_ratio == pytest.approx(9 / 12)
    assert report.get("zh").cadence_ratio == pytest.approx(6 / 12)
    assert report.get("ar").cadence_ratio == pytest.approx(3 / 12)


# --- Translation lag -------------------------------------------------------------------------


def test_translation_lag_of_current_translations(report: MetricsReport) -> None:
    english = report.get("en").lag
    # N1 +2, N2 +4, N3 3 days after its source's update; the other news came out with theirs;
    # the undated about page cannot be measured.
    assert english.caught_up == (0, 0, 0, 0, 0, 0, 0, 2, 3, 4)
    assert (english.unmeasured, english.median_days, english.longest_days) == (1, 0, 4)
    chinese = report.get("zh").lag
    # N3 is current but its last change is older than its source's update: day unknown.
    assert chinese.caught_up == (0, 0, 2, 6, 10)
    assert (chinese.unmeasured, chinese.median_days) == (1, 2)


def test_stale_translations_wait_since_their_source_changed(report: MetricsReport) -> None:
    arabic = report.get("ar").lag
    waited = (NOW - datetime.fromisoformat(N3_UPDATED)).days
    assert arabic.waiting == (waited,)
    assert arabic.caught_up == (0, 0)
    assert arabic.median_waiting_days == waited == 52


# --- Targets ----------------------------------------------------------------------------------


def test_target_verdicts(report: MetricsReport) -> None:
    verdicts = {(v.target.language, v.target.metric): v.status for v in report.verdicts}
    assert verdicts == {
        ("en", "depth"): "missed",  # 0.78 < 0.8
        ("en", "cadence"): "met",  # 0.75 >= 0.7
        ("en", "coverage"): "met",  # 0.79 >= 0.5 ('*')
        ("en", "lag_days"): "met",  # median 0 <= 7
        ("zh", "coverage"): "missed",  # 0.43
        ("zh", "lag_days"): "missed",  # median 2 > 1
        ("ar", "coverage"): "missed",  # 0.21
    }
    assert [v.target.language for v in report.verdicts] == ["en"] * 4 + ["zh"] * 2 + ["ar"]
    assert len(report.missed) == 4


def test_a_target_without_a_measure_is_unmeasured(tmp_path: Path) -> None:
    # Korean publishes nothing dated: no cadence to compare with.
    write_tree(
        tmp_path / "content",
        {
            "ko/index.md": page("홈", ko_text(10)),
            "en/index.md": page(
                "Home",
                en_text(10),
                translation_of={"language": "ko", "hash": body_hash(ko_text(10))},
            ),
        },
    )
    catalog = load_catalog(tmp_path / "content", _policy().codes)
    report = _measure(catalog, {"metrics_targets": {"en": {"cadence": 0.8}}})
    assert [(v.status, v.value) for v in report.verdicts] == [("unmeasured", None)]
    assert report.missed == ()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"metrics_targets": {"de": {"depth": 0.8}}}, "metrics_targets: de: not a language"),
        ({"metrics_targets": {"en": {"width": 0.8}}}, "'width' is not a target"),
        ({"metrics_targets": {"en": {"depth": "high"}}}, "'high' must be a number"),
        ({"metrics_targets": {"ko": {"depth": 0.8}}}, "depth is measured against ko itself"),
        ({"metrics_targets": {"en": 0.8}}, "must map metrics to values"),
        ({"metrics_word_density": {"ko": 1.0}}, "metrics_word_density: ko: not a foreign"),
        ({"metrics_word_density": {"zh": 0}}, "must be more than 0"),
        ({"metrics_fail_on_missed_targets": "yes"}, "must be true or false"),
    ],
)
def test_bad_settings_say_what_to_fix(options: dict[str, Any], message: str) -> None:
    with pytest.raises(MetricsSettingsError, match=message):
        MetricsSettings.from_options(options, _policy())


# --- JSON and the command line ---------------------------------------------------------------


def test_json_document_carries_the_figures(report: MetricsReport) -> None:
    document = json.loads(json.dumps(metrics_document(report)))
    assert document["months"][0] == "2025-12" and document["months"][-1] == "2026-11"
    english = next(item for item in document["languages"] if item["code"] == "en")
    assert english["depth_ratio"] == round(1050 / 1350, 4)
    assert english["density"] == {"value": 1.3, "origin": "measured", "pairs": 11}
    assert english["by_type"]["news"]["pages"] == 10
    assert document["targets"]["passed"] is False


def _site(project: Path, options: dict[str, Any]) -> Path:
    write_tree(project / "content", corpus())
    config = site_config(LANGUAGES)
    config["plugins"][0]["chancery/content"]["regions"] = [
        {"slug": "latin-america", "names": {"en": "Latin America"}, "countries": ["MX"]}
    ]
    config["plugins"].insert(2, {"chancery/dashboard": options})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    return project / "mkdocs.yml"


def test_cli_prints_json_and_fails_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    config = _site(tmp_path, {"metrics_targets": {"en": {"depth": 0.8}}})
    assert main(["metrics", "-f", str(config), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["targets"]["verdicts"][0]["status"] == "missed"
    assert document["targets"]["fail_on_missed"] is False
    assert main(["metrics", "-f", str(config), "--check"]) == 1
    table = capsys.readouterr().out
    assert "en depth >= 0.80: 0.78 missed" in table
    assert "1.30 (measured, 11 pairs)" in table


def test_cli_fails_on_a_missed_target_when_the_config_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    options = {"metrics_targets": {"en": {"cadence": 0.8}}, "metrics_fail_on_missed_targets": True}
    assert main(["metrics", "-f", str(_site(tmp_path, options))]) == 1
    options["metrics_targets"] = {"en": {"cadence": 0.7}}
    assert main(["metrics", "-f", str(_site(tmp_path, options))]) == 0
    assert "en cadence >= 0.70: 0.75 met" in capsys.readouterr().out


def test_cli_reports_bad_settings_with_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    config = _site(tmp_path, {"metrics_targets": {"en": {"depht": 0.8}}})
    assert main(["metrics", "-f", str(config)]) == 2
    error = capsys.readouterr().err
    assert "plugins: chancery/dashboard: metrics_targets: en: 'depht' is not a target" in error
