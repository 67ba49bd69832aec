"""Golden fragments of the per-type layouts, in English, Korean and Arabic.

One tiny site with a page of every type is built once for the module; the escaping test builds
its own site with hostile front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from chancery.core import models
from chancery.core.strings import Strings
from tests.conftest import TEST_NOW, BuildSite, build_in, of, page, site_config, write_tree

#: The package's interface strings, as a build without a locales folder reads them.
STRINGS = Strings.load()

LANGUAGES = (("en", "foreign"), ("ar", "foreign"), ("ko", "domestic"))
TEMPLATES = Path(models.__file__).resolve().parent.parent / "templates" / "chancery"
HOSTILE = "<img src=x onerror=alert(1)>"

PUBLISHED = "2026-05-01T09:00:00+09:00"
UPDATED = "2026-05-02T10:30:00+09:00"


def _pages(lang: str, title: str) -> dict[str, str]:
    """One page of every content type in ``lang``; ``title`` is prefixed to every title.

    English is the source; the other languages are current translations of it.
    """

    def doc(suffix: str, body: str = "Text.", **fields: Any) -> str:
        if lang != "en":
            fields["translation_of"] = of("en", body)
        return page(f"{title} {suffix}", body=body, **fields)

    return {
        f"{lang}/index.md": doc("home"),
        f"{lang}/news/visit.md": doc("news", type="news", date=PUBLISHED, updated=UPDATED),
        f"{lang}/statements/speech.md": doc(
            "speech",
            type="statement",
            kind="speech",
            speaker="Seo Yuna",
            place="New York",
            date="2026-09-24T10:00:00-04:00",
        ),
        f"{lang}/travel-advice/france.md": doc(
            "travel", type="travel-advice", country="FR", level=3, date=PUBLISHED
        ),
        f"{lang}/consular/visas.md": doc(
            "visas",
            type="consular-service",
            service="visa",
            fee="USD 40",
            processing_time="5 working days",
        ),
        f"{lang}/campaigns/open.md": doc(
            "campaign",
            type="campaign",
            hashtag="#OpenHaneul",
            start="2026-04-01T00:00:00+09:00",
            end="2027-03-31T23:59:00+09:00",
            partners=["Tourism Organisation", "Education Institute"],
        ),
        f"{lang}/fact-checks/fee.md": doc(
            "fact-check",
            body="The evidence.",
            type="fact-check",
            date=PUBLISHED,
            claim="Visitors pay a 500-dollar entry fee",
            claimant="Anonymous accounts",
            appeared_in="A viral video",
            rating="misleading",
        ),
        f"{lang}/events/festival.md": doc(
            "event",
            type="event",
            start="2026-12-05T19:00:00-06:00",
            end="2026-12-12T22:00:00-06:00",
            location="Cineteca Nacional",
        ),
        f"{lang}/missions/paris.md": doc(
            "mission",
            type="mission",
            kind="consulate-general",
            country="FR",
            city="Paris",
            address="12 avenue Hoche, 75008 Paris",
            phone="+33 1 53 75 12 00",
            emergency_phone="+1 (555) 010-2030",
            email="paris@mofa.example",
            hours="Mon-Fri 9:30-17:00",
            languages_served=["fr", "en", "ko"],
            consular_services=["passport", "emergency-assistance"],
        ),
    }


#: A page in English only (a fallback elsewhere), and one whose English source has changed.
EXTRA = {
    "en/news/only-english.md": page("Only in English", type="news", date=PUBLISHED),
    "en/news/changed.md": page(
        "Changed", body="New text.", type="news", date=PUBLISHED, updated=UPDATED
    ),
    "ko/news/changed.md": page(
        "바뀐 글",
        body="Old text.",
        type="news",
        date=PUBLISHED,
        translation_of=of("en", "Old text."),
    ),
    "ar/news/changed.md": page(
        "تغيّر", body="New text.", type="news", date=PUBLISHED, translation_of=of("en", "New text.")
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A site with every content type in en, ko and ar, built once for this module."""
    project = tmp_path_factory.mktemp("layouts")
    files = {**_pages("en", "EN"), **_pages("ko", "KO"), **_pages("ar", "AR"), **EXTRA}
    write_tree(project / "content", files)
    settings = site_config(LANGUAGES)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        yield build_in(project)


def _soup(site: Path, lang: str, path: str) -> BeautifulSoup:
    prefix = "" if lang == "en" else f"{lang}/"
    return BeautifulSoup((site / f"{prefix}{path}/index.html").read_text("utf-8"), "lxml")


