"""Care levels on the demo roster, overrides, history and the reassessment list."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import ConflictError, UserError, ValidationError
from silverage.services.care import assessment
from silverage.services.roster import elders, roster_query
from tests.conftest import TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.db


def test_after_the_demo_every_active_person_has_a_level_with_reasons(demo_ctx):
    rows = roster_query.list_elders(demo_ctx)
    assert len(rows) == 979 and all(r.level for r in rows)
    mix = Counter(r.level for r in rows)
    assert set(mix) == {"red", "yellow", "green"}
    assert 0.10 <= mix["red"] / 979 <= 0.20 and 0.25 <= mix["yellow"] / 979 <= 0.40
    with demo_ctx.read() as s:
        latest = {a.elder_id: a for a in s.scalars(select(m.Assessment))}
    assert len(latest) == 979
    assert all(
        "分" in a.reasons_zh and "points" in a.reasons_en and a.rule_version == 1 for a in latest.values()
    )
    archived = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status="archived"))
    assert archived and all(r.level is None for r in archived)


def test_assess_all_reports_who_moved_and_only_due_people_when_asked(demo_ctx):
    again = assessment.assess_all(demo_ctx, today=TODAY)
    assert again.assessed == 979 and again.moved == []
    assert sum(again.counts.values()) == 979
    assert assessment.due_for_reassessment(demo_ctx, TODAY) == []
    later = date(2027, 3, 1)  # red people (every 3 months) are due, the others (6 months) are not
    due = assessment.due_for_reassessment(demo_ctx, later)
    assert due and {d.level for d in due} == {"red"}
    partial = assessment.assess_all(demo_ctx, today=later, only_due=True)
    assert partial.assessed == len(due)


def test_override_needs_a_reason_is_shown_distinctly_and_kept_in_history(ctx):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    with pytest.raises(ValidationError) as err:
        assessment.override_level(ctx, res.id, "red", " ", res.version)
    assert err.value.problems[0].field == "override_reason"
    version = assessment.override_level(ctx, res.id, "red", "独自照顾失智老伴", res.version).version
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert (d.level, d.computed_level, d.level_overridden) == ("red", "green", True)
    assert d.level_display() == "红（人工调整，计算结果：绿）" and d.override_reason == "独自照顾失智老伴"
    assert d.level_display("en") == "Red (manual override; computed: Green)"
    hist = assessment.history(ctx, res.id)
    assert hist[0].overridden and hist[0].override_reason == "独自照顾失智老伴" and not hist[1].overridden
    assert any(
        a.action == "override" and a.detail == "独自照顾失智老伴" for a in elders.audit_trail(ctx, res.id)
    )
    with pytest.raises(ConflictError):
        assessment.override_level(ctx, res.id, "yellow", "再调", res.version)
    assert version == d.version


def test_reassessment_keeps_an_override_but_flags_it_for_review(ctx):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    assessment.override_level(ctx, res.id, "red", "家属要求", res.version)
    summary = assessment.assess_all(ctx, today=date(2027, 6, 1))
    assert summary.counts["red"] == 1 and summary.overrides_to_review == 1
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert d.level == "red" and d.level_overridden
    with ctx.read() as s:
        review = s.scalar(
            select(m.Alert).where(m.Alert.elder_id == res.id, m.Alert.kind == "override_review")
        )
    assert review is not None and "家属要求" in review.message_zh
    assessment.override_level(ctx, res.id, None, "复核后取消", d.version)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert d.level == "green" and not d.level_overridden


def test_reassess_in_returns_the_change_and_raises_an_alert_when_the_level_rises(ctx):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    with ctx.transaction() as s:
        e = s.get(m.Elder, res.id)
        e.fall_last_year, e.disability = True, "moderate"  # what a visit would record
        change = assessment.reassess_in(s, ctx.actor, e, "visit", TODAY)
    assert change is not None and (change.old, change.new) == ("green", "red") and change.rose
    hist = assessment.history(ctx, res.id)
    assert hist[0].trigger == "visit" and "近一年跌倒 +1" in hist[0].reasons_zh
    with ctx.read() as s:
        assert s.scalar(select(m.Alert).where(m.Alert.elder_id == res.id, m.Alert.kind == "level_change"))


def test_unchanged_facts_give_no_level_change(ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    saved = elders.update_elder(ctx, res.id, replace(d.to_input(), notes="爱听越剧"), d.version, today=TODAY)
    assert saved.level_change is None and saved.changed == ["notes"]


def test_archived_people_are_not_assessed_or_overridden(ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    arch = elders.archive_elder(ctx, res.id, "deceased", TODAY, "病故", res.version, today=TODAY)
    assert assessment.assess_all(ctx, today=TODAY).assessed == 0
    with pytest.raises(UserError, match="已归档"):
        assessment.override_level(ctx, res.id, "red", "测试", arch.version)
