"""Content is untrusted: only rendered pages and the assets they use are published.

Whatever a careless editor or an attacker with commit access puts in content/ reaches the site
only as a rendered page or an asset that a published page uses, and anything dangerous stops
the build with the file and the fix (DESIGN.md G1-G3).

The leak scan over a whole built portal is in test_leaks.py; these tests take each way in on
its own, on tiny sites in several languages.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser, sync_playwright

from chancery.cli import main
from chancery.core.publication import rebase_links, referenced_paths, site_path, suggest_name
from tests.browser_support import launch_chromium, serve
from tests.conftest import (
    TEST_NOW,
    BuildSite,
    build_in,
    of,
    page,
    site_config,
    site_files,
    write_tree,
)
from tests.leak_scanner import find_leaks

THREE = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))
NEWS = {"type": "news", "date": "2026-11-01T09:00:00+09:00"}


def _home(body: str = "Welcome.") -> dict[str, str]:
    return {
        "en/index.md": page("Home", body),
        "fr/index.md": page("Accueil", "Bienvenue.", translation_of=of("en", body)),
        "ko/index.md": page("홈", "환영합니다.", translation_of=of("en", body)),
    }


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _project(root: Path, files: dict[str, str | bytes]) -> Path:
    """A site in ``root`` for the CLI, in three languages; returns its mkdocs.yml."""
    write_tree(root / "content", files)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(site_config(THREE)))
    return root / "mkdocs.yml"


def _with_content_options(**options: object) -> list[object]:
    """The test site's plugins, with these chancery/content settings added."""
    plugins: list[object] = site_config(THREE)["plugins"]
    plugins[0]["chancery/content"].update(options)  # type: ignore[index]
    return plugins


@pytest.fixture
def errors(build_site: BuildSite, caplog: pytest.LogCaptureFixture) -> Callable[..., str]:
    """Build a site that must fail; return what the build logged as errors."""

    def errors(files: dict[str, str | bytes]) -> str:
        with caplog.at_level(logging.ERROR), pytest.raises(Abort):
            build_site(files, languages=THREE)
        return caplog.text

    return errors


# 1. Symbolic links -------------------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files outside the repository that a link in content/ could point to."""
    folder = tmp_path / "outside"
    (folder / "certs").mkdir(parents=True)
    (folder / "passwd").write_text("root:x:0:0:zqxoutside:/root:/bin/bash\n")
    (folder / "certs" / "ca.pem").write_text("zqxoutside certificate\n")
    (folder / "page.md").write_text(page("zqxoutside", "zqxoutside body"))
    return folder


def _link(project: Path, relative: str, target: Path) -> None:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)


def test_links_out_of_the_content_folder_stop_the_build(
    errors: Callable[..., str], tmp_path: Path, outside: Path
) -> None:
    project = tmp_path / "project"
    _link(project, "en/passwd.txt", outside / "passwd")
    _link(project, "fr/certs", outside / "certs")
    _link(project, "ko/outside.md", outside / "page.md")
    _link(project, "en/loop.txt", project / "content/en/loop.txt")
    message = errors({**_home("[Passwords](passwd.txt)")})
    assert "4 content errors; nothing was published" in message
    for line in (
        "content/en/passwd.txt: is a symbolic link to a file outside the content folder, which "
        "would publish it; copy the file into the content folder instead",
        "content/fr/certs: is a symbolic link to a folder; content folders cannot be links",
        "content/ko/outside.md: is a symbolic link to a file outside the content folder",
        "content/en/loop.txt: is a symbolic link that cannot be resolved (a loop?)",
    ):
        assert line in message
    assert not (project / "site").exists()


