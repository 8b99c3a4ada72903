"""Reassessment due means the same on the roster filter, the dashboard and in the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from silverage.db import models as m
from silverage.services.care import assessment
from silverage.services.roster import roster_query
from silverage.ui.dashboard.dashboard_page import DashboardPage
from silverage.ui.roster.roster_model import RosterFilter, RosterModel
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.simple_table import KEY_ROLE
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


def test_reassessment_due_is_the_same_on_the_roster_the_dashboard_and_in_the_service(qtbot, app, demo_ctx):
    rows = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status=None), TODAY)
    active = [r.id for r in rows if r.status == "active"]
    archived = next(r.id for r in rows if r.status != "active")
    cases = {
        active[0]: None,  # never assessed
        active[1]: TODAY - timedelta(days=1),
        active[2]: TODAY,
        active[3]: TODAY + timedelta(days=1),
        archived: TODAY - timedelta(days=30),
    }
    with demo_ctx.transaction() as s:
        for eid, due in cases.items():
            values = {"next_assessment": due} | ({"level": None} if due is None else {})
            s.execute(update(m.Elder).where(m.Elder.id == eid).values(**values))
    rows = roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status=None), TODAY)

    service = {r.id for r in assessment.due_for_reassessment(demo_ctx, TODAY)}
    model = RosterModel()
    model.set_rows(rows, TODAY)
    model.set_filter(RosterFilter(reassessment_only=True))
    roster = {model.row_at(i).id for i in range(model.rowCount())}
    page = DashboardPage(app)
    qtbot.addWidget(page)
    page.set_rows(rows, TODAY)
    page.refresh()
    settle(qtbot, app)  # the lists are worked out on the worker
    dash = {page.reassess_model.index(i, 0).data(KEY_ROLE) for i in range(page.reassess_model.rowCount())}

    assert service == roster == dash
    assert {active[0], active[1], active[2]} <= service
    assert active[3] not in service and archived not in service
