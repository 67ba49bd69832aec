"""Where the time goes in one Chancery build: cProfile, summed into the parts we can act on.

    python -m bench.profile --size 100x6 --out bench/results/profile-100x6.json

The build runs under cProfile in a fresh subprocess (the same configuration as the harness).
Parts are read from cumulative times of the functions that own them; they overlap (Markdown
and templates run inside the per-language builds), so they do not sum to the total.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import generate
from bench.harness import NOW, chancery_config, parse_sizes, stock_config

#: (label, file suffix, function name): the cumulative time of that function.
PARTS = (
    ("catalog loading (read + validate every file)", "chancery/core/catalog.py", "load_catalog"),
    (
        "the other languages' builds (chancery/languages, in place of static-i18n's loop)",
        "chancery/mkdocs_plugins/language_builds.py",
        "build_other_languages",
    ),
    ("static-i18n: the other languages' builds", "mkdocs_static_i18n/plugin.py", "on_post_build"),
    (
        "static-i18n: search index merge",
        "mkdocs_static_i18n/reconfigure.py",
        "reconfigure_search_index",
    ),
    ("Markdown to HTML (all pages, all languages)", "mkdocs/structure/pages.py", "render"),
    ("Jinja template rendering (all pages)", "jinja2/environment.py", "render"),
    ("search plugin: indexing pages", "mkdocs/contrib/search/__init__.py", "on_page_context"),
    ("search plugin: writing the index", "mkdocs/contrib/search/__init__.py", "on_post_build"),
    ("sanitising bodies (ammonia)", "chancery/core/sanitize.py", "sanitise_html"),
    ("writing files", "mkdocs/utils/__init__.py", "write_file"),
)


def summarise(profile: Path) -> dict[str, Any]:
    """Total time, the named parts, our plugins' hooks, nav templates and the top functions."""
    stats = pstats.Stats(str(profile))
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in table.values())
    parts: dict[str, float] = {}
    for label, suffix, name in PARTS:
        parts[label] = round(
            sum(
                row[3]
                for (file, _, func), row in table.items()
                if file.endswith(suffix) and func == name
            ),
            2,
        )
    plugins: dict[str, float] = {}
    for (file, _, func), row in table.items():
        # chancery/languages' on_post_build runs the other languages' builds: a part above.
        if file.endswith("mkdocs_plugins/languages.py") and func == "on_post_build":
            continue
        if "/chancery/mkdocs_plugins/" in file and func.startswith("on_"):
            module = "chancery/" + Path(file).stem
            plugins[module] = plugins.get(module, 0.0) + row[3]
    nav_self = sum(row[2] for (file, _, _), row in table.items() if "partials/nav" in file)
    html_self = sum(row[2] for (file, _, _), row in table.items() if file.endswith(".html"))
    top = sorted(table.items(), key=lambda item: item[1][3], reverse=True)
    return {
        "total_s": round(total, 2),
        "parts_cumulative_s": parts,
        "chancery_plugin_hooks_cumulative_s": {k: round(v, 2) for k, v in sorted(plugins.items())},
        "template_self_time_s": {
            "all templates": round(html_self, 2),
            "nav partials": round(nav_self, 2),
        },
        "top_cumulative": [
            {"function": f"{Path(file).name}:{line}:{func}", "cumulative_s": round(row[3], 2)}
            for (file, line, func), row in top[:40]
        ],
        "top_self": [
            {"function": f"{Path(file).name}:{line}:{func}", "self_s": round(row[2], 2)}
            for (file, line, func), row in sorted(
                table.items(), key=lambda item: item[1][2], reverse=True
            )[:30]
        ],
    }


def main(argv: list[str] | None = None) -> int:
    """Profile one build of one stack and write the summary as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--size", default="100x6")
    parser.add_argument("--stack", choices=("chancery", "stock"), default="chancery")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    ((pages, languages),) = parse_sizes(args.size)
    work = Path(tempfile.mkdtemp(prefix="chancery-profile-"))
    try:
        corpus = generate(work, pages, languages)
        # One process: cProfile does not follow the parallel language builds' forks.
        config = (
            chancery_config(corpus, build_jobs=1)
            if args.stack == "chancery"
            else stock_config(corpus)
        )
        config_file = work / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        profile = work / "build.prof"
        env = {**os.environ, "CHANCERY_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs"]
        command += ["build", "-q", "-f", str(config_file), "-d", str(work / "site")]
        subprocess.run(command, env=env, check=True)
        summary = {"size": args.size, "stack": args.stack, **summarise(profile)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    brief = {k: v for k, v in summary.items() if not k.startswith("top_")}
    print(json.dumps(brief, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
