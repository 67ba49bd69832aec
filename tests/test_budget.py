"""G12: what a reader's browser receives, measured in Chromium on the demo, not summed from files.

The demo is served by a local server that compresses as a real host does, and each page type
is opened in each language at 375 x 667 with the cache disabled (bench/budget.py): what the
browser transferred (DevTools' `encodedDataLength`), every request, and the main thread's long
tasks with the CPU throttled 4x. A first visit stays within 120 KB, 30 KB of it HTML, asks for
no sitemap and nothing from another origin, and spends at most 200 ms in long tasks.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from bench import budget
from bench.budget import (
    HTML_BUDGET,
    LANGUAGES,
    LONG_TASK_BUDGET_MS,
    PAGE_TYPES,
    TOTAL_BUDGET,
    Visit,
)

pytestmark = pytest.mark.browser

#: Long-task time is noisy on a loaded machine: a page over budget is measured again, up to
#: this many runs in all, and its best run counts (the bytes do not vary between runs).
RUNS = 4

Measured = tuple[str, list[Visit]]


@pytest.fixture(scope="module")
def measured(demo_site: Path) -> Measured:
    return budget.measure(demo_site, runs=RUNS, stop_within_budget=True)


def _by_page(visits: list[Visit]) -> dict[tuple[str, str], Visit]:
    return {(visit.language, visit.kind): visit for visit in visits}


def test_every_page_type_in_every_language_is_measured(measured: Measured) -> None:
    _, visits = measured
    assert set(_by_page(visits)) == {(lang, kind) for lang in LANGUAGES for kind in PAGE_TYPES}
    for visit in visits:
        # A real first visit: the page itself and at least its stylesheet.
        assert visit.html > 1_000, visit.path
        assert visit.transferred.get("Stylesheet", 0) > 0 or visit.kind == "light", visit.path


def test_a_first_visit_is_within_120_kb_of_which_30_kb_html(measured: Measured) -> None:
    _, visits = measured
    over = [
        f"{v.path}: {v.total / 1024:.1f} KB, HTML {v.html / 1024:.1f} KB"
        for v in visits
        if v.total > TOTAL_BUDGET or v.html > HTML_BUDGET
    ]
    assert over == []


def test_no_page_asks_for_a_sitemap_or_another_origin(measured: Measured) -> None:
    origin, visits = measured
    assert [url for v in visits for url in v.sitemap_requests()] == []
    assert [url for v in visits for url in v.other_origins(origin)] == []


def test_no_page_loads_materials_javascript(measured: Measured) -> None:
    _, visits = measured
    scripts = {url.rsplit("/", 1)[-1] for v in visits for url, _ in v.requests}
    assert not [name for name in scripts if name.startswith("bundle.")], scripts


def test_long_tasks_stay_within_200_ms_with_the_cpu_4x_slower(measured: Measured) -> None:
    _, visits = measured
    over = [f"{v.path}: {v.long_tasks_ms:.0f} ms" for v in visits if v.long_tasks_ms > 200]
    assert over == [], f"best of up to {RUNS} runs over {LONG_TASK_BUDGET_MS:.0f} ms"


def test_the_server_compresses_like_a_real_host(measured: Measured, demo_site: Path) -> None:
    _, visits = measured
    article = _by_page(visits)[("en", "article")]
    raw = (demo_site / PAGE_TYPES["article"] / "index.html").stat().st_size
    assert article.html < raw / 2


def test_each_check_of_the_budget_bites(demo_site: Path, tmp_path: Path) -> None:
    # An article with 200 KB of incompressible text, a request for the sitemap, one to
    # another origin, and 400 ms of script in one task.
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    article = site / PAGE_TYPES["article"] / "index.html"
    noise = random.Random(8).randbytes(100_000).hex()
    extra = (
        f"<p>{noise}</p>"
        '<img src="/sitemap.xml" alt=""><img src="http://192.0.2.1/x.png" alt="">'
        "<script>const end = performance.now() + 400; while (performance.now() < end) {}</script>"
    )
    html = article.read_text(encoding="utf-8").replace("</article>", f"{extra}</article>", 1)
    article.write_text(html, encoding="utf-8")
    origin, [visit] = budget.measure(site, languages=("en",), kinds=("article",))
    problems = "\n".join(visit.problems(origin))
    assert "KB > 120 KB" in problems and "HTML" in problems
    assert f"sitemap request {origin}/sitemap.xml" in problems
    assert "other origin http://192.0.2.1/x.png" in problems
    assert "long tasks" in problems and visit.long_tasks_ms >= 400


def test_the_budget_script_writes_its_figures(demo_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "budget.json"
    code = budget.main(
        [str(demo_site), "--out", str(out), "--runs", "1", "--languages", "ar", "--types", "light"]
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    [visit] = figures["visits"]
    assert visit["path"] == "/ar/light/travel-advice/france/" and visit["total"] > 1_000
    assert visit["requests"][0][0] == visit["path"]  # Addresses without the test's origin.
    assert figures["budget"]["total_bytes"] == 120 * 1024
    assert code == 0 and figures["over_budget"] == []
