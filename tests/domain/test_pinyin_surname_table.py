"""Polyphonic surnames read as pinyin-pro's surname table reads them, as a worker types them.

Source: pinyin-pro (zh-lx/pinyin-pro, MIT), ``lib/data/surname.ts`` at commit 144489d3fe47, the
surname readings its ``surname`` mode uses. Only characters with more than one reading in
pypinyin are listed (single-reading surnames prove nothing); tones are dropped as typing drops them.
"""

import unicodedata

import pytest
from pypinyin import Style, pinyin

from silverage.domain.pinyin_search import matches, person_haystack

PINYIN_PRO = {
    "单": "shàn", "解": "xiè", "仇": "qiú", "查": "zhā", "区": "ōu", "朴": "piáo", "曾": "zēng",
    "缪": "miào", "翟": "zhái", "乐": "yuè", "覃": "qín", "阚": "kàn", "隗": "kuí", "能": "nài",
    "都": "dū", "乜": "niè", "莘": "shēn", "宿": "sù", "柏": "bǎi", "车": "chē", "盖": "gài",
    "蔚": "wèi", "那": "nā", "贲": "bēn", "薄": "bó", "殷": "yīn", "宓": "mì", "尚": "shàng",
    "宁": "nìng", "石": "shí", "任": "rèn", "和": "hé", "家": "jiā", "叶": "yè", "沈": "shěn",
    "汤": "tāng", "盛": "shèng", "臧": "zāng", "哈": "hǎ", "逄": "páng", "干": "gān", "贾": "jiǎ",
    "于": "yú",
    "长孙": "zhǎng sūn", "万俟": "mò qí", "尉迟": "yù chí", "澹台": "tán tái", "单于": "chán yú",
    "子车": "zǐ jū", "乐正": "yuè zhèng", "夹谷": "jiá gǔ",
}  # fmt: skip


def _typed(reading: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if unicodedata.category(c) != "Mn")
    return plain.replace(" ", "")


def test_the_table_is_polyphonic_and_large_enough():
    singles = [c for c in PINYIN_PRO if len(c) == 1]
    assert len(PINYIN_PRO) >= 50
    for c in singles:
        readings = set(pinyin(c, style=Style.NORMAL, heteronym=True)[0])
        assert len(readings) > 1, c


@pytest.mark.parametrize("surname", list(PINYIN_PRO))
def test_found_by_the_surname_reading_in_full_and_by_initials(surname):
    reading = PINYIN_PRO[surname]
    name = surname + "秀英"
    initials = "".join(s[0] for s in reading.split()) + "xy"
    assert matches(person_haystack(name), _typed(reading) + "xiuying"), (name, reading)
    assert matches(person_haystack(name), _typed(initials)), (name, initials)
