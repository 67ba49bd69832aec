"""Rendered pages reused between builds (issue 18): after any edits, the same site as a clean build.

A small three-language corpus of every content type is built once to warm the caches. Each test
then edits a copy (a body, a title, a page added, deleted or renamed, an embargo set or lifted,
an alert published or changed, a tag, a translation's state, the configuration, a template),
builds it incrementally with the caches it inherited, and builds the same inputs cleanly with
every cache off: the two sites must be byte-identical. A Hypothesis property does the same for
random sequences of those edits. The targeted tests also check that the cache did its job: the
edited page was laid out again and most others were reused; an alert published or ended lays out
only the pages that list alerts, every other page getting the new alert region in its kept shell.

The fingerprint behind the cache's keys is tested on its own, and the context values the key
leaves out are checked to be read by no template.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest
import yaml
from bench import harness
from bench.corpus import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.theme import Theme

from chancery.core.fingerprint import Fingerprint, Unfingerprintable
from chancery.core.front_matter_edit import join_file, split_file, without_keys
from chancery.mkdocs_plugins import alert_region, page_cache
from tests.conftest import REPO, site_files

PAGES_LOG = "mkdocs.plugins.chancery.page_cache"
COUNTS = re.compile(r"Page cache: (\d+) pages reused, (\d+) rendered \((\w+)\)")
Edit = Callable[[Path], None]


# -- The fingerprint ---------------------------------------------------------------------------


def _digest(value: object) -> str:
    fingerprint = Fingerprint()
    fingerprint.add(value)
    return fingerprint.hexdigest()


def test_markup_and_plain_text_of_the_same_letters_differ() -> None:
    # A template escapes one and not the other: equal keys would reuse the wrong HTML.
    assert _digest(Markup("<b>x</b>")) != _digest("<b>x</b>")


def test_order_counts_in_mappings_and_sequences_but_not_in_sets() -> None:
    assert _digest({"a": 1, "b": 2}) != _digest({"b": 2, "a": 1})
    assert _digest(["a", "b"]) != _digest(["b", "a"])
    assert _digest({"a", "b", "c"}) == _digest(set(reversed(["a", "b", "c"])))
    assert _digest(("ab", "c")) != _digest(("a", "bc"))


@dataclasses.dataclass(frozen=True)
class _View:
    title: str
    items: tuple[str, ...]


def test_every_field_of_a_dataclass_counts() -> None:
    assert _digest(_View("a", ("x",))) != _digest(_View("a", ("y",)))
    assert _digest(_View("a", ("x",))) == _digest(_View("a", ("x",)))


def test_what_it_cannot_describe_is_refused_not_guessed() -> None:
    class Opaque:
        pass

    looped: list[object] = []
    looped.append(looped)
    for value in (Opaque(), looped):
        with pytest.raises(Unfingerprintable):
            _digest(value)


# -- The alert region ---------------------------------------------------------------------------


READS: dict[str, Callable[[tuple[object, ...]], object]] = {
    "loop": list,
    "test": bool,
    "length": len,
    "index": lambda alerts: alerts[0],
    "membership": lambda alerts: "x" in alerts,
    "comparison": lambda alerts: alerts == ("x",),
    "text": str,
    "json": lambda alerts: json.dumps(alerts),
    "copy": copy.deepcopy,
    "join": lambda alerts: [*alerts, "y"],
}


@pytest.mark.parametrize("way", sorted(READS))
def test_any_read_of_the_alerts_trips_the_wire(way: str) -> None:
    wire = alert_region.Tripwire(("x",))
    assert not wire.touched
    READS[way](wire)
    assert wire.touched


def test_a_shell_is_filled_once_and_a_damaged_one_refused() -> None:
    shell = alert_region.Shell("<!--m-->", "<p>a</p><!--m--><p>b</p>")
    parsed = alert_region.Shell.parse(shell.text())
    assert parsed is not None
    assert parsed.fill("<aside>storm</aside>") == "<p>a</p><aside>storm</aside><p>b</p>"
    twice = alert_region.Shell("<!--m-->", "<!--m--><!--m-->").text()
    for damaged in ("<p>a whole page</p>", twice, shell.text().split("\n", 1)[1]):
        assert alert_region.Shell.parse(damaged) is None, damaged


def test_the_key_leaves_out_what_no_template_reads(tmp_path: Path) -> None:
    # The build date and the output folder change with every build; the key may skip them only
    # if no template of the site's theme folders could show them.
    cache = page_cache.PageCache(tmp_path)

    def reads(theme: Theme) -> page_cache.Reads:
        return cache._settings(theme.get_env())[1]

    templates = str(REPO / "plugins/chancery/templates")
    demo_reads = reads(Theme(name="material", custom_dir=templates))
    readthedocs_reads = reads(Theme(name="readthedocs"))
    assert demo_reads.context is not None and readthedocs_reads.context is not None
    assert {"page", "nav", "config", "chancery"} <= demo_reads.context
    assert "build_date_utc" not in demo_reads.context
    assert "build_date_utc" in readthedocs_reads.context  # Its footer shows the build date.
    assert demo_reads.unread_options == page_cache.UNREAD_OPTIONS


def test_a_value_of_none_and_no_value_give_different_keys(tmp_path: Path) -> None:
    # A template can tell them apart (`is defined`), so the key must; pages with no alerts
    # view were once keyed without their None values.
    cache = page_cache.PageCache(tmp_path)
    template = jinja2.Environment().from_string("{{ 'yes' if notice is defined }}")
    keys = {
        shown: cache._keys(template, {"page": None, **context}, "settings", None)
        for shown, context in {
            "none": {"notice": None},
            "absent": {},
            "text": {"notice": ""},
        }.items()
    }
    assert keys["none"][0] is None  # No alerts view: no shell key.
    assert len({whole for _, whole in keys.values()}) == 3, keys


# -- Builds ------------------------------------------------------------------------------------


def _write_config(project: Path, name: str, *, caches: bool) -> None:
    corpus_dir = project / "content"
    config = harness.chancery_config(_Corpus(corpus_dir), build_jobs=1)
    config["docs_dir"] = "content"
    config["theme"]["custom_dir"] = "overrides"
    if not caches:
        off = {"chancery/content": {"markdown_cache": "", "page_cache": ""}}
        off["chancery/search"] = {"search_cache": ""}
        plugins = [{p: {}} if isinstance(p, str) else p for p in config["plugins"]]
        for plugin in plugins:
            for plugin_name, options in plugin.items():
                options.update(off.get(plugin_name, {}))
        config["plugins"] = plugins
    (project / name).write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


@dataclasses.dataclass
class _Corpus:
    """What harness.chancery_config reads of a corpus: its folder and languages."""

    content_dir: Path
    languages: tuple[str, ...] = ("en", "fr", "ko")


def _build(project: Path, config_name: str, out: str) -> dict[str, bytes] | str:
    """Every file of the site built from ``config_name``, or the error that stopped it."""
    config = load_config(
        config_file=str(project / config_name), site_dir=str(project / out), strict=False
    )
    try:
        build(config)
    except (Abort, BuildError, PluginError) as error:
        return f"{type(error).__name__}: {error}"
    return site_files(project / out)


def _rendered(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """(pages reused, pages rendered) over the languages of the last build logged."""
    counts = [COUNTS.search(record.getMessage()) for record in caplog.records]
    found = [match for match in counts if match]
    return sum(int(m.group(1)) for m in found), sum(int(m.group(2)) for m in found)


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A corpus with its overrides folder, built once so that its caches are warm."""
    project = tmp_path_factory.mktemp("warm")
    generate(project / "corpus", 8, 3)
    shutil.move(project / "corpus" / "content", project / "content")
    shutil.copytree(REPO / "overrides", project / "overrides")
    _write_config(project, "mkdocs.yml", caches=True)
    _write_config(project, "clean.yml", caches=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", harness.NOW)
        built = _build(project, "mkdocs.yml", "site")
    assert isinstance(built, dict), built
    yield project


def _copy(warm: Path, target: Path) -> Path:
    shutil.copytree(warm, target, symlinks=True, ignore=shutil.ignore_patterns("site", "clean"))
    return target


def _pages(project: Path, language: str = "en") -> list[Path]:
    """The language's content pages other than its home, in a stable order."""
    return sorted(
        path
        for path in (project / "content" / language).rglob("*.md")
        if path.name not in {"index.md", "about.md"}
    )


def _set_field(path: Path, key: str, value: object | None) -> None:
    lines, body = split_file(path.read_text(encoding="utf-8"))
    lines = without_keys(lines, {key})
    if value is not None:
        lines += yaml.safe_dump({key: value}, allow_unicode=True).strip().splitlines()
    path.write_text(join_file(lines, body), encoding="utf-8")


def _alert(project: Path, title: str | None) -> None:
    path = project / "content" / "_alerts.yml"
    if title is None:
        path.unlink(missing_ok=True)
        return
    text = {code: {"title": title, "text": f"{title}."} for code in ("en", "fr", "ko")}
    path.write_text(yaml.safe_dump({"alerts": [{**harness.ALERT, "text": text}]}), "utf-8")


def _nth(project: Path, index: int, language: str = "en") -> Path:
    pages = _pages(project, language)
    return pages[index % len(pages)]


def body_edit(index: int) -> Edit:
    def edit(project: Path) -> None:
        path = _nth(project, index)
        path.write_text(path.read_text("utf-8") + f"\nEdited {index}.\n", "utf-8")

    return edit


def title_edit(index: int) -> Edit:
    return lambda project: _set_field(_nth(project, index), "title", f"Retitled {index}")


def add_page(index: int) -> Edit:
    def edit(project: Path) -> None:
        source = _nth(project, index, "ko")  # A source: a translation needs its original.
        shutil.copyfile(source, source.with_name(f"added-{index}-{source.name}"))

    return edit


def delete_page(index: int) -> Edit:
    return lambda project: _nth(project, index, "fr").unlink()


def rename_page(index: int) -> Edit:
    def edit(project: Path) -> None:
        # Every language's version, as a rename of a page is done.
        relative = _nth(project, index, "ko").relative_to(project / "content" / "ko")
        for language in ("en", "fr", "ko"):
            path = project / "content" / language / relative
            if path.exists():
                path.rename(path.with_name(f"renamed-{path.name}"))

    return edit


def embargo(index: int) -> Edit:
    later = "2027-01-01T09:00:00+00:00"
    return lambda project: _set_field(_nth(project, index), "publish_at", later)


def lift_embargo(index: int) -> Edit:
    return lambda project: _set_field(_nth(project, index), "publish_at", None)


def alert(title: str | None) -> Edit:
    return lambda project: _alert(project, title)


def tag(index: int) -> Edit:
    def edit(project: Path) -> None:
        names = sorted(yaml.safe_load((project / "content/_tags.yml").read_text("utf-8")))
        chosen = [names[index % len(names)], names[(index + 1) % len(names)]]
        _set_field(_nth(project, index), "tags", chosen)

    return edit


def stale_translation(index: int) -> Edit:
    def edit(project: Path) -> None:
        for path in _pages(project, "fr")[index % 3 :]:
            if "translation_of:" in path.read_text("utf-8"):
                _set_field(path, "translation_of", {"language": "ko", "hash": "0" * 16})
                return

    return edit


def config_edit(index: int) -> Edit:
    def edit(project: Path) -> None:
        for name in ("mkdocs.yml", "clean.yml"):
            path = project / name
            config = yaml.safe_load(path.read_text("utf-8"))
            # Shown on every page (data-md-color-primary); the copyright line, for one, is
            # derived from each language's site name.
            colours = ("teal", "deep-orange", "brown")  # The corpus has indigo.
            config["theme"]["palette"]["primary"] = colours[index % len(colours)]
            path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")

    return edit


def template_edit(index: int) -> Edit:
    def edit(project: Path) -> None:
        (project / "overrides" / "main.html").write_text(
            '{% extends "base.html" %}\n'
            f"{{% block footer %}}{{{{ super() }}}}<p hidden>Edition {index}</p>{{% endblock %}}\n",
            "utf-8",
        )

    return edit


EDITS: dict[str, Callable[[int], Edit]] = {
    "body": body_edit,
    "title": title_edit,
    "add": add_page,
    "delete": delete_page,
    "rename": rename_page,
    "embargo": embargo,
    "lift embargo": lift_embargo,
    "alert": lambda index: alert(f"Storm {index}"),
    "alert ended": lambda index: alert(None),
    "tag": tag,
    "translation state": stale_translation,
    "config": config_edit,
    "template": template_edit,
}


def _same_as_clean(project: Path) -> dict[str, bytes] | str:
    incremental = _build(project, "mkdocs.yml", "site")
    clean = _build(project, "clean.yml", "clean")
    if isinstance(incremental, dict) and isinstance(clean, dict):
        differing = sorted(
            name
            for name in incremental.keys() | clean.keys()
            if incremental.get(name) != clean.get(name)
        )
        assert differing == [], f"the incremental build differs from a clean one: {differing}"
    else:
        assert incremental == clean, "only one of the two builds failed"
    return incremental


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_each_kind_of_edit_gives_a_clean_builds_site(
    kind: str,
    warm: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", harness.NOW)
    project = _copy(warm, tmp_path / "project")
    if kind in {"lift embargo", "alert ended"}:  # Something to lift or end first.
        (embargo(1) if kind == "lift embargo" else alert("Storm"))(project)
        _build(project, "mkdocs.yml", "site")
    EDITS[kind](1)(project)
    caplog.set_level(logging.INFO, logger=PAGES_LOG)
    caplog.clear()
    built = _build(project, "mkdocs.yml", "site")
    assert isinstance(built, dict), built
    reused, rendered = _rendered(caplog)
    assert rendered > 0, "the edit changed no page"
    if kind in {"body", "translation state"}:
        # An edit to one page lays out that page and those that show it, not the whole site.
        # (A page added, removed or retitled changes the navigation every page shows; a tag,
        # the topics every page's navigation lists.)
        assert reused > rendered, (reused, rendered)
    if kind in {"alert", "alert ended"}:
        # Only the home pages, which list the alerts under their titles, are laid out again;
        # every other page is its kept shell with the new alert region put in.
        assert rendered == len(_Corpus.languages), (reused, rendered)
        showing = [name for name, data in built.items() if b"Storm 1" in data]
        assert (len(showing) > reused) == (kind == "alert"), len(showing)
    _same_as_clean(project)


def test_nothing_changed_renders_nothing(
    warm: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", harness.NOW)
    project = _copy(warm, tmp_path / "project")
    search_cache = project / ".cache/chancery/search"
    before = site_files(search_cache)
    caplog.set_level(logging.INFO)
    built = _build(project, "mkdocs.yml", "site")
    assert isinstance(built, dict), built
    reused, rendered = _rendered(caplog)
    assert (reused > 0, rendered) == (True, 0)
    # Nor is any language's search index made again (core/search_cache.py): its files are
    # the kept ones, linked in; and the kept ones are as they were, though the bundle's entry
    # file was rewritten from theirs.
    kept = [r for r in caplog.records if "the kept index reused" in r.getMessage()]
    assert len(kept) == len(_Corpus.languages)
    assert built == site_files(warm / "site")
    assert site_files(search_cache) == before
    entries = [json.loads(path.read_bytes()) for path in search_cache.glob("*/pagefind-entry.json")]
    # Each as Pagefind wrote it for its one language, not as the merge rewrote the site's.
    assert [len(entry["languages"]) for entry in entries] == [1] * len(_Corpus.languages)
    inodes = {path.stat().st_ino for path in search_cache.rglob("*") if path.is_file()}
    bundle = [path for path in (project / "site/search/pagefind").rglob("*") if path.is_file()]
    linked = [path.name for path in bundle if path.stat().st_ino in inodes]
    assert sorted(path.name for path in bundle if path.name not in linked) == [
        "pagefind-entry.json"
    ]


def test_a_body_edit_shows_in_its_page_and_its_fallback(
    warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", harness.NOW)
    project = _copy(warm, tmp_path / "project")
    english, french = project / "content/en", project / "content/fr"
    # An English page with no French translation: French readers get it as a fallback.
    source = next(
        p for p in _pages(project, "en") if not (french / p.relative_to(english)).exists()
    )
    source.write_text(source.read_text("utf-8") + "\nZQXSENTENCE.\n", "utf-8")
    built = _same_as_clean(project)
    assert isinstance(built, dict)
    showing = {name for name, data in built.items() if b"ZQXSENTENCE" in data}
    stem = source.relative_to(english).with_suffix("").as_posix()
    assert f"{stem}/index.html" in showing  # English is at the root.
    assert f"fr/{stem}/index.html" in showing


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(sorted(EDITS)), st.integers(min_value=0, max_value=20)),
        min_size=1,
        max_size=3,
    )
)
def test_any_sequence_of_edits_gives_a_clean_builds_site(
    edits: list[tuple[str, int]], warm: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = _copy(warm, tmp_path_factory.mktemp("sequence") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", harness.NOW)
        for kind, index in edits:
            EDITS[kind](index)(project)
            # A build after each edit: every later build starts from the caches it left.
            _build(project, "mkdocs.yml", "site")
        _same_as_clean(project)
