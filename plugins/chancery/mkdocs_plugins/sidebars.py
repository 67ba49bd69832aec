"""Material's two sidebars, shown on a page only when they hold something.

With ``navigation.tabs``, Material's navigation sidebar shows, on wide screens, only the section
of the active tab: a page at the top of the nav finds its own link there, alone, and a page
outside the nav (a listing, a hub, a news article) an empty column. The table of contents of a
page without headings is an empty column too. Such a sidebar gets Material's own per-page
``hide`` setting. On narrow screens the navigation sidebar is the menu drawer, which Material
keeps whatever ``hide`` says, so the reader's way around the site stays.

A home page (``chancery/home.html``) hides both: it is a landing page, not a text to read along
a table of contents. Its table of contents is put under one entry for the page's title, as a
Markdown heading would, so that Material's "Skip to content" link leads to the title, above
the alerts and travel advice, and not to the first heading of the editors' introduction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

#: The id of a home page's title (chancery/home.html writes it on the <h1>).
HOME_TITLE_ID = "chancery-home-title"


def hide_empty_sidebars(
    page: Page, nav: Navigation, features: Sequence[str], *, home: bool
) -> None:
    """Add "navigation" and "toc" to the page's ``hide`` where those sidebars hold nothing."""
    entries = _toc_entries(page.toc)
    hidden: list[str] = list(page.meta.get("hide") or [])
    nav_holds = _holds_other_than(_shown_in_sidebar(nav, features), page)
    if "toc.integrate" in features:
        nav_holds = nav_holds or bool(entries)
    if home or not nav_holds:
        hidden.append("navigation")
    if home or not entries:
        hidden.append("toc")
    if hidden:
        page.meta["hide"] = list(dict.fromkeys(hidden))
    if home:
        title = AnchorLink(str(page.meta.get("title") or page.title or ""), HOME_TITLE_ID, 1)
        title.children = list(entries)
        page.toc = TableOfContents([title])


def _toc_entries(toc: Iterable[AnchorLink]) -> list[AnchorLink]:
    """The entries Material's table of contents lists: a level-1 title's children, if any."""
    items = list(toc)
    if items and items[0].level == 1:
        return list(items[0].children)
    return items


def _shown_in_sidebar(nav: Navigation, features: Sequence[str]) -> list[Any]:
    """The nav items the navigation sidebar shows on a wide screen."""
    if "navigation.tabs" not in features:
        return list(nav.items)
    active = next((item for item in nav.items if item.active), None)
    if active is None:
        return []
    if isinstance(active, Section):
        return list(active.children)
    return [active]


def _holds_other_than(items: Iterable[Any], page: Page) -> bool:
    """Whether ``items`` show any link but the page's own."""
    for item in items:
        if isinstance(item, Section):
            if _holds_other_than(item.children, page):
                return True
        elif item is not page:
            return True
    return False
