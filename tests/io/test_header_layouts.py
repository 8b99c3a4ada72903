"""Issue 12, item 1: headers as office forms lay them out.

Two-row headers with merged groups (a 服务对象登记表: 基本信息 / 监护人 / 紧急联系人 / 子女情况 /
健康状况 over 姓名, 电话 ...), cells merged down over both rows, line breaks inside a header cell, and
repeated names (two 手机 columns). What matters to the office: the elder's own phone is never the
guardian's, the emergency contact is one person, and the data start below the last header row.
The layouts follow the 杭州市社区(村)居家养老服务申请表 (居 住 / 经 济 条 件 / 住宅电话 / 手机 /
代理人) and the 空巢老人 / 三留守 registers (基本情况 over 姓名 ..., 家庭成员 over 姓名 / 关系).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.io import excel_read, header_map
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

WANG = make_id(date(1941, 5, 6), male=False, seq=301)
CHEN = make_id(date(1938, 1, 2), male=True, seq=302)
PLACE = ["月河社区", "月河2网格", "月河2网格1号微网格"]


def _register(path: Path) -> None:
    """A 服务对象登记表: a title, a caption line, then a two-row header with merged groups."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "登记表"
    ws["A1"] = "月河社区服务对象登记表"
    ws.merge_cells("A1:S1")
    ws["A2"] = "填表单位：月河社区居委会"
    ws["H2"] = "填表日期：2026年11月"
    ws.merge_cells("A2:G2")
    ws.merge_cells("H2:S2")
    upper = ["序号", "基本信息", None, None, None, None, "监护人", None, "紧急联系人", None, None]
    upper += ["子女情况", None, "健康状况", None, "社区", "网格", "微网格", "备注"]
    lower = [None, "姓名", "性别", "公民身份\n证号码", "联系\n电话", "手机", "姓名", "电话", "姓名", "关系"]
    lower += ["电话", "姓名", "电话", "慢病", "失能情况", None, None, None, None]
    ws.append(upper)
    ws.append(lower)
    for ref in ("A3:A4", "P3:P4", "Q3:Q4", "R3:R4", "S3:S4"):
        ws.merge_cells(ref)
    for ref in ("B3:F3", "G3:H3", "I3:K3", "L3:M3", "N3:O3"):
        ws.merge_cells(ref)
    ws.append(
        [1, "王秀英", "女", WANG, "13900000001", "13900000002", "王大", "13700000003"]
        + ["王小红", "女儿", "13600000004", "李明", "13500000005", "高血压", "轻度失能", *PLACE]
        + ["女儿电话13600000004"]
    )
    ws.append(
        [2, "陈国强", "男", CHEN, "0573-82000001", None, None, None]
        + ["陈小军", "儿子", "13600000014", None, None, "糖尿病", None, *PLACE, None]
    )
    ws.append(["合计", "2人"])
    wb.save(path)


def _by_header(table: excel_read.SheetTable) -> dict[str, str]:
    return {h: table.mapping.get(i, header_map.IGNORE) for i, h in enumerate(table.headers) if h}


def test_a_two_row_header_reads_each_column_as_group_and_sub_label(tmp_path: Path) -> None:
    path = tmp_path / "登记表.xlsx"
    _register(path)
    (table,) = excel_read.scan_layout(path).tables
    assert table.header_row == 4  # the data start below the sub-labels, not below the groups
    assert table.headers[:8] == (
        "序号",
        "姓名",
        "性别",
        "公民身份证号码",
        "联系电话",
        "手机",
        "监护人姓名",
        "监护人电话",
    )
    got = [table.mapping.get(i, header_map.IGNORE) for i in range(len(table.headers))]
    assert got == [
        "ignore",  # 序号
        "name",  # 基本信息 / 姓名
        "gender",
        "id_number",
        "phone",  # 联系\n电话, her own
        "phone2",  # 手机, her own second number
        "ignore",  # 监护人 / 姓名: the contact comes from 紧急联系人, one person
        "ignore",  # 监护人 / 电话: never her phone
        "contact_name",
        "contact_relation",
        "contact_phone",
        "ignore",  # 子女情况 / 姓名
        "ignore",  # 子女情况 / 电话
        "health_conditions",  # 健康状况 / 慢病
        "disability",  # 健康状况 / 失能情况
        "community",
        "grid",
        "micro_grid",
        "notes",
    ]


