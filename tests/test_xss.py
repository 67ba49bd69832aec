"""G3: untrusted text cannot run script, from any front-matter field or from the body."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import of, page

PAYLOADS = (
    "<img src=x onerror=alert(101)>",
    '"><script>alert(102)</script>',
    "' onmouseover='alert(103)",
    "<svg/onload=alert(104)>",
    '<a href="javascript:alert(105)">x</a>',
)
EVIL = " ".join(PAYLOADS)
BODY = f"""Intro {EVIL}

<script>alert(106)</script>
<iframe src="javascript:alert(107)"></iframe>
<a href="JaVaScRiPt:alert(108)">link</a> <a href=" javascript:alert(109)">spaced</a>
<p style="background:url(javascript:alert(110))" onclick="alert(111)">raw html</p>
<form action="javascript:alert(112)"><button>go</button></form>
<details open ontoggle=alert(113)><summary>s</summary></details>

[markdown link](javascript:alert(114)) ![image](javascript:alert(115))
"""
NEWS_DATE = "2026-05-01T09:00:00+09:00"


def _files() -> dict[str, str]:
    text = {"title": f"Title {EVIL}", "description": f"Description {EVIL}"}
    change = [{"date": NEWS_DATE, "note": f"Note {EVIL}"}]
    pages = {
        "page": {},
        "news": {"type": "news", "date": NEWS_DATE, "changes": change},
        "statement": {
            "type": "statement",
            "date": NEWS_DATE,
            "kind": "speech",
            "speaker": f"Speaker {EVIL}",
            "place": f"Place {EVIL}",
        },
        "travel-advice": {"type": "travel-advice", "date": NEWS_DATE, "country": "FR", "level": 2},
        "consular-service": {
            "type": "consular-service",
            "service": "visa",
            "fee": f"Fee {EVIL}",
            "processing_time": f"Time {EVIL}",
        },
        "campaign": {
            "type": "campaign",
            "hashtag": "#Safe",
            "start": NEWS_DATE,
            "partners": [f"Partner {EVIL}"],
        },
        "fact-check": {
            "type": "fact-check",
            "date": NEWS_DATE,
            "claim": f"Claim {EVIL}",
            "claimant": f"Claimant {EVIL}",
            "appeared_in": f"Appeared {EVIL}",
            "rating": "false",
        },
        "event": {"type": "event", "start": NEWS_DATE, "location": f"Location {EVIL}"},
        "mission": {
            "type": "mission",
            "kind": "embassy",
            "country": "FR",
            "city": f"City {EVIL}",
            "address": f"Address {EVIL}",
            "phone": f"+33 1 {EVIL}",
            "emergency_phone": f"+33 6 {EVIL}",
            "email": f"a@b.example{PAYLOADS[2]}",
            "hours": f"Hours {EVIL}",
        },
        "withdrawn": {
            "type": "news",
            "date": NEWS_DATE,
            "withdrawn": {"date": NEWS_DATE, "reason": f"Reason {EVIL}"},
        },
    }
    files = {
        "en/index.md": page("Home"),
        "ko/index.md": page("홈", translation_of=of("en")),
    }
    for name, fields in pages.items():
        files[f"en/{name}.md"] = page(
            text["title"], BODY, **{**fields, "description": text["description"]}
        )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    monkeypatch = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("xss")
    import yaml

    from tests.conftest import build_in, site_config, write_tree

    monkeypatch.setenv("CHANCERY_NOW", "2026-11-22T12:00:00+00:00")
    write_tree(root / "content", _files())
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    try:
        return build_in(root)
    finally:
        monkeypatch.undo()


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_event_handlers_and_no_script_urls(site: Path) -> None:
    problems = []
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    problems.append(f"{path.name}: <{element.name} {name}>")
                if text.strip().lower().startswith(("javascript:", "data:text/html")):
                    problems.append(f"{path.name}: <{element.name} {name}={text!r}>")
    assert problems == []


def test_no_injected_script_element_runs(site: Path) -> None:
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), path
        for tag in ("iframe", "form", "svg", "object", "embed"):
            for element in soup.find_all(tag):
                assert "alert(" not in str(element), (path, tag)


def test_payloads_are_shown_as_text(site: Path) -> None:
    soup = BeautifulSoup((site / "statement/index.html").read_text(encoding="utf-8"), "lxml")
    heading = soup.find("h1")
    assert heading is not None
    assert heading.get_text() == f"Title {EVIL}"
    title = soup.find("title")
    assert title is not None and title.get_text().startswith(f"Title {EVIL}")
    nav_labels = [link.get_text(" ", strip=True) for link in soup.select(".md-nav__link")]
    assert any(PAYLOADS[0] in label for label in nav_labels)
