"""Names found by the reading an office worker types, checked against outside references.

Surname readings: 《现代汉语词典》(第7版) and CC-CEDICT's surname entries ("surname Kan" 阚 kan4,
"surname Wei" 隗 wei3, "surname Gou" 句 gou1, "surname Chong" 重 chong2, "surname Nai" 能 nai4,
"surname Du" 都 du1, "surname Nie" 乜 nie4, "surname Lü" 吕 lu:3, 澹台 tan2 tai2 ...).
Given-name words: the same dictionaries' entries for 长生 chang2 sheng1, 重阳 chong2 yang2,
朝阳 chao2 yang2, 朝霞 zhao1 xia2 and so on.
"""

import pytest

from silverage.domain.pinyin_search import MAX_VARIANTS, matches, name_keys, person_haystack

SURNAMES = [
    ("曾秀英", "zengxiuying"),
    ("单桂兰", "shanguilan"),
    ("解玉珍", "xieyuzhen"),
    ("仇根娣", "qiugendi"),
    ("查美华", "zhameihua"),
    ("区志强", "ouzhiqiang"),
    ("朴永哲", "piaoyongzhe"),
    ("盖国华", "geguohua"),
    ("缪金凤", "miaojinfeng"),
    ("翟春生", "zhaichunsheng"),
    ("乐志平", "yuezhiping"),
    ("覃秀兰", "qinxiulan"),
    ("召明德", "shaomingde"),
    ("阚秀英", "kanxiuying"),
    ("隗桂兰", "weiguilan"),
    ("句国强", "gouguoqiang"),
    ("重文杰", "chongwenjie"),
    ("能建国", "naijianguo"),
    ("都建华", "dujianhua"),
    ("乜红梅", "niehongmei"),
    ("吕秀英", "lvxiuying"),
    ("吕秀英", "luxiuying"),
    ("吕秀英", "lüxiuying"),
    ("吕秀英", "lu:xiuying"),
    ("朝建业", "chaojianye"),
    ("宿玉兰", "suyulan"),
    ("冼金娣", "xianjindi"),
    ("秘凤英", "bifengying"),
    ("柏永福", "baiyongfu"),
    ("种世衡", "chongshiheng"),
    ("长德福", "changdefu"),
    ("员志刚", "yunzhigang"),
    ("澹台明", "tantaiming"),
    ("澹台明", "ttm"),
    ("尉迟恭", "yuchigong"),
    ("万俟雪", "moqixue"),
    ("单于兰", "chanyulan"),
    ("长孙秀", "zhangsunxiu"),
    ("令狐冲", "linghuchong"),
    ("欧阳华", "ouyanghua"),
]

GIVEN_NAMES = [
    ("陈长生", "changsheng"),
    ("陈长生", "ccs"),
    ("王长林", "changlin"),
    ("李长海", "changhai"),
    ("张长发", "changfa"),
    ("刘长庚", "changgeng"),
    ("赵长青", "changqing"),
    ("孙长春", "changchun"),
    ("周长乐", "changle"),
    ("吴重阳", "chongyang"),
    ("郑重庆", "chongqing"),
    ("冯重九", "chongjiu"),
    ("黄朝阳", "chaoyang"),
    ("杨朝晖", "chaohui"),
    ("何朝霞", "zhaoxia"),
    ("林行健", "xingjian"),
    ("罗传宝", "chuanbao"),
    ("高乐天", "letian"),
    ("马和平", "heping"),
    ("徐绿萍", "lvping"),
    ("徐绿萍", "luping"),
    ("胡女娣", "nvdi"),
]


@pytest.mark.parametrize(("name", "typed"), SURNAMES + GIVEN_NAMES)
def test_found_by_the_reading_people_type(name, typed):
    assert matches(person_haystack(name), typed), (name, name_keys(name))


def test_the_everyday_reading_still_finds_the_person():
    # 单 read as "dan", 长生 as "zhangsheng": people type what they are used to.
    assert matches(person_haystack("单桂兰"), "dgl")
    assert matches(person_haystack("陈长生"), "zhangsheng")


def test_a_wrong_reading_does_not_match():
    assert not matches(person_haystack("张秀英"), "lxy")
    assert not matches(person_haystack("陈长生"), "chenchangshan")
    assert not matches(person_haystack("阚秀英"), "kanxiulan")


def test_the_number_of_keys_per_name_is_bounded():
    # Four characters with four readings each would be 256 readings as a full product.
    keys = name_keys("能能能能")
    assert len(keys) <= 3 * MAX_VARIANTS
    assert "nainengnengneng" in keys  # the surname reading still comes first
    assert keys[0] == "nainengnengneng"
