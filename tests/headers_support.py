"""A local server that behaves like the static host, and a browser context that records CSP.

The server sends the site's own ``_headers`` and serves each language's 404 page by the site's
``_redirects``; the context records every CSP violation and console error.
"""

from __future__ import annotations

import fnmatch
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from chancery.core.headers import HEADERS_PATH, REDIRECTS_PATH, parse_headers_file
from tests.browser_support import QuietHandler, RequestLog, launch_chromium

#: Records CSP violations before any page script runs (an init script runs first).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} (${(event.sample || "").slice(0, 60)})`
  );
});
"""


class HostHandler(QuietHandler):
    """Sends ``_headers``' headers on every response and the 404 page ``_redirects`` names."""

    site: Path

    def end_headers(self) -> None:
        path = urlsplit(self.path).path
        for pattern, headers in self._rules():
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = self._not_found_page(urlsplit(self.path).path)
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _rules(self) -> list[tuple[str, list[tuple[str, str]]]]:
        file = self.site / HEADERS_PATH
        return parse_headers_file(file.read_text("utf-8")) if file.is_file() else []

    def _not_found_page(self, path: str) -> Path | None:
        file = self.site / REDIRECTS_PATH
        if not file.is_file():
            return None
        for line in file.read_text("utf-8").splitlines():
            source, target, status = line.split()
            if status == "404" and fnmatch.fnmatchcase(path, source):
                return self.site / target.lstrip("/")
        return None


@contextmanager
def serve_like_host(site: Path) -> Iterator[str]:
    """Serve ``site`` with its own headers and 404 rules; yield the origin (no slash)."""
    handler_class = type("SiteHandler", (HostHandler,), {"site": site})
    handler = partial(handler_class, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="host-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Watched:
    """One browser context: its page, requests, CSP violations and console errors."""

    page: Page
    origin: str
    requests: RequestLog
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    def violations(self) -> list[str]:
        found: Any = self.page.evaluate("window.__cspViolations || []")
        return list(found)


@contextmanager
def watched_context(browser: Browser, origin: str, **options: Any) -> Iterator[Watched]:
    """A fresh context that records requests, CSP violations and console errors."""
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_VIOLATIONS)
    log = RequestLog(origin)
    context.on("request", log.record)
    context.route(lambda url: not url.startswith(f"{origin}/"), lambda route: route.abort())
    page = context.new_page()
    watched = Watched(page, origin, log)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.console_errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    try:
        yield watched
    finally:
        context.close()


class BrowserThread:
    """A Chromium driven from a thread of its own.

    Playwright's sync API refuses to start while another sync Playwright runs in the same
    thread (test_browser.py keeps one for the whole session); a thread of our own has no
    running event loop, so both can coexist. Every call on the browser goes through ``run``.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._executor.submit(self._start).result()

    def _start(self) -> None:
        self._playwright = sync_playwright().start()
        self._browser = launch_chromium(self._playwright)

    def run(self, check: Callable[..., None], *args: Any) -> None:
        """Run ``check(browser, *args)`` in the browser's thread; re-raise what it raises."""
        self._executor.submit(lambda: check(self._browser, *args)).result()

    def close(self) -> None:
        def stop() -> None:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()

        self._executor.submit(stop).result()
        self._executor.shutdown()


@contextmanager
def browser_thread() -> Iterator[BrowserThread]:
    """A Chromium in a thread of its own, closed at the end."""
    thread = BrowserThread()
    try:
        yield thread
    finally:
        thread.close()
