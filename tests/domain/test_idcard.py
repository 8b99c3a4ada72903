from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from silverage.domain import idcard
from silverage.domain.enums import Gender
from silverage.domain.idcard import IdInfo
from silverage.domain.problems import Problem


def make_id(area: str, born: date, seq: int) -> str:
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + idcard.check_char(body)


def test_known_valid_number_gives_birth_date_and_gender():
    # GB 11643 worked example: 11010519491231002X, a woman born 1949-12-31.
    info = idcard.parse("11010519491231002X")
    assert isinstance(info, IdInfo)
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == Gender.FEMALE


def test_fullwidth_spaces_and_lowercase_x_are_normalised():
    info = idcard.parse("１１０１０５ 1949 1231 002x")
    assert isinstance(info, IdInfo)
    assert info.number == "11010519491231002X"


def test_area_code_newer_than_birth_year_is_accepted():
    # 330402 (Nanhu district) was created long after 1938; the person is real all the same.
    info = idcard.parse(make_id("330402", date(1938, 5, 4), 123))
    assert isinstance(info, IdInfo)
    assert info.gender == Gender.MALE


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("11010519491231002", "18位"),
        ("110105194912310021", "校验位"),
        ("110105194902300021", "不是真实日期"),
        ("110105194912A1002X", "数字"),
        ("110105491231002", "15位"),
        ("", "不能为空"),
    ],
)
def test_invalid_numbers_are_explained(raw, needle):
    result = idcard.parse(raw)
    assert isinstance(result, Problem)
    assert needle in result.zh
    assert result.en  # every rule explains itself in English too


def test_future_birth_date_rejected():
    result = idcard.parse(make_id("330402", date(2030, 1, 1), 1), today=date(2026, 11, 26))
    assert isinstance(result, Problem)


def test_mask_keeps_four_and_four():
    assert idcard.mask("11010519491231002X") == "1101**********002X"


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 1, 1)),
    seq=st.integers(min_value=0, max_value=999),
    area=st.sampled_from(["330402", "330481", "110105", "440305"]),
)
def test_generated_ids_round_trip(born, seq, area):
    number = make_id(area, born, seq)
    info = idcard.parse(number, today=date(2026, 11, 26))
    assert isinstance(info, IdInfo)
    assert info.birth_date == born
    assert info.gender == (Gender.MALE if seq % 2 else Gender.FEMALE)


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 1, 1)),
    seq=st.integers(min_value=0, max_value=999),
    pos=st.integers(min_value=0, max_value=16),
    delta=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_typo_is_caught(born, seq, pos, delta):
    number = make_id("330402", born, seq)
    typo = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert isinstance(idcard.parse(typo, today=date(2026, 11, 26)), Problem)
