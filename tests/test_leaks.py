"""G1: nothing unpublished leaks, in any language, into any output file (canary scan).

The demo portal is built with canary pages added in every language: drafts, embargoed and
expiring pages, editor backups and private folders, translations of an embargoed, a draft and
an expiring source that say nothing of it themselves, files beside unpublished pages, files no
page uses and files outside the language folders. Two builds straddle one instant T: at
T - 1 s the embargoed canaries must be absent and the expiring ones present; at T + 1 s the
reverse. Drafts and editor files are absent from both.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import REPO, of, page
from tests.leak_scanner import find_leaks, readable_text

LANGUAGES = ("en", "fr", "es", "zh", "ar", "ko")
T = datetime.fromisoformat("2026-11-22T12:00:00+00:00")


def _canaries(kind: str) -> list[str]:
    return [f"zqx{kind}{language}" for language in LANGUAGES]


def _canary_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    news = {"type": "news", "date": "2026-11-01T09:00:00+09:00"}
    for language in LANGUAGES:
        for kind, fields in (
            ("draft", {"draft": True}),
            ("embargo", {"publish_at": T.isoformat()}),
            ("expiring", {"expires_at": T.isoformat()}),
        ):
            name = f"zqx{kind}{language}"
            beside = f"zqxbeside{kind}{language}"
            files[f"{language}/news/{name}.md"] = page(
                f"{name.upper()} title",
                f"Body with {name} and [a link](../../index.md).\n\n"
                f"![Map]({beside}.svg) [Report]({beside}.pdf) ![Photo]({beside}.png)",
                **news,
                **fields,
                tags=[name],
                description=f"{name} description",
            )
            # Files beside the page follow it: out while it is out, in when it is in.
            files[f"{language}/news/{beside}.svg"] = (
                f'<svg xmlns="http://www.w3.org/2000/svg"><title>{beside}</title>'
                '<rect width="4" height="4"/></svg>'
            )
            files[f"{language}/news/{beside}.pdf"] = f"%PDF-1.4 {beside}".encode()
            files[f"{language}/news/{beside}.png"] = b"\x89PNG\r\n" + beside.encode()
        backup = f"zqxbackup{language}"
        files[f"{language}/news/{backup}.md~"] = page(backup, backup, **news)
        files[f"{language}/news/{backup}.md.bak"] = page(backup, backup, **news)
        files[f"{language}/news/.#{backup}.md"] = backup
        files[f"{language}/_private/zqxprivate{language}.md"] = page("x", f"zqxprivate{language}")
        files[f"{language}/news/zqxswap{language}.swp"] = f"zqxswap{language}"
        # Editor files of every kind, written as a live page would be: never published.
        for pattern in ("#{}.md#", "{}.md.save", "{}.md.old", "{}.md.kate-swp", "{}.md.BAK"):
            editor = f"zqxeditor{language}"
            files[f"{language}/news/{pattern.format(editor)}"] = page(editor, editor, **news)
        # A file that no page uses is not published, whatever its type.
        files[f"{language}/zqxorphan{language}.pdf"] = f"%PDF-1.4 zqxorphan{language}".encode()
    files["zqxroot.txt"] = "zqxroot: a file outside every language folder"
    # Every canary tag is declared, its name the canary itself: a tag page or a tag's name
    # shown anywhere for an unpublished page would leak it.
    canary_tags = [
        f"zqx{kind}{code}" for kind in ("draft", "embargo", "expiring") for code in LANGUAGES
    ]
    files["_tags.yml"] = yaml.safe_dump(
        {tag: {code: f"{tag} name" for code in LANGUAGES} for tag in canary_tags}
    )
    files.update(_group_files(news))
    return files


def _group_files(news: dict[str, str]) -> dict[str, str | bytes]:
    """Translations of unpublished English sources that do not repeat the source's lifecycle."""
    files: dict[str, str | bytes] = {}
    for kind, fields in (
        ("embargo", {"publish_at": T.isoformat()}),
        ("draft", {"draft": True}),
        ("expiring", {"expires_at": T.isoformat()}),
    ):
        body = f"Source text of zqxgroup{kind}en."
        files[f"en/news/zqxgroup-{kind}.md"] = page(
            f"zqxgroup{kind}en", body, **news, **fields, description=f"zqxgroup{kind}en"
        )
        for language in LANGUAGES[1:]:
            name = f"zqxgroup{kind}{language}"
            files[f"{language}/news/zqxgroup-{kind}.md"] = page(
                name,
                f"Translation {name}.",
                **news,
                description=name,
                translation_of=of("en", body),
            )
    return files


