"""Hostile content files: every failure is an editor's message with file, line and fix.

The bad-input corpus (test_front_matter_corpus.py) holds the files small enough to commit; this
module makes the others (huge files, folders and pipes named *.md, unreadable files), checks
that normal bodies are not mistaken for front matter, decides which types need a body, and
feeds random bytes and random YAML-like text to the reader.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from chancery.cli import main
from chancery.core.catalog import load_catalog
from chancery.core.errors import ContentErrors
from chancery.core.feeds import Feed, FeedEntry, render
from chancery.core.models import MODELS
from chancery.core.source import (
    MAX_BODY_BYTES,
    MAX_FILE_BYTES,
    SourceError,
    parse_source,
    read_source,
)
from chancery.core.validation import validate_front_matter
from tests.conftest import TEST_NOW, of, page, write_tree
from tests.listings_support import listings_config

FRONT = '---\ntitle: "A page"\ndescription: "What it is about."\n---\n\n'


def _errors(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    write_tree(tmp_path / "content", files)
    with pytest.raises(ContentErrors) as raised:
        load_catalog(tmp_path / "content", ("en", "ar"), tmp_path)
    return [str(error) for error in raised.value.errors]


# --- Sizes ---------------------------------------------------------------------------------


def _bytes_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count what content files' streams hand out: the reader must stop at its limit."""
    counts: list[int] = []
    opened = Path.open

    def counting_open(self: Path, *arguments: Any, **options: Any) -> Any:
        stream = opened(self, *arguments, **options)
        read = stream.read

        def counted(size: int = -1) -> Any:
            data = read(size)
            counts.append(len(data))
            return data

        stream.read = counted
        return stream

    monkeypatch.setattr(Path, "open", counting_open)
    return counts


def test_a_50_mb_file_fails_at_once_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "content" / "en" / "huge.md"
    file.parent.mkdir(parents=True)
    data = FRONT.encode() + b"word " * (10 * 1024 * 1024)
    file.write_bytes(data)
    counts = _bytes_read(monkeypatch)
    with pytest.raises(ContentErrors) as raised:
        load_catalog(tmp_path / "content", ("en",), tmp_path)
    assert sum(counts) == 0  # Refused by its size on disk, before a byte is read.
    assert [str(error) for error in raised.value.errors] == [
        f"content/en/huge.md: file is {len(data)} bytes, larger than a page may be (a body of at "
        "most 2097152 bytes, 2 MiB, and front matter of at most 16384); split the text into "
        "several pages"
    ]


def test_file_size_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sparse file: reading it would take 4 GiB of memory.
    file = tmp_path / "huge.md"
    with file.open("wb") as stream:
        stream.truncate(4 * 1024**3)
    counts = _bytes_read(monkeypatch)
    with pytest.raises(SourceError) as raised:
        read_source(file, "content/en/huge.md")
    assert sum(counts) == 0
    assert raised.value.error.message.startswith("file is 4294967296 bytes, larger than")