def test_a_link_to_a_publishable_file_inside_content_is_that_file(
    build_site: BuildSite, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    (project / "content/en/images").mkdir(parents=True)
    (project / "content/en/images/map.png").write_bytes(b"\x89PNG map")
    _link(project, "en/map.png", project / "content/en/images/map.png")
    site = build_site(_home("![Map](map.png)"), languages=THREE)
    assert (site / "map.png").read_bytes() == b"\x89PNG map"
    assert not (site / "images/map.png").exists()  # No published page uses it there.


def test_a_link_to_a_private_file_is_refused(errors: Callable[..., str], tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "content/en/_notes").mkdir(parents=True)
    (project / "content/en/_notes/secret.txt").write_text("zqxsecret")
    _link(project, "en/notes.txt", project / "content/en/_notes/secret.txt")
    message = errors(_home("[Notes](notes.txt)"))
    assert "content/en/notes.txt: links to a private file" in message


def test_check_reports_links_without_building(tmp_path: Path, outside: Path) -> None:
    project = tmp_path / "project"
    config = _project(project, _home())
    _link(project, "en/passwd.txt", outside / "passwd")
    assert main(["check", "-f", str(config)]) == 1


# 2. Active content -------------------------------------------------------------------------


def test_active_files_are_refused_with_the_fix(errors: Callable[..., str]) -> None:
    message = errors(
        {
            **_home('[Report](report.html) <a href="evil.html">x</a>'),
            "en/report.html": "<script src='evil.js'></script>",
            "en/evil.js": "alert(document.cookie)",
            "fr/feed.xml": "<?xml version='1.0'?><x/>",
            "ko/style.css": "body{display:none}",
        },
    )
    assert "4 content errors; nothing was published" in message
    assert (
        "content/en/report.html: is active content (.html), which could run script on the "
        "site's origin; content cannot publish it. Write the page in Markdown, and put scripts "
        "and styles in overrides/ (reviewed with the site's code), or remove it"
    ) in message
    for name in ("content/en/evil.js", "content/fr/feed.xml", "content/ko/style.css"):
        assert f"{name}: is active content" in message


SCRIPTED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'onload="window.zqxran=1"><script>window.zqxran=2</script>'
    '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:1"/>'
    '</foreignObject><a xlink:href="javascript:window.zqxran=3"><circle r="5" cx="5" cy="5"/>'
    '</a><image href="https://tracker.example/p.png"/></svg>'
)


def test_svg_is_published_as_the_sanitisers_output(build_site: BuildSite) -> None:
    site = build_site({**_home("![Map](map.svg)"), "en/map.svg": SCRIPTED_SVG}, languages=THREE)
    svg = (site / "map.svg").read_text()
    assert "<circle" in svg
    for active in ("<script", "onload", "javascript:", "foreignObject", "tracker.example"):
        assert active not in svg, active


@pytest.mark.browser
def test_a_sanitised_svg_runs_no_script_when_opened(
    build_site: BuildSite, chromium: Browser
) -> None:
    site = build_site({**_home("![Map](map.svg)"), "en/map.svg": SCRIPTED_SVG}, languages=THREE)
    with serve(site) as origin:
        tab = chromium.new_page()
        tab.goto(f"{origin}/map.svg")
        tab.wait_for_timeout(200)
        ran = tab.evaluate("() => window.zqxran === undefined ? null : window.zqxran")
        drawn = tab.evaluate("() => document.querySelectorAll('circle').length")
        tab.close()
    assert ran is None
    assert drawn == 1


def test_an_unreadable_svg_names_the_file(errors: Callable[..., str]) -> None:
    message = errors({**_home("![Map](map.svg)"), "en/map.svg": "<svg <<< not xml"})
    assert "content/en/map.svg: is not an SVG image the sanitiser can read" in message


# 3. An embargo covers the translation group ------------------------------------------------


