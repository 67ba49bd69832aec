"""Editing front matter as text keeps what editors wrote and stays valid YAML."""

from __future__ import annotations

from chancery.core.front_matter_edit import block_lines, join_file, split_file, without_keys
from chancery.core.strict_yaml import load_mapping


def test_dropping_a_key_drops_its_block_and_keeps_comments_elsewhere() -> None:
    lines, body = split_file(
        "---\n# Reviewed by the desk\ntitle: 'A: b'\ntags:\n- a\n- b\n"
        "translation_of:\n  language: ko\n  hash: x\ndraft: true\n---\n\nBody\n"
    )
    kept = without_keys(lines, {"tags", "translation_of"})
    assert kept == ["# Reviewed by the desk", "title: 'A: b'", "draft: true"]
    assert join_file(kept, body) == (
        "---\n# Reviewed by the desk\ntitle: 'A: b'\ndraft: true\n---\n\nBody\n"
    )


def test_flow_mapping_is_rewritten_in_block_style() -> None:
    lines, _ = split_file("---\n{title: 'A: b', tags: [x, y]}\n---\nBody\n")
    data = load_mapping("\n".join(lines)).data
    rewritten = block_lines(lines, data)
    assert load_mapping("\n".join([*rewritten, "draft: true"])).data == {
        "title": "A: b",
        "tags": ["x", "y"],
        "draft": "true",
    }


def test_bom_and_crlf_files_split_cleanly() -> None:
    lines, body = split_file("\ufeff---\r\ntitle: x\r\n---\r\nBody\r\n")
    assert lines == ["title: x"]
    assert body == "Body\n"