def _article(site: Path, lang: str, path: str) -> Tag:
    article = _soup(site, lang, path).select_one("article.md-content__inner")
    assert article is not None
    return article


def _text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).replace("\u202f", " ").split())


def _facts(scope: Tag) -> dict[str, Tag]:
    """The dd of every dt in the first chancery-facts list in ``scope``, by the dt's text."""
    facts = scope.select_one("dl.chancery-facts")
    assert facts is not None
    return {
        _text(dt): dd
        for dt in facts.find_all("dt")
        if isinstance(dd := dt.find_next_sibling("dd"), Tag)
    }


@pytest.mark.parametrize("lang", ["en", "ko", "ar"])
@pytest.mark.parametrize(
    ("path", "suffix"),
    [
        ("", "home"),
        ("news/visit", "news"),
        ("statements/speech", "speech"),
        ("travel-advice/france", "travel"),
        ("consular/visas", "visas"),
        ("campaigns/open", "campaign"),
        ("fact-checks/fee", "fact-check"),
        ("events/festival", "event"),
        ("missions/paris", "mission"),
    ],
)
def test_every_layout_renders_the_title_as_the_single_h1(
    site: Path, lang: str, path: str, suffix: str
) -> None:
    soup = _soup(site, lang, path or ".")
    headings = soup.find_all("h1")
    assert [_text(h1) for h1 in headings] == [f"{lang.upper()} {suffix}"]
    assert headings[0].find_parent("header", class_="chancery-header") is not None
    assert "Text." in _text(soup.select_one(".chancery-body")) or suffix == "fact-check"


@pytest.mark.parametrize(
    ("lang", "published", "updated"),
    [
        ("en", "Published May 1, 2026", "Updated May 2, 2026"),
        ("ko", "게시일 2026년 5월 1일", "수정일 2026년 5월 2일"),
        ("ar", "تاريخ النشر 1 مايو 2026", "تاريخ التحديث 2 مايو 2026"),
    ],
)
def test_news_meta_line_has_localised_dates_in_time_elements(
    site: Path, lang: str, published: str, updated: str
) -> None:
    items = _article(site, lang, "news/visit").select(".chancery-meta .chancery-meta__item")
    assert [_text(item) for item in items] == [published, updated]
    assert [item.time["datetime"] for item in items if item.time] == [PUBLISHED, UPDATED]


@pytest.mark.parametrize(
    ("lang", "kind", "speaker", "place", "date", "text"),
    [
        ("en", "Speech", "Speaker", "Place", "Date", "September 24, 2026"),
        ("ko", "연설", "발언자", "장소", "일자", "2026년 9월 24일"),
    ],
)
def test_statement_shows_kind_speaker_place_and_date(
    site: Path, lang: str, kind: str, speaker: str, place: str, date: str, text: str
) -> None:
    article = _article(site, lang, "statements/speech")
    assert _text(article.select_one(".chancery-kicker")) == kind
    facts = _facts(article)
    assert _text(facts[speaker]) == "Seo Yuna"
    assert _text(facts[place]) == "New York"
    time = facts[date].find("time")
    assert isinstance(time, Tag)
    assert time["datetime"] == "2026-09-24T10:00:00-04:00"
    assert _text(time) == text


@pytest.mark.parametrize(
    ("lang", "country", "number", "label"),
    [
        ("en", "France", "Level 3 of 4", "Reconsider your need to travel"),
        ("ko", "프랑스", "여행경보 3단계", "여행 필요성 재검토"),
        ("ar", "فرنسا", "المستوى 3 من 4", "إعادة النظر في ضرورة السفر"),
    ],
)
def test_travel_advice_shows_country_and_level_badge(
    site: Path, lang: str, country: str, number: str, label: str
) -> None:
    article = _article(site, lang, "travel-advice/france")
    values = list(_facts(article).values())
    assert _text(values[0]) == country
    badge = values[1].select_one(".chancery-level")
    assert badge is not None
    assert "chancery-level--3" in badge["class"]
    assert _text(badge.select_one(".chancery-level__number")) == number
    assert _text(badge.select_one(".chancery-level__label")) == label


