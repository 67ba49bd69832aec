"""Helpers for the browser tests: a local HTTP server for a built site and Debian's Chromium."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Playwright, Request, Response

#: Debian's Chromium; Playwright cannot download its own browsers here.
CHROMIUM = Path("/usr/bin/chromium")
#: Without the background-networking flags Chromium calls Google hosts on its own.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: Schemes whose "requests" never leave the browser.
LOCAL_SCHEMES = frozenset({"data", "blob", "about"})


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files from a folder without writing a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at an ephemeral port; yield the origin (no slash)."""
    handler = partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch_chromium(playwright: Playwright) -> Browser:
    """Launch Debian's headless Chromium, or fail saying how to install it."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium "
            "(sudo apt-get install chromium); Playwright cannot download browsers here."
        )
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
    )


@dataclass
class RequestLog:
    """Every request that pages of one browser context made, in order."""

    origin: str
    urls: list[str] = field(default_factory=list)
    #: Local requests that got no answer or an HTTP error, as "status url".
    failures: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def check(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")

    def failed(self, request: Request) -> None:
        if request.url.startswith(f"{self.origin}/"):
            self.failures.append(f"{request.failure} {request.url}")

    def third_party(self) -> list[str]:
        """The requests that went anywhere but the local server."""
        local = urlsplit(self.origin)
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in LOCAL_SCHEMES
            and urlsplit(url)[:2] != (local.scheme, local.netloc)
        ]
