"""How long bulk translation bookkeeping takes: `chancery translate --mark-current` on a tree.

A site imported from elsewhere has translations that record no source. Marking every one of
them current is one command over the content folder; this times it, in a fresh process as an
editor runs it, on the benchmark corpus with the translation records removed.

    .venv/bin/python -m bench.mark_current --out bench/results/mark-current.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench import harness
from bench.corpus import generate

_TRANSLATION_OF = re.compile(r"^translation_of:\n(?:  .*\n)+", re.MULTILINE)


def run(pages: int, repeat: int) -> dict[str, object]:
    """Mark every translation of a ``pages`` x 6 corpus current; the figures of each run."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="chancery-mark-") as folder:
        root = Path(folder)
        corpus = generate(root / "corpus", pages, 6)
        config = harness.chancery_config(corpus, build_jobs=1)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        translations = 0
        for _ in range(repeat):
            translations = _forget_sources(corpus.content_dir, corpus.languages[-1])
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "chancery.cli", "translate", "--mark-current",
                 str(corpus.content_dir), "-f", str(root / "mkdocs.yml")],
                capture_output=True,
                text=True,
                env={**os.environ, "CHANCERY_NOW": harness.NOW},
                check=False,
            )  # fmt: skip
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise SystemExit(done.stderr)
            marked = int(done.stdout.rsplit("\n", 2)[-2].split()[0])
            runs.append({"seconds": round(elapsed, 3), "marked": marked})
    return {
        "command": "chancery translate --mark-current content/",
        "pages_per_language": pages,
        "languages": 6,
        "translations": translations,
        "runs": runs,
        "best_seconds": min(entry["seconds"] for entry in runs),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }


def _forget_sources(content: Path, source: str) -> int:
    """Remove every translation's record of its source, as an import leaves them; a count."""
    count = 0
    for path in content.rglob("*.md"):
        if path.relative_to(content).parts[0] == source:
            continue
        text = path.read_text("utf-8")
        stripped = _TRANSLATION_OF.sub("", text, count=1)
        count += stripped != text
        path.write_text(stripped, "utf-8")
    return count


def main() -> None:
    """Run the benchmark and write its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="pages per language (6 languages)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one is reported")
    parser.add_argument("--out", type=Path, default=Path("bench/results/mark-current.json"))
    arguments = parser.parse_args()
    result = run(arguments.pages, arguments.repeat)
    arguments.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(
        f"{result['translations']} translations marked current in {result['best_seconds']} s "
        f"(best of {arguments.repeat})"
    )


if __name__ == "__main__":
    main()