@pytest.mark.db
def test_a_registration_form_lands_with_the_right_phones(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = tmp_path / "登记表.xlsx"
    _register(path)
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    result = roster_import.apply_plan(ctx, plan, today=TODAY)
    assert (result.created, result.rejected) == (2, 0), [r.zh for r in plan.rejected]
    with ctx.read() as s:
        wang = s.scalar(select(m.Elder).where(m.Elder.id_number == WANG))
        assert (wang.name, wang.phone, wang.phone2) == ("王秀英", "13900000001", "13900000002")
        assert [(c.name, c.relation, c.phone) for c in wang.contacts] == [("王小红", "女儿", "13600000004")]
        assert wang.health_conditions == "高血压"
        chen = s.scalar(select(m.Elder).where(m.Elder.id_number == CHEN))
        assert chen.name == "陈国强" and chen.phone == "0573-82000001" and not chen.phone2
        assert [(c.name, c.phone) for c in chen.contacts] == [("陈小军", "13600000014")]


def _sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> excel_read.SheetTable:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名册"
    for r in rows:
        ws.append(r)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    (table,) = excel_read.scan_layout(path).tables
    return table


def test_names_merged_down_over_a_guardian_group(tmp_path: Path) -> None:
    # The upper row holds 姓名 / 身份证号码 (merged over both rows) and the 监护人 group.
    table = _sheet(
        tmp_path / "a.xlsx",
        [
            ["姓名", "身份证号码", "电话", "监护人", None, None],
            [None, None, None, "姓名", "电话", "与老人关系"],
            ["王秀英", WANG, "13900000001", "王大", "13700000003", "儿子"],
        ],
        ("A1:A2", "B1:B2", "C1:C2", "D1:F1"),
    )
    assert table.header_row == 2
    assert _by_header(table) == {
        "姓名": "name",
        "身份证号码": "id_number",
        "电话": "phone",
        "监护人姓名": "contact_name",
        "监护人电话": "contact_phone",
        "监护人与老人关系": "contact_relation",
    }


def test_a_neutral_group_does_not_hide_its_sub_labels(tmp_path: Path) -> None:
    table = _sheet(
        tmp_path / "b.xlsx",
        [
            ["老人基本情况", None, None, "联系方式", None, "家庭成员", None],
            ["姓名", "身份证号", "居住方式", "手机", "座机", "姓名", "电话"],
            ["王秀英", WANG, "独居", "13900000001", "82000001", "王大", "13700000003"],
        ],
        ("A1:C1", "D1:E1", "F1:G1"),
    )
    assert table.header_row == 2
    assert [table.mapping.get(i, header_map.IGNORE) for i in range(7)] == [
        "name",
        "id_number",
        "living",
        "phone",
        "phone2",
        "ignore",  # 家庭成员 / 姓名: a family member, not the elder
        "ignore",  # 家庭成员 / 电话: not a contact heading either
    ]


def test_an_unmerged_two_row_header_still_keeps_the_guardian_apart(tmp_path: Path) -> None:
    # Written without merged cells (e.g. saved from another program): the group label sits over
    # the first of its sub-labels and the cells to its right are empty.
    table = _sheet(
        tmp_path / "c.xlsx",
        [
            ["姓名", "身份证号码", "监护人", None],
            [None, None, "姓名", "电话"],
            ["王秀英", WANG, "王大", "13700000003"],
        ],
    )
    assert table.header_row == 2
    assert _by_header(table) == {
        "姓名": "name",
        "身份证号码": "id_number",
        "监护人姓名": "contact_name",
        "监护人电话": "contact_phone",
    }


def test_a_title_a_caption_and_a_merged_single_header_cell_are_not_groups(tmp_path: Path) -> None:
    # 紧急联系人 merged over two columns of a ONE-row header: the row below is a person, not labels.
    table = _sheet(
        tmp_path / "d.xlsx",
        [
            ["梅湾社区独居老人花名册", None, None, None, None],
            ["填报单位：梅湾社区", None, None, "填报日期：2026-11-01", None],
            ["姓名", "身份证号码", "联系电话", "紧急联系人", None],
            ["王秀英", WANG, "13900000001", "王大", "13700000003"],
        ],
        ("A1:E1", "A2:C2", "D2:E2", "D3:E3"),
    )
    assert table.header_row == 3
    assert table.headers == ("姓名", "身份证号码", "联系电话", "紧急联系人")
    assert table.mapping == {0: "name", 1: "id_number", 2: "phone", 3: "contact_name"}


def test_line_breaks_inside_header_cells(tmp_path: Path) -> None:
    table = _sheet(
        tmp_path / "e.xlsx",
        [
            ["姓\n名", "身份证\r\n号码", "联系\n电话", "居  住\n情  况", "健康情况/\n慢病"],
            ["王秀英", WANG, "1", "独居", "无"],
        ],
    )
    assert table.headers == ("姓名", "身份证号码", "联系电话", "居  住情  况", "健康情况/慢病")
    assert table.mapping == {0: "name", 1: "id_number", 2: "phone", 3: "living", 4: "health_conditions"}


@pytest.mark.db
def test_repeated_phone_columns_fill_phone_then_phone2_never_one_field_twice(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = tmp_path / "f.xlsx"
    headers = ["姓名", "身份证号码", "手机", "手机", "电话", "社区", "网格", "微网格"]
    table = _sheet(path, [headers, ["王秀英", WANG, "13900000001", "13900000002", "13900000009", *PLACE]])
    assert [table.mapping.get(i) for i in range(5)] == ["name", "id_number", "phone", "phone2", None]
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    roster_import.apply_plan(ctx, plan, today=TODAY)
    with ctx.read() as s:
        wang = s.scalar(select(m.Elder).where(m.Elder.id_number == WANG))
        assert (wang.phone, wang.phone2) == ("13900000001", "13900000002")
        assert "13900000009" not in (wang.notes or "")


def test_new_registry_words_are_matched_whole(tmp_path: Path) -> None:
    headers = [
        "姓名",
        "身份证号码",
        "经 济 条 件",
        "健康情况/慢病",
        "紧急联系人",
        "紧急联系人关系",
        "慢病编号",
    ]
    table = _sheet(tmp_path / "g.xlsx", [headers, ["王秀英", WANG, "低保", "高血压", "王大", "儿子", "M01"]])
    assert _by_header(table) == {
        "姓名": "name",
        "身份证号码": "id_number",
        "经 济 条 件": "economic",
        "健康情况/慢病": "health_conditions",
        "紧急联系人": "contact_name",
        "紧急联系人关系": "contact_relation",
        "慢病编号": "ignore",  # contains 慢病, is not it
    }


@pytest.mark.db
def test_mapping_step_samples_are_masked(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "登记表.xlsx"
    _register(path)
    (info,) = roster_import.describe_tables(ctx, [path])
    samples = dict(zip(info.headers, info.samples, strict=True))
    assert samples["姓名"] == ("王秀英", "陈国强")
    assert samples["公民身份证号码"] == (WANG[:4] + "*" * 10 + WANG[-4:], CHEN[:4] + "*" * 10 + CHEN[-4:])
    assert samples["联系电话"] == ("139****0001", "057*****0001")
    assert samples["监护人电话"] == ("137****0003",)  # ignored column, still masked
    assert samples["备注"] == ("女儿电话136****0004",)  # a number inside free text
    everything = "".join("".join(s) for s in info.samples)
    for number in (WANG, CHEN, "13900000001", "13700000003", "13600000004", "82000001"):
        assert number not in everything
    assert "合计" not in everything  # the footer line is not a sample


def test_a_group_with_a_count_or_a_date_is_still_a_group(tmp_path: Path) -> None:
    # 子女情况（3人以内） is the children's heading even with digits in it: its 电话 is not hers.
    table = _sheet(
        tmp_path / "h.xlsx",
        [
            ["姓名", "身份证号码", "子女情况（3人以内）", None, "2026年11月", None],
            [None, None, "姓名", "电话", "居住情况", "联系电话"],
            ["王秀英", WANG, "王大", "13700000003", "独居", "13900000001"],
        ],
        ("A1:A2", "B1:B2", "C1:D1", "E1:F1"),
    )
    assert [table.mapping.get(i) for i in range(6)] == [
        "name",
        "id_number",
        "contact_name",
        "contact_phone",
        "living",
        "phone",
    ]