def _build_demo_with_canaries(root: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = root / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for relative, data in _canary_files().items():
        path = project / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        elif relative == "_tags.yml":  # The demo's tags, and the canaries'.
            path.write_text(path.read_text(encoding="utf-8") + data, encoding="utf-8")
        else:
            path.write_text(data, encoding="utf-8")
    monkeypatch.setenv("CHANCERY_NOW", now.isoformat())
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=True)
    build(config)
    return Path(config.site_dir)


@pytest.fixture(scope="module")
def monkeymodule() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory, monkeymodule: pytest.MonkeyPatch) -> Path:
    return _build_demo_with_canaries(
        tmp_path_factory.mktemp("before"), T - timedelta(seconds=1), monkeymodule
    )


@pytest.fixture(scope="module")
def after(tmp_path_factory: pytest.TempPathFactory, monkeymodule: pytest.MonkeyPatch) -> Path:
    return _build_demo_with_canaries(
        tmp_path_factory.mktemp("after"), T + timedelta(seconds=1), monkeymodule
    )


ALWAYS_HIDDEN = (
    "draft", "backup", "private", "swap", "editor", "orphan", "besidedraft", "groupdraft"
)  # fmt: skip


def test_nothing_unpublished_leaks_before_t(before: Path) -> None:
    kinds = (*ALWAYS_HIDDEN, "embargo", "besideembargo", "groupembargo")
    hidden = [canary for kind in kinds for canary in _canaries(kind)]
    assert find_leaks(before, [*hidden, "zqxroot"]) == []


def test_nothing_unpublished_leaks_after_t(after: Path) -> None:
    kinds = (*ALWAYS_HIDDEN, "expiring", "besideexpiring", "groupexpiring")
    hidden = [canary for kind in kinds for canary in _canaries(kind)]
    assert find_leaks(after, [*hidden, "zqxroot"]) == []


def test_a_translation_follows_its_sources_lifecycle(before: Path, after: Path) -> None:
    for language in LANGUAGES[1:]:
        path = f"{language}/news/zqxgroup-embargo/index.html"
        assert not (before / path).exists() and (after / path).exists(), language
        path = f"{language}/news/zqxgroup-expiring/index.html"
        assert (before / path).exists() and not (after / path).exists(), language


def test_files_beside_a_page_are_published_with_it(before: Path, after: Path) -> None:
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        for suffix in ("svg", "pdf", "png"):
            embargoed = f"{prefix}news/zqxbesideembargo{language}.{suffix}"
            expiring = f"{prefix}news/zqxbesideexpiring{language}.{suffix}"
            assert not (before / embargoed).exists() and (after / embargoed).exists()
            assert (before / expiring).exists() and not (after / expiring).exists()
        # Published SVG is the sanitiser's output: the drawing, no script can ride along.
        svg = (after / f"{prefix}news/zqxbesideembargo{language}.svg").read_text()
        assert "<rect" in svg and "<script" not in svg


def test_embargo_lifts_and_expiry_falls_at_t(before: Path, after: Path) -> None:
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        expiring = f"{prefix}news/zqxexpiring{language}/index.html"
        embargoed = f"{prefix}news/zqxembargo{language}/index.html"
        assert (before / expiring).exists() and not (before / embargoed).exists(), language
        assert (after / embargoed).exists() and not (after / expiring).exists(), language
        assert f"zqxembargo{language}" in readable_text(after / embargoed)


def test_live_canaries_reach_search_and_sitemap(after: Path) -> None:
    # The scanner must be able to see canaries where they are allowed to be; otherwise the
    # absence checks above would prove nothing.
    leaks = find_leaks(after, _canaries("embargo"))
    places = {leak.split(":")[0].split("/")[0] for leak in leaks}
    assert {"search", "sitemap.xml", "sitemap.xml.gz"} <= places


def test_build_clock_never_appears_in_the_output(after: Path) -> None:
    moment = (T + timedelta(seconds=1)).isoformat()
    assert find_leaks(after, [moment, moment.replace("+00:00", "Z"), "2026-11-22T12:00:01"]) == []
