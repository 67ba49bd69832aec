"""`chancery new`: a new portal that builds at once, and a page of any type that passes the checks.

The portals here are unlike the demo: English domestic at the root with German, Japanese,
Brazilian Portuguese, Traditional Chinese and Arabic; French, Spanish and Swahili with no
domestic language; Luxembourgish, which Chancery ships no strings for.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from chancery.cli import main
from chancery.core.catalog import body_hash, load_catalog
from chancery.core.config import read_site_settings
from chancery.core.models import MODELS
from chancery.core.scaffold import SITE_FILES, SITE_TEMPLATES, yaml_text
from chancery.core.source import read_source
from chancery.core.strings import Strings
from chancery.core.travel_advice import SECTIONS
from tests.conftest import REPO, TEST_NOW
from tests.test_any_language import ENGLISH, MINISTRY, _reader_text
from tests.test_workflow import schema_check

STRINGS = Strings.load()
LANGUAGES = "en:domestic,de,ja,pt-BR,zh-Hant,ar"
CODES = ("en", "de", "ja", "pt-BR", "zh-Hant", "ar")
#: A letter of each language's script, found in its placeholder text and nowhere in English.
SCRIPTS = {
    "de": r"[äöüß]",
    "ja": r"[\u3040-\u30ff]",
    "pt-BR": r"[ãçé]",
    "zh-Hant": r"[\u4e00-\u9fff]",
    "ar": r"[\u0600-\u06ff]",
}


def _names(names: dict[str, str]) -> list[str]:
    return [option for code, name in names.items() for option in ("--site-name", f"{code}={name}")]


def _new_site(directory: Path, *options: str) -> int:
    return main(["new", "site", str(directory), *options])


def _chancery(project: Path, command: str, *options: str) -> int:
    return main([command, "-f", str(project / "mkdocs.yml"), *options])


def _html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


class _Loader(yaml.BaseLoader):
    """Reads mkdocs.yml as text, MkDocs' own tags (!ENV) left unresolved."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    monkeypatch.delenv("CHANCERY_TRANSLATION_GATE", raising=False)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The issue's portal: six languages, English domestic at the root, built with --strict."""
    project = tmp_path_factory.mktemp("portal") / "testland"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        patch.delenv("CHANCERY_TRANSLATION_GATE", raising=False)
        options = ["--languages", LANGUAGES, "--root", "en", *_names(MINISTRY)]
        assert _new_site(project, *options, "--site-url", "https://mfa.testland.example") == 0
        assert _chancery(project, "build", "-q") == 0  # strict by default
    yield project


# --- The portal -----------------------------------------------------------------------


def test_the_new_portal_builds_strict_and_passes_check_and_status(
    portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _chancery(portal, "check") == 0
    assert "12 pages in 6 languages: front matter OK" in capsys.readouterr().out
    assert _chancery(portal, "status") == 0
    out = capsys.readouterr().out
    assert "Parity gate: passed" in out and "Interface gaps" not in out
    # Every version but the English source records the hash of the English body as it is.
    catalog = load_catalog(portal / "content", CODES, portal)
    for name in ("index.md", "about.md"):
        source = catalog.get(f"en/{name}")
        assert source is not None and source.content.translation_of is None
        for code in CODES[1:]:
            version = catalog.get(f"{code}/{name}")
            assert version is not None and version.content.translation_of is not None
            assert version.content.translation_of.language == "en"
            assert version.content.translation_of.hash == body_hash(source.body)


def test_english_is_at_the_root_and_each_language_reads_its_own_text(portal: Path) -> None:
    site = portal / "site"
    root = _html(site / "index.html")
    assert isinstance(root.html, Tag) and root.html.get("lang") == "en"
    assert root.title is not None and root.title.get_text() == MINISTRY["en"]
    for code, script in SCRIPTS.items():
        home = _html(site / code / "index.html")
        assert isinstance(home.html, Tag) and home.html.get("lang") == code
        assert home.html.get("dir") == ("rtl" if code == "ar" else "ltr")
        assert home.title is not None and home.title.get_text() == MINISTRY[code]
        article = home.select_one("article")
        assert article is not None
        assert re.search(script, article.get_text()), code
        # The home page links to the about page of its own language.
        link = article.select_one("a[href='about/']")
        assert link is not None
        about = _html(site / code / "about" / "index.html")
        assert about.title is not None
        assert about.title.get_text() == f"{link.get_text()} - {MINISTRY[code]}"


@pytest.mark.parametrize("code", CODES[1:])
def test_no_english_reaches_a_foreign_reader_of_the_new_portal(portal: Path, code: str) -> None:
    english = re.compile("|".join(rf"(?<!\w){re.escape(e)}(?!\w)" for e in ENGLISH))
    pages = sorted((portal / "site" / code).rglob("*.html"))
    assert len(pages) > 5
    found = [
        f"{path.name}: {match!r}"
        for path in pages
        for match in english.findall(" ".join(_reader_text(_html(path), code).split()))
    ]
    assert found == []
    # The example topic is named in the reader's language on its topic page.
    topic = _html(portal / "site" / code / "tags" / "ministry" / "index.html").select_one("h1")
    assert topic is not None and STRINGS.text("scaffold.tag.ministry", code) in topic.get_text()


def test_the_configuration_declares_each_language_once_with_its_name(portal: Path) -> None:
    settings = read_site_settings(portal / "mkdocs.yml")
    assert settings.policy.codes == CODES
    assert settings.policy.root_code == "en" and settings.policy.domestic is not None
    assert {language.code: language.site_name for language in settings.policy.languages} == MINISTRY
    config = yaml.load((portal / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    plugins = [next(iter(item)) if isinstance(item, dict) else item for item in config["plugins"]]
    assert plugins[:2] == ["chancery/content", "chancery/languages"]
    assert plugins[-1] == "chancery/i18n" and "search" not in plugins and len(plugins) == 10
    assert config["site_url"] == "https://mfa.testland.example/"
    theme = config["theme"]
    assert theme["custom_dir"] == "overrides" and theme["font"] == "false"
    assert theme["logo"] == theme["favicon"] == "assets/images/emblem.svg"
    assert set(config["validation"]["links"].values()) == {"warn"}
    # The example region is commented out, named in every language from CLDR.
    text = (portal / "mkdocs.yml").read_text("utf-8")
    assert "#     names: {en: Europe, de: Europa, ja: " in text and "Haneul" not in text


def test_the_emblem_is_a_neutral_svg_shown_as_logo_and_favicon(portal: Path) -> None:
    emblem = portal / "overrides" / "assets" / "images" / "emblem.svg"
    svg = etree.fromstring(emblem.read_bytes())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    # Shapes only: no text, image, script or link that could carry a country's symbol.
    assert {etree.QName(node).localname for node in svg.iter()} == {"svg", "path"}
    home = _html(portal / "site" / "de" / "index.html")
    assert home.select_one("link[rel=icon][href$='assets/images/emblem.svg']") is not None
    assert home.select_one("img[src$='assets/images/emblem.svg']") is not None
    readme = (portal / "README.md").read_text("utf-8")
    assert "overrides/assets/images/emblem.svg" in readme and "site_url" in readme


def test_the_publishing_workflow_is_valid_and_installs_the_pinned_chancery(portal: Path) -> None:
    workflow = portal / ".github" / "workflows" / "publish.yml"
    result = schema_check(workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    jobs = yaml.load(workflow.read_text("utf-8"), Loader=yaml.BaseLoader)["jobs"]
    steps = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert steps.index("pip install -r requirements.txt") < steps.index("chancery build")
    assert jobs["deploy"]["needs"] == "build"
    requirement = (portal / "requirements.txt").read_text("utf-8").splitlines()[-1]
    assert re.fullmatch(r"mkdocs-chancery>=\d+\.\d+\S*,<\d+(\.\d+)?", requirement)
    ignored = (portal / ".gitignore").read_text("utf-8").splitlines()
    assert {"/site", "/.site-builds/", "/.cache/", "/.venv/"} <= set(ignored)


# --- Other portals ----------------------------------------------------------------------------


def test_a_portal_without_a_domestic_language_translates_from_its_root(tmp_path: Path) -> None:
    project = tmp_path / "portal"
    names = {"fr": "Ministère des Affaires étrangères", "sw": "Wizara ya Mambo ya Nje"}
    assert _new_site(project, "--languages", "fr,es,sw", *_names(names)) == 0
    catalog = load_catalog(project / "content", ("fr", "es", "sw"), project)
    for code in ("es", "sw"):
        version = catalog.get(f"{code}/index.md")
        assert version is not None and version.content.translation_of is not None
        assert version.content.translation_of.language == "fr"
        # Spanish was not named: it shows the first name given, and says so.
        assert version.content.title == names.get(code, names["fr"])
    assert "not given: write the ministry's name in Spanish" in (project / "mkdocs.yml").read_text(
        "utf-8"
    )
    assert _chancery(project, "build", "-q") == 0
    assert _chancery(project, "status") == 0
    site = project / "site"
    root = _html(site / "index.html")
    assert isinstance(root.html, Tag) and root.html.get("lang") == "fr"
    # Material's own strings follow the root language too (the header's name, in French).
    header = root.select_one("header.md-header nav")
    assert header is not None and header.get("aria-label") == "En-tête"
    swahili = _html(site / "sw" / "about" / "index.html").select_one("article")
    assert swahili is not None and "wizara" in swahili.get_text().lower()


def test_a_language_without_shipped_strings_gets_a_catalog_and_its_gaps_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "portal"
    assert _new_site(project, "--languages", "fr,lb,haw", "--site-name", "fr=Ministère") == 0
    out = capsys.readouterr().out
    assert "locales/lb.po: Chancery ships no interface strings in lb" in out
    assert "site_url is a placeholder" in out
    # Material speaks Luxembourgish but not Hawaiian: the file to add is named at once.
    assert "haw: Material has no interface translation" in out
    assert "overrides/partials/languages/haw.html" in out and "lb: Material" not in out
    catalog = (project / "locales" / "lb.po").read_text("utf-8")
    assert 'msgctxt "notice.missing"' in catalog and '"Language: lb\\n"' in catalog
    # Until it is translated, the gate names the gaps (and a preview still builds).
    assert _chancery(project, "status") == 1
    assert "locales/lb.po" in capsys.readouterr().out


def test_the_package_ships_every_scaffold_file() -> None:
    with (REPO / "pyproject.toml").open("rb") as stream:
        patterns = tomllib.load(stream)["tool"]["setuptools"]["package-data"]["chancery"]
    package = REPO / "plugins" / "chancery"
    shipped = {path for pattern in patterns for path in package.glob(pattern) if path.is_file()}
    files = {path for path in (package / "scaffold").rglob("*") if path.is_file()}
    assert len(files) == len(SITE_FILES) + 1 and files <= shipped  # the templates and types.yml
    assert {target for _, target in SITE_FILES} >= {"mkdocs.yml", ".gitignore", "README.md"}
    assert all((SITE_TEMPLATES / template).is_file() for template, _ in SITE_FILES)


# --- Asking, and refusing ---------------------------------------------------------------------


def test_missing_values_are_asked_for_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["ko:domestic,en,fr", "외교부", "Ministry of Foreign Affairs", "", ""])
    questions: list[str] = []

    def answer(question: str) -> str:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert _new_site(tmp_path / "portal") == 0
    # The source language's name first; Enter keeps the name shown for French.
    assert questions[1].startswith("The ministry's name in 한국어 (ko)")
    assert questions[3].startswith("The ministry's name in Français (fr) [외교부]")
    settings = read_site_settings(tmp_path / "portal" / "mkdocs.yml")
    names = {language.code: language.site_name for language in settings.policy.languages}
    assert names == {"ko": "외교부", "en": "Ministry of Foreign Affairs", "fr": "외교부"}
    assert settings.policy.root_code == "en"


def test_without_a_terminal_a_missing_value_is_an_error_that_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _new_site(tmp_path / "a") == 2
    assert "--languages is missing" in capsys.readouterr().err
    assert _new_site(tmp_path / "b", "--languages", "en,fr") == 2
    assert "the ministry's name is needed" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--languages", "en,pt_BR"], "write it as 'pt-BR'"),
        (["--languages", "en:domestic,ko:domestic"], "more than one domestic language"),
        (["--languages", "en:native"], "the role is domestic or foreign"),
        (["--languages", "en:domestic"], "no foreign language"),
        (["--languages", "en,fr", "--root", "de"], "--root: root_language: 'de'"),
        (["--languages", "en,fr", "--site-name", "de=Amt"], "'de' is not one of the languages"),
        (["--languages", "en,fr", "--site-url", "mfa.example"], "not the address of a site"),
        # A name is a home page's title, checked as titles are: this one shows nothing.
        (["--languages", "en,fr", "--site-name", "fr=\u3164"], "content/fr/index.md:2: title"),
    ],
)
def test_bad_options_are_refused_with_the_fix_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    project = tmp_path / "portal"
    assert _new_site(project, "--site-name", "Ministry", *options) == 2
    assert message in capsys.readouterr().err
    assert not project.exists()


def test_a_folder_that_is_not_empty_is_refused_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    assert _new_site(tmp_path, "--languages", "en,fr", "--site-name", "Ministry") == 2
    assert "is not empty" in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text() == "keep me"


# --- A page of any type -----------------------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A two-language portal: Korean domestic, Spanish foreign at the root."""
    project = tmp_path / "portal"
    names = ["--site-name", "ko=외교부", "--site-name", "es=Ministerio de Relaciones Exteriores"]
    assert _new_site(project, "--languages", "ko:domestic,es", *names) == 0
    return project


