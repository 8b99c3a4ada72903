"""Printing from the roster: next week's sheets in one action, masking, roles, the audit trail."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from silverage.cli.main import main as cli_main
from silverage.db import models as m
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services.context import ServiceContext
from silverage.services.print_export import printing
from tests.conftest import TODAY
from tests.reports.conftest import NEXT_MONDAY, NEXT_SUNDAY, Planned, plan_week
from tests.reports.pdf_tools import page_texts, qr_codes, render

pytestmark = pytest.mark.db


def _audit(ctx: ServiceContext) -> list[m.AuditEntry]:
    with ctx.read() as s:
        return list(
            s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "print").order_by(m.AuditEntry.id))
        )


def test_next_weeks_sheets_for_every_volunteer(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    out = tmp_path / "week.pdf"
    result = printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY)
    texts = page_texts(out)
    assert result.pages == len(texts) == 3 * 2  # 3 volunteers x 5 home visits, three blocks a page
    assert (result.people, result.entries) == (15, 15)
    everything = "".join(texts)
    for p in planned:
        page = next(t for t in texts if p.code in t)
        assert p.elder_name in page, f"{p.code} printed apart from {p.elder_name}"
        assert p.id_number not in everything
        assert p.id_number[:4] + "*" * 10 + p.id_number[-4:] in page
    for vol in {p.volunteer_name for p in planned}:
        assert f"志愿者：{vol}" in everything
    # each volunteer's first page shows their week: Monday to Friday one visit each, the weekend off
    firsts = [t for t in texts if "第1页/共2页" in t]
    assert len(firsts) == 3
    week = r"一30日[上下]1二1日[上下]1三2日[上下]1四3日[上下]1五4日[上下]1六5日休日6日休"
    assert all(re.search(week, t) for t in firsts), firsts[0][:300]
    assert not any("一30日" in t for t in texts if "第2页/共2页" in t)
    assert "演示数据" in texts[0]
    # past, done visits are never printed
    with demo_ctx.read() as s:
        done_code = s.scalar(select(m.Visit.code).where(m.Visit.status == "done"))
    assert done_code not in everything


def test_printed_codes_scan_and_open_the_right_visit(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    out = tmp_path / "week.pdf"
    printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY)
    scanned = qr_codes(render(out, 1, tmp_path))
    assert len(scanned) == 3  # three blocks a page
    by_code = {p.code: p for p in planned}
    for code in scanned:
        ref = printing.find_visit_by_code(demo_ctx, code.lower())  # typed in lower case at the office
        assert ref.id == by_code[code].visit_id and ref.elder_name == by_code[code].elder_name
        assert ref.status == "planned"


def test_phone_check_ins_print_as_call_rows_that_scan_back(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    """A volunteer's calls come after the home visits as table rows, not as half-page blocks."""
    planned = plan_week(demo_ctx, volunteers=2, per_volunteer=12, phone_every=3)  # 8 home + 4 calls each
    calls = [p for p in planned if p.kind == "phone"]
    assert len(calls) == 8
    with demo_ctx.read() as s:
        ids = [p.elder_id for p in calls]
        phones = {
            eid: ph for eid, ph in s.execute(select(m.Elder.id, m.Elder.phone).where(m.Elder.id.in_(ids)))
        }
        contact = {
            eid: ph
            for eid, ph in s.execute(  # the last one kept is the first contact
                select(m.EmergencyContact.elder_id, m.EmergencyContact.phone)
                .where(m.EmergencyContact.elder_id.in_(ids))
                .order_by(
                    m.EmergencyContact.elder_id,
                    m.EmergencyContact.sort_order.desc(),
                    m.EmergencyContact.id.desc(),
                )
            )
        }
    out = tmp_path / "week.pdf"
    result = printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY)
    texts = page_texts(out)
    # per volunteer: 8 blocks on 3 pages, the 4 calls in the room the third page's 2 blocks left
    assert result.pages == len(texts) == 2 * 3 and result.entries == 24
    for p in planned:
        page = next(i for i, t in enumerate(texts) if p.code in t)
        assert p.elder_name in texts[page]
        if p.kind == "phone":
            assert "电话问候" in texts[page] and "姓名/日期" in texts[page]
            if phones[p.elder_id]:
                assert phones[p.elder_id] in texts[page]  # in full: the volunteer must dial it
            if p.elder_id in contact:
                assert contact[p.elder_id] in texts[page]
    # a home-visit block for every home visit and none for a call
    assert sum(t.count("探访人签名") for t in texts) == len(planned) - len(calls)
    on_page = {p.code for p in planned if p.code in texts[2]}  # 2 blocks and 4 call rows
    assert len(on_page) == 6 and len(on_page & {p.code for p in calls}) == 4
    scanned = qr_codes(render(out, 3, tmp_path))  # 150 dpi
    assert scanned == on_page
    for code in scanned:
        ref = printing.find_visit_by_code(demo_ctx, code)
        assert ref.id == next(p.visit_id for p in planned if p.code == code)