def test_a_translation_that_sets_its_own_embargo_is_reported(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    body = "The minister will travel."
    with caplog.at_level(logging.INFO):
        site = build_site(
            {
                **_home(),
                "en/news/visit.md": page("Visit", body, **NEWS, publish_at="2027-01-01T00:00:00Z"),
                "fr/news/visit.md": page(
                    "Visite zqxearly",
                    "Le ministre se rendra.",
                    **NEWS,
                    publish_at="2026-11-01T00:00:00Z",
                    translation_of=of("en", body),
                ),
            },
            languages=THREE,
        )
    # The French version said otherwise, explicitly: it follows its own time, with a warning
    # that names both files.
    assert (site / "fr/news/visit/index.html").exists()
    assert not (site / "news/visit/index.html").exists()
    assert (
        "Lifecycle: content/fr/news/visit.md:6: publish_at: differs from the source, "
        "content/en/news/visit.md (2027-01-01 00:00:00+00:00); this version follows its own "
        "setting. Remove the line to follow the source"
    ) in caplog.text


def test_translations_of_a_draft_follow_it_in_every_language(build_site: BuildSite) -> None:
    body = "Draft text."
    files = {
        **_home(),
        "en/news/plan.md": page("Plan", body, **NEWS, draft=True),
        "fr/news/plan.md": page(
            "Plan zqxplanfr", "zqxplanfr", **NEWS, translation_of=of("en", body)
        ),
        "ko/news/plan.md": page(
            "계획 zqxplanko", "zqxplanko", **NEWS, translation_of=of("en", body)
        ),
    }
    site = build_site(files, languages=THREE)
    assert find_leaks(site, ["zqxplanfr", "zqxplanko", "news/plan"]) == []


# 4 and 5. Files beside unpublished pages, editor files ---------------------------------------


def test_upper_case_suffixes_and_names_are_errors_with_a_suggested_name(
    errors: Callable[..., str],
) -> None:
    message = errors(
        {
            **_home(),
            "en/news/x.MD": page("X", "zqxupper", draft=True),
            "fr/Über Uns.md": page("Über uns"),
            "ko/News/Photo.PNG": b"\x89PNG",
            "en/notes.markdown": page("Notes"),
        },
    )
    assert (
        "content/en/news/x.MD: '.MD' is not the suffix of a content page; rename it to 'x.md'"
    ) in message
    assert (
        "content/fr/Über Uns.md: 'Über Uns.md' is not a lower-case ASCII name (letters a-z, "
        "digits, '-', '_', '.'), which every published address uses; rename it to 'uber-uns.md'"
    ) in message
    assert "content/ko/News/Photo.PNG: 'News' is not a lower-case ASCII name" in message
    assert "rename it to 'notes.md'" in message


def test_check_lists_what_it_will_not_publish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(
        tmp_path / "project",
        {**_home(), "en/x.md.save": "x", "en/#x.md#": "x", "notes.txt": "x", "en/_p/a.md": "x"},
    )
    assert main(["check", "-f", str(config)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "not published: content/en/#x.md#: '.md#' is not a publishable type (editor or "
        "backup file?)" in out
    )
    assert (
        "not published: content/en/x.md.save: '.save' is not a publishable type (editor "
        "or backup file?)" in out
    )
    assert (
        "not published: content/notes.txt: not inside a language folder, and not in "
        "public_files" in out
    )
    assert not any("_p/a.md" in line for line in out)


def test_public_files_are_published_although_no_page_uses_them(
    build_site: BuildSite,
) -> None:
    site = build_site(
        {**_home(), "en/press/kit.pdf": b"%PDF kit", "en/press/old.pdf": b"%PDF old"},
        languages=THREE,
        config={"plugins": _with_content_options(public_files=["en/press/kit.pdf"])},
    )
    assert (site / "press/kit.pdf").exists()
    assert not (site / "press/old.pdf").exists()


def test_a_public_files_pattern_that_matches_nothing_is_an_error(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            _home(),
            languages=THREE,
            config={"plugins": _with_content_options(public_files=["en/press/*.pdf"])},
        )
    assert (
        "mkdocs.yml: public_files: 'en/press/*.pdf' matches no publishable file of the content "
        "folder; correct the pattern or remove it"
    ) in caplog.text


# 6. One address, one source -----------------------------------------------------------------


def test_two_sources_for_one_address_are_an_error_naming_both(errors: Callable[..., str]) -> None:
    message = errors(
        {
            **_home(),
            "en/news/a.md": page("A", **NEWS),
            "en/news/a/index.md": page("A again", **NEWS),
            "fr/news/b.md": page("B", **NEWS),
            "fr/news/b/index.md": page("B encore", **NEWS),
            "en/fr/intro.md": page("Intro"),
        },
    )
    assert (
        "content/en/news/a/index.md: is published at the same address as content/en/news/a.md "
        "(/news/a/); rename or remove one of them"
    ) in message
    assert (
        "content/fr/news/b/index.md: is published at the same address as content/fr/news/b.md"
        " (/fr/news/b/)" in message
    )
    assert (
        "content/en/fr/intro.md: would be published under /fr/, the address of the 'fr' part of "
        "the site; rename the folder 'fr'"
    ) in message


# 7. A page in one language only, with an image beside it -------------------------------------


def test_fallbacks_of_a_page_with_images_build_strictly_in_every_language(
    build_site: BuildSite,
) -> None:
    body = (
        "![Photo](photo.png)\n\n"
        '<img src="../photo.png" alt="raw"> and [the home page](../index.md) and '
        "[a report](report.pdf)"
    )
    site = build_site(
        {
            **_home(),
            "ko/news/festival.md": page("축제", body, **NEWS),
            "ko/news/photo.png": b"\x89PNG festival",
            "ko/news/report.pdf": b"%PDF festival",
        },
        languages=THREE,
    )
    assert (site / "ko/news/photo.png").exists()
    for fallback in ("news/festival/index.html", "fr/news/festival/index.html"):
        html = BeautifulSoup((site / fallback).read_text(), "html.parser")
        article = html.select_one("article") or html
        base = fallback.removesuffix("index.html")
        for node in article.select("img[src], a[href$='.pdf']"):
            url = node.get("src") or node.get("href")
            target = site_path(str(url), base)
            assert target is not None and (site / target).is_file(), (fallback, url)
    # The fallback's page links stay in the reader's language.
    french = BeautifulSoup((site / "fr/news/festival/index.html").read_text(), "html.parser")
    home = french.select_one("article a[href$='/']")
    assert home is not None and site_path(str(home["href"]), "fr/news/festival/") == "fr/index.html"


# Core helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Über Uns.md", "uber-uns.md"),
        ("x.MD", "x.md"),
        ("Photo 1 (final).PNG", "photo-1-final.png"),
        ("新闻.md", "xinwen.md"),
        ("عن.md", "n.md"),
        ("---.md", "page.md"),
    ],
)
def test_suggested_names_are_lower_case_ascii(name: str, suggested: str) -> None:
    assert suggest_name(name) == suggested


