"""Print a results JSON as the Markdown tables bench/README.md quotes.

python -m bench.report bench/results/latest.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1e6:,.1f} MB"


def _kb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1e3:,.1f} KB"


def table(results: dict[str, Any]) -> str:
    """One row per build: absolute figures, and Chancery's ratio to stock in the same run."""
    lines = [
        "| size | stack | wall s | CPU s | peak RSS MB | output | HTML pages | article HTML "
        "| wall ratio | CPU ratio |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"]:
        for stack in ("stock", "chancery", "chancery-uncached"):
            figures = run.get(stack)
            ratio = run.get(f"{stack.replace('-', '_')}_vs_stock", {})
            if figures is None:
                continue
            if figures["returncode"]:
                lines.append(f"| {run['size']} | {stack} | failed | | | | | | | |")
                continue
            wall = f"**{ratio['wall']}x**" if ratio else ""
            cpu = f"{ratio['cpu']}x" if ratio else ""
            lines.append(
                f"| {run['size']} | {stack} | {figures['wall_s']} | {figures['cpu_s']} "
                f"| {figures['peak_rss_mb']} | {_mb(figures['output_bytes'])} "
                f"| {figures['html_pages']} | {_kb(figures['article_html_bytes'])} "
                f"| {wall} | {cpu} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table of the given results file."""
    path = Path((argv or sys.argv[1:] or ["bench/results/latest.json"])[0])
    print(table(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
