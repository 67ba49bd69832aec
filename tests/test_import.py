"""`chancery import`: existing sites brought into a Chancery site that checks and builds strict.

Fixtures in tests/data/import/: a Hugo site in five languages (per-language content folders,
TOML and YAML front matter, weight, linkTitle, naive dates, aliases, drafts, site-absolute
links, ref and youtube shortcodes, a `search.md`, a non-ASCII file name, taxonomy pages, a
static image and script), a MkDocs + static-i18n site in each layout, and locale folders.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chancery.cli import main
from chancery.core.catalog import body_hash
from chancery.core.importing.convert import first_sentence, slugify, timestamp
from chancery.core.importing.plan import Report
from chancery.core.importing.report import report_text
from chancery.core.models import PageContent, slug_problem
from chancery.core.source import read_source
from tests.conftest import REPO, TEST_NOW, build_in, site_files, write_tree

FIXTURES = REPO / "tests" / "data" / "import"
VALIDATION = {
    "links": {
        "not_found": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    }
}


def _site(
    project: Path,
    languages: list[tuple[str, str]],
    *,
    root: str | None = None,
    search: dict[str, str] | None = None,
    headers: bool = True,
) -> Path:
    """A new Chancery site in ``project`` with an empty content folder."""
    content: dict[str, Any] = {"languages": [{"code": c, "role": r} for c, r in languages]}
    if root:
        content["root_language"] = root
    plugins: list[Any] = [
        {"chancery/content": content},
        {"chancery/languages": {"translation_gate": "fail"}},
    ]
    if search is not None:
        plugins.append({"chancery/search": search})
    if headers:
        plugins.append("chancery/headers")
    plugins.append("chancery/i18n")
    config = {
        "site_name": "Imported",
        "site_url": "https://docs.example.org/",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "validation": VALIDATION,
        "plugins": plugins,
    }
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return project


def _old_site(tmp_path: Path, files: dict[str, str]) -> Path:
    """A tree of locale folders with an English home page and ``files``."""
    source = tmp_path / "old"
    home = "---\ntitle: Home\ndescription: Home.\n---\n\nHi.\n"
    write_tree(source, {"en/index.md": home, **files})
    return source


def _import(project: Path, *arguments: str) -> int:
    return main(["import", "--config-file", str(project / "mkdocs.yml"), *arguments])


def _front(path: Path) -> dict[str, Any]:
    document = read_source(path, path.name)
    return dict(document.front_matter.data)


def _links(site: Path, path: str) -> dict[str, str]:
    soup = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
    article = soup.select_one("article")
    assert article is not None
    base = "https://docs.example.org/" + path.removesuffix("index.html")
    return {
        a.get_text(strip=True): urljoin(base, str(a["href"])).removeprefix(
            "https://docs.example.org/"
        )
        for a in article.select("a[href]")
        if not str(a["href"]).startswith("https://example.org")
    }


HUGO_LANGUAGES = [
    ("en", "foreign"),
    ("fr", "foreign"),
    ("pt-BR", "foreign"),
    ("zh-Hant", "foreign"),
    ("de", "domestic"),
]


@pytest.fixture
def hugo_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    project = _site(
        tmp_path / "site", HUGO_LANGUAGES, root="en", search={"search_page": "site-search"}
    )
    status = _import(project, str(FIXTURES / "hugo"), "--timezone", "Europe/Berlin", "--describe")
    output = capsys.readouterr()
    assert status == 0, output.err
    return project, output.out


def test_a_hugo_site_imports_and_builds_strict(hugo_import: tuple[Path, str]) -> None:
    project, out = hugo_import
    content = project / "content"
    # Dates made explicit in the site's zone (winter and summer time), weight is order.
    install = _front(content / "en/docs/install.md")
    assert install["date"] == "2024-03-01T09:30:00+01:00"
    assert install["updated"] == "2024-07-01T00:00:00+02:00"
    assert install["order"] == "2"
    assert install["aliases"] == ["/install/", "/docs/old-install/"]
    assert install["tags"] == ["climate-change", "setup"]
    assert "linkTitle" not in install and "author" not in install
    # Translations record their original in one pass: its language and its body's hash.
    original = read_source(content / "en/docs/install.md", "x")
    for code in ("fr", "pt-BR", "zh-Hant"):
        front = _front(content / code / "docs/install.md")
        assert front["translation_of"] == {"language": "en", "hash": body_hash(original.body)}
        assert "order" not in front  # The original's order places every version.
    # The heading that repeated the title is gone: the layout shows the title.
    assert not original.body.lstrip().startswith("# ")
    # A non-ASCII file name is renamed; links to it and its old address follow.
    assert not (content / "de/Über Uns.md").exists()
    assert _front(content / "de/uber-uns.md")["aliases"] == ["/de/über-uns/"]
    assert "[Über uns](/uber-uns.md)" in (content / "en/docs/configure.md").read_text("utf-8")
    # Section pages in every language that lacked one; tags named in every language.
    assert _front(content / "de/docs/index.md")["title"] == "Documentation"
    tags = yaml.safe_load((content / "_tags.yml").read_text("utf-8"))
    assert tags["climate-change"]["en"] == "Climate change"  # From Hugo's term page.
    assert tags["climat"]["fr"] == "Climat"
    assert set(tags["setup"]) == {code for code, _ in HUGO_LANGUAGES}
    # The static image is copied into the language folder of the page that uses it.
    assert (content / "en/images/logo.png").read_bytes() == (
        FIXTURES / "hugo/static/images/logo.png"
    ).read_bytes()
    assert not any(path.suffix == ".js" for path in content.rglob("*"))
    # The report, on the terminal and in the file.
    report = (project / "import-report.txt").read_text("utf-8")
    assert report in out  # Under 40 lines need a human: the terminal shows them all.
    for line in (
        "  linkTitle  3",
        "  author     1",
        "  toc        1",
        "  weight → order             5",
        "content/de/Über Uns.md → content/de/uber-uns.md",
        "Dates without an offset read in Europe/Berlin: 7",
        "content/en/docs/install.md:23: shortcode 'youtube' left as written",
        "static/js/app.js: no imported page links to it",
        "content/en/docs/configure.md",  # Its description came from its first sentence.
    ):
        assert line in report, line
    assert _front(content / "en/docs/configure.md")["description"] == (
        "Configuration lives in one file."
    )
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 0

    site = build_in(project, strict=True)
    # Site-absolute links, from Hugo's addresses, lead to each language's page or fallback.
    assert _links(site, "fr/docs/install/index.html") == {
        "configurez-le": "fr/docs/configure/",
        "conseils": "fr/search/",
    }
    assert _links(site, "de/uber-uns/index.html") == {"Installation": "de/docs/install/"}
    assert _links(site, "docs/configure/index.html") == {
        "installation": "docs/install/",
        "the tips": "search/",
        "Über uns": "uber-uns/",
    }
    # The draft Brazilian version is not published: readers get the honest fallback.
    fallback = BeautifulSoup((site / "pt-BR/docs/install/index.html").read_text("utf-8"), "lxml")
    assert "Instalar" not in fallback.get_text()
    # The site's own search tips keep /search/; Chancery's search page moved in every language.
    for prefix in ("", "fr/", "pt-BR/", "zh-Hant/", "de/"):
        assert (site / prefix / "site-search/index.html").is_file()
    assert (site / "search/index.html").is_file()
    # Old addresses redirect.
    rules = (site / "_redirects").read_text("utf-8")
    assert "/de/%C3%BCber-uns/  /de/uber-uns/  301" in rules
    assert "/zh-hant/docs/install/  /zh-Hant/docs/install/  301" in rules
    assert (site / "de/über-uns/index.html").is_file()


def test_a_content_page_at_the_search_pages_address_is_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _site(tmp_path / "site", HUGO_LANGUAGES, root="en", search={})
    assert _import(project, str(FIXTURES / "hugo"), "--timezone", "UTC", "--describe") == 0
    out = capsys.readouterr().out
    assert (
        "content/en/search.md: is at /search/, where chancery/search puts its page in every "
        "language, so the build stops on it; set `search_page: site-search` (or another free "
        "path) under `- chancery/search:` in mkdocs.yml, or rename the page"
    ) in out


def test_locale_folders_import_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    project = _site(tmp_path / "site", [("en", "foreign"), ("pt-BR", "foreign")])
    assert (
        _import(project, str(FIXTURES / "locale-folders"), "--timezone", "America/Sao_Paulo") == 0
    )
    out = capsys.readouterr().out
    assert "Languages: en_US → en, pt_BR → pt-BR; originals in en" in out
    assert "README.txt: not inside a locale folder" in out
    content = project / "content"
    hours = _front(content / "pt-BR/about/hours.md")
    assert hours["date"] == "2025-06-01T09:00:00-03:00"
    assert hours["translation_of"]["language"] == "en"
    assert _front(content / "en/about/hours.md")["order"] == "3"
    site = build_in(project, strict=True)
    assert _links(site, "pt-BR/about/hours/index.html") == {"página inicial": "pt-BR/"}
    assert _links(site, "about/hours/index.html") == {"home page": ""}


@pytest.mark.parametrize("layout", ["static-i18n-folder", "static-i18n-suffix"])
def test_static_i18n_sites_import_and_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    layout: str,
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    other = "es" if layout.endswith("folder") else "fr"
    project = _site(tmp_path / "site", [("en", "foreign"), (other, "foreign")], headers=False)
    status = _import(project, str(FIXTURES / layout), "--timezone", "Europe/Madrid", "--describe")
    out = capsys.readouterr().out
    assert status == 0
    assert f"Imported: {layout} site" in out
    content = project / "content"
    if layout.endswith("folder"):
        # Titles from the first heading (then removed from the body); an image found in the
        # default language's folder is copied for the Spanish page that links to it.
        assert _front(content / "es/index.md")["title"] == "Manual de campo"
        assert (content / "es/img/network.png").is_file()
        assert "mkdocs.yml: nav: Chancery builds the nav from the content folders" in out
    else:
        # MultiMarkdown metadata; a file name with a space and capitals, and links to it.
        assert _front(content / "fr/index.md")["title"] == "Notes consulaires"
        assert "(visa/visa-notes.md)" in (content / "fr/index.md").read_text("utf-8")
        assert _front(content / "en/visa/visa-notes.md")["aliases"] == ["/visa/Visa Notes/"]
    build_in(project, strict=True)


def test_a_hugo_tree_with_language_suffixes_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old"
    write_tree(
        source,
        {
            "config.toml": 'defaultContentLanguage = "fr"\ntimeZone = "Europe/Paris"\n'
            "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n",
            "content/_index.md": "---\ntitle: Accueil\ndescription: Le site.\n---\n\nBienvenue.\n",
            "content/_index.en.md": "---\ntitle: Home\ndescription: The site.\n---\n\nWelcome.\n",
            "content/news/visit.md": "---\ntitle: Visite\ndescription: La visite.\n"
            "date: 2024-12-01T10:00:00\ntranslationKey: state-visit\n---\n\nTexte.\n",
            "content/news/trip.en.md": "---\ntitle: Visit\ndescription: The visit.\n"
            "date: 2024-12-01T10:00:00\ntranslationKey: state-visit\n---\n\nText.\n",
        },
    )
    project = _site(tmp_path / "site", [("fr", "foreign"), ("en", "foreign")], headers=False)
    assert _import(project, str(source), "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("Would import (dry run, nothing written): hugo site")
    assert "Dates without an offset read in Europe/Paris: 2" in out  # Hugo's timeZone.
    assert not any((project / "content").iterdir())
    assert _import(project, str(source)) == 0
    visit = _front(project / "content/en/news/trip.md")
    assert visit["translation_key"] == "state-visit"
    assert visit["translation_of"]["language"] == "fr"
    assert visit["date"] == "2024-12-01T10:00:00+01:00"
    assert _front(project / "content/fr/index.md")["title"] == "Accueil"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--describe"],
            "7 dates in 6 files have no UTC offset (first: content/en/docs/configure.md: date: "
            "2024-01-15); say which time zone they are in with --timezone, e.g. --timezone "
            "Europe/Berlin",
        ),
        (
            ["--timezone", "Europe/Berlin"],
            "6 pages have no description (first: content/en/docs/_index.md, "
            "content/en/docs/configure.md, content/fr/docs/_index.md); write one for each, or "
            "pass --describe",
        ),
        (
            ["--timezone", "Europe/Berln", "--describe"],
            "--timezone Europe/Berln: not a time zone; use an IANA name such as Europe/Berlin",
        ),
        (
            ["--source", "it", "--timezone", "UTC", "--describe"],
            "--source it: not a language of the source; use one of en, fr, pt-br, zh-hant, de",
        ),
    ],
    ids=["naive-dates", "descriptions", "zone", "source"],
)
def test_an_import_that_needs_a_decision_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    project = _site(tmp_path / "site", HUGO_LANGUAGES, root="en")
    before = site_files(project)
    assert _import(project, str(FIXTURES / "hugo"), *arguments) == 1
    err = capsys.readouterr().err
    assert message in err
    assert site_files(project) == before


def test_source_languages_the_site_lacks_are_named_with_both_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _site(tmp_path / "site", [("en", "foreign"), ("fr", "foreign")])
    assert _import(project, str(FIXTURES / "hugo")) == 1
    err = capsys.readouterr().err
    assert (
        "source language 'pt-br' (pt-BR) is not a language of the site (en, fr); add "
        "{code: pt-BR, role: foreign} to chancery/content's languages in mkdocs.yml, or map "
        "it with --language pt-br=TAG"
    ) in err
    assert "source language 'zh-hant' (zh-Hant)" in err and "source language 'de' (de)" in err


def test_existing_files_are_replaced_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _site(tmp_path / "site", [("en", "foreign"), ("pt-BR", "foreign")])
    starter = "---\ntitle: Starter\ndescription: A new site's home.\n---\n\nHello.\n"
    write_tree(project / "content", {"en/index.md": starter})
    assert _import(project, str(FIXTURES / "locale-folders"), "--timezone", "UTC") == 1
    assert (
        "1 files already exist in the site (content/en/index.md); pass --overwrite to replace them"
    ) in capsys.readouterr().err
    assert (project / "content/en/index.md").read_text("utf-8") == starter
    assert not (project / "content/pt-BR").exists()
    assert (
        _import(project, str(FIXTURES / "locale-folders"), "--timezone", "UTC", "--overwrite") == 0
    )
    assert _front(project / "content/en/index.md")["title"] == "Embassy in Brasília"


def test_every_unreadable_source_file_is_named_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _old_site(
        tmp_path,
        {
            "en/a.md": "---\ntitle: A\ntitle: B\n---\n\nText.\n",
            "en/b.md": "+++\ntitle = \n+++\n\nText.\n",
        },
    )
    project = _site(tmp_path / "site", [("en", "foreign")], headers=False)
    assert _import(project, str(source), "--from", "locale-folders") == 1
    err = capsys.readouterr().err
    assert "en/a.md:3: front matter: " in err and "en/b.md: TOML front matter: " in err
    assert not any((project / "content").iterdir())


def test_importing_without_a_site_says_to_create_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["import", "--config-file", str(tmp_path / "mkdocs.yml"), str(FIXTURES / "hugo")])
    assert status == 2
    assert "create the site first (`chancery new site`)" in capsys.readouterr().err


def test_the_result_is_checked_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "---\ntitle: " + "T" * 250 + "\ndescription: Long.\n---\n\nText.\n"
    source = _old_site(tmp_path, {"en/long.md": long})
    shutil.copytree(source / "en", source / "fr")
    project = _site(tmp_path / "site", [("en", "foreign"), ("fr", "foreign")])
    assert _import(project, str(source), "--from", "locale-folders", "--source", "en") == 1
    err = capsys.readouterr().err
    assert "the result would not pass `chancery check`" in err
    assert "content/en/long.md:2: title: is longer than 200 characters; shorten it" in err
    assert not any((project / "content").iterdir())


def test_the_terminal_shows_the_first_lines_that_need_a_human_and_the_file_all() -> None:
    report = Report(human=[f"content/en/p{n}.md: link '/' leads nowhere" for n in range(55)])
    short, full = report_text(report, human=40), report_text(report)
    assert "content/en/p39.md" in short and "content/en/p40.md" not in short
    assert "  and 15 more" in short
    assert all(f"content/en/p{n}.md" in full for n in range(55))


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=900))
def test_a_derived_description_is_always_a_valid_one(text: str) -> None:
    described = first_sentence(text)
    if described is None:
        return
    assert len(described) <= 300
    PageContent.model_validate({"title": "T", "description": described})


@settings(max_examples=150, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)),
    zone=st.sampled_from(["Europe/Berlin", "America/Sao_Paulo", "Asia/Seoul", "UTC"]),
)
@example(moment=datetime(2005, 2, 19, 23, 0, fold=1), zone="America/Sao_Paulo")
def test_a_naive_timestamp_is_read_in_the_given_zone(moment: datetime, zone: str) -> None:
    # Written text has no fold: a wall time that occurs twice (the hour before clocks go back)
    # is read as its first occurrence, as Python's zone arithmetic does (PEP 495).
    moment = moment.replace(microsecond=0, fold=0)
    written = moment.isoformat(sep=" ")
    stamp, problem = timestamp(written, ZoneInfo(zone))
    assert problem is None and stamp is not None
    parsed = datetime.fromisoformat(stamp)
    assert parsed.utcoffset() == moment.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    assert parsed.replace(tzinfo=None) == moment
    assert timestamp(written, None) == (None, "naive")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_a_tag_slug_is_always_a_slug(term: str) -> None:
    slug = slugify(term)
    assert slug == "" or slug_problem(slug) is None