def test_body_over_the_limit_names_its_first_line_and_the_limit() -> None:
    front = "---\ntitle: t\ndescription: d\n---\n\n"
    exact = front + "x" * (MAX_BODY_BYTES - 2) + "\n"
    assert len(parse_source(exact.encode(), "a.md").body.encode()) == MAX_BODY_BYTES - 1
    over = front + "é" * (MAX_BODY_BYTES // 2) + "x"
    with pytest.raises(SourceError) as raised:
        parse_source(over.encode(), "content/en/a.md")
    assert str(raised.value.error) == (
        "content/en/a.md:5: the body is 2097153 bytes, over the limit of 2097152 (2 MiB); "
        "split the text into several pages"
    )


def test_the_file_limit_leaves_room_for_a_full_body_and_front_matter() -> None:
    front = "---\ntitle: t\ndescription: " + "d" * 16000 + "\n---\n"
    text = "\ufeff" + front.replace("\n", "\r\n") + "x" * MAX_BODY_BYTES
    raw = text.encode()
    assert len(raw) <= MAX_FILE_BYTES
    assert len(parse_source(raw, "a.md").body) == MAX_BODY_BYTES


# --- Files that are not text files -------------------------------------------------------------


def test_a_folder_named_like_a_page_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    with pytest.raises(SourceError) as raised:
        read_source(tmp_path / "x.md", "content/en/x.md")
    assert str(raised.value.error) == (
        "content/en/x.md: is a folder, not a page; rename it so that its name does not end in .md"
    )


def test_a_pipe_named_like_a_page_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.md")
    with pytest.raises(SourceError) as raised:
        read_source(tmp_path / "x.md", "content/en/x.md")
    assert str(raised.value.error) == (
        "content/en/x.md: is not a regular file; replace it with a Markdown text file"
    )


def test_links_that_cannot_be_followed_are_refused(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    messages = []
    for name in ("gone.md", "loop.md"):
        with pytest.raises(SourceError) as raised:
            read_source(tmp_path / name, f"content/en/{name}")
        messages.append(str(raised.value.error))
    assert messages == [
        "content/en/gone.md: cannot be read (no such file or directory); make it a file that "
        "the build may read",
        "content/en/loop.md: cannot be read (too many levels of symbolic links); make it a file "
        "that the build may read",
    ]


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "secret.md"
    file.write_text(FRONT + "Text.\n")
    file.chmod(0)
    if os.geteuid() == 0:
        # Root reads any file whatever its mode; make the open fail as it does for an editor.
        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(SourceError) as raised:
        read_source(file, "content/en/secret.md")
    assert str(raised.value.error) == (
        "content/en/secret.md: cannot be read (permission denied); make it a file that the "
        "build may read"
    )


def test_names_that_cannot_be_addresses_are_refused(tmp_path: Path) -> None:
    # Names are bytes: one that is not UTF-8, and characters that feeds and sitemaps (XML)
    # cannot carry. Each is reported, printably, and the build does not crash on it.
    folder = tmp_path / "content" / "en"
    folder.mkdir(parents=True)
    for name in (b"caf\xe9.md", b"a\x1bb.md", b"tab\tname.md", "x\ufffe.md".encode()):
        (folder / os.fsdecode(name)).write_text(FRONT + "Text.\n")
    with pytest.raises(ContentErrors) as raised:
        load_catalog(tmp_path / "content", ("en",), tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "content/en/a\\x1bb.md: the file name holds the character U+001B; rename the file",
        "content/en/caf\\udce9.md: the file name is not valid UTF-8 (byte 0xe9); rename the file",
        "content/en/tab\\tname.md: the file name holds the character U+0009; rename the file",
        "content/en/x\\ufffe.md: the file name holds the character U+FFFE; rename the file",
    ]
    assert str(raised.value).encode("utf-8")


# --- '---' lines: truncation is reported, normal bodies are not --------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("    $ chancery check\n    ok\n\nText.\n", id="indented code first"),
        pytest.param("First part.\n\n---\n\nSecond part.\n", id="horizontal rule"),
        pytest.param("Heading\n---\n\nText.\n", id="setext heading"),
        pytest.param("---\n\nText.\n", id="rule right after the front matter"),
        pytest.param("Note: this stays.\n\n---\n\nMore.\n", id="colon in a paragraph"),
        pytest.param("update: the visit is on.\n---\n\nMore.\n", id="lower-case colon line"),
        pytest.param("```yaml\n---\ntitle: x\n---\n```\n", id="yaml example in a fence"),
    ],
)
def test_normal_bodies_are_not_taken_for_front_matter(body: str) -> None:
    document = parse_source((FRONT + body).encode(), "a.md")
    assert document.body == body
    # A block scalar as the last field, then a body that is not indented like it.
    block = "---\ntitle: t\ndescription: |\n  Two\n  lines.\n---\n\n" + body
    assert parse_source(block.encode(), "a.md").body == body


def test_a_code_block_after_a_block_scalar_is_not_taken_for_its_text() -> None:
    # The block's text is indented two spaces; a Markdown code block four.
    text = "---\ntitle: t\ndescription: >\n  Folded\n  text.\n---\n\n    code\n"
    assert parse_source(text.encode(), "a.md").body == "    code\n"


def test_dashes_in_a_block_scalar_with_no_text_before_them() -> None:
    text = "---\ntitle: t\ndescription: |\n---\n  The text.\ntags: [a]\n---\nBody\n"
    with pytest.raises(SourceError) as raised:
        parse_source(text.encode(), "a.md")
    assert (raised.value.error.line, raised.value.error.field) == (4, "description")


def test_the_indented_fix_that_the_message_gives_works() -> None:
    text = "---\ntitle: t\ndescription: |\n  First.\n  ---\n  Second.\ntags: [a]\n---\nBody\n"
    document = parse_source(text.encode(), "a.md")
    assert document.front_matter.data["description"] == "First.\n---\nSecond.\n"
    assert document.body == "Body\n"


# --- Empty bodies ----------------------------------------------------------------------------

