"""Per-language search (chancery/search): one index per language, only real versions in it.

Also: the bundle is reproducible, and, in Chromium, Korean, Chinese and Arabic queries find the
right pages while the reader downloads only their own language's index.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from chancery.core.search import (
    BUNDLE_DIR,
    make_reproducible,
    mark_indexable,
    merge_bundles,
    one_at_a_time,
    run_pagefind,
)
from tests.conftest import REPO
from tests.headers_support import BrowserThread, browser_thread, serve_like_host, watched_context

LANGUAGES = ("en", "fr", "es", "zh", "ar", "ko")
ROOT = "en"


def prefix(code: str) -> str:
    return "" if code == ROOT else f"{code}/"


def built_pages(site: Path) -> Iterator[tuple[str, Path, BeautifulSoup]]:
    """(html lang, path, parsed page) of every HTML page of the site."""
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).as_posix().startswith(f"{BUNDLE_DIR}/"):
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        html = soup.find("html")
        yield (str(html.get("lang", "")) if html else ""), path, soup


def indexed(soup: BeautifulSoup) -> bool:
    return soup.find(attrs={"data-pagefind-body": True}) is not None


def test_mark_indexable_marks_the_article_once() -> None:
    html = '<article class="md-content__inner md-typeset"><p>x</p></article>'
    marked = mark_indexable(html)
    assert marked.count("data-pagefind-body") == 1
    assert mark_indexable(marked) == marked
    assert mark_indexable("<p>no article</p>") == "<p>no article</p>"


def test_one_index_per_language_with_the_pages_marked_in_it(demo_site: Path) -> None:
    entry = json.loads((demo_site / BUNDLE_DIR / "pagefind-entry.json").read_text("utf-8"))
    marked: dict[str, int] = dict.fromkeys(LANGUAGES, 0)
    for lang, _, soup in built_pages(demo_site):
        if indexed(soup):
            marked[lang] += 1
    assert set(entry["languages"]) == set(LANGUAGES)
    counts = {code: data["page_count"] for code, data in entry["languages"].items()}
    assert counts == marked
    assert all(count >= 10 for count in counts.values()), counts
    # Material's all-languages index is gone.
    assert not (demo_site / "search" / "search_index.json").exists()


def test_fallbacks_noindex_and_light_pages_are_not_indexed(demo_site: Path) -> None:
    fallbacks = 0
    for lang, path, soup in built_pages(demo_site):
        relative = path.relative_to(demo_site).as_posix()
        robots = soup.find("meta", attrs={"name": "robots"})
        if robots is not None and "noindex" in str(robots.get("content")):
            assert not indexed(soup), f"{relative}: noindex page in the search index"
        if relative.startswith(f"{prefix(lang)}light/"):
            assert not indexed(soup), f"{relative}: light page in the search index"
        if not relative.endswith("/index.html") or lang not in LANGUAGES:
            continue
        key = relative.removeprefix(prefix(lang)).removesuffix("/index.html") or "index"
        own = REPO / "content" / lang / f"{key}.md"
        original = REPO / "content" / ROOT / f"{key}.md"
        if not own.is_file() and original.is_file():
            # A fallback: the original's text under this language's address.
            fallbacks += 1
            assert not indexed(soup), f"{relative}: fallback page in the {lang} index"
        elif own.is_file() and robots is None:
            assert indexed(soup), f"{relative}: real {lang} page missing from the index"
    assert fallbacks > 0, "the demo has no fallback page to check"


def test_the_bundle_is_reproducible_and_what_one_run_over_the_site_writes(
    demo_site: Path, tmp_path: Path
) -> None:
    bundles = []
    for run in ("a", "b"):
        site = tmp_path / run
        shutil.copytree(
            demo_site, site, ignore=shutil.ignore_patterns(BUNDLE_DIR.rsplit("/", 1)[-1])
        )
        # One Pagefind run over the whole site gives the bundle merged from each language's.
        run_pagefind(site, site / BUNDLE_DIR)
        make_reproducible(site / BUNDLE_DIR)
        bundles.append(site / BUNDLE_DIR)
    for bundle in bundles:
        files = sorted(p.relative_to(bundle) for p in bundle.rglob("*") if p.is_file())
        demo_files = sorted(
            p.relative_to(demo_site / BUNDLE_DIR)
            for p in (demo_site / BUNDLE_DIR).rglob("*")
            if p.is_file()
        )
        assert files == demo_files
        for name in files:
            assert (bundle / name).read_bytes() == (demo_site / BUNDLE_DIR / name).read_bytes(), (
                f"{BUNDLE_DIR}/{name} differs between runs"
            )


def test_entry_file_is_written_in_a_fixed_order(tmp_path: Path) -> None:
    (tmp_path / "pagefind-entry.json").write_text(
        '{"version":"1","languages":{"zh":{"hash":"z"},"ar":{"hash":"a"}}}', "utf-8"
    )
    make_reproducible(tmp_path)
    text = (tmp_path / "pagefind-entry.json").read_text("utf-8")
    assert text == '{"languages":{"ar":{"hash":"a"},"zh":{"hash":"z"}},"version":"1"}'


# --- In the browser ------------------------------------------------------------------------

#: (language, query, the page it must find), queried in the reader's own script.
QUERIES = (
    ("ko", "해양 안보", "ko/statements/2026-07-maritime-security/"),
    ("zh", "免签", "zh/news/2026-09-visa-waiver/"),
    ("ar", "الملاحة", "ar/statements/2026-07-maritime-security/"),
    ("en", "visa waiver", "news/2026-09-visa-waiver/"),
)


@pytest.fixture(scope="module")
def host_origin(demo_site: Path) -> Iterator[str]:
    with serve_like_host(demo_site) as origin:
        yield origin


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    with browser_thread() as thread:
        yield thread


@pytest.mark.browser
@pytest.mark.parametrize(("code", "query", "expected"), QUERIES, ids=[q[0] for q in QUERIES])
def test_search_finds_pages_in_the_readers_language_only(
    chromium: BrowserThread, host_origin: str, demo_site: Path, code: str, query: str, expected: str
) -> None:
    chromium.run(_check_query, host_origin, demo_site, code, query, expected)


def _check_query(
    browser: Browser, host_origin: str, demo_site: Path, code: str, query: str, expected: str
) -> None:
    entry = json.loads((demo_site / BUNDLE_DIR / "pagefind-entry.json").read_text("utf-8"))
    own_hash = entry["languages"][code]["hash"]
    with watched_context(browser, host_origin) as watched:
        tab = watched.page
        tab.goto(watched.url(f"/{prefix(code)}search/?q={quote(query)}"), wait_until="load")
        links = tab.locator(".pagefind-ui__result-link")
        links.first.wait_for(state="visible")
        tab.wait_for_load_state("networkidle")
        hrefs = [urlsplit(str(href)).path for href in links.evaluate_all("l => l.map(a => a.href)")]
        assert f"/{expected}" in hrefs, f"{query!r} did not find /{expected}: {hrefs}"
        others = [f"/{prefix(other)}" for other in LANGUAGES if other not in (code, ROOT)]
        for href in hrefs:
            assert not any(href.startswith(other) for other in others), f"{href}: not {code}"
            if code != ROOT:
                assert href.startswith(f"/{code}/"), f"{href}: not {code}"
        # The reader downloaded their language's index and nothing of the others'.
        bundle = [url for url in watched.requests.urls if f"/{BUNDLE_DIR}/" in url]
        for url in bundle:
            name = url.rsplit("/", 1)[-1]
            language = re.match(r"(?:pagefind\.)?([a-z]{2})_", name)
            assert language is None or language.group(1) == code, f"{url}: another language"
        assert any(own_hash in url for url in bundle), "the reader's index was never loaded"
        assert watched.violations() == [] and watched.page_errors == []


def test_merging_moves_each_languages_index_into_one_bundle(tmp_path: Path) -> None:
    # Two languages' parts as Pagefind writes them: content-named files, a shared loader,
    # and an entry file each listing its own language.
    parts = []
    for code in ("en", "fr"):
        part = tmp_path / code / "pagefind-part"
        (part / "fragment").mkdir(parents=True)
        (part / "fragment" / f"{code}_1a2b3c4.pf_fragment").write_bytes(code.encode() * 10)
        (part / "pagefind.js").write_text("loader", "utf-8")
        entry = {"version": "1", "languages": {code: {"hash": f"{code}_9", "page_count": 1}}}
        (part / "pagefind-entry.json").write_text(json.dumps(entry), "utf-8")
        parts.append(part)
    bundle = tmp_path / "search" / "pagefind"
    merge_bundles(parts, bundle)
    files = sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*"))
    assert files == [
        "fragment",
        "fragment/en_1a2b3c4.pf_fragment",
        "fragment/fr_1a2b3c4.pf_fragment",
        "pagefind-entry.json",
        "pagefind.js",
    ]
    assert (bundle / "fragment/fr_1a2b3c4.pf_fragment").read_bytes() == b"fr" * 10
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["en", "fr"]
    # Moved, not copied: the parts hold no file any more.
    assert [path for part in parts for path in part.rglob("*") if path.is_file()] == []


def test_pagefind_runs_into_one_site_take_turns_across_processes(tmp_path: Path) -> None:
    # The language processes of a parallel build fork from one another: a process that
    # wants the lock while another holds it waits until that one lets go.
    events = tmp_path / "events"
    held = tmp_path / "held"
    pid = os.fork()
    if pid == 0:  # The other language process.
        code = 1
        try:
            while not held.exists():
                time.sleep(0.01)
            with one_at_a_time(tmp_path), events.open("a") as log:
                log.write("other holds\n")
            code = 0
        finally:
            os._exit(code)
    with one_at_a_time(tmp_path):
        held.touch()
        time.sleep(0.3)  # Time enough for the other process to take the lock, were it free.
        with events.open("a") as log:
            log.write("first lets go\n")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert events.read_text("utf-8").splitlines() == ["first lets go", "other holds"]


def test_a_process_that_dies_holding_the_pagefind_lock_frees_it(tmp_path: Path) -> None:
    pid = os.fork()
    if pid == 0:
        with one_at_a_time(tmp_path):
            os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    taken = threading.Event()

    def take() -> None:
        with one_at_a_time(tmp_path):
            taken.set()

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    assert taken.wait(timeout=30)


def test_a_site_folder_without_locks_still_gets_its_index_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(descriptor: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr("chancery.core.search.fcntl.flock", no_locks)
    ran = []
    with one_at_a_time(tmp_path):
        ran.append(True)
    assert ran == [True]
