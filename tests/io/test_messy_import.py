"""Importing the kind of workbook an office really keeps: titles, merged cells, several sheets,
summary sheets, 合计/填表人 lines, blank rows, messy values, a person in two sheets and two files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.elder_input import ContactInput, ElderInput
from silverage.domain.problems import UserError
from silverage.io.excel_errors import write_error_workbook
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

pytestmark = pytest.mark.db

ZHANG = make_id(date(1945, 3, 2), male=True, seq=61, want_x=True)  # ends in X
LI = make_id(date(1945, 3, 2), male=False, seq=70)
WANG = make_id(date(1940, 5, 6), male=True, seq=80)
ZHAO = make_id(date(1941, 6, 7), male=True, seq=90)
QIAN = make_id(date(1942, 7, 8), male=False, seq=100)
SUN = make_id(date(1943, 8, 9), male=True, seq=110)
ZHOU = make_id(date(1938, 12, 25), male=True, seq=120)
WU = make_id(date(1944, 1, 5), male=False, seq=130)
ZHENG = make_id(date(1950, 2, 14), male=False, seq=140)
OLD = make_id(date(1939, 9, 9), male=True, seq=150)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def _bad_check(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:17] + last


def build_office_workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "汇总"
    summary.append(["社区", "人数"])
    summary.append(["月河社区", 8])
    summary.append(["合计", 8])

    ws = wb.create_sheet("月河社区")
    ws.merge_cells("A1:O1")
    ws["A1"] = "月河社区独居空巢老人花名册（2026年）"
    ws["A2"] = "填报单位：月河社区    日期：2026年11月"
    ws.append(
        [
            "序号",
            "老人姓名",
            "性别",
            "公民身份号码",
            "出生年月",
            "联系方式",
            "所在网格",
            "微网格",
            "家庭住址",
            "类别",
            "失能情况",
            "低保",
            "紧急联系人",
            "联系人电话",
            "备注",
        ]
    )
    rows = [
        # 4: full-width ID with a lower-case x, a name aligned with spaces, a phone with spaces
        [
            1,
            "张  三",
            "男",
            _full_width(ZHANG[:17]) + "x",
            "1945年3月2日",
            "138 1234 5678",
            "月河1网格",
            "1号微网格",
            "中山路12号3幢2单元301室",
            "独居",
            "无",
            "否",
            "张小三",
            "139-1234-5678",
            "耳背，敲门要重",
        ],
        # 5: the grid comes from the merged cell above; text date with dots
        [
            2,
            "李四",
            "女",
            LI,
            "1945.3.2",
            "0573-82345678",
            None,
            "2号微网格",
            "禾兴路5号",
            "空巢老人",
            "轻度",
            "低保",
            "李大",
            "13800000001",
            "",
        ],
        # 6: ID stored as a number: its last digits are gone
        [
            3,
            "王五",
            "男",
            float(WANG),
            None,
            "13800000002",
            None,
            "1号微网格",
            "建国路1号",
            "独居",
            "无",
            "否",
            None,
            None,
            None,
        ],
    ]
    for r in rows:
        ws.append(r)
    ws.merge_cells("G4:G6")
    ws.append([None] * 15)  # 7: blank
    more = [
        # 8: a mistyped digit (check digit wrong)
        [
            4,
            "赵六",
            "男",
            _bad_check(ZHAO),
            None,
            "13800000003",
            "月河2网格",
            None,
            "",
            "独居",
            "",
            "",
            None,
            None,
            None,
        ],
        # 9: a phone that is no phone
        [5, "钱七", "女", QIAN, None, "12345", "月河2网格", None, "", "空巢", "", "", None, None, None],
        # 10: a grid that does not exist
        [6, "孙八", "男", SUN, None, "13800000005", "第3网格", None, "", "独居", "", "", None, None, None],
        # 11: birth date as an Excel serial number; grid written "第二网格" (tolerated), one micro-grid only
        [
            7,
            "周九",
            "男",
            ZHOU,
            (date(1938, 12, 25) - date(1899, 12, 30)).days,
            "13800000006",
            "第二网格",
            None,
            "勤俭路8号",
            "孤寡",
            "重度",
            "特困",
            None,
            None,
            None,
        ],
        # 12: the birth date contradicts the ID number
        [
            8,
            "吴十",
            "女",
            WU,
            "1944-02-05",
            "13800000007",
            "月河2网格",
            None,
            "",
            "独居",
            "",
            "",
            None,
            None,
            None,
        ],
        ["合计", "8人", None, None, None, None, None, None, None, None, None, None, None, None, None],
        [
            "填表人：李社工",
            None,
            None,
            "审核人：王督导",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ]
    for r in more:
        ws.append(r)

    ws2 = wb.create_sheet("梅湾社区")
    ws2["A1"] = "梅湾社区花名册"
    ws2.append(["姓 名", "身份证号码", "手机号码", "社区", "网格名称", "紧急联系人", None])
    ws2.append([None, None, None, None, None, "姓名", "电话"])
    ws2.merge_cells("A2:A3")
    ws2.merge_cells("B2:B3")
    ws2.merge_cells("F2:G2")
    ws2.append(["郑一", ZHENG, "13900000001", "梅湾", "梅湾1网格", "郑小一", "13900000011"])
    ws2.append(["张三", ZHANG, "13812345678", "月河社区", "月河1网格", None, None])  # same person, same facts
    ws2.append(["李四", LI, "13999999999", "月河社区", "月河1网格", None, None])  # same person, other phone
    ws2.append(["老周", OLD, "13600000000", "月河社区", "月河1网格", None, None])  # on the roster: new phone
    wb.save(path)


@pytest.fixture
def office(ctx: ServiceContext, tmp_path: Path) -> tuple[ServiceContext, Path, dict[str, int]]:
    places = add_places(ctx)
    elders.create_elder(
        ctx,
        ElderInput(
            name="老周",
            id_number=OLD,
            phone="13611111111",
            micro_grid_id=places["月河1网格1号微网格"],
            living="alone",
            contacts=(ContactInput("周女", "女儿", "13722222222"),),
        ),
        today=TODAY,
    )
    path = tmp_path / "老人花名册.xlsx"
    build_office_workbook(path)
    return ctx, path, places


def _count(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Elder)) or 0)


def test_preview_counts_every_case_and_writes_nothing(
    office: tuple[ServiceContext, Path, dict[str, int]],
) -> None:
    ctx, path, _ = office
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert [t.sheet for t in plan.tables] == ["月河社区", "梅湾社区"]
    assert [s[1] for s in plan.skipped_sheets] == ["汇总"]
    # 钱七's phone "12345" is not a phone number: she lands without it, with a warning.
    assert sorted(p.name for p in plan.created) == sorted(["张三", "李四", "周九", "郑一", "钱七"])
    assert [p.name for p in plan.updated] == ["老周"]
    assert [(d.field, d.old, d.new) for d in plan.updated[0].diffs] == [
        ("phone", "136****1111", "136****0000")
    ]
    assert plan.rejected_rows == 5
    assert plan.merged_duplicates == 1
    assert plan.blank_rows == 1 and plan.footer_rows == 2
    assert plan.rows_read == 12
    reasons = {(r.sheet, r.row): r for r in plan.rejected}
    assert "15位有效数字" in reasons[("月河社区", 6)].zh and reasons[("月河社区", 6)].column == "公民身份号码"
    assert "校验位" in reasons[("月河社区", 8)].zh
    assert ("月河社区", 9) not in reasons
    (warning,) = [w for w in plan.warnings if w.row == 9]
    assert warning.sheet == "月河社区" and warning.column == "联系方式" and "未导入" in warning.zh
    assert warning.en and "12345" not in warning.zh + warning.value  # a phone cell is masked, in words too
    assert "第3网格" in reasons[("月河社区", 10)].zh and reasons[("月河社区", 10)].column == "所在网格"
    assert "不一致" in reasons[("月河社区", 12)].zh and reasons[("月河社区", 12)].column == "出生年月"
    assert "同一人" in reasons[("梅湾社区", 6)].zh and "电话" in reasons[("梅湾社区", 6)].zh
    assert all(r.en for r in plan.rejected)
    assert _count(ctx) == 1  # a dry run writes nothing


def test_import_stores_cleaned_values_in_one_go(office: tuple[ServiceContext, Path, dict[str, int]]) -> None:
    ctx, path, places = office
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    result = roster_import.apply_plan(ctx, plan, today=TODAY)
    assert (result.created, result.updated, result.rejected) == (5, 1, 5)
    assert _count(ctx) == 6
    with ctx.read() as s:
        zhang = s.scalar(select(m.Elder).where(m.Elder.name == "张三"))
        assert zhang.id_number == ZHANG and zhang.id_number.endswith("X")
        assert zhang.birth_date == date(1945, 3, 2) and zhang.gender == "M"
        assert zhang.phone == "13812345678"
        assert zhang.micro_grid_id == places["月河1网格1号微网格"]
        assert (zhang.address_detail, zhang.address_building, zhang.address_unit, zhang.address_room) == (
            "中山路12号",
            "3幢",
            "2单元",
            "301室",
        )
        assert zhang.living == "alone" and zhang.notes == "耳背，敲门要重"
        assert [(c.name, c.phone) for c in zhang.contacts] == [("张小三", "13912345678")]
        li = s.scalar(select(m.Elder).where(m.Elder.id_number == LI))
        assert li.micro_grid_id == places["月河1网格2号微网格"]  # grid filled down from the merged cell
        assert (li.living, li.disability, li.economic, li.phone) == (
            "empty_nest",
            "mild",
            "dibao",
            "0573-82345678",
        )
        zhou = s.scalar(select(m.Elder).where(m.Elder.id_number == ZHOU))
        assert zhou.micro_grid_id == places["月河2网格1号微网格"]
        assert (zhou.living, zhou.disability, zhou.economic) == ("gugua", "severe", "tekun")
        zheng = s.scalar(select(m.Elder).where(m.Elder.id_number == ZHENG))
        assert [(c.name, c.phone) for c in zheng.contacts] == [("郑小一", "13900000011")]  # two-row header
        old = s.scalar(select(m.Elder).where(m.Elder.id_number == OLD))
        assert old.phone == "13600000000" and [c.name for c in old.contacts] == ["周女"]  # contact kept
        assert (
            s.scalar(
                select(func.count())
                .select_from(m.AuditEntry)
                .where(
                    m.AuditEntry.table_name == "elder",
                    m.AuditEntry.record_id == old.id,
                    m.AuditEntry.action == "update",
                    m.AuditEntry.field == "phone",
                )
            )
            == 1
        )
        assert s.get(m.Setting, roster_import.SETTING_PREFIX + plan.tables[0].signature) is not None


def test_same_person_in_two_files_becomes_one_record(
    office: tuple[ServiceContext, Path, dict[str, int]], tmp_path: Path
) -> None:
    ctx, path, _ = office
    other = tmp_path / "另一份.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "电话", "社区", "网格", "微网格", "备注"])
    wb.active.append(["郑一", ZHENG, "13900000001", "梅湾社区", "梅湾1网格", None, "喜欢下棋"])
    wb.save(other)
    plan = roster_import.plan_import(ctx, [path, other], today=TODAY)
    assert len(plan.created) == 5 and plan.merged_duplicates == 2
    roster_import.apply_plan(ctx, plan, today=TODAY)
    with ctx.read() as s:
        rows = list(s.scalars(select(m.Elder).where(m.Elder.id_number == ZHENG)))
    assert len(rows) == 1 and rows[0].notes == "喜欢下棋"  # the second file filled in the notes


def test_reimporting_the_same_workbook_changes_nothing(
    office: tuple[ServiceContext, Path, dict[str, int]],
) -> None:
    ctx, path, _ = office
    roster_import.apply_plan(ctx, roster_import.plan_import(ctx, [path], today=TODAY), today=TODAY)
    again = roster_import.plan_import(ctx, [path], today=TODAY)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 6)
    assert all(t.remembered for t in again.tables)


def test_a_changed_mapping_is_remembered(office: tuple[ServiceContext, Path, dict[str, int]]) -> None:
    ctx, path, _ = office
    tables = roster_import.describe_tables(ctx, [path])
    first = tables[0]
    mapping = dict(first.mapping)
    notes_col = first.headers.index("备注")
    mapping[notes_col] = "doorstep_notes"  # this office writes doorstep advice into 备注
    plan = roster_import.plan_import(ctx, [path], {first.signature: mapping}, today=TODAY)
    roster_import.apply_plan(ctx, plan, today=TODAY)
    with ctx.read() as s:
        zhang = s.scalar(select(m.Elder).where(m.Elder.id_number == ZHANG))
        assert zhang.doorstep_notes == "耳背，敲门要重" and zhang.notes == ""
    again = roster_import.describe_tables(ctx, [path])[0]
    assert again.remembered and again.mapping[notes_col] == "doorstep_notes"


def test_cancel_rolls_everything_back(ctx: ServiceContext, tmp_path: Path) -> None:
    places = add_places(ctx)
    path = tmp_path / "大表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码", "社区", "网格", "微网格"])
    for i in range(120):
        wb.active.append(
            [f"测试{i}", make_id(date(1940, 1, 1 + i % 28), seq=200 + i), "月河社区", "月河2网格", ""]
        )
    wb.save(path)
    assert places
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert len(plan.created) == 120
    job = roster_import.apply_job(ctx, plan, today=TODAY)
    seen = [next(job) for _ in range(3)]
    assert seen[-1].done == 100  # two batches were written inside the transaction ...
    job.close()  # ... then the user pressed Cancel
    assert _count(ctx) == 0


def test_a_failure_midway_leaves_nothing_half_written(
    office: tuple[ServiceContext, Path, dict[str, int]],
) -> None:
    ctx, path, places = office
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    # Between preview and import someone registers 郑一 by hand: the import must refuse as a whole.
    elders.create_elder(
        ctx, ElderInput(name="郑一", id_number=ZHENG, micro_grid_id=places["梅湾1网格1号微网格"]), today=TODAY
    )
    with pytest.raises(UserError) as info:
        roster_import.apply_plan(ctx, plan, today=TODAY)
    assert "没有任何改动" in info.value.zh
    assert _count(ctx) == 2
    with ctx.read() as s:
        assert s.scalar(select(m.Elder.phone).where(m.Elder.id_number == OLD)) == "13611111111"


def test_error_workbook_can_be_fixed_and_reimported(
    office: tuple[ServiceContext, Path, dict[str, int]], tmp_path: Path
) -> None:
    ctx, path, _ = office
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    roster_import.apply_plan(ctx, plan, today=TODAY)
    errors = tmp_path / "错误.xlsx"
    assert write_error_workbook(errors, plan.rejected, plan.headers, warnings=plan.warnings) == 5
    wb = openpyxl.load_workbook(errors)
    assert wb.sheetnames == ["月河社区", "梅湾社区", "导入警告"]
    assert [c.value for c in wb["导入警告"][2]][:3] == ["月河社区", 9, "联系方式"]
    ws = wb["月河社区"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["序号", "老人姓名", "性别", "公民身份号码"] and header[-1] == "错误原因"
    names = [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)]
    assert names == ["王五", "赵六", "孙八", "吴十"]
    assert ws.cell(2, 7).value == "月河1网格"  # the merged grid is written into the row itself
    assert "15位有效数字" in ws.cell(2, len(header)).value and "第6行" in ws.cell(2, len(header)).value
    # Staff fix every cell the reasons point at.
    ws.cell(2, 4).value = WANG
    ws.cell(3, 4).value = ZHAO
    ws.cell(4, 7).value = "月河2网格"
    ws.cell(5, 5).value = "1944-01-05"
    ws2 = wb["梅湾社区"]
    ws2.cell(2, 3).value = "0573-82345678"
    wb.save(errors)
    again = roster_import.plan_import(ctx, [errors], today=TODAY)
    assert again.rejected == []
    assert sorted(p.name for p in again.created) == ["吴十", "孙八", "王五", "赵六"]
    assert [p.name for p in again.unchanged] == ["李四"]
    roster_import.apply_plan(ctx, again, today=TODAY)
    assert _count(ctx) == 10


def test_progress_is_reported_while_reading(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    ws.append(["姓名", "身份证号码", "社区", "网格"])
    for i in range(1000):
        ws.append([f"人{i}", make_id(date(1940, 1 + i % 12, 1 + i % 28), seq=i), "月河社区", "月河2网格"])
    wb.save(path)
    job = roster_import.plan_job(ctx, [path], today=TODAY)
    progress = []
    while True:
        try:
            progress.append(next(job))
        except StopIteration as stop:
            plan = stop.value
            break
    counted = [p.done for p in progress if p.total and p.message.startswith("正在检查")]
    assert counted == sorted(counted) and counted[-1] == 1000 and len(counted) >= 5
    compared = [p for p in progress if p.message.startswith("正在与花名册比对") and p.total]
    assert compared[-1].done == compared[-1].total == 1000
    assert len(plan.created) == 1000
