"""What search engines and link previews read: Open Graph, Twitter cards and JSON-LD.

Pure data builders: the MkDocs adapter (``chancery.mkdocs_plugins.seo``) gives them a page's
typed front matter and its absolute URLs, and renders what they return. Canonical and hreflang
links are not built here: ``chancery/languages`` computes them once, for the head and the
sitemap alike.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from chancery.core.models import (
    BaseContent,
    EventContent,
    FactCheckContent,
    MissionContent,
    NewsContent,
    StatementContent,
)
from chancery.core.strings import Strings

SCHEMA_CONTEXT = "https://schema.org"

#: Content types shared as articles (og:type article, NewsArticle).
ARTICLE_TYPES = frozenset({"news", "statement", "fact-check"})

#: The fact-check scale, from worst to best. "unproven" sits in the middle: neither shown
#: true nor false; "missing-context" is accurate as far as it goes.
RATING_SCALE: tuple[str, ...] = ("false", "misleading", "unproven", "missing-context", "true")
BEST_RATING = len(RATING_SCALE)
WORST_RATING = 1


@dataclass(frozen=True)
class SiteIdentity:
    """The ministry as publisher: its names, home, logo and accounts elsewhere."""

    #: The site's absolute root URL, ending in '/'.
    site_url: str
    #: The ministry's name in each language; ``name_in`` falls back to ``default_name``.
    names: Mapping[str, str]
    default_name: str
    #: Absolute URL of the logo, if any.
    logo: str | None = None
    #: The ministry's official accounts and pages elsewhere (schema.org sameAs).
    same_as: tuple[str, ...] = ()

    def name_in(self, language: str) -> str:
        """The ministry's name in ``language``."""
        return self.names.get(language) or self.default_name

    @property
    def organization_id(self) -> str:
        """A stable identifier of the ministry node, the same on every page and language."""
        return f"{self.site_url}#organization"


def site_identity(
    names: Mapping[str, str | None],
    site_url: str | None,
    site_name: str,
    logo: str | None = None,
    same_as: Sequence[str] = (),
) -> SiteIdentity:
    """The ministry as publisher, from its name in each language (declared with the language)."""
    return SiteIdentity(
        site_url=(site_url or "/").rstrip("/") + "/",
        names={code: name for code, name in names.items() if name},
        default_name=site_name,
        logo=logo,
        same_as=tuple(same_as),
    )


@dataclass(frozen=True)
class PageFacts:
    """What the builders need to know about one rendered page."""

    #: The language of the page's text (a fallback page shows its original's).
    language: str
    #: The reader's language: the language of the interface strings.
    reader_language: str
    title: str
    description: str
    #: The canonical URL (absolute); also og:url.
    url: str
    #: Absolute URL of the image to share the page with.
    image: str
    image_alt: str
    site_name: str
    content: BaseContent | None = None
    #: The languages of the page's other real versions (hreflang codes, x-default excluded).
    alternate_languages: tuple[str, ...] = ()
    #: Pixel size of the image, when known.
    image_size: tuple[int, int] | None = None
    twitter_site: str | None = None
    #: A fallback or noindex page: link previews yes, but no structured data of its own.
    indexable: bool = True


# Called for every page and each of its alternates; Babel's parsing is the costly part.
@functools.lru_cache(maxsize=64)
def og_locale(code: str) -> str:
    """The Open Graph locale of a language code: 'fr' -> 'fr_FR', 'zh' -> 'zh_CN'.

    Babel's likely subtags give the territory a bare language code implies.
    """
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code.replace("-", "_")
    territory = locale.territory
    if territory is None:
        likely = get_global("likely_subtags").get(str(locale))
        if likely:
            territory = Locale.parse(likely).territory
    return f"{locale.language}_{territory}" if territory else locale.language