@pytest.mark.parametrize(
    ("lang", "kicker", "fee", "processing"),
    [("en", "Visas", "Fee", "Processing time"), ("ko", "사증(비자)", "수수료", "처리 기간")],
)
def test_consular_service_lists_fee_and_processing_time(
    site: Path, lang: str, kicker: str, fee: str, processing: str
) -> None:
    article = _article(site, lang, "consular/visas")
    assert _text(article.select_one(".chancery-kicker")) == kicker
    facts = _facts(article)
    assert list(facts) == [fee, processing]
    assert _text(facts[fee]) == "USD 40"
    assert _text(facts[processing]) == "5 working days"


@pytest.mark.parametrize(
    ("lang", "period", "start", "end"),
    [
        ("en", "Period", "April 1, 2026", "March 31, 2027"),
        ("ko", "기간", "2026년 4월 1일", "2027년 3월 31일"),
    ],
)
def test_campaign_shows_hashtag_period_and_partners(
    site: Path, lang: str, period: str, start: str, end: str
) -> None:
    facts = list(_facts(_article(site, lang, "campaigns/open")).items())
    assert _text(facts[0][1].select_one(".chancery-hashtag")) == "#OpenHaneul"
    assert facts[1][0] == period
    times = facts[1][1].find_all("time")
    assert [(t["datetime"], _text(t)) for t in times] == [
        ("2026-04-01T00:00:00+09:00", start),
        ("2027-03-31T23:59:00+09:00", end),
    ]
    assert [_text(li) for li in facts[2][1].find_all("li")] == [
        "Tourism Organisation",
        "Education Institute",
    ]


@pytest.mark.parametrize(
    ("lang", "claimant", "appeared", "rating", "verdict"),
    [
        ("en", "Claimed by", "Where it appeared", "Our rating", "Misleading"),
        ("ko", "주장한 곳", "유포 경로", "판정", "오해의 소지"),
        ("ar", "مصدر الادعاء", "أين ظهر", "الحكم", "مضلِّل"),
    ],
)
def test_fact_check_card_quotes_the_claim_and_rates_it(
    site: Path, lang: str, claimant: str, appeared: str, rating: str, verdict: str
) -> None:
    article = _article(site, lang, "fact-checks/fee")
    card = article.select_one("section.chancery-factcheck")
    assert card is not None
    title = card.find(id=card["aria-labelledby"])
    assert isinstance(title, Tag) and title.name == "h2"
    assert _text(card.select_one("blockquote")) == "Visitors pay a 500-dollar entry fee"
    facts = _facts(card)
    assert _text(facts[claimant]) == "Anonymous accounts"
    assert _text(facts[appeared]) == "A viral video"
    badge = facts[rating].select_one(".chancery-rating")
    assert badge is not None and "chancery-rating--misleading" in badge["class"]
    assert _text(badge) == verdict
    evidence = article.select_one("section.chancery-evidence")
    assert evidence is not None and _text(evidence) == "The evidence."
    assert card.find_next_sibling("section") is evidence


@pytest.mark.parametrize(
    ("lang", "start", "end", "location"),
    [
        ("en", "Dec 5, 2026, 7:00:00 PM", "Dec 12, 2026, 10:00:00 PM", "Location"),
        ("ko", "2026. 12. 5. 오후 7:00:00", "2026. 12. 12. 오후 10:00:00", "장소"),
    ],
)
def test_event_shows_start_end_and_location(
    site: Path, lang: str, start: str, end: str, location: str
) -> None:
    facts = _facts(_article(site, lang, "events/festival"))
    times = [dd.find("time") for dd in facts.values()]
    assert [(t["datetime"], _text(t)) for t in times if isinstance(t, Tag)] == [
        ("2026-12-05T19:00:00-06:00", start),
        ("2026-12-12T22:00:00-06:00", end),
    ]
    assert _text(facts[location]) == "Cineteca Nacional"