DATE = "2026-05-01T09:00:00+09:00"
TYPE_FIELDS = {
    "page": "",
    "news": f"date: {DATE}\n",
    "statement": f"date: {DATE}\nkind: speech\n",
    "travel-advice": f"date: {DATE}\ncountry: FR\nlevel: 2\n",
    "consular-service": "service: passport\n",
    "campaign": f"hashtag: '#OpenHaneul'\nstart: {DATE}\n",
    "fact-check": f"date: {DATE}\nclaim: c\nclaimant: who\nappeared_in: where\nrating: false\n",
    "event": f"start: {DATE}\nlocation: Paris\n",
    "mission": (
        "kind: embassy\ncountry: FR\ncity: Paris\naddress: 12 avenue Hoche\n"
        "phone: '+33 1 53 75 12 00'\nemergency_phone: '+33 6 07 45 12 00'\n"
    ),
}
#: Decided from each type's layout: the body is the text of every type but a mission, whose
#: page is its contact block and listings. A plain page may be empty only as a folder's
#: index.md, which heads a section of the nav.
NEEDS_BODY = {"news", "statement", "travel-advice", "consular-service", "campaign"}
NEEDS_BODY |= {"fact-check", "event", "page"}


def _check(type_name: str, name: str, body: str) -> list[str]:
    text = f"---\ntitle: t\ndescription: d\ntype: {type_name}\n{TYPE_FIELDS[type_name]}---\n{body}"
    document = parse_source(text.encode(), name)
    content, errors = validate_front_matter(
        document.front_matter,
        name,
        "en",
        ("en",),
        body=document.body,
        end_line=document.end_line,
    )
    assert (content is None) == bool(errors)
    return [str(error) for error in errors]


def test_every_type_is_decided() -> None:
    assert set(TYPE_FIELDS) == set(MODELS)


@pytest.mark.parametrize("type_name", sorted(TYPE_FIELDS))
def test_types_whose_layout_shows_the_body_need_one(type_name: str) -> None:
    end = 5 + TYPE_FIELDS[type_name].count("\n")
    expected = (
        [f"content/en/x.md:{end}: the body is empty; write the text below the closing '---' line"]
        if type_name in NEEDS_BODY
        else []
    )
    assert _check(type_name, "content/en/x.md", "\n \n\t\n") == expected
    assert _check(type_name, "content/en/x.md", "\nText.\n") == []


def test_a_folder_index_page_may_be_empty() -> None:
    assert _check("page", "content/en/about/index.md", "") == []
    assert _check("news", "content/en/news/index.md", "") == [
        "content/en/news/index.md:6: the body is empty; write the text below the closing '---' line"
    ]


def test_empty_body_is_reported_with_the_other_errors_of_the_file(tmp_path: Path) -> None:
    errors = _errors(tmp_path, {"en/a.md": "---\ntitle: t\ntype: news\n---\n"})
    assert errors == [
        "content/en/a.md:1: date: required for type news; add a line such as "
        "`date: 2026-05-01T09:00:00+09:00`",
        "content/en/a.md:1: description: required for type news; add a line such as "
        '`description: "One sentence that says what the page is about."`',
        "content/en/a.md:4: the body is empty; write the text below the closing '---' line",
    ]


# --- Any input: an editor's error or a page, never anything else --------------------------------

#: Pieces of YAML and Markdown that reach the reader's corners: nesting, quoting, escapes,
#: block scalars, boundaries, keys that are not text, and characters it must refuse.
TOKENS = [
    "title: ",
    "description: ",
    "type: ",
    "news",
    "page",
    "mission",
    "date: ",
    DATE,
    "tags: ",
    "changes:",
    "withdrawn:",
    "translation_of:",
    "- ",
    "  ",
    "    ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "? ",
    "|",
    ">-",
    "---",
    "...",
    "'",
    '"',
    "\\",
    "\\0",
    "\\ud83d",
    "\\ude00",
    "\\x85",
    "\\e",
    "&a ",
    "*a",
    "!!str ",
    "# ",
    "%YAML 1.2",
    "no",
    "1",
    "\x00",
    "\x0b",
    "\x1b",
    "\x7f",
    "\x85",
    "\ufeff",
    "\u202e",
    "\u2069",
    "\u200b",
    "\u3164",
    "\ufffe",
    "\U0001f600",
    "مرحبا",
    "외교부",
    "x" * 300,
]

