"""What Chancery's pages take from Material: its CSS joined into one file, none of its scripts.

- Each Material feature that needs Material's JavaScript gets a warning naming it and the fix,
  so that `--strict` fails (the list is data: core/theme_features.yml).
- Material's and Chancery's every-page stylesheets come as one file named by its content,
  whose url()s still lead to the files the originals pointed at.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

import pytest
import tinycss2
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from chancery.core.stylesheets import Source, StylesheetError, bundle, rebase_url
from chancery.core.theme_features import problems, scripted_features
from tests.conftest import REPO, BuildSite, page


def test_features_that_need_materials_javascript_are_named_with_their_fix() -> None:
    found = problems(["navigation.tabs", "navigation.instant", "search.suggest"], None)
    assert len(found) == 2
    assert found[0].startswith("theme.features: navigation.instant needs Material's JavaScript")
    assert found[0].endswith("remove it")
    assert "search.suggest" in found[1]
    assert problems([], {"scheme": "default"}) == []
    [palette] = problems([], [{"scheme": "default"}, {"scheme": "slate"}])
    assert palette.startswith("theme.palette: a list of palettes is a light/dark toggle")


def test_the_list_names_every_feature_that_needs_the_bundle() -> None:
    listed = set(scripted_features())
    assert {"navigation.instant", "navigation.top", "navigation.tracking", "toc.follow"} <= listed
    assert {"search.suggest", "search.highlight", "search.share", "announce.dismiss"} <= listed
    assert {"content.code.copy", "content.tooltips"} <= listed
    # Features that work from HTML and CSS alone are not refused.
    assert not {"navigation.tabs", "navigation.sections", "navigation.prune"} & listed


def test_a_feature_that_needs_the_bundle_fails_a_strict_build(
    build_site: BuildSite, caplog: pytest.LogCaptureFixture
) -> None:
    theme = {"name": "material", "font": False, "features": ["navigation.top", "content.tooltips"]}
    files = {"en/index.md": page("Home"), "ko/index.md": page("홈")}
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(files, config={"theme": theme})
    assert (
        "mkdocs.yml: theme.features: navigation.top needs Material's JavaScript, which "
        "Chancery's pages do not load: a reader scrolls back with the browser; remove it"
    ) in caplog.text
    assert "theme.features: content.tooltips needs Material's JavaScript" in caplog.text


def test_the_demo_and_a_new_sites_template_ask_for_no_such_feature() -> None:
    listed = set(scripted_features())
    for path in (REPO / "mkdocs.yml", REPO / "plugins/chancery/scaffold/site/mkdocs.yml.j2"):
        text = path.read_text(encoding="utf-8")
        assert [feature for feature in listed if f"- {feature}\n" in text] == [], path


def test_relative_urls_are_rebased_and_others_kept() -> None:
    assert rebase_url("../images/x.png", "assets/stylesheets/main.css", "assets/chancery") == (
        "../images/x.png"
    )
    assert rebase_url("fonts/a.woff2?v=1#f", "assets/stylesheets/m.css", "assets/chancery") == (
        "../stylesheets/fonts/a.woff2?v=1#f"
    )
    for kept in ("data:image/svg+xml,<svg/>", "#a", "/abs.png", "https://x.example/a.png"):
        assert rebase_url(kept, "assets/stylesheets/m.css", "assets/chancery") == kept


def test_a_bundle_joins_in_order_and_is_named_by_its_content() -> None:
    first = Source("assets/stylesheets/main.css", "a{background:url(img/a.png)} /* note */")
    second = Source("assets/chancery/c.css", 'b{content:"url(x)"}@font-face{src:url("f.woff2")}')
    joined = bundle([first, second], "assets/chancery")
    assert joined.text.index("a{") < joined.text.index("b{")
    assert 'url("../stylesheets/img/a.png")' in joined.text
    assert 'content:"url(x)"' in joined.text  # A string is not a url().
    assert 'url("f.woff2")' in joined.text and "note" not in joined.text
    assert joined.sources == ("assets/stylesheets/main.css", "assets/chancery/c.css")
    other = bundle([first], "assets/chancery")
    assert joined.uri.startswith("assets/chancery/site.") and joined.uri != other.uri
    assert bundle([first, second], "assets/chancery") == joined


def test_css_the_tokenizer_refuses_is_an_error_with_its_file() -> None:
    with pytest.raises(StylesheetError, match=r"^assets/chancery/bad.css:1: "):
        bundle([Source("assets/chancery/bad.css", "a{b:c} ]")], "assets/chancery")


def test_a_demo_page_links_one_stylesheet_whose_urls_all_exist(demo_site: Path) -> None:
    for path in ("news/2026-09-visa-waiver/index.html", "ar/travel-advice/france/index.html"):
        soup = BeautifulSoup((demo_site / path).read_text(encoding="utf-8"), "html.parser")
        links = [str(link["href"]) for link in soup.select("link[rel=stylesheet]")]
        assert len(links) == 1, (path, links)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), links[0]))
        assert target.startswith("assets/chancery/site.") and target.endswith(".css")
        assert not soup.select("script[src*='bundle.']") and "__config" not in str(soup)
    css = demo_site / target
    urls = []
    for node in _walk(tinycss2.parse_component_value_list(css.read_text(encoding="utf-8"))):
        if node.type == "url" or (node.type == "function" and node.lower_name == "url"):
            value = node.value if node.type == "url" else node.arguments[0].value
            if not value.startswith(("data:", "#")):
                urls.append(value)
    assert any(url.endswith(".woff2") for url in urls)
    for url in urls:
        assert (css.parent / url.split("?")[0].split("#")[0]).resolve().is_file(), url


def _walk(nodes: list[object]) -> list[object]:
    found: list[object] = []
    for node in nodes:
        found.append(node)
        for name in ("content", "arguments"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                found += _walk(children)
    return found
