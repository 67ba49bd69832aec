"""The corpus of bad front matter: every file fails with its exact file, line, field and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chancery.core.catalog import load_catalog
from chancery.core.errors import ContentErrors

CORPUS = Path(__file__).parent / "corpus" / "bad"

#: Each corpus file and the messages it must produce, without the "content/en/NAME:" prefix.
EXPECTED: dict[str, list[str]] = {
    "alias.md": ["2: anchors (&t) are not allowed; write the value out in full"],
    "anchor.md": ["4: anchors (&common) are not allowed; write the value out in full"],
    "bad-country.md": [
        "6: country: 'XX' is not an ISO 3166-1 country code; use two capital letters, e.g. FR"
    ],
    "bad-enum.md": [
        "6: kind: 'tweet' is not allowed; use one of 'statement', 'speech' or 'press-release'"
    ],
    "bad-slug.md": [
        "4: tags.0: 'Climate Change' is not a slug; use lower-case ASCII words joined by '-', "
        "e.g. 'climate'"
    ],
    # A byte-order mark is accepted, and lines are still counted as the editor sees them.
    "bom.md": [
        "4: summary: unknown field for type page; remove it (the editor's guide lists the fields)"
    ],
    "colon-in-value.md": [
        "2: invalid YAML (mapping values are not allowed here); quote values that contain ': ' "
        "or start with a special character such as [ { & * ! | > ' \" % @ `"
    ],
    # Windows line ends are accepted, and lines are still counted as the editor sees them.
    "crlf.md": ["5: date: needs a UTC offset, e.g. 2026-05-01T09:00:00+09:00"],
    "draft-no.md": ["4: draft: 'no' is not true or false; write true or false"],
    "duplicate-key.md": ["4: title: duplicate key (already set on line 2); keep only one"],
    "empty.md": ["1: file is empty; start it with front matter between two '---' lines"],
    "invalid-yaml.md": [
        "4: invalid YAML (while scanning a quoted scalar: found unexpected end of stream); "
        "quote values that contain ': ' or start with a special character such as "
        "[ { & * ! | > ' \" % @ `"
    ],
    "lang-no.md": [
        "4: lang: unknown field for type page (did you mean 'languages'?); correct or remove it"
    ],
    "level-not-a-number.md": ["7: level: 'high' is not a whole number"],
    "level-out-of-range.md": ["7: level: '5' is beyond the maximum of 4"],
    "list-expected.md": ["4: tags: must be a list, e.g. [a, b]"],
    "missing-title-page.md": [
        '1: title: required for type page; add a line such as `title: "Minister visits Paris"`'
    ],
    "missing-date-news.md": [
        "1: date: required for type news; add a line such as `date: 2026-05-01T09:00:00+09:00`"
    ],
    "missing-kind-statement.md": [
        "1: kind: required for type statement; add a line such as `kind: statement`"
    ],
    "missing-level-travel-advice.md": [
        "1: level: required for type travel-advice; add a line such as `level: 2`"
    ],
    "missing-service-consular-service.md": [
        "1: service: required for type consular-service; add a line such as `service: passport`"
    ],
    "missing-hashtag-campaign.md": [
        '1: hashtag: required for type campaign; add a line such as `hashtag: "#OpenHaneul"`'
    ],
    "missing-rating-fact-check.md": [
        "1: rating: required for type fact-check; add a line such as `rating: false`"
    ],
    "missing-location-event.md": [
        "1: location: required for type event; add a line such as "
        '`location: "Cineteca Nacional, Mexico City"`'
    ],
    "missing-emergency-phone-mission.md": [
        "1: emergency_phone: required for type mission; add a line such as "
        '`emergency_phone: "+33 6 07 45 12 00"`'
    ],
    "misspelt-key.md": [
        '1: title: required for type page; add a line such as `title: "Minister visits Paris"`',
        "2: titel: unknown field for type page (did you mean 'title'?); correct or remove it",
    ],
    "naive-datetime.md": ["5: date: needs a UTC offset, e.g. 2026-05-01T09:00:00+09:00"],
    "no-front-matter.md": [
        "1: no front matter; the file must start with a '---' line, then fields such as "
        "'title:', then another '---' line"
    ],
    "not-a-timestamp.md": [
        "5: date: 'yesterday' is not a timestamp; write it like 2026-05-01T09:00:00+09:00"
    ],
    "not-utf8.md": ["4: not valid UTF-8 (byte 0xe1); save the file as UTF-8"],
    "text-expected.md": ["2: title: must be a single text value"],
    "too-large.md": [
        "1: front matter is 26349 bytes, over the limit of 16384; move long text into the body"
    ],
    # `no` stays the string "no" (Norwegian), not False: it is reported as a language code.
    "translation-of-no.md": [
        "5: translation_of.language: 'no' is not a language of this site; use one of en, ko"
    ],
    "two-errors.md": [
        "1: date: required for type news; add a line such as `date: 2026-05-01T09:00:00+09:00`",
        "5: summary: unknown field for type news; remove it (the editor's guide lists the fields)",
    ],
    "unclosed.md": ["1: front matter is never closed; add a '---' line after the last field"],
    "unknown-key.md": [
        "4: summary: unknown field for type page; remove it (the editor's guide lists the fields)"
    ],
    "unknown-type.md": [
        "4: type: 'newz' is not a content type (did you mean 'news'?); the types are page, news, "
        "statement, travel-advice, consular-service, campaign, fact-check, event, mission"
    ],
    "updated-before-date.md": [
        "6: updated: is earlier than date; an update comes after publication"
    ],
    "yaml-tag.md": [
        "4: YAML tags (tag:yaml.org,2002:bool) are not allowed; remove the tag and quote the value"
    ],
    # Nesting is refused while the YAML is composed, before it could exhaust the stack, in
    # block style and in flow style (thousands of levels within the 16 KiB cap).
    "nesting-too-deep.md": [
        "7: changes.0.note.0: is nested more than 4 levels deep (lists and groups inside one "
        "another), more than any field needs; write it with fewer levels"
    ],
    "nesting-flow-lists.md": [
        "4: tags.0.0.0: is nested more than 4 levels deep (lists and groups inside one "
        "another), more than any field needs; write it with fewer levels"
    ],
    "nesting-flow-groups.md": [
        "4: withdrawn.a.a.a: is nested more than 4 levels deep (lists and groups inside one "
        "another), more than any field needs; write it with fewer levels"
    ],
    # Control characters: written as an escape in a value, or as themselves in the body.
    "nul-escape-in-title.md": [
        "2: title: the control character U+0000 is not allowed; delete it, or the escape that "
        "writes it, such as \\x00"
    ],
    "nul-in-body.md": [
        "6: the control character U+0000 at column 5 is not allowed; delete it (text editors do "
        "not show it; text pasted from a word processor often carries one)"
    ],
    "control-character.md": [
        "8: the control character U+000B at column 7 is not allowed; delete it (text editors do "
        "not show it; text pasted from a word processor often carries one)"
    ],
    "title-only-control-characters.md": [
        "2: title: the control character U+0001 is not allowed; delete it, or the escape that "
        "writes it, such as \\x01"
    ],
    "title-only-spaces.md": ["2: title: is empty; write a value or remove the line"],
    "title-invisible.md": [
        "2: title: shows nothing: it holds only invisible characters (such as U+200B, a "
        "zero-width space); write the text"
    ],
    "surrogate-escape.md": [
        "2: title: U+D83D is half of a UTF-16 surrogate pair, not a character; write the "
        "character itself, or its escape in full, e.g. \\U0001F600"
    ],
    "bom-in-middle.md": [
        "8: a byte-order mark (U+FEFF) at column 1 is allowed only at the very start of the "
        "file; delete it (it is invisible, and is usually left by pasting one file into another)"
    ],
    "unclosed-direction.md": [
        "2: title: the direction control U+202E is never closed in this value, so it would "
        "reorder the text shown after it; close it with U+202C or delete it"
    ],
    "key-not-text.md": ["4: keys must be plain words such as 'title'"],
    "key-number.md": [
        "4: 1: unknown field for type page; remove it (the editor's guide lists the fields)"
    ],
    # A '---' line always ends the front matter; when the lines after it continue the front
    # matter, the '---' was meant as text (or is a stray separator).
    "dashes-in-block-scalar.md": [
        "5: description: this '---' line ends the front matter, so the indented lines after it "
        "are not part of this text; indent the '---' like them to keep it in the text"
    ],
    "dashes-between-fields.md": [
        "4: this '---' line ends the front matter, but the lines after it, up to the '---' on "
        "line 7, continue it; if the '---' is part of a value's text, indent it like that text "
        "or quote the value, otherwise delete this line"
    ],
    "dashes-in-quoted-value.md": [
        "4: this '---' line ends the front matter, but the lines after it, up to the '---' on "
        "line 6, continue it; if the '---' is part of a value's text, indent it like that text "
        "or quote the value, otherwise delete this line"
    ],
    "empty-body-news.md": ["6: the body is empty; write the text below the closing '---' line"],
    "empty-body-page.md": ["4: the body is empty; write the text below the closing '---' line"],
    # '\r\n', '\r' and '\n' in one file: lines are still counted as the editor shows them.
    "mixed-line-ends.md": ["5: date: needs a UTC offset, e.g. 2026-05-01T09:00:00+09:00"],
    # Blank lines after the opening '---' count: 'draft' is on line 6.
    "blank-lines-after-opening.md": ["6: draft: 'yes' is not true or false; write true or false"],
    # A list of 25 bad items reports the first 20 and says how many more there are.
    "many-errors.md": [
        " 5 more errors in this file are not shown; fix the ones listed and build again",
        *(
            f"{5 + i}: tags.{i}: 'Tag {i}' is not a slug; use lower-case ASCII words joined by "
            "'-', e.g. 'climate'"
            for i in range(20)
        ),
    ],
}


def _errors_for(files: list[Path], project: Path) -> list[str]:
    content = project / "content"
    (content / "en").mkdir(parents=True)
    for file in files:
        shutil.copy(file, content / "en" / file.name)
    with pytest.raises(ContentErrors) as raised:
        load_catalog(content, ("en", "ko"), project)
    return [str(error) for error in raised.value.errors]


def test_every_corpus_file_has_an_expected_message() -> None:
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_reports_exact_messages(name: str, tmp_path: Path) -> None:
    errors = _errors_for([CORPUS / name], tmp_path)
    assert errors == [f"content/en/{name}:{message}" for message in EXPECTED[name]]


def test_whole_tree_reports_every_error_in_one_failure(tmp_path: Path) -> None:
    errors = _errors_for(sorted(CORPUS.iterdir()), tmp_path)
    expected = sorted(
        f"content/en/{name}:{message}"
        for name, messages in EXPECTED.items()
        for message in messages
    )
    assert sorted(errors) == expected


def test_summary_counts_errors_and_says_nothing_was_published(tmp_path: Path) -> None:
    content = tmp_path / "content" / "en"
    content.mkdir(parents=True)
    for name in ("naive-datetime.md", "two-errors.md"):
        shutil.copy(CORPUS / name, content / name)
    with pytest.raises(ContentErrors) as raised:
        load_catalog(tmp_path / "content", ("en",), tmp_path)
    first_line = str(raised.value).splitlines()[0]
    assert first_line == "3 content errors; nothing was published:"
