"""Share cards: every page's link preview drawn in its own language and script, at build time.

The cards are checked as images: their size, that the title's text is what is drawn (a card
rendered again from the page's title is byte-identical, and another title gives another card),
that Arabic is shaped and runs right to left (measured on the ink), and that no character is
drawn as a missing-glyph box. Real builds check the head tags in several languages, the
fallback to the default image (an unsupported character, no libraqm), the cache (reused, and
byte-identical output cold, warm and off), the signed manifest and /favicon.ico.
"""

from __future__ import annotations

import dataclasses
import http.server
import io
import itertools
import logging
import re
import threading
import urllib.request
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html
from mkdocs.exceptions import Abort
from PIL import Image, ImageChops, ImageDraw, ImageFont

from chancery.core import cards
from chancery.core.cards import (
    CARD_SIZE,
    CardStyle,
    CardText,
    NoCard,
    choose_face,
    load_emblem,
    render_card,
    shipped_faces,
)
from chancery.mkdocs_plugins.seo import CARDS_FOLDER
from tests.conftest import REPO, build_in, of, page, site_config, site_files, write_tree

SITE = "https://ministry.example/"
DEMO = "https://mofa.haneul.example/"
LANGUAGES = (("en", "foreign"), ("ar", "foreign"), ("zh", "foreign"), ("ko", "domestic"))
SITE_NAMES = {
    "en": "Ministry of Tests",
    "ar": "وزارة الاختبارات",
    "zh": "测试部",
    "ko": "시험부",
}
NEWS = {"type": "news", "date": "2026-03-12T10:00:00+09:00"}
TITLES = {
    "en": "Climate partnership signed",
    "ar": "توقيع شراكة المناخ",
    "zh": "签署气候伙伴关系",
    "ko": "기후 협력 서명",
}
#: A hieroglyph (no shipped font has one) and an emoji.
UNSUPPORTED = "Visa desk \U00013000 opens \U0001f6c2"
EMBLEM = (REPO / "overrides/assets/images/emblem.svg").read_bytes()


def files() -> dict[str, str | bytes]:
    content: dict[str, str | bytes] = {}
    for code, title in TITLES.items():
        extra = {} if code == "en" else {"translation_of": of("en")}
        content[f"{code}/index.md"] = page(SITE_NAMES[code], **extra)
        content[f"{code}/news/climate.md"] = page(title, **NEWS, **extra)
    content["en/news/hieroglyph.md"] = page(UNSUPPORTED, **NEWS)
    content["en/assets/emblem.svg"] = EMBLEM
    return content


def project(root: Path, content: dict[str, str | bytes], **seo: Any) -> Path:
    """Write a four-language test site with chancery/seo; return its mkdocs.yml folder."""
    config = site_config(LANGUAGES, {"translation_gate": "warn"})
    plugins = config["plugins"]
    for language in plugins[0]["chancery/content"]["languages"]:
        language["site_name"] = SITE_NAMES[language["code"]]
    plugins.insert(plugins.index("search"), {"chancery/seo": seo})
    config["theme"]["favicon"] = "assets/emblem.svg"
    write_tree(root / "content", content)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    return root


