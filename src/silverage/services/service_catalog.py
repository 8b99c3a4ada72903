"""The office's service kinds, and the needs and skills that carry them.

A person's needs and a volunteer's skills are saved with the person's or the volunteer's record
(one save, one transaction): ``sync_needs_in`` and ``sync_skills_in`` run inside the caller's
transaction and write one audit row each, the whole list before and after as text, so the trail
reads "服务需求：助浴（每周） → 助浴（每周）、助餐（每月）".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError
from silverage.domain.service_kinds import CAPACITY_RANGE, Frequency, NeedInput, SkillInput, needs_text
from silverage.domain.text import clean_text
from silverage.services import audit
from silverage.services.context import Actor, ServiceContext


@dataclass(frozen=True)
class KindRow:
    id: int
    name: str
    name_en: str
    archived: bool

    def label(self, lang: str = "zh") -> str:
        return self.name if lang.startswith("zh") or not self.name_en else self.name_en


def kinds_in(s: Session, include_archived: bool = False) -> list[KindRow]:
    stmt = select(m.ServiceKind).order_by(m.ServiceKind.sort_order, m.ServiceKind.id)
    if not include_archived:
        stmt = stmt.where(m.ServiceKind.archived.is_(False))
    return [KindRow(k.id, k.name, k.name_en, k.archived) for k in s.scalars(stmt)]


def kind_ids_in(s: Session) -> dict[str, int]:
    """Every kind's name -> id (archived ones too: old records still name them)."""
    return dict(s.execute(select(m.ServiceKind.name, m.ServiceKind.id)).all())


def list_kinds(ctx: ServiceContext, include_archived: bool = False) -> list[KindRow]:
    ctx.require(Action.LIST)
    with ctx.read() as s:
        return kinds_in(s, include_archived)


def add_kind(ctx: ServiceContext, name: str, name_en: str = "") -> KindRow:
    """An administrator adds a kind to the office's list (audited); a name already there is refused."""
    ctx.require(Action.EDIT_SERVICE_KINDS)
    name, name_en = clean_text(name), clean_text(name_en)
    if not name or len(name) > 30:
        raise UserError(
            "服务类型名称不能为空，最多30个字", "A service kind needs a name of at most 30 characters"
        )
    if any(c in name for c in "、,，;；（）()"):
        raise UserError(
            f"服务类型名称“{name}”不能含有顿号、逗号、分号或括号（它们在表格里分隔需求）",
            f"The service kind '{name}' may not contain 、 , ; or brackets (they separate needs in a cell)",
        )
    with ctx.transaction() as s:
        if s.scalar(select(m.ServiceKind.id).where(m.ServiceKind.name == name)) is not None:
            raise UserError(f"服务类型“{name}”已经有了", f"The service kind '{name}' already exists")
        order = (s.scalar(select(func.max(m.ServiceKind.sort_order))) or 0) + 1
        kind = m.ServiceKind(name=name, name_en=name_en[:50], sort_order=order, archived=False)
        s.add(kind)
        s.flush()
        audit.record_changes(
            s, ctx.actor, "service_kind", kind.id, {}, {"name": name, "name_en": name_en}, action="create"
        )
        return KindRow(kind.id, kind.name, kind.name_en, False)


def _unknown_kind(field: str, name: str, known: Sequence[str]) -> Problem:
    return Problem(
        field,
        f"服务类型“{name}”不在本办的服务类型清单中（{'、'.join(known)}）；管理员可在设置中增加",
        f"The service kind '{name}' is not on the office's list; an administrator can add it in Settings",
    )


def check_needs(s: Session, needs: Sequence[NeedInput]) -> list[Problem]:
    known = [k.name for k in kinds_in(s)]
    problems: list[Problem] = []
    seen: set[str] = set()
    for n in needs:
        if n.kind not in known:
            problems.append(_unknown_kind("needs", n.kind, known))
        if Frequency.from_label(n.frequency) is None:
            problems.append(
                Problem(
                    "needs",
                    f"{n.kind}的频次“{n.frequency}”无法识别，可选：每周、每两周、每月",
                    f"How often for {n.kind}: '{n.frequency}' is not weekly, fortnightly or monthly",
                )
            )
        if n.kind in seen:
            problems.append(Problem("needs", f"需求“{n.kind}”重复了", f"The need '{n.kind}' is listed twice"))
        if len(n.notes) > 200:
            problems.append(
                Problem("needs", f"{n.kind}的说明太长（最多200字）", f"The note on {n.kind} is too long")
            )
        seen.add(n.kind)
    return problems


