"""Cleaning of text typed or pasted by people: full-width forms, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u3000\u00a0]+")


_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation (０１２，Ｘ) to their ASCII forms."""
    return text.translate(_HALFWIDTH)


def clean_name(text: str) -> str:
    """A person's name without the spaces used to align two-character names (张  三 -> 张三).

    Spaces between Latin words (e.g. a foreign name) are kept as one space.
    """
    t = unicodedata.normalize("NFKC", text).strip()
    parts = _SPACES.split(t)
    if all(p.isascii() for p in parts):
        return " ".join(p for p in parts if p)
    return "".join(parts)


def clean_text(text: str | None) -> str:
    """Trim and collapse runs of whitespace; None becomes ""."""
    if text is None:
        return ""
    return _SPACES.sub(" ", to_halfwidth(str(text))).strip()


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> str:
    """Chinese numerals as digits: 三 -> 3, 十二 -> 12, 二十三 -> 23, 一百零五 -> 105, 一二 -> 12.

    Without 十 or 百 the numerals are read digit by digit, as people say room and house numbers.
    """
    if "十" not in text and "百" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)
    total = current = 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:  # 十 or 百
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
    return str(total + current)