def open_graph(facts: PageFacts) -> list[tuple[str, str]]:
    """Open Graph properties, in order, as (property, content) pairs."""
    content = facts.content
    is_article = content is not None and content.type in ARTICLE_TYPES
    tags = [
        ("og:type", "article" if is_article else "website"),
        ("og:site_name", facts.site_name),
        ("og:title", facts.title),
        ("og:description", facts.description),
        ("og:url", facts.url),
        ("og:image", facts.image),
    ]
    if facts.image_size:
        tags += [
            ("og:image:width", str(facts.image_size[0])),
            ("og:image:height", str(facts.image_size[1])),
        ]
    tags.append(("og:image:alt", facts.image_alt))
    locale = og_locale(facts.language)
    tags.append(("og:locale", locale))
    alternates = dict.fromkeys(og_locale(code) for code in facts.alternate_languages)
    tags += [("og:locale:alternate", other) for other in alternates if other != locale]
    if is_article and content is not None:
        if content.date is not None:
            tags.append(("article:published_time", content.date.isoformat()))
        modified = last_modified(content)
        if modified is not None:
            tags.append(("article:modified_time", modified.isoformat()))
    return tags


def twitter_card(facts: PageFacts) -> list[tuple[str, str]]:
    """Twitter (X) card metadata, as (name, content) pairs."""
    tags = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", facts.title),
        ("twitter:description", facts.description),
        ("twitter:image", facts.image),
        ("twitter:image:alt", facts.image_alt),
    ]
    if facts.twitter_site:
        tags.append(("twitter:site", facts.twitter_site))
    return tags


def last_modified(content: BaseContent) -> datetime | None:
    """When a page last changed, from its own dates: date, updated and its change history."""
    moments = [moment for moment in (content.date, content.updated) if moment is not None]
    moments += [change.date for change in content.changes]
    return max(moments) if moments else None


def organization(identity: SiteIdentity, language: str) -> dict[str, Any]:
    """The ministry as a GovernmentOrganization, named in ``language``."""
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": identity.organization_id,
        "name": identity.name_in(language),
        "url": identity.site_url,
    }
    others = sorted(
        {name for code, name in identity.names.items() if code != language} - {node["name"]}
    )
    if others:
        node["alternateName"] = others
    if identity.logo:
        node["logo"] = identity.logo
    if identity.same_as:
        node["sameAs"] = list(identity.same_as)
    return node


def page_graph(facts: PageFacts, identity: SiteIdentity, strings: Strings) -> dict[str, Any]:
    """The JSON-LD document of a page: the ministry, and the page's own node if it has one."""
    node = page_node(facts, identity, strings) if facts.indexable else None
    return graph(identity, facts.reader_language, *([node] if node is not None else []))


def graph(identity: SiteIdentity, language: str, *nodes: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-LD document: the ministry, named in ``language``, then ``nodes``."""
    own = [{key: value for key, value in node.items() if key != "@context"} for node in nodes]
    return {"@context": SCHEMA_CONTEXT, "@graph": [organization(identity, language), *own]}


def web_page(
    identity: SiteIdentity,
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    based_on: str | None = None,
    modified: datetime | None = None,
) -> dict[str, Any]:
    """A plain WebPage published by the ministry (a light page: ``based_on`` its full page)."""
    node: dict[str, Any] = {
        "@type": "WebPage",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": language,
        "publisher": {"@id": identity.organization_id},
    }
    if based_on:
        node["isBasedOn"] = based_on
    if modified is not None:
        node["dateModified"] = modified.isoformat()
    return node


def page_node(facts: PageFacts, identity: SiteIdentity, strings: Strings) -> dict[str, Any] | None:
    """The structured-data node of a page's content type, or None for types without one."""
    content = facts.content
    if isinstance(content, NewsContent | StatementContent):
        return news_article(facts, identity, content, strings)
    if isinstance(content, FactCheckContent):
        return claim_review(facts, identity, content, strings)
    if isinstance(content, EventContent):
        return event(facts, identity, content)
    if isinstance(content, MissionContent):
        return mission(facts, identity, content)
    return None


def news_article(
    facts: PageFacts,
    identity: SiteIdentity,
    content: NewsContent | StatementContent,
    strings: Strings,
) -> dict[str, Any]:
    """A news item or an official statement as a NewsArticle."""
    publisher = _publisher(identity, facts.language)
    author: dict[str, Any] = publisher
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": facts.title,
        "description": facts.description,
        "url": facts.url,
        "mainEntityOfPage": facts.url,
        "inLanguage": facts.language,
        "image": [facts.image],
        "datePublished": content.date.isoformat(),
        "dateModified": _iso(last_modified(content)),
    }
    if isinstance(content, StatementContent):
        node["articleSection"] = strings.text(f"statement.kind.{content.kind}", facts.language)
        if content.speaker:
            author = {"@type": "Person", "name": content.speaker, "worksFor": publisher}
        if content.place:
            node["locationCreated"] = {"@type": "Place", "name": content.place}
    node["author"] = [author]
    node["publisher"] = publisher
    if content.tags:
        node["keywords"] = list(content.tags)
    return node