@pytest.mark.parametrize(
    ("lang", "kind", "place", "languages", "services"),
    [
        (
            "en",
            "Consulate-General",
            "Paris, France",
            ["French", "English", "Korean"],
            ["Passports", "Emergency assistance"],
        ),
        (
            "ko",
            "총영사관",
            "프랑스 Paris",
            ["프랑스어", "영어", "한국어"],
            ["여권", "긴급 영사 조력"],
        ),
        (
            "ar",
            "قنصلية عامة",
            "Paris، فرنسا",
            ["الفرنسية", "الإنجليزية", "الكورية"],
            ["جوازات السفر", "المساعدة في حالات الطوارئ"],
        ),
    ],
)
def test_mission_contact_block(
    site: Path, lang: str, kind: str, place: str, languages: list[str], services: list[str]
) -> None:
    article = _article(site, lang, "missions/paris")
    assert _text(article.select_one(".chancery-kicker")) == kind
    # The city is in a span of its own language: read the text as a reader sees it.
    where = article.select_one(".chancery-place")
    assert where is not None
    assert " ".join(where.get_text().split()) == place
    contact = article.select_one("section.chancery-contact")
    assert contact is not None and contact.find(id=contact["aria-labelledby"]) is not None
    assert _text(contact.find("address")) == "12 avenue Hoche, 75008 Paris"
    links = [(a["href"], _text(a)) for a in contact.find_all("a")]
    assert links == [
        ("tel:+33153751200", "+33 1 53 75 12 00"),
        ("tel:+15550102030", "+1 (555) 010-2030"),
        ("mailto:paris@mofa.example", "paris@mofa.example"),
    ]
    lists = contact.select("ul.chancery-list")
    assert [_text(li) for li in lists[0].find_all("li")] == languages
    assert [_text(li) for li in lists[1].find_all("li")] == services


def test_arabic_pages_are_right_to_left(site: Path) -> None:
    soup = _soup(site, "ar", "travel-advice/france")
    assert soup.html is not None and soup.html["lang"] == "ar"
    assert soup.body is not None and soup.body["dir"] == "rtl"
    english = _soup(site, "en", "travel-advice/france")
    assert english.body is not None and english.body["dir"] == "ltr"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ko", "이 페이지는 아직 한국어로 제공되지 않아 원문(영어)으로 보여 드립니다."),
        ("ar", "هذه الصفحة غير متوفرة بعد باللغة العربية، لذا تُعرض بلغتها الأصلية: الإنجليزية."),
    ],
)
def test_fallback_page_shows_a_notice_and_marks_its_text_english(
    site: Path, lang: str, message: str
) -> None:
    article = _article(site, lang, "news/only-english")
    notice = article.select_one(".chancery-notice--missing")
    assert notice is not None and notice.get("lang") is None
    assert _text(notice) == message
    assert notice.find("a") is None
    heading = article.find("h1")
    assert isinstance(heading, Tag) and _text(heading) == "Only in English"
    assert (heading.get("lang"), heading.get("dir")) == ("en", "ltr")
    body = article.select_one(".chancery-body")
    assert body is not None and (body.get("lang"), body.get("dir")) == ("en", "ltr")
    # The interface strings stay in the reader's language, unmarked.
    meta = article.select_one(".chancery-meta")
    assert meta is not None and meta.get("lang") is None


def test_current_translation_has_no_notice_and_no_lang_marks(site: Path) -> None:
    article = _article(site, "ar", "news/changed")
    assert article.select(".chancery-notice") == []
    assert article.select("[lang]") == []


def test_stale_translation_links_to_the_changed_original(site: Path) -> None:
    article = _article(site, "ko", "news/changed")
    notice = article.select_one(".chancery-notice--stale")
    assert notice is not None
    assert _text(notice) == (
        "이 페이지의 원문(영어)이 2026년 5월 2일에 수정되었습니다. 이 번역에는 수정 내용이 "
        "아직 반영되지 않았을 수 있습니다. 원문 보기"
    )
    link = notice.find("a")
    assert isinstance(link, Tag)
    assert (link["href"], link["hreflang"]) == ("../../../news/changed/", "en")
    heading = article.find("h1")
    assert isinstance(heading, Tag) and heading.get("lang") is None


def _hostile_pages() -> dict[str, str]:
    fields: dict[str, dict[str, Any]] = {
        "statements/s.md": {
            "type": "statement",
            "kind": "statement",
            "speaker": HOSTILE,
            "place": HOSTILE,
            "date": PUBLISHED,
        },
        "consular/c.md": {
            "type": "consular-service",
            "service": "other",
            "fee": HOSTILE,
            "processing_time": HOSTILE,
        },
        "campaigns/c.md": {
            "type": "campaign",
            "hashtag": "#Open",
            "start": PUBLISHED,
            "partners": [HOSTILE],
        },
        "fact-checks/f.md": {
            "type": "fact-check",
            "date": PUBLISHED,
            "claim": HOSTILE,
            "claimant": HOSTILE,
            "appeared_in": HOSTILE,
            "rating": "false",
        },
        "events/e.md": {"type": "event", "start": PUBLISHED, "location": HOSTILE},
        "missions/m.md": {
            "type": "mission",
            "kind": "embassy",
            "country": "FR",
            "city": HOSTILE,
            "address": HOSTILE,
            "phone": HOSTILE,
            "emergency_phone": HOSTILE,
            "email": f'x" onmouseover="alert(1)"{HOSTILE}',
            "hours": HOSTILE,
        },
        "news/n.md": {"type": "news", "date": PUBLISHED},
        "travel-advice/t.md": {
            "type": "travel-advice",
            "country": "FR",
            "level": 4,
            "date": PUBLISHED,
        },
        "index.md": {},
    }
    return {f"en/{path}": page(HOSTILE, **values) for path, values in fields.items()}