def test_mistyped_or_unknown_code_is_explained(demo_ctx: ServiceContext, planned: list[Planned]) -> None:
    code = planned[0].code
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(UserError, match="校验不通过"):
        printing.find_visit_by_code(demo_ctx, wrong)
    with pytest.raises(UserError, match="不是探访编号"):
        printing.find_visit_by_code(demo_ctx, "12")


def test_one_volunteer_and_one_micro_grid(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    vol = planned[0]
    out = tmp_path / "one.pdf"
    result = printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY, volunteer=str(vol.volunteer_id))
    text = "".join(page_texts(out))
    mine = [p for p in planned if p.volunteer_id == vol.volunteer_id]
    assert result.entries == len(mine)
    assert all(p.code in text for p in mine)
    assert not any(p.code in text for p in planned if p.volunteer_id != vol.volunteer_id)

    with demo_ctx.read() as s:
        mg_id, mg_name = s.execute(
            select(m.MicroGrid.id, m.MicroGrid.name)
            .join(m.Elder, m.Elder.micro_grid_id == m.MicroGrid.id)
            .where(m.Elder.id == vol.elder_id)
        ).one()
        in_grid = set(s.scalars(select(m.Elder.id).where(m.Elder.micro_grid_id == mg_id)))
    out = tmp_path / "mg.pdf"
    printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY, micro_grid=mg_name)
    text = "".join(page_texts(out))
    assert f"微网格：{mg_name}" in text
    assert {p.code for p in planned if p.code in text} == {p.code for p in planned if p.elder_id in in_grid}


def test_clear_errors(demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError, match="没有待进行的探访") as exc:
        printing.print_sheets(demo_ctx, out, TODAY - timedelta(days=30), TODAY - timedelta(days=24))
    assert "Plan the visits first" in exc.value.en
    with pytest.raises(UserError, match="没有名为“无此人”的志愿者"):
        printing.print_sheets(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY, volunteer="无此人")
    with pytest.raises(UserError, match="早于"):
        printing.print_sheets(demo_ctx, out, NEXT_SUNDAY, NEXT_MONDAY)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert _audit(demo_ctx) == []


