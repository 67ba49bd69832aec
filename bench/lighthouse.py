"""What a reader on a phone gets: Lighthouse 12 (mobile) on six pages of the demo portal.

    .venv/bin/python -m bench.lighthouse --out bench/results/lighthouse.json
    .venv/bin/python -m bench.lighthouse --site site --runs 3   # an already built site

Builds the demo portal on the benchmark clock (or takes a built site), serves it on 127.0.0.1
as a static host would: gzip for text, the site's own ``_headers`` and each language's 404 page.
Then it runs Lighthouse (npm ``lighthouse``, pinned in bench/tools, installed by
``make bench-tools``) in its default mobile mode, with its simulated 4x CPU slowdown and slow
4G, on the home pages at the root, in Arabic and in Chinese, an article, a travel-advice page
and a hub. Each page is measured ``--runs`` times and each figure is the median of the runs.

Lighthouse's performance score is noisy on a small machine shared with other work: read the
figures as a report card, not a gate. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from chancery.core.headers import HEADERS_PATH, REDIRECTS_PATH, parse_headers_file

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / "bench" / "tools" / "node_modules"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
#: The build clock of the benchmark's demo build, as the other benchmarks use.
NOW = "2026-11-22T12:00:00+00:00"
#: Debian's Chromium, unless CHROME_PATH names another.
CHROMIUM = "/usr/bin/chromium"

#: The six pages, by name: the issue's three homes, an article, travel advice and a hub.
PAGES: dict[str, str] = {
    "home": "/",
    "home-ar": "/ar/",
    "home-zh": "/zh/",
    "article": "/news/2026-09-visa-waiver/",
    "travel-advice": "/travel-advice/france/",
    "hub": "/audiences/europe/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Lighthouse audits whose numeric value is kept, by the name used in the results.
AUDITS = {
    "tbt_ms": "total-blocking-time",
    "lcp_ms": "largest-contentful-paint",
    "fcp_ms": "first-contentful-paint",
    "transfer_bytes": "total-byte-weight",
}
#: Media types sent compressed, as any static host does.
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")
COMPRESSED_EXTRA = ("application/xml", "application/manifest+json")


class StaticHost(BaseHTTPRequestHandler):
    """Serves one built site with gzip, its ``_headers``, and its 404 pages by ``_redirects``."""

    site: Path
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Write no log line per request."""

    def do_HEAD(self) -> None:
        """Headers only."""
        self._answer(body=False)

    def do_GET(self) -> None:
        """The file, gzipped when it is text and the client accepts it."""
        self._answer(body=True)

    def _answer(self, *, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        file, status = self._resolve(path)
        if file is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = file.read_bytes()
        media = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        headers = [
            ("Content-Type", f"{media}; charset=utf-8" if media.startswith("text/") else media)
        ]
        if _compressible(media) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        for pattern, rules in self._rules():
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in rules:
                    self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _resolve(self, path: str) -> tuple[Path | None, int]:
        candidate = (self.site / path.lstrip("/")).resolve()
        if candidate.is_relative_to(self.site):
            if candidate.is_dir():
                candidate = candidate / "index.html"
            if candidate.is_file():
                return candidate, 200
        redirects = self.site / REDIRECTS_PATH
        if redirects.is_file():
            for line in redirects.read_text("utf-8").splitlines():
                source, target, status = line.split()
                if status == "404" and fnmatch.fnmatchcase(path, source):
                    return self.site / target.lstrip("/"), 404
        return None, 404

    def _rules(self) -> list[tuple[str, list[tuple[str, str]]]]:
        file = self.site / HEADERS_PATH
        return parse_headers_file(file.read_text("utf-8")) if file.is_file() else []


def _compressible(media: str) -> bool:
    return media.startswith(COMPRESSED) or media in COMPRESSED_EXTRA


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at an ephemeral port; yield its origin."""
    handler = type("Host", (StaticHost,), {"site": site.resolve()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def build_demo(into: Path) -> Path:
    """Build the demo portal with --strict on the benchmark clock; return the site folder."""
    site = into / "site"
    environ = {**os.environ, "CHANCERY_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=REPO,
        env=environ,
        check=True,
    )
    return site


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run in mobile mode; its JSON report."""
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is missing: run `make bench-tools` (npm ci in bench/tools)")
    chrome = os.environ.get("CHROME_PATH", CHROMIUM)
    flags = (
        "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    )
    subprocess.run(
        [
            node,
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return result


def figures(result: dict[str, Any]) -> dict[str, float]:
    """The scores (0-100) and the audits kept, from one Lighthouse report."""
    values: dict[str, float] = {}
    for category in CATEGORIES:
        score = result["categories"][category]["score"]
        values[category.replace("-", "_")] = round(100 * float(score or 0))
    for name, audit in AUDITS.items():
        values[name] = round(float(result["audits"][audit].get("numericValue") or 0))
    return values


def measure(site: Path, runs: int, pages: dict[str, str]) -> dict[str, Any]:
    """Every page ``runs`` times: each figure's median, and every run's figures."""
    measured: dict[str, Any] = {}
    with serve(site) as origin, tempfile.TemporaryDirectory() as scratch:
        for name, path in pages.items():
            per_run = []
            for index in range(runs):
                report = Path(scratch) / f"{name}-{index}.json"
                try:
                    result = lighthouse(origin + path, report)
                except subprocess.CalledProcessError:
                    # Chromium dies now and then on a loaded machine: one more try.
                    print(f"{name} run {index + 1} failed; again", file=sys.stderr)
                    result = lighthouse(origin + path, report)
                per_run.append(figures(result))
                print(f"{name} run {index + 1}: {per_run[-1]}", file=sys.stderr)
            median = {key: statistics.median(run[key] for run in per_run) for key in per_run[0]}
            measured[name] = {"path": path, **median, "runs": per_run}
    return measured


def versions() -> dict[str, str]:
    """Lighthouse's and Chromium's versions, for the record."""
    package = json.loads((TOOLS / "lighthouse" / "package.json").read_text("utf-8"))
    chrome = os.environ.get("CHROME_PATH", CHROMIUM)
    browser = subprocess.run([chrome, "--version"], capture_output=True, text=True, check=False)
    return {"lighthouse": str(package["version"]), "chromium": browser.stdout.strip()}


def main(argv: list[str] | None = None) -> int:
    """Build or take a site, measure the pages, write the JSON and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median)")
    parser.add_argument("--pages", help="comma-separated names among: " + ", ".join(PAGES))
    parser.add_argument("--out", type=Path, default=REPO / "bench/results/lighthouse.json")
    parser.add_argument("--merge", action="store_true", help="keep the other pages of --out")
    options = parser.parse_args(argv)
    pages = PAGES
    if options.pages:
        pages = {name: PAGES[name] for name in options.pages.split(",")}
    with tempfile.TemporaryDirectory() as scratch:
        site = options.site or build_demo(Path(scratch))
        results = {
            "tool": versions(),
            "mode": "mobile (Lighthouse defaults: simulated slow 4G, 4x CPU slowdown)",
            "served": "127.0.0.1, gzip for text, the site's _headers",
            "runs": options.runs,
            "pages": measure(site, options.runs, pages),
        }
    if options.merge and options.out.is_file():
        kept = json.loads(options.out.read_text("utf-8"))["pages"]
        results["pages"] = {**kept, **results["pages"]}
        results["pages"] = {
            name: results["pages"][name] for name in PAGES if name in results["pages"]
        }
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(report(results))
    return 0


def report(results: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| page | performance | accessibility | best practices | SEO "
        "| TBT ms | LCP ms | transfer KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in results["pages"].items():
        lines.append(
            f"| {name} (`{row['path']}`) | {row['performance']:g} | {row['accessibility']:g} "
            f"| {row['best_practices']:g} | {row['seo']:g} | {row['tbt_ms']:g} "
            f"| {row['lcp_ms']:g} | {row['transfer_bytes'] / 1024:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
