"""Volunteers' hours per month (visits, services, minutes, people), the certificate, the needs list
and the dashboard's per-community figures."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from silverage.cli.main import main
from silverage.db import models as m
from silverage.domain.problems import UserError, ValidationError
from silverage.domain.service_kinds import NeedInput
from silverage.domain.volunteer_input import VolunteerInput
from silverage.services.context import ServiceContext
from silverage.services.print_export.hours_print import print_hours_certificates
from silverage.services.roster import elders, needs_list
from silverage.services.visits import visits
from silverage.services.volunteers import hours, volunteers
from tests.reports.pdf_tools import fonts, page_texts

pytestmark = pytest.mark.db

NOV = date(2026, 11, 1)


def _served(ctx: ServiceContext) -> tuple[int, int]:
    """One volunteer who visited two people in November (one twice) and once in October."""
    with ctx.transaction() as s:
        c = m.Community(code="C1", name="月河社区")
        g = m.Grid(code="G1", name="月河3网格", community=c)
        mg = m.MicroGrid(code="M1", name="1号微网格", grid=g)
        s.add_all([c, g, mg])
        s.flush()
        mg_id = mg.id
    vol = volunteers.create_volunteer(ctx, VolunteerInput("陈红", "13812345678", micro_grid_id=mg_id))
    other = volunteers.create_volunteer(ctx, VolunteerInput("周立", "13812345679", micro_grid_id=mg_id))
    with ctx.transaction() as s:
        people = [
            m.Elder(
                name=n,
                gender="F",
                id_number=i,
                birth_date=date(1940, 1, 1),
                living="alone",
                micro_grid_id=mg_id,
            )
            for n, i in (("王秀英", "330402194001010016"), ("李阿婆", "330402194001010032"))
        ]
        s.add_all(people)
        s.flush()
        plan = [
            ("NASDUM", people[0].id, date(2026, 11, 5)),
            ("RZVSPA", people[0].id, date(2026, 11, 12)),
            ("YJ2VGC", people[1].id, date(2026, 11, 19)),
            ("TZ9P3T", people[1].id, date(2026, 10, 28)),
        ]
        for code, eid, day in plan:
            s.add(
                m.Visit(code=code, elder_id=eid, volunteer_id=vol.id, kind="home", planned_date=day,
                        window_start=day, window_end=day, status="planned", findings={}, notes="")
            )  # fmt: skip
    for code, day, given, minutes in (
        ("NASDUM", date(2026, 11, 5), ["助浴"], 40),
        ("RZVSPA", date(2026, 11, 12), ["助浴", "代购"], 70),
        ("YJ2VGC", date(2026, 11, 19), [], 20),
        ("TZ9P3T", date(2026, 10, 28), ["助餐"], 30),
    ):
        visits.record_visit(ctx, code, "well", services=given, minutes=minutes, visited_on=day)
    return vol.id, other.id


def test_a_month_counts_visits_services_minutes_and_people_per_volunteer(ctx: ServiceContext) -> None:
    vol, other = _served(ctx)
    rows = {r.volunteer_id: r for r in hours.month_hours(ctx, NOV)}
    assert (rows[vol].visits, rows[vol].services, rows[vol].minutes, rows[vol].people) == (3, 3, 130, 2)
    assert rows[vol].by_kind == (("助浴", 2), ("代购", 1)) and rows[vol].hours == 2.2
    assert (rows[other].visits, rows[other].minutes) == (0, 0)  # on duty, nothing yet: listed with zeros
    october = {r.volunteer_id: r for r in hours.month_hours(ctx, date(2026, 10, 1))}
    assert (october[vol].visits, october[vol].minutes, october[vol].by_kind) == (1, 30, (("助餐", 1),))


def test_hours_command_gives_one_entry_per_volunteer(
    ctx: ServiceContext, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    vol, _ = _served(ctx)
    assert main(["--db", db_target, "hours", "--month", "2026-11", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    mine = next(e for e in entries if e["volunteer_id"] == vol)
    assert {k: mine[k] for k in ("visits", "services", "minutes", "people")} == {
        "visits": 3, "services": 3, "minutes": 130, "people": 2
    }  # fmt: skip
    assert len(entries) == 1  # only who served: the header's count and the list agree
    assert main(["--db", db_target, "hours", "--month", "2026-11"]) == 0
    text = capsys.readouterr().out
    assert "1 名志愿者有服务记录" in text and len(text.strip().splitlines()) == 3  # header, columns, 陈红
    assert main(["--db", db_target, "hours", "--month", "2026-11", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2  # --all: the one on duty with zeros too
    assert main(["--db", db_target, "hours", "--month", "2026-13"]) == 2
    assert "2026-13" in capsys.readouterr().err


def test_the_certificate_is_one_a4_page_signed_by_the_office_with_the_font_embedded(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    _served(ctx)
    with ctx.transaction() as s:
        s.merge(m.AppMeta(key="subdistrict", value="新兴街道"))
    out = tmp_path / "hours.pdf"
    result = print_hours_certificates(ctx, out, NOV, "陈红")
    assert result.pages == 1 and result.people == 1
    text = page_texts(out)[0]
    for expected in (
        "志愿服务时长证明", "陈红", "2026年11月", "上门探访3次", "服务老人2位", "130分钟", "2.2小时",
        "助浴", "新兴街道（盖章）", "负责人签字", "特此证明",
    ):  # fmt: skip
        assert expected in text, expected
    assert "王秀英" not in text  # counts only: no older person is named
    assert fonts(out) and all(f["emb"] == "yes" for f in fonts(out))
    with ctx.read() as s:
        printed = s.scalars(select(m.AuditEntry).where(m.AuditEntry.field == "hours_certificate")).one()
    assert '"month": "2026-11"' in printed.detail
    with pytest.raises(UserError, match="没有已录入的探访"):
        print_hours_certificates(ctx, tmp_path / "none.pdf", NOV, "周立")
    with pytest.raises(ValidationError):
        hours.parse_month("11/2026")


def test_print_hours_command(ctx: ServiceContext, db_target: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    _served(ctx)
    out = tmp_path / "all.pdf"
    assert main(["--db", db_target, "print", "hours", str(out), "--month", "2026-11"]) == 0
    assert "志愿服务时长证明" in capsys.readouterr().out
    assert len(page_texts(out)) == 1  # only 陈红 served in November


def test_print_hours_for_a_month_without_records_writes_nothing(
    ctx: ServiceContext, db_target: str, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    _served(ctx)
    out = tmp_path / "empty.pdf"
    assert main(["--db", db_target, "print", "hours", str(out), "--month", "2027-01"]) == 2
    assert "2027年1月没有志愿服务记录" in capsys.readouterr().err
    assert not out.exists()


def test_needs_list_says_who_meets_each_need_and_the_dashboard_counts_them(
    ctx: ServiceContext, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _served(ctx)
    with ctx.read() as s:
        wang = s.scalar(select(m.Elder.id).where(m.Elder.name == "王秀英"))
    detail = elders.get_elder(ctx, wang)
    wanted = (NeedInput("助浴", "weekly"), NeedInput("理发", "monthly"), NeedInput("代购", "monthly"))
    elders.update_elder(ctx, wang, replace(detail.to_input(), needs=wanted), detail.version)
    people = needs_list.people_needs(ctx, date(2026, 11, 16))
    lines = {n.kind: n for n in people[0].needs}
    assert lines["助浴"].last_given == date(2026, 11, 12) and lines["助浴"].given_by == ("陈红",)
    assert lines["助浴"].met and lines["代购"].met and not lines["理发"].met
    later = {n.kind: n for n in needs_list.people_needs(ctx, date(2026, 11, 26))[0].needs}
    assert not later["助浴"].met and later["代购"].met  # weekly: 14 days ago is overdue; monthly: not yet
    figures = needs_list.community_figures(ctx, date(2026, 11, 26))
    assert [(f.community, f.needs, f.met, f.minutes) for f in figures] == [("月河社区", 3, 1, 130)]
    assert main(["--db", db_target, "needs", "list", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["name"] == "王秀英" and [n["kind"] for n in out[0]["needs"]] == ["助浴", "代购", "理发"]


def test_the_month_exports_to_excel_with_columns_saved_as_a_named_template(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    import openpyxl

    from silverage.services.print_export import hours_export

    _served(ctx)
    hours_export.save_template(ctx, "志愿汇", ("name", "phone", "month", "hours", "by_kind"))
    assert hours_export.templates(ctx) == {"志愿汇": ("name", "phone", "month", "hours", "by_kind")}
    out = tmp_path / "时长.xlsx"
    n = hours_export.export_hours(ctx, out, NOV, hours_export.templates(ctx)["志愿汇"])
    assert n == 1  # only who served
    rows = [r for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True) if any(r)]
    header = rows.index(("姓名", "手机号码", "服务月份", "服务时长（小时）", "服务内容"))
    assert rows[header + 1] == ("陈红", "138****5678", "2026-11", "2.2", "助浴2次、代购1次")
    with pytest.raises(ValidationError, match="导出列"):
        hours_export.save_template(ctx, "空", ())
    with ctx.read() as s:
        details = [e.detail for e in s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "export"))]
    assert any("volunteer hours 2026-11" in d and "volunteers=1" in d for d in details)
