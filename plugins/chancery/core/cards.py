"""Share cards: the image a link preview shows, drawn at build time in the page's own script.

A card is a 1200 x 630 PNG with the ministry's emblem and name, the page's title, and its content
type and date, all in the language of the page's text: Arabic shaped and right to left, CJK,
Devanagari, Thai. Text is laid out by Pillow with libraqm (HarfBuzz shaping, FriBiDi
reordering); the fonts ship with the package (``chancery/fonts``, see faces.json and
scripts/build-card-fonts). Each line of text is drawn in one face, the first that has every one
of its characters.

A card is never wrong: when a text needs a character that no shipped face has, or needs complex
layout (right-to-left, marks) and this Pillow cannot load libraqm's FriBiDi, there is no card
(:class:`NoCard`, with the reason) and the page keeps the language-neutral image.

Cards are pure functions of their inputs: the same text, language, fonts, emblem, colours,
template version and library versions give the same bytes (no PNG metadata is written). A
folder of cards named by a hash of those inputs (:class:`CardCache`) spares a build the
drawing of every card an earlier build drew.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from chancery.core.cache_folder import place, prune, write_atomically

#: Pixel size of a card: Open Graph's and X's large image.
CARD_SIZE = (1200, 630)
#: Bump when the drawing changes (cache keys also hash this module's source).
TEMPLATE_VERSION = "1"
FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"

Direction = Literal["ltr", "rtl"]

# The layout, in pixels: margins, the emblem, the text sizes to try for the title (largest
# first) and the most lines it may take.
_MARGIN = 72
_EMBLEM = 96
_NAME_SIZE = 34
_FOOT_SIZE = 30
_TITLE_SIZES = (68, 60, 52, 46, 40)
_TITLE_LINES = 4
_TITLE_TOP = 220
_TITLE_BOTTOM = 520
_LINE_HEIGHT = 1.28
#: Levels of antialiasing between the background and the foreground colour.
_LEVELS = 16
_ELLIPSIS = "\u2026"  # … where a title is cut

# Characters that begin a line only badly (closing punctuation) in CJK text.
_NO_LINE_START = frozenset(
    "\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f\u3011\u3015"
    "\u3009\u300b\u3017\u3019\u301b\u201d\u2019,.:;?!)]}\u30fc\u3005\u303b\u3041\u3043"
    "\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3"
    "\u30e3\u30e5\u30e7\u30ee"
)


class NoCard(Exception):
    """A card cannot be drawn honestly for this text; the reason says why."""


@dataclass(frozen=True)
class CardText:
    """Everything a card shows, in one language."""

    #: The page's title.
    title: str
    #: The ministry's name in the same language.
    site_name: str
    #: BCP 47 tag of the text's language.
    language: str
    direction: Direction = "ltr"
    #: The content type's name ("News", "Déclaration"), or "".
    label: str = ""
    #: The page's date, written out in the language, or "".
    date: str = ""


@dataclass(frozen=True)
class CardStyle:
    """The colours of a card: two, as '#rrggbb', and the strength of the secondary text.

    Everything is drawn in the foreground colour over the background (the emblem as a
    silhouette), so a card is one grey-level image written with a palette of 16 levels from
    one colour to the other (a 4-bit PNG): about 16 KB, and quick to write.
    """

    background: str = "#303f9f"
    foreground: str = "#ffffff"
    #: The secondary text (the ministry's name, type and date): this share of the foreground.
    muted: float = 0.86

    def palette(self) -> list[int]:
        """The RGB entries of the card's levels, from the background to the foreground."""
        low, high = _rgb(self.background), _rgb(self.foreground)
        top = _LEVELS - 1
        return [
            round(a + (b - a) * level / top)
            for level in range(_LEVELS)
            for a, b in zip(low, high, strict=True)
        ]


@dataclass(frozen=True)
class Face:
    """One shipped font file and the languages it is tried first for."""

    path: Path
    languages: frozenset[str]

    @functools.cached_property
    def characters(self) -> frozenset[int]:
        """The code points the face has a glyph for."""
        return frozenset(_cmap(self.path))