def build(root: Path) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", "2026-11-22T12:00:00+00:00")
        return build_in(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(project(tmp_path_factory.mktemp("cards"), files()))


def head_meta(file: Path) -> dict[str, str]:
    tree = html.parse(str(file))
    values = {
        str(meta.get("property") or meta.get("name")): str(meta.get("content"))
        for meta in tree.xpath("//head/meta[@property or @name]")
    }
    return values


def card_of(site: Path, file: Path, base: str = SITE) -> tuple[Image.Image, bytes, str]:
    """The page's og:image: the image, its bytes and its site-relative path."""
    url = head_meta(file)["og:image"]
    assert url.startswith(base), url
    relative = url.removeprefix(base)
    data = (site / relative).read_bytes()
    return Image.open(io.BytesIO(data)), data, relative


def emblem() -> Image.Image:
    return load_emblem(EMBLEM, "emblem.svg", 192, "#ffffff")


def ink(image: Image.Image, top: int, bottom: int) -> list[int]:
    """The columns of ``image`` with any foreground pixel between rows ``top`` and ``bottom``."""
    band = image.convert("L").crop((0, top, image.width, bottom))
    background = band.getpixel((0, 0))
    columns = []
    for x in range(band.width):
        if any(band.getpixel((x, y)) != background for y in range(0, band.height, 2)):
            columns.append(x)
    return columns


# -- cards as images ------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(TITLES))
def test_each_language_gets_its_own_card_showing_its_title(site: Path, code: str) -> None:
    prefix = "" if code == "en" else f"{code}/"
    file = site / f"{prefix}news/climate/index.html"
    image, data, relative = card_of(site, file)
    meta = head_meta(file)
    assert image.size == CARD_SIZE == (1200, 630)
    assert image.format == "PNG"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == f"{TITLES[code]} · {SITE_NAMES[code]}"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:image:alt"] == meta["og:image:alt"]
    # In the language's own folder, named by a hash of what it shows, readable by a web server.
    assert re.fullmatch(rf"{prefix}assets/cards/[0-9a-f]{{20}}\.png", relative), relative
    assert (site / relative).stat().st_mode & 0o044 == 0o044
    # What is drawn is this page's title, name, type and date: drawn again from them, the card
    # is the same, byte for byte; with another title it is not.
    direction = "rtl" if code == "ar" else "ltr"
    label = {"en": "News", "ar": "خبر", "zh": "新闻", "ko": "뉴스"}[code]
    text = CardText(TITLES[code], SITE_NAMES[code], code, direction, label, _date(site, file))
    assert render_card(text, emblem(), CardStyle()) == data
    other = dataclasses.replace(text, title="Another title")
    assert render_card(other, emblem(), CardStyle()) != data


def _date(site: Path, file: Path) -> str:
    # The date as the page shows it, in its language (chancery.date in the layout).
    tree = html.parse(str(file))
    (shown,) = tree.xpath("//article//time[@datetime]/text()")[:1]
    return str(shown).strip()


def test_the_languages_cards_differ(site: Path) -> None:
    datas = {card_of(site, site / p / "news/climate/index.html")[1] for p in ("", "ar", "zh")}
    assert len(datas) == 3


def test_cards_carry_no_metadata_and_are_identical_when_drawn_again() -> None:
    text = CardText("Title", "Ministry", "en")
    data = render_card(text, emblem(), CardStyle())
    assert data == render_card(text, emblem(), CardStyle())
    chunks = _png_chunks(data)
    assert set(chunks) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}, chunks
    assert not ({b"tEXt", b"iTXt", b"zTXt", b"tIME", b"eXIf"} & set(chunks))


def test_a_cards_top_drawn_once_is_the_top_it_would_have_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The emblem and the ministry's name are drawn once per language and process: a card
    # drawn after others must be the card drawn alone, whatever differs between them.
    base = CardText("A statement on the water agreement", "Ministry", "en", label="News")
    varied = [
        base,
        dataclasses.replace(base, site_name="Embassy in Paris"),
        dataclasses.replace(base, site_name=""),
        dataclasses.replace(base, site_name="وزارة الخارجية", language="ar", direction="rtl"),
        dataclasses.replace(base, site_name="외교부", language="ko"),
    ]
    marks = [emblem(), None]
    styles = [CardStyle(), CardStyle(muted=0.5)]
    after_others = [
        render_card(text, mark, style)
        for text, mark, style in itertools.product(varied, marks, styles)
    ]
    alone = []
    for text, mark, style in itertools.product(varied, marks, styles):
        monkeypatch.setattr(cards, "_HEADINGS", {})
        alone.append(render_card(text, mark, style))
    assert after_others == alone
    assert len(set(alone)) == len(alone)  # Each top differs: a key that left one out fails.


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, at = [], 8
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        chunks.append(data[at + 4 : at + 8])
        at += 12 + length
    return chunks


