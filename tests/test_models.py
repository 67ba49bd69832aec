"""Content models: each type's required fields, typed values and did-you-mean errors."""

from __future__ import annotations

from datetime import datetime, timedelta

from chancery.core.models import MODELS, MissionContent, NewsContent, TravelAdviceContent
from chancery.core.strict_yaml import load_mapping
from chancery.core.validation import validate_front_matter

COMMON = 'title: "T"\ndescription: "D"\n'


def _validate(text: str, language: str = "en") -> tuple[object, list[str]]:
    content, errors = validate_front_matter(
        load_mapping(text, first_line=2), "content/en/x.md", language, ("en", "ko")
    )
    return content, [str(error) for error in errors]


def test_news_is_typed_from_strings() -> None:
    content, errors = _validate(
        COMMON + "type: news\ndate: 2026-05-01T09:00:00+09:00\ndraft: false\ntags: [a, b-c]\n"
    )
    assert errors == []
    assert isinstance(content, NewsContent)
    assert content.date == datetime.fromisoformat("2026-05-01T09:00:00+09:00")
    assert content.date.utcoffset() == timedelta(hours=9)
    assert content.draft is False
    assert content.tags == ("a", "b-c")


def test_travel_advice_level_becomes_a_number() -> None:
    content, errors = _validate(
        COMMON + "type: travel-advice\ndate: 2026-10-01T09:00:00+09:00\ncountry: FR\nlevel: 3\n"
    )
    assert errors == []
    assert isinstance(content, TravelAdviceContent)
    assert content.level == 3


def test_mission_languages_served_and_services() -> None:
    content, errors = _validate(
        COMMON
        + "type: mission\nkind: embassy\ncountry: MX\ncity: CDMX\naddress: A\nphone: '1'\n"
        + "emergency_phone: '2'\nlanguages_served: [es, en]\nconsular_services: [visa]\n"
    )
    assert errors == []
    assert isinstance(content, MissionContent)
    assert content.languages_served == ("es", "en")


def test_type_defaults_to_page() -> None:
    content, errors = _validate(COMMON)
    assert errors == [] and content is not None
    assert MODELS["page"] is type(content)


def test_translation_from_own_language_is_refused() -> None:
    _, errors = _validate(COMMON + "translation_of:\n  language: en\n  hash: 0123456789abcdef\n")
    assert errors == [
        "content/en/x.md:5: translation_of.language: a page cannot be a translation from its "
        "own language; remove it"
    ]


def test_translation_hash_must_look_like_one() -> None:
    _, errors = _validate(COMMON + "translation_of:\n  language: ko\n  hash: abc\n")
    assert errors == [
        "content/en/x.md:6: translation_of.hash: 'abc' is not a source hash; run "
        "`chancery translate --mark-current FILE` to record it"
    ]


def test_expiry_must_follow_publication() -> None:
    _, errors = _validate(
        COMMON + "publish_at: 2026-05-02T00:00:00Z\nexpires_at: 2026-05-01T00:00:00Z\n"
    )
    assert errors == [
        "content/en/x.md:5: expires_at: is not after publish_at; the page would never show"
    ]


def test_event_end_before_start() -> None:
    _, errors = _validate(
        COMMON
        + "type: event\nstart: 2026-05-02T00:00:00Z\nend: 2026-05-01T00:00:00Z\nlocation: L\n"
    )
    assert errors == ["content/en/x.md:6: end: is before start; an event ends after it starts"]


def test_hashtag_must_be_a_hashtag() -> None:
    _, errors = _validate(
        COMMON + "type: campaign\nhashtag: OpenHaneul\nstart: 2026-04-01T00:00Z\n"
    )
    assert errors == [
        "content/en/x.md:5: hashtag: 'OpenHaneul' is not a hashtag; write '#' and a word, "
        "e.g. #OpenHaneul"
    ]
