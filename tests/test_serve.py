"""`chancery serve`: the editors' preview.

A real `chancery serve` process on a new portal, driven by Chromium: the page shows the content;
an edit reloads the open page by itself; a broken front matter leaves the last good content
served with the error above it, naming the file; fixing it clears the error; a missing page is
the site's 404 page with status 404; Ctrl-C during a build stops cleanly and leaves no
unfinished build. Then the parts without a browser: the build queue, the addresses, the
headers, the banner's escaping, what is watched and how a failure is described.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError
from playwright.sync_api import Browser

from chancery.cli import main
from chancery.core.errors import ContentError, ContentErrors
from chancery.core.preview import (
    EVENTS_PATH,
    Answer,
    BuildReport,
    Failure,
    Problem,
    SiteRules,
    answer,
    content_type,
    inject,
    render_waiting_page,
    watched_sources,
)
from chancery.serve.app import DEFAULT_SITE_DIR
from chancery.serve.builds import BuildQueue, ChildBuilder
from chancery.serve.child import describe
from tests.conftest import REPO, TEST_NOW, of, page, write_tree
from tests.headers_support import RECORD_VIOLATIONS, browser_thread

#: The longest any one step may take on a loaded machine (a bound, not a measure).
STEP_MS = 90_000


# --- A real `chancery serve` and a real browser ----------------------------------------------


@dataclass
class Served:
    """A running `chancery serve`: its process and every line it has printed."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _condition: threading.Condition = field(default_factory=threading.Condition)

    def read(self, stream: str) -> None:
        pipe = self.process.stdout if stream == "out" else self.process.stderr
        assert pipe is not None
        for line in pipe:
            with self._condition:
                (self.lines if stream == "out" else self.errors).append(line.rstrip("\n"))
                self._condition.notify_all()

    def wait_for(self, pattern: str, after: int = 0) -> re.Match[str]:
        """The first line from ``after`` on matching ``pattern``; fails if the process ends."""
        found: list[re.Match[str]] = []

        def seen() -> bool:
            for line in self.lines[after:]:
                match = re.search(pattern, line)
                if match:
                    found.append(match)
                    return True
            return self.process.poll() is not None

        with self._condition:
            self._condition.wait_for(seen, STEP_MS / 1000)
        assert found, f"no line matching {pattern!r}: {self.lines} {self.errors}"
        return found[0]


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new two-language portal: French at the root, English domestic under /en/."""
    project = tmp_path_factory.mktemp("serve") / "portal"
    status = main(
        [
            "new",
            "site",
            str(project),
            "--languages",
            "fr,en:domestic",
            "--site-name",
            "fr=Ministère des Essais",
            "--site-name",
            "en=Ministry of Trials",
            "--site-url",
            "https://mfa.trials.example",
        ]
    )
    assert status == 0
    return project


@pytest.fixture(scope="module")
def served(portal: Path) -> Iterator[Served]:
    """`chancery serve` on the portal, on a port the system chose."""
    plugins = str(REPO / "plugins")
    path = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))
    environment = {
        **os.environ,
        "CHANCERY_NOW": TEST_NOW,
        "PYTHONPATH": path,
        "PYTHONFAULTHANDLER": "1",
    }
    environment.pop("CHANCERY_TRANSLATION_GATE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "chancery.cli", "serve", "-f", "mkdocs.yml", "--port", "0"],
        cwd=portal,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    running = Served(process)
    readers = [threading.Thread(target=running.read, args=(name,)) for name in ("out", "err")]
    for reader in readers:
        reader.start()
    try:
        yield running
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for reader in readers:
            reader.join()
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.browser
def test_serve_reloads_on_edits_keeps_the_last_good_site_on_errors_and_stops_cleanly(
    portal: Path, served: Served
) -> None:
    origin = served.wait_for(r"Serving (http://127\.0\.0\.1:\d+)/").group(1)
    about = portal / "content" / "fr" / "about.md"
    placeholder = "Ce texte est"
    assert placeholder in about.read_text(encoding="utf-8")

    def check(browser: Browser) -> None:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(f"{origin}/about/")
        assert placeholder in page.inner_text("article")
        # A mark that only a reload (not this test) can remove.
        page.evaluate("window.__notReloaded = true")

        mark = len(served.lines)
        _edit(about, placeholder, "Texte relu le 22 novembre. " + placeholder)
        page.wait_for_function(
            "() => document.querySelector('article')?.innerText.includes('relu le 22 novembre')",
            timeout=STEP_MS,
        )
        assert page.evaluate("window.__notReloaded") is None
        served.wait_for(r"^Built in", after=mark)
        assert page.locator(".chancery-preview-error").count() == 0

        # A broken front matter: the last good content stays, under the error naming the file.
        page.evaluate("window.__notReloaded = true")
        _edit(about, "\ntitle:", "\ntitle: [never closed\nsubtitle:")
        banner = page.wait_for_selector(".chancery-preview-error", timeout=STEP_MS)
        assert banner is not None
        assert "content/fr/about.md" in banner.inner_text()
        assert page.evaluate("window.__notReloaded") is None
        assert "relu le 22 novembre" in page.inner_text("article")
        other = context.new_page()
        other.goto(f"{origin}/")  # Every page shows it, not just the one edited.
        assert "content/fr/about.md" in other.inner_text(".chancery-preview-error")
        other.close()

        # Fixed, with new text: the error is gone and the new text shown.
        _edit(about, "title: [never closed\nsubtitle:", "title:")
        _edit(about, "relu le 22 novembre", "corrigé le 23 novembre")
        page.wait_for_function(
            "() => !document.querySelector('.chancery-preview-error') && "
            "document.querySelector('article')?.innerText.includes('corrigé le 23 novembre')",
            timeout=STEP_MS,
        )

        # A missing page: the site's own 404 page, in the language of the address, status 404.
        response = page.goto(f"{origin}/en/no-such-page/")
        assert response is not None and response.status == 404
        assert page.get_attribute("html", "lang") == "en"
        built = portal / DEFAULT_SITE_DIR / "en" / "404.html"
        expected = BeautifulSoup(built.read_text(encoding="utf-8"), "lxml").title
        assert expected is not None and page.title() == expected.get_text()
        # The preview's script and stylesheet pass the site's own Content-Security-Policy.
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert page.evaluate("window.__cspViolations") == []
        context.close()

    with browser_thread() as chromium:
        chromium.run(check)

    # Ctrl-C while a build runs: no traceback, and no unfinished build left behind.
    mark = len(served.lines)
    _edit(about, "corrigé le 23 novembre", "corrigé le 24 novembre")
    served.wait_for(r"rebuilding", after=mark)
    served.process.send_signal(signal.SIGINT)
    try:
        served.process.wait(timeout=STEP_MS / 1000)
    except subprocess.TimeoutExpired:
        # Python's own dump of every thread (PYTHONFAULTHANDLER), to see what would not stop.
        served.process.send_signal(signal.SIGABRT)
        served.process.wait()
    assert served.process.returncode == 0, "\n".join(served.lines + served.errors)
    served.wait_for(r"^Stopped$", after=mark)
    assert not any("Traceback" in line for line in served.errors), "\n".join(served.errors)
    builds = portal / DEFAULT_SITE_DIR.with_name(f".{DEFAULT_SITE_DIR.name}-builds")
    current = os.readlink(portal / DEFAULT_SITE_DIR)
    assert sorted(entry.name for entry in builds.iterdir()) == [".lock", Path(current).name]


def test_a_build_stopped_half_way_leaves_the_site_and_no_unfinished_folder(
    portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugins = str(REPO / "plugins")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [plugins, os.getenv("PYTHONPATH")]))
    )
    monkeypatch.setenv("CHANCERY_NOW", TEST_NOW)
    project = tmp_path / "portal"
    shutil.copytree(portal, project, ignore=shutil.ignore_patterns(".cache", "site"))
    site = tmp_path / "site"
    builder = ChildBuilder(project / "mkdocs.yml", site, strict=True)
    first = builder.build()
    assert first is not None and first.failure is None
    kept = os.readlink(site)
    # Enough new pages, and no page cache, that the second build is surely still running when
    # it is stopped (with warm caches a small site's build can finish before the stop lands).
    monkeypatch.setenv("CHANCERY_PAGE_CACHE", "off")
    body = "Paragraph of the stopped build. " * 40
    pages: dict[str, str] = {}
    for number in range(150):
        pages[f"content/en/stop/page-{number}.md"] = page(f"Page {number}", body)
        pages[f"content/fr/stop/page-{number}.md"] = page(
            f"Page {number} (fr)", body, translation_of=of("en", body)
        )
    write_tree(project, pages)
    reports: list[BuildReport | None] = []
    thread = threading.Thread(target=lambda: reports.append(builder.build()))
    thread.start()
    builds = tmp_path / ".site-builds"
    # Stop it once it has made its folder (the build is then under way).
    deadline = time.monotonic() + STEP_MS / 1000
    while len(list(builds.glob("build-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(list(builds.glob("build-*"))) == 2
    builder.stop()
    thread.join()
    assert reports == [None]
    assert os.readlink(site) == kept
    assert sorted(entry.name for entry in builds.iterdir()) == [".lock", Path(kept).name]


# --- The build queue ------------------------------------------------------------------------


def test_builds_requested_during_a_build_are_merged_into_one_and_never_overlap() -> None:
    started = threading.Semaphore(0)
    release = threading.Event()
    seen: list[frozenset[str]] = []
    running = [0, 0]  # now, most at once

    def build(changed: frozenset[str]) -> None:
        running[0] += 1
        running[1] = max(running)
        seen.append(changed)
        started.release()
        release.wait()
        running[0] -= 1

    queue = BuildQueue(build)
    worker = threading.Thread(target=queue.run)
    worker.start()
    try:
        queue.request({"content/fr/a.md"})
        assert started.acquire(timeout=30)
        for name in ("content/fr/b.md", "content/en/c.md", "mkdocs.yml"):
            queue.request({name})  # Three saves during the first build.
        assert queue.busy
        release.set()
        assert queue.wait_finished(2, timeout=30)
        assert started.acquire(timeout=30)
    finally:
        queue.close()
        release.set()
        worker.join()
    assert seen == [
        frozenset({"content/fr/a.md"}),
        frozenset({"content/fr/b.md", "content/en/c.md", "mkdocs.yml"}),
    ]
    assert running[1] == 1
    assert queue.finished == 2


def test_a_closed_queue_starts_no_more_builds() -> None:
    seen: list[frozenset[str]] = []
    queue = BuildQueue(seen.append)
    queue.close()
    queue.request({"content/fr/a.md"})
    queue.run()  # Returns at once.
    assert seen == []


# --- Addresses and headers, as the host serves them ------------------------------------------

HEADERS = """/*
  Content-Security-Policy: default-src 'self'
  Strict-Transport-Security: max-age=63072000
  Cache-Control: public, max-age=300

/*.svg
  Content-Security-Policy: default-src 'none'; sandbox
"""
REDIRECTS = """/old-page/  /new-page/  301
/en/*  /en/404.html  404
/*  /404.html  404
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write_tree(
        root,
        {
            "index.html": "<html><head></head><body>home</body></html>",
            "404.html": "<html><body>introuvable</body></html>",
            "en/404.html": "<html><body>not found</body></html>",
            "en/news/index.html": "<html><body>news</body></html>",
            "new-page/index.html": "<html><body>new</body></html>",
            "emblem.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "_headers": HEADERS,
            "_redirects": REDIRECTS,
        },
    )
    return root


def test_addresses_are_answered_as_the_host_answers_them(site: Path) -> None:
    rules = SiteRules.read(site)
    assert answer(site, "/", rules) == Answer(200, site / "index.html")
    assert answer(site, "/en/news/", rules) == Answer(200, site / "en" / "news" / "index.html")
    assert answer(site, "/en/news", rules) == Answer(301, location="/en/news/")
    assert answer(site, "/old-page/", rules) == Answer(301, location="/new-page/")
    assert answer(site, "/en/gone/", rules) == Answer(404, site / "en" / "404.html")
    assert answer(site, "/gone", rules) == Answer(404, site / "404.html")
    # The host's own files are not pages, and nothing outside the site is reachable.
    assert answer(site, "/_headers", rules).status == 404
    assert answer(site, "/en/../../etc/passwd", rules) == Answer(400)
    assert answer(site, "/%2e%2e/secret", rules) == Answer(400)


def test_without_redirect_rules_the_nearest_404_page_up_the_path_answers(site: Path) -> None:
    (site / "_redirects").unlink()
    rules = SiteRules.read(site)
    assert answer(site, "/en/news/gone/", rules) == Answer(404, site / "en" / "404.html")
    assert answer(site, "/fr/gone", rules) == Answer(404, site / "404.html")


def test_the_site_headers_are_sent_but_nothing_is_cached_or_pinned_to_https(site: Path) -> None:
    rules = SiteRules.read(site)
    page = dict(rules.headers_for("/en/news/"))
    assert page == {"Content-Security-Policy": "default-src 'self'", "Cache-Control": "no-store"}
    svg = [value for name, value in rules.headers_for("/emblem.svg") if name.startswith("Content")]
    assert svg == ["default-src 'self'", "default-src 'none'; sandbox"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("search/pagefind.js", "text/javascript; charset=utf-8"),
        ("fonts/plex.woff2", "font/woff2"),
        ("sitemap.xml.gz", "application/gzip"),
        ("emblem.svg", "image/svg+xml"),
        ("search/pagefind.en_1a2b3c4.pf_meta", "application/octet-stream"),
    ],
)
def test_content_types(name: str, expected: str) -> None:
    assert content_type(Path(name)) == expected


def test_pages_get_the_script_and_the_failure_banner_escaped() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    failure = Failure(
        f"1 content error; {hostile}",
        (Problem(f"content/fr/{hostile}.md", 3, "title", f"must be text, not {hostile}"),),
    )
    page = b'<!doctype html><html lang="fr"><head><title>t</title></head><body class="x"><p>ok'
    html = BeautifulSoup(inject(page + b"</p></body></html>", 7, failure), "lxml")
    script = html.select_one("head script[src='/__chancery__/live.js']")
    assert script is not None and script["data-generation"] == "7"
    assert script["data-events"] == EVENTS_PATH
    assert html.select_one("head link[href='/__chancery__/preview.css']") is not None
    assert html.find("img") is None
    banner = html.select_one("body > aside.chancery-preview-error:first-child")
    assert banner is not None and banner["lang"] == "en"
    assert f"content/fr/{hostile}.md:3: title: must be text, not {hostile}" in banner.get_text()
    assert html.select_one("body > p").get_text() == "ok"
    clean = BeautifulSoup(inject(page, 8, None), "lxml")
    assert clean.select_one(".chancery-preview-error") is None


def test_before_any_good_build_every_address_says_so_with_the_problems() -> None:
    failure = Failure("1 content error", (Problem("content/fr/a.md", 2, "title", "missing"),))
    html = BeautifulSoup(render_waiting_page(failure, 1), "lxml")
    banner = html.select_one(".chancery-preview-error")
    assert banner is not None and "content/fr/a.md:2: title: missing" in banner.get_text()
    assert "last good build" not in html.get_text()
    assert html.select_one("script[src='/__chancery__/live.js']") is not None
    building = BeautifulSoup(render_waiting_page(None, 0), "lxml")
    assert building.select_one(".chancery-preview-error") is None


# --- What is watched, and how a failure is told ----------------------------------------------


def test_the_sources_are_the_config_content_overrides_and_the_files_it_names(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            "content/fr/index.md": "x",
            "overrides/main.html": "x",
            "locales/fr.po": "x",
            "keys/ministry.pem": "x",
            "data/regions.yml": "x",
            ".cache/chancery/markdown/a": "x",
            "site/index.html": "x",
        },
    )
    config = {
        "site_name": "x",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "custom_dir": "overrides"},
        "watch": ["data/regions.yml"],
        "plugins": [
            {"chancery/content": {"languages": [], "markdown_cache": ".cache/chancery/markdown"}},
            {"chancery/integrity": {"integrity_public_key": "keys/ministry.pem"}},
            {"chancery/headers": {"note": "site"}},
        ],
    }
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    sources = watched_sources(config_file, tmp_path / "site")
    root = tmp_path.resolve()
    assert sources.folders == tuple(root / name for name in ("content", "locales", "overrides"))
    assert sources.files == tuple(
        root / name for name in ("data/regions.yml", "keys/ministry.pem", "mkdocs.yml")
    )


def test_content_errors_keep_their_file_line_and_field() -> None:
    errors = ContentErrors([ContentError("content/fr/about.md", 2, "title", "is missing")])
    try:
        try:
            raise errors
        except ContentErrors as error:
            raise PluginError(str(error)) from error
    except PluginError as wrapped:
        try:
            raise Abort("Aborted with a BuildError!")
        except Abort as error:
            failure = describe(error, [str(wrapped)], [])
    assert failure.summary == "1 content error; nothing was published:"
    assert failure.problems == (Problem("content/fr/about.md", 2, "title", "is missing"),)
    assert str(failure.problems[0]) == "content/fr/about.md:2: title: is missing"
    assert BuildReport.from_json(BuildReport(1.5, failure).to_json()) == BuildReport(1.5, failure)


def test_a_strict_build_stopped_by_warnings_lists_them() -> None:
    warnings = ["Doc file 'fr/a.md' contains a link 'b.md', but the target is not found"]
    failure = describe(Abort("Aborted with 1 warnings in strict mode!"), [], warnings)
    assert failure.summary.startswith("Aborted with 1 warnings in strict mode!")
    assert [problem.message for problem in failure.problems] == warnings
