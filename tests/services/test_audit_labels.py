"""The audit trail names every changed field with the registry's label (as the editor and import do)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain import fields
from silverage.domain.elder_input import ContactInput
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.services.elder_helpers import id_number, person

pytestmark = pytest.mark.db


def test_a_change_to_each_field_is_audited_under_its_registry_label(demo_ctx):
    ctx = demo_ctx
    with ctx.read() as s:
        grid_id = s.scalar(select(m.MicroGrid.id).order_by(m.MicroGrid.id.desc()).limit(1))
    res = elders.create_elder(ctx, person(name="测试甲", born=date(1939, 2, 3), seq=994), today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    changed = replace(
        d.to_input(),
        name="测试乙",
        id_number=id_number(date(1939, 2, 3), 996),
        phone="13812345679",
        phone2="0573-82345678",
        micro_grid_id=grid_id,
        address_building="5幢",
        address_unit="2单元",
        address_room="301室",
        address_detail="解放路3号",
        living="empty_nest",
        health_conditions="高血压",
        serious_illness=True,
        disability="mild",
        cognitive_impairment=True,
        mobility="aid",
        economic="dibao",
        children_nearby=True,
        fall_last_year=True,
        hospital_last_year=True,
        home_hazards=True,
        doorstep_notes="敲门两次",
        notes="新备注",
        birthday_calendar="lunar",
        contacts=(
            replace(d.to_input().contacts[0], relation="女儿"),
            ContactInput("李四", "邻居", "13900002222"),
        ),
    )
    saved = elders.update_elder(ctx, res.id, changed, d.version, today=TODAY)
    assert set(elders.EDITABLE) <= set(saved.changed)  # every editable field really changed
    after = elders.archive_elder(ctx, res.id, "moved", TODAY, "随子女迁居", saved.version, today=TODAY)
    elders.restore_elder(ctx, res.id, after.version, today=TODAY)

    trail = [a for a in elders.audit_trail(ctx, res.id) if a.field]
    labelled = {}
    for a in trail:
        known = fields.CONTACT_BY_KEY if a.table == "emergency_contact" else fields.BY_KEY
        f = known[a.field]  # every audited field is in the registry
        assert (a.field_label(), a.field_label("en")) == (f.zh, f.en)
        labelled.setdefault(a.table, set()).add(a.field)
    assert set(elders.EDITABLE) | {"status", "status_date", "status_reason", "level"} <= labelled["elder"]
    assert {"relation", "name", "phone"} <= labelled["emergency_contact"]
