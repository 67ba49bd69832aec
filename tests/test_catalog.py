"""The catalog: every page of every language, grouped into translations, queried by facet."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.core.catalog import Catalog, body_hash, load_catalog
from chancery.core.errors import ContentErrors
from chancery.core.publication import scan_content
from tests.conftest import of, page, write_tree

LANGUAGES = ("en", "fr", "ko")


def _catalog(tmp_path: Path, files: dict[str, str]) -> Catalog:
    write_tree(tmp_path / "content", files)
    return load_catalog(tmp_path / "content", LANGUAGES, tmp_path)


def test_groups_join_the_same_path_across_languages(tmp_path: Path) -> None:
    catalog = _catalog(
        tmp_path,
        {
            "ko/news/visit.md": page("방문", type="news", date="2026-05-01T09:00:00+09:00"),
            "en/news/visit.md": page(
                "Visit", type="news", date="2026-05-01T09:00:00+09:00", translation_of=of("ko")
            ),
            "fr/news/visite.md": page(
                "Visite",
                type="news",
                date="2026-05-01T09:00:00+09:00",
                translation_key="paris-visit",
            ),
            "en/about.md": page("About"),
        },
    )
    assert sorted(catalog.group("news/visit.md")) == ["en", "ko"]
    assert sorted(catalog.group("paris-visit")) == ["fr"]
    assert [p.path for p in catalog.in_language("en")] == ["en/about.md", "en/news/visit.md"]
    assert catalog.group_keys() == ("about.md", "news/visit.md", "paris-visit")


def test_source_is_the_version_that_is_not_a_translation(tmp_path: Path) -> None:
    source_body = "Original text."
    catalog = _catalog(
        tmp_path,
        {
            "ko/a.md": page("가", source_body),
            "en/a.md": page(
                "A",
                "Translated.",
                translation_of={"language": "ko", "hash": body_hash(source_body)},
            ),
        },
    )
    source = catalog.source("a.md")
    assert source is not None and source.language == "ko"
    assert source.body_hash == body_hash(source_body + "\n")


def test_queries_by_type_audience_and_tag(tmp_path: Path) -> None:
    catalog = _catalog(
        tmp_path,
        {
            "en/a.md": page("A", audiences=["latin-america", "MX"], tags=["climate"]),
            "en/b.md": page(
                "B",
                type="news",
                date="2026-05-01T09:00:00Z",
                audiences=["europe"],
                tags=["climate"],
            ),
            "fr/b.md": page(
                "B",
                type="news",
                date="2026-05-01T09:00:00Z",
                tags=["culture"],
                translation_of=of("en"),
            ),
        },
    )
    assert [p.path for p in catalog.of_type("news")] == ["en/b.md", "fr/b.md"]
    assert [p.path for p in catalog.for_audience("MX")] == ["en/a.md"]
    assert [p.path for p in catalog.tagged("climate")] == ["en/a.md", "en/b.md"]


def test_body_hash_ignores_line_ends_and_trailing_spaces() -> None:
    assert body_hash("One\r\nTwo  \n\n") == body_hash("One\nTwo")
    assert body_hash("One\nTwo") != body_hash("One\nTwo!")


@pytest.mark.parametrize(
    ("path", "ignored"),
    [
        ("en/a.md", False),
        ("en/a.md~", True),
        ("en/a.md.bak", True),
        ("en/.a.md.swp", True),
        ("en/.#a.md", True),
        ("en/_drafts/a.md", True),
        ("_notes/a.md", True),
        ("en/images/map.png", False),
    ],
)
def test_editor_files_and_private_folders_are_ignored(
    tmp_path: Path, path: str, ignored: bool
) -> None:
    write_tree(tmp_path, {path: page("A")})
    tree = scan_content(tmp_path, LANGUAGES)
    published = (*tree.pages, *tree.assets)
    assert (path not in published) is ignored
    assert not tree.errors


def test_private_folders_are_not_read(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, {"en/a.md": page("A"), "en/_drafts/b.md": "not front matter"})
    assert [p.path for p in catalog] == ["en/a.md"]


def test_files_outside_language_folders_and_duplicate_keys_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        _catalog(
            tmp_path,
            {
                "stray.md": page("Stray"),
                "de/a.md": page("A"),
                "misc/b.md": page("B"),
                "en/a.md": page("A", translation_key="one"),
                "en/b.md": page("B", translation_key="one"),
            },
        )
    assert [str(error) for error in raised.value.errors] == [
        "content/de: 'de' is not a language of this site (en, fr, ko); add it to the languages "
        "of chancery/content in mkdocs.yml, or move its files into a language folder",
        "content/en/b.md: translation_key: 'one' is already used by content/en/a.md; "
        "give each page its own key",
        "content/misc/b.md: is not inside a language folder; move it to content/<language>/, "
        "with <language> one of en, fr, ko",
        "content/stray.md: is not inside a language folder; move it to content/<language>/, "
        "with <language> one of en, fr, ko",
    ]


def test_group_needs_exactly_one_source_and_real_references(tmp_path: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        _catalog(
            tmp_path,
            {
                "ko/a.md": page("가"),
                "en/a.md": page("A"),
                "fr/b.md": page("B", translation_of=of("ko")),
                "en/c.md": page("C", translation_of=of("fr")),
                "fr/c.md": page("C", translation_of=of("en")),
            },
        )
    assert [str(error) for error in raised.value.errors] == [
        "content/en/c.md: translation_of: every version of this page says it is a translation; "
        "remove translation_of from the original",
        "content/fr/b.md: translation_of.language: there is no 'ko' version of this page "
        "(content/ko/b.md); name the language it was translated from",
        "content/ko/a.md: translation_of: missing, but content/en/a.md is already the source of "
        "this page; record what this version was translated from with "
        "`chancery translate --mark-current content/ko/a.md --from en`",
    ]
