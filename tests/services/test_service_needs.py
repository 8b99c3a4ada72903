"""Service kinds as shared tags: needs on a person, skills on a volunteer, the migration of the
old free-text 特长, the roster filter 需求：助浴, import and export of 服务需求."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, select, text

from silverage.db import migrate
from silverage.db import models as m
from silverage.db.engine import resolve_url
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError, ValidationError
from silverage.domain.service_kinds import NeedInput, SkillInput
from silverage.domain.volunteer_input import VolunteerInput
from silverage.services import service_catalog
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.roster import elders, roster_query
from silverage.services.volunteers import volunteers
from tests.conftest import TODAY
from tests.services.elder_helpers import person


def _admin(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("guanli", Role.ADMIN, "赵管理员"))


def test_the_office_list_starts_with_the_eleven_kinds_and_only_an_administrator_adds_one(ctx):
    names = [k.name for k in service_catalog.list_kinds(ctx)]
    assert names[:3] == ["助餐", "助洁", "助浴"] and "助医/陪诊" in names and len(names) == 11
    with pytest.raises(PermissionDenied):
        service_catalog.add_kind(ctx, "送药上门")
    added = service_catalog.add_kind(_admin(ctx), "送药上门", "Medicine delivery")
    assert [k.name for k in service_catalog.list_kinds(ctx)][-1] == "送药上门"
    with pytest.raises(UserError, match="已经有了"):
        service_catalog.add_kind(_admin(ctx), "送药上门")
    with ctx.read() as s:
        row = s.scalars(select(m.AuditEntry).where(m.AuditEntry.table_name == "service_kind")).first()
        assert row is not None and row.record_id == added.id and row.user == "guanli"


def test_needs_are_saved_with_the_person_audited_and_filter_the_roster(ctx):
    saved = elders.create_elder(ctx, person())
    other = elders.create_elder(ctx, person("李阿婆", seq=14))
    detail = elders.get_elder(ctx, saved.id)
    assert detail.needs == ()
    wanted = (NeedInput("助浴", "weekly", "需两人协助"), NeedInput("代购", "每月"))
    result = elders.update_elder(ctx, saved.id, replace(detail.to_input(), needs=wanted), detail.version)
    assert "needs" in result.changed and result.version == detail.version + 1
    again = elders.get_elder(ctx, saved.id)
    assert again.needs == (NeedInput("助浴", "weekly", "需两人协助"), NeedInput("代购", "monthly", ""))
    trail = [r for r in elders.audit_trail(ctx, saved.id) if r.field == "needs"]
    assert trail and trail[-1].new == "助浴（每周：需两人协助）、代购（每月）"
    with ctx.read() as s:
        bath = service_catalog.kind_ids_in(s)["助浴"]
        found = roster_query.query_elders(s, roster_query.ElderFilter(need_kind_id=bath))
        everyone = {r.id: r for r in roster_query.query_elders(s, roster_query.ElderFilter())}
    assert [r.id for r in found] == [saved.id]
    assert everyone[saved.id].needs == ("助浴", "代购") and everyone[other.id].needs == ()


def test_a_need_not_on_the_list_or_an_unknown_frequency_is_refused_in_words(ctx):
    saved = elders.create_elder(ctx, person())
    detail = elders.get_elder(ctx, saved.id)
    bad = replace(detail.to_input(), needs=(NeedInput("插花", "weekly"), NeedInput("助餐", "每天三次")))
    with pytest.raises(ValidationError) as err:
        elders.update_elder(ctx, saved.id, bad, detail.version)
    words = " ".join(p.zh for p in err.value.problems)
    assert "服务类型“插花”不在本办的服务类型清单中" in words and "每天三次" in words
    assert elders.get_elder(ctx, saved.id).needs == ()


def test_skills_with_capacity_and_the_provider_mark_only_an_administrator_sets(ctx):
    v = volunteers.create_volunteer(
        ctx, VolunteerInput("陈红", "13812345678", skills=(SkillInput("助浴", 2), SkillInput("理发", 4)))
    )
    assert v.skills == (SkillInput("助浴", 2), SkillInput("理发", 4))
    assert roster_query.list_volunteers(ctx)[0].skills == "助浴×2、理发×4"
    with pytest.raises(PermissionDenied):
        volunteers.update_volunteer(ctx, v.id, replace(v.to_input(), service_provider=True), v.version)
    marked = volunteers.update_volunteer(
        _admin(ctx), v.id, replace(v.to_input(), service_provider=True), v.version
    )
    assert marked.service_provider
    with pytest.raises(ValidationError, match="每周可服务次数"):
        volunteers.update_volunteer(
            ctx, v.id, replace(marked.to_input(), skills=(SkillInput("助浴", 0),)), marked.version
        )
    less = volunteers.update_volunteer(
        ctx, v.id, replace(marked.to_input(), skills=(SkillInput("助浴", 2),)), marked.version
    )
    assert less.skills == (SkillInput("助浴", 2),) and less.version == marked.version + 1
    with ctx.read() as s:
        rows = s.execute(
            select(m.AuditEntry.old_value, m.AuditEntry.new_value).where(
                m.AuditEntry.table_name == "volunteer", m.AuditEntry.field == "skills"
            )
        ).all()
    assert rows[-1] == ("助浴×2、理发×4", "助浴×2")


def _skills_revision() -> tuple[str, str]:
    """This migration's id and its parent's, found by its module (the lead renumbers at merge)."""
    for rev in migrate._scripts().walk_revisions():
        if rev.path and Path(rev.path).stem.endswith("service_needs_skills"):
            return rev.revision, rev.down_revision  # type: ignore[return-value]
    raise AssertionError("the service kinds migration is missing")


@pytest.mark.db
def test_the_migration_turns_free_text_skills_into_tags_and_keeps_the_rest_as_notes(db_target: str) -> None:
    ours, parent = _skills_revision()
    engine = create_engine(resolve_url(db_target))
    try:
        migrate.upgrade(engine, parent)
        written = {
            1: ("量血压、理发", ""),
            2: ("家电维修 心理疏导", "周末不方便"),
            3: ("会开车，陪老人聊天，摄影", ""),
            4: ("助医/陪诊、代购/跑腿", ""),
            5: ("", ""),
        }
        with engine.begin() as conn:
            for vid, (skills, notes) in written.items():
                conn.execute(
                    text(
                        "INSERT INTO volunteer (id, name, phone, kind, availability, max_visits_per_week, "
                        "skills, notes, active, version, created_at, updated_at) "
                        "VALUES (:id, :n, '13800000000', 'neighbour', 0, 5, :s, :notes, :a, 1, "
                        "'2026-11-01 09:00:00', '2026-11-01 09:00:00')"
                    ),
                    {"id": vid, "n": f"志愿者{vid}", "s": skills, "notes": notes, "a": True},
                )
        migrate.upgrade(engine, ours)
        with engine.connect() as conn:
            tags: dict[int, list[str]] = {}
            for vid, name in conn.execute(
                text(
                    "SELECT s.volunteer_id, k.name FROM volunteer_skill s "
                    "JOIN service_kind k ON k.id = s.kind_id ORDER BY s.volunteer_id, k.sort_order"
                )
            ):
                tags.setdefault(vid, []).append(name)
            notes = dict(conn.execute(text("SELECT id, notes FROM volunteer")).all())
    finally:
        engine.dispose()
    assert tags == {1: ["理发"], 2: ["精神慰藉/陪聊", "维修"], 3: ["精神慰藉/陪聊"], 4: ["助医/陪诊", "代购"]}
    assert notes[1] == "特长：量血压"
    assert notes[2] == "周末不方便"  # every word was a kind: the notes stay as they were
    assert notes[3] == "特长：会开车、摄影"
    assert notes[5] == ""


def test_a_needs_column_imports_and_an_export_writes_it_back(supervisor_ctx, tmp_path: Path):
    sheet = tmp_path / "需求.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号码", "社区", "网格", "微网格", "服务需求"])
    ws.append(
        [
            "王秀英",
            person().id_number,
            "月河社区",
            "一网格",
            "1号微网格",
            "助浴（每周：需两人协助）、助餐、插花",
        ]
    )
    wb.save(sheet)
    plan = roster_import.plan_import(supervisor_ctx, [sheet], today=TODAY, create_places=True)
    assert not plan.rejected
    assert any(w.field == "needs" and "插花" in w.zh for w in plan.warnings)
    roster_import.apply_plan(supervisor_ctx, plan, today=TODAY)
    with supervisor_ctx.read() as s:
        e = s.scalars(select(m.Elder)).one()
        assert [(n.kind.name, n.frequency, n.notes) for n in e.needs] == [
            ("助餐", "weekly", ""),
            ("助浴", "weekly", "需两人协助"),
        ]
        assert "服务需求：插花" in e.notes
    out = tmp_path / "需求名单.xlsx"
    assert "needs" in roster_export.COMPLETE_COLUMNS  # and the complete export moves them too
    roster_export.export_roster(
        supervisor_ctx, out, roster_export.ExportOptions(columns=("name", "needs")), today=TODAY
    )
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    header = next(r for r in rows if r and "服务需求" in r)
    values = rows[rows.index(header) + 1]
    assert values[header.index("服务需求")] == "助餐（每周）、助浴（每周：需两人协助）"
