import pytest
from hypothesis import given
from hypothesis import strategies as st

from silverage.domain import phone
from silverage.domain.problems import Problem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("８６１３８１２３４５６７８", "13812345678"),
        ("0573-82345678", "0573-82345678"),
        ("0573 8234 5678", "0573-82345678"),
        ("(0573)82345678", "0573-82345678"),
        ("82345678", "0573-82345678"),  # a local number gets Jiaxing's area code
        ("010-12345678", "010-12345678"),
    ],
)
def test_normalises_common_forms(raw, expected):
    assert phone.normalize(raw) == expected


@pytest.mark.parametrize("raw", ["1381234567", "12812345678", "12345", "138abc45678", "0573-123"])
def test_rejects_with_explanation(raw):
    result = phone.normalize(raw)
    assert isinstance(result, Problem)
    assert result.zh and result.en


def test_mask():
    assert phone.mask("13812345678") == "138****5678"
    assert phone.mask("0573-82345678") == "0573-****5678"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", " ", "-"]))
def test_any_mobile_survives_separators(number, sep):
    spaced = sep.join([number[:3], number[3:7], number[7:]])
    assert phone.normalize(spaced) == number
