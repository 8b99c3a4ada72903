"""Recording a visit records the services given and the minutes spent; the sheet has a box for
each of the person's needs and a time field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from silverage.cli.main import main
from silverage.db import models as m
from silverage.domain.problems import ValidationError
from silverage.domain.progress import run_to_end
from silverage.domain.service_kinds import NeedInput
from silverage.reports.data import DocMeta
from silverage.reports.visit_sheet import write_visit_sheets
from silverage.services.context import ServiceContext
from silverage.services.print_export import print_data
from silverage.services.roster import elders
from silverage.services.visits import visits
from tests.reports.pdf_tools import page_texts
from tests.services.visit_helpers import one_visit

pytestmark = pytest.mark.db


def _audit(ctx: ServiceContext, field: str) -> list[tuple[str | None, str | None]]:
    with ctx.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(m.AuditEntry.old_value, m.AuditEntry.new_value)
                .where(m.AuditEntry.table_name == "visit", m.AuditEntry.field == field)
                .order_by(m.AuditEntry.id)
            )
        ]  # type: ignore[misc]


def test_services_and_minutes_are_recorded_audited_and_kept_by_a_correction(ctx: ServiceContext) -> None:
    code = one_visit(ctx, date(2026, 11, 26), date(2026, 11, 23), date(2026, 11, 27))
    res = visits.record_visit(ctx, code, "well", services=["助浴", "代购"], minutes=40)
    assert res.visit.services == ("助浴", "代购") and res.visit.minutes == 40
    assert _audit(ctx, "services") == [("", "助浴、代购")] and _audit(ctx, "minutes") == [(None, "40")]
    # a correction of the outcome alone keeps the services and the minutes on file
    fixed = visits.record_visit(ctx, code, "follow_up", correct=True)
    assert fixed.visit.services == ("助浴", "代购") and fixed.visit.minutes == 40
    less = visits.record_visit(ctx, code, "follow_up", correct=True, services=["助浴"], minutes=45)
    assert less.visit.services == ("助浴",) and less.visit.minutes == 45
    assert _audit(ctx, "services")[-1] == ("助浴、代购", "助浴")


@pytest.mark.parametrize("minutes", [0, -5, 721])
def test_an_impossible_time_is_refused_in_words(ctx: ServiceContext, minutes: int) -> None:
    code = one_visit(ctx, date(2026, 11, 26), date(2026, 11, 23), date(2026, 11, 27))
    with pytest.raises(ValidationError, match="服务时长"):
        visits.record_visit(ctx, code, "well", minutes=minutes)
    with pytest.raises(ValidationError, match="不在服务类型清单中"):
        visits.record_visit(ctx, code, "well", services=["插花"])
    assert visits.find_visit(ctx, code).status == "planned"  # nothing written


def test_record_command_takes_services_and_minutes(
    ctx: ServiceContext, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = one_visit(ctx, date(2026, 11, 26), date(2026, 11, 23), date(2026, 11, 27))
    assert (
        main(
            [
                "--db",
                db_target,
                "record",
                code,
                "--outcome",
                "well",
                "--services",
                "助浴,代购",
                "--minutes",
                "40",
            ]
        )
        == 0
    )
    assert "服务：助浴、代购；时长：40 分钟" in capsys.readouterr().out
    assert (
        main(
            ["--db", db_target, "record", code, "--outcome", "well", "--correct", "--minutes", "35", "--json"]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["visit"]["services"] == ["助浴", "代购"] and out["visit"]["minutes"] == 35


def test_the_sheet_has_a_box_for_each_need_and_a_time_field(ctx: ServiceContext, tmp_path: Path) -> None:
    code = one_visit(ctx, date(2026, 11, 30), date(2026, 11, 30), date(2026, 12, 4))
    eid = visits.find_visit(ctx, code).elder_id
    detail = elders.get_elder(ctx, eid)
    needs = (NeedInput("助浴", "weekly", "需两人协助"), NeedInput("用药提醒", "weekly"))
    elders.update_elder(ctx, eid, replace(detail.to_input(), needs=needs), detail.version)
    meta = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30), synthetic=False)
    with ctx.read() as s:
        doc = print_data.sheet_document(s, meta, date(2026, 11, 30), date(2026, 12, 6))
    assert doc.sections[0].visits[0].services == ("助浴", "用药提醒")
    out = tmp_path / "sheet.pdf"
    run_to_end(write_visit_sheets(out, doc))
    text = page_texts(out)[0]
    assert "本次服务" in text and "助浴" in text and "用药提醒" in text
    assert "服务时长" in text and "分钟" in text
