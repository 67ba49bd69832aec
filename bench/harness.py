"""Build one generated corpus with the stock stack and with Chancery, and record the cost.

    python -m bench.harness --sizes 100x6,300x1,300x3,300x6 --out bench/results/latest.json

Each build runs in a fresh `mkdocs build` subprocess; its wall time, CPU time (user + system)
and peak RSS come from that very child's rusage (os.wait4), so builds never blur into each
other. Chancery's figures are always reported as a ratio to the stock build of the same corpus
in the same run: on a shared machine absolute times are noise, ratios much less so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import LANGUAGE_SETS, Corpus, generate
from chancery.core.config import read_site_settings
from chancery.mkdocs_plugins import template_cache

REPO = Path(__file__).resolve().parent.parent
DEMO_CONFIG = REPO / "mkdocs.yml"
#: The build clock of every benchmark build (as in the tests): results do not drift by day.
NOW = "2026-11-22T12:00:00+00:00"
#: chancery: a full build, languages in parallel (one process per core), Markdown cache cold;
#: chancery-warm: the same build again with the Markdown cache chancery left (CI keeps it);
#: chancery-edit: after a one-page edit (the article below), with that cache;
#: chancery-alert: after publishing a site-wide alert (content/_alerts.yml), with those caches;
#: chancery-serial: languages one after another in one process (build_jobs: 1), no cache;
#: chancery-uncached: chancery with its template cache off, to measure what that saves;
#: chancery-listed: chancery with campaigns, missions and consular services out of the nav
#: too (listings_nav_types), as a site with hundreds of them would set it.
STACKS = (
    "stock",
    "chancery",
    "chancery-warm",
    "chancery-edit",
    "chancery-alert",
    "chancery-serial",
    "chancery-uncached",
    "chancery-listed",
)
#: Stacks that reuse the Markdown cache of the `chancery` stack (which must run first).
WARM_STACKS = ("chancery-warm", "chancery-edit", "chancery-alert")
#: The alert chancery-alert publishes: active on the build clock, in every language's banner.
ALERT = {
    "id": "bench-storm",
    "severity": "critical",
    "start": "2026-11-20T00:00:00+00:00",
    "end": "2026-11-30T00:00:00+00:00",
}
#: Sizes named by issue 9; `make bench` measures what fits in one sitting, see bench/README.md.
FULL_SIZES = "100x6,1000x6,5000x3,1000x1,1000x3"
QUICK_SIZES = "100x6,100x1,100x3,200x6"


class _DemoLoader(yaml.SafeLoader):
    """Reads the demo's mkdocs.yml; `!ENV [NAME, default]` becomes its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return os.environ.get(str(values[0]), values[-1])
    return os.environ.get(str(loader.construct_scalar(node)))  # type: ignore[arg-type]


_DemoLoader.add_constructor("!ENV", _env_default)


#: listings_nav_types of the chancery-listed stack.
LISTED_NAV_TYPES = [
    *("news", "statement", "event", "fact-check"),
    *("campaign", "consular-service", "mission"),
]


def chancery_config(
    corpus: Corpus,
    *,
    build_jobs: int = 0,
    markdown_cache: str | None = None,
    nav_types: list[str] | None = None,
) -> dict[str, Any]:
    """The demo portal's configuration and plugin set, on the corpus, with the gate at warn.

    ``build_jobs``: processes for the languages after the first (0: one per core);
    ``markdown_cache``: the folder of the Markdown cache ("" for none; default: the demo's).
    """
    config: dict[str, Any] = yaml.load(DEMO_CONFIG.read_text(encoding="utf-8"), _DemoLoader)
    config["docs_dir"] = str(corpus.content_dir)
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    codes = set(corpus.languages)
    for plugin in config["plugins"]:
        name, options = next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, None)
        if name == "chancery/content":
            options["languages"] = [lang for lang in options["languages"] if lang["code"] in codes]
            if markdown_cache is not None:
                options["markdown_cache"] = markdown_cache
        elif name == "chancery/languages":
            options["translation_gate"] = "warn"
            options["build_jobs"] = build_jobs
        elif name == "chancery/listings" and nav_types is not None:
            options["listings_nav_types"] = nav_types
    return config


