"""Creating many people at once (Excel import) must give exactly what creating them one by one gives."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.elder_input import ContactInput, ElderInput
from silverage.domain.enums import Disability, Economic, Living, Mobility
from silverage.domain.progress import run_to_end
from silverage.services.context import ServiceContext
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.io.helpers import add_places
from tests.services.elder_helpers import id_number

pytestmark = pytest.mark.db


def _varied_inputs(seq_offset: int, micro_ids: list[int]) -> list[ElderInput]:
    """Forty people across the rules' inputs (age, living, disability, economy, flags, contacts)."""
    rng = random.Random(7)
    out = []
    for i in range(40):
        born = date(1925 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
        contacts = tuple(
            ContactInput(f"联系人{i}{k}", rng.choice(["儿子", "女儿", ""]), f"139{i:04d}{k:04d}")
            for k in range(rng.randrange(3))
        )
        out.append(
            ElderInput(
                name=f"测试{i}",
                id_number=id_number(born, seq=10 + i + seq_offset),
                phone=rng.choice(["", f"138{i:08d}"]),
                micro_grid_id=rng.choice([None, *micro_ids]),
                address_detail=rng.choice(["", "中山路12号"]),
                address_room=rng.choice(["", "301室"]),
                living=rng.choice(list(Living)).value,
                disability=rng.choice(list(Disability)).value,
                mobility=rng.choice(list(Mobility)).value,
                economic=rng.choice(list(Economic)).value,
                serious_illness=rng.random() < 0.3,
                cognitive_impairment=rng.random() < 0.2,
                children_nearby=rng.random() < 0.5,
                fall_last_year=rng.random() < 0.3,
                hospital_last_year=rng.random() < 0.3,
                home_hazards=rng.random() < 0.2,
                health_conditions=rng.choice(["", "高血压、糖尿病"]),
                doorstep_notes=rng.choice(["", "耳背，敲门要重"]),
                contacts=contacts,
            )
        )
    return out


def _outcome(ctx: ServiceContext, elder_id: int) -> dict[str, Any]:
    """What staff see of a new person: the record, contacts, level with reasons, and the audit trail."""
    with ctx.read() as s:
        e = s.get(m.Elder, elder_id)
        assert e is not None
        record = {
            c.key: getattr(e, c.key)
            for c in m.Elder.__table__.columns
            if c.key not in ("id", "id_number", "version", "created_at", "updated_at")
        }
        contacts = [(c.name, c.relation, c.phone, c.phone2, c.sort_order) for c in e.contacts]
        contact_ids = [c.id for c in e.contacts]
        a = s.scalars(select(m.Assessment).where(m.Assessment.elder_id == elder_id)).all()
        history = [
            (x.score, x.computed_level, x.level, x.reasons_zh, x.reasons_en, x.next_due, x.trigger)
            + (x.assessed_by,)
            for x in a
        ]
    trail = [
        # the ID number itself differs between the two copies; everything else must not
        (
            r.user,
            r.action,
            r.table,
            r.field,
            None if r.field == "id_number" else r.new,
            r.old,
            r.detail,
            r.record_id == elder_id if r.table == "elder" else contact_ids.index(r.record_id),
        )
        for r in elders.audit_trail(ctx, elder_id)
    ]
    return {"record": record, "contacts": contacts, "history": history, "trail": trail}


def test_bulk_create_gives_each_person_what_one_by_one_gives(ctx: ServiceContext) -> None:
    micro_ids = sorted(add_places(ctx).values())
    one_by_one = _varied_inputs(0, micro_ids)
    bulk = _varied_inputs(500, micro_ids)  # same people, other ID numbers (same birth date and gender)
    with ctx.transaction() as s:
        single_ids = [elders.create_in(s, ctx.actor, inp, TODAY).id for inp in one_by_one]
    with ctx.transaction() as s:
        bulk_ids = run_to_end(elders.create_many_in(s, ctx.actor, bulk, TODAY, chunk=7))
    assert len(bulk_ids) == 40
    levels = set()
    for a, b in zip(single_ids, bulk_ids, strict=True):
        expected, got = _outcome(ctx, a), _outcome(ctx, b)
        assert got == expected
        assert got["history"] and got["trail"]
        levels.add(got["record"]["level"])
    assert levels == {"red", "yellow", "green"}  # the sample really exercises the rules


def test_bulk_create_refuses_a_duplicate_and_names_the_input(ctx: ServiceContext) -> None:
    micro_ids = sorted(add_places(ctx).values())
    inputs = _varied_inputs(0, micro_ids)
    twice = [*inputs[:5], ElderInput(name="重复的人", id_number=inputs[2].id_number)]
    with pytest.raises(elders.RowInvalid) as caught, ctx.transaction() as s:
        run_to_end(elders.create_many_in(s, ctx.actor, twice, TODAY))
    assert caught.value.index == 5 and "不能重复登记" in caught.value.zh and "测试2" in caught.value.zh
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Elder)) == 0  # nothing half written
    with pytest.raises(elders.RowInvalid) as caught, ctx.transaction() as s:
        run_to_end(
            elders.create_many_in(s, ctx.actor, [inputs[0], ElderInput(name="", id_number="123")], TODAY)
        )
    assert caught.value.index == 1 and {p.field for p in caught.value.problems} == {"name", "id_number"}
