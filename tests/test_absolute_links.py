"""Site-absolute links (`/docs/install/`) lead to the page in the linking page's language.

Checked like relative links (a strict build fails on one that leads nowhere), rendered as the
relative URL of the right page, in every language, through honest fallbacks too.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from chancery.core.links import link_targets, relative_link
from tests.conftest import BuildSite, chancery_plugins, of, page

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("pt-BR", "foreign"), ("zh-Hant", "domestic"))
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5b1c2d80000000049454e44ae426082"
)
INSTALL = "Install it. ![diagram](/docs/diagram.png)"
HOME = (
    "See [install](/docs/install.md), [again](/docs/install/), [docs](/docs/) and "
    "[tips](/en/tips.html#top)."
)


def _files(**extra: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "en/index.md": page("Home", HOME),
        "en/tips.md": page("Tips", "Tips."),
        "en/docs/index.md": page("Docs", ""),
        "en/docs/install.md": page("Install", INSTALL),
        "en/docs/diagram.png": PNG,
        "fr/index.md": page(
            "Accueil",
            "Voir [installer](/docs/install/) et [conseils](/fr/tips.md).",
            translation_of=of("en", HOME),
        ),
        "fr/docs/index.md": page("Docs FR", "", translation_of=of("en", "")),
        "pt-BR/index.md": page(
            "Início",
            "Veja [instalar](/pt-BR/docs/install.md?x=1) e [dicas](/tips).",
            translation_of=of("en", HOME),
        ),
        "pt-BR/docs/index.md": page("Docs PT", "", translation_of=of("en", "")),
        "zh-Hant/index.md": page(
            "首頁", "見[安裝](/docs/install/)。", translation_of=of("en", HOME)
        ),
        "zh-Hant/docs/index.md": page("文件", "", translation_of=of("en", "")),
    }
    files.update(extra)
    return files


def _config() -> dict[str, Any]:
    return {
        "validation": {
            "links": {
                "not_found": "warn",
                "absolute_links": "warn",
                "unrecognized_links": "warn",
                "anchors": "info",
            }
        },
        "plugins": chancery_plugins(
            LANGUAGES, root_language="en", languages_options={"build_jobs": 1}
        ),
    }


def _links(site: Path, page_path: str) -> dict[str, str]:
    """Link text -> the site path the link leads to, from the page at ``page_path``."""
    soup = BeautifulSoup((site / page_path).read_text("utf-8"), "lxml")
    article = soup.select_one("article")
    assert article is not None
    base = "https://x.example/" + page_path.removesuffix("index.html")
    found = {}
    for anchor in article.select("a[href]"):
        href = str(anchor["href"])
        found[anchor.get_text(strip=True)] = urljoin(base, href).removeprefix("https://x.example/")
    for image in article.select("img[src]"):
        found[f"img:{image.get('alt')}"] = urljoin(base, str(image["src"])).removeprefix(
            "https://x.example/"
        )
    return found


def test_site_absolute_links_lead_to_the_page_in_each_language(build_site: BuildSite) -> None:
    site = build_site(_files(), languages=LANGUAGES, config=_config())
    assert _links(site, "index.html") == {
        "install": "docs/install/",
        "again": "docs/install/",
        "docs": "docs/",
        "tips": "tips/#top",
    }
    # French has no install page of its own: the link leads to its honest fallback, /fr/...
    assert _links(site, "fr/index.html") == {
        "installer": "fr/docs/install/",
        "conseils": "fr/tips/",
    }
    assert (site / "fr/docs/install/index.html").is_file()
    assert _links(site, "pt-BR/index.html") == {
        "instalar": "pt-BR/docs/install/?x=1",
        "dicas": "pt-BR/tips/",
    }
    assert _links(site, "zh-Hant/index.html") == {"安裝": "zh-Hant/docs/install/"}
    # A fallback shows its original's text; its image is the original's file.
    for prefix in ("", "fr/", "pt-BR/", "zh-Hant/"):
        links = _links(site, f"{prefix}docs/install/index.html")
        assert links["img:diagram"] == "docs/diagram.png", prefix
        assert (site / links["img:diagram"]).read_bytes() == PNG


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("/nowhere/", "'fr/nowhere.md' or 'fr/nowhere/index.md'"),
        ("/docs/missing.md", "'fr/docs/missing.md'"),
        (
            "/en/tips/",
            "leads into the 'en' part of the site from a 'fr' page; write it as '/tips/'",
        ),
    ],
)
def test_a_site_absolute_link_that_leads_nowhere_fails_a_strict_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture, link: str, expected: str
) -> None:
    files = _files(**{"fr/broken.md": page("Cassé", f"Voir [ici]({link}).")})
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES, config=_config())
    assert "Doc file 'fr/broken.md' contains" in caplog.text
    assert link in caplog.text and expected in caplog.text


def test_a_fallback_reads_its_originals_language_prefix_as_its_own(build_site: BuildSite) -> None:
    # A page written in French only links with French addresses; shown to English readers as a
    # fallback, its links lead to the English pages (or their fallbacks).
    files = _files(**{"fr/seul.md": page("Seul", "Voir [l'accueil](/fr/index.md).")})
    site = build_site(files, languages=LANGUAGES, config=_config())
    assert _links(site, "fr/seul/index.html") == {"l'accueil": "fr/"}
    assert _links(site, "seul/index.html") == {"l'accueil": ""}
    assert _links(site, "zh-Hant/seul/index.html") == {"l'accueil": "zh-Hant/"}


def test_the_markdown_cache_replays_the_warning_of_a_broken_site_absolute_link(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = _files(**{"en/broken.md": page("Broken", "See [x](/gone/).")})
    for _ in ("cold", "warm"):
        caplog.clear()
        with caplog.at_level(logging.WARNING), pytest.raises(Abort):
            build_site(files, languages=LANGUAGES, config=_config())
        assert "contains a site-absolute link '/gone/'" in caplog.text


def test_link_targets_by_form() -> None:
    codes = ("en", "fr", "pt-BR")
    assert link_targets("/a/b/", "fr", codes).candidates == ("fr/a/b.md", "fr/a/b/index.md")
    assert link_targets("/a/b", "fr", codes).candidates == ("fr/a/b.md", "fr/a/b/index.md")
    assert link_targets("/a/b.md#x", "fr", codes).candidates == ("fr/a/b.md",)
    assert link_targets("/a/b.html", "fr", codes).candidates == ("fr/a/b.md",)
    assert link_targets("/", "pt-BR", codes).candidates == ("pt-BR/index.md",)
    assert link_targets("/pt-br/a/", "pt-BR", codes).candidates == (
        "pt-BR/a.md",
        "pt-BR/a/index.md",
    )
    assert link_targets("/img/x.png", "fr", codes).candidates == ("fr/img/x.png", "img/x.png")
    assert link_targets("/%C3%BCber/", "fr", codes).candidates[0] == "fr/über.md"
    assert link_targets("/fr/a/", "en", codes).problem is not None
    assert link_targets("/fr/a/", "en", codes, "fr").candidates == ("en/a.md", "en/a/index.md")


@settings(max_examples=200, deadline=None)
@given(
    source=st.lists(st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True), min_size=1, max_size=4),
    target=st.lists(st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True), min_size=1, max_size=4),
    fragment=st.from_regex(r"[a-z]{0,6}", fullmatch=True),
)
def test_a_relative_link_leads_back_to_its_target(
    source: list[str], target: list[str], fragment: str
) -> None:
    # What MkDocs does with a relative link: join it to the linking file's folder.
    from_path = "fr/" + "/".join(source) + ".md"
    to_path = "fr/" + "/".join(target) + ".md"
    url = "/x" + (f"#{fragment}" if fragment else "")
    link = relative_link(url, from_path, to_path)
    path, _, anchor = link.partition("#")
    joined = Path(from_path).parent.joinpath(path).as_posix()
    assert posixpath.normpath(joined) == to_path
    assert anchor == fragment
