"""Issue 12: column mapping never guesses into identity.

Headers are matched exactly (spaces ignored) against the field registry; a header about someone else
(户主, 监护人, 责任人 ...) never fills the elder's own name or phone; a header nothing names is 不导入.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.io import excel_read, header_map
from silverage.io.excel_import import parse_row
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

LIU = make_id(date(1944, 4, 4), male=False, seq=210)


def _mapping_of(tmp_path: Path, headers: list[str], row: list[object]) -> dict[str, str]:
    """Header -> chosen field ("ignore" when the column is left out), as the import reads the sheet."""
    path = tmp_path / "headers.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名册"
    ws.append(headers)
    ws.append(row)
    wb.save(path)
    (table,) = excel_read.scan_layout(path).tables
    return {h: table.mapping.get(i, header_map.IGNORE) for i, h in enumerate(headers)}


def test_other_peoples_name_and_phone_are_not_the_elders(tmp_path: Path) -> None:
    headers = ["姓名", "身份证号码", "户主姓名", "联系电话", "监护人电话", "代理人电话", "子女手机"]
    got = _mapping_of(tmp_path, headers, ["刘芳", LIU, "刘大", "13900001111", "13700002222", "1", "2"])
    assert got == {
        "姓名": "name",
        "身份证号码": "id_number",
        "户主姓名": "ignore",
        "联系电话": "phone",
        "监护人电话": "contact_phone",  # the guardian's phone: the emergency contact's, never hers
        "代理人电话": "ignore",
        "子女手机": "ignore",  # the contact comes from one person (the guardian, who ranks first)
    }


def test_a_lone_other_persons_header_does_not_become_the_elders_field() -> None:
    # Without 姓名 / 联系电话 of her own, the sheet has no name column: nothing is pushed into it.
    headers = ["户主姓名", "身份证号码", "监护人电话", "登记人", "填表人电话", "经办人", "责任人电话"]
    auto = header_map.auto_map(list(headers))
    got = {h: auto.get(i, header_map.IGNORE) for i, h in enumerate(headers)}
    assert header_map.missing_required(auto) == ["name"]
    assert got["户主姓名"] == "ignore"
    assert got["身份证号码"] == "id_number"
    assert got["监护人电话"] == "contact_phone"  # the guardian is an emergency contact
    assert all(got[h] == "ignore" for h in headers[3:])


def test_an_emergency_contact_header_maps_to_the_contact_fields(tmp_path: Path) -> None:
    headers = ["姓名", "身份证号码", "紧急联系人", "紧急联系人电话", "与老人关系"]
    got = _mapping_of(tmp_path, headers, ["刘芳", LIU, "刘小", "13700002222", "女儿"])
    assert got["紧急联系人"] == "contact_name"
    assert got["紧急联系人电话"] == "contact_phone"
    assert got["与老人关系"] == "contact_relation"


def test_near_misses_are_not_living_economic_or_community(tmp_path: Path) -> None:
    headers = ["姓名", "身份证号码", "户籍类型", "家庭类别", "人员类型", "低保证编号", "社区责任人", "社区"]
    row = ["刘芳", LIU, "城镇", "低保户", "五保老人", "DB001", "王主任", "月河社区"]
    got = _mapping_of(tmp_path, headers, row)
    for h in ("户籍类型", "社区责任人"):
        assert got[h] == "ignore", h
    assert got["低保证编号"] == "dibao_number"  # a card number means 低保; it is never the status itself
    assert got["社区"] == "community"
    # 家庭类别 / 人员类型 are category columns: their words set the fields they name, never 居住情况 "城镇".
    assert got["家庭类别"] == got["人员类型"] == "category"
    parsed = parse_row(tuple(row), header_map.auto_map(headers), tuple(headers))
    assert parsed.values["economic"] == "tekun"  # 低保户 and 五保老人: the stronger, 五保 = 特困
    assert "living" not in parsed.values and not parsed.warnings


def test_spaced_headers_match_exactly(tmp_path: Path) -> None:
    headers = ["姓 名", "身份证号码", "居 住", "经 济 条 件", "联 系 电 话"]
    got = _mapping_of(tmp_path, headers, ["刘芳", LIU, "独居", "低保", "13900001111"])
    assert got == {
        "姓 名": "name",
        "身份证号码": "id_number",
        "居 住": "living",
        "经 济 条 件": "economic",
        "联 系 电 话": "phone",
    }


def test_an_unknown_header_is_ignored_never_forced(tmp_path: Path) -> None:
    headers = ["姓名", "身份证号码", "鞋码", "老人爱好", "联系电话备注"]
    got = _mapping_of(tmp_path, headers, ["刘芳", LIU, "38", "下棋", "晚上打"])
    assert (got["鞋码"], got["老人爱好"], got["联系电话备注"]) == ("ignore", "ignore", "ignore")


@pytest.mark.parametrize("header", sorted(header_map.OTHER_PERSON))
def test_no_registry_synonym_of_the_elders_own_fields_names_someone_else(header: str) -> None:
    own = ("name", "id_number", "gender", "birth_date", "phone", "phone2")
    for key in own:
        f = header_map.BY_KEY[key]
        for variant in (f.zh, *f.synonyms):
            assert header not in header_map.normalize_header(variant), (key, variant)


@pytest.mark.db
def test_household_head_and_guardian_do_not_land_on_the_elder(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = tmp_path / "户籍登记.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["户主姓名", "姓名", "身份证号码", "监护人电话", "联系电话", "所在社区", "所在网格", "微网格"])
    ws.append(
        ["刘大山", "刘芳", LIU, "13700002222", "13900001111", "月河社区", "月河2网格", "月河2网格1号微网格"]
    )
    wb.save(path)
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    result = roster_import.apply_plan(ctx, plan, today=TODAY)
    assert (result.created, result.rejected) == (1, 0)
    with ctx.read() as s:
        (elder,) = s.scalars(select(m.Elder)).all()
        assert elder.name == "刘芳"
        assert elder.id_number == LIU
        assert elder.phone == "13900001111"
        assert "刘大山" not in (elder.notes or "")
        assert "13700002222" not in (elder.phone2 or "")
