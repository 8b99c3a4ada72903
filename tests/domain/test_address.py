"""Reading addresses as offices write them into the building a point on the map stands for."""

from __future__ import annotations

import pytest

from silverage.domain.address import building_correction, building_key, building_too_long, parse_address

# (as written, the building it names). Forms seen in community rosters: full and partial, with the
# province in front, full-width digits, Chinese numerals, 栋/幢/号楼/座/#, dash forms, estates.
FORMS = [
    ("中山路12号3幢2单元301室", "中山路12号3幢"),
    ("中山路12号3栋2单元301室", "中山路12号3幢"),
    ("中山路12号3号楼2单元301室", "中山路12号3幢"),
    ("中山路12号3#楼2单元301室", "中山路12号3幢"),
    ("中山路12号3#2单元301", "中山路12号3幢"),
    ("中山路１２号３幢２单元３０１室", "中山路12号3幢"),
    ("中山路十二号三幢二单元301室", "中山路12号3幢"),
    ("中山路 12号 3幢 2单元 301室", "中山路12号3幢"),
    ("中山路12号三号楼", "中山路12号3幢"),
    ("中山路12号3-2-301", "中山路12号3幢"),
    ("中山路12号3幢2-301", "中山路12号3幢"),
    ("中山路12号3幢", "中山路12号3幢"),
    ("中山路12号3幢301室", "中山路12号3幢"),
    ("中山路12号3幢3楼301", "中山路12号3幢"),
    ("中山路12号3幢2单元301室（女儿家）", "中山路12号3幢"),
    ("浙江省嘉兴市南湖区建设街道月河社区中山路12号3幢2单元301室", "中山路12号3幢"),
    ("嘉兴市南湖区中山路12号3幢", "中山路12号3幢"),
    ("南湖区建设街道中山路12号3幢", "中山路12号3幢"),
    ("月河社区中山路12号3幢", "中山路12号3幢"),
    ("中国浙江省嘉兴市中山路12号3幢", "中山路12号3幢"),
    ("中山路12号", "中山路12号"),
    ("中山路12号301室", "中山路12号"),
    ("中山路12号3楼301", "中山路12号"),
    ("中山路12号楼2单元", "中山路12幢"),
    ("中山路12-1号", "中山路12-1号"),
    ("中山路二十三号", "中山路23号"),
    ("中山路一百零五号", "中山路105号"),
    ("中山路", "中山路"),
    ("建国南路88号5幢", "建国南路88号5幢"),
    ("世纪大道100号2幢", "世纪大道100号2幢"),
    ("月河街7号", "月河街7号"),
    ("梅湾街东巷5号", "梅湾街东巷5号"),
    ("坛弄3号", "坛弄3号"),
    ("长乐路100弄5号302室", "长乐路100弄5号"),
    ("长乐路100弄5号", "长乐路100弄5号"),
    ("吉祥里8号", "吉祥里8号"),
    ("菊儿胡同3号", "菊儿胡同3号"),
    ("南锣鼓巷12号院", "南锣鼓巷12号"),
    ("南湖新村路5号", "南湖新村路5号"),
    ("南湖小区3幢2单元301室", "南湖小区3幢"),
    ("南湖小区3栋2单元301", "南湖小区3幢"),
    ("南湖小区三幢", "南湖小区3幢"),
    ("南湖小区3-2-301", "南湖小区3幢"),
    ("南湖新村12幢", "南湖新村12幢"),
    ("阳光花园B座1201", "阳光花园B座"),
    ("阳光花园b座1201室", "阳光花园B座"),
    ("金色家园东区5幢", "金色家园东区5幢"),
    ("绿城桂花园12幢", "绿城桂花园12幢"),
    ("紫阳街5号南湖小区3幢", "紫阳街5号南湖小区3幢"),
    ("南湖小区东里3幢", "南湖小区东里3幢"),
    ("芦席汇小区门口", "芦席汇小区"),
    ("芦席汇小区", "芦席汇小区"),
    ("月河社区3幢2单元", "3幢"),
    ("3幢2单元301室", "3幢"),
    ("二十三幢三单元502室", "23幢"),
    ("3-2-301", "3幢"),
    ("芦席汇49号3幢2单元301室", "芦席汇49号3幢"),
    ("芦席汇49号三号楼", "芦席汇49号3幢"),
    ("南湖小区12号3幢", "南湖小区12号3幢"),
    ("东头老宅", "东头老宅"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "building"), FORMS)
def test_each_form_names_its_building(text: str, building: str) -> None:
    assert parse_address(text).building_key == building


def test_there_are_at_least_fifty_forms() -> None:
    assert len({text for text, _ in FORMS}) >= 50


def test_unit_and_room_are_read_but_are_not_the_building() -> None:
    p = parse_address("中山路十二号三栋二单元301")
    assert (p.road, p.number, p.building, p.unit, p.room) == ("中山路", "12号", "3幢", "2单元", "301室")
    assert parse_address("中山路12号3-2-301").unit == "2单元"
    assert parse_address("南湖小区3幢2-301").room == "301室"


def test_spellings_of_one_building_are_one_point() -> None:
    spellings = [
        "中山路12号3幢2单元301室",
        "中山路１２号三栋1单元102",
        "嘉兴市中山路12号3号楼",
        "中山路12号3#楼4单元",
        "中山路12号3-1-201",
    ]
    assert {parse_address(s).building_key for s in spellings} == {"中山路12号3幢"}


def test_neighbouring_buildings_stay_apart() -> None:
    keys = {parse_address(s).building_key for s in ("中山路12号3幢", "中山路12号4幢", "中山路14号3幢")}
    assert len(keys) == 3


def test_the_stored_parts_are_read_together_and_a_correction_wins() -> None:
    assert building_key("中山路12号", "3栋", "2单元", "301室") == "中山路12号3幢"
    # An import that left everything in the street column reads the same.
    assert building_key("中山路12号3栋2单元301室") == "中山路12号3幢"
    assert building_key("中山路12号", "3幢", override="中山路十二号院三号楼") == "中山路12号3幢"
    assert building_key("中山路12号", "3幢", override="老厂宿舍") == "老厂宿舍"


def test_numbers_sort_as_numbers() -> None:
    keys = ["中山路10号", "中山路2号", "中山路2号10幢", "中山路2号3幢"]
    ordered = sorted(keys, key=lambda k: parse_address(k).sort_key)
    assert ordered == ["中山路2号", "中山路2号3幢", "中山路2号10幢", "中山路10号"]


def test_a_road_named_like_a_town_keeps_its_name() -> None:
    # 新镇路, 城市花园: words that are also 镇 / 市 must not be stripped as a prefix.
    assert parse_address("新镇路8号").building_key == "新镇路8号"
    assert parse_address("城市花园2幢").building_key == "城市花园2幢"


def test_a_correction_is_stored_canonical_on_the_address_road_and_empty_when_the_address_agrees() -> None:
    # A building alone is that building of the person's own road (or estate).
    assert building_correction("三号楼", "南湖路38号", "1幢", "4单元", "601室") == "南湖路38号3幢"
    assert building_correction("2栋", "南湖小区") == "南湖小区2幢"
    assert building_correction("中山路十二号3栋", "南湖路38号", "1幢") == "中山路12号3幢"  # a whole address
    assert building_correction("1号楼", "南湖路38号", "1幢") == ""  # what the address says: no correction
    assert building_correction("  ", "南湖路38号", "1幢") == ""
    assert building_correction("老厂宿舍", "南湖路38号") == "老厂宿舍"
    assert building_too_long("中山路" + "9" * 120 + "号") is not None
    assert building_too_long("南湖路38号3幢") is None
