"""The preview's HTTP server: the last good build as the host serves it, and build events.

Each request reads the site through the link the atomic swap replaces (chancery.core.swap), so
a request sees one whole build, the old or the new. HTML answers get the preview's script, and
the banner of the last build's failure while there is one. ``/__chancery__/events`` is a
stream of Server-Sent Events: the number of the latest finished build, sent at once and after
each build; the script reloads the page when it differs from the one the page was served with.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from chancery.core.preview import (
    EVENTS_PATH,
    PREVIEW_DIR,
    PREVIEW_FILES,
    PREVIEW_PREFIX,
    Failure,
    SiteRules,
    answer,
    content_type,
    inject,
    is_html,
    render_waiting_page,
)

#: How many times an answer is read again when a swap removed its build meanwhile.
SWAP_RETRIES = 3
#: How often an idle event stream sends a comment, so that a closed tab is noticed.
KEEPALIVE_SECONDS = 10.0


@dataclass
class PreviewState:
    """The builds so far: their number, whether a good one exists, and the last failure."""

    site: Path
    generation: int = 0
    built: bool = False
    failure: Failure | None = None
    stopping: bool = False
    _condition: threading.Condition = field(default_factory=threading.Condition)

    def succeeded(self) -> None:
        """A build was swapped in: it is served, and any failure is cleared."""
        with self._condition:
            self.generation += 1
            self.built = True
            self.failure = None
            self._condition.notify_all()

    def failed(self, failure: Failure) -> None:
        """A build failed: the last good one stays served, with ``failure`` shown above it."""
        with self._condition:
            self.generation += 1
            self.failure = failure
            self._condition.notify_all()

    def stop(self) -> None:
        """End every event stream."""
        with self._condition:
            self.stopping = True
            self._condition.notify_all()

    def snapshot(self) -> tuple[int, bool, Failure | None]:
        """The generation, whether a good build exists and the failure, read together."""
        with self._condition:
            return self.generation, self.built, self.failure

    def wait_change(self, seen: int, timeout: float) -> int | None:
        """The generation once it differs from ``seen`` (or ``seen`` after ``timeout``).

        None when the server is stopping.
        """
        with self._condition:
            self._condition.wait_for(lambda: self.generation != seen or self.stopping, timeout)
            return None if self.stopping else self.generation


class PreviewHandler(BaseHTTPRequestHandler):
    """Answers one request from the preview's state."""

    state: ClassVar[PreviewState]
    server_version = "chancery-serve"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer(body=True)

    def do_HEAD(self) -> None:
        """Answer a HEAD."""
        self._answer(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for builds and errors: no line per request."""

    def _answer(self, *, body: bool) -> None:
        path = urlsplit(self.path).path
        try:
            if path == EVENTS_PATH:
                self._events()
            elif path.startswith(PREVIEW_PREFIX):
                self._preview_file(path.removeprefix(PREVIEW_PREFIX), body=body)
            else:
                self._site(path, body=body)
        except ConnectionError:
            self.close_connection = True

    def _site(self, path: str, *, body: bool) -> None:
        generation, built, failure = self.state.snapshot()
        if not built:
            page = render_waiting_page(failure, generation)
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, page, "text/html; charset=utf-8", body)
            return
        for attempt in range(SWAP_RETRIES):
            # One build for the whole answer: the link's target now. A swap may remove that
            # build while it is read (the previous build is removed once the new one is in):
            # then the answer is read again, from the new one.
            root = Path(os.path.realpath(self.state.site))
            try:
                rules = SiteRules.read(root)
                found = answer(root, path, rules)
                data = found.file.read_bytes() if found.file is not None else None
                break
            except (FileNotFoundError, NotADirectoryError):
                if attempt == SWAP_RETRIES - 1:
                    raise
        headers = rules.headers_for(path)
        if found.location is not None:
            self._send(found.status, b"", None, body, [*headers, ("Location", found.location)])
            return
        if found.file is None or data is None:
            text = f"{found.status} {HTTPStatus(found.status).phrase}\n".encode()
            self._send(found.status, text, "text/plain; charset=utf-8", body, headers)
            return
        if is_html(found.file):
            data = inject(data, generation, failure)
        self._send(found.status, data, content_type(found.file), body, headers)

    def _preview_file(self, name: str, *, body: bool) -> None:
        kind = PREVIEW_FILES.get(name)
        if kind is None:
            self._send(HTTPStatus.NOT_FOUND, b"404 Not Found\n", "text/plain", body)
            return
        data = (PREVIEW_DIR / name).read_bytes()
        self._send(
            HTTPStatus.OK, data, f"{kind}; charset=utf-8", body, [("Cache-Control", "no-store")]
        )

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        generation, _, _ = self.state.snapshot()
        self._event(generation)
        while True:
            found = self.state.wait_change(generation, KEEPALIVE_SECONDS)
            if found is None:
                return
            if found == generation:
                self.wfile.write(b": still here\n\n")
            else:
                generation = found
                self._event(generation)
            self.wfile.flush()

    def _event(self, generation: int) -> None:
        self.wfile.write(f"event: build\ndata: {generation}\n\n".encode())
        self.wfile.flush()

    def _send(
        self,
        status: int,
        data: bytes,
        kind: str | None,
        body: bool,
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        self.send_response(status)
        for name, value in headers or [("Cache-Control", "no-store")]:
            self.send_header(name, value)
        if kind is not None:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class PreviewServer(ThreadingHTTPServer):
    """A threaded HTTP server on one address, answering from ``state``."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], state: PreviewState) -> None:
        handler = type("Handler", (PreviewHandler,), {"state": state})
        super().__init__(address, handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closed its connection (a tab closed, a reload) is no error to print."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def origin(self) -> str:
        """``http://host:port``, the port the system gave if 0 was asked for."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> threading.Thread:
        """Serve in a background thread."""
        thread = threading.Thread(target=self.serve_forever, name="chancery-serve", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """End the event streams, stop serving and close the socket."""
        self.state.stop()
        self.shutdown()
        self.server_close()
