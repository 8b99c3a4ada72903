"""The milestone list on each person's calendar, and the office default for people not recorded."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from silverage.db import models as m
from silverage.domain.permissions import Role
from silverage.domain.problems import PermissionDenied, ValidationError
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import birthday_list
from tests.conftest import TODAY

pytestmark = pytest.mark.db


def _chen(entries: list[birthday_list.BirthdayEntry]) -> list[tuple[str, date, bool]]:
    return [(e.calendar, e.date, e.chosen) for e in entries if e.name == "陈爱珍"]


def _supervisor(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"), ctx.clock)


def _set_calendar(ctx: ServiceContext, name: str, value: str | None) -> None:
    with ctx.transaction() as s:
        s.execute(update(m.Elder).where(m.Elder.name == name).values(birthday_calendar=value))


def test_not_recorded_and_no_default_lists_the_lunar_80th_as_one_of_two(demo_ctx: ServiceContext) -> None:
    entries = birthday_list.upcoming_milestones(demo_ctx, TODAY, 30)
    assert ("lunar", date(2026, 12, 3), False) in _chen(entries)
    assert birthday_list.get_default_calendar(demo_ctx) is None


def test_the_office_default_counts_for_people_not_recorded(demo_ctx: ServiceContext) -> None:
    sup = _supervisor(demo_ctx)
    birthday_list.save_default_calendar(sup, "lunar")
    assert birthday_list.get_default_calendar(demo_ctx) == "lunar"
    entries = birthday_list.upcoming_milestones(demo_ctx, TODAY, 30)
    assert _chen(entries) == [("lunar", date(2026, 12, 3), True)]
    assert {e.calendar for e in entries} == {"lunar"} and all(e.chosen for e in entries)
    birthday_list.save_default_calendar(sup, "solar")
    # Her Gregorian birthday (18 November) has passed: on the solar default she is not on the list.
    assert _chen(birthday_list.upcoming_milestones(demo_ctx, TODAY, 30)) == []
    with demo_ctx.read() as s:
        trail = s.scalars(
            select(m.AuditEntry.new_value).where(m.AuditEntry.field == birthday_list.DEFAULT_KEY)
        ).all()
    assert len(trail) == 2


def test_a_recorded_calendar_wins_over_the_default(demo_ctx: ServiceContext) -> None:
    birthday_list.save_default_calendar(_supervisor(demo_ctx), "solar")
    _set_calendar(demo_ctx, "陈爱珍", "lunar")
    assert _chen(birthday_list.upcoming_milestones(demo_ctx, TODAY, 30)) == [
        ("lunar", date(2026, 12, 3), True)
    ]


def test_only_supervisors_set_the_default(demo_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        birthday_list.save_default_calendar(demo_ctx, "lunar")
    with pytest.raises(ValidationError):
        birthday_list.save_default_calendar(_supervisor(demo_ctx), "moon")


def test_the_month_list_keeps_to_the_month(demo_ctx: ServiceContext) -> None:
    entries = birthday_list.month_milestones(demo_ctx, 2026, 12)
    assert entries and all(e.date.year == 2026 and e.date.month == 12 for e in entries)
    assert {e.date.day for e in entries} >= {3}


def test_the_office_may_count_nominal_ages_for_every_list(demo_ctx: ServiceContext, tmp_path) -> None:  # noqa: ANN001
    """虚岁 is one more than 周岁: 陈爱珍's lunar 80th (周岁) is her 虚岁 81st, not a milestone, so she
    drops off; the people listed instead reach 60/70/80/90/100 counted as 虚岁, on every list."""
    from pypdf import PdfReader

    from silverage.services.print_export.birthday_print import print_birthday_list

    sup = _supervisor(demo_ctx)
    full = birthday_list.month_milestones(demo_ctx, 2026, 12)
    assert birthday_list.get_age_counting(demo_ctx) == "full" and not any(e.nominal for e in full)
    birthday_list.save_age_counting(sup, "nominal")
    nominal = birthday_list.month_milestones(demo_ctx, 2026, 12)
    assert _chen(full) and not _chen(nominal)
    with demo_ctx.read() as s:
        born = dict(s.execute(select(m.Elder.id, m.Elder.birth_date)).all())
    solar = [e for e in nominal if e.calendar == "solar"]
    assert solar and all(e.age == e.date.year - born[e.elder_id].year + 1 for e in solar)
    assert all(e.nominal and (e.age in (60, 70, 80, 90) or e.age >= 100) for e in nominal)
    assert {e.as_json()["age_counting"] for e in nominal} == {"nominal"}
    out = print_birthday_list(demo_ctx, tmp_path / "shou.pdf", 2026, 12)
    text = "".join(page.extract_text() for page in PdfReader(out.path).pages)
    assert "按虚岁计" in text and "虚岁80" in text.replace("\n", "")
    with pytest.raises(PermissionDenied):
        birthday_list.save_age_counting(demo_ctx, "full")
    with pytest.raises(ValidationError, match="周岁或虚岁"):
        birthday_list.save_age_counting(sup, "lunar")
