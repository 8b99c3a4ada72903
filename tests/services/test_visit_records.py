"""Every outcome has a real date, and a recorded outcome changes only by an explicit correction.

The visits are made by hand (not planned), so each test says exactly which window it is about;
the clock is pinned to TODAY (2026-11-26, a Thursday) by the suite's conftest.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from silverage.cli.main import main
from silverage.db import models as m
from silverage.domain.problems import UserError, ValidationError
from silverage.services.context import ServiceContext
from silverage.services.visits import visits
from tests.conftest import TODAY
from tests.services.visit_helpers import one_visit, second_visit

pytestmark = pytest.mark.db


def _stored(ctx: ServiceContext, code: str) -> m.Visit:
    with ctx.read() as s:
        v = s.scalar(select(m.Visit).where(m.Visit.code == code))
        s.expunge(v)
        return v


def _corrections(ctx: ServiceContext) -> dict[str, tuple[str | None, str | None]]:
    with ctx.read() as s:
        rows = s.execute(
            select(m.AuditEntry.field, m.AuditEntry.old_value, m.AuditEntry.new_value).where(
                m.AuditEntry.table_name == "visit", m.AuditEntry.action == "correct"
            )
        ).all()
    return {f: (old, new) for f, old, new in rows}


def test_a_new_outcome_is_dated_today_by_the_clock(ctx: ServiceContext) -> None:
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    res = visits.record_visit(ctx, code, "well")  # no date, no today: the clock's day
    assert res.visit.visited_at is not None and res.visit.visited_at.date() == TODAY
    assert res.warnings == []
    with ctx.read() as s:
        assert s.scalar(select(m.Elder.last_contact)) == TODAY


def test_a_visit_date_after_today_is_refused(ctx: ServiceContext) -> None:
    code = one_visit(ctx, date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 11))
    with pytest.raises(ValidationError) as err:
        visits.record_visit(ctx, code, "well", visited_on=date(2026, 12, 7))
    assert "晚于今天" in err.value.zh and "after today" in err.value.en
    assert _stored(ctx, code).status == "planned"  # nothing was written


def test_a_date_outside_the_window_is_recorded_with_a_warning(ctx: ServiceContext) -> None:
    # Planned for next week, entered today: recorded as today's visit, and the user is told.
    code = one_visit(ctx, date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 11))
    res = visits.record_visit(ctx, code, "well")
    assert res.visit.status == "done" and res.visit.visited_at.date() == TODAY
    (w,) = res.warnings
    assert "不在这次探访的时间窗（2026-12-07 至 2026-12-11）内" in w.zh and "outside" in w.en
    inside = second_visit(ctx)
    assert visits.record_visit(ctx, inside, "well", visited_on=date(2026, 11, 24)).warnings == []


def test_recording_over_a_done_visit_without_correct_is_refused(ctx: ServiceContext) -> None:
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    visits.record_visit(ctx, code, "not_home", visited_on=date(2026, 11, 24))
    with pytest.raises(UserError) as err:
        visits.record_visit(ctx, code, "well")
    assert "已于 2026-11-24 录入为“空访（不在家）”" in err.value.zh and "更正" in err.value.zh
    assert "--correct" in err.value.en and "2026-11-24" in err.value.en
    assert _stored(ctx, code).outcome == "not_home"
    assert _corrections(ctx) == {}


def test_a_correction_keeps_the_recorded_date_and_audits_the_old_values(ctx: ServiceContext) -> None:
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    first = visits.record_visit(
        ctx, code, "not_home", visited_on=date(2026, 11, 24), findings={"safety": "门锁坏了"}
    )
    assert first.corrected_outcome is None
    res = visits.record_visit(ctx, code, "well", findings={"health": "血压偏高"}, correct=True)
    assert res.corrected_outcome == "not_home" and res.visit.outcome == "well"
    assert res.visit.visited_at == datetime(2026, 11, 24)  # not today: the recorded day stays
    audit = _corrections(ctx)
    assert audit["outcome"] == ("not_home", "well")
    assert "门锁坏了" in audit["findings"][0] and "血压偏高" in audit["findings"][1]
    assert "visited_at" not in audit  # the date did not change, so nothing to audit
    moved = visits.record_visit(ctx, code, "well", visited_on=date(2026, 11, 23), correct=True)
    assert moved.visit.visited_at == datetime(2026, 11, 23)
    assert _corrections(ctx)["visited_at"] == ("2026-11-24T00:00:00", "2026-11-23T00:00:00")


def test_correcting_a_contact_away_takes_back_the_last_contact(ctx: ServiceContext) -> None:
    # Entered as "well" by mistake: the person was not at home, so they were not reached that day.
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    visits.record_visit(ctx, code, "well", visited_on=date(2026, 11, 25))
    visits.record_visit(ctx, code, "not_home", correct=True)
    with ctx.read() as s:
        assert s.scalar(select(m.Elder.last_contact)) is None


def test_record_command_dates_warns_and_corrects(
    ctx: ServiceContext, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = one_visit(ctx, date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 11))
    base = ["--db", db_target, "record", code]
    assert main([*base, "--outcome", "well", "--date", "2026-11-27"]) == 2
    assert "晚于今天" in capsys.readouterr().err
    assert main([*base, "--outcome", "well", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["visited_on"] == TODAY.isoformat() and "时间窗" in out["warnings"][0]["zh"]
    assert main([*base, "--outcome", "not_home"]) == 2
    err = capsys.readouterr().err
    assert f"已于 {TODAY} 录入为“已探访，情况良好”" in err and "--correct" in err
    assert main([*base, "--outcome", "not_home", "--correct"]) == 0
    printed = capsys.readouterr().out
    assert "更正了原先录入的结果：已探访，情况良好" in printed and "注意：" in printed
    assert _corrections(ctx)["outcome"] == ("well", "not_home")


def test_a_command_line_correction_keeps_what_it_does_not_state_again(
    ctx: ServiceContext, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA: `record --correct --notes …` stored the findings as {} without a word.
    code = one_visit(ctx, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 27))
    base = ["--db", db_target, "record", code]
    assert main([*base, "--outcome", "well", "--safety", "燃气灶老化", "--notes", "已提醒"]) == 0
    assert main([*base, "--outcome", "follow_up", "--correct", "--notes", "请社工跟进燃气灶"]) == 0
    capsys.readouterr()
    stored = _stored(ctx, code)
    assert stored.outcome == "follow_up" and stored.findings == {"safety": "燃气灶老化"}
    assert stored.notes == "请社工跟进燃气灶"
    assert main([*base, "--outcome", "follow_up", "--correct"]) == 0  # notes left out: kept too
    assert _stored(ctx, code).notes == "请社工跟进燃气灶"