def check_skills(s: Session, skills: Sequence[SkillInput]) -> list[Problem]:
    known = [k.name for k in kinds_in(s)]
    problems: list[Problem] = []
    lo, hi = CAPACITY_RANGE
    for sk in skills:
        if sk.kind not in known:
            problems.append(_unknown_kind("skills", sk.kind, known))
        if not lo <= sk.weekly_capacity <= hi:
            problems.append(
                Problem(
                    "skills",
                    f"{sk.kind}每周可服务次数应在{lo}到{hi}之间",
                    f"Services a week for {sk.kind} must be between {lo} and {hi}",
                )
            )
    if len({sk.kind for sk in skills}) != len(skills):
        problems.append(Problem("skills", "同一项技能列了两次", "A skill is listed twice"))
    return problems


def needs_of(e: m.Elder) -> tuple[NeedInput, ...]:
    return tuple(NeedInput(n.kind.name, n.frequency, n.notes) for n in e.needs)


def skills_of(v: m.Volunteer) -> tuple[SkillInput, ...]:
    return tuple(SkillInput(sk.kind.name, sk.weekly_capacity) for sk in v.skills)


def _needs_text(needs: Sequence[NeedInput]) -> str:
    return needs_text((n.kind, n.frequency, n.notes) for n in needs)


def skills_text(skills: Sequence[SkillInput]) -> str:
    """助浴×3、理发×2: each skill with its services a week."""
    return "、".join(f"{sk.kind}×{sk.weekly_capacity}" for sk in skills)


_RowFor = Callable[[str, Any], Any]  # (kind name, row class) -> the owner's row for that kind, or a new one


def sync_needs_in(s: Session, actor: Actor, elder: m.Elder, wanted: Sequence[NeedInput]) -> bool:
    """Make the person's needs ``wanted`` (validated by the caller); one audit row when they change."""

    def rows(row_for: _RowFor) -> list[m.ElderNeed]:
        kept = []
        for n in wanted:
            freq = Frequency.from_label(n.frequency)
            row = row_for(n.kind, m.ElderNeed)
            row.frequency = freq.value if freq else Frequency.WEEKLY.value
            row.notes = n.notes.strip()
            kept.append(row)
        return kept

    return _replace_tags(s, actor, elder, "needs", "elder", lambda: _needs_text(needs_of(elder)), rows)


def sync_skills_in(s: Session, actor: Actor, volunteer: m.Volunteer, wanted: Sequence[SkillInput]) -> bool:
    """Make the volunteer's skills ``wanted``; one audit row when they change."""

    def rows(row_for: _RowFor) -> list[m.VolunteerSkill]:
        kept = []
        for sk in wanted:
            row = row_for(sk.kind, m.VolunteerSkill)
            row.weekly_capacity = sk.weekly_capacity
            kept.append(row)
        return kept

    return _replace_tags(
        s, actor, volunteer, "skills", "volunteer", lambda: skills_text(skills_of(volunteer)), rows
    )


def _replace_tags(
    s: Session,
    actor: Actor,
    owner: Any,
    attr: str,
    entity: str,
    text: Callable[[], str],
    rows: Callable[[_RowFor], list[Any]],
) -> bool:
    """Replace ``owner.<attr>`` (tag rows keyed by service kind), keeping the rows of kinds still
    wanted; audited as one before/after text, and only when that text changed."""
    ids = kind_ids_in(s)
    before = text()
    existing = {row.kind_id: row for row in getattr(owner, attr)}

    def row_for(kind: str, cls: Any) -> Any:
        return existing.pop(ids[kind], None) or cls(kind_id=ids[kind])

    getattr(owner, attr)[:] = rows(row_for)
    s.flush()
    s.expire(owner, [attr])
    after = text()
    if before == after:
        return False
    audit.record(s, actor, "update", entity, owner.id, field=attr, old=before, new=after)
    return True
