"""The strict front-matter reader keeps bare scalars as text and refuses hidden mistakes."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import frontmatter
import pytest
from bench.corpus import generate

from chancery.core import strict_yaml
from chancery.core.source import SourceError, StrictYAMLHandler, parse_source
from chancery.core.strict_yaml import StrictYamlError, load_mapping
from tests.conftest import REPO


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


REFUSED = [
    ("a: 1\na: 2\n", 2, "duplicate key (already set on line 1)"),
    ("a: &x 1\n", 1, "anchors (&x)"),
    ("a: [1]\nb: *x\n", 2, "aliases (*x)"),
    ("a: !!str 1\n", 1, "YAML tags (tag:yaml.org,2002:str)"),
    ("- a\n- b\n", 1, "front matter must be a list of 'key: value' lines"),
    ("a:\n  b: 1\n  b: 2\n", 3, "duplicate key (already set on line 2)"),
    ("a: 'unclosed\nb: 2\n", 1, "invalid YAML"),
    ("a: [1, 2\nb: 3\n", 2, "invalid YAML"),
    ("a: b: c\n", 1, "invalid YAML"),
    ("a: 1\n\tb: 2\n", 2, "invalid YAML"),
]


@pytest.mark.parametrize(("text", "line", "start"), REFUSED)
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


def _front_matters() -> list[str]:
    """The front matter of every demo file and of a generated corpus of every content type."""
    corpus = generate(Path(tempfile.mkdtemp(prefix="chancery-yaml-")), 30, 6)
    texts = []
    for folder in (REPO / "content", corpus.content_dir):
        for path in sorted(folder.rglob("*.md")):
            text = path.read_text("utf-8")
            if text.startswith("---\n"):
                texts.append(text[4 : text.index("\n---", 4) + 1])
    shutil.rmtree(corpus.content_dir.parent, ignore_errors=True)
    return texts


def test_libyaml_path_reads_every_file_as_the_python_reader_does() -> None:
    # Files are read with libyaml (fast); the pure-Python reader is the reference.
    fast, reference = strict_yaml._LOADERS[0], strict_yaml._LOADERS[-1]
    assert fast is not reference, "PyYAML has no libyaml here: the fast path is untested"
    texts = [
        *_front_matters(),
        'a:\nb: ~\nc: null\nd: "null"\ne: ""\nf: \'\'\ng: NULL\n',
        "a: |\n  two\n  lines\nb: >\n  folded\n  text\nc: 'it''s'\n",
        'title: "Visite à Séoul : 외교부 — 外交部 «ok»"\ntags: [a, "b c", 1.10, no]\n',
        "nested:\n  - {a: 1, b: [x, y]}\n  - plain\nempty_list: []\nempty_map: {}\n",
    ]
    assert len(texts) > 150
    for text in texts:
        assert strict_yaml._load(text, 2, fast) == strict_yaml._load(text, 2, reference)


@pytest.mark.parametrize("text", [text for text, _, _ in REFUSED])
def test_refused_yaml_gets_the_python_readers_message(text: str) -> None:
    with pytest.raises(StrictYamlError) as reference:
        strict_yaml._load(text, 1, strict_yaml._LOADERS[-1])
    with pytest.raises(StrictYamlError) as given:
        load_mapping(text)
    assert given.value == reference.value