def raqm_available() -> bool:
    """Whether Pillow can lay out complex text: libraqm, with the FriBiDi it loads at run time."""
    return bool(features.check("raqm")) and bool(features.check("fribidi"))


@functools.cache
def shipped_faces() -> tuple[Face, ...]:
    """The faces listed in ``fonts/faces.json``, in their order."""
    data = json.loads((FONTS_DIR / "faces.json").read_text("utf-8"))
    return tuple(
        Face(FONTS_DIR / entry["file"], frozenset(entry["languages"])) for entry in data["faces"]
    )


def needs_complex_layout(text: str) -> bool:
    """Whether ``text`` needs shaping or reordering: right-to-left letters, or combining marks.

    Basic layout draws characters one by one, left to right: right for Latin, CJK, Cyrillic and
    Greek once composed (NFC), wrong for Arabic (unjoined, reversed), Hebrew (reversed),
    Devanagari and Thai (marks misplaced).
    """
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.bidirectional(char) in ("R", "AL", "AN", "RLE", "RLO", "RLI"):
            return True
        if unicodedata.category(char) in ("Mn", "Mc", "Me"):
            return True
    return False


def choose_face(text: str, language: str, faces: tuple[Face, ...] | None = None) -> Face:
    """The face to draw ``text`` in: the language's own faces first, then any that has it all.

    Raises :class:`NoCard` naming the first character that no face has.
    """
    faces = shipped_faces() if faces is None else faces
    needed = _needed(text)
    keys = _language_keys(language)
    ordered = sorted(faces, key=lambda face: 0 if face.languages & keys else 1)
    for face in ordered:
        if needed <= face.characters:
            return face
    covered = frozenset().union(*(face.characters for face in faces))
    missing = sorted(needed - covered) or sorted(needed)
    char = chr(missing[0])
    if needed - covered:
        name = unicodedata.name(char, "unnamed")
        raise NoCard(f"no shipped font has U+{missing[0]:04X} ({name})")
    raise NoCard("no single shipped font has all of its characters")


