"""G10: the Nu HTML Checker (npm vnu-jar, on Java) finds no error in any page type or language.

It checks the HTML as served, so one run covers both widths.

vnu starts slowly, so it runs once over every selected file and reports as JSON.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.a11y_support import run_nu_checker, targets
from tests.conftest import REPO


@pytest.fixture(scope="module")
def nu_messages(demo_site: Path) -> list[dict[str, Any]]:
    return run_nu_checker(target.file(demo_site) for target in targets(demo_site))


def _relative(url: str, site: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    return str(path.relative_to(site.resolve())) if path.is_relative_to(site.resolve()) else url


def test_the_checker_read_every_page(nu_messages: list[dict[str, Any]]) -> None:
    # A file vnu could not read comes back as a non-document-error, which is also a failure.
    unread = [message for message in nu_messages if message["type"] == "non-document-error"]
    assert not unread, unread


def test_nu_finds_no_errors(demo_site: Path, nu_messages: list[dict[str, Any]]) -> None:
    errors = [
        f"{_relative(message['url'], demo_site)}:{message.get('lastLine', '?')}: "
        f"{message['message']} [{message.get('extract', '').strip()[:80]}]"
        for message in nu_messages
        if message["type"] == "error"
    ]
    assert not errors, "\n".join(errors)


#: Lines of Material's files that our copies (plugins/chancery/templates) change, by file.
CHANGED_LINES = {
    # Material's bundle, its configuration and inline helpers are left out (most of these
    # lines), and the stylesheets come as one joined file; the alert region (6 lines) sits
    # before Material's announce block.
    "base.html": 82,
    # The footer's "Made with" in the reader's language, the product name marked English.
    "partials/copyright.html": 14,
    # The search slot holds our header search; the palette script only with a toggle; a
    # fallback page's title marked with its language.
    "partials/header.html": 27,
    # Language names, and fallback titles, marked with their own lang and dir.
    "partials/alternate.html": 4,
    "partials/nav-item.html": 6,
    "partials/toc.html": 10,
}


@pytest.mark.parametrize("name", sorted(CHANGED_LINES))
def test_our_copies_of_material_templates_match_the_installed_material(name: str) -> None:
    # A Material upgrade changes its templates (and base.html names its hashed JS bundle):
    # our copies must then be redone from the new files, or the site would break silently.
    import material

    theirs = (Path(material.__file__).parent / "templates" / name).read_text("utf-8")
    ours = (REPO / "plugins" / "chancery" / "templates" / name).read_text("utf-8")
    strip = lambda text: text.split("-#}\n", 1)[1].splitlines()  # noqa: E731 (header comment)
    changed = [
        line
        for line in difflib.unified_diff(strip(theirs), strip(ours), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert len(changed) <= CHANGED_LINES[name], "\n".join(changed)
    bundles = re.findall(r"assets/javascripts/bundle\.\w+\.min\.js", ours)
    stylesheets = re.findall(r"assets/stylesheets/\w+\.\w+\.min\.css", ours)
    for bundle in bundles + stylesheets:
        assert (Path(material.__file__).parent / "templates" / bundle).is_file(), bundle


def test_the_stylesheets_joined_are_the_installed_materials() -> None:
    import material

    from chancery.mkdocs_plugins.theme import MATERIAL_MAIN, MATERIAL_PALETTE

    for name in (MATERIAL_MAIN, MATERIAL_PALETTE):
        assert (Path(material.__file__).parent / "templates" / name).is_file(), name
