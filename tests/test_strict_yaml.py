"""The strict front-matter reader keeps bare scalars as text and refuses hidden mistakes."""

from __future__ import annotations

import inspect
import shutil
import sys
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
    (
        "".join(f"{'  ' * level}{key}:\n" for level, key in enumerate("abcdefg"))
        + "    " * 4
        + "h: [1]\n",
        8,
        "is nested more than 8 levels deep",
    ),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1, "is nested more than 8 levels deep"),
    ("a: " + "{b: " * 3000 + "c" + "}" * 3000 + "\n", 1, "is nested more than 8 levels deep"),
    ('a: x\nb: "1\\x002"\n', 2, "the control character U+0000 is not allowed"),
    ('a: "\\e[31m"\n', 1, "the control character U+001B is not allowed"),
    ('a: "\\x85"\n', 1, "the control character U+0085 is not allowed"),
    ("a: x\nb: y\x07z\n", 2, "the control character U+0007 at column 5 is not allowed"),
    ('a: "\\uffff"\n', 1, "U+FFFF is not a character"),
    ('a: "\\ud800"\n', 1, "U+D800 is half of a UTF-16 surrogate pair"),
    ('a: "\\ude00\\ud83d"\n', 1, "U+DE00 is half of a UTF-16 surrogate pair"),
    ("a: x\nb: \ufeffy\n", 2, "a byte-order mark (U+FEFF) at column 4"),
    ('a: "\\ufeff"\n', 1, "a byte-order mark (U+FEFF) is allowed only"),
    (
        "a: \u202b\u0645\u0631\u062d\u0628\u0627\n",
        1,
        "the direction control U+202B is never closed",
    ),
    (
        "a: \u2067\u0646\u0635 \u202eabc\u2069 \u2067\n",
        1,
        "the direction control U+2067 is never closed",
    ),
    ('"a\\nb": 1\n', 1, "keys must be plain words"),
    ("? [a, b]\n: 1\n", 1, "keys must be plain words"),
    ('"\\0": 1\n', 1, "the control character U+0000 is not allowed"),
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


def test_escaped_surrogate_pairs_are_joined_into_their_character() -> None:
    # JSON tools write characters beyond U+FFFF as two escapes; they mean one character.
    loaded = load_mapping('title: "Bravo \\ud83d\\udc4f \\U0001F44F"\n')
    assert loaded.data == {"title": "Bravo \U0001f44f \U0001f44f"}


ACCEPTED_SCRIPTS = {
    # Right-to-left text uses marks and closed embeddings and isolates.
    "arabic": "\u0627\u0644\u0648\u0632\u064a\u0631 \u200f\u2067Paris 2026\u2069\u200f",
    "hebrew": "\u05e9\u05e8 \u202bUN \u05d1\u05e0\u05d9\u05d5 \u05d9\u05d5\u05e8\u05e7\u202c",
    # An isolate closes the embedding opened inside it.
    "nested": "\u2068\u202aabc\u2069 \u202ddef\u202c",
    # Persian needs the zero-width non-joiner, Indic scripts the zero-width joiner.
    "persian": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    "hindi": "\u0915\u094d\u200d\u0937",
    "tab-and-lines": "a\tb",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED_SCRIPTS))
def test_text_that_scripts_need_is_kept(name: str) -> None:
    text = ACCEPTED_SCRIPTS[name]
    assert load_mapping(f'title: "{text}"\nbody: |\n  {text}\n').data == {
        "title": text,
        "body": text + "\n",
    }


def test_depth_limit_is_a_parameter_and_counts_the_mapping_itself() -> None:
    text = "a:\n  - b: [x]\n"  # The mapping, a list, a group, a list: four levels.
    assert load_mapping(text, max_depth=4).data == {"a": [{"b": ["x"]}]}
    with pytest.raises(StrictYamlError) as raised:
        load_mapping(text, max_depth=3)
    assert (raised.value.line, raised.value.field) == (2, "a.0.b")


def test_deep_nesting_needs_no_deep_recursion() -> None:
    # The limit is checked before descending: composing 16 KiB of brackets must work with a
    # recursion limit far below their depth.
    text = "a: " + "[" * 8000 + "]" * 8000 + "\n"
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)
    try:
        with pytest.raises(StrictYamlError) as raised:
            load_mapping(text)
    finally:
        sys.setrecursionlimit(limit)
    assert raised.value.message.startswith("is nested more than 8 levels deep")


def test_long_lists_are_read_item_by_item_with_their_lines() -> None:
    # 5,000 items is as many as 16 KiB of front matter holds.
    text = "tags: [" + ", ".join("a" for _ in range(5000)) + "]\nlines:\n" + "- b\n" * 1000
    loaded = load_mapping(text)
    assert len(loaded.data["tags"]) == 5000
    assert loaded.lines[("lines", 999)] == 1002
