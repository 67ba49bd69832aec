"""Head metadata: Open Graph, Twitter cards and JSON-LD, read back with extruct and lxml."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import extruct
import pytest
from lxml import html
from mkdocs.exceptions import Abort

from chancery.core.models import FactCheckContent
from chancery.core.seo import (
    RATING_SCALE,
    json_ld_script,
    og_locale,
    rating_value,
    without_versions,
)
from tests.conftest import of, page, tags_file
from tests.test_sitemap import build

SITE = "https://ministry.example/"
HOSTILE = '</script><script>alert("x")</script><!-- \u2028 & -->'

MISSION = {
    "type": "mission",
    "kind": "embassy",
    "country": "FR",
    "city": "Paris",
    "address": "12 avenue Hoche, 75008 Paris, France",
    "phone": "+33 1 53 75 12 00",
    "emergency_phone": "+33 6 07 45 12 00",
    "email": "paris@mofa.haneul.example",
}
CONSULATE = {
    **MISSION,
    "kind": "consulate-general",
    "country": "CN",
    "city": "Shanghai",
    "address": "1376 Nanjing West Road, Shanghai",
    "phone": "+86 21 6279 8000",
}
FACT_CHECK = {
    "type": "fact-check",
    "date": "2026-10-05T12:00:00+09:00",
    "claim": "Haneul will charge every visitor a 500-dollar entry fee",
    "claimant": "Anonymous social media accounts",
    "appeared_in": "A video shared widely in September 2026",
    "rating": "false",
}
EVENT = {
    "type": "event",
    "start": "2026-12-05T19:00:00-06:00",
    "end": "2026-12-12T22:00:00-06:00",
    "location": "Cineteca Nacional, Mexico City",
}
STATEMENT = {
    "type": "statement",
    "kind": "speech",
    "date": "2026-09-24T10:00:00-04:00",
    "speaker": "Seo Yuna",
    "place": "United Nations, New York",
}
NEWS = {"type": "news", "date": "2026-03-12T10:00:00+09:00", "tags": ["climate"]}


def both(path: str, title: str, french: str, **fields: Any) -> dict[str, str | bytes]:
    return {
        f"en/{path}": page(title, "Text.", **fields),
        f"fr/{path}": page(french, "Text.", **fields, translation_of=of("en")),
    }


FILES: dict[str, str | bytes] = {
    "_tags.yml": tags_file(["climate"], ("en", "fr")),
    **both("index.md", "Home", "Accueil"),
    **both("news/climate.md", "Climate partnership", "Partenariat climatique", **NEWS),
    **both("statements/unga.md", "Speech at the UN", "Discours à l'ONU", **STATEMENT),
    **both("fact-checks/fee.md", "No entry fee", "Pas de droit d'entrée", **FACT_CHECK),
    **both("events/film.md", "Film festival", "Festival du film", **EVENT),
    **both("missions/paris.md", "Embassy in Paris", "Ambassade à Paris", **MISSION),
    **both("missions/shanghai.md", "Consulate in Shanghai", "Consulat à Shanghai", **CONSULATE),
    # Only in English: the French build shows a fallback.
    "en/news/only.md": page("Only in English", "Text.", **NEWS),
    "en/news/hostile.md": page(HOSTILE, "Text.", **NEWS, description=HOSTILE),
}

#: The ministry's name, declared once per language with the language itself.
SITE_NAMES = {"en": "Ministry of Tests", "fr": "Ministère des Tests"}
SEO_OPTIONS = {
    "organization_logo": "assets/chancery/share.png",
    "organization_same_as": ["https://social.example/@ministry"],
    "twitter_site": "@MinistryOfTests",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("seo"), FILES, SITE_NAMES, **SEO_OPTIONS)


def extract(file: Path, url: str) -> dict[str, Any]:
    data: dict[str, Any] = extruct.extract(
        file.read_text("utf-8"), base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return data


def nodes(file: Path, url: str) -> dict[str, dict[str, Any]]:
    """JSON-LD nodes of a page by @type (each type appears once per page here)."""
    found: dict[str, dict[str, Any]] = {}
    for document in extract(file, url)["json-ld"]:
        assert document["@context"] == "https://schema.org"
        for node in document.get("@graph", [document]):
            assert node["@type"] not in found
            found[node["@type"]] = node
    return found


def meta(file: Path) -> tuple[list[tuple[str, str]], dict[str, str], str | None]:
    """A page's Open Graph pairs (in order), Twitter tags and canonical URL."""
    tree = html.parse(str(file))
    og = [(m.get("property"), m.get("content")) for m in tree.xpath("//head/meta[@property]")]
    twitter = {m.get("name"): m.get("content") for m in tree.xpath("//head/meta[@name]")}
    canonical = tree.xpath("string(//head/link[@rel='canonical']/@href)") or None
    return og, twitter, canonical


def require(node: dict[str, Any], *properties: str) -> None:
    missing = [name for name in properties if node.get(name) in (None, "", [])]
    assert missing == [], (node.get("@type"), missing)


