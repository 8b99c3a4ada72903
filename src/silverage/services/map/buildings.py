"""A worker's correction of the building a person is put in on the point map.

The address stays as written (it is what the volunteer reads on the sheet); the correction only
says which point the person belongs to, e.g. when 中山路12号 and 中山路十二号院 are one building or an
address names no building at all. One correction is one transaction with its audit row.
"""

from __future__ import annotations

from dataclasses import dataclass

from silverage.db import models as m
from silverage.domain.address import BUILDING_MAX, building_correction, building_key, building_too_long
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services import audit
from silverage.services.context import ServiceContext

MAX_LENGTH = BUILDING_MAX  # the column's length


@dataclass(frozen=True)
class BuildingInfo:
    elder_id: int
    from_address: str  # the building read from the address ("" when it names none)
    override: str  # the worker's correction, "" when none
    version: int  # the person's row version after the change (for an editor that stays open)

    @property
    def shown(self) -> str:
        """The building the map uses."""
        return self.override or self.from_address

    @property
    def changes(self) -> Changes:
        return Changes.of(elders=[self.elder_id])  # the map and the roster re-read the person


def _info(e: m.Elder) -> BuildingInfo:
    read = building_key(e.address_detail, e.address_building, e.address_unit, e.address_room)
    return BuildingInfo(e.id, read, e.building_override, e.version)


def _load(s, elder_id: int) -> m.Elder:  # type: ignore[no-untyped-def]
    e = s.get(m.Elder, elder_id)
    if e is None:
        raise UserError(f"找不到编号为 {elder_id} 的老人", f"No person number {elder_id}")
    return e


def building_of(ctx: ServiceContext, elder_id: int) -> BuildingInfo:
    ctx.require(Action.LIST)
    with ctx.read() as s:
        return _info(_load(s, elder_id))


def set_building(ctx: ServiceContext, elder_id: int, building: str) -> BuildingInfo:
    """Put the person in ``building`` on the map ("" clears the correction: the address decides).

    The text is stored in the canonical form (三号楼 -> 3幢) so that two workers typing the same
    building differently put their people in one point.
    """
    ctx.require(Action.EDIT_ROSTER)
    with ctx.transaction() as s:
        e = _load(s, elder_id)
        stored = building_correction(
            building, e.address_detail, e.address_building, e.address_unit, e.address_room
        )
        if (problem := building_too_long(stored)) is not None:
            raise UserError(problem.zh, problem.en)
        if stored != e.building_override:
            audit.record_changes(
                s,
                ctx.actor,
                "elder",
                e.id,
                {"building_override": e.building_override},
                {"building_override": stored},
            )
            e.building_override = stored
            s.flush()
        return _info(e)