def _new_page(project: Path, kind: str, language: str, path: str, *options: str) -> int:
    title = ["--title", f"{kind} 제목"] if "--title" not in options else []
    description = ["--description", "한 문장."] if "--description" not in options else []
    config = ["-f", str(project / "mkdocs.yml")]
    return main(["new", kind, *config, "--lang", language, path, *title, *description, *options])


@pytest.mark.parametrize("kind", list(MODELS))
def test_new_writes_a_draft_of_each_type_that_passes_check(
    small: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = f"items/{kind}.md"
    assert _new_page(small, kind, "ko", path) == 0
    out = capsys.readouterr().out
    assert f"content/ko/{path}: written as a draft (type: {kind})" in out
    assert "delete `draft: true`" in out
    document = read_source(small / "content" / "ko" / path, path)
    assert document.front_matter.data["type"] == kind
    assert document.front_matter.data["draft"] == "true"
    assert document.front_matter.data["title"] == f"{kind} 제목"
    # The placeholder body is Korean, like the page.
    assert re.search(r"[\uac00-\ud7a3]", document.body)
    assert _chancery(small, "check") == 0


def test_every_type_builds_once_its_draft_line_is_deleted(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind in MODELS:
        assert _new_page(small, kind, "es", f"demo/{kind}.md") == 0
    assert _new_page(small, "page", "es", "demo/index.md") == 0
    # The Korean section index starts as a translation, as an editor would start it.
    index = small / "content" / "es" / "demo" / "index.md"
    assert _chancery(small, "translate", str(index), "--to", "ko") == 0
    for page in (small / "content" / "es" / "demo").glob("*.md"):
        page.write_text(page.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    assert _chancery(small, "check") == 0
    # The required types (statement, travel advice...) have no Korean version yet.
    monkeypatch.setenv("CHANCERY_TRANSLATION_GATE", "warn")
    assert _chancery(small, "build", "-q") == 0
    site = small / "site"
    for kind in MODELS:
        article = _html(site / "demo" / kind / "index.html").select_one("article")
        assert article is not None and "Este texto es provisional" in article.get_text(), kind
    # Travel advice marks its four sections, titled in the page's language.
    advice = _html(site / "demo" / "travel-advice" / "index.html")
    assert [f"#{section}" for section in SECTIONS] == [
        f"#{heading['id']}" for heading in advice.select("article h2[id]")
    ][: len(SECTIONS)]
    assert advice.select_one("h2#health") is not None
    assert advice.select_one("h2#health").get_text(strip=True) == "Salud"  # type: ignore[union-attr]


def test_new_refuses_an_existing_file_and_a_page_that_exists_in_another_language(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    about = small / "content" / "es" / "about.md"
    before = about.read_bytes()
    assert _new_page(small, "page", "es", "about.md") == 2
    assert "content/es/about.md: already exists" in capsys.readouterr().err
    assert about.read_bytes() == before
    assert _new_page(small, "news", "ko", "news/visit.md") == 0
    assert _new_page(small, "news", "es", "news/visit.md") == 2
    err = capsys.readouterr().err
    assert "chancery translate content/ko/news/visit.md --to es" in err
    assert not (small / "content" / "es" / "news" / "visit.md").exists()


@pytest.mark.parametrize(
    ("kind", "language", "path", "message"),
    [
        ("news", "ko", "news/Über Uns.md", "rename it to 'uber-uns.md'"),
        ("news", "ko", "news/_notes.md", "rename it to 'notes.md'"),
        ("news", "ko", "news/visit", "ends in .md, e.g. news/visit.md"),
        ("news", "ko", "../visit.md", "give the page's path inside content/ko/"),
        (
            "news",
            "fr",
            "news/visit.md",
            "--lang fr: not a language of this site; use one of ko, es",
        ),
    ],
)
def test_new_refuses_a_bad_name_or_language_with_the_fix(
    small: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    language: str,
    path: str,
    message: str,
) -> None:
    before = sorted(p.relative_to(small).as_posix() for p in small.rglob("*"))
    assert _new_page(small, kind, language, path) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.relative_to(small).as_posix() for p in small.rglob("*")) == before


def test_new_refuses_an_unknown_type_and_a_title_the_checks_refuse(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _new_page(small, "newz", "ko", "news/visit.md")
    assert exit_info.value.code == 2
    assert "invalid choice: 'newz'" in capsys.readouterr().err
    assert _new_page(small, "news", "ko", "news/visit.md", "--title", "x" * 201) == 2
    err = capsys.readouterr().err
    assert "nothing was written; give other values" in err
    assert "content/ko/news/visit.md:2: title: is longer than 200 characters" in err
    assert not (small / "content" / "ko" / "news").exists()


def test_new_says_that_a_section_of_ones_own_needs_an_index(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _new_page(small, "page", "es", "industrias/acero.md") == 0
    out = capsys.readouterr().out
    assert "industrias/ has no index.md in es" in out
    assert "chancery new page --lang es industrias/index.md" in out
    # A content type's own folder is named after its listing: no index needed.
    assert _new_page(small, "news", "es", "news/visita.md") == 0
    assert "has no index.md" not in capsys.readouterr().out


# --- Any name ---------------------------------------------------------------------------------

#: Characters that show nothing although Unicode calls them letters (the models refuse a title
#: of only these).
BLANKS = "\u115f\u1160\u2800\u3164\uffa0"
NAME = st.text(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=80
).filter(lambda name: name.strip() == name and any(c.isalnum() and c not in BLANKS for c in name))


# The clock fixture (autouse) is the same for every example.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=NAME)
def test_any_text_is_written_as_yaml_that_reads_back_as_itself(value: str) -> None:
    assert yaml.safe_load(f"key: {yaml_text(value)}\n") == {"key": value}


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=NAME)
def test_any_ministry_name_reaches_mkdocs_yml_and_the_home_page_as_written(
    tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    project = tmp_path_factory.mktemp("name") / "portal"
    assert _new_site(project, "--languages", "fr,ar", "--site-name", f"ar={name}") == 0
    settings_ = read_site_settings(project / "mkdocs.yml")
    assert {language.site_name for language in settings_.policy.languages} == {name}
    catalog = load_catalog(project / "content", ("fr", "ar"), project)
    home = catalog.get("ar/index.md")
    assert home is not None and home.content.title == name
