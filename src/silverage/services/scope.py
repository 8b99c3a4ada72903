"""A community worker sees only the communities assigned to them, in every query, whoever wrote it.

Why one filter on the session rather than a WHERE in each service: a roster list, a count on the
dashboard, a visit sheet, an Excel export, a plan, a lazy load of a person's contacts — each must
stop at the worker's communities, and a query someone adds next year must too. So every session a
``ServiceContext`` opens for a scoped actor carries the community ids (``limit``), and one
``do_orm_execute`` hook adds ``with_loader_criteria`` for the places, people, volunteers, visits
and everything hanging off a person to every ORM SELECT, UPDATE and DELETE that session runs.
People without a micro-grid belong to no community, so a scoped worker does not see them.

The few checks that must look past the scope (is this ID number on the roster at all, is this
place name taken) pass ``execution_options(**UNSCOPED)`` and say nothing about what they find
beyond "someone else's".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Result, Select, event, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from silverage.db import models as m

SCOPE_KEY = "silverage_scope"
UNSCOPED: dict[str, Any] = {"silverage_unscoped": True}
_INSTALLED = "_silverage_scope_installed"


def install(factory: sessionmaker[Session]) -> None:
    """Hook the filter into every session of ``factory`` (once per database)."""
    if getattr(factory, _INSTALLED, False):
        return
    event.listen(factory, "do_orm_execute", _filter)
    setattr(factory, _INSTALLED, True)


def limit(session: Session, communities: Iterable[int] | None) -> None:
    """Limit ``session`` to ``communities`` (None: no limit)."""
    session.info[SCOPE_KEY] = None if communities is None else tuple(sorted(communities))


def communities_of(session: Session) -> tuple[int, ...] | None:
    """The community ids ``session`` is limited to, or None."""
    return session.info.get(SCOPE_KEY)  # type: ignore[no-any-return]


def _criteria(communities: tuple[int, ...]) -> tuple[Any, ...]:
    # Core tables inside the subqueries: the ORM criteria are not applied to them again.
    g, mg, e = m.Grid.__table__, m.MicroGrid.__table__, m.Elder.__table__
    grids = select(g.c.id).where(g.c.community_id.in_(communities))
    micros = select(mg.c.id).join(g, mg.c.grid_id == g.c.id).where(g.c.community_id.in_(communities))
    elders = select(e.c.id).where(e.c.micro_grid_id.in_(micros))

    def only(entity: Any, clause: Any) -> Any:
        return with_loader_criteria(entity, clause, include_aliases=True)

    return (
        only(m.Community, m.Community.id.in_(communities)),
        only(m.Grid, m.Grid.community_id.in_(communities)),
        only(m.MicroGrid, m.MicroGrid.grid_id.in_(grids)),
        only(m.Elder, m.Elder.micro_grid_id.in_(micros)),
        only(m.Volunteer, m.Volunteer.micro_grid_id.in_(micros)),
        only(m.Visit, m.Visit.elder_id.in_(elders)),
        only(m.EmergencyContact, m.EmergencyContact.elder_id.in_(elders)),
        only(m.Assessment, m.Assessment.elder_id.in_(elders)),
        only(m.FollowUp, m.FollowUp.elder_id.in_(elders)),
        only(m.Alert, m.Alert.elder_id.in_(elders)),
    )


def _filter(state: ORMExecuteState) -> None:
    communities = state.session.info.get(SCOPE_KEY)
    if communities is None or state.execution_options.get("silverage_unscoped"):
        return
    if state.is_select or state.is_update or state.is_delete:
        state.statement = state.statement.options(*_criteria(communities))


def plain_rows(session: Session, stmt: Select) -> Result[Any]:
    """The rows of ``stmt`` (a SELECT of ORM columns) as the driver gives them, on ``session``'s
    connection, with the same community limit ``_filter`` adds: the criteria are applied when the
    statement is compiled, so they hold on a connection too. Skips the ORM's per-row processing,
    which at 100,000 people is a third of reading the roster; the rows are Core rows (tuples)."""
    communities = session.info.get(SCOPE_KEY)
    if communities is not None:
        stmt = stmt.options(*_criteria(communities))
    return session.connection().execute(stmt)


# ------------------------------------------------------------------ checks for writes


def micro_grid_visible(s: Session, micro_grid_id: int | None) -> bool:
    """Whether the session's actor may put someone in this micro-grid (it exists and is theirs)."""
    if micro_grid_id is None:
        return communities_of(s) is None
    return s.get(m.MicroGrid, micro_grid_id) is not None


def names(s: Session, communities: Iterable[int] | None = None) -> str:
    """The session's communities (or ``communities``) by name, for messages: "月河社区、南湖社区"."""
    ids = communities_of(s) if communities is None else tuple(communities)
    if ids is None:
        return ""
    rows = s.execute(
        select(m.Community.name)
        .where(m.Community.id.in_(ids))
        .order_by(m.Community.sort_order, m.Community.id)
        .execution_options(**UNSCOPED)
    )
    return "、".join(r[0] for r in rows) or "（无）"
