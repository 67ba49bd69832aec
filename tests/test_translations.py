"""Translation state from the content alone: current, stale with age, missing, and the gate."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from chancery.core.catalog import load_catalog
from chancery.core.languages import LanguagePolicy
from chancery.core.schedule import is_live
from chancery.core.translations import TranslationPolicy, TranslationPolicyError, assess
from tests.conftest import of, page, write_tree

LANGUAGES = LanguagePolicy.from_roles([("en", "foreign"), ("fr", "foreign"), ("ko", "domestic")])
NOW = datetime.fromisoformat("2026-11-22T12:00:00+00:00")
STATEMENT = {"type": "statement", "kind": "statement"}


def _report(tmp_path: Path, files: dict[str, str], policy: TranslationPolicy | None = None):  # type: ignore[no-untyped-def]
    write_tree(tmp_path / "content", files)
    catalog = load_catalog(tmp_path / "content", LANGUAGES.codes, tmp_path)
    return assess(
        catalog,
        LANGUAGES,
        policy or TranslationPolicy(),
        NOW,
        lambda page: is_live(page.content, NOW),
    )


def test_current_stale_and_missing(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "ko/a.md": page("가", "New text.", updated="2026-11-01T09:00:00+09:00"),
            "en/a.md": page("A", translation_of=of("ko", "Old text.")),
            "fr/a.md": page("A", translation_of=of("ko", "New text.")),
        },
    )
    english = report.get("a.md", "en")
    assert english is not None and english.status == "stale"
    assert english.age_days == 21
    assert english.since == datetime.fromisoformat("2026-11-01T09:00:00+09:00")
    french = report.get("a.md", "fr")
    assert french is not None and french.status == "current"
    korean = report.get("a.md", "ko")
    assert korean is not None and korean.status == "source"
    assert report.gate_fails is False


def test_editing_the_source_makes_every_translation_stale(tmp_path: Path) -> None:
    files = {
        "ko/a.md": page("가", "Original.", **STATEMENT, date="2026-11-01T00:00:00Z"),
        "en/a.md": page(
            "A", translation_of=of("ko", "Original."), **STATEMENT, date="2026-11-01T00:00:00Z"
        ),
    }
    before = _report(tmp_path / "before", files)
    assert [v.status for v in before.versions] == ["current", "missing", "source"]
    files["ko/a.md"] = page("가", "Original, corrected.", **STATEMENT, date="2026-11-01T00:00:00Z")
    after = _report(tmp_path / "after", files)
    assert [v.status for v in after.versions] == ["stale", "missing", "source"]


def test_missing_required_page_in_a_foreign_language_blocks(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "ko/s.md": page("성명", **STATEMENT, date="2026-11-20T00:00:00Z"),
            "en/s.md": page("S", translation_of=of("ko"), **STATEMENT, date="2026-11-20T00:00:00Z"),
            "ko/news.md": page("뉴스", type="news", date="2026-11-20T00:00:00Z"),
        },
    )
    assert [(v.key, v.language) for v in report.blocking] == [("s.md", "fr")]
    assert report.gate_fails is True
    warned = TranslationPolicy(gate="warn")
    assert (
        _report(
            tmp_path / "warn",
            {"ko/s.md": page("성명", **STATEMENT, date="2026-11-20T00:00:00Z")},
            warned,
        ).gate_fails
        is False
    )


def test_stale_required_page_blocks_only_after_its_grace(tmp_path: Path) -> None:
    def files(updated: str) -> dict[str, str]:
        common = {**STATEMENT, "date": "2026-10-01T00:00:00Z"}
        return {
            "ko/s.md": page("성명", "Changed.", updated=updated, **common),
            "en/s.md": page("S", translation_of=of("ko", "Before."), **common),
            "fr/s.md": page("S", translation_of=of("ko", "Changed."), **common),
        }

    within = _report(tmp_path / "within", files("2026-11-10T00:00:00Z"))
    assert within.get("s.md", "en").age_days == 12  # type: ignore[union-attr]
    assert within.blocking == ()
    beyond = _report(tmp_path / "beyond", files("2026-11-01T00:00:00Z"))
    assert [(v.language, v.age_days) for v in beyond.blocking] == [("en", 21)]


def test_domestic_gaps_are_reported_but_do_not_block(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "en/s.md": page("S", **STATEMENT, date="2026-11-20T00:00:00Z"),
            "fr/s.md": page("S", translation_of=of("en"), **STATEMENT, date="2026-11-20T00:00:00Z"),
        },
    )
    korean = report.get("s.md", "ko")
    assert korean is not None and korean.status == "missing"
    assert report.blocking == ()


def test_language_scope_and_not_needed(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "fr/local.md": page("Local", languages=["fr"]),
            "ko/internal.md": page(
                "내부", translation="not-needed", translation_reason="Only for staff at home"
            ),
        },
    )
    assert [(v.key, v.language, v.status) for v in report.versions] == [
        ("internal.md", "ko", "source"),
        ("local.md", "fr", "source"),
    ]


def test_unpublished_sources_and_translations_count_as_absent(tmp_path: Path) -> None:
    report = _report(
        tmp_path,
        {
            "ko/draft.md": page("초안", draft=True),
            "ko/a.md": page("가"),
            "en/a.md": page("A", translation_of=of("ko"), publish_at="2027-01-01T00:00:00Z"),
        },
    )
    assert report.get("draft.md", "en") is None
    english = report.get("a.md", "en")
    assert english is not None and english.status == "missing"


def test_required_flag_puts_any_page_in_the_required_tier(tmp_path: Path) -> None:
    report = _report(tmp_path, {"ko/p.md": page("필수", required=True)})
    assert {v.language for v in report.blocking} == {"en", "fr"}


def test_policy_options_are_checked() -> None:
    policy = TranslationPolicy.from_options(
        {"translation_required_types": ["news"], "translation_required_max_stale_days": 3}
    )
    assert policy.required_types == frozenset({"news"})
    assert policy.max_stale_days("required") == 3
    with pytest.raises(TranslationPolicyError, match="translation_gate: 'maybe' must be fail"):
        TranslationPolicy.from_options({"translation_gate": "maybe"})
    with pytest.raises(TranslationPolicyError, match="must be a whole number of days"):
        TranslationPolicy.from_options({"translation_recommended_max_stale_days": -1})
