"""The point map's data on the demo roster: everyone in their building, in their colour, ringed if overdue."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services.care import assessment
from silverage.services.context import Actor, ServiceContext
from silverage.services.map import buildings
from silverage.services.map import points as pm
from silverage.services.roster import elders
from silverage.services.roster.roster_query import ElderFilter, list_elders
from silverage.services.visits import worklists
from tests.conftest import TODAY

pytestmark = pytest.mark.db


def people_of(pmap: pm.PointMap) -> set[int]:
    return {p.elder_id for point in pmap.points for p in point.people}


def point_of(pmap: pm.PointMap, elder_id: int) -> pm.MapPoint:
    return next(pt for pt in pmap.points if elder_id in {p.elder_id for p in pt.people})


def test_the_map_holds_exactly_the_rosters_active_people_of_each_place(demo_ctx: ServiceContext) -> None:
    for place in pm.places(demo_ctx):
        cmap = pm.point_map(demo_ctx, community_id=place.community_id, today=TODAY)
        roster = {r.id for r in list_elders(demo_ctx, ElderFilter(community_id=place.community_id), TODAY)}
        assert people_of(cmap) == roster and cmap.people == cmap.people_total == len(roster)
        for gid, _name in place.grids[:2]:
            gmap = pm.point_map(demo_ctx, grid_id=gid, today=TODAY)
            assert people_of(gmap) == {r.id for r in list_elders(demo_ctx, ElderFilter(grid_id=gid), TODAY)}


def test_a_point_is_a_building_its_colour_the_highest_level_in_it(demo_ctx: ServiceContext) -> None:
    cmap = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    assert cmap.buildings < cmap.people_total  # neighbours share buildings on the demo
    rank = {"red": 2, "yellow": 1, "green": 0}
    shared = [pt for pt in cmap.points if pt.count > 1]
    assert shared
    for pt in cmap.points:
        assert pt.level == max((p.level for p in pt.people), key=rank.__getitem__)
        assert pt.shape == {"red": "disc", "yellow": "triangle", "green": "circle"}[pt.level]
        assert pt.building_key and pt.label == pt.building_key
        assert all("*" in p.phone_masked for p in pt.people if p.phone_masked)
    with demo_ctx.read() as s:
        for pt in shared[:5]:
            rows = s.execute(
                select(m.Elder.address_detail, m.Elder.address_building).where(
                    m.Elder.id.in_([p.elder_id for p in pt.people])
                )
            ).all()
            assert len(set(rows)) == 1  # the same road, number and building


def test_rings_mark_exactly_the_people_the_dashboard_calls_overdue(demo_ctx: ServiceContext) -> None:
    overdue = {r.elder_id for r in worklists.overdue(demo_ctx, TODAY) if r.community == "月河社区"}
    cmap = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    assert overdue and {p.elder_id for pt in cmap.points for p in pt.people if p.overdue} == overdue
    for pt in cmap.points:
        assert pt.overdue == any(p.elder_id in overdue for p in pt.people)


def test_a_person_turning_red_turns_their_point_red(demo_ctx: ServiceContext) -> None:
    cmap = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    green = next(pt for pt in cmap.points if pt.level == "green")
    person = green.people[-1]
    detail = elders.get_elder(demo_ctx, person.elder_id)
    assessment.override_level(demo_ctx, person.elder_id, "red", "家访发现独自卧床", detail.version)
    after = point_of(pm.point_map(demo_ctx, community_id=1, today=TODAY), person.elder_id)
    assert (after.key, after.level, after.shape) == (green.key, "red", "disc")
    assert (after.x, after.y) == (green.x, green.y)  # it changes colour, not place
    assert pm.point_map(demo_ctx, community_id=1, today=TODAY).counts()["red"] == cmap.counts()["red"] + 1


def test_a_re_assessment_after_a_fall_turns_the_point_red(demo_ctx: ServiceContext) -> None:
    cmap = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    green = next(pt for pt in cmap.points if pt.level == "green" and pt.count == 1)
    person = green.people[0]
    detail = elders.get_elder(demo_ctx, person.elder_id, TODAY)
    worse = replace(
        detail.to_input(),
        disability="severe",
        mobility="bedridden",
        serious_illness=True,
        fall_last_year=True,
        hospital_last_year=True,
        cognitive_impairment=True,
        living="alone",
        children_nearby=False,
    )
    saved = elders.update_elder(demo_ctx, person.elder_id, worse, detail.version, TODAY)
    assert saved.level_change == ("green", "red")  # the rules re-scored the person on saving
    after = point_of(pm.point_map(demo_ctx, community_id=1, today=TODAY), person.elder_id)
    assert (after.key, after.level, after.shape) == (green.key, "red", "disc")


def test_filters_leave_points_where_they_were(demo_ctx: ServiceContext) -> None:
    everyone = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    where = {pt.key: (pt.x, pt.y) for pt in everyone.points}
    reds = pm.point_map(demo_ctx, community_id=1, filter=pm.MapFilter(levels=frozenset({"red"})), today=TODAY)
    assert reds.points and all(p.level == "red" for pt in reds.points for p in pt.people)
    assert reds.people == everyone.people_counts()["red"]
    assert all(where[pt.key] == (pt.x, pt.y) for pt in reds.points)
    late = pm.point_map(demo_ctx, community_id=1, filter=pm.MapFilter(overdue_only=True), today=TODAY)
    assert late.points and all(pt.overdue and all(p.overdue for p in pt.people) for pt in late.points)
    alone = pm.point_map(
        demo_ctx, community_id=1, filter=pm.MapFilter(living=frozenset({"alone"})), today=TODAY
    )
    assert 0 < alone.people < everyone.people and all(
        p.living == "alone" for pt in alone.points for p in pt.people
    )
    assert reds.buildings == everyone.buildings  # the layout is the place's, whatever is shown


def test_every_point_sits_in_its_micro_grids_box(demo_ctx: ServiceContext) -> None:
    cmap = pm.point_map(demo_ctx, community_id=1, today=TODAY)
    for pt in cmap.points:
        box = cmap.region(f"m{pt.micro_grid_id}")
        assert box is not None and box.rect.contains(pt.x, pt.y)
        assert cmap.region(f"g{pt.grid_id}").rect.encloses(box.rect)  # type: ignore[union-attr]


def test_a_worker_moves_a_person_into_the_right_building(demo_ctx: ServiceContext) -> None:
    cmap = pm.point_map(demo_ctx, grid_id=1, today=TODAY)
    target, mover = (
        cmap.points[0],
        next(pt for pt in cmap.points[1:] if pt.micro_grid_id == cmap.points[0].micro_grid_id),
    )
    person = mover.people[0]
    spelled = target.building_key.replace("3幢", "三号楼").replace("2幢", "二号楼").replace("1幢", "一号楼")
    info = buildings.set_building(demo_ctx, person.elder_id, spelled)
    assert info.override == target.building_key and info.shown == target.building_key
    moved = point_of(pm.point_map(demo_ctx, grid_id=1, today=TODAY), person.elder_id)
    assert moved.key == target.key and moved.count == target.count + 1
    assert next(p for p in moved.people if p.elder_id == person.elder_id).overridden
    with demo_ctx.read() as s:
        row = s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.field == "building_override")
            .order_by(m.AuditEntry.id.desc())
        ).first()
        assert row is not None and row.record_id == person.elder_id and row.user == "sheg"
    buildings.set_building(demo_ctx, person.elder_id, "")
    back = point_of(pm.point_map(demo_ctx, grid_id=1, today=TODAY), person.elder_id)
    assert back.key == mover.key and not buildings.building_of(demo_ctx, person.elder_id).override


def test_a_correction_equal_to_the_address_is_no_correction(demo_ctx: ServiceContext) -> None:
    pt = pm.point_map(demo_ctx, grid_id=1, today=TODAY).points[0]
    info = buildings.set_building(demo_ctx, pt.people[0].elder_id, pt.building_key)
    assert info.override == "" and info.shown == pt.building_key


def test_a_viewer_may_look_but_not_correct(demo_ctx: ServiceContext) -> None:
    viewer = ServiceContext(demo_ctx.db, Actor("kan", Role.VIEWER))
    pt = pm.point_map(viewer, grid_id=1, today=TODAY).points[0]
    with pytest.raises(PermissionDenied):
        buildings.set_building(viewer, pt.people[0].elder_id, "中山路1号")


def test_a_scoped_worker_maps_only_their_own_communities(demo_ctx: ServiceContext) -> None:
    zhao = ServiceContext(demo_ctx.db, Actor("zhao", Role.WORKER, communities=frozenset({1})))
    assert [p.community_id for p in pm.places(zhao)] == [1]
    with pytest.raises(UserError):
        pm.point_map(zhao, community_id=2, today=TODAY)
    assert len(pm.point_maps(zhao, today=TODAY)) == len(pm.places(zhao)[0].grids)


def test_places_are_found_by_the_names_people_type(demo_ctx: ServiceContext) -> None:
    assert pm.find_place(demo_ctx, "月河社区", "月河1网格") == (1, 1)
    with pytest.raises(UserError) as err:
        pm.find_place(demo_ctx, "月河", None)
    assert "月河社区" in err.value.zh and "月河社区" in err.value.en
