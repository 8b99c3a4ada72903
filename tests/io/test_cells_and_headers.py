"""Header variants, cell values and place names as offices write them (no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from silverage.domain.problems import Problem
from silverage.io import header_map
from silverage.io.cell_values import cell_text, id_number_text, looks_like_formula, parse_date
from silverage.io.excel_import import parse_row, split_address
from silverage.services.roster.place_match import PlaceIndex, grid_key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"),
        ("老人姓名", "name"),
        ("姓 名", "name"),
        ("姓\u3000名", "name"),
        ("身份证号码", "id_number"),
        ("公民身份号码", "id_number"),
        ("身份证号", "id_number"),
        ("身份证号码（必填）", "id_number"),
        ("*身份证号码", "id_number"),
        ("联系电话", "phone"),
        ("手机号码", "phone"),
        ("联系方式", "phone"),
        ("网格", "grid"),
        ("所在网格", "grid"),
        ("网格名称", "grid"),
        ("微网格", "micro_grid"),
        ("地址", "address"),
        ("家庭住址", "address"),
        ("详细地址", "address"),
        ("居住情况", "living"),
        ("类别", "category"),
        ("失能情况", "disability"),
        ("低保", "economic"),
        ("经济状况", "economic"),
        ("紧急联系人", "contact_name"),
        ("联系人电话", "contact_phone"),
        ("紧急联系人电话", "contact_phone"),
        ("备注", "notes"),
        ("序号", "ignore"),
        ("错误原因", "ignore"),
        ("ID number", "id_number"),
        ("Name", "name"),
    ],
)
def test_header_variants(header: str, field: str) -> None:
    assert header_map.guess_field(header) == field


def test_a_title_line_is_not_a_header() -> None:
    assert header_map.guess_field("月河社区独居空巢老人花名册（2026年）") is None
    assert header_map.header_score(["月河社区独居空巢老人花名册", None, None]) == 0


def test_signature_ignores_spacing_but_not_layout() -> None:
    assert header_map.signature(["姓 名", "身份证号码"]) == header_map.signature(["姓名", " 身份证号码 "])
    assert header_map.signature(["姓名", "身份证号码"]) != header_map.signature(["身份证号码", "姓名"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1945, 3, 2), date(1945, 3, 2)),
        (date(1945, 3, 2), date(1945, 3, 2)),
        ("1945年3月2日", date(1945, 3, 2)),
        ("1945.3.2", date(1945, 3, 2)),
        ("1945/03/02", date(1945, 3, 2)),
        ("1945-3-2", date(1945, 3, 2)),
        ("19450302", date(1945, 3, 2)),
        (19450302, date(1945, 3, 2)),
        ("１９４５年３月２日", date(1945, 3, 2)),
        (16498, date(1945, 3, 2)),
        ("1945年3月", date(1945, 3, 1)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_in_the_forms_people_write(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["1945年13月2日", "去年", "1945.2.30"])
def test_bad_dates_say_how_to_write_them(value: str) -> None:
    result = parse_date(value)
    assert isinstance(result, Problem) and "1945年3月2日" in result.zh


def test_an_id_number_stored_as_a_number_is_refused() -> None:
    result = id_number_text(3.30402194503021e17)
    assert isinstance(result, Problem)
    assert "15位" in result.zh and "330402194503021***" in result.zh and "15 significant digits" in result.en
    assert id_number_text("33040219450302123x") == "33040219450302123x"


def test_cell_text_keeps_digits() -> None:
    assert cell_text(13812345678.0) == "13812345678"
    assert cell_text(datetime(2026, 1, 2)) == "2026-01-02"


@pytest.mark.parametrize("text", ["=1+1", "+86", "-2", "@SUM(A1)", " =cmd"])
def test_formula_like_text(text: str) -> None:
    assert looks_like_formula(text)


def test_values_are_mapped_from_office_words() -> None:
    mapping = {0: "living", 1: "disability", 2: "economic", 3: "gender", 4: "mobility"}
    parsed = parse_row(("空巢老人", "半失能", "低保户", "女", "坐轮椅"), mapping)
    assert parsed.values == {
        "living": "empty_nest",
        "disability": "moderate",
        "economic": "dibao",
        "gender": "F",
        "mobility": "wheelchair",
    }
    # A word nothing knows is a warning: the person imports without the value, never rejected for it.
    bad = parse_row(("住养老院",), {0: "living"})
    assert not bad.problems and "living" not in bad.values
    (warning,) = bad.warnings
    assert warning.value == "住养老院" and "独居、空巢、孤寡、其他" in warning.zh and "未导入" in warning.zh


def test_address_is_split_into_parts() -> None:
    assert split_address("中山路12号3幢2单元301室") == {
        "address_detail": "中山路12号",
        "address_building": "3幢",
        "address_unit": "2单元",
        "address_room": "301室",
    }
    assert split_address("芦席汇小区门口")["address_detail"] == "芦席汇小区门口"


def test_grid_names_match_tolerantly() -> None:
    assert (
        grid_key("月河3网格", "月河社区")
        == grid_key("第3网格", "月河社区")
        == grid_key("第三网格", "月河社区")
        == "3"
    )
    idx = PlaceIndex(
        communities={1: "月河社区", 2: "梅湾社区"},
        grids={10: (1, "月河1网格"), 11: (1, "月河12网格"), 20: (2, "梅湾1网格")},
        micros={
            100: (10, "月河1网格1号微网格"),
            110: (11, "月河12网格1号微网格"),
            200: (20, "梅湾1网格1号微网格"),
        },
    )
    assert idx.resolve("月河", "1网格", "", None) == 100
    assert idx.resolve("月河社区", "第十二网格", "1号", None) == 110
    assert idx.resolve("", "梅湾1网格", "", None) == 200
    ambiguous = idx.resolve("", "1网格", "", None)
    assert isinstance(ambiguous, Problem) and "请同时填写社区" in ambiguous.zh
    unknown = idx.resolve("南湖社区", "", "", None)
    assert isinstance(unknown, Problem) and "月河社区" in unknown.zh  # lists the communities there are
