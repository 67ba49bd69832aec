"""Print a results JSON as the Markdown tables bench/README.md quotes.

python -m bench.report bench/results/latest.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.harness import STACKS


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1e6:,.1f} MB"


def _kb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1e3:,.1f} KB"


def table(results: dict[str, Any]) -> str:
    """One row per build: absolute figures, and Chancery's ratio to stock in the same run."""
    lines = [
        "| size | stack | wall s | CPU s | peak MB (largest process / whole build) | output "
        "| HTML pages | article HTML | wall ratio | CPU ratio |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"]:
        for stack in STACKS:
            figures = run.get(stack)
            ratio = run.get(f"{stack.replace('-', '_')}_vs_stock", {})
            if figures is None:
                continue
            if figures["returncode"]:
                lines.append(f"| {run['size']} | {stack} | failed | | | | | | | |")
                continue
            wall = f"**{ratio['wall']}x**" if ratio else ""
            cpu = f"{ratio['cpu']}x" if ratio else ""
            # The whole build: PSS where measured, else the RSS sum (an upper bound, marked ≤).
            pss, tree = figures.get("peak_tree_pss_mb"), figures.get("peak_tree_rss_mb")
            whole = f"{pss}" if pss else (f"≤ {tree}" if tree else "n/a")
            memory = f"{figures['peak_rss_mb']} / {whole}"
            lines.append(
                f"| {run['size']} | {stack} | {figures['wall_s']} | {figures['cpu_s']} "
                f"| {memory} | {_mb(figures['output_bytes'])} "
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