def test_every_page_names_the_ministry(site: Path) -> None:
    for prefix, name in (("", "Ministry of Tests"), ("fr/", "Ministère des Tests")):
        organization = nodes(site / prefix / "index.html", SITE + prefix)["GovernmentOrganization"]
        require(organization, "name", "url", "logo", "@id")
        assert organization["name"] == name
        assert organization["url"] == SITE
        assert organization["logo"] == f"{SITE}assets/chancery/share.png"
        assert organization["sameAs"] == ["https://social.example/@ministry"]
        assert organization["alternateName"] == [
            n for n in ("Ministry of Tests", "Ministère des Tests") if n != name
        ]


def test_news_and_statements_are_news_articles(site: Path) -> None:
    url = f"{SITE}fr/news/climate/"
    article = nodes(site / "fr/news/climate/index.html", url)["NewsArticle"]
    require(
        article, "headline", "datePublished", "dateModified", "author", "publisher", "image", "url"
    )
    assert article["headline"] == "Partenariat climatique"
    assert article["inLanguage"] == "fr"
    assert article["url"] == article["mainEntityOfPage"] == url
    assert article["datePublished"] == "2026-03-12T10:00:00+09:00"
    assert article["publisher"]["name"] == "Ministère des Tests"
    assert article["publisher"]["logo"]["url"].startswith(SITE)
    assert all(image.startswith(SITE) for image in article["image"])

    speech = nodes(site / "statements/unga/index.html", f"{SITE}statements/unga/")["NewsArticle"]
    require(speech, "headline", "datePublished", "author", "publisher")
    assert speech["author"] == [
        {"@type": "Person", "name": "Seo Yuna", "worksFor": speech["publisher"]}
    ]
    assert speech["articleSection"] == "Speech"
    assert speech["locationCreated"]["name"] == "United Nations, New York"


def test_fact_checks_are_claim_reviews_on_a_localised_scale(site: Path) -> None:
    for prefix, verdict in (("", "False"), ("fr/", "Faux")):
        url = f"{SITE}{prefix}fact-checks/fee/"
        review = nodes(site / prefix / "fact-checks/fee/index.html", url)["ClaimReview"]
        require(review, "claimReviewed", "reviewRating", "url", "author", "datePublished")
        assert review["url"] == url
        assert review["claimReviewed"] == FACT_CHECK["claim"]
        assert review["reviewRating"] == {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdict,
        }
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["name"] == FACT_CHECK["claimant"]
        assert claim["appearance"]["name"] == FACT_CHECK["appeared_in"]
        # The card on the page shows the same verdict as the structured data.
        card = html.parse(str(site / prefix / "fact-checks/fee/index.html"))
        assert card.xpath("string(//*[@data-rating='false'])").strip() == verdict


def test_the_rating_scale_runs_from_false_to_true() -> None:
    ratings = FactCheckContent.model_fields["rating"].annotation.__args__  # type: ignore[union-attr]
    assert sorted(RATING_SCALE) == sorted(ratings)
    assert [rating_value(r) for r in ("false", "misleading", "unproven", "true")] == [1, 2, 3, 5]


def test_events_are_events(site: Path) -> None:
    event = nodes(site / "fr/events/film/index.html", f"{SITE}fr/events/film/")["Event"]
    require(event, "name", "startDate", "location", "endDate", "organizer", "eventStatus")
    assert event["startDate"] == "2026-12-05T19:00:00-06:00"
    assert event["location"]["@type"] == "Place"
    require(event["location"], "name", "address")


def test_missions_are_embassies_or_offices_with_address_and_telephone(site: Path) -> None:
    embassy = nodes(site / "missions/paris/index.html", f"{SITE}missions/paris/")["Embassy"]
    require(embassy, "name", "address", "telephone", "url")
    assert embassy["telephone"] == "+33 1 53 75 12 00"
    assert embassy["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 avenue Hoche, 75008 Paris, France",
        "addressLocality": "Paris",
        "addressCountry": "FR",
    }
    office = nodes(site / "fr/missions/shanghai/index.html", f"{SITE}fr/missions/shanghai/")
    consulate = office["GovernmentOffice"]
    require(consulate, "name", "address", "telephone", "parentOrganization")
    assert consulate["parentOrganization"]["name"] == "Ministère des Tests"


def test_open_graph_and_twitter_card(site: Path) -> None:
    og, twitter, canonical = meta(site / "fr/news/climate/index.html")
    values = dict(og)
    assert canonical == values["og:url"] == f"{SITE}fr/news/climate/"
    assert values["og:type"] == "article"
    assert values["og:title"] == "Partenariat climatique"
    assert values["og:description"] == "About Partenariat climatique."
    assert values["og:locale"] == "fr_FR"
    assert [v for p, v in og if p == "og:locale:alternate"] == ["en_US"]
    # The page's own share card, in the French build's folder (tests/test_share_cards.py).
    card = values["og:image"].removeprefix(SITE)
    assert re.fullmatch(r"fr/assets/cards/[0-9a-f]{20}\.png", card), card
    assert (site / card).read_bytes().startswith(b"\x89PNG")
    assert (values["og:image:width"], values["og:image:height"]) == ("1200", "630")
    assert values["og:image:alt"] == "Partenariat climatique · Ministère des Tests"
    assert values["article:published_time"] == "2026-03-12T10:00:00+09:00"
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:site"] == "@MinistryOfTests"
    assert twitter["twitter:title"] == "Partenariat climatique"
    assert twitter["twitter:image"] == values["og:image"]
    # extruct reads the same Open Graph data.
    extracted = extract(site / "fr/news/climate/index.html", f"{SITE}fr/news/climate/")
    assert extracted["opengraph"][0]["og:title"] == "Partenariat climatique"
    home, _, _ = meta(site / "index.html")
    assert dict(home)["og:type"] == "website"


