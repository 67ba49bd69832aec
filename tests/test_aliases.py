"""A page's old addresses (`aliases`) redirect to it: `_redirects` rules and redirect pages.

The redirect pages carry no script (a meta refresh and a link), so the strict CSP holds; an
unpublished page's old addresses appear nowhere; an alias that takes a page's address, or that
two pages claim, is a content error naming both files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser

from chancery.cli import main
from chancery.core.models import alias_problem
from tests.conftest import BuildSite, chancery_plugins, of, page, write_tree
from tests.headers_support import browser_thread, serve_like_host, watched_context

LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ar", "domestic"))


def _config(site_url: str = "https://x.example/", **plugins: Any) -> dict[str, Any]:
    search = [{"chancery/search": plugins["search"]}] if "search" in plugins else []
    plugin_list = chancery_plugins(LANGUAGES, *search, "chancery/headers", root_language="en")
    return {"site_url": site_url, "plugins": plugin_list}


def _files(**extra: str) -> dict[str, str]:
    files = {
        "en/index.md": page("Home"),
        "en/docs/install.md": page("Install", aliases=["/install/", "/old/setup.html"]),
        "fr/docs/install.md": page("Installer", aliases=["/fr/ancien/"], translation_of=of("en")),
        "ar/docs/install.md": page("التثبيت", aliases=["/ar/über-uns/"], translation_of=of("en")),
        "en/about.md": page("About", "<b>Bold</b> claim", aliases=["/company/"]),
    }
    files.update(extra)
    return files


def _redirect_target(site: Path, file: str) -> tuple[BeautifulSoup, str]:
    """The parsed redirect page at ``file``, and the site path its refresh leads to."""
    soup = BeautifulSoup((site / file).read_text("utf-8"), "lxml")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    delay, _, url = str(refresh["content"]).partition("; url=")
    assert delay == "0"
    base = "https://x.example/" + file.removesuffix("index.html")
    return soup, urljoin(base, url).removeprefix("https://x.example/")


def test_old_addresses_redirect_in_rules_and_pages(build_site: BuildSite) -> None:
    site = build_site(_files(), languages=LANGUAGES, config=_config())
    rules = (site / "_redirects").read_text("utf-8").splitlines()
    assert rules[:5] == [
        "/ar/%C3%BCber-uns/  /ar/docs/install/  301",
        "/company/  /about/  301",
        "/fr/ancien/  /fr/docs/install/  301",
        "/install/  /docs/install/  301",
        "/old/setup.html  /docs/install/  301",
    ]
    # The 404 rules come after: Netlify applies the first rule that matches.
    assert rules[5:] == [
        "/ar/*  /ar/404.html  404",
        "/fr/*  /fr/404.html  404",
        "/*  /404.html  404",
    ]
    expected = {
        "install/index.html": ("docs/install/", "en", "Install"),
        "old/setup.html": ("docs/install/", "en", "Install"),
        "fr/ancien/index.html": ("fr/docs/install/", "fr", "Installer"),
        "ar/über-uns/index.html": ("ar/docs/install/", "ar", "التثبيت"),
        "company/index.html": ("about/", "en", "About"),
    }
    for file, (target, lang, title) in expected.items():
        soup, reached = _redirect_target(site, file)
        assert reached == target, file
        assert (site / target / "index.html").is_file()
        html = soup.find("html")
        assert html is not None and html["lang"] == lang
        assert html["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert soup.find("script") is None and soup.find(attrs={"style": True}) is None
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == f"https://x.example/{target}"
        robots = soup.find("meta", attrs={"name": "robots"})
        assert robots is not None and robots["content"] == "noindex"
        link = soup.select_one("body a")
        assert link is not None and link.get_text() == title
        assert urljoin("https://x.example/" + file, str(link["href"])).endswith("/" + target)
    # Redirect pages are not pages of the site: not in its sitemap nor its search index.
    assert "ancien" not in (site / "sitemap.xml").read_text("utf-8")


def test_a_site_under_a_path_redirects_under_it(build_site: BuildSite) -> None:
    site = build_site(_files(), languages=LANGUAGES, config=_config("https://x.example/portal/"))
    rules = (site / "_redirects").read_text("utf-8").splitlines()
    assert "/portal/fr/ancien/  /portal/fr/docs/install/  301" in rules
    _, reached = _redirect_target(site, "fr/ancien/index.html")
    assert reached == "fr/docs/install/"


def test_an_unpublished_pages_old_addresses_leak_nowhere(build_site: BuildSite) -> None:
    files = _files(
        **{
            "en/secret.md": page("Secret", draft=True, aliases=["/canary-draft-alias/"]),
            "en/later.md": page(
                "Later", publish_at="2027-01-01T00:00:00+00:00", aliases=["/canary-embargo/"]
            ),
        }
    )
    site = build_site(files, languages=LANGUAGES, config=_config())
    for path in site.rglob("*"):
        assert "canary" not in path.relative_to(site).as_posix()
        if path.is_file():
            assert b"canary" not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"en/other.md": page("Other", aliases=["/docs/install/"])},
            "content/en/other.md:4: aliases: '/docs/install/' is the address of "
            "content/en/docs/install.md; an alias is an old address that no page has now",
        ),
        (
            {"en/other.md": page("Other", aliases=["/install"])},
            "content/en/other.md:4: aliases: '/install' is already an alias of "
            "content/en/docs/install.md ('/install/'); an old address leads to one page",
        ),
        (
            {"en/other.md": page("Other", aliases=["old/page/"])},
            "content/en/other.md:5: aliases.0: 'old/page/' is not a path from the site's root",
        ),
        (
            {"en/other.md": page("Other", aliases=["/old.php"])},
            "content/en/other.md:5: aliases.0: '/old.php' ends in '.php'; an alias is the "
            "address of an old page",
        ),
    ],
)
def test_aliases_that_cannot_work_are_content_errors(
    build_site: BuildSite,
    caplog: pytest.LogCaptureFixture,
    files: dict[str, str],
    message: str,
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(_files(**files), languages=LANGUAGES, config=_config())
    assert message in caplog.text


def test_an_alias_at_a_generated_pages_address_stops_the_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    files = _files(**{"en/tips.md": page("Tips", aliases=["/search/"])})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(files, languages=LANGUAGES, config=_config(search={}))
    assert (
        "content/en/tips.md: aliases: '/search/' is the address of a page the site publishes "
        "(search/index.html); remove the alias"
    ) in caplog.text


def test_a_new_translation_leaves_the_sources_aliases_and_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    write_tree(
        project / "content",
        {"en/a.md": page("A", aliases=["/old-a/"], order=3), "en/index.md": page("Home")},
    )
    config = {"docs_dir": "content", "plugins": chancery_plugins(LANGUAGES, root_language="en")}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    monkeypatch.chdir(project)
    assert main(["translate", "content/en/a.md", "--to", "fr"]) == 0
    created = (project / "content/fr/a.md").read_text("utf-8")
    assert "aliases" not in created and "order" not in created and "draft: true" in created
    assert main(["check"]) == 0


def test_alias_problems_by_form() -> None:
    assert alias_problem("/old/page/") is None
    assert alias_problem("/Visa Notes/") is None  # Old sites served names with spaces.
    assert alias_problem("/ü/x.html") is None
    assert alias_problem("/a\tb/") is not None
    assert alias_problem("/a/?x=1") is not None
    assert alias_problem("https://x/a/") is not None
    assert alias_problem("/a/./b/") is not None


@pytest.mark.browser
def test_a_redirect_page_leads_the_browser_on_under_the_sites_csp(build_site: BuildSite) -> None:
    site = build_site(_files(), languages=LANGUAGES, config=_config())
    with browser_thread() as chromium:
        chromium.run(_follow_redirect, site)


def _follow_redirect(browser: Browser, site: Path) -> None:
    # The host serves the redirect page (as GitHub Pages does, or Netlify for a file that
    # exists); its meta refresh must work under the site's own Content-Security-Policy.
    with serve_like_host(site) as origin, watched_context(browser, origin) as watched:
        tab = watched.page
        tab.goto(watched.url("/fr/ancien/"))
        tab.wait_for_url(watched.url("/fr/docs/install/"))
        assert tab.locator("h1").first.inner_text().strip() == "Installer"
        assert watched.violations() == []
        assert watched.console_errors == []
