"""Old 15-digit numbers get the 18-digit number they became; the province part must be real."""

from datetime import date

import pytest

from silverage.domain import idcard
from silverage.domain.idcard import IdInfo
from silverage.domain.problems import Problem


def _with_check(body: str) -> str:
    return body + idcard.check_char(body)


def test_a_15_digit_number_is_refused_with_the_18_digit_number_it_became():
    result = idcard.parse("330402450302123")
    assert isinstance(result, Problem)
    upgraded = idcard.upgrade_15("330402450302123")
    # 19 goes before the two-digit year and a MOD 11-2 check character is added
    assert upgraded == "330402194503021233"
    assert f"对应的18位号码是{idcard.mask(upgraded)}" in result.zh and "核对" in result.zh
    assert idcard.mask(upgraded) in result.en
    assert upgraded not in result.zh + result.en  # never the whole number on a listed message
    info = idcard.parse(upgraded)
    assert isinstance(info, IdInfo) and info.birth_date == date(1945, 3, 2)


def test_only_15_plain_digits_upgrade():
    assert idcard.upgrade_15("33040245030212X") is None
    assert idcard.upgrade_15("11010519491231002X") is None
    assert idcard.upgrade_15("３３０４０２ 450302 123") == "330402194503021233"  # as typed


@pytest.mark.parametrize(
    "prefix", ["00", "10", "16", "20", "24", "30", "38", "47", "55", "60", "66", "72", "84"]
)
def test_a_number_outside_every_province_is_refused_naming_the_code(prefix):
    result = idcard.parse(_with_check(f"{prefix}0402194503021" + "23"))
    assert isinstance(result, Problem)
    assert f"“{prefix}”" in result.zh and "省级" in result.zh and prefix in result.en


@pytest.mark.parametrize("prefix", ["11", "15", "23", "33", "46", "50", "54", "65", "71", "81", "83"])
def test_every_province_range_is_accepted(prefix):
    assert isinstance(idcard.parse(_with_check(f"{prefix}0402194503021" + "23")), IdInfo)


def test_the_2023_foreigners_card_is_9_and_a_province():
    card = _with_check("931156" + "19700101" + "012")  # 9, Shanghai (31), country 156
    info = idcard.parse(card)
    assert isinstance(info, IdInfo) and info.birth_date == date(1970, 1, 1)
    bad = idcard.parse(_with_check("900156" + "19700101" + "012"))
    assert isinstance(bad, Problem) and "“900”" in bad.zh
