"""The sanitiser's allow-list follows the site's Markdown extensions; no body can clobber.

Unit tests of ``chancery.core.sanitize`` (no build): what each extension adds, form controls,
checked attributes, alignment, the renaming of reserved ids, and, for any HTML, that nothing in
a reserved namespace survives and that sanitising twice changes nothing more.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from chancery.core.raw_links import UrlReference
from chancery.core.sanitize import (
    ALIGN_CLASSES,
    RESERVED_PREFIXES,
    USER_PREFIX,
    is_reserved,
    policy_for,
    sanitise_html,
)

#: Material's recommended set, as a real documentation site enables it.
FULL = [
    "toc",
    "tables",
    "admonition",
    "attr_list",
    "md_in_html",
    "footnotes",
    "def_list",
    "abbr",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.emoji",
]
FULL_OPTIONS: dict[str, dict[str, Any]] = {
    "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span"},
    "pymdownx.tabbed": {"alternate_style": True},
}
TABS = (
    '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">'
    '<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">'
    '<input id="__tabbed_1_2" name="__tabbed_1" type="radio">'
    '<div class="tabbed-labels"><label for="__tabbed_1_1">Gradle</label>'
    '<label for="__tabbed_1_2">Maven</label></div>'
    '<div class="tabbed-content"><div class="tabbed-block"><p>g</p></div>'
    '<div class="tabbed-block"><p>m</p></div></div></div>'
)
TASKS = (
    '<ul class="task-list"><li class="task-list-item">'
    '<input type="checkbox" disabled checked> done</li></ul>'
)


def _tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html, is_fragment=True)


def test_a_site_keeps_form_controls_only_with_the_extensions_that_write_them() -> None:
    plain = policy_for(["toc", "admonition", "tables", "attr_list"], {})
    assert {"input", "label", "svg", "path"}.isdisjoint(plain.tags)
    tabbed = policy_for(["toc", "pymdownx.tabbed"], {})
    assert {"input", "label"} <= tabbed.tags
    assert tabbed.attributes["input"] >= {"type", "name", "checked"}
    assert "disabled" not in tabbed.attributes["input"]
    assert "for" in tabbed.attributes["label"]
    tasks = policy_for(["pymdownx.tasklist"], {})
    assert "for" not in tasks.attributes["label"]
    assert "name" not in tasks.attributes["input"]
    # No extension writes these anywhere.
    for policy in (plain, tabbed, tasks, policy_for(FULL, FULL_OPTIONS)):
        assert {"form", "button", "select", "textarea", "iframe", "object", "style"}.isdisjoint(
            policy.tags
        )
        assert all(
            {"style", "form", "formaction", "value", "onclick"}.isdisjoint(names)
            for tag, names in policy.attributes.items()
            if tag not in ("th", "td")
        )


def test_extension_names_are_read_as_mkdocs_yml_writes_them() -> None:
    assert "input" in policy_for(["pymdownx.extra", "pymdownx.tabbed"], {}).tags
    extra = policy_for(["markdown.extensions.extra"], {})
    assert {"tables", "footnotes", "md_in_html"} <= extra.extensions
    assert extra.aligns_cells


def test_content_tabs_and_task_lists_pass_as_the_extensions_write_them() -> None:
    policy = policy_for(FULL, FULL_OPTIONS)
    tabs = sanitise_html(TABS, policy)
    assert tabs.html == TABS
    assert tabs.renamed == {}
    tasks = sanitise_html(TASKS, policy)
    tree = _tree(tasks.html)
    box = tree.css_first("input")
    assert box is not None and box.attributes.keys() >= {"type", "disabled", "checked"}


@pytest.mark.parametrize(
    "markup",
    [
        '<input type="text" id="q">',
        '<input id="q">',
        '<input type="image" src="x.png">',
        '<input type="submit" formaction="javascript:alert(1)">',
        # A radio button outside a tab set, or one no label names.
        '<p><input type="radio" id="__tabbed_1_1" name="__tabbed_1"></p>',
        '<div class="tabbed-set"><input type="radio" id="lonely" name="x"></div>',
        '<div class="tabbed-set"><input type="radio" id="a&quot;b" name="x">'
        '<label for="a&quot;b">L</label></div>',
        # A checkbox outside a task list.
        '<div><input type="checkbox" checked></div>',
        '<form action="/x"><input type="checkbox"></form>',
    ],
)
def test_stray_controls_are_removed(markup: str) -> None:
    result = sanitise_html(markup, policy_for(FULL, FULL_OPTIONS))
    assert _tree(result.html).css("input, form") == []


def test_task_list_checkboxes_are_disabled_unless_the_site_makes_them_clickable() -> None:
    written = TASKS.replace(" disabled", "")
    default = sanitise_html(written, policy_for(["pymdownx.tasklist"], {}))
    assert 'disabled=""' in default.html
    options = {"pymdownx.tasklist": {"clickable_checkbox": True}}
    clickable = sanitise_html(written, policy_for(["pymdownx.tasklist"], options))
    assert "disabled" not in clickable.html


def test_a_label_works_only_a_control_of_the_body() -> None:
    markup = (
        '<label for="__drawer">menu</label><label for="chancery-search-q-main">search</label>'
        '<label for="gone">gone</label>' + TABS
    )
    tree = _tree(sanitise_html(markup, policy_for(FULL, FULL_OPTIONS)).html)
    assert [node.attributes.get("for") for node in tree.css("label")] == [
        None,
        None,
        None,
        "__tabbed_1_1",
        "__tabbed_1_2",
    ]


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        (TABS, True),
        # Material's tab script needs the labels' row: without it every script of the page
        # stops ("Missing element").
        ('<div class="tabbed-set" data-tabs="1:1"><p>x</p></div>', False),
        ('<div data-tabs="1:1"><div class="tabbed-labels"></div></div>', False),
        ('<div class="tabbed-set" data-tabs="x"><div class="tabbed-labels"></div></div>', False),
    ],
)
def test_data_tabs_stays_only_on_a_whole_tab_set(markup: str, kept: bool) -> None:
    result = sanitise_html(markup, policy_for(FULL, FULL_OPTIONS))
    assert bool(_tree(result.html).css("[data-tabs]")) is kept


def test_only_the_attributes_page_scripts_read_survive_of_data_attributes() -> None:
    markup = (
        '<p data-md-component="search" data-x="1">a</p>'
        '<span class="linenos" data-linenos="12 ">b</span>'
        '<span data-linenos="javascript:">c</span>'
    )
    html = sanitise_html(markup, policy_for(FULL, FULL_OPTIONS)).html
    assert html == ('<p>a</p><span class="linenos" data-linenos="12 ">b</span><span>c</span>')
    assert "data-linenos" not in sanitise_html(markup, policy_for(["toc"], {})).html


def test_table_alignment_becomes_a_class_and_no_style_survives() -> None:
    markup = (
        '<table><tr><th style="text-align: right;">a</th><td style="text-align: center">b</td>'
        '<td align="left" class="x">c</td><td style="color: red">d</td></tr></table>'
        '<p style="text-align: right">e</p>'
    )
    tree = _tree(sanitise_html(markup, policy_for(["tables"], {})).html)
    assert tree.css("[style], [align]") == []
    assert [cell.attributes.get("class") for cell in tree.css("th, td")] == [
        ALIGN_CLASSES["right"],
        ALIGN_CLASSES["center"],
        f"x {ALIGN_CLASSES['left']}",
        None,
    ]


def test_emoji_svg_keeps_its_drawing_and_nothing_that_runs() -> None:
    markup = (
        '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
        'onload="alert(1)"><path d="M10 20v-6z" style="fill:red"/><script>alert(2)</script>'
        '<a href="javascript:alert(3)"><text>t</text></a></svg></span>'
    )
    with_emoji = _tree(sanitise_html(markup, policy_for(["pymdownx.emoji"], {})).html)
    svg = with_emoji.css_first("svg")
    assert svg is not None
    assert {name.lower() for name in svg.attributes} == {"xmlns", "viewbox"}
    path = with_emoji.css_first("svg > path")
    assert path is not None and dict(path.attributes) == {"d": "M10 20v-6z"}
    # The link stays a link (its element is allowed everywhere), without its script.
    assert [node.tag for node in with_emoji.css("svg *")] == ["path", "a"]
    assert with_emoji.css("svg [href], svg script, svg text") == []
    without = sanitise_html(markup, policy_for(["toc"], {})).html
    assert "<svg" not in without and "<path" not in without


def test_reserved_ids_are_renamed_with_every_reference_to_them() -> None:
    markup = (
        '<h2 id="__config">Settings</h2><a href="#__config">up</a>'
        '<a href="../other/#__search">there</a><a href="https://example.org/#__config">out</a>'
        '<a href="#%5F%5Fdrawer">encoded</a><p id="chancery-language-offers">{}</p>'
        '<a name="__md_get">n</a><img name="getElementById" alt="">'
        '<h2 id="overview">Overview</h2><a href="#overview">o</a>'
    )
    result = sanitise_html(markup, policy_for(["toc", "attr_list", "codehilite"], {}))
    tree = _tree(result.html)
    assert [node.attributes.get("id") for node in tree.css("[id]")] == [
        f"{USER_PREFIX}__config",
        f"{USER_PREFIX}chancery-language-offers",
        "overview",
    ]
    assert [node.attributes.get("href") for node in tree.css("a[href]")] == [
        f"#{USER_PREFIX}__config",
        f"../other/#{USER_PREFIX}__search",
        "https://example.org/#__config",
        f"#{USER_PREFIX}%5F%5Fdrawer",
        "#overview",
    ]
    assert tree.css_first("a[name]").attributes["name"] == f"{USER_PREFIX}__md_get"
    assert tree.css("img[name]") == []
    assert result.renamed == {
        "__config": f"{USER_PREFIX}__config",
        "chancery-language-offers": f"{USER_PREFIX}chancery-language-offers",
        "__md_get": f"{USER_PREFIX}__md_get",
    }


def test_ids_the_extensions_write_in_the_reserved_namespace_are_theirs_only_when_enabled() -> None:
    ids = '<a id="__codelineno-0-1" name="__codelineno-0-1"></a><span id="__line-0-1"></span>'
    with_highlight = policy_for(
        ["pymdownx.highlight"], {"pymdownx.highlight": {"line_anchors": "__line"}}
    )
    assert sanitise_html(ids, with_highlight).renamed == {}
    assert set(sanitise_html(ids, policy_for(["toc"], {})).renamed) == {
        "__codelineno-0-1",
        "__line-0-1",
    }
    tabbed = policy_for(["pymdownx.tabbed"], {})
    assert not is_reserved("__tabbed_3_12", tabbed)
    assert is_reserved("__tabbed_3_12_x", tabbed)
    assert is_reserved("__config", tabbed)


def test_links_and_anchors_are_collected_as_written() -> None:
    markup = (
        '<h2 id="__config">x</h2><a href="#__config">a</a><img src="p.png" alt="">'
        '<a name="top"></a>'
    )
    result = sanitise_html(markup, policy_for(["toc", "codehilite"], {}))
    assert result.urls == (
        UrlReference("a", "href", "#__config"),
        UrlReference("img", "src", "p.png"),
    )
    assert result.anchors == {"__config", "top"}


def test_a_body_that_needs_no_change_keeps_its_bytes() -> None:
    markup = '<p>Text with <a href="../a/">a link</a> &amp; <code>&lt;b&gt;</code>.</p>\n'
    for links in (True, False):
        assert sanitise_html(markup, policy_for(["toc"], {}), links=links).html == markup


_VALUES = st.sampled_from(
    [
        "__config", "__search", "__tabbed_1_1", "__tabbed_1", "__codelineno-0-1",
        "chancery-search", "overview", "#__config", "#overview", "../a/#__drawer", "x",
        "radio", "checkbox", "text", "tabbed-set", "tabbed-labels", "task-list-item",
        "1:1", "text-align: right", "javascript:alert(1)", "",
    ]
)  # fmt: skip
_NAMES = st.sampled_from(
    [
        "id", "name", "for", "href", "src", "type", "class", "style", "data-tabs",
        "data-linenos", "onclick", "formaction", "form", "checked", "disabled",
    ]
)  # fmt: skip
_ATTRIBUTES = st.lists(st.tuples(_NAMES, _VALUES), max_size=4)
_TAGS = st.sampled_from(
    [
        "a", "img", "input", "label", "div", "span", "p", "li", "form", "svg", "path", "td",
        "details", "script", "iframe",
    ]
)  # fmt: skip


def _element(tag: str, attributes: list[tuple[str, str]], children: list[str]) -> str:
    written = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{written}>{''.join(children)}</{tag}>"


_HTML = st.recursive(
    st.sampled_from(["text", "", "<br>"]),
    lambda inner: st.builds(_element, _TAGS, _ATTRIBUTES, st.lists(inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(html=st.lists(_HTML, min_size=1, max_size=4).map("".join))
def test_no_body_can_take_a_reserved_name_and_sanitising_again_changes_nothing(html: str) -> None:
    policy = policy_for(FULL, FULL_OPTIONS)
    once = sanitise_html(html, policy)
    tree = _tree(once.html)
    for node in tree.css("[id], [name], [for]"):
        for attribute in ("id", "name", "for"):
            value = node.attributes.get(attribute) or ""
            assert not (value.startswith(RESERVED_PREFIXES) and is_reserved(value, policy))
    assert tree.css("[style], [onclick], [formaction], [form], form, script, iframe") == []
    for node in tree.css("input"):
        assert node.parent is not None
        assert node.parent.css_matches(".tabbed-set, li.task-list-item, label.task-list-control")
    inputs = {node.attributes.get("id") for node in tree.css("input[id]")}
    assert all(node.attributes.get("for") in inputs for node in tree.css("label[for]"))
    assert sanitise_html(once.html, policy).html == once.html
    # Skipping the links' collection never skips a change.
    assert sanitise_html(html, policy, links=False).html == once.html
