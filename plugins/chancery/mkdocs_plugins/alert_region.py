"""The alert region: what lets the page cache publish or end an alert without laying out pages.

Every page shows the site-wide alerts in one region above its header (templates/base.html
renders chancery/partials/alert-region.html there). A page whose template reads the alerts
nowhere else is the same HTML around that region whatever the alerts are. The page cache keeps
such a page as a *shell*: the page laid out with a one-off mark where the region goes. A later
build with other alerts renders the small region template for the page and puts it in place
of the mark, instead of laying the whole page out again.

Which pages qualify is found by rendering, not guessed: the shell is laid out with the alerts
wrapped in a :class:`Tripwire`, which records any read of them. A template that read them (the
home page lists the current alerts under its title) is cached whole, under a key that holds
the alerts, like any other value of its context.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from chancery.core.consular_view import ConsularView

#: The context value that holds the alerts (chancery/consular's view), and its field.
CONTEXT_NAME = "chancery_consular"
#: The template of the region, rendered with the page's context.
TEMPLATE = "chancery/partials/alert-region.html"
#: The value base.html prints in place of the region when given (the shell's mark).
REGION_NAME = "chancery_alert_region"
#: The first line of a cached shell: this text, then the mark.
_SHELL_HEADER = "chancery-alert-region-shell "


class Tripwire(tuple):  # type: ignore[type-arg]
    """The alerts, as a tuple that records whether anything read it."""

    touched: bool

    def __new__(cls, items: tuple[Any, ...]) -> Tripwire:  # noqa: D102
        wire = super().__new__(cls, items)
        wire.touched = False
        return wire


def _recording(name: str) -> Any:
    read = getattr(tuple, name)

    def method(self: Tripwire, *args: Any, **kwargs: Any) -> Any:
        self.touched = True
        return read(self, *args, **kwargs)

    method.__name__ = name
    return method


# Every way to read a tuple's items or their number.
for _name in (
    *("__iter__", "__len__", "__getitem__", "__contains__", "__hash__"),
    *("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__"),
    *("__rmul__", "__repr__", "__str__", "__format__", "__reduce_ex__", "__getnewargs__"),
    *("count", "index"),
):
    setattr(Tripwire, _name, _recording(_name))


def _truth(self: Tripwire) -> bool:
    self.touched = True
    return tuple.__len__(self) > 0


setattr(Tripwire, "__bool__", _truth)  # noqa: B010


def view_of(context: Mapping[str, Any]) -> ConsularView | None:
    """The page's alerts view, when it is one whose alerts can be spliced."""
    view = context.get(CONTEXT_NAME)
    return view if isinstance(view, ConsularView) else None


def without_alerts(view: ConsularView) -> ConsularView:
    """The view a shell's key holds: everything but the alerts."""
    return dataclasses.replace(view, alerts=())


@dataclasses.dataclass(frozen=True)
class Shell:
    """A page laid out with ``mark`` in place of its alert region."""

    mark: str
    html: str

    @classmethod
    def parse(cls, text: str) -> Shell | None:
        """A shell from its cached text, or None if the text is not one."""
        header, _, html = text.partition("\n")
        if not header.startswith(_SHELL_HEADER):
            return None
        mark = header.removeprefix(_SHELL_HEADER)
        return cls(mark, html) if mark and html.count(mark) == 1 else None

    def text(self) -> str:
        """What the cache keeps."""
        return f"{_SHELL_HEADER}{self.mark}\n{self.html}"

    def fill(self, region: str) -> str:
        """The page with ``region`` in its place."""
        return self.html.replace(self.mark, region, 1)


def shell_context(
    context: Mapping[str, Any], view: ConsularView
) -> tuple[dict[str, Any], Tripwire, str]:
    """The context that lays out a shell: the alerts on a tripwire, a fresh mark for the region.

    The mark is random, so no page's own text can contain it.
    """
    wire = Tripwire(view.alerts)
    mark = f"<!--chancery-alert-region {secrets.token_hex(16)}-->"
    laid_out = {**context, CONTEXT_NAME: dataclasses.replace(view, alerts=wire)}
    laid_out[REGION_NAME] = Markup(mark)
    return laid_out, wire, mark
