"""The strict front-matter reader keeps bare scalars as text and refuses hidden mistakes."""

from __future__ import annotations

import frontmatter
import pytest

from chancery.core.source import SourceError, StrictYAMLHandler, parse_source
from chancery.core.strict_yaml import StrictYamlError, load_mapping


def test_bare_scalars_stay_strings() -> None:
    loaded = load_mapping("lang: no\nversion: 1.10\nmode: 0755\nflag: yes\nwhen: 2026-05-01\n")
    assert loaded.data == {
        "lang": "no",
        "version": "1.10",
        "mode": "0755",
        "flag": "yes",
        "when": "2026-05-01",
    }


def test_empty_and_null_values_are_none_but_quoted_ones_are_text() -> None:
    loaded = load_mapping('a:\nb: ~\nc: null\nd: "null"\ne: ""\n')
    assert loaded.data == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_lines_of_keys_and_list_items_are_file_lines() -> None:
    loaded = load_mapping("\ntitle: x\ntags:\n  - a\n  - b\nnested:\n  key: v\n", first_line=1)
    assert loaded.lines[("title",)] == 2
    assert loaded.lines[("tags", 1)] == 5
    assert loaded.lines[("nested", "key")] == 7


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key (already set on line 1)"),
        ("a: &x 1\n", 1, "anchors (&x)"),
        ("a: [1]\nb: *x\n", 2, "aliases (*x)"),
        ("a: !!str 1\n", 1, "YAML tags (tag:yaml.org,2002:str)"),
        ("- a\n- b\n", 1, "front matter must be a list of 'key: value' lines"),
        ("a:\n  b: 1\n  b: 2\n", 3, "duplicate key (already set on line 2)"),
    ],
)
def test_refused_yaml(text: str, line: int, start: str) -> None:
    with pytest.raises(StrictYamlError) as raised:
        load_mapping(text)
    assert raised.value.line == line
    assert raised.value.message.startswith(start)


def test_python_frontmatter_uses_the_strict_loader() -> None:
    post = frontmatter.loads("---\nlang: no\n---\nBody\n", handler=StrictYAMLHandler())
    assert post["lang"] == "no"
    with pytest.raises(StrictYamlError):
        frontmatter.loads("---\na: 1\na: 2\n---\nBody\n", handler=StrictYAMLHandler())


def test_body_keeps_its_text_and_loses_the_front_matter() -> None:
    document = parse_source(b"---\ntitle: x\n---\n\nNote: this stays.\n", "a.md")
    assert document.body == "Note: this stays.\n"
    assert document.front_matter.data == {"title": "x"}


def test_bom_and_crlf_are_accepted() -> None:
    document = parse_source(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nBody\r\n", "a.md")
    assert document.front_matter.data == {"title": "x"}
    assert document.front_matter.lines[("title",)] == 2
    assert document.body == "Body\n"


def test_front_matter_over_the_limit_is_refused() -> None:
    big = "---\n" + "".join(f"k{i}: {'x' * 60}\n" for i in range(300)) + "---\n"
    with pytest.raises(SourceError) as raised:
        parse_source(big.encode(), "a.md")
    assert "over the limit of 16384" in raised.value.error.message