def stock_config(corpus: Corpus) -> dict[str, Any]:
    """Plain Material + search + mkdocs-static-i18n on the same files, with stock defaults."""
    demo: dict[str, Any] = yaml.load(DEMO_CONFIG.read_text(encoding="utf-8"), _DemoLoader)
    theme = {key: demo["theme"][key] for key in ("name", "language", "features", "palette")}
    # The same languages as Chancery's, declared as static-i18n wants them.
    policy = read_site_settings(DEMO_CONFIG).policy
    languages = [
        {
            "locale": language.code,
            "name": language.name,
            "default": language.code == policy.root_code,
            "build": True,
            "site_name": language.site_name,
        }
        for language in policy.languages
        if language.code in corpus.languages
    ]
    return {
        "site_name": demo["site_name"],
        "site_url": demo["site_url"],
        "docs_dir": str(corpus.content_dir),
        "theme": theme,
        "markdown_extensions": demo["markdown_extensions"],
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "reconfigure_material": True,
                    "languages": languages,
                }
            },
        ],
    }


def measure(command: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run ``command``; its wall time, CPU time and peak memory.

    CPU time and the largest process's peak RSS come from os.wait4's rusage, which covers the
    child and every process it waited for (the parallel language builds). The tree's peaks,
    sampled every 0.25 s, sum the child's and its descendants' RSS (an upper bound: pages the
    forked builds share count once per process) and PSS (shared pages split between their
    processes: the memory the build really holds).
    """
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = _TreeMemory(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        # Linux reports ru_maxrss in KiB.
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "peak_tree_rss_mb": round(sampler.peak / 2**20, 1),
        "peak_tree_pss_mb": round(sampler.peak_pss / 2**20, 1),
        "returncode": process.returncode,
    }


class _TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants (Linux /proc)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self.peak_pss = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.25):
            rss, pss = _tree_memory(self.root)
            self.peak = max(self.peak, rss)
            self.peak_pss = max(self.peak_pss, pss)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree_memory(root: int) -> tuple[int, int]:
    """Bytes of the tree under ``root``: summed RSS, and summed PSS (shared pages split)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue  # The process ended while we looked.
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    rss = pss = 0
    waiting = [root]
    while waiting:
        pid = waiting.pop()
        waiting += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            name, _, value = line.partition(":")
            if name in ("Rss", "Pss"):
                kib = int(value.split()[0]) * 1024
                rss, pss = (rss + kib, pss) if name == "Rss" else (rss, pss + kib)
    return rss, pss


def build(stack: str, corpus: Corpus, work: Path) -> dict[str, Any]:
    """Build ``corpus`` with ``stack`` in a fresh subprocess and describe the result."""
    cache = work / "markdown-cache"
    if stack.startswith("chancery") and stack not in WARM_STACKS:
        # Cold, with every cache emptied (the warm stacks reuse what `chancery` leaves).
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work / ".cache/chancery/cards", ignore_errors=True)  # Share cards too.
        shutil.rmtree(work / ".cache/chancery/pages", ignore_errors=True)  # Rendered pages.
        shutil.rmtree(work / ".cache/chancery/search", ignore_errors=True)  # Search indexes.
    if stack == "stock":
        config = stock_config(corpus)
    elif stack == "chancery-serial":
        config = chancery_config(corpus, build_jobs=1, markdown_cache="")
    elif stack == "chancery-listed":
        config = chancery_config(corpus, markdown_cache="", nav_types=LISTED_NAV_TYPES)
    else:
        config = chancery_config(corpus, markdown_cache=str(cache))
    edited = corpus.content_dir / "en" / corpus.article
    original = edited.read_bytes()
    if stack == "chancery-edit":  # A one-sentence edit to one article.
        edited.write_bytes(original + b"\nOne more sentence, added by an editor.\n")
    alerts = corpus.content_dir / "_alerts.yml"
    if stack == "chancery-alert":
        # A critical alert must be written in every foreign language before it is published.
        text = {
            code: {"title": "Storm warning", "text": "Avoid the coast."}
            for code in corpus.languages
        }
        alert = {**ALERT, "text": text}
        alerts.write_text(yaml.safe_dump({"alerts": [alert]}, allow_unicode=True), "utf-8")
    config_file = work / f"mkdocs-{stack}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = work / f"site-{stack}"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "CHANCERY_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
    env[template_cache.SWITCH] = "off" if stack == "chancery-uncached" else "on"
    log = work / f"build-{stack}.log"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    try:
        result = measure([*command, "-d", str(site)], env, log)
    finally:
        edited.write_bytes(original)
        alerts.unlink(missing_ok=True)
    # The demo's plugin set changes as the project grows: record the one measured.
    result["plugins"] = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    result["warnings"] = sum(1 for line in lines if line.startswith("WARNING"))
    if result["returncode"] != 0:
        result["error"] = "\n".join(lines[-15:])
        return result
    files = [path for path in site.rglob("*") if path.is_file()]
    html = [path for path in files if path.suffix == ".html"]
    article = site / corpus.article.removesuffix(".md") / "index.html"
    result.update(
        output_bytes=sum(path.stat().st_size for path in files),
        output_files=len(files),
        html_pages=len(html),
        article=corpus.article,
        article_html_bytes=article.stat().st_size if article.exists() else None,
    )
    return result


