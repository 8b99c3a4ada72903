"""A supervisor moves the demo roster to a brand-new database through Excel: the complete export
(``export roster --complete``) imported with ``--create-places`` gives back every person, every
field, every contact and every level (overrides with their reasons), where the unmasked export of
issue 12 came back 46 red / 192 yellow / 741 green instead of 137 / 340 / 502."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain.elder_input import ElderInput
from silverage.domain.enums import ElderStatus, Level, Role
from silverage.domain.problems import PermissionDenied
from silverage.services.care import assessment
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.roster import elders
from silverage.services.roster.places import PlaceIndex
from tests.conftest import TODAY
from tests.io.helpers import EXPORT_PASSWORD as PW
from tests.io.helpers import open_encrypted

pytestmark = pytest.mark.db

_FACTS = [k for k in ElderInput.__dataclass_fields__ if k not in ("contacts", "needs", "micro_grid_id")]


def _supervisor(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))


def _everyone(ctx: ServiceContext) -> dict[str, dict[str, Any]]:
    """ID number -> every fact of each person (archived too), their place by name, contacts, levels."""
    out: dict[str, dict[str, Any]] = {}
    with ctx.read() as s:
        places = PlaceIndex.load(s)
        overrides = roster_export.level_overrides(
            s, list(s.scalars(select(m.Elder.id).where(m.Elder.level_overridden.is_(True))))
        )
        elders = s.scalars(select(m.Elder).options(selectinload(m.Elder.contacts)))
        for e in elders:
            active = e.status == ElderStatus.ACTIVE.value
            out[e.id_number] = {
                **{k: getattr(e, k) for k in _FACTS},
                "gender": e.gender,
                "birth_date": e.birth_date,
                "status": (e.status, e.status_date, e.status_reason or ""),
                "place": places.path_of("micro_grid", e.micro_grid_id),
                "contacts": [(c.name, c.relation, c.phone, c.phone2) for c in e.contacts],
                "needs": [(n.kind.name, n.frequency, n.notes) for n in e.needs],
                # the level of someone archived is history: an import assesses them once, as new
                "level": e.level if active else None,
                "override": overrides.get(e.id) if active else None,
            }
    return out


@pytest.fixture
def new_office(tmp_path: Path) -> Iterator[ServiceContext]:
    database = open_database(str(tmp_path / "other-pc.sqlite"))
    yield ServiceContext(database, Actor("duda", Role.SUPERVISOR, "王督导"))
    database.dispose()


def test_the_complete_export_moves_every_person_field_contact_and_level(
    demo_ctx: ServiceContext, new_office: ServiceContext, tmp_path: Path
) -> None:
    sup = _supervisor(demo_ctx)
    with demo_ctx.read() as s:
        assert assessment.level_counts(s) == {"red": 136, "yellow": 341, "green": 502}
        some = list(
            s.execute(
                select(m.Elder.id, m.Elder.version)
                .where(m.Elder.level == "green")
                .order_by(m.Elder.id)
                .limit(2)
            )
        )
        two_contacts = s.scalar(
            select(m.EmergencyContact.elder_id).where(m.EmergencyContact.sort_order == 1).limit(1)
        )
    for (eid, version), level in zip(some, (Level.RED, Level.YELLOW), strict=True):
        assessment.override_level(sup, eid, level, "独居且近期情绪低落，社工决定加强关注", version)
    with demo_ctx.read() as s:
        raised = [eid for eid, _v in some]  # never archive the two whose level was just raised
        leaving = list(
            s.execute(
                select(m.Elder.id, m.Elder.version)
                .where(m.Elder.level == "yellow", m.Elder.id.not_in(raised))
                .order_by(m.Elder.id)
                .limit(2)
            )
        )
    (gone, gone_v), (moved, moved_v) = leaving
    elders.archive_elder(sup, gone, ElderStatus.DECEASED, date(2026, 10, 3), "病故", gone_v, today=TODAY)
    elders.archive_elder(
        sup, moved, ElderStatus.MOVED, date(2026, 11, 2), "随女儿迁往杭州", moved_v, today=TODAY
    )
    with demo_ctx.transaction() as s:  # birthday calendars: one 农历, one 公历, the rest not recorded
        for eid, calendar in zip((gone, two_contacts), ("lunar", "solar"), strict=True):
            s.execute(update(m.Elder).where(m.Elder.id == eid).values(birthday_calendar=calendar))
    before = _everyone(demo_ctx)
    assert {p["birthday_calendar"] for p in before.values()} == {"lunar", "solar", None}
    # the demo's service needs, some with a note (需两人协助) and every frequency
    assert {f for p in before.values() for _k, f, _n in p["needs"]} == {"weekly", "fortnightly", "monthly"}
    assert any(note for p in before.values() for _k, _f, note in p["needs"])
    assert two_contacts is not None and sum(1 for p in before.values() if p["override"]) == 2
    # the demo's 16 archived people and these two
    assert sum(1 for p in before.values() if p["status"][0] != "active") == 16 + 2

    out = tmp_path / "完整花名册.xlsx"
    result = roster_export.export_roster(
        sup, out, roster_export.ExportOptions(complete=True, password=PW), today=TODAY
    )
    # everyone, the two archived too (with their status, date and reason)
    assert result.complete and result.unmasked and result.people == len(before) == 995
    plan = roster_import.plan_import(new_office, [out], today=TODAY, create_places=True, password=PW)
    assert not plan.rejected, plan.rejected[:3]
    assert len(plan.created) == 995
    roster_import.apply_plan(new_office, plan, today=TODAY)

    after = _everyone(new_office)
    assert after.keys() == before.keys()
    for number, person in before.items():
        assert after[number] == person, number
    with new_office.read() as s:
        counts = assessment.level_counts(s)
    with demo_ctx.read() as s:
        assert counts == assessment.level_counts(s)
    # the demo (136 / 341 / 502 on 2026-11-26) with two green people raised by hand to red and
    # yellow and two yellow people archived (level counts are of the active roster)
    assert counts == {"red": 137, "yellow": 340, "green": 500}


def test_the_complete_export_is_a_supervisors_and_is_audited(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        roster_export.export_roster(
            demo_ctx, tmp_path / "w.xlsx", roster_export.ExportOptions(complete=True, password=PW)
        )
    assert not (tmp_path / "w.xlsx").exists()
    out = tmp_path / "s.xlsx"
    roster_export.export_roster(
        _supervisor(demo_ctx), out, roster_export.ExportOptions(complete=True, password=PW)
    )
    with demo_ctx.read() as s:
        detail = s.scalar(select(m.AuditEntry.detail).where(m.AuditEntry.action == "export"))
    assert detail.startswith("complete roster export: people=995")  # 979 on the roster, 16 archived
    ws = open_encrypted(out, read_only=True)["花名册"]
    header = [c.value for c in next(ws.iter_rows(min_row=2, max_row=2))]
    # every risk factor the care rules score has its column, written 是/否
    for label in ("认知障碍", "近一年跌倒过", "近一年住过院", "子女住在附近", "居家有安全隐患", "患重大疾病"):
        assert label in header
    assert "紧急联系人2姓名" in header and "人工调整等级" in header and "紧急联系人3姓名" not in header
    col = header.index("认知障碍")
    values = {r[col].value for r in ws.iter_rows(min_row=3)}
    assert values == {"是", "否"}


def test_an_override_without_its_reason_is_refused(new_office: ServiceContext, tmp_path: Path) -> None:
    from datetime import date

    from tests.io.helpers import make_id

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号码", "社区", "网格", "微网格", "人工调整等级", "人工调整原因"])
    ws.append(["甲", make_id(date(1940, 1, 1), seq=3), "月河社区", "1网格", "1号微网格", "红", None])
    ws.append(["乙", make_id(date(1940, 1, 1), seq=4), "月河社区", "1网格", "1号微网格", "红", "独居"])
    wb.save(tmp_path / "o.xlsx")
    plan = roster_import.plan_import(new_office, [tmp_path / "o.xlsx"], today=TODAY, create_places=True)
    assert [(r.row, r.column) for r in plan.rejected] == [(2, "人工调整原因")]
    assert "原因" in plan.rejected[0].zh
    roster_import.apply_plan(new_office, plan, today=TODAY)
    with new_office.read() as s:
        assert s.scalar(select(m.Elder.level).where(m.Elder.name == "乙")) == "red"
