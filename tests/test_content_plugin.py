"""The content plugin in real MkDocs builds: bad input stops the build, nothing leaks."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import chancery.mkdocs_plugins.content as content_plugin
from tests.conftest import REPO, BuildSite, of, page, site_config, write_tree

NEWS = {"type": "news", "date": "2026-05-01T09:00:00+09:00"}


def _all_output_text(site: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace").lower()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    )


def test_bad_front_matter_fails_the_build_with_file_line_and_field(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "en/index.md": page("Home"),
        "ko/index.md": page("홈", translation_of=of("en")),
        "ko/news/bad.md": "---\ntitle: CANARY-BAD\ndescription: d\ntype: news\n"
        "date: 2026-05-01T09:00:00\ndraft: true\n---\nBody\n",
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files)
    assert (
        "content/ko/news/bad.md:5: date: needs a UTC offset, e.g. 2026-05-01T09:00:00+09:00"
        in caplog.text
    )


def test_failed_build_publishes_nothing_and_keeps_the_previous_site(
    build_site: BuildSite, tmp_path: Path
) -> None:
    site = build_site(
        {"en/index.md": page("Home"), "ko/index.md": page("홈", translation_of=of("en"))}
    )
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    bad = "---\ntitle: canary-yaml-leak\ndescription: d\ndraft: true\ntitle: again\n---\nBody\n"
    with pytest.raises(Abort):
        build_site({"en/leak.md": bad})
    after = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before
    assert "canary-yaml-leak" not in _all_output_text(site)


def test_mkdocs_command_exits_non_zero_and_names_every_bad_file(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "content",
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/a.md": "---\ntitle: A\ndescription: d\ntitel: x\n---\nText.\n",
            "ko/b.md": "---\ntitle: B\ndescription: d\ntype: newz\n---\nText.\n",
        },
    )
    import yaml

    config = site_config((("en", "foreign"), ("ko", "domestic")))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 1
    assert "2 content errors; nothing was published:" in result.stderr
    assert (
        "content/en/a.md:4: titel: unknown field for type page (did you mean 'title'?); "
        "correct or remove it" in result.stderr
    )
    assert "content/ko/b.md:4: type: 'newz' is not a content type (did you mean 'news'?)" in (
        result.stderr
    )
    assert not (tmp_path / "site").exists()


def test_drafts_embargoes_and_expired_pages_are_not_built(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/news/draft.md": page("Canary-Draft-Title", "canary-draft-body", draft=True, **NEWS),
            "en/news/later.md": page(
                "Canary-Later", publish_at="2026-11-22T12:00:01+00:00", **NEWS
            ),
            "en/news/gone.md": page("Canary-Gone", expires_at="2026-11-22T12:00:00+00:00", **NEWS),
            "en/news/live.md": page("Live item", **NEWS),
        }
    )
    text = _all_output_text(site)
    for canary in ("canary-draft", "canary-later", "canary-gone", "news/draft", "news/later"):
        assert canary not in text
    assert (site / "news/live/index.html").exists()
    assert not (site / "news/draft").exists()


def test_editor_backups_and_private_folders_are_never_copied(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home", "![Map](map.png)"),
            "ko/index.md": page("홈", translation_of=of("en", "![Map](map.png)")),
            "en/map.png": b"\x89PNG real",
            "en/map.png.bak": b"backup",
            "en/index.md~": "old",
            "en/.#index.md": "lock",
            "en/notes.swp": "swap",
            "en/_private/secret.png": b"secret",
        }
    )
    published = sorted(path.relative_to(site).as_posix() for path in site.rglob("*"))
    assert "map.png" in published
    for name in ("map.png.bak", "index.md~", ".#index.md", "notes.swp", "_private"):
        assert not any(name in path for path in published), name


def test_body_lines_that_look_like_metadata_are_kept(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home", "Note: this line is content."),
            "ko/index.md": page("홈", translation_of=of("en", "Note: this line is content.")),
        }
    )
    soup = BeautifulSoup((site / "index.html").read_text(), "lxml")
    assert "Note: this line is content." in soup.get_text()


def test_page_meta_comes_from_the_checked_front_matter(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/news/visit.md": page("Minister visits Paris", **NEWS),
        }
    )
    soup = BeautifulSoup((site / "news/visit/index.html").read_text(), "lxml")
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == "About Minister visits Paris."
    assert soup.title is not None and soup.title.text.startswith("Minister visits Paris")


def test_catalog_is_read_once_per_build_for_all_languages(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = content_plugin.load_catalog

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(content_plugin, "load_catalog", counting)
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "fr/index.md": page("Accueil", translation_of=of("en")),
        },
        languages=(("en", "foreign"), ("fr", "foreign"), ("ko", "domestic")),
    )
    assert (site / "fr/index.html").exists() and (site / "ko/index.html").exists()
    assert len(calls) == 1


def test_a_static_i18n_block_is_refused_with_what_to_delete(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    config["plugins"][-1] = {
        "i18n": {
            "docs_structure": "folder",
            "languages": [
                {"locale": "en", "name": "English", "default": True},
                {"locale": "ko", "name": "한국어"},
            ],
        }
    }
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(
            {"en/index.md": page("Home"), "ko/index.md": page("홈", translation_of=of("en"))},
            config=config,
        )
    assert (
        "mkdocs.yml: plugins: i18n: replace this block by `- chancery/i18n` and delete its "
        "`languages`: each language is declared once, in chancery/content's `languages`"
    ) in caplog.text


def test_languages_listed_again_for_static_i18n_are_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    config["plugins"][-1] = {
        "chancery/i18n": {"languages": [{"locale": "en", "name": "English", "default": True}]}
    }
    write_tree(tmp_path / "content", {"en/index.md": page("Home")})
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(config_file=str(tmp_path / "mkdocs.yml"))
    assert "'chancery/i18n' option 'languages': delete this list: each language is" in caplog.text


def test_bad_clock_is_refused(build_site: BuildSite, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"en/index.md": page("Home")}, now="2026-11-22T12:00:00")
    assert "CHANCERY_NOW='2026-11-22T12:00:00' needs a UTC offset" in caplog.text


def test_demo_portal_builds_strict_in_every_language(demo_site: Path) -> None:
    for language in ("", "fr/", "es/", "zh/", "ar/", "ko/"):
        soup = BeautifulSoup((demo_site / language / "index.html").read_text(), "lxml")
        expected = language.rstrip("/") or "en"
        assert soup.html is not None and soup.html["lang"] == expected
    assert (REPO / "content/ko/index.md").exists()


def test_nav_entries_naming_a_withheld_page_leave_no_trace(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Home"),
            "ko/index.md": page("홈", translation_of=of("en")),
            "en/zqxsecret.md": page("Zqx secret title", publish_at="2026-12-01T00:00:00Z"),
            "en/about.md": page("About"),
        },
        config={
            "nav": [
                {"Home": "index.md"},
                {"Zqx nav label": "zqxsecret.md"},
                {"Briefings": ["zqxsecret.md"]},
                "about.md",
            ]
        },
    )
    text = _all_output_text(site)
    assert "zqxsecret" not in text and "zqx nav label" not in text and "zqx secret" not in text
    nav = BeautifulSoup((site / "index.html").read_text(), "lxml").select(".md-nav__link")
    assert any("About" in link.get_text() for link in nav)
