"""Counting words in Markdown the way readers of each script count them.

- Chinese and Japanese are written without spaces: each ideograph or kana counts as a word, as
  translation agencies count them.
- Korean separates words (eojeol) with spaces, like Arabic and the Latin scripts, so its words
  are counted between spaces: "외교부는" is one word.
- Combining marks belong to the letter they sit on: Arabic vowel signs (ـً ـّ), Hebrew points,
  Indic vowel signs and decomposed accents never split a word, and neither do the zero-width
  joiners of Persian.
- A number written with separators ("2,300", "9:30"), an e-mail address and a URL are one word
  each, as a reader sees them.

Counts are native to each script, so they are not comparable across languages as they stand:
``chancery.core.metrics`` compares languages through densities measured on translations.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Han ideographs (with the extensions and compatibility blocks), hiragana and katakana, less
# the katakana middle dot and double hyphen, which are punctuation.
_CJK = re.compile(
    "["
    "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U0002f800-\U0002fa1f\U00030000-\U000323af"
    "]"
)
_CODE_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_HTML_TAG = re.compile(r"<[^>]+>")
# An autolink (<https://...>, <name@example.org>) shows its address: one word.
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>|<[^>\s@]+@[^>\s]+>")
# URLs and e-mail addresses read as one word each; they become a placeholder word.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Apostrophes (straight and typographic) and hyphens join a word: "it's", "l'ambassade";
# '.', ',' and ':' join the digits of a number: "2,300", "1.5", "9:30".
_WORD = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:['\u2019-]\w+)*")


@cache
def _marks() -> frozenset[str]:
    """Every combining mark (Unicode category M) and the zero-width joiners; built once."""
    # Marks live in planes 0 and 1 and among plane 14's variation selectors (Unicode 15).
    codes = (*range(0x20000), *range(0xE0000, 0xE1000))
    marks = (chr(code) for code in codes if unicodedata.category(chr(code)).startswith("M"))
    return frozenset(marks) | frozenset("\u200c\u200d")


def _strip_marks(text: str) -> str:
    # A regex class of all 300-odd mark ranges is slow on every character; the few marks a
    # text really holds make a small one (three times faster than str.translate as well).
    present = _marks().intersection(set(text))
    if not present:
        return text
    return re.sub("[" + "".join(re.escape(char) for char in sorted(present)) + "]", "", text)


def count_words(markdown: str) -> int:
    """The number of words a reader sees in ``markdown``: link targets and markup excluded."""
    text = _CODE_BLOCK.sub(" ", markdown)
    text = _REFERENCE_DEFINITION.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    text = _AUTOLINK.sub(" address ", text)
    text = _HTML_TAG.sub(" ", text)
    # The address pattern backtracks through every word; most texts hold no address at all.
    if "@" in text or "://" in text or "www." in text:
        text = _ADDRESS.sub(" address ", text)
    if not text.isascii():
        text = _strip_marks(text)
    ideographs = len(_CJK.findall(text))
    rest = _CJK.sub(" ", text)
    return ideographs + len(_WORD.findall(rest))