def test_referenced_paths_resolve_as_a_browser_does() -> None:
    html = (
        '<img src="a.png"><a href="../b/">b</a><a href="/c/d.pdf?x=1#y">c</a>'
        '<img srcset="e.png 1x, f.png 2x"><a href="https://elsewhere.example/x.png">x</a>'
        '<a href="../../../../outside.png">o</a><a href="#top">t</a>'
    )
    assert referenced_paths(html, "news/visit/") == {
        "news/visit/a.png",
        "news/b/index.html",
        "c/d.pdf",
        "news/visit/e.png",
        "news/visit/f.png",
    }


def test_rebase_links_rewrites_only_what_the_original_finds() -> None:
    html = '<p><img src="../photo.png"> <a href="../">x</a> <a href="here.pdf">h</a></p>'
    known = {"ko/news/photo.png", "fr/news/index.html", "fr/news/festival/here.pdf"}
    rebased = rebase_links(html, "ko/news/festival/", "fr/news/festival/", known)
    assert rebased == (
        '<p><img src="../../../ko/news/photo.png"> <a href="../">x</a> <a href="here.pdf">h</a></p>'
    )


def test_site_files_of_a_hostile_site_hold_no_content_outside_pages_and_used_assets(
    build_site: BuildSite,
) -> None:
    site = build_site(
        {
            **_home("![Map](map.png)"),
            "en/map.png": b"\x89PNG",
            "en/unused.png": b"\x89PNG zqxunused",
            "fr/notes.txt": "zqxnotes",
            "ko/a.md.old": page("zqxold", "zqxold"),
        },
        languages=THREE,
    )
    published = site_files(site)
    assert "map.png" in published
    assert find_leaks(site, ["zqxunused", "zqxnotes", "zqxold"]) == []


# Property: for any lifecycle of a group's versions, nothing unpublished leaks ---------------

_STATES = {
    "live": {},
    "draft": {"draft": True},
    "not-draft": {"draft": False},
    "embargoed": {"publish_at": "2027-06-01T00:00:00Z"},
    "released": {"publish_at": "2026-01-01T00:00:00Z"},
    "expired": {"expires_at": "2026-02-01T00:00:00Z"},
}


def _public(own: dict[str, object], source: dict[str, object], is_source: bool) -> bool:
    fields = dict(own) if is_source else {**source, **own}
    if fields.get("draft") is True:
        return False
    if "publish_at" in fields and str(fields["publish_at"]) > "2026-11-22":
        return False
    return not ("expires_at" in fields and str(fields["expires_at"]) < "2026-11-22")


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
# Two leaks this property found: a fallback showing the unpublished version it stands in for,
# and one showing a root-language version that is a draft.
@example(source="en", states={"en": None, "fr": None, "ko": "draft"})
@example(source="fr", states={"en": "draft", "fr": None, "ko": None})
@given(
    source=st.sampled_from(["en", "fr", "ko"]),
    states=st.fixed_dictionaries(
        {code: st.sampled_from([None, *_STATES]) for code in ("en", "fr", "ko")}
    ),
)
def test_no_version_of_an_unpublished_group_leaks(
    tmp_path_factory: pytest.TempPathFactory, source: str, states: dict[str, str | None]
) -> None:
    states[source] = states[source] or "live"  # The source always exists.
    body = f"Source zqx{source}body ![Photo](photo-{source}.png)"
    files: dict[str, str | bytes] = dict(_home())
    for code, state in states.items():
        if state is None:
            continue
        fields = dict(_STATES[state])
        if code != source:
            fields["translation_of"] = of(source, body)
        text = body if code == source else f"Text zqx{code}body ![Photo](photo-{code}.png)"
        files[f"{code}/news/story.md"] = page(f"Story zqx{code}title", text, **NEWS, **fields)
        files[f"{code}/news/photo-{code}.png"] = f"\x89PNG zqx{code}photo".encode()
    project = tmp_path_factory.mktemp("group")
    write_tree(project / "content", files)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(site_config(THREE)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        site = build_in(project)
    source_fields = _STATES[states[source] or "live"]
    for code, state in states.items():
        if state is None:
            continue
        # A translation takes each lifecycle field it does not set from its source.
        public = _public(_STATES[state], source_fields, code == source)
        canaries = [f"zqx{code}body", f"zqx{code}title", f"zqx{code}photo"]
        leaks = find_leaks(site, canaries)
        assert bool(leaks) == public, (code, state, source, states[source], leaks[:3])
