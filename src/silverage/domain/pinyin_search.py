"""Search keys for Chinese names: every reasonable reading, full pinyin and initials.

A worker types "zxy" or "zhangxiuying" for 张秀英, and "changsheng" for 陈长生. Three things make
one reading per character not enough:

* surnames have their own readings: 曾 zeng, 单 shan, 解 xie, 阚 kan, 隗 wei, 句 gou (the table below,
  from the 百家姓 and the surname readings in 《现代汉语词典》), including two-character surnames such
  as 澹台 tantai and 尉迟 yuchi;
* a polyphonic character in a given name is read by its word: 长生 chang sheng, not zhang sheng.
  pypinyin's phrase dictionary gives the word reading, and every reading pypinyin knows for each
  character (``heteronym=True``) is kept as well, because a dictionary cannot know that 长林 is a
  name (chang lin) and not an adjective (zhang);
* ü is typed as v by most and as u by some (吕 lv or lu).

The number of keys per name is bounded (``MAX_VARIANTS``): variants swap one character's reading at
a time, never the full product, so a name of rare characters cannot blow up the index. Keys are
built once per distinct name (cached), never per keystroke.
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType


def _pypinyin() -> ModuleType:
    """pypinyin, imported at the first name that needs a reading: its phrase dictionary costs
    about 45 MiB and a quarter of a second, which a roster that nobody has searched yet need not pay."""
    import pypinyin

    return pypinyin


# Surname readings that differ from (or are not the first of) the character's everyday readings.
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
    "阚": "kan",
    "隗": "wei",
    "句": "gou",
    "重": "chong",
    "能": "nai",
    "都": "du",
    "乜": "nie",
    "吕": "lv",
    "朝": "chao",
    "宿": "su",
    "冼": "xian",
    "洗": "xian",
    "那": "na",
    "燕": "yan",
    "华": "hua",
    "费": "fei",
    "贲": "ben",
    "郇": "xun",
    "蕃": "pi",
    "车": "che",
    "藏": "zang",
    "厍": "she",
    "恽": "yun",
    "万俟": "mo qi",
    "尉迟": "yu chi",
    "单于": "chan yu",
    "澹台": "tan tai",
    "长孙": "zhang sun",
    "欧阳": "ou yang",
    "上官": "shang guan",
    "司马": "si ma",
    "诸葛": "zhu ge",
    "皇甫": "huang fu",
    "令狐": "ling hu",
    "夏侯": "xia hou",
    "东方": "dong fang",
    "慕容": "mu rong",
    "宇文": "yu wen",
    "公孙": "gong sun",
    "司徒": "si tu",
    "司空": "si kong",
    "轩辕": "xuan yuan",
    "南宫": "nan gong",
    "呼延": "hu yan",
    "端木": "duan mu",
    "申屠": "shen tu",
    "淳于": "chun yu",
    "闻人": "wen ren",
    "亓官": "qi guan",
    "钟离": "zhong li",
    "宗政": "zong zheng",
    "濮阳": "pu yang",
    "公冶": "gong ye",
    "赫连": "he lian",
    "独孤": "du gu",
    "百里": "bai li",
    "东郭": "dong guo",
    "西门": "xi men",
    "第五": "di wu",
    "乐正": "yue zheng",
    "仲孙": "zhong sun",
    "太叔": "tai shu",
    "子车": "zi ju",
}

_COMPOUND = sorted((k for k in SURNAME_READINGS if len(k) > 1), key=len, reverse=True)
MAX_READINGS_PER_CHAR = 3  # pypinyin lists the common readings first; the fourth and later are archaic
MAX_VARIANTS = 24  # readings of one name kept as keys (each gives a full-pinyin and an initials key)

Syllables = tuple[str, ...]


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


@lru_cache(maxsize=20000)
def char_readings(char: str) -> tuple[str, ...]:
    """Every reading of one character worth typing, everyday first ("" -> () for punctuation)."""
    if not _is_han(char):
        return (char.lower(),) if char.isalnum() else ()
    py = _pypinyin()
    found = py.pinyin(char, style=py.Style.NORMAL, heteronym=True, errors="ignore")
    readings = [r for r in (found[0] if found else []) if r]
    return tuple(dict.fromkeys(readings[:MAX_READINGS_PER_CHAR]))


def _phrase(text: str) -> list[str]:
    """The word-level reading of ``text`` (pypinyin's phrase dictionary), one syllable per character."""
    py = _pypinyin()
    out = py.lazy_pinyin(text, style=py.Style.NORMAL, errors=lambda chars: [c.lower() for c in chars])
    return out if len(out) == len(text) else [(char_readings(c) or ("",))[0] for c in text]


def _surname(name: str) -> tuple[int, Syllables | None]:
    """(length of the surname found in the table, its reading), or (0, None)."""
    for compound in _COMPOUND:
        if name.startswith(compound):
            return len(compound), tuple(SURNAME_READINGS[compound].split())
    if name and name[0] in SURNAME_READINGS:
        return 1, (SURNAME_READINGS[name[0]],)
    return 0, None


def readings(name: str) -> list[Syllables]:
    """Readings of a whole name, most likely first, at most ``MAX_VARIANTS``.

    The first is the surname reading plus the word reading of the given name; then the word
    reading of the whole name; then each character's other readings swapped in one at a time.
    """
    name = "".join(c for c in name.strip() if _is_han(c) or c.isalnum())
    if not name:
        return []
    cut, surname = _surname(name)
    whole = _phrase(name)
    base = [*(surname or ()), *_phrase(name[cut:])] if surname else whole
    out: list[Syllables] = []

    def add(syl: list[str]) -> None:
        t = tuple(s for s in syl if s)
        if t and t not in out and len(out) < MAX_VARIANTS:
            out.append(t)

    add(base)
    add(whole)
    if surname and len(surname) == cut:
        add([*whole[:cut], *base[cut:]])  # the surname's everyday reading, the given name by its word
    tail_start = len(surname) if surname else 0
    for i, char in enumerate(name[cut:]):
        pos = tail_start + i
        for alt in char_readings(char):
            if alt != base[pos]:
                add([*base[:pos], alt, *base[pos + 1 :]])
    if not surname or len(surname) != cut:
        return out
    for k, char in enumerate(name[:cut]):  # the surname's other everyday readings
        for alt in char_readings(char):
            if alt != base[k]:
                add([*base[:k], alt, *base[k + 1 :]])
    return out


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> tuple[str, ...]:
    """Every lower-case key a name can be found by: full pinyin and initials of each reading, and
    the same with ü typed as u (the tables write ü as v)."""
    keys: dict[str, None] = {}
    for syl in readings(name):
        full = "".join(syl)
        keys[full] = None
        keys["".join(s[0] for s in syl)] = None
        if "v" in full:
            keys[full.replace("v", "u")] = None
    return tuple(keys)


@lru_cache(maxsize=200_000)
def name_haystack(name: str) -> str:
    """The name itself and all its keys, "\\x1f"-separated so a query never spans two keys."""
    return "\x1f".join((name.lower(), *name_keys(name)))


def person_haystack(name: str, *others: str) -> str:
    """One lower-case haystack per person: the name part and other searchable fields (ID number,
    phone, address as the list shows them). The roster page and ``list elders --search`` share it."""
    return "\x1f".join((name_haystack(name), *(o.lower() for o in others if o)))


search_text = person_haystack  # the name earlier callers used


def matches(haystack: str, query: str) -> bool:
    """Whether every space-separated word of the query occurs in the haystack."""
    return all(w in haystack for w in normalise_query(query))


def normalise_query(query: str) -> list[str]:
    """Lower-case words; full-width letters/digits accepted; ü, "u:" and "v" all mean ü (stored as v)."""
    from silverage.domain.text import to_halfwidth

    q = to_halfwidth(query).lower().replace("ü", "v").replace("u:", "v")
    return [w for w in q.split() if w]
