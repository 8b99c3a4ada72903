"""Values as offices write them (#12): month-only birth dates, yes/no flags, category words, and
doubts that are warnings, not rejections; people without a micro-grid land on the worklist."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.io.cell_values import parse_birth
from silverage.io.excel_errors import write_error_workbook
from silverage.io.excel_import import category_facts, parse_row
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

ZHOU = make_id(date(1942, 3, 15), male=False, seq=301)  # 84 on the test day
WU = make_id(date(1941, 6, 2), male=True, seq=302)  # 85
CHEN = make_id(date(1940, 1, 20), male=False, seq=303)


def _book(tmp_path: Path, headers: list[str], *rows: list[object], title: str = "月河社区") -> Path:
    path = tmp_path / "名册.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _people(ctx: ServiceContext) -> dict[str, m.Elder]:
    with ctx.read() as s:
        people = {e.name: e for e in s.scalars(select(m.Elder))}
        for e in people.values():
            s.expunge(e)
    return people


@pytest.mark.parametrize(
    ("cell", "month_column", "shown"),
    [
        ("1942年3月", False, "1942年3月"),
        ("1942.3", False, "1942年3月"),
        ("194203", False, "1942年3月"),
        ("1942", False, "1942年"),
        (1942, False, "1942年"),  # not Excel day 1942 (1905-04-24)
        (datetime(1942, 3, 1), True, "1942年3月"),  # 1942年3月 typed into a date cell under 出生年月
        (datetime(1942, 3, 1), False, "1942-03-01"),  # under 出生日期 the 1st is the 1st
    ],
)
def test_a_birth_date_keeps_only_what_it_states(cell: object, month_column: bool, shown: str) -> None:
    assert str(parse_birth(cell, month_column)) == shown


def test_month_and_year_only_birth_dates_agree_with_the_id() -> None:
    born = date(1942, 3, 15)
    assert parse_birth("1942年3月").matches(born)  # type: ignore[union-attr]
    assert parse_birth("1942").matches(born)  # type: ignore[union-attr]
    assert not parse_birth("1942年4月").matches(born)  # type: ignore[union-attr]
    assert not parse_birth("1942-03-01").matches(born)  # type: ignore[union-attr]


@pytest.mark.db
def test_a_month_only_sheet_imports_and_a_wrong_month_is_still_caught(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "出生年月", "网格", "微网格"],
        ["周桂英", ZHOU, "1942年3月", "月河1网格", "月河1网格1号微网格"],
        ["吴德明", WU, datetime(1941, 6, 1), "月河1网格", "月河1网格1号微网格"],
        ["陈秀兰", CHEN, "1940年2月", "月河1网格", "月河1网格1号微网格"],
    )
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert sorted(p.name for p in plan.created) == ["吴德明", "周桂英"]
    (wrong,) = plan.rejected
    assert wrong.row == 4 and "1940年2月" in wrong.zh and "1940-01-20" in wrong.zh


def test_flags_set_living_disability_and_economic() -> None:
    mapping = {0: "flag_alone", 1: "flag_empty_nest", 2: "flag_gugua", 3: "flag_disabled", 4: "flag_dibao"}
    assert parse_row(("√", "×", "", "否", "是"), mapping).values == {
        "living": "alone",
        "disability": "none",
        "economic": "dibao",
    }
    # The strongest "yes" wins whatever the column order; all three "no" = 其他.
    assert parse_row(("是", "是", "是", "", ""), mapping).values["living"] == "gugua"
    assert parse_row(("否", "否", "否", "", ""), mapping).values["living"] == "other"
    # A living column of its own wins over the flags.
    both = parse_row(("空巢", "是"), {0: "living", 1: "flag_alone"})
    assert both.values["living"] == "empty_nest"


def test_category_words_set_fields_and_the_rest_goes_to_the_notes() -> None:
    facts, rest = category_facts("独居老人、五保户、半失能、高龄、非低保")
    assert {k: getattr(v, "value", v) for k, v in facts.items()} == {
        "living": "alone",
        "economic": "tekun",
        "disability": "moderate",
    }
    assert rest == ["高龄", "非低保"]  # a negated word is never read as the fact it negates
    row = parse_row(("失独、卧床", "爱下棋"), {0: "category", 1: "notes"})
    assert row.values["mobility"] == "bedridden" and row.values["living"] == "empty_nest"
    assert row.values["notes"] == "爱下棋；失独"  # 失独 is more than 空巢: it is kept in words too


@pytest.mark.db
def test_an_85_year_old_living_alone_with_moderate_disability_is_red(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "是否独居", "是否空巢", "是否孤寡", "失能情况", "网格", "微网格"],
        ["吴德明", WU, "是", "否", "否", "半失能", "月河1网格", "月河1网格1号微网格"],
    )
    roster_import.apply_plan(ctx, roster_import.plan_import(ctx, [path], today=TODAY), today=TODAY)
    wu = _people(ctx)["吴德明"]
    assert (wu.living, wu.disability, wu.level) == ("alone", "moderate", "red")


@pytest.mark.db
def test_an_unrecognised_optional_value_is_a_warning_not_a_rejection(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "居住情况", "是否失能", "联系电话", "网格", "微网格"],
        ["周桂英", ZHOU, "城镇", "不详", "5551234", "月河1网格", "月河1网格1号微网格"],
    )
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert [p.name for p in plan.created] == ["周桂英"] and plan.rejected == []
    by_column = {w.column: w for w in plan.warnings}
    assert set(by_column) == {"居住情况", "是否失能", "联系电话"}
    assert by_column["居住情况"].value == "城镇" and "独居、空巢" in by_column["居住情况"].zh
    assert by_column["是否失能"].row == 2 and "是、否" in by_column["是否失能"].zh
    assert by_column["联系电话"].value != "5551234"  # a phone is masked even in a warning
    data = plan.as_json(applied=False)
    assert {w["field"] for w in data["warnings"]} == {"居住情况", "是否失能", "联系电话"}
    report = tmp_path / "errors.xlsx"
    write_error_workbook(report, plan.rejected, plan.headers, warnings=plan.warnings)
    sheet = openpyxl.load_workbook(report)["导入警告"]
    assert [c.value for c in sheet[1]] == ["工作表", "行", "列", "内容", "说明"]
    assert sheet.max_row == 4
    roster_import.apply_plan(ctx, plan, today=TODAY)
    zhou = _people(ctx)["周桂英"]
    assert (zhou.living, zhou.phone) == ("other", "")  # left empty, not guessed


@pytest.mark.db
def test_a_person_without_a_micro_grid_lands_on_the_worklist(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)  # 月河社区 has two grids; 月河1网格 has two micro-grids
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "社区", "网格"],
        ["周桂英", ZHOU, "月河社区", ""],
        ["吴德明", WU, "月河社区", "月河1网格"],
    )
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert sorted(p.name for p in plan.created) == ["吴德明", "周桂英"] and plan.rejected == []
    assert plan.unplaced == 2 and plan.as_json(applied=False)["unplaced"] == 2
    assert all("待分配微网格" in w.zh for w in plan.warnings)
    roster_import.apply_plan(ctx, plan, today=TODAY)
    with ctx.read() as s:
        where = dict(
            s.execute(
                select(m.Elder.name, m.Grid.name + "/" + m.MicroGrid.name)
                .join(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
                .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            ).all()
        )
    assert where == {"周桂英": "未分网格/未分微网格", "吴德明": "月河1网格/未分微网格"}


@pytest.mark.db
def test_guardian_columns_make_the_emergency_contact_and_a_nameless_phone_is_kept(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "联系电话", "监护人姓名", "监护人电话", "子女电话", "网格", "微网格"],
        [
            "周桂英",
            ZHOU,
            "13900001111",
            "周建国",
            "13700002222",
            "13600003333",
            "月河1网格",
            "月河1网格1号微网格",
        ],
    )
    other = tmp_path / "子女.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码", "子女电话", "网格", "微网格"])
    wb.active.append(["吴德明", WU, "13600004444", "月河1网格", "月河1网格1号微网格"])
    wb.save(other)
    plan = roster_import.plan_import(ctx, [path, other], today=TODAY)
    roster_import.apply_plan(ctx, plan, today=TODAY)
    with ctx.read() as s:
        got = {
            e.name: (e.phone, [(c.name, c.relation, c.phone) for c in e.contacts])
            for e in s.scalars(select(m.Elder))
        }
    # one person's name and phone (the guardian's), never the child's phone beside the guardian's name
    assert got["周桂英"] == ("13900001111", [("周建国", "", "13700002222")])
    # a child's phone with no name is kept under 子女, with a warning to add the name
    assert got["吴德明"] == ("", [("子女", "子女", "13600004444")])
    (warning,) = [w for w in plan.warnings if w.sheet == "Sheet"]
    assert "补上姓名" in warning.zh


def test_health_words_and_worded_flags_say_what_the_rules_score() -> None:
    row = parse_row(
        ("高血压、老年痴呆、长期卧床", "半失能", "DB2024001"),
        {0: "health_conditions", 1: "flag_disabled", 2: "dibao_number"},
    )
    assert row.values["health_conditions"] == "高血压、老年痴呆、长期卧床"  # the text stays as written
    assert row.values["cognitive_impairment"] is True and row.values["mobility"] == "bedridden"
    assert row.values["disability"] == "moderate"  # 是否失能 "半失能" says more than yes
    assert row.values["economic"] == "dibao" and not row.warnings  # a 低保证 number means 低保


@pytest.mark.db
def test_an_ordinary_export_imports_with_a_warning_that_levels_are_scored_on_less(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["序号", "姓名", "身份证号码", "网格", "微网格", "居住情况", "关爱等级"],
        [1, "周桂英", ZHOU, "月河1网格", "月河1网格1号微网格", "独居", "红"],
    )
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    (warning,) = plan.warnings
    assert warning.column == "关爱等级" and "完整花名册" in warning.zh and "complete" in warning.en


@pytest.mark.db
def test_a_community_only_row_never_lands_in_a_micro_grid_another_row_creates(
    supervisor_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = _book(
        tmp_path,
        ["姓名", "身份证号码", "社区", "网格", "微网格"],
        ["周桂英", ZHOU, "星湖社区", "3网格", "1号微网格"],
        ["吴德明", WU, "星湖社区", "", ""],
    )
    plan = roster_import.plan_import(supervisor_ctx, [path], today=TODAY, create_places=True)
    roster_import.apply_plan(supervisor_ctx, plan, today=TODAY)
    with supervisor_ctx.read() as s:
        where = dict(
            s.execute(
                select(m.Elder.name, m.Grid.name)
                .join(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
                .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            ).all()
        )
    assert where == {"周桂英": "3网格", "吴德明": "未分网格"}  # not into 周桂英's new micro-grid


@pytest.mark.db
def test_footer_lines_are_not_people(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = _book(
        tmp_path,
        ["序号", "姓名", "身份证号码", "网格", "微网格"],
        [1, "周桂英", ZHOU, "月河1网格", "月河1网格1号微网格"],
        [None, "社区负责人签字：", "日期：", None, None],
        ["审核人：", None, "填表人：王芳  联系电话：13922229999", None, None],
    )
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert [p.name for p in plan.created] == ["周桂英"] and plan.rejected == [] and plan.footer_rows == 2