def test_arabic_is_shaped_and_laid_out_right_to_left() -> None:
    style = CardStyle()
    if not cards.raqm_available():
        # Without libraqm, Arabic would be drawn unjoined and reversed: no card at all.
        with pytest.raises(NoCard, match="complex layout"):
            render_card(CardText("سلام", "", "ar", "rtl"), None, style)
        return
    band = (cards._TITLE_TOP, cards._TITLE_TOP + 90)

    def title_ink(title: str, language: str = "ar", direction: str = "rtl") -> list[int]:
        card = render_card(CardText(title, "", language, direction), None, style)  # type: ignore[arg-type]
        return ink(Image.open(io.BytesIO(card)), *band)

    # Shaped: the joined word differs from the same letters kept apart by zero-width
    # non-joiners (their isolated forms); the same non-joiners change nothing in Latin.
    word = "سلامتك"
    apart = "\u200c".join(word)
    assert title_ink(word) != title_ink(apart)
    assert title_ink("minimum", "en", "ltr") == title_ink("\u200c".join("minimum"), "en", "ltr")
    # Right to left: a short word then a long one; the gap between them lies nearer the right
    # end of the ink (read first), and nearer the left end once the words swap.
    for title, nearer_right in (("و " + word * 3, True), (word * 3 + " و", False)):
        columns = title_ink(title)
        gaps = [(b - a, a, b) for a, b in itertools.pairwise(columns) if b - a > 1]
        _, start, end = max(gaps)
        middle = (start + end) / 2
        assert ((columns[-1] - middle) < (middle - columns[0])) == nearer_right, title
        # And the line ends at the right margin, as right-to-left text does.
        assert columns[-1] > CARD_SIZE[0] - cards._MARGIN - 10


def test_an_unsupported_character_gives_no_card() -> None:
    with pytest.raises(NoCard, match=r"U\+13000 \(EGYPTIAN HIEROGLYPH A001\)"):
        render_card(CardText(UNSUPPORTED, "Ministry", "en"), None, CardStyle())
    # The whole card's text counts: a name that no font draws is no better.
    with pytest.raises(NoCard, match=r"U\+1F6C2"):
        render_card(CardText("Title", "Ministry \U0001f6c2", "en"), None, CardStyle())
    # Text in two scripts that no single shipped face has together (Hangul and Arabic).
    with pytest.raises(NoCard, match="no single shipped font"):
        render_card(CardText("하늘 سلام", "", "ko"), None, CardStyle())


def _notdef(face: cards.Face) -> bytes:
    font = ImageFont.truetype(str(face.path), 40)
    return bytes(font.getmask("\ue000"))  # private use: in no shipped face


@pytest.mark.parametrize("face", shipped_faces(), ids=lambda face: face.path.stem)
def test_the_missing_glyph_box_is_what_the_check_would_catch(face: cards.Face) -> None:
    # The no-tofu check below compares glyphs with this face's missing-glyph drawing; it must
    # be a visible box (not blank), or the check would prove nothing.
    assert 0xE000 not in face.characters
    assert any(_notdef(face))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            # Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, CJK, Hangul; a
            # hieroglyph, an emoji, Tamil and Georgian (no shipped font has them).
            "Haneul visa é ł ğ Ж ж ω "
            "\u0627\u0628\u062a\u0633\u0644\u0645\u0646\u0647\u0648\u064a "
            "\u05d0\u05d1\u05e9 \u0939\u0928\u0941\u0932 \u0e01\u0e02\u0e32 "
            "外交部 签署 學 ひらがな カタ 하늘 \U00013000\U0001f6c2\u0b95\u10d0"
        ),
        min_size=1,
        max_size=24,
    ),
    st.sampled_from(["en", "ar", "zh", "zh-Hant", "ja", "ko", "hi", "th", "he", "ru"]),
)
def test_a_card_never_draws_a_missing_glyph(title: str, language: str) -> None:
    """For any title: either no card, or every character drawn is a real glyph of its face."""
    try:
        face = choose_face(title, language)
    except NoCard:
        with pytest.raises(NoCard):
            render_card(CardText(title, "", language), None, CardStyle())
        return
    font = ImageFont.truetype(str(face.path), 40)
    box = _notdef(face)
    for char in set(title):
        if char.isspace():
            continue
        assert bytes(font.getmask(char)) != box, (hex(ord(char)), face.path.name)


