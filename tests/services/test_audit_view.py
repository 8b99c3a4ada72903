"""The audit viewer: filtered newest first, paged, masked, exported masked, supervisors only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook

from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied
from silverage.domain.progress import run_to_end
from silverage.services import audit_view
from silverage.services.audit_view import AuditFilter
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.db


@pytest.fixture
def trail(supervisor_ctx: ServiceContext) -> ServiceContext:
    ctx = supervisor_ctx
    a = elders.create_elder(ctx, person(name="张桂英", seq=12), today=TODAY)
    elders.update_elder(ctx, a.id, person(name="张桂英", seq=12, phone="13911112222"), a.version, today=TODAY)
    other = ServiceContext(ctx.db, Actor("li", Role.WORKER, "李社工"))
    elders.create_elder(other, person(name="王秀兰", seq=13), today=TODAY)
    return ctx


def test_a_person_filter_finds_their_rows_only_newest_first(trail: ServiceContext) -> None:
    rows = audit_view.page(trail, AuditFilter(person="桂英")).rows
    assert rows and {r.person for r in rows} == {"张桂英"}
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert rows[0].field == "phone" and rows[0].action == "update"
    by_id = audit_view.page(trail, AuditFilter(person=person(seq=12).id_number)).rows
    assert [r.id for r in by_id] == [r.id for r in rows]


def test_phones_and_id_numbers_are_masked_in_every_row(trail: ServiceContext) -> None:
    rows = audit_view.page(trail, AuditFilter()).rows
    shown = " ".join(f"{r.old} {r.new} {r.detail}" for r in rows)
    assert "13911112222" not in shown and "13812345678" not in shown
    assert person(seq=12).id_number not in shown
    phone = next(r for r in rows if r.action == "update" and r.field == "phone")
    assert phone.new.startswith("139") and phone.new.endswith("2222") and "*" in phone.new


def test_user_action_and_dates_filter(trail: ServiceContext) -> None:
    li = audit_view.page(trail, AuditFilter(user="li")).rows
    assert li and {r.user for r in li} == {"li"} and {r.person for r in li} == {"王秀兰"}
    assert {r.action for r in audit_view.page(trail, AuditFilter(action="update")).rows} == {"update"}
    today = trail.clock.today()
    assert audit_view.page(trail, AuditFilter(since=today, until=today)).rows
    assert not audit_view.page(trail, AuditFilter(until=today - timedelta(days=1))).rows
    assert not audit_view.page(trail, AuditFilter(since=today + timedelta(days=1))).rows


def test_pages_follow_each_other_without_gaps(trail: ServiceContext) -> None:
    everything = [r.id for r in audit_view.page(trail, AuditFilter(), limit=10_000).rows]
    seen, before, more = [], None, True
    while more:
        p = audit_view.page(trail, AuditFilter(), before_id=before, limit=7)
        seen += [r.id for r in p.rows]
        before, more = (p.rows[-1].id if p.rows else None), p.more
    assert seen == everything and len(everything) > 14


def test_the_export_is_masked_and_itself_audited(trail: ServiceContext, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "audit.xlsx"
    n = run_to_end(audit_view.export(trail, AuditFilter(person="张桂英"), out))
    ws = load_workbook(out, read_only=True).active
    cells = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert n == len(audit_view.page(trail, AuditFilter(person="张桂英")).rows) > 0
    assert "13911112222" not in cells and person(seq=12).id_number not in cells
    newest = audit_view.page(trail, AuditFilter(action="export")).rows[0]
    assert newest.user == trail.actor.username and f"rows={n}" in newest.detail
    assert audit_view.chain_status(trail).ok


def test_a_community_worker_may_not_read_the_trail(trail: ServiceContext) -> None:
    worker = ServiceContext(trail.db, Actor("li", Role.WORKER, "李社工"))
    with pytest.raises(PermissionDenied):
        audit_view.page(worker, AuditFilter())
