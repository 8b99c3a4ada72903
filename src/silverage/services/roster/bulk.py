"""Changes to many people at once (from the roster's multi-select), one transaction, audited per person."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from silverage.db import models as m
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, UserError
from silverage.domain.progress import Progress, run_to_end
from silverage.services import audit, faults
from silverage.services.context import ServiceContext

CHUNK = 500


@dataclass(frozen=True)
class MicroGridMove:
    moved: int  # how many were elsewhere before
    elder_ids: tuple[int, ...]  # everyone chosen

    @property
    def changes(self) -> Changes:
        return Changes.of(elders=self.elder_ids)


def reassign_micro_grid_job(
    ctx: ServiceContext, elder_ids: Sequence[int], micro_grid_id: int
) -> Generator[Progress, None, MicroGridMove]:
    """Move the chosen people to one micro-grid; yields progress; says how many actually moved.

    Cancelling (closing the generator) rolls the whole move back: nothing is half moved. The
    people are read locked (``FOR UPDATE`` on PostgreSQL), so a save racing the move waits for it
    and then meets the moved version, instead of the move failing halfway; should a version still
    change under it (SQLite takes its write lock only at the first write), the move stops whole and
    names the people saved by someone else.
    """
    ctx.require(Action.EDIT_ROSTER)
    ids = list(dict.fromkeys(elder_ids))
    if not ids:
        raise UserError("没有选中任何人", "Nobody is selected")
    moved = 0
    seen: dict[int, int] = {}  # the version each person had when the move read them
    with ctx.transaction() as s:
        target = s.get(m.MicroGrid, micro_grid_id)
        if target is None:
            raise UserError("目标微网格不存在", "The target micro-grid does not exist")
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            elders = list(s.scalars(select(m.Elder).where(m.Elder.id.in_(chunk)).with_for_update()))
            if len(elders) != len(chunk):
                raise UserError(
                    "选中的人中有人已被删除，请刷新后重试",
                    "Some of the selected people no longer exist; refresh and try again",
                )
            for elder in elders:
                seen[elder.id] = elder.version
                if elder.micro_grid_id == micro_grid_id:
                    continue
                audit.record(
                    s,
                    ctx.actor,
                    "update",
                    "elder",
                    elder.id,
                    field="micro_grid_id",
                    old=elder.micro_grid_id,
                    new=micro_grid_id,
                    detail="bulk",
                )
                elder.micro_grid_id = micro_grid_id
                moved += 1
            try:
                s.flush()
            except StaleDataError:
                raise saved_by_others(ctx, seen) from None
            yield Progress(
                min(start + CHUNK, len(ids)), len(ids), f"{min(start + CHUNK, len(ids))}/{len(ids)}"
            )
    return MicroGridMove(moved, tuple(ids))


def reassign_micro_grid(ctx: ServiceContext, elder_ids: Sequence[int], micro_grid_id: int) -> MicroGridMove:
    return run_to_end(reassign_micro_grid_job(ctx, elder_ids, micro_grid_id))


def saved_by_others(ctx: ServiceContext, seen: dict[int, int]) -> ConflictError:
    """The people whose version is no longer the one the action read, read afresh."""
    ids = list(seen)
    names: list[str] = []
    with ctx.read() as s:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            rows = s.execute(select(m.Elder.id, m.Elder.name, m.Elder.version).where(m.Elder.id.in_(chunk)))
            names += [name for i, name, version in rows if version != seen[i]]
    return faults.saved_by_others(names)
