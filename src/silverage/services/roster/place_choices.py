"""The community → grid → micro-grid tree as plain rows, for filter boxes and "move to" pickers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from silverage.db import models as m
from silverage.domain.permissions import Action
from silverage.services import scope
from silverage.services.context import ServiceContext


class MicroGridChoice(NamedTuple):
    """A micro-grid with its grid and community (a named tuple: 23,800 of them at 100,000 people
    are read at start-up, for the roster's filter boxes)."""

    id: int
    name: str
    grid_id: int
    grid: str
    community_id: int
    community: str

    @property
    def path(self) -> str:
        return f"{self.community} / {self.grid} / {self.name}"


def micro_grids(ctx: ServiceContext) -> list[MicroGridChoice]:
    ctx.require(Action.LIST)
    stmt = (
        select(m.MicroGrid.id, m.MicroGrid.name, m.Grid.id, m.Grid.name, m.Community.id, m.Community.name)
        .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
        .join(m.Community, m.Grid.community_id == m.Community.id)
        .where(m.MicroGrid.archived.is_(False), m.Grid.archived.is_(False), m.Community.archived.is_(False))
        .order_by(m.Community.sort_order, m.Grid.sort_order, m.MicroGrid.sort_order, m.MicroGrid.id)
    )
    with ctx.read() as s:
        new = tuple.__new__
        return [new(MicroGridChoice, row) for row in scope.plain_rows(s, stmt)]


@dataclass(frozen=True)
class CommunityChoice:
    id: int
    name: str


def communities(ctx: ServiceContext) -> list[CommunityChoice]:
    """Every community in its office order, also those that have no grid yet."""
    ctx.require(Action.LIST)
    stmt = (
        select(m.Community.id, m.Community.name)
        .where(m.Community.archived.is_(False))
        .order_by(m.Community.sort_order, m.Community.id)
    )
    with ctx.read() as s:
        return [CommunityChoice(*row) for row in s.execute(stmt)]
