"""Bulk "give these people's open visits to another volunteer" (roster multi-select)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import UserError
from silverage.services.context import ServiceContext
from silverage.services.visits import reassign

pytestmark = pytest.mark.db

TODAY = date(2026, 11, 26)  # a Thursday
MON = date(2026, 11, 30)
ALL_WEEK = (1 << 10) - 1  # Monday to Friday, mornings and afternoons
MORNINGS = sum(1 << (d * 2) for d in range(5))


def _setup(ctx: ServiceContext) -> dict[str, object]:
    """Two people; an old volunteer with their visits; new volunteers (mornings only, 2 a week)."""
    with ctx.transaction() as s:
        c = m.Community(code="C1", name="月河社区")
        g = m.Grid(code="G1", name="月河3网格", community=c)
        mg = m.MicroGrid(code="M1", name="1号微网格", grid=g)
        mg2 = m.MicroGrid(code="M2", name="2号微网格", grid=g)
        s.add_all([c, g, mg, mg2])
        s.flush()
        elders = [
            m.Elder(
                name=f"老人{i}",
                gender="F",
                id_number=f"33040219400101{i:03d}X",
                birth_date=date(1940, 1, 1),
                living="alone",
                micro_grid_id=mg.id,
            )
            for i in range(3)
        ]
        old = m.Volunteer(name="老志愿者", micro_grid_id=mg.id, availability=ALL_WEEK, max_visits_per_week=9)
        new = m.Volunteer(name="新志愿者", micro_grid_id=mg.id, availability=MORNINGS, max_visits_per_week=2)
        far = m.Volunteer(name="远志愿者", micro_grid_id=mg2.id, availability=ALL_WEEK, max_visits_per_week=9)
        gone = m.Volunteer(name="停用志愿者", micro_grid_id=mg.id, availability=ALL_WEEK, active=False)
        s.add_all([*elders, old, new, far, gone])
        s.flush()

        def visit(code: str, elder: m.Elder, day: date, half: int = 0, status: str = "planned") -> m.Visit:
            v = m.Visit(
                code=code,
                elder_id=elder.id,
                volunteer_id=old.id,
                kind="home",
                planned_date=day,
                half_day=half,
                status=status,
                findings={},
            )
            s.add(v)
            return v

        e0, e1, e2 = elders
        visit("A00001", e0, MON)  # moves
        visit("A00002", e0, MON + timedelta(days=1), status="confirmed")  # moves
        visit("A00003", e0, MON + timedelta(days=2), half=1)  # moves; the new volunteer is busy then
        visit("A00004", e0, TODAY - timedelta(days=3), status="done")  # past and done: stays
        visit("A00005", e0, TODAY, status="done")  # done: stays
        visit("A00006", e1, MON + timedelta(days=3), status="cancelled")  # cancelled: stays
        visit("A00007", e1, MON + timedelta(days=14))  # moves
        visit("A00008", e2, MON)  # not selected: stays
        s.flush()
        return {
            "elders": [e.id for e in elders],
            "old": old.id,
            "new": new.id,
            "far": far.id,
            "gone": gone.id,
        }


def _owners(ctx: ServiceContext) -> dict[str, int | None]:
    with ctx.read() as s:
        return {v.code: v.volunteer_id for v in s.scalars(select(m.Visit))}


def test_dry_run_warns_and_changes_nothing(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    before = _owners(ctx)
    result = reassign.reassign_volunteer(ctx, ids["elders"][:2], ids["new"], TODAY, dry_run=True)
    assert not result.applied
    assert (result.visits_moved, result.people_affected) == (4, 2)
    texts = [w.zh for w in result.warnings]
    assert "志愿者新志愿者周三下午没空" in texts
    # three visits in the week of 30 Nov against a maximum of 2: one warning for that week only
    assert [t for t in texts if "上限" in t] == [
        "11月30日起的一周：志愿者新志愿者该周已有2次探访，超过每周上限2次"
    ]
    assert all(w.en for w in result.warnings)
    assert _owners(ctx) == before
    with ctx.read() as s:
        assert not list(s.scalars(select(m.AuditEntry).where(m.AuditEntry.table_name == "visit")))


def test_apply_moves_only_future_open_visits_and_audits_each(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    result = reassign.reassign_volunteer(ctx, ids["elders"][:2], ids["new"], TODAY)
    assert result.applied and result.visits_moved == 4 and result.people_affected == 2
    assert result.warnings  # still reported after applying
    owners = _owners(ctx)
    assert {k for k, v in owners.items() if v == ids["new"]} == {"A00001", "A00002", "A00003", "A00007"}
    assert {owners[k] for k in ("A00004", "A00005", "A00006", "A00008")} == {ids["old"]}
    with ctx.read() as s:
        rows = list(s.scalars(select(m.AuditEntry).where(m.AuditEntry.table_name == "visit")))
    assert len(rows) == 4
    assert {(r.user, r.field, r.old_value, r.new_value) for r in rows} == {
        ("sheg", "volunteer_id", str(ids["old"]), str(ids["new"]))
    }
    # running it again moves nothing
    again = reassign.reassign_volunteer(ctx, ids["elders"][:2], ids["new"], TODAY)
    assert again.visits_moved == 0 and again.warnings == []


def test_no_warnings_for_a_free_volunteer(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    result = reassign.reassign_volunteer(ctx, ids["elders"][:2], ids["far"], TODAY, dry_run=True)
    assert result.visits_moved == 4 and result.warnings == []


def test_cancel_rolls_back(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    before = _owners(ctx)
    job = reassign.reassign_volunteer_job(ctx, ids["elders"][:2], ids["new"], TODAY)
    next(job)
    job.close()
    assert _owners(ctx) == before


def test_inactive_or_missing_volunteer_refused(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    with pytest.raises(UserError, match="停用"):
        reassign.reassign_volunteer(ctx, ids["elders"], ids["gone"], TODAY)
    with pytest.raises(UserError):
        reassign.reassign_volunteer(ctx, [], ids["new"], TODAY)


def test_volunteer_choices_active_nearest_first(ctx: ServiceContext) -> None:
    ids = _setup(ctx)
    choices = reassign.volunteer_choices(ctx, ids["elders"])
    names = [c.name for c in choices]
    assert "停用志愿者" not in names
    assert names[-1] == "远志愿者"  # lives in another micro-grid
    assert choices[0].same_micro_grid == 3
