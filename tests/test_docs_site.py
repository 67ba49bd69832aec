"""The documentation site (docs/) and the README, the front page that leads into it.

The site is built as `make docs` builds it, with `--strict`: any warning (a broken link, a
missing anchor, a page left out of the nav) fails it. Then every relative link and image of
the built pages, and of the README rendered as GitHub would, must lead to a file, and to an
element with the link's anchor when it names one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import markdown
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "docs" / "mkdocs.yml"
PAGES = REPO / "docs" / "src"
README = REPO / "README.md"

#: The attributes through which a page links to or loads another file.
LINKING = (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"))


@dataclass(frozen=True)
class Link:
    """A link found in a document: where it was, and what it points to."""

    source: str
    target: str


def build(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Build a documentation site into ``out`` with --strict, as `make docs` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(
        [*command, "-d", str(out)], capture_output=True, text=True, env=env, check=False
    )


def warnings_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The log lines of a build at warning level or above."""
    lines = (result.stdout + result.stderr).splitlines()
    return [line for line in lines if line.startswith(("WARNING", "ERROR"))]


def links_in(html: str, source: str) -> list[Link]:
    """Every relative link and image of an HTML document, parsed with lxml."""
    tree = lxml.html.document_fromstring(html)
    found = []
    for tag, attribute in LINKING:
        for element in tree.iter(tag):
            value = element.get(attribute)
            if value is None:
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                continue  # another site, or mailto:
            found.append(Link(source, value))
    return found


def ids_in(path: Path) -> set[str]:
    """The anchors an HTML file offers: its elements' ids (and old-style names)."""
    tree = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    return {
        value
        for element in tree.iter()
        for value in (element.get("id"), element.get("name"))
        if value is not None
    }


def html_file(path: Path) -> Path:
    """The file a web server sends for ``path``: a folder's index.html, else the file."""
    return path / "index.html" if path.is_dir() else path


def broken_links(site: Path) -> list[str]:
    """Every relative link of the built site that leads to no file or no anchor."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        source = page.relative_to(site).as_posix()
        for link in links_in(page.read_text(encoding="utf-8"), source):
            parts = urlsplit(link.target)
            path = unquote(parts.path)
            base = site if path.startswith("/") else page.parent
            target = html_file((base / path.lstrip("/")).resolve()) if path else page
            anchor = unquote(parts.fragment)
            if not target.is_file():
                problems.append(f"{source}: {link.target}: no such file")
            elif anchor and target.suffix == ".html" and anchor not in ids_in(target):
                problems.append(f"{source}: {link.target}: no such anchor")
    return problems


def readme_html() -> str:
    """The README rendered to HTML, its headings with the ids GitHub gives them."""
    text = README.read_text(encoding="utf-8")
    return markdown.markdown(text, extensions=["tables", "fenced_code", "toc"])


def broken_readme_links(site: Path) -> list[str]:
    """Every relative link or image of the README that leads to no file or no anchor.

    A link to a page of the documentation (docs/src/PAGE.md#anchor) is checked against the
    built page, which has the ids MkDocs gives its headings.
    """
    html = readme_html()
    own_ids = ids_in_html(html)
    problems = []
    for link in links_in(html, "README.md"):
        parts = urlsplit(link.target)
        if not parts.path:
            if unquote(parts.fragment) not in own_ids:
                problems.append(f"README.md: {link.target}: no such heading")
            continue
        target = (REPO / unquote(parts.path)).resolve()
        if not target.exists():
            problems.append(f"README.md: {link.target}: no such file")
            continue
        if parts.fragment:
            if target.parent != PAGES.resolve() or target.suffix != ".md":
                problems.append(f"README.md: {link.target}: anchors only into docs/src pages")
                continue
            name = "" if target.stem == "index" else target.stem
            built = html_file(site / name)
            if unquote(parts.fragment) not in ids_in(built):
                problems.append(f"README.md: {link.target}: no such anchor")
    return problems


def ids_in_html(html: str) -> set[str]:
    """The ids of an HTML fragment."""
    tree = lxml.html.document_fromstring(html)
    return {value for element in tree.iter() if (value := element.get("id")) is not None}


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    result = build(CONFIG, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert warnings_of(result) == []
    return out


def test_docs_site_builds_strict_with_every_guide(docs_site: Path) -> None:
    for name in ("start", "editors", "translators", "publishers", "readers", "developers"):
        tree = lxml.html.document_fromstring((docs_site / name / "index.html").read_bytes())
        assert tree.find(".//h1") is not None, name
    assert (docs_site / "index.html").is_file()


def test_every_link_and_image_of_the_docs_site_resolves(docs_site: Path) -> None:
    assert broken_links(docs_site) == []


def test_docs_site_makes_no_request_to_another_host(docs_site: Path) -> None:
    """Material's default fonts come from Google: the config turns them off."""
    for page in docs_site.rglob("*.html"):
        tree = lxml.html.document_fromstring(page.read_bytes())
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in tree.iter(tag):
                value = element.get(attribute) or ""
                assert not urlsplit(value).netloc, (page, value)


def test_every_link_and_image_of_the_readme_resolves(docs_site: Path) -> None:
    links = links_in(readme_html(), "README.md")
    assert any(link.target.startswith("docs/src/images/") for link in links)
    assert any(link.target.startswith("docs/src/") and ".md" in link.target for link in links)
    assert broken_readme_links(docs_site) == []


def test_readme_names_the_two_commands_and_quotes_the_benchmark_figures() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make serve" in text and "make test" in text
    targets = {link.target for link in links_in(readme_html(), "README.md")}
    assert "bench/results/latest.json" in targets


@pytest.mark.parametrize("broken", ["[gone](missing.md)", "[gone](start.md#no-such-heading)"])
def test_a_broken_link_or_anchor_fails_the_strict_build(tmp_path: Path, broken: str) -> None:
    """The check bites: the site's own config, over pages with a broken link or anchor."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text(f"# Home\n\nSee {broken}.\n", encoding="utf-8")
    (source / "start.md").write_text("# Start\n\n## Here\n", encoding="utf-8")
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["nav"] = ["index.md", "start.md"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = build(tmp_path / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert any("index.md" in line for line in warnings_of(result)), result.stderr


def test_the_link_check_finds_a_missing_file_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text(
        '<html><body><h2 id="here">Here</h2><img src="../pic.png"></body></html>', "utf-8"
    )
    (tmp_path / "index.html").write_text(
        '<html><body><a href="guide/#here">ok</a><a href="guide/#there">no</a>'
        '<a href="gone/">no</a><a href="https://example.org/">out</a></body></html>',
        "utf-8",
    )
    assert broken_links(tmp_path) == [
        "guide/index.html: ../pic.png: no such file",
        "index.html: guide/#there: no such anchor",
        "index.html: gone/: no such file",
    ]