def test_untrusted_front_matter_is_escaped(build_site: BuildSite) -> None:
    site = build_site(_hostile_pages(), languages=(("en", "foreign"),))
    pages = sorted(site.rglob("index.html"))
    assert len(pages) == 9
    for path in pages:
        article = BeautifulSoup(path.read_text("utf-8"), "lxml").select_one("article")
        assert article is not None, path
        assert article.select("img[onerror]") == [], path
        assert article.select("[onmouseover]") == [], path
        assert _text(article.find("h1")) == HOSTILE, path
    mission = BeautifulSoup((site / "missions/m/index.html").read_text("utf-8"), "lxml")
    assert _text(mission.find("address")) == HOSTILE
    assert HOSTILE in _text(mission.select_one(".chancery-place"))


def _template_keys() -> set[str]:
    """Every label key the layouts ask for, with computed keys expanded over their values."""
    literal = re.compile(r"""chancery\.t\(\s*["']([\w.-]+)["']\s*\)""")
    computed = re.compile(r"""chancery\.t\(\s*["']([\w.-]+)["']\s*~\s*(\w+)(?:\.(\w+))?\s*\)""")
    loop = re.compile(r"{%-?\s*for\s+(\w+)\s+in\s+content\.(\w+)\s*-?%}")
    keys: set[str] = set()
    for template in TEMPLATES.rglob("*.html"):
        source = template.read_text("utf-8")
        keys.update(literal.findall(source))
        loops = dict(loop.findall(source))
        for prefix, owner, field in computed.findall(source):
            model = models.MODELS[template.stem]
            name = field if owner == "content" else loops.get(owner, "")
            info = model.model_fields.get(name)
            assert info is not None, f"{template.name}: cannot expand '{prefix}' ~ {owner}"
            keys.update(f"{prefix}{value}" for value in _values(info.annotation))
    return keys


def _values(annotation: Any) -> set[str]:
    """The values a field can take: its literals (also inside tuples), or 1-4 for the level."""
    if annotation is int or get_args(annotation)[:1] == (int,):
        return {str(level) for level in range(1, 5)}
    found: set[str] = set()
    for arg in get_args(annotation):
        found.update({arg} if isinstance(arg, str) else _values(arg))
    return found


def test_every_label_the_layouts_use_exists_in_every_language() -> None:
    keys = _template_keys()
    assert {"travel.level.4", "rating.missing-context", "service.other"} <= keys
    assert "mission.kind.consulate-general" in keys and "statement.kind.press-release" in keys
    assert sorted(keys - set(STRINGS.keys)) == []
    for language in ("en", "ko", "fr", "es", "zh", "ar"):
        assert STRINGS.missing(language) == (), language


def test_layout_assets_need_no_third_party_host() -> None:
    assets = TEMPLATES.parent.parent / "assets"
    css = (assets / "chancery.css").read_text("utf-8")
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    assert urls and all(url.startswith("fonts/") for url in urls)
    for url in urls:
        assert (assets / url).is_file(), url
    assert re.search(r":lang\(ko\)\s*\{[^}]*word-break:\s*keep-all", css)
    fonts = sum(path.stat().st_size for path in (assets / "fonts").glob("*.woff2"))
    assert fonts < 170_000
    for template in TEMPLATES.rglob("*.html"):
        source = template.read_text("utf-8")
        assert "http://" not in source and "https://" not in source, template.name
        assert "style=" not in source, template.name
        # Scripts are our own files, or JSON data that never runs: no inline code (CSP).
        for attributes, code in re.findall(r"<script([^>]*)>(.*?)</script>", source, re.S):
            if "src=" in attributes:
                assert "'assets/chancery/" in attributes and not code.strip(), template.name
            else:
                assert 'type="application/json"' in attributes, template.name
