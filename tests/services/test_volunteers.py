"""Volunteer records: validated, locked against stale edits, audited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.problems import ConflictError, ValidationError
from silverage.domain.service_kinds import SkillInput
from silverage.domain.volunteer_input import VolunteerInput, slot_bit, slots
from silverage.services.volunteers import volunteers

pytestmark = pytest.mark.db

MON_AM_WED_PM = slot_bit(0, 0) | slot_bit(2, 1)


def test_create_normalises_and_validates_every_field(ctx):
    v = volunteers.create_volunteer(
        ctx, VolunteerInput("  陈  红 ", "138 1234 5678", "党员", None, MON_AM_WED_PM, 6)
    )
    assert (v.name, v.phone, v.kind, v.active) == ("陈红", "13812345678", "party", True)
    assert slots(v.availability) == [(0, 0), (2, 1)]
    with pytest.raises(ValidationError) as err:
        volunteers.create_volunteer(ctx, VolunteerInput("", "123", "外星人", 9999, 1 << 14, 0))
    fields = {p.field for p in err.value.problems}
    assert fields == {"name", "phone", "kind", "micro_grid_id", "availability", "max_visits_per_week"}
    assert all(p.zh and p.en for p in err.value.problems)


def test_update_is_audited_and_a_stale_version_is_refused(ctx):
    v = volunteers.create_volunteer(ctx, VolunteerInput("陈红", "13812345678", availability=MON_AM_WED_PM))
    v2 = volunteers.update_volunteer(ctx, v.id, replace(v.to_input(), max_visits_per_week=8), v.version)
    assert v2.max_visits_per_week == 8 and v2.version == v.version + 1
    with pytest.raises(ConflictError):
        volunteers.update_volunteer(
            ctx, v.id, replace(v.to_input(), skills=(SkillInput("理发", 2),)), v.version
        )
    assert volunteers.get_volunteer(ctx, v.id).skills == ()
    v3 = volunteers.set_active(ctx, v.id, False, "搬家", v2.version)
    assert not v3.active
    with ctx.read() as s:
        rows = s.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.table_name == "volunteer", m.AuditEntry.action != "create"
            )
        ).all()
    assert [(a.action, a.field, a.old_value, a.new_value) for a in rows] == [
        ("update", "max_visits_per_week", "5", "8"),
        ("archive", "active", "1", "0"),
    ]
    assert rows[1].detail == "搬家"
