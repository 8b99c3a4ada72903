"""One meaning of "reassessment due": the domain rule, the due list and ``assess --due`` agree."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from silverage.db import models as m
from silverage.domain.care_rules import reassessment_due
from silverage.services.care import assessment
from silverage.services.roster import roster_query
from tests.conftest import TODAY

pytestmark = pytest.mark.db


def test_the_due_list_and_assess_due_follow_the_domain_rule(demo_ctx):
    rows = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status=None), TODAY)
    active = [r.id for r in rows if r.status == "active"]
    archived = [r.id for r in rows if r.status != "active"]
    cases = {
        active[0]: None,  # never assessed
        active[1]: TODAY - timedelta(days=1),
        active[2]: TODAY,
        active[3]: TODAY + timedelta(days=1),
        archived[0]: TODAY - timedelta(days=30),
        archived[1]: None,
    }
    with demo_ctx.transaction() as s:
        for eid, due in cases.items():
            s.execute(update(m.Elder).where(m.Elder.id == eid).values(next_assessment=due))
    rows = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status=None), TODAY)

    by_rule = {r.id for r in rows if reassessment_due(r.status, r.next_assessment, TODAY)}
    listed = {r.id for r in assessment.due_for_reassessment(demo_ctx, TODAY)}
    assert listed == by_rule
    assert {active[0], active[1], active[2]} <= listed and not listed & {active[3], *archived[:2]}
    assert assessment.assess_all(demo_ctx, "manual", TODAY, only_due=True).assessed == len(by_rule)
