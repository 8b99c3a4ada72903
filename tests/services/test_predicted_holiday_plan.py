"""A plan for a year whose holiday notice is not out keeps the predicted Spring Festival free."""

from __future__ import annotations

from datetime import date

import pytest

from silverage.services.context import ServiceContext
from silverage.services.visits import planning
from tests.services.test_visits_planning import ALL_WEEK, _roster, _visits

pytestmark = pytest.mark.db


def test_february_2027_plan_leaves_the_predicted_spring_festival_free(ctx: ServiceContext) -> None:
    _roster(ctx, ["red", "yellow", "green"], [(ALL_WEEK, 10)])
    s = planning.plan_period(ctx, date(2027, 2, 8), date(2027, 2, 28))
    planned = [v.planned_date for v in _visits(ctx)]
    assert planned, "visits land after the break"
    assert not any(date(2027, 2, 5) <= d <= date(2027, 2, 12) for d in planned)
    (warning,) = [w for w in s.warnings if w["zh"].startswith("2027年")]
    assert "预测" in warning["zh"] and "春节 2月5日至2月12日" in warning["zh"]
    assert "Spring Festival" not in warning["zh"]
    assert "predicted" in warning["en"].lower()
