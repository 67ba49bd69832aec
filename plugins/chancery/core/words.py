"""Counting words in Markdown the way readers of each script count them."""

from __future__ import annotations

import re

# Chinese and Japanese are written without spaces: each ideograph or kana counts as a word,
# as translation agencies count them. Korean separates words with spaces, like Arabic and
# the Latin scripts, so its words are counted between spaces.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_CODE_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
# Apostrophes (straight and typographic) and hyphens join a word: "it's", "l'ambassade".
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


def count_words(markdown: str) -> int:
    """The number of words a reader sees in ``markdown``: link targets and markup excluded."""
    text = _CODE_BLOCK.sub(" ", markdown)
    text = _LINK_TARGET.sub("]", text)
    text = _HTML_TAG.sub(" ", text)
    ideographs = len(_CJK.findall(text))
    rest = _CJK.sub(" ", text)
    return ideographs + len(_WORD.findall(rest))
