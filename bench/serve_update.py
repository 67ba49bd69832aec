"""How long `chancery serve` takes from saving a file to serving the updated page.

A copy of the demo portal is served by `chancery serve` (a fresh process, on a free port). Once
the first build is served, a sentence is added to one page and saved; the clock runs until the
served page contains it. Several saves, one after another, each waiting for the last; the
figures and their median go to a JSON file. The preview rebuilds the whole site with its
caches (Markdown and pages), as an editor's does.

    .venv/bin/python -m bench.serve_update --out bench/results/serve-update.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.harness import NOW, REPO, environment

#: What the demo's build reads: its configuration, content and overrides.
PROJECT_PARTS = ("mkdocs.yml", "content", "overrides")
#: The page edited, and where the preview serves it.
EDITED = Path("content/en/about.md")
EDITED_URL = "about/"
SERVING = re.compile(r"Serving (http://\S+?)/ ")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, needle: str, limit: float) -> float:
    """Seconds until ``url`` serves text containing ``needle`` (polled every 50 ms)."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if needle in _fetch(url):
            return time.monotonic() - started
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {needle!r} within {limit} s")


def measure(saves: int) -> dict[str, object]:
    """Serve a copy of the demo and time ``saves`` edits; the figures."""
    work = Path(tempfile.mkdtemp(prefix="chancery-serve-bench-"))
    try:
        for part in PROJECT_PARTS:
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, work / part)
            else:
                shutil.copy2(source, work / part)
        env = {**os.environ, "CHANCERY_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "chancery.cli", "serve", "--port", "0", "--no-strict"]
        process = subprocess.Popen(
            command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            origin = ""
            assert process.stdout is not None
            for line in process.stdout:
                found = SERVING.search(line + " ")
                if found:
                    origin = found.group(1)
                    break
            if not origin:
                raise RuntimeError("chancery serve stopped before serving")
            url = f"{origin}/{EDITED_URL}"
            _wait_for(url, "</html>", 120)
            times = []
            for number in range(saves):
                marker = f"Saved sentence number {number} of the benchmark."
                path = work / EDITED
                path.write_text(path.read_text("utf-8") + f"\n{marker}\n", "utf-8")
                times.append(round(_wait_for(url, marker, 120), 2))
            median = statistics.median(times)
            return {"page": EDITED.as_posix(), "saves_s": times, "median_s": median}
        finally:
            process.terminate()
            process.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Measure and write the results file."""
    parser = argparse.ArgumentParser(prog="python -m bench.serve_update", description=__doc__)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/results/serve-update.json"))
    options = parser.parse_args(argv)
    result = {"environment": environment(), "demo": measure(options.saves)}
    options.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["demo"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
