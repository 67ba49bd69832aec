"""Site-wide alerts: one data file in content/, read strictly, shown from start to end.

An alert is shown on every page of every language while the build clock is inside its period
(``start <= now < end``), and it leaves no trace in the site before or after. The file is read
with the strict YAML reader (no duplicate keys, anchors or tags; every bare value a string) and
typed with pydantic, and each error names the file, the line, the field and the fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from chancery.core.catalog import Catalog
from chancery.core.errors import ContentError, ContentErrors
from chancery.core.languages import LanguagePolicy
from chancery.core.models import Slug, Timestamp
from chancery.core.schedule import is_live
from chancery.core.strict_yaml import Location, StrictYamlError, load_mapping
from chancery.core.validation import _TIMESTAMP_HINT, _did_you_mean, _line_of, _shown

#: The data file, relative to the content folder. Its '_' keeps it out of the site.
DEFAULT_ALERTS_FILE = "_alerts.yml"
#: An alerts file holds short notices; anything larger is a mistake (a pasted document).
MAX_ALERTS_BYTES = 64 * 1024

Severity = Literal["info", "warning", "critical"]
#: Most urgent first: the order of the banner.
SEVERITY_ORDER: tuple[Severity, ...] = ("critical", "warning", "info")

# A link is an https URL, or a content file as written inside a language folder.
_CONTENT_LINK = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[\w./-]+\.md(?:#[\w-]+)?$")
_URL_LINK = re.compile(r"^https://[^\s<>\"']+$")

_EXAMPLES = {
    "id": "strikes-france-2026-11",
    "severity": "warning",
    "start": "2026-11-20T09:00:00+09:00",
    "end": "2026-11-29T00:00:00+01:00",
    "text": "then one indented block per language, with title: and text:",
    "title": '"Transport strikes in France"',
}


class AlertText(BaseModel):
    """An alert in one language: a headline and a few sentences."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: Annotated[str, Field(min_length=1, max_length=160)]
    text: Annotated[str, Field(min_length=1, max_length=1000)]


