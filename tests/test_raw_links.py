"""G8 for raw HTML: links and images written in HTML are checked as Markdown links are.

MkDocs checks Markdown links only; `<a href>` and `<img src>` written in HTML passed a strict
build whatever they pointed to. The core resolves them as a browser does and looks the target
up among the files of every language; these tests prove the resolution against MkDocs' own
relative URLs, and the check on real strict builds, from the root language and from a prefixed
one, into other languages, fallbacks and generated pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from mkdocs.utils import get_relative_url

from chancery.core.catalog import load_catalog
from chancery.core.raw_links import (
    BrokenLink,
    SiteAddresses,
    UrlReference,
    broken_links,
    content_files,
    raw_html_values,
    resolve,
    site_addresses,
)
from tests.conftest import BuildSite, of, page
from tests.listings_support import build_project, listings_config

SITE = "https://ministry.example/"


@pytest.mark.parametrize(
    ("url", "page_url", "site_url", "expected"),
    [
        ("../b/", "news/a/", SITE, "news/b/"),
        ("photo.jpg", "news/a/", SITE, "news/a/photo.jpg"),
        ("../photo.jpg?v=2#top", "news/a/", SITE, "news/photo.jpg"),
        ("/fr/news/", "news/a/", SITE, "fr/news/"),
        ("https://ministry.example/fr/", "news/a/", SITE, "fr/"),
        ("HTTPS://MINISTRY.EXAMPLE/fr/", "news/a/", SITE, "fr/"),
        ("https://elsewhere.example/fr/", "news/a/", SITE, None),
        ("//cdn.example/x.js", "news/a/", SITE, None),
        ("mailto:press@ministry.example", "news/a/", SITE, None),
        ("#section", "news/a/", SITE, None),
        ("?page=2", "news/a/", SITE, None),
        ("%C3%A9t%C3%A9/", "news/", SITE, "news/été/"),
        ("../../../../x/", "news/a/", SITE, "x/"),
        ("b.html", "news/a.html", SITE, "news/b.html"),
        ("", "news/a/", SITE, None),
        # A site served under a path: site-absolute links must stay inside it.
        ("/docs/fr/", "news/a/", "https://ministry.example/docs/", "fr/"),
        ("/other/", "news/a/", "https://ministry.example/docs/", None),
        ("../../", "fr/news/", "https://ministry.example/docs/", ""),
        ("/fr/", "a/", None, "fr/"),
    ],
)
def test_addresses_resolve_as_a_browser_resolves_them(
    url: str, page_url: str, site_url: str | None, expected: str | None
) -> None:
    assert resolve(url, page_url, site_url) == expected


_SEGMENT = st.text(alphabet="abcdefghij-_é0", min_size=1, max_size=6)
#: A page's directory URL: 'a/b/', or '' for the home.
_PAGE = st.lists(_SEGMENT, max_size=4).map(lambda parts: "".join(f"{part}/" for part in parts))


@settings(max_examples=200, deadline=None)
@given(source=_PAGE, target=_PAGE, site_path=st.sampled_from(["/", "/docs/", "/a/b/"]))
def test_mkdocs_relative_urls_between_pages_resolve_to_their_target(
    source: str, target: str, site_path: str
) -> None:
    # MkDocs writes a link between two pages as a relative URL; followed from the first page,
    # it must lead to the second, wherever the site is served.
    relative = get_relative_url(target or ".", source or ".")
    assert resolve(relative, source, f"https://ministry.example{site_path}") == target


def test_a_folder_is_published_with_its_index_with_or_without_its_slash() -> None:
    addresses = SiteAddresses(frozenset({"index.html", "news/index.html", "news/photo.jpg"}))
    assert addresses.serves("")
    assert addresses.serves("news/")
    assert addresses.serves("news")
    assert addresses.serves("news/index.html")
    assert addresses.serves("news/photo.jpg")
    assert not addresses.serves("news/photo.jpg/")
    assert not addresses.serves("about/")
    assert not addresses.serves("news/missing.png")


def test_what_plugins_write_after_the_pages_is_taken_on_trust() -> None:
    addresses = site_addresses(
        own=["index.html"], generated=[], own_prefix="", prefixes=("", "fr/"), others=[]
    )
    for path in (
        "sitemap.xml",
        "robots.txt",
        ".well-known/chancery/manifest.json",
        "search/pagefind/pagefind-ui.js",
        "light/",
        "light",
        "fr/light/travel-advice/egypt/",
        "fr/404.html",
    ):
        assert addresses.serves(path), path
    assert not addresses.serves("lightning/")
    assert not addresses.serves("ko/light/")


def test_raw_html_values_read_every_quoting_and_decode_entities() -> None:
    markdown = (
        "Text <a href=\"../a/\">a</a> <img src='b.png' alt=x> <a href=c/?x=1&amp;y=2>c</a>\n"
        '<img srcset="d.png 1x, e.png 2x"> [markdown](f.md) ![image](g.png)\n'
        '<video poster="h.jpg" src = "i.mp4"></video>'
    )
    assert raw_html_values(markdown) == {
        "../a/",
        "b.png",
        "c/?x=1&y=2",
        "d.png 1x, e.png 2x",
        "h.jpg",
        "i.mp4",
    }
    assert raw_html_values("No HTML here: [a](b.md) href=c") == frozenset()


def test_only_addresses_written_in_html_are_checked_and_each_once() -> None:
    addresses = SiteAddresses(frozenset({"index.html", "news/a/index.html", "news/a/ok.png"}))
    references = [
        UrlReference("a", "href", "../missing/"),  # Markdown wrote it: MkDocs reported it.
        UrlReference("a", "href", "../gone/"),
        UrlReference("a", "href", "../gone/"),
        UrlReference("img", "srcset", "ok.png 1x, big.png 2x"),  # Only HTML writes srcset.
        UrlReference("a", "href", "#intro"),
        UrlReference("a", "href", "#nowhere"),
        UrlReference("img", "src", "ok.png"),
    ]
    found = broken_links(
        references,
        raw_values=frozenset({"../gone/", "#intro", "#nowhere", "ok.png"}),
        page_url="news/a/",
        site_url=SITE,
        addresses=addresses,
        anchors=frozenset({"intro"}),
    )
    assert found == [
        BrokenLink("../gone/", "missing", "news/gone/"),
        BrokenLink("big.png", "missing", "news/a/big.png"),
        BrokenLink("#nowhere", "anchor"),
    ]


def test_generated_pages_exist_in_every_language_at_the_same_path() -> None:
    prefixes = ("", "fr/", "ko/")
    from_root = site_addresses(
        own=["index.html", "tags/index.html"],
        generated=["tags/index.html"],
        own_prefix="",
        prefixes=prefixes,
        others=["fr/index.html"],
    )
    assert {"fr/tags/index.html", "ko/tags/index.html", "fr/index.html"} <= from_root.files
    from_french = site_addresses(
        own=["fr/index.html", "fr/tags/index.html", "assets/chancery/chancery.css"],
        generated=["fr/tags/index.html", "assets/chancery/chancery.css"],
        own_prefix="fr/",
        prefixes=prefixes,
        others=[],
    )
    assert {"tags/index.html", "ko/tags/index.html"} <= from_french.files
    # Site-wide files are not copied under each language.
    assert not from_french.serves("ko/assets/chancery/chancery.css")


def test_content_files_are_every_publishable_file_besides_pages(tmp_path: Path) -> None:
    for relative in (
        "en/index.md",
        "en/news/photo.jpg",
        "en/_drafts/secret.png",
        "en/news/photo.jpg~",
        "fr/plan.pdf",
    ):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(
            page("Home").encode() if relative.endswith(".md") else b"x"
        )
    catalog = load_catalog(tmp_path, ("en", "fr", "ko"), check_groups=False)
    assert sorted(content_files(catalog)) == [("en", "news/photo.jpg"), ("fr", "plan.pdf")]


# Real builds: English at the root, Korean under ko/, strict.

IMAGE = b"\x89PNG\r\n\x1a\n"
ONLY_IN_ENGLISH = "Only in English."


def _site_files(en_body: str, ko_body: str = "본문.") -> dict[str, str | bytes]:
    return {
        "en/index.md": page("Home"),
        "ko/index.md": page("홈", translation_of=of("en")),
        "en/news/a.md": page("A", en_body),
        "ko/news/a.md": page("가", ko_body, translation_of=of("en", en_body)),
        "en/news/b.md": page("B"),
        "ko/news/b.md": page("나", translation_of=of("en")),
        "en/news/only-english.md": page("Only English", ONLY_IN_ENGLISH),
        "en/news/draft.md": page("Draft", draft=True),
        "en/news/photo.png": IMAGE,
        "ko/news/sajin.png": IMAGE,
    }


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.WARNING and "raw-HTML" in record.getMessage()
    ]


def test_broken_raw_html_links_and_images_fail_a_strict_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    en = '<a href="../no-such-page/">x</a> <img src="missing.png" alt="">'
    ko = '<a href="../../../news/no-such-page/">x</a> <img src="../큰.png" alt="">'
    with pytest.raises(Abort):
        build_site(_site_files(en, ko))
    assert sorted(_warnings(caplog)) == sorted(
        [
            "chancery: Doc file 'en/news/a.md' contains a raw-HTML link '../no-such-page/', but "
            "the target 'news/no-such-page/' is not found among documentation files.",
            "chancery: Doc file 'en/news/a.md' contains a raw-HTML link 'missing.png', but the "
            "target 'news/a/missing.png' is not found among documentation files.",
            "chancery: Doc file 'ko/news/a.md' contains a raw-HTML link "
            "'../../../news/no-such-page/', but the target 'news/no-such-page/' is not found among "
            "documentation files.",
            "chancery: Doc file 'ko/news/a.md' contains a raw-HTML link '../큰.png', but the "
            "target 'ko/news/큰.png' is not found among documentation files.",
        ]
    )


def test_raw_html_links_to_what_exists_pass_a_strict_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    en = (
        '<a href="../b/">folder</a> <a href="../b">no slash</a> '
        '<a href="../b/index.html">index</a> <a href="/news/b/">site-absolute</a> '
        '<a href="https://ministry.example/news/b/">absolute</a> <a href="../../">home</a> '
        '<img src="../photo.png" alt=""> <a href="../../ko/news/b/">Korean</a> '
        '<a href="../../ko/news/only-english/">Korean fallback</a> '
        '<img src="../../ko/news/sajin.png" alt=""> '
        '<a href="https://elsewhere.example/x/">elsewhere</a> <a href="mailto:a@b.example">m</a>'
    )
    ko = '<a href="../../../news/b/">English</a> <a href="../only-english/">fallback</a>'
    site = build_site(_site_files(en, ko))
    assert (site / "ko/news/only-english/index.html").is_file()
    assert _warnings(caplog) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<a href="../draft/">draft</a>',
            "the target 'news/draft/' is not found among documentation files.",
        ),
        # Raw HTML is not rewritten: a `.md` address 404s even though the file exists.
        (
            '<a href="b.md">b</a>',
            "the target 'news/a/b.md' is not found among documentation files. Raw HTML is "
            "published as written: link to the page's address, not its file.",
        ),
    ],
    ids=["unpublished page", "markdown file"],
)
def test_a_raw_html_link_that_leads_nowhere_fails(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture, body: str, message: str
) -> None:
    with pytest.raises(Abort):
        build_site(_site_files(body))
    url = body.split('"')[1]
    assert _warnings(caplog) == [
        f"chancery: Doc file 'en/news/a.md' contains a raw-HTML link '{url}', but {message}"
    ]


def test_a_broken_markdown_link_is_reported_once_by_mkdocs(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(_site_files("[gone](gone.md)"))
    assert _warnings(caplog) == []
    assert "Doc file 'en/news/a.md' contains a link 'gone.md'" in caplog.text


def test_raw_html_anchors_on_the_page_are_checked(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    body = '## Intro\n\n<a href="#intro">up</a> <a href="#nowhere">nowhere</a>'
    config = {"validation": {"links": {"anchors": "warn"}}}
    with pytest.raises(Abort):
        build_site(_site_files(body, "내용."), config=config)
    assert _warnings(caplog) == [
        "chancery: Doc file 'en/news/a.md' contains a raw-HTML link '#nowhere', but there is "
        "no such anchor on this page."
    ]


def test_a_fallback_names_the_file_to_fix(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = _site_files("Text.")
    files["en/news/only-english.md"] = page("Only English", '<img src="../gone.png" alt="">')
    with pytest.raises(Abort):
        build_site(files)
    # Reported once, by the original's build: the fallback shows the same broken link, and
    # the file to fix is the original.
    assert _warnings(caplog) == [
        "chancery: Doc file 'en/news/only-english.md' contains a raw-HTML link '../gone.png', "
        "but the target 'news/gone.png' is not found among documentation files."
    ]


def test_generated_pages_of_other_languages_count(tmp_path: Path) -> None:
    # Listings exist in every language at the same path: a link from English to the Korean
    # news listing and from Korean to the English archive passes a strict build.
    en = '<a href="../../ko/news/">Korean news</a> <a href="../../ko/archive/">archive</a>'
    ko = '<a href="../../../archive/">English archive</a> <a href="../../../news/">news</a>'
    files = {
        **_site_files(en, ko),
        "en/news/a.md": page("A", en, type="news", date="2026-05-01T09:00:00+09:00"),
        "ko/news/a.md": page(
            "가", ko, type="news", date="2026-05-01T09:00:00+09:00", translation_of=of("en", en)
        ),
    }
    site = build_project(tmp_path, files, listings_config((("en", "foreign"), ("ko", "domestic"))))
    assert (site / "ko/archive/index.html").is_file()