def test_each_print_is_audited_without_personal_data(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    printing.print_sheets(demo_ctx, tmp_path / "a.pdf", NEXT_MONDAY, NEXT_SUNDAY)
    rows = _audit(demo_ctx)
    assert len(rows) == 1
    row = rows[0]
    assert (row.user, row.action, row.field, row.new_value) == ("sheg", "print", "visit_sheets", "15")
    detail = json.loads(row.detail)
    assert detail["people"] == 15 and detail["pages"] == 6 and detail["from"] == NEXT_MONDAY.isoformat()
    assert not any(p.elder_name in row.detail or p.id_number in row.detail for p in planned)


def test_cancelled_print_leaves_no_file_and_no_audit(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "c.pdf"
    job = printing.sheets_job(demo_ctx, out, NEXT_MONDAY, NEXT_SUNDAY)
    next(job), next(job), next(job)  # reading, then the first pages
    job.close()  # what Cancel does
    assert not list(folder.iterdir())
    assert _audit(demo_ctx) == []


def test_roster_masked_for_worker_unmasked_only_for_supervisor(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    with demo_ctx.read() as s:
        id_number, ph = s.execute(
            select(m.Elder.id_number, m.Elder.phone)
            .where(m.Elder.status == "active", m.Elder.phone != "")
            .order_by(m.Elder.id)
        ).first()
    out = tmp_path / "roster.pdf"
    result = printing.print_roster(demo_ctx, out)
    text = "".join(page_texts(out))
    assert result.people == 979
    assert id_number not in text and ph not in text
    assert id_number[:4] + "*" * 10 + id_number[-4:] in text
    assert "身份证号和电话已部分隐藏" in text

    with pytest.raises(PermissionDenied, match="只有督导"):
        printing.print_roster(demo_ctx, tmp_path / "full.pdf", unmasked=True)
    assert not (tmp_path / "full.pdf").exists()

    supervisor = ServiceContext(demo_ctx.db, printing_actor("duda"))
    printing.print_roster(supervisor, tmp_path / "full.pdf", unmasked=True)
    full = "".join(page_texts(tmp_path / "full.pdf"))
    assert id_number in full and ph in full
    rows = _audit(demo_ctx)
    assert [(r.user, r.field, json.loads(r.detail)["unmasked"]) for r in rows] == [
        ("sheg", "roster", False),
        ("duda", "roster", True),
    ]


def printing_actor(username: str):  # type: ignore[no-untyped-def]
    from silverage.domain.enums import Role
    from silverage.services.context import Actor

    return Actor(username, Role.SUPERVISOR, "王督导")


def test_call_list_for_a_campaign(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    with demo_ctx.transaction() as s:
        s.add(m.Campaign(name="台风防御", kind="typhoon", levels="red", start_date=NEXT_MONDAY, days=2))
    with demo_ctx.read() as s:
        red = list(
            s.execute(
                select(m.Elder.name, m.Elder.phone).where(m.Elder.status == "active", m.Elder.level == "red")
            )
        )
        green_phone = s.scalar(
            select(m.Elder.phone).where(
                m.Elder.status == "active", m.Elder.level == "green", m.Elder.phone != ""
            )
        )
    out = tmp_path / "calls.pdf"
    result = printing.print_call_list(demo_ctx, out, "台风防御")
    text = "".join(page_texts(out))
    unassessed = 0 if red else result.people  # before care levels exist everyone is unassessed
    assert result.people == len(red) + (unassessed if not red else 0)
    assert "电话名单：台风防御" in text and "未接通" in text
    for name, ph in red[:20]:
        assert name in text and (not ph or ph in text)  # phones in full: the point is to call
    if green_phone:
        assert green_phone not in text
    with pytest.raises(UserError, match="台风防御"):
        printing.print_call_list(demo_ctx, out, "寒潮")


def test_selection_prints_next_visit_or_an_uncoded_block(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path
) -> None:
    with demo_ctx.read() as s:
        other = s.scalar(
            select(m.Elder.id).where(
                m.Elder.status == "active", m.Elder.id.not_in([p.elder_id for p in planned])
            )
        )
    out = tmp_path / "sel.pdf"
    result = printing.print_selection(demo_ctx, out, [planned[0].elder_id, other], today=TODAY)
    text = "".join(page_texts(out))
    assert result.entries == 2
    assert planned[0].code in text and "无探访编号" in text
    assert _audit(demo_ctx)[-1].field == "selection_sheets"


def test_cli_prints_sheets_and_explains_errors(
    demo_ctx: ServiceContext, planned: list[Planned], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = demo_ctx.db.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "cli.pdf"
    rc = cli_main(
        [
            "--db",
            url,
            "sheets",
            str(out),
            "--from",
            NEXT_MONDAY.isoformat(),
            "--to",
            NEXT_SUNDAY.isoformat(),
            "--json",
        ]
    )
    assert rc == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 6
    rc = cli_main(
        ["--db", url, "sheets", str(tmp_path / "n.pdf"), "--from", "2026-01-05", "--to", "2026-01-11"]
    )
    err = capsys.readouterr().err
    assert rc == 2 and "没有待进行的探访" in err and "No open visits" in err
    rc = cli_main(["--db", url, "print", "blank", str(tmp_path / "b.pdf")])
    assert rc == 0 and (tmp_path / "b.pdf").exists() and "空白探访表" in capsys.readouterr().out
    rc = cli_main(["--db", url, "visit-code", planned[0].code, "--json"])
    assert rc == 0 and json.loads(capsys.readouterr().out)["elder_name"] == planned[0].elder_name


def test_plan_week_helper_is_not_in_the_past() -> None:
    assert NEXT_MONDAY > TODAY and NEXT_MONDAY.weekday() == 0 and isinstance(NEXT_SUNDAY, date)
    assert plan_week.__doc__