class Alert(BaseModel):
    """One site-wide alert."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    #: Stable and unique: the alert's text-only page is light/alerts/<id>/.
    id: Slug
    severity: Severity
    start: Timestamp
    end: Timestamp
    #: More information: a content page (`consular/emergency-assistance.md`) or an https URL.
    link: str | None = None
    text: Annotated[dict[str, AlertText], Field(min_length=1)]

    @model_validator(mode="after")
    def _check(self) -> Alert:
        if self.end <= self.start:
            raise ValueError("end: is not after start; an alert ends after it starts")
        if self.link is not None and not (
            _CONTENT_LINK.match(self.link) or _URL_LINK.match(self.link)
        ):
            raise ValueError(
                f"link: '{_shown(self.link)}' is neither a content page nor an https URL; write "
                "a path inside the language folders such as consular/emergency-assistance.md, "
                "or https://..."
            )
        return self

    def is_active(self, now: datetime) -> bool:
        """Whether the alert shows at ``now``: from its start (included) to its end (excluded)."""
        return self.start <= now < self.end

    @property
    def content_link(self) -> str | None:
        """The content path the link points to (without its #fragment), if it is internal."""
        if self.link is None or _URL_LINK.match(self.link):
            return None
        return self.link.partition("#")[0]


class _AlertsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    alerts: tuple[Alert, ...] = ()


@dataclass(frozen=True)
class AlertSet:
    """Every alert of the data file, with the line of each field for error messages."""

    path: str
    alerts: tuple[Alert, ...]
    lines: Mapping[Location, int]

    def active(self, now: datetime) -> tuple[Alert, ...]:
        """The alerts that show at ``now``, most urgent first, then newest first."""
        live = [alert for alert in self.alerts if alert.is_active(now)]
        live.sort(key=lambda alert: alert.id)
        live.sort(key=lambda alert: alert.start, reverse=True)
        live.sort(key=lambda alert: SEVERITY_ORDER.index(alert.severity))
        return tuple(live)

    def line(self, *location: str | int) -> int:
        """The file line of a field, or of the nearest enclosing one."""
        return _line_of(location, dict(self.lines))


def load_alerts(file: Path, shown: str, policy: LanguagePolicy, now: datetime) -> AlertSet:
    """Read and check the alerts file; raise ContentErrors listing every problem.

    ``shown`` is the file's path as editors see it (``content/_alerts.yml``). A missing file
    means no alerts. Besides its own fields, each alert's languages must be the site's, and an
    alert that is current or scheduled and critical must have its text in every foreign
    language. (An ended alert is not checked against the policy: a language added later must
    not break the build over an alert nobody will see again.)
    """
    if not file.is_file():
        return AlertSet(shown, (), {})
    raw = file.read_bytes()
    if len(raw) > MAX_ALERTS_BYTES:
        raise ContentErrors(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    f"is {len(raw)} bytes, over the limit of {MAX_ALERTS_BYTES}; remove ended "
                    "alerts and keep each text short",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentErrors(
            [ContentError(shown, line, "", "not valid UTF-8; save the file as UTF-8")]
        ) from error
    try:
        loaded = load_mapping(text, first_line=1)
    except StrictYamlError as error:
        raise ContentErrors(
            [ContentError(shown, error.line, error.field, error.message)]
        ) from error
    try:
        parsed = _AlertsFile.model_validate(loaded.data)
    except ValidationError as error:
        raise ContentErrors(
            _describe(detail, loaded.lines, shown) for detail in error.errors()
        ) from error
    alerts = AlertSet(shown, parsed.alerts, loaded.lines)
    errors = [*_check_ids(alerts), *_check_languages(alerts, policy, now)]
    if errors:
        raise ContentErrors(errors)
    return alerts


def check_links(alerts: AlertSet, catalog: Catalog, now: datetime) -> list[ContentError]:
    """Internal links of current alerts must lead to a page that is published at ``now``."""
    errors = []
    for index, alert in enumerate(alerts.alerts):
        target = alert.content_link
        if target is None or not alert.is_active(now):
            continue
        versions = catalog.group(target)
        if not any(is_live(page.content, now) for page in versions.values()):
            problem = "is not published at build time" if versions else "is not a content page"
            errors.append(
                ContentError(
                    alerts.path,
                    alerts.line("alerts", index, "link"),
                    f"alerts.{index}.link",
                    f"'{target}' {problem}; link to a page that exists in the language folders "
                    "(e.g. consular/emergency-assistance.md) or to an https URL",
                )
            )
    return errors


def text_for(alert: Alert, language: str, policy: LanguagePolicy) -> tuple[str, AlertText]:
    """The alert's text in ``language``, or else in the first language of the policy that has it.

    The second case is an honest fallback: the caller marks the text with its real language.
    """
    if language in alert.text:
        return language, alert.text[language]
    for code in policy.codes:
        if code in alert.text:
            return code, alert.text[code]
    code = sorted(alert.text)[0]
    return code, alert.text[code]


def special_announcement(
    alert: Alert, language: str, text: AlertText, url: str, publisher: str
) -> dict[str, Any]:
    """schema.org SpecialAnnouncement data for an alert, in one language."""
    return {
        "@context": "https://schema.org",
        "@type": "SpecialAnnouncement",
        "name": text.title,
        "text": text.text,
        "inLanguage": language,
        "datePosted": alert.start.isoformat(),
        "expires": alert.end.isoformat(),
        "url": url,
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
    }


def json_ld(data: Any) -> str:
    """JSON for a <script type="application/ld+json"> element, safe inside HTML.

    '<', '>' and '&' are written as unicode escapes, so that no text in the data can close the
    element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def paragraphs(text: str) -> tuple[str, ...]:
    """An alert's text split into paragraphs at blank lines."""
    return tuple(" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip())


def _check_ids(alerts: AlertSet) -> Iterable[ContentError]:
    seen: dict[str, int] = {}
    for index, alert in enumerate(alerts.alerts):
        if alert.id in seen:
            yield ContentError(
                alerts.path,
                alerts.line("alerts", index, "id"),
                f"alerts.{index}.id",
                f"'{alert.id}' is already the id of alert {seen[alert.id]} (line "
                f"{alerts.line('alerts', seen[alert.id], 'id')}); give each alert its own id",
            )
        seen.setdefault(alert.id, index)


def _check_languages(
    alerts: AlertSet, policy: LanguagePolicy, now: datetime
) -> Iterable[ContentError]:
    foreign = [language.code for language in policy.languages if language.role == "foreign"]
    for index, alert in enumerate(alerts.alerts):
        for code in alert.text:
            if code not in policy.codes:
                hint = _did_you_mean(code, list(policy.codes))
                yield ContentError(
                    alerts.path,
                    alerts.line("alerts", index, "text", code),
                    f"alerts.{index}.text.{code}",
                    f"'{code}' is not a language of this site{hint}; use one of "
                    f"{', '.join(policy.codes)}",
                )
        if alert.severity != "critical" or alert.end <= now:
            continue
        missing = [code for code in foreign if code not in alert.text]
        if missing:
            yield ContentError(
                alerts.path,
                alerts.line("alerts", index, "text"),
                f"alerts.{index}.text",
                f"critical alert '{alert.id}' has no text in {', '.join(missing)}; a critical "
                "alert must be written in every foreign language before it can be published "
                "(or lower its severity to warning)",
            )


def _describe(detail: ErrorDetails, lines: Mapping[Location, int], path: str) -> ContentError:
    location: Location = tuple(detail["loc"])
    message = detail["msg"].removeprefix("Value error, ")
    kind = detail["type"]
    match = re.match(r"^([a-z_]+): (.*)$", message, re.DOTALL)
    if kind == "value_error" and match:
        # A check across fields names its field first: "end: is not after start".
        location, message = (*location, match.group(1)), match.group(2)
    field = ".".join(str(part) for part in location)
    name = str(location[-1]) if location else ""
    return ContentError(
        path, _line_of(location, dict(lines)), field, _message(kind, message, detail, name)
    )


def _message(kind: str, message: str, detail: ErrorDetails, name: str) -> str:
    if kind == "missing":
        return f"required; add a line such as `{name}: {_EXAMPLES.get(name, '...')}`"
    if kind == "extra_forbidden":
        known = [*Alert.model_fields, *AlertText.model_fields, *_AlertsFile.model_fields]
        hint = _did_you_mean(name, known)
        return f"unknown field{hint}; " + ("correct or remove it" if hint else "remove it")
    if kind == "timezone_aware":
        return f"needs a UTC offset, {_TIMESTAMP_HINT}"
    if kind.startswith("datetime"):
        return f"'{_shown(detail['input'])}' is not a timestamp; write it like {_EXAMPLES['start']}"
    if kind == "literal_error":
        expected = (detail.get("ctx") or {}).get("expected", "")
        return f"'{_shown(detail['input'])}' is not allowed; use one of {expected}"
    if kind in ("tuple_type", "list_type"):
        return "must be a list of alerts, each starting with '- id: ...'"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a group of indented 'key: value' lines"
    if kind == "string_type":
        return "must be a single text value"
    if kind == "too_short":
        return "is empty; give the text in at least one language"
    if kind == "string_too_short":
        return "is empty; write a value or remove the line"
    if kind == "string_too_long":
        limit = (detail.get("ctx") or {}).get("max_length")
        return (
            f"is longer than {limit} characters; shorten it (the details belong on the linked page)"
        )
    return message