def test_demo_titles_have_cards_in_every_language(demo_site: Path) -> None:
    # Every page of the demo, in all six languages, gets a card of its own (no page falls
    # back): the shipped subsets cover the demo's titles.
    count = 0
    for file in sorted(demo_site.rglob("index.html")):
        relative = file.relative_to(demo_site).as_posix()
        if "light/" in relative:
            continue
        meta = head_meta(file)
        if "og:image" not in meta:
            continue
        image, _, card = card_of(demo_site, file, DEMO)
        assert "/assets/cards/" in f"/{card}", relative
        assert image.size == CARD_SIZE, relative
        assert meta["og:image:alt"].startswith(meta["og:title"]) or (
            meta["og:image:alt"] == meta["og:site_name"]
        ), relative
        count += 1
    assert count > 300
    # Listed in the signed manifest like every other file.
    manifest = (demo_site / ".well-known/chancery/manifest.json").read_text("utf-8")
    assert '"ar/assets/cards/' in manifest and '"assets/cards/' in manifest


# -- builds: fallbacks, cache, favicon ------------------------------------------------------


def test_an_unsupported_title_keeps_the_default_image_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.chancery.mkdocs_plugins.seo"):
        site = build(project(tmp_path, files()))
    meta = head_meta(site / "news/hieroglyph/index.html")
    assert meta["og:image"] == f"{SITE}assets/chancery/share.png"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == SITE_NAMES["en"]
    assert (
        "Share card: en/news/hieroglyph.md: no shipped font has U+13000 (EGYPTIAN HIEROGLYPH "
        "A001); the page keeps the default image"
    ) in caplog.text


def test_without_libraqm_scripts_that_need_it_keep_the_default_image(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a system where Pillow's bundled libraqm cannot load FriBiDi.
    monkeypatch.setattr(cards, "raqm_available", lambda: False)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.chancery.mkdocs_plugins.seo"):
        site = build(project(tmp_path, files(), share_cards_cache=""))
    assert head_meta(site / "ar/news/climate/index.html")["og:image"].endswith("/share.png")
    assert "Share card: ar/news/climate.md: its text needs complex layout" in caplog.text
    for prefix in ("", "zh/", "ko/"):
        image, _, _ = card_of(site, site / f"{prefix}news/climate/index.html")
        assert image.size == CARD_SIZE, prefix


def test_the_cache_is_used_and_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path / "cached", files())
    with caplog.at_level(logging.INFO):
        first = site_files(build(root))
    drawn = re.findall(r"Share cards: (\d+) drawn, (\d+) reused", caplog.text)
    assert drawn and sum(int(d) for d, _ in drawn) > 0
    cache = root / ".cache/chancery/cards"
    cached = sorted(path.name for path in cache.glob("*.png"))
    assert cached
    caplog.clear()
    with caplog.at_level(logging.INFO):
        warm = build(root)
        second = site_files(warm)
    # A kept card is linked into the site, not written again (core/cache_folder.py).
    published = sorted(warm.rglob(f"{CARDS_FOLDER}/*.png"))
    assert published and all(
        path.stat().st_ino == (cache / path.name).stat().st_ino for path in published
    )
    # Warm: nothing drawn again, and the same bytes.
    assert {d for d, _ in re.findall(r"Share cards: (\d+) drawn, (\d+) reused", caplog.text)} == {
        "0"
    }
    assert second == first
    # A build over a site folder left in place finds its cards there and keeps them in use.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mkdocs.utils, "clean_directory", lambda directory: None)
        assert site_files(build(root)) == first
    assert sorted(path.name for path in cache.glob("*.png")) == cached
    # Off: the same site still.
    off = project(tmp_path / "off", files(), share_cards_cache="")
    assert site_files(build(off)) == first
    assert not (off / ".cache/chancery/cards").exists()
    # A card no build uses any more leaves the cache after the next whole build.
    changed = files()
    changed["en/news/climate.md"] = page("A new title", **NEWS)
    build(project(root, changed))
    assert len(set(path.name for path in cache.glob("*.png")) - set(cached)) == 1
    assert len(set(cached) - set(path.name for path in cache.glob("*.png"))) == 1


