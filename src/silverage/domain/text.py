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