def test_fallback_pages_preview_the_original_and_claim_nothing(site: Path) -> None:
    file = site / "fr/news/only/index.html"
    og, _, canonical = meta(file)
    values = dict(og)
    assert canonical == values["og:url"] == f"{SITE}news/only/"
    assert values["og:locale"] == "en_US"  # the language of the text shown
    assert "og:locale:alternate" not in values
    assert not html.parse(str(file)).xpath("//head/link[@hreflang]")
    assert set(nodes(file, f"{SITE}fr/news/only/")) == {"GovernmentOrganization"}


def test_hostile_text_stays_data(site: Path) -> None:
    file = site / "news/hostile/index.html"
    tree = html.parse(str(file))
    # Had the title broken out of any element, the parser would find a script running it.
    for script in tree.xpath("//script[not(@type='application/ld+json')]"):
        assert "alert(" not in (script.text or ""), html.tostring(script)[:200]
    assert len(tree.xpath("//head/script[@type='application/ld+json']")) == 1
    article = nodes(file, f"{SITE}news/hostile/")["NewsArticle"]
    assert article["headline"] == HOSTILE
    assert article["description"] == HOSTILE
    og, twitter, _ = meta(file)
    assert dict(og)["og:title"] == HOSTILE and twitter["twitter:title"] == HOSTILE


def test_a_missing_share_image_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"en/index.md": page("Home"), "fr/index.md": page("Accueil", translation_of=of("en"))}
    logger = logging.getLogger("mkdocs")  # its CLI may have stopped it from propagating
    logger.addHandler(caplog.handler)
    try:
        with pytest.raises(Abort, match="1 warnings"):
            build(tmp_path, files, share_image="assets/missing.png")
    finally:
        logger.removeHandler(caplog.handler)
    assert "share_image: 'assets/missing.png' is not in the built site" in caplog.text


def test_json_ld_cannot_close_its_element() -> None:
    data = {"a": "</script><!--", "b": "x & y > z", "c": "\u2028\u2029"}
    element = json_ld_script(data)
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&\u2028\u2029]", inner)
    assert json.loads(inner) == data


def test_open_graph_locales_come_from_babel() -> None:
    expected = {
        "en": "en_US",
        "fr": "fr_FR",
        "es": "es_ES",
        "zh": "zh_CN",
        "ar": "ar_EG",
        "ko": "ko_KR",
    }
    assert {code: og_locale(code) for code in expected} == expected
    assert og_locale("pt-BR") == "pt_BR"


def test_withdrawn_versions_leave_the_alternates() -> None:
    hreflang = (("en", "E"), ("fr", "F"), ("x-default", "E"))
    assert without_versions(hreflang, ["fr"], "en") == (("en", "E"), ("x-default", "E"))
    assert without_versions(hreflang, ["en"], "en") == (("fr", "F"),)
    assert without_versions(hreflang, ["en", "fr"], "en") == ()


def test_demo_pages_carry_previews_and_structured_data(demo_site: Path) -> None:
    demo = "https://mofa.haneul.example/"
    types: set[str] = set()
    for file in sorted(demo_site.rglob("*.html")):
        relative = file.relative_to(demo_site).as_posix()
        if relative.endswith("404.html"):
            continue
        url = demo + relative.removesuffix("index.html")
        if "/light/" in f"/{relative}":
            continue  # the text-only versions: written outside MkDocs' pages, kept minimal
        og, twitter, canonical = meta(file)
        values = dict(og)
        for name in ("og:title", "og:description", "og:type", "og:url", "og:image", "og:locale"):
            assert values.get(name), (relative, name)
        assert values["og:url"] == canonical and values["og:image"].startswith(demo), relative
        assert twitter["twitter:card"] == "summary_large_image", relative
        lang = html.parse(str(file)).getroot().get("lang")
        found = nodes(file, url)
        assert found["GovernmentOrganization"]["logo"] == f"{demo}assets/images/emblem.svg"
        if canonical == url:  # not a fallback
            assert values["og:locale"].split("_")[0] == lang, relative
        types.update(found)
    assert {"NewsArticle", "ClaimReview", "Event", "Embassy", "GovernmentOffice"} <= types
    review = nodes(
        demo_site / "ar/fact-checks/entry-fee-rumour/index.html",
        f"{demo}ar/fact-checks/entry-fee-rumour/",
    )["ClaimReview"]
    assert review["reviewRating"]["alternateName"] == "غير صحيح"