def render_card(text: CardText, emblem: Image.Image | None, style: CardStyle) -> bytes:
    """The card's PNG bytes. Raises :class:`NoCard` when it cannot be drawn honestly."""
    if not text.title.strip():
        raise NoCard("the title is empty")
    parts = [text.title, text.site_name, text.label, text.date]
    if not raqm_available() and any(needs_complex_layout(part) for part in parts):
        raise NoCard(
            "its text needs complex layout (shaping, right to left), and this Pillow cannot "
            "load libraqm with FriBiDi (install the system's libfribidi0)"
        )
    # Each text is drawn in one face; choosing them first fails early, before any drawing.
    faces = {part: choose_face(part, text.language) for part in parts if part}
    width, height = CARD_SIZE
    image = _heading(text, emblem, faces.get(text.site_name), style).copy()
    draw = ImageDraw.Draw(image)
    ink, muted = 255, round(255 * style.muted)
    inner = width - 2 * _MARGIN

    # The title, as large as fits in its box.
    face = faces[text.title]
    for size in _TITLE_SIZES:
        fits, lines = _fit_lines(text.title, face, text, size, inner, _TITLE_LINES, ellipsis=False)
        if fits and len(lines) * size * _LINE_HEIGHT <= _TITLE_BOTTOM - _TITLE_TOP:
            break
    else:
        size = _TITLE_SIZES[-1]
        lines = _fit_lines(text.title, face, text, size, inner, _TITLE_LINES, ellipsis=True)[1]
    _draw_lines(draw, lines, face, text, size, ink, _TITLE_TOP, _MARGIN)

    # The type and the date, at the bottom.
    foot = " \u2014 ".join(part for part in (text.label, text.date) if part)
    if foot:
        face = choose_face(foot, text.language)
        lines = _fit_lines(foot, face, text, _FOOT_SIZE, inner, 1, ellipsis=True)[1]
        top = height - _MARGIN - _FOOT_SIZE * _LINE_HEIGHT
        _draw_lines(draw, lines, face, text, _FOOT_SIZE, muted, top, _MARGIN)
    top = _LEVELS - 1
    card = image.point(lambda value: (value * top + 127) // 255)
    card.putpalette(style.palette())
    buffer = io.BytesIO()
    # Run-length deflate: a card is long runs of a few levels, so it packs nearly as tight
    # as the default strategy (about 15% larger) in less than half the time.
    card.save(buffer, "PNG", optimize=False, compress_level=6, compress_type=zlib.Z_RLE, bits=4)
    return buffer.getvalue()


#: The top of a card (the emblem and the ministry's name) is the same on every card of a
#: language: drawn once per process. Keyed by the emblem's identity (the emblem is held, so
#: its id cannot pass to another image) and the texts and colour that shape the drawing.
_HEADINGS: dict[tuple[int, str, str, str, str, float], tuple[Image.Image | None, Image.Image]] = {}
#: Headings kept at most (a site has one per language and emblem).
_MOST_HEADINGS = 64


def _heading(
    text: CardText, emblem: Image.Image | None, face: Face | None, style: CardStyle
) -> Image.Image:
    """A blank card with the emblem and the ministry's name, from the reading side."""
    key = (id(emblem), text.site_name, text.language, text.direction, str(face), style.muted)
    found = _HEADINGS.get(key)
    if found is not None and found[0] is emblem:
        return found[1]
    width = CARD_SIZE[0]
    image = Image.new("L", CARD_SIZE, 0)
    name_start = _MARGIN
    if emblem is not None:
        mark = _silhouette(emblem.resize((_EMBLEM, _EMBLEM), Image.Resampling.LANCZOS))
        x = width - _MARGIN - _EMBLEM if text.direction == "rtl" else _MARGIN
        image.paste(255, (x, _MARGIN, x + _EMBLEM, _MARGIN + _EMBLEM), mark)
        name_start = _MARGIN + _EMBLEM + 28
    if text.site_name and face is not None:
        name_width = width - _MARGIN - name_start
        lines = _fit_lines(text.site_name, face, text, _NAME_SIZE, name_width, 2, ellipsis=True)[1]
        top = _MARGIN + _EMBLEM / 2 - len(lines) * _NAME_SIZE * _LINE_HEIGHT / 2
        muted = round(255 * style.muted)
        _draw_lines(ImageDraw.Draw(image), lines, face, text, _NAME_SIZE, muted, top, name_start)
    if len(_HEADINGS) >= _MOST_HEADINGS:
        _HEADINGS.clear()
    _HEADINGS[key] = (emblem, image)
    return image


def load_emblem(data: bytes, name: str, size: int, colour: str) -> Image.Image:
    """The emblem as an RGBA image of ``size`` pixels square, from SVG or a raster image.

    An SVG's ``currentColor`` is drawn in ``colour`` (white on a card, the brand colour in a
    favicon). Raises ValueError for data that is not an image.
    """
    if name.lower().endswith((".svg", ".svgz")):
        import resvg_py

        png = resvg_py.svg_to_bytes(
            svg_string=data.decode("utf-8"),
            width=size,
            height=size,
            skip_system_fonts=True,
            style_sheet=f"svg {{ color: {colour} }}",
        )
        data = bytes(png)
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opaque = "A" not in opened.getbands() and "transparency" not in opened.info
            image = opened.convert("RGBA")
    except (OSError, Image.DecompressionBombError) as error:
        raise ValueError(f"not an image Pillow reads ({error})") from error
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    # An image without transparency stays opaque, on white (see _silhouette).
    square = Image.new("RGBA", (size, size), (255, 255, 255, 255 if opaque else 0))
    square.paste(image, ((size - image.width) // 2, (size - image.height) // 2))
    return square


def favicon_ico(emblem: Image.Image) -> bytes:
    """An ICO of the emblem at 16 and 32 pixels, for clients that ask for /favicon.ico."""
    buffer = io.BytesIO()
    emblem.save(buffer, "ICO", sizes=[(16, 16), (32, 32)])
    return buffer.getvalue()


@functools.cache
def software_versions() -> dict[str, str | None]:
    """The versions that shape a card's pixels: Pillow, FreeType, raqm, HarfBuzz, FriBiDi."""
    return {
        "pillow": metadata.version("pillow"),
        "freetype": features.version("freetype2"),
        "raqm": features.version("raqm") if raqm_available() else None,
        "harfbuzz": features.version("harfbuzz") if raqm_available() else None,
        "fribidi": features.version("fribidi") if raqm_available() else None,
    }


@functools.cache
def _drawing_digest() -> str:
    # This module draws the cards: an edit of it may change them, whatever TEMPLATE_VERSION says.
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@functools.cache
def fonts_digest() -> str:
    """A hash of every shipped face and their list: a new font is a new card."""
    digest = hashlib.sha256((FONTS_DIR / "faces.json").read_bytes())
    for face in shipped_faces():
        digest.update(face.path.read_bytes())
    return digest.hexdigest()


def card_key(text: CardText, emblem_digest: str, style: CardStyle) -> str:
    """The hash of everything that shapes a card: its name in the cache and in the site."""
    inputs = {
        "template": [TEMPLATE_VERSION, _drawing_digest()],
        "text": [text.title, text.site_name, text.label, text.date],
        "language": text.language,
        "direction": text.direction,
        "fonts": fonts_digest(),
        "emblem": emblem_digest,
        "style": [style.background, style.foreground, style.muted],
        "software": software_versions(),
    }
    encoded = json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:20]


class CardCache:
    """Cards kept between builds in a folder, one file per key, written atomically.

    Parallel language builds share the folder: a card is written to a temporary file and
    renamed into place, so a reader never sees half of one. A kept card goes into the site as
    a link to its entry (cache_folder.place). Each use touches the file, so that after a whole
    build :meth:`prune` removes the cards it did not use.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def place(self, key: str, target: Path) -> bool:
        """Put the kept card ``key`` at ``target``; False if there is none.

        A card already at ``target`` (another page's of this build, or a dirty build's site)
        counts as placed, and keeps its entry in use.
        """
        path = self.folder / f"{key}.png"
        if not (target.is_file() or place(path, target)):
            return False
        with contextlib.suppress(OSError):
            os.utime(path)
        return True

    def put(self, key: str, data: bytes) -> None:
        """Keep a card for later builds."""
        write_atomically(self.folder / f"{key}.png", data)

    def prune(self, older_than: float) -> int:
        """Remove the cards no build has used since ``older_than``; how many."""
        return prune(self.folder, "*.png", older_than)


# -- layout ----------------------------------------------------------------------------------


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if raqm_available() else ImageFont.Layout.BASIC
    return _loaded_font(path, size, engine)


@functools.cache
def _loaded_font(path: Path, size: int, engine: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=engine)


def _options(direction: str, language: str) -> dict[str, str]:
    # Direction and language go to raqm (and through it HarfBuzz's `locl`); basic layout takes
    # neither, and is used only for text that needs neither (see render_card).
    if not raqm_available():
        return {}
    return {"direction": direction, "language": language}


def _length(line: str, face: Face, text: CardText, size: int) -> float:
    return _measured(line, face.path, size, text.direction, text.language)


# Fitting a title measures each growing line again at every size tried, and every card of a
# site measures the same site name and labels: the shaped widths are kept.
@functools.lru_cache(maxsize=1 << 16)
def _measured(line: str, path: Path, size: int, direction: str, language: str) -> float:
    options = _options(direction, language)
    return _font(path, size).getlength(line, **options)  # type: ignore[arg-type]


def _fit_lines(
    value: str, face: Face, text: CardText, size: int, width: int, most: int, *, ellipsis: bool
) -> tuple[bool, list[str]]:
    """``value`` broken into lines of at most ``width`` pixels: (whether all fit, the lines).

    Lines break at spaces, and between CJK characters (not before closing punctuation). With
    ``ellipsis``, what does not fit in ``most`` lines is cut, and the last line ends in '…'.
    """
    lines: list[str] = []
    current = ""
    for token in _tokens(value):
        candidate = (current + token) if current else token.lstrip()
        if not current or _length(candidate.rstrip(), face, text, size) <= width:
            current = candidate
            if _length(current.rstrip(), face, text, size) > width:
                # One word wider than the line: break it between characters.
                head, current = _split_long(current, face, text, size, width)
                lines.extend(head)
            continue
        lines.append(current.rstrip())
        current = token.lstrip()
        if _length(current.rstrip(), face, text, size) > width:
            head, current = _split_long(current, face, text, size, width)
            lines.extend(head)
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) <= most:
        return True, lines
    if not ellipsis:
        return False, lines
    kept = lines[:most]
    last = kept[-1]
    while last and _length(last + _ELLIPSIS, face, text, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + _ELLIPSIS
    return False, kept


def _split_long(
    word: str, face: Face, text: CardText, size: int, width: int
) -> tuple[list[str], str]:
    lines: list[str] = []
    current = ""
    for cluster in _clusters(word):
        if current and _length(current + cluster, face, text, size) > width:
            lines.append(current)
            current = cluster
        else:
            current += cluster
    return lines, current


def _tokens(value: str) -> Iterator[str]:
    """Pieces between break opportunities; each keeps the spaces after it."""
    value = " ".join(unicodedata.normalize("NFC", value).split())
    token = ""
    previous = ""
    for char in value:
        breaks = bool(token) and (
            (previous == " " and char != " ")
            or ((_is_cjk(char) or _is_cjk(previous)) and char not in _NO_LINE_START)
        )
        if breaks:
            yield token
            token = ""
        token += char
        previous = char
    if token:
        yield token


def _clusters(word: str) -> Iterator[str]:
    """A word's characters, each with the marks that follow it."""
    cluster = ""
    for char in word:
        if (
            cluster
            and not unicodedata.category(char).startswith("M")
            and char not in "\u200c\u200d"
        ):
            yield cluster
            cluster = ""
        cluster += char
    if cluster:
        yield cluster


def _is_cjk(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, punctuation, kana, CJK ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFF60
        or 0x20000 <= code <= 0x3FFFF
    ) and not (0x3130 <= code <= 0x318F)  # Hangul compatibility jamo: Korean breaks at spaces


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    lines: list[str],
    face: Face,
    text: CardText,
    size: int,
    fill: int,
    top: float,
    start: int,
) -> None:
    """Draw ``lines`` from ``top``, ``start`` pixels in from the reading side's edge."""
    step = size * _LINE_HEIGHT
    font = _font(face.path, size)
    rtl = text.direction == "rtl"
    # An RTL line ends at the right edge: `start` is mirrored across the card.
    x = CARD_SIZE[0] - start if rtl else start
    for index, line in enumerate(lines):
        draw.text(
            (x, top + step * index + step / 2),
            line,
            font=font,
            fill=fill,
            anchor="rm" if rtl else "lm",
            **_options(text.direction, text.language),  # type: ignore[arg-type]
        )


def _silhouette(emblem: Image.Image) -> Image.Image:
    """Where the emblem is drawn: its opaque parts; without transparency (a JPEG), its dark ones."""
    alpha = emblem.getchannel("A")
    if alpha.getextrema() == (255, 255):
        return ImageOps.invert(emblem.convert("L"))
    return alpha


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.removeprefix("#")
    if len(value) != 6:
        raise ValueError(f"'{colour}' is not a colour written #rrggbb")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _needed(text: str) -> frozenset[int]:
    """The code points a face must have to draw ``text``: all but spaces and invisible marks."""
    needed = set()
    for char in unicodedata.normalize("NFC", text):
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        needed.add(ord(char))
    return frozenset(needed)


def _cmap(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return set(font.getBestCmap())


@functools.cache
def _language_keys(language: str) -> frozenset[str]:
    """The tags a face's list may name for ``language``: 'zh-TW' -> {zh-TW, zh-Hant, zh}."""
    keys = {language, language.split("-")[0]}
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return frozenset(keys)
    script = locale.script
    if script is None:
        likely = get_global("likely_subtags").get(str(locale)) or get_global("likely_subtags").get(
            locale.language
        )
        if likely:
            script = Locale.parse(likely).script
    if script:
        keys.add(f"{locale.language}-{script}")
    return frozenset(keys)