_RANDOM = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _read(raw: bytes) -> None:
    """Read ``raw`` as a content file; every error must be a one-line editor's message."""
    try:
        document = parse_source(raw, "content/en/x.md")
    except SourceError as error:
        _check_message(str(error.error))
        return
    content, errors = validate_front_matter(
        document.front_matter,
        "content/en/x.md",
        "en",
        ("en", "ar"),
        body=document.body,
        end_line=document.end_line,
    )
    for problem in errors:
        _check_message(str(problem))
    assert (content is None) == bool(errors)
    if content is not None:
        # What was accepted can be written to XML: feeds and sitemaps cannot crash on it.
        etree.fromstring(_feed(content.title, content.description))


def _check_message(message: str) -> None:
    assert message.startswith("content/en/x.md")
    assert "\n" not in message
    assert message.isprintable() or not any(
        ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in message
    )


def _feed(title: str, summary: str) -> bytes:
    published = datetime.fromisoformat(TEST_NOW)
    entry = FeedEntry("https://ministry.example/x/", title, summary, published, published)
    feed = Feed(
        "all",
        "en",
        "Feed",
        "News",
        "Ministry",
        "https://ministry.example/",
        "feeds/all/",
        "news/",
        (entry,),
    )
    return render(feed, "atom")


@_RANDOM
@given(st.binary(max_size=600))
def test_random_bytes_give_a_page_or_an_editors_error(raw: bytes) -> None:
    _read(raw)
    _read(b"---\n" + raw)
    _read(b"---\ntitle: t\n" + raw + b"\n---\nBody\n")


@_RANDOM
@given(
    st.sampled_from(["", "title: t\ndescription: d\n"]),
    st.lists(st.sampled_from(TOKENS), max_size=60),
    st.lists(st.sampled_from(TOKENS)),
)
def test_random_yaml_like_text_gives_a_page_or_an_editors_error(
    valid: str, front: list[str], body: list[str]
) -> None:
    text = "---\n" + valid + "".join(front) + "\n---\n" + "".join(body)
    _read(text.encode("utf-8", "surrogatepass"))


@_RANDOM
@given(st.text(max_size=80), st.text(max_size=80))
def test_any_title_the_reader_accepts_can_be_written_to_a_feed(title: str, summary: str) -> None:
    # JSON's escapes are valid YAML double-quoted escapes, and can write any code point.
    text = f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(summary)}\n---\nText.\n"
    _read(text.encode())


# --- In a build ------------------------------------------------------------------------------


def test_a_nul_in_a_title_fails_the_build_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before, this title reached lxml through feedgen and ended the build in a ValueError.
    news = (
        '---\ntitle: "Visit\\0 to Paris"\ndescription: d\ntype: news\n'
        "date: 2026-01-05T09:00:00+00:00\n---\n\nText.\n"
    )
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    config = _project(tmp_path, {"en/index.md": page("Home"), "en/news/visit.md": news})
    assert main(["build", "-q", "-f", str(config)]) == 1
    assert (
        "content/en/news/visit.md:2: title: the control character U+0000 is not allowed; delete "
        "it, or the escape that writes it, such as \\x00"
    ) in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_right_to_left_titles_with_direction_controls_are_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arabic with marks and an isolate around Latin text, in the page and in the feeds.
    title = "\u0632\u064a\u0627\u0631\u0629 \u2067Paris\u2069 \u200f2026"
    news = {"type": "news", "date": "2026-01-05T09:00:00+00:00"}
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    config = _project(
        tmp_path,
        {
            "en/index.md": page("Home"),
            "ar/index.md": page(
                "\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629", translation_of=of("en")
            ),
            "ar/news/visit.md": page(title, "\u0646\u0635.", **news),
        },
        languages=(("en", "foreign"), ("ar", "foreign")),
    )
    assert main(["build", "-q", "-f", str(config)]) == 0
    feed = etree.parse(str(tmp_path / "site" / "ar" / "feeds" / "all" / "atom.xml"))
    titles = feed.findall(
        ".//{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title"
    )
    assert [element.text for element in titles] == [title]


def _project(
    tmp_path: Path,
    files: dict[str, str | bytes],
    languages: tuple[tuple[str, str], ...] = (("en", "foreign"),),
) -> Path:
    write_tree(tmp_path / "content", files)
    config = tmp_path / "mkdocs.yml"
    # The regions of the test site are named in English, French and Korean only: the gate
    # would stop an Arabic site for that, which is not what these tests are about.
    settings = listings_config(languages, languages_options={"translation_gate": "warn"})
    config.write_text(yaml.safe_dump(settings, allow_unicode=True))
    return config
