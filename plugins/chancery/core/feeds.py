"""Feeds: Atom 1.0 and RSS 2.0 with feedgen, JSON Feed 1.1 from a typed, validated structure.

A feed is one language's items only, with a localised title and its language declared. Output is
reproducible: every date comes from the content (a feed's ``updated`` is its newest item's), and
feedgen's wall-clock defaults (``lastBuildDate``, its versioned generator) are overridden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

from feedgen.feed import FeedGenerator
from pydantic import AnyHttpUrl, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

FeedFormat = Literal["atom", "rss", "json"]
FORMATS: tuple[FeedFormat, ...] = ("atom", "rss", "json")
#: The media type announced in `<link rel="alternate" type=...>` for each format.
MEDIA_TYPES: dict[FeedFormat, str] = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
#: The file name of each format inside a feed's folder.
FILE_NAMES: dict[FeedFormat, str] = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}
#: The name shown next to a feed link; brand names, the same in every language.
FORMAT_NAMES: dict[FeedFormat, str] = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
#: The `updated` of a feed with no item yet: nothing has changed since the epoch.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)
GENERATOR = "Chancery"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: a page of the feed's language."""

    url: str
    title: str
    summary: str
    published: datetime
    updated: datetime
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """One feed of one language; rendered in each format into its own folder."""

    #: What the feed follows: "all", "news", "audiences/latin-america"...
    key: str
    language: str
    title: str
    subtitle: str
    #: Who publishes it: the site's name in the feed's language.
    author: str
    #: The site's absolute URL, ending with '/'.
    site_url: str
    #: The feed's folder, site-relative with the language prefix: "fr/feeds/news/".
    path: str
    #: The site-relative URL of the HTML page the feed follows.
    page_url: str
    #: Newest first.
    entries: tuple[FeedEntry, ...]

    def url(self, fmt: FeedFormat) -> str:
        """The site-relative URL of the feed in ``fmt``."""
        return self.path + FILE_NAMES[fmt]

    def absolute(self, url: str) -> str:
        """An absolute URL for a site-relative one."""
        return self.site_url + url

    @property
    def updated(self) -> datetime:
        """When the feed last changed: its newest item's date, never the wall clock."""
        return max((entry.updated for entry in self.entries), default=EMPTY_FEED_UPDATED)


def render(feed: Feed, fmt: FeedFormat) -> bytes:
    """The feed's file in ``fmt``."""
    if fmt == "json":
        return render_json(feed)
    generator = _generator(feed, fmt)
    if fmt == "atom":
        return bytes(generator.atom_str(pretty=True))
    return bytes(generator.rss_str(pretty=True))


def _generator(feed: Feed, fmt: FeedFormat) -> FeedGenerator:
    generator = FeedGenerator()
    page = feed.absolute(feed.page_url)
    generator.id(feed.absolute(feed.url("atom")))
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.description(feed.subtitle)
    generator.author({"name": feed.author, "uri": feed.site_url})
    generator.language(feed.language)
    # The page last: feedgen makes the last link given the RSS channel's <link>.
    generator.link(href=feed.absolute(feed.url(fmt)), rel="self", type=MEDIA_TYPES[fmt])
    generator.link(href=page, rel="alternate", type="text/html", hreflang=feed.language)
    generator.docs("")  # No link to the RSS specification's host in every feed.
    # Reproducible: the newest item's date instead of now, and no version in the generator.
    generator.updated(feed.updated)
    generator.lastBuildDate(feed.updated)
    generator.generator(GENERATOR)
    for item in feed.entries:
        entry = generator.add_entry(order="append")
        entry.id(item.url)
        entry.guid(item.url, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html", hreflang=feed.language)
        entry.summary(item.summary)
        entry.published(item.published)
        entry.updated(item.updated)
        for tag in item.tags:
            entry.category(term=tag)
    return generator


class JsonFeedAuthor(BaseModel):
    """An author of a JSON Feed (JSON Feed 1.1, `authors`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(min_length=1)]
    url: AnyHttpUrl | None = None


class JsonFeedItem(BaseModel):
    """One item of a JSON Feed 1.1."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1)]
    url: AnyHttpUrl
    title: str
    summary: str | None = None
    content_text: str | None = None
    content_html: str | None = None
    date_published: AwareDatetime
    date_modified: AwareDatetime
    tags: tuple[str, ...] = ()
    language: str

    @model_validator(mode="after")
    def _check_content(self) -> JsonFeedItem:
        # The specification requires content_html or content_text on every item.
        if self.content_text is None and self.content_html is None:
            raise ValueError("an item needs content_text or content_html")
        return self


class JsonFeed(BaseModel):
    """A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal["https://jsonfeed.org/version/1.1"]
    title: Annotated[str, Field(min_length=1)]
    home_page_url: AnyHttpUrl
    feed_url: AnyHttpUrl
    description: str
    language: str
    authors: tuple[JsonFeedAuthor, ...]
    items: tuple[JsonFeedItem, ...]


def json_feed(feed: Feed) -> JsonFeed:
    """The typed JSON Feed document of ``feed``; pydantic checks it as it is built."""
    return JsonFeed.model_validate(
        {
            "version": JSON_FEED_VERSION,
            "title": feed.title,
            "home_page_url": feed.absolute(feed.page_url),
            "feed_url": feed.absolute(feed.url("json")),
            "description": feed.subtitle,
            "language": feed.language,
            "authors": [{"name": feed.author, "url": feed.site_url}],
            "items": [
                {
                    "id": item.url,
                    "url": item.url,
                    "title": item.title,
                    "summary": item.summary,
                    "content_text": item.summary,
                    "date_published": item.published,
                    "date_modified": item.updated,
                    "tags": item.tags,
                    "language": feed.language,
                }
                for item in feed.entries
            ],
        }
    )


def render_json(feed: Feed) -> bytes:
    """The feed as JSON Feed 1.1, UTF-8."""
    document = json_feed(feed)
    return (document.model_dump_json(indent=2, exclude_none=True) + "\n").encode("utf-8")
