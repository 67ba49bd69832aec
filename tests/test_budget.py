"""Low bandwidth: a first visit to an article, in every language, stays within the budget.

The budget is 150 KB gzip-compressed in all, 50 KB of it HTML, measured in Chromium by
scripts/weight_budget.py, which counts what the browser really fetched.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.browser

Run = tuple[int, str, list[dict[str, Any]]]
SCRIPT = REPO / "scripts" / "weight_budget.py"
#: The budget, in bytes: the script must enforce exactly these.
TOTAL, HTML = 150 * 1024, 50 * 1024


@pytest.fixture(scope="module")
def budget_run(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    out = tmp_path_factory.mktemp("budget") / "weights.json"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(demo_site), "--types", "news", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    visits = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else []
    return result.returncode, result.stdout + result.stderr, visits


def test_an_article_is_within_budget_in_every_language(budget_run: Run) -> None:
    code, output, visits = budget_run
    articles = [visit for visit in visits if visit["type"] == "news"]
    assert len(articles) == 6, output
    for visit in articles:
        sizes = visit["sizes"]
        # A real first visit: the page, Material's and our CSS and JS, and at least one font.
        assert sizes.get("html", 0) > 2_000 and sizes.get("css", 0) > 10_000, visit
        assert sizes.get("js", 0) > 10_000 and sizes.get("font", 0) > 10_000, visit
        assert sizes["html"] <= HTML, visit["path"]
        assert visit["total"] <= TOTAL, f"{visit['path']}: {visit['total']} bytes\n{output}"
    assert code == 0, output


def test_the_script_fails_above_budget(demo_site: Path, tmp_path: Path) -> None:
    # An article with 200 KB of incompressible text must make the script fail.
    site = tmp_path / "site"
    subprocess.run(["cp", "-r", str(demo_site), str(site)], check=True)
    article = site / "news" / "2026-09-visa-waiver" / "index.html"
    html = article.read_text(encoding="utf-8")
    noise = random.Random(8).randbytes(100_000).hex()
    article.write_text(html.replace("</article>", f"<p>{noise}</p></article>", 1), "utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(site), "--types", "news"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout
    assert "over budget: en news" in result.stderr