def rating_value(rating: str) -> int:
    """A fact-check rating's place on the numeric scale, 1 (false) to 5 (true)."""
    return RATING_SCALE.index(rating) + 1


def claim_review(
    facts: PageFacts, identity: SiteIdentity, content: FactCheckContent, strings: Strings
) -> dict[str, Any]:
    """A fact-check as a ClaimReview, its rating named in the page's language."""
    return {
        "@type": "ClaimReview",
        "url": facts.url,
        "name": facts.title,
        "description": facts.description,
        "inLanguage": facts.language,
        "datePublished": content.date.isoformat(),
        "dateModified": _iso(last_modified(content)),
        "claimReviewed": content.claim,
        "author": _publisher(identity, facts.language),
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": content.claimant},
            "appearance": {"@type": "CreativeWork", "name": content.appeared_in},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(content.rating),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": strings.text(f"rating.{content.rating}", facts.language),
        },
    }


def event(facts: PageFacts, identity: SiteIdentity, content: EventContent) -> dict[str, Any]:
    """An event, held in person at its location."""
    node: dict[str, Any] = {
        "@type": "Event",
        "name": facts.title,
        "description": facts.description,
        "url": facts.url,
        "inLanguage": facts.language,
        "image": [facts.image],
        "startDate": content.start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": content.location, "address": content.location},
        "organizer": _publisher(identity, facts.language),
    }
    if content.end:
        node["endDate"] = content.end.isoformat()
    return node


def mission(facts: PageFacts, identity: SiteIdentity, content: MissionContent) -> dict[str, Any]:
    """An embassy (schema.org Embassy) or a consulate (GovernmentOffice), with its contacts."""
    node: dict[str, Any] = {
        "@type": "Embassy" if content.kind == "embassy" else "GovernmentOffice",
        "name": facts.title,
        "description": facts.description,
        "url": facts.url,
        "image": facts.image,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": content.address,
            "addressLocality": content.city,
            "addressCountry": content.country,
        },
        "telephone": content.phone,
    }
    if content.email:
        node["email"] = content.email
    if node["@type"] == "GovernmentOffice":
        # A GovernmentOffice is an organisation too; an Embassy is only a place.
        node["parentOrganization"] = _publisher(identity, facts.language)
    return node


def json_ld_script(data: Mapping[str, Any]) -> str:
    """A complete ``<script type="application/ld+json">`` element holding ``data``.

    The element is data, never run; but an HTML parser ends it at the first ``</script``
    whatever the JSON says. So ``<``, ``>`` and ``&`` are written as JSON escapes (as are the
    line separators U+2028 and U+2029), and no value can close the element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, escape in _JSON_IN_HTML.items():
        text = text.replace(char, escape)
    return f'<script type="application/ld+json">{text}</script>'


_JSON_IN_HTML = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def without_versions(
    hreflang: Sequence[tuple[str, str]], dropped: Iterable[str], root: str
) -> tuple[tuple[str, str], ...]:
    """Hreflang alternates less the versions in ``dropped`` (e.g. withdrawn, noindex).

    x-default goes too when it named the root language's version, which was dropped.
    """
    gone = set(dropped)
    kept = tuple((code, href) for code, href in hreflang if code not in gone)
    if root in gone:
        kept = tuple((code, href) for code, href in kept if code != "x-default")
    if len([code for code, _ in kept if code != "x-default"]) == 0:
        return ()
    return kept


def _publisher(identity: SiteIdentity, language: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": identity.organization_id,
        "name": identity.name_in(language),
        "url": identity.site_url,
    }
    if identity.logo:
        node["logo"] = {"@type": "ImageObject", "url": identity.logo}
    return node


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
