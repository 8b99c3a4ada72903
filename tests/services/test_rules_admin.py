"""Supervisors change a threshold, preview who moves, apply it; the new version is recorded."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import PermissionDenied, ValidationError
from silverage.services.care import assessment, rules_admin
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import roster_query
from tests.conftest import TODAY

pytestmark = pytest.mark.db


def supervisor(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("duda", ctx.actor.role.SUPERVISOR, "王督导"))


def test_preview_then_apply_moves_exactly_the_previewed_people(demo_ctx):
    cur = rules_admin.current(demo_ctx)
    assert cur.version == 1
    stricter = replace(cur.rules, red_threshold=5)
    levels_before = {r.id: r.level for r in roster_query.list_elders(demo_ctx)}
    pv = rules_admin.preview(demo_ctx, stricter, today=TODAY)
    assert pv.moved > 0 and all(mv.old == "yellow" and mv.new == "red" for mv in pv.moves)
    assert pv.after["red"] == pv.before["red"] + pv.moved
    assert pv.lines()[0] == f"黄 → 红：{pv.moved}人"
    assert {r.id: r.level for r in roster_query.list_elders(demo_ctx)} == levels_before  # nothing written

    with pytest.raises(PermissionDenied):
        rules_admin.apply(demo_ctx, stricter, "更严格", today=TODAY)
    summary = rules_admin.apply(supervisor(demo_ctx), stricter, "红色阈值降为5分", today=TODAY)
    assert summary.rule_version == 2
    assert {mv.id for mv in summary.moved} == {mv.id for mv in pv.moves}
    assert Counter(r.level for r in roster_query.list_elders(demo_ctx)) == Counter(pv.after)
    moved = pv.moves[0].id
    latest = assessment.history(demo_ctx, moved)[0]
    assert latest.rule_version == 2 and latest.trigger == "rules" and "≥ 5 → 红" in latest.reasons_zh
    assert assessment.history(demo_ctx, moved)[1].rule_version == 1
    with demo_ctx.read() as s:
        entry = s.scalar(
            select(m.AuditEntry).where(
                m.AuditEntry.table_name == "rule_set", m.AuditEntry.field == "red_threshold"
            )
        )
    assert entry is not None and (entry.old_value, entry.new_value, entry.user) == ("6", "5", "duda")
    assert [v.version for v in rules_admin.versions(demo_ctx)] == [2, 1]


def test_invalid_rules_cannot_be_previewed(demo_ctx):
    bad = replace(rules_admin.current(demo_ctx).rules, yellow_threshold=9)
    with pytest.raises(ValidationError):
        rules_admin.preview(demo_ctx, bad)