def test_cards_can_be_turned_off(tmp_path: Path) -> None:
    site = build(project(tmp_path, files(), share_cards=False))
    assert head_meta(site / "ar/news/climate/index.html")["og:image"].endswith("/share.png")
    assert not list(site.rglob("assets/cards/*"))


def test_a_missing_emblem_setting_fails_the_build_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project(tmp_path, files(), share_card_emblem="assets/nope.svg"))
    assert (
        "mkdocs.yml: plugins: chancery/seo: share_card_emblem: 'assets/nope.svg' is in neither "
        "the overrides folder nor the root language's content folder"
    ) in caplog.text


@pytest.fixture
def served(demo_site: Path) -> Iterator[str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_favicon_ico_is_served_at_the_root(demo_site: Path, served: str) -> None:
    with urllib.request.urlopen(served + "favicon.ico", timeout=10) as response:
        assert response.status == 200
        data = response.read()
    icon = Image.open(io.BytesIO(data))
    assert icon.format == "ICO"
    assert icon.info["sizes"] == {(16, 16), (32, 32)}
    # Drawn from the emblem: not blank.
    icon.size = (32, 32)
    assert icon.convert("RGBA").getchannel("A").getbbox() is not None
    assert data == (demo_site / "favicon.ico").read_bytes()
    # A card is served as it was built.
    _, card, relative = card_of(demo_site, demo_site / "ar/index.html", DEMO)
    with urllib.request.urlopen(served + relative, timeout=10) as response:
        assert response.read() == card


def test_a_sites_own_favicon_ico_is_kept(tmp_path: Path) -> None:
    content = files()
    own = io.BytesIO()
    Image.new("RGBA", (16, 16), "red").save(own, "ICO")
    content["en/favicon.ico"] = own.getvalue()
    content["en/index.md"] = page(SITE_NAMES["en"], "![icon](favicon.ico)")
    site = build(project(tmp_path, content))
    assert (site / "favicon.ico").read_bytes() == own.getvalue()


def test_cards_differ_by_picture_not_only_by_bytes() -> None:
    # "Shows the title": the pixels of the title's box change with the title.
    style = CardStyle()
    one = Image.open(io.BytesIO(render_card(CardText("Visa", "M", "en"), None, style)))
    two = Image.open(io.BytesIO(render_card(CardText("Visas", "M", "en"), None, style)))
    box = (0, cards._TITLE_TOP, CARD_SIZE[0], cards._TITLE_BOTTOM)
    assert ImageChops.difference(one.convert("L"), two.convert("L")).crop(box).getbbox()
    top = (0, 0, CARD_SIZE[0], cards._TITLE_TOP - 10)
    assert ImageChops.difference(one.convert("L"), two.convert("L")).crop(top).getbbox() is None


def test_an_emblem_without_transparency_is_drawn_by_its_dark_parts() -> None:
    # A JPEG emblem, wider than high: a black disc on white. The card shows the disc, not a
    # white rectangle.
    photo = Image.new("RGB", (260, 200), "white")
    ImageDraw.Draw(photo).ellipse((80, 50, 180, 150), fill="black")
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG")
    mark = load_emblem(buffer.getvalue(), "emblem.jpg", 192, "#ffffff")
    card = Image.open(io.BytesIO(render_card(CardText("T", "", "en"), mark, CardStyle())))
    levels = card.convert("L")
    margin, size = cards._MARGIN, cards._EMBLEM
    corner = levels.getpixel((margin + 3, margin + 3))
    centre = levels.getpixel((margin + size // 2, margin + size // 2))
    assert corner == levels.getpixel((5, 5))  # the background: the white corner is not drawn
    assert centre > corner  # the disc is, in the light foreground colour
