from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import BuildSite, of, page


def test_tiny_site_builds_both_languages(build_site: BuildSite) -> None:
    site = build_site(
        {
            "en/index.md": page("Welcome"),
            "ko/index.md": page("환영합니다", translation_of=of("en")),
            "en/news/visit.md": page("Visit", type="news", date="2026-05-01T09:00:00+09:00"),
        }
    )
    english = BeautifulSoup((site / "news/visit/index.html").read_text(), "lxml")
    assert english.title is not None and "Visit" in english.title.text
    assert (site / "ko/index.html").exists()


def test_demo_site_builds(demo_site: Path) -> None:
    assert (demo_site / "index.html").exists()
