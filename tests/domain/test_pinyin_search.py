from silverage.domain.pinyin_search import matches, name_keys, search_text


def test_initials_and_full_pinyin_find_the_name():
    hay = search_text("张秀英")
    assert matches(hay, "zxy")
    assert matches(hay, "zhangxiuying")
    assert matches(hay, "张秀")
    assert not matches(hay, "lxy")


def test_polyphonic_surnames_read_as_surnames():
    assert name_keys("曾秀英")[:2] == ("zengxiuying", "zxy")
    assert name_keys("单桂兰")[0] == "shanguilan"
    assert name_keys("解玉珍")[0] == "xieyuzhen"
    assert name_keys("仇根娣")[0] == "qiugendi"
    assert name_keys("查美华")[0] == "zhameihua"


def test_everyday_reading_still_finds_the_surname():
    # People type what they are used to: 单 as "dan" should not lose the person.
    assert "dgl" in name_keys("单桂兰")


def test_compound_surname_initials():
    assert "ycg" in name_keys("尉迟恭")


def test_query_words_all_required_and_fullwidth_accepted():
    hay = search_text("王阿妹", "330402194512120021", "13812345678", "月河街5号")
    assert matches(hay, "wam 月河")
    assert not matches(hay, "wam 南湖")
    assert matches(hay, "１３８１２")  # full-width digits from a Chinese input method
