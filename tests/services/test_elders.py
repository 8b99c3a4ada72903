"""The roster write service as staff meet it: save, duplicates, conflicts, archive, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.elder_input import ContactInput
from silverage.domain.enums import ElderStatus
from silverage.domain.problems import ConflictError, UserError, ValidationError
from silverage.services.care import assessment
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.services.elder_helpers import id_number, person

pytestmark = pytest.mark.db


def test_create_takes_birth_date_and_gender_from_the_id_and_assesses(ctx):
    res = elders.create_elder(ctx, person(disability="severe"), today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert d.birth_date == date(1940, 3, 5) and d.gender == "F" and d.age == 86
    assert d.level == "red" and "重度失能" in d.reasons_zh and d.rule_version == 1
    assert res.level_change == (None, "red")
    assert [c.name for c in d.contacts] == ["王建国"]
    assert d.next_assessment == date(2027, 2, 26)


def test_bad_input_names_every_field_and_writes_nothing(ctx):
    with pytest.raises(ValidationError) as err:
        elders.create_elder(ctx, person(name="", id_number="33040219400305001", phone="12"), today=TODAY)
    assert {p.field for p in err.value.problems} == {"name", "id_number", "phone"}
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Elder)) == 0


def test_same_id_number_is_refused_and_says_who_has_it_masked(ctx):
    elders.create_elder(ctx, person(), today=TODAY)
    with pytest.raises(ValidationError) as err:
        elders.create_elder(ctx, person(name="李秀兰", address_detail="解放路1号"), today=TODAY)
    p = err.value.problems[0]
    assert p.field == "id_number" and "张桂英" in p.zh and "3304**********" in p.zh
    assert id_number(date(1940, 3, 5)) not in p.zh + p.en


def test_same_name_birth_and_address_asks_first_then_saves_with_a_warning(ctx):
    first = elders.create_elder(ctx, person(), today=TODAY)
    twin = person(seq=14)
    with pytest.raises(elders.SimilarExists) as err:
        elders.create_elder(ctx, twin, today=TODAY)
    assert err.value.ids == [first.id]
    res = elders.create_elder(ctx, twin, confirm_similar=True, today=TODAY)
    assert res.id != first.id and res.warnings and "同名" in res.warnings[0].zh


def test_update_audits_field_by_field_and_rescores_when_it_matters(ctx):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    before = elders.get_elder(ctx, res.id, today=TODAY)
    assert before.level == "green"
    inp = replace(before.to_input(), phone="0573-82345678", disability="moderate", fall_last_year=True)
    saved = elders.update_elder(ctx, res.id, inp, before.version, today=TODAY)
    assert set(saved.changed) == {"phone", "disability", "fall_last_year"}
    assert saved.level_change == ("green", "red")  # 86岁 +2；空巢 +1；中度失能 +2；跌倒 +1 = 6
    trail = [a for a in elders.audit_trail(ctx, res.id) if a.action == "update"]
    assert {(a.field, a.old, a.new) for a in trail} >= {
        ("phone", "13812345678", "0573-82345678"),
        ("disability", "none", "moderate"),
        ("fall_last_year", "0", "1"),
    }
    assert all(a.user == "sheg" for a in trail)


def test_a_rise_in_level_is_surfaced_as_an_alert(ctx):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    elders.update_elder(
        ctx, res.id, replace(d.to_input(), disability="severe", living="alone"), d.version, today=TODAY
    )
    with ctx.read() as s:
        alert = s.scalar(select(m.Alert).where(m.Alert.elder_id == res.id, m.Alert.kind == "level_change"))
    assert alert is not None and "绿升为红" in alert.message_zh and "Green to Red" in alert.message_en


def test_stale_version_is_refused_naming_who_saved_and_nothing_is_overwritten(db, ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    opened = elders.get_elder(ctx, res.id, today=TODAY)
    other = ServiceContext(db, Actor("wang", display_name="王社工"))
    with other.transaction() as s:
        s.add(m.User(username="wang", display_name="王社工"))
    elders.update_elder(
        other, res.id, replace(opened.to_input(), phone="13900002222"), opened.version, today=TODAY
    )
    with pytest.raises(ConflictError) as err:
        elders.update_elder(
            ctx, res.id, replace(opened.to_input(), notes="我的修改"), opened.version, today=TODAY
        )
    assert (
        "王社工 在" in err.value.zh and "保存过此记录" in err.value.zh and "saved this record" in err.value.en
    )
    now = elders.get_elder(ctx, res.id, today=TODAY)
    assert now.phone == "13900002222" and now.notes == ""


def test_contacts_are_added_changed_and_removed_in_one_save_and_audited(ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    son = d.contacts[0]
    inp = replace(d.to_input(), contacts=(ContactInput("李芳", "女儿", "13700001234"),))
    saved = elders.update_elder(ctx, res.id, inp, d.version, today=TODAY)
    assert "contacts" in saved.changed
    after = elders.get_elder(ctx, res.id, today=TODAY)
    assert [c.name for c in after.contacts] == ["李芳"]
    d2 = after
    inp2 = replace(
        d2.to_input(), contacts=(ContactInput("李芳", "女儿", "13700009999", id=d2.contacts[0].id),)
    )
    elders.update_elder(ctx, res.id, inp2, d2.version, today=TODAY)
    trail = elders.audit_trail(ctx, res.id)
    assert any(
        a.table == "emergency_contact" and a.action == "delete" and a.record_id == son.id for a in trail
    )
    assert any(
        a.table == "emergency_contact" and a.field == "phone" and a.new == "13700009999" for a in trail
    )


def test_archive_and_restore_keep_status_date_reason_and_audit(ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    with pytest.raises(ValidationError) as err:
        elders.archive_elder(ctx, res.id, ElderStatus.MOVED, TODAY, "  ", res.version, today=TODAY)
    assert err.value.problems[0].field == "status_reason"
    arch = elders.archive_elder(
        ctx, res.id, ElderStatus.CARE_HOME, date(2026, 11, 20), "入住福利院", res.version, today=TODAY
    )
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert (d.status, d.status_date, d.status_reason) == ("care_home", date(2026, 11, 20), "入住福利院")
    with pytest.raises(ConflictError):
        elders.restore_elder(ctx, res.id, res.version, today=TODAY)
    elders.restore_elder(ctx, res.id, arch.version, today=TODAY)
    d = elders.get_elder(ctx, res.id, today=TODAY)
    assert d.status == "active" and d.status_date is None
    actions = [(a.action, a.field, a.new) for a in elders.audit_trail(ctx, res.id)]
    assert ("archive", "status", "care_home") in actions
    assert ("archive", "status_reason", "入住福利院") in actions
    assert ("restore", "status", "active") in actions


def test_restore_of_an_active_person_is_a_readable_error(ctx):
    res = elders.create_elder(ctx, person(), today=TODAY)
    with pytest.raises(UserError, match="已在册"):
        elders.restore_elder(ctx, res.id, res.version, today=TODAY)


def test_bulk_import_api_works_inside_one_transaction(ctx):
    with ctx.transaction() as s:
        e = elders.create_in(s, ctx.actor, person(), TODAY)
        assert elders.find_by_id_number(s, id_number(date(1940, 3, 5))).id == e.id
        assert elders.find_similar(s, "张桂英", date(1940, 3, 5), " 中山路12号 ") == [e.id]
        changed = elders.update_in(s, ctx.actor, e, replace(person(), economic="低保"), TODAY)
        assert changed == ["economic"]
    assert assessment.history(ctx, e.id)[0].reasons_zh.count("低保 +1") == 1
