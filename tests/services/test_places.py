"""Setting up and keeping the places: the tree with counts, add, rename, reorder, move, merge
(people and volunteers move, audited one by one), archive; and every refusal changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.elder_input import ElderInput
from silverage.domain.problems import PermissionDenied, UserError
from silverage.domain.volunteer_input import VolunteerInput
from silverage.services.context import ServiceContext
from silverage.services.roster import elders, places
from silverage.services.volunteers import volunteers
from tests.conftest import TODAY
from tests.io.helpers import make_id

pytestmark = pytest.mark.db


def _micro(ctx: ServiceContext, path: str) -> int:
    with ctx.read() as s:
        level, place = places.locate(places.PlaceIndex.load(s), path)
    assert level == "micro_grid"
    return place


def _person(ctx: ServiceContext, name: str, path: str, seq: int) -> int:
    inp = ElderInput(name=name, id_number=make_id(date(1941, 3, 4), seq=seq), living="alone")
    inp = ElderInput(**{**inp.__dict__, "micro_grid_id": _micro(ctx, path)})
    return elders.create_elder(ctx, inp, today=TODAY).id


def _volunteer(ctx: ServiceContext, name: str, path: str) -> int:
    return volunteers.create_volunteer(
        ctx, VolunteerInput(name=name, phone="13812345678", micro_grid_id=_micro(ctx, path), availability=3)
    ).id


def _paths(ctx: ServiceContext, include_archived: bool = False) -> list[str]:
    return [n.path for root in places.tree(ctx, include_archived) for n in root.walk()]


def _snapshot(ctx: ServiceContext) -> tuple[object, ...]:
    with ctx.read() as s:
        return (
            tuple(s.execute(select(m.Community.id, m.Community.name, m.Community.archived)).all()),
            tuple(s.execute(select(m.Grid.id, m.Grid.community_id, m.Grid.name)).all()),
            tuple(s.execute(select(m.MicroGrid.id, m.MicroGrid.grid_id, m.MicroGrid.name)).all()),
            tuple(s.execute(select(m.Elder.id, m.Elder.micro_grid_id)).all()),
            s.scalar(select(func.count()).select_from(m.AuditEntry)),
        )


@pytest.fixture
def office(supervisor_ctx: ServiceContext) -> ServiceContext:
    ctx = supervisor_ctx
    for path in (
        "月河社区/1网格/1号微网格",
        "月河社区/1网格/2号微网格",
        "月河社区/2网格/1号微网格",
        "梅湾社区/1网格/1号微网格",
    ):
        places.add_place(ctx, path)
    _person(ctx, "张三", "月河社区/1网格/1号微网格", 1)
    _person(ctx, "李四", "月河社区/1网格/2号微网格", 2)
    _person(ctx, "王五", "梅湾社区/1网格/1号微网格", 3)
    _volunteer(ctx, "赵阿姨", "月河社区/1网格/2号微网格")
    return ctx


def test_the_tree_counts_people_and_volunteers(office: ServiceContext) -> None:
    yuehe, meiwan = places.tree(office)
    assert (yuehe.name, yuehe.people, yuehe.volunteers) == ("月河社区", 2, 1)
    assert [(g.name, g.people) for g in yuehe.children] == [("1网格", 2), ("2网格", 0)]
    assert [(mg.name, mg.people, mg.volunteers) for mg in yuehe.children[0].children] == [
        ("1号微网格", 1, 0),
        ("2号微网格", 1, 1),
    ]
    assert meiwan.people == 1 and meiwan.as_json()["children"][0]["path"] == "梅湾社区/1网格"


def test_add_creates_what_is_missing_and_refuses_what_exists(office: ServiceContext) -> None:
    change = places.add_place(office, "南湖社区/3网格")
    assert change.created == ("南湖社区", "南湖社区/3网格") and change.changes.places
    before = _snapshot(office)
    with pytest.raises(UserError) as err:
        places.add_place(office, "南湖/第三网格")  # the importer could not tell these apart either
    assert "已经存在" in err.value.zh and "南湖社区/3网格" in err.value.zh
    with pytest.raises(UserError):
        places.add_place(office, "南湖社区/3网格/1号/多一级")
    assert _snapshot(office) == before


def test_rename_to_an_existing_name_is_refused(office: ServiceContext) -> None:
    before = _snapshot(office)
    with pytest.raises(UserError) as err:
        places.rename_place(office, "月河社区/2网格", "第一网格")
    assert "已有网格“月河社区/1网格”" in err.value.zh
    with pytest.raises(UserError):
        places.rename_place(office, "梅湾社区", "月河")
    assert _snapshot(office) == before
    places.rename_place(office, "月河社区/2网格", "3网格")
    assert "月河社区/3网格/1号微网格" in _paths(office)


def test_reorder_puts_a_place_first(office: ServiceContext) -> None:
    places.reorder_place(office, "梅湾社区", 1)
    assert [n.name for n in places.tree(office)] == ["梅湾社区", "月河社区"]
    with pytest.raises(UserError):
        places.reorder_place(office, "梅湾社区", 3)


def test_moving_a_micro_grid_takes_its_people_along_audited_per_person(office: ServiceContext) -> None:
    li = _person(office, "李五", "月河社区/1网格/2号微网格", 4)
    change = places.move_micro_grid(office, "月河社区/1网格/2号微网格", "月河社区/2网格")
    assert (change.people_moved, change.volunteers_moved) == (2, 1)
    assert elders.get_elder(office, li, today=TODAY).grid == "2网格"
    with office.read() as s:
        rows = s.execute(
            select(m.AuditEntry.table_name, m.AuditEntry.old_value, m.AuditEntry.new_value).where(
                m.AuditEntry.field == "micro_grid_id", m.AuditEntry.detail.like("move%")
            )
        ).all()
    assert sorted(t for t, _, _ in rows) == ["elder", "elder", "volunteer"]
    assert {(o, n) for _, o, n in rows} == {("月河社区/1网格/2号微网格", "月河社区/2网格/2号微网格")}


def test_merge_moves_people_and_volunteers_audited_per_person(office: ServiceContext) -> None:
    zhang = _micro(office, "月河社区/1网格/1号微网格")
    change = places.merge_places(office, "月河社区/1网格/2号微网格", "月河社区/1网格/1号微网格")
    assert (change.people_moved, change.volunteers_moved) == (1, 1)
    assert "月河社区/1网格/2号微网格" not in _paths(office, include_archived=True)
    with office.read() as s:
        assert set(s.scalars(select(m.Elder.micro_grid_id).where(m.Elder.name.in_(["张三", "李四"])))) == {
            zhang
        }
        assert s.scalar(select(m.Volunteer.micro_grid_id)) == zhang
        audited = s.execute(
            select(m.AuditEntry.table_name, m.AuditEntry.record_id).where(
                m.AuditEntry.field == "micro_grid_id", m.AuditEntry.detail.like("merge%")
            )
        ).all()
    assert sorted(t for t, _ in audited) == ["elder", "volunteer"]


def test_a_misspelt_community_merges_back_with_its_grids(office: ServiceContext) -> None:
    places.add_place(office, "月和社区/1网格/1号微网格")  # a typo from an import
    places.add_place(office, "月和社区/9网格/1号微网格")
    wu = _person(office, "吴六", "月和社区/1网格/1号微网格", 5)
    nine = _person(office, "郑七", "月和社区/9网格/1号微网格", 6)
    places.merge_places(office, "月和社区", "月河社区")
    assert not any(p.startswith("月和社区") for p in _paths(office, include_archived=True))
    assert elders.get_elder(office, wu, today=TODAY).micro_grid_id == _micro(
        office, "月河社区/1网格/1号微网格"
    )
    assert elders.get_elder(office, nine, today=TODAY).grid == "9网格"  # a grid 月河 lacked moves over whole


def test_merge_into_a_place_of_another_community_is_refused(office: ServiceContext) -> None:
    before = _snapshot(office)
    with pytest.raises(UserError) as err:
        places.merge_places(office, "梅湾社区/1网格", "月河社区/1网格")
    assert "不能合并到其他社区的地点" in err.value.zh
    with pytest.raises(UserError) as err:
        places.merge_places(office, "梅湾社区/1网格", "月河社区/1网格/1号微网格")
    assert "同一级" in err.value.zh
    assert _snapshot(office) == before


def test_a_place_with_people_is_not_archived(office: ServiceContext) -> None:
    before = _snapshot(office)
    with pytest.raises(UserError) as err:
        places.archive_place(office, "月河社区/1网格")
    assert "还有2位在册老人" in err.value.zh and "1名在岗志愿者" in err.value.zh
    assert _snapshot(office) == before
    places.archive_place(office, "月河社区/2网格")
    assert "月河社区/2网格" not in _paths(office) and "月河社区/2网格" in _paths(
        office, include_archived=True
    )
    with pytest.raises(UserError) as err:
        places.add_place(office, "月河社区/2网格/5号微网格")
    assert "已归档" in err.value.zh
    places.restore_place(office, "月河社区/2网格")
    assert "月河社区/2网格" in _paths(office)


def test_a_worker_may_not_change_places(office: ServiceContext, ctx: ServiceContext) -> None:
    for change in (
        lambda: places.add_place(ctx, "南湖社区"),
        lambda: places.rename_place(ctx, "梅湾社区", "梅湾"),
        lambda: places.merge_places(ctx, "月河社区/2网格", "月河社区/1网格"),
        lambda: places.archive_place(ctx, "月河社区/2网格"),
    ):
        with pytest.raises(PermissionDenied):
            change()


def test_a_place_list_workbook_sets_up_the_tree(supervisor_ctx: ServiceContext, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "地点"
    ws.append(["南湖街道社区网格一览表"])
    ws.append(["社区", "网格", "微网格"])
    ws.append(["月河社区", "第一网格", "1号微网格"])
    ws.append([None, None, "2号微网格"])  # the community and grid merged over their rows
    ws.append(["梅湾社区", "1网格", None])
    ws.append(["合计", None, None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    roster = wb.create_sheet("芦席汇社区")  # a roster sheet: named after its community
    roster.append(["姓名", "身份证号码", "网格", "微网格"])
    roster.append(["张三", make_id(date(1940, 1, 2)), "芦席汇1网格", "1号微网格"])
    path = tmp_path / "places.xlsx"
    wb.save(path)
    preview = places.import_places(supervisor_ctx, [path], dry_run=True)
    assert preview.created == (
        "月河社区", "月河社区/第一网格", "月河社区/第一网格/1号微网格", "月河社区/第一网格/2号微网格",
        "梅湾社区", "梅湾社区/1网格",
        "芦席汇社区", "芦席汇社区/芦席汇1网格", "芦席汇社区/芦席汇1网格/1号微网格",
    )  # fmt: skip
    assert _paths(supervisor_ctx) == []  # a dry run writes nothing
    done = places.import_places(supervisor_ctx, [path])
    assert done.created == preview.created and not done.problems
    again = places.import_places(supervisor_ctx, [path])
    assert again.created == () and again.existing == 4  # the four places its rows name
