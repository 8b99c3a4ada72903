"""Search keys for Chinese names: full pinyin and initials, with surnames read as surnames.

A worker types "zxy" or "zhangxiuying" for 张秀英. pypinyin reads 曾 as "ceng", 单 as "dan",
解 as "jie" — the everyday readings — but as a surname they are zeng, shan, xie. The first
character of a name therefore goes through a surname table first; the everyday reading is kept
as a second key because people do type what they are used to.

Keys are built once per roster load (per distinct character, cached), never per keystroke, so a
100,000-person roster costs a fraction of a second.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Surnames whose reading differs from the character's everyday reading (百家姓 polyphones).
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "查": "zha",
    "区": "ou",
    "朴": "piao",
    "盖": "ge",
    "缪": "miao",
    "种": "chong",
    "翟": "zhai",
    "乐": "yue",
    "尉": "yu",
    "折": "she",
    "覃": "qin",
    "召": "shao",
    "员": "yun",
    "黑": "he",
    "祭": "zhai",
    "繁": "po",
    "长": "chang",
    "沈": "shen",
    "柏": "bai",
    "秘": "bi",
    "万俟": "mo qi",
    "尉迟": "yu chi",
    "单于": "chan yu",
}

_COMPOUND = sorted((k for k in SURNAME_READINGS if len(k) > 1), key=len, reverse=True)


@lru_cache(maxsize=20000)
def _reading(char: str) -> str:
    """The everyday reading of one character, lower case, no tones ("" for non-Chinese)."""
    if not ("\u3400" <= char <= "\u9fff"):
        return char.lower() if char.isalnum() else ""
    return lazy_pinyin(char, style=Style.NORMAL, errors="ignore")[0] if char else ""


def _syllables(name: str, surname_first: bool) -> list[str]:
    """Pinyin syllables of a name; with ``surname_first`` the surname table decides the first ones."""
    out: list[str] = []
    rest = name
    if surname_first:
        for compound in _COMPOUND:
            if name.startswith(compound):
                out.extend(SURNAME_READINGS[compound].split())
                rest = name[len(compound) :]
                break
        else:
            if name and name[0] in SURNAME_READINGS:
                out.append(SURNAME_READINGS[name[0]])
                rest = name[1:]
    out.extend(s for s in (_reading(c) for c in rest) if s)
    return out


def name_keys(name: str) -> tuple[str, ...]:
    """Every lower-case key a name can be found by: full pinyin and initials, surname and everyday."""
    name = name.strip()
    keys: list[str] = []
    for surname_first in (True, False):
        syl = _syllables(name, surname_first)
        if not syl:
            continue
        full = "".join(syl)
        initials = "".join(s[0] for s in syl)
        for key in (full, initials):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def search_text(name: str, *others: str) -> str:
    """One lower-case haystack per person: the name, its pinyin keys and other searchable fields.

    Fields are separated by "\\x1f" so a query never matches across two fields.
    """
    parts = [name.lower(), *name_keys(name), *(o.lower() for o in others if o)]
    return "\x1f".join(parts)


def matches(haystack: str, query: str) -> bool:
    """Whether every space-separated word of the query occurs in the haystack."""
    words = normalise_query(query)
    return all(w in haystack for w in words)


def normalise_query(query: str) -> list[str]:
    """Lower-case words; full-width letters/digits and the ü typed as v are accepted."""
    from silverage.domain.text import to_halfwidth

    q = to_halfwidth(query).lower().replace("ü", "v")
    return [w for w in q.split() if w]
