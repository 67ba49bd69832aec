#!/usr/bin/env python3
"""Weight of a first visit to each page type, in each language, and the budget it must meet.

Usage: scripts/weight_budget.py SITE_DIR [--config mkdocs.yml] [--json OUT]

Serves the built site on 127.0.0.1, opens one page of each type in Debian's headless Chromium
with an empty cache (a reader's first visit), records every file the browser fetched (HTML,
CSS, JavaScript, fonts, images: what it really asked for, so fonts outside a page's scripts
and lazy files count only when used) and adds up their gzip-compressed sizes, the way a
server sends them (fonts and images, already compressed, count as they are). It prints a
table and exits 1 when an article is over budget: 150 KB in all, 50 KB of it HTML.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mkdocs.utils.yaml import yaml_load  # noqa: E402
from playwright.sync_api import Response, sync_playwright  # noqa: E402
from tests.browser_support import launch_chromium, serve  # noqa: E402

KB = 1024
#: The budget of a first visit to an article (issue 8), gzip-compressed bytes.
ARTICLE_TOTAL = 150 * KB
ARTICLE_HTML = 50 * KB
#: The page types whose budget is enforced: what readers arrive at from a link or a search.
ARTICLE_TYPES = ("news", "statement", "travel-advice")
#: One page of each type, by its path inside a language's folder.
PAGE_TYPES = {
    "home": "",
    "page": "about/",
    "news": "news/2026-09-visa-waiver/",
    "statement": "statements/2026-09-unga-speech/",
    "travel-advice": "travel-advice/france/",
    "consular-service": "consular/passports/",
    "mission": "missions/paris/",
    "listing": "news/",
    "missions-directory": "missions/",
}
#: Files that are already compressed: a server sends them as they are.
PRECOMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".gz", ".wasm")
#: Playwright resource types, folded into the columns of the report.
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "font": "font"}


@dataclass
class Visit:
    """The files one first visit fetched, gzip sizes by kind."""

    language: str
    kind: str
    path: str
    sizes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All the bytes of the visit."""
        return sum(self.sizes.values())

    def over_budget(self) -> list[str]:
        """What exceeds the budget, as report lines (none for pages without a budget)."""
        if self.kind not in ARTICLE_TYPES:
            return []
        problems = []
        if self.sizes["html"] > ARTICLE_HTML:
            problems.append(f"HTML {self.sizes['html'] / KB:.1f} KB > {ARTICLE_HTML // KB} KB")
        if self.total > ARTICLE_TOTAL:
            problems.append(f"total {self.total / KB:.1f} KB > {ARTICLE_TOTAL // KB} KB")
        return [f"{self.language} {self.kind} ({self.path}): {p}" for p in problems]


def wire_size(url: str, body: bytes) -> int:
    """What a gzip-ing server sends for this file."""
    if url.split("?")[0].lower().endswith(PRECOMPRESSED):
        return len(body)
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def languages(config_file: Path) -> list[str]:
    """The portal's language codes, in policy order (the first is served at the root)."""
    with config_file.open(encoding="utf-8") as file:
        config: dict[str, Any] = yaml_load(file)
    plugins = [entry for entry in config["plugins"] if isinstance(entry, dict)]
    options = next(entry["chancery/content"] for entry in plugins if "chancery/content" in entry)
    return [language["code"] for language in options["languages"]]


def measure(site: Path, codes: list[str], kinds: list[str]) -> list[Visit]:
    """Open each page type of each language in a fresh browser context; record its files."""
    visits: list[Visit] = []
    with serve(site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for index, code in enumerate(codes):
            base = "/" if index == 0 else f"/{code}/"
            for kind in kinds:
                page_path = PAGE_TYPES[kind]
                path = base + page_path
                if not (site / path.lstrip("/") / "index.html").is_file():
                    continue
                visit = Visit(code, kind, path)
                # A new context starts with an empty cache: a first visit. The cache stays on,
                # as in a reader's browser, so a file the page asks for twice (Material fetches
                # sitemap.xml once per <link rel=alternate>) crosses the network once; each URL
                # counts once below.
                context = browser.new_context(viewport={"width": 375, "height": 800})
                page = context.new_page()
                responses: list[Response] = []
                page.on("response", lambda response: responses.append(response))  # noqa: B023
                page.goto(origin + path, wait_until="networkidle")
                seen: set[str] = set()
                for response in responses:
                    if not response.url.startswith(origin) or response.status >= 300:
                        continue
                    if response.url in seen:
                        continue
                    seen.add(response.url)
                    size = wire_size(response.url, response.body())
                    column = KINDS.get(response.request.resource_type, "other")
                    visit.sizes[column] += size
                    visit.files.append((response.url.removeprefix(origin), size))
                context.close()
                visits.append(visit)
        browser.close()
    return visits


def report(visits: list[Visit]) -> str:
    """The figures as a table, in KB."""
    columns = ("html", "css", "js", "font", "other")
    lines = [
        f"{'language':8} {'type':20} " + " ".join(f"{c:>7}" for c in columns) + f" {'total':>8}",
    ]
    for visit in visits:
        cells = " ".join(f"{visit.sizes[c] / KB:7.1f}" for c in columns)
        lines.append(f"{visit.language:8} {visit.kind:20} {cells} {visit.total / KB:8.1f}")
    lines.append(
        f"KB, gzip-compressed, first visit at 375 px. Budget of {', '.join(ARTICLE_TYPES)}: "
        f"{ARTICLE_TOTAL // KB} KB in all, {ARTICLE_HTML // KB} KB of HTML."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print, and return 1 when an article is over budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--types",
        default=",".join(PAGE_TYPES),
        help=f"comma-separated page types to visit (default: all of {', '.join(PAGE_TYPES)})",
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}: no index.html; build the site first (chancery build)")
    kinds = [kind for kind in args.types.split(",") if kind]
    unknown = sorted(set(kinds) - set(PAGE_TYPES))
    if unknown:
        parser.error(f"--types: unknown page types {', '.join(unknown)}")
    visits = measure(args.site, languages(args.config), kinds)
    print(report(visits))
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "language": v.language,
                        "type": v.kind,
                        "path": v.path,
                        "sizes": dict(v.sizes),
                        "total": v.total,
                        "files": v.files,
                    }
                    for v in visits
                ],
                indent=2,
            ),
            encoding="utf-8",
        )
    problems = [problem for visit in visits for problem in visit.over_budget()]
    for problem in problems:
        print(f"over budget: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