def run_size(pages: int, languages: int, stacks: tuple[str, ...], keep: Path | None) -> dict:
    """Generate one corpus and build it with each stack, in the same sitting."""
    work = Path(tempfile.mkdtemp(prefix=f"chancery-bench-{pages}x{languages}-", dir=keep))
    try:
        corpus = generate(work, pages, languages)
        entry: dict[str, Any] = {
            "size": f"{pages}x{languages}",
            "pages_per_language": pages,
            "languages": list(corpus.languages),
            "corpus": {
                "files": corpus.files,
                "missing_translations": corpus.missing,
                "stale_translations": corpus.stale,
                "by_type": corpus.by_type,
            },
        }
        for stack in stacks:
            print(f"  {pages}x{languages} {stack} ...", file=sys.stderr, flush=True)
            entry[stack] = build(stack, corpus, work)
            print(f"  {pages}x{languages} {stack}: {entry[stack]}", file=sys.stderr, flush=True)
        stock = entry.get("stock")
        for stack in stacks:
            ours = entry[stack]
            if stack == "stock" or not stock or stock["returncode"] or ours["returncode"]:
                continue
            entry[f"{stack.replace('-', '_')}_vs_stock"] = {
                "wall": round(ours["wall_s"] / stock["wall_s"], 2),
                "cpu": round(ours["cpu_s"] / stock["cpu_s"], 2),
                "peak_rss": round(ours["peak_rss_mb"] / stock["peak_rss_mb"], 2),
                "output_bytes": round(ours["output_bytes"] / stock["output_bytes"], 2),
            }
        return entry
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def environment() -> dict[str, Any]:
    """What the figures were measured on."""
    versions = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "chancery"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def parse_sizes(text: str) -> list[tuple[int, int]]:
    """``"100x6,300x3"`` -> [(100, 6), (300, 3)]."""
    sizes = []
    for item in filter(None, text.split(",")):
        pages, _, languages = item.partition("x")
        if not pages.isdigit() or int(languages or 0) not in LANGUAGE_SETS:
            raise argparse.ArgumentTypeError(
                f"size '{item}': write PAGESxLANGUAGES, languages one of {sorted(LANGUAGE_SETS)}"
            )
        sizes.append((int(pages), int(languages)))
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the sizes asked for and write (or merge into) the JSON results."""
    parser = argparse.ArgumentParser(prog="python -m bench.harness", description=__doc__)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(QUICK_SIZES))
    parser.add_argument("--full", action="store_true", help=f"the issue's sizes: {FULL_SIZES}")
    parser.add_argument("--stacks", default="stock,chancery", help=f"any of {', '.join(STACKS)}")
    parser.add_argument("--out", type=Path, default=Path("bench/results/latest.json"))
    parser.add_argument(
        "--merge", action="store_true", help="add these runs to the existing --out file"
    )
    parser.add_argument("--keep", type=Path, help="keep corpora and sites in this folder")
    args = parser.parse_args(argv)
    sizes = parse_sizes(FULL_SIZES) if args.full else args.sizes
    stacks = tuple(s for s in args.stacks.split(",") if s)
    if unknown := set(stacks) - set(STACKS):
        parser.error(f"--stacks: unknown {', '.join(sorted(unknown))}; use {', '.join(STACKS)}")
    for warm in WARM_STACKS:
        if warm in stacks and (
            "chancery" not in stacks or stacks.index(warm) < stacks.index("chancery")
        ):
            parser.error(f"--stacks: {warm} reuses the cache of `chancery`: list chancery first")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"runs": []}
    if args.merge and args.out.exists():
        results = json.loads(args.out.read_text(encoding="utf-8"))
    results.setdefault("environments", []).append(environment())
    for pages, languages in sizes:
        entry = run_size(pages, languages, stacks, args.keep)
        entry["environment"] = len(results["environments"]) - 1
        results["runs"].append(entry)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    failed = [
        f"{run['size']} {stack}"
        for run in results["runs"]
        for stack in STACKS
        if run.get(stack, {}).get("returncode")
    ]
    if failed:
        print(f"failed builds: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
