"""Volunteers: create, edit, deactivate and reactivate, with validation, locking and audit."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.db.base import utcnow
from silverage.domain import phone as phone_rules
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import ConflictError, Problem, UserError, ValidationError
from silverage.domain.service_kinds import SkillInput
from silverage.domain.volunteer_input import VolunteerInput, clean_and_validate
from silverage.services import audit, service_catalog
from silverage.services.context import ServiceContext

# The columns an edit changes (skills are rows of their own, synced by service_catalog).
FIELDS = ("name", "phone", "kind", "micro_grid_id", "availability", "max_visits_per_week", "notes")


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    name: str
    phone: str
    kind: str
    micro_grid_id: int | None
    availability: int
    max_visits_per_week: int
    notes: str
    active: bool
    version: int
    skills: tuple[SkillInput, ...] = ()
    service_provider: bool = False

    def to_input(self) -> VolunteerInput:
        return VolunteerInput(
            **{f: getattr(self, f) for f in FIELDS},
            skills=self.skills,
            service_provider=self.service_provider,
        )

    @property
    def skills_text(self) -> str:
        return service_catalog.skills_text(self.skills)

    @property
    def changes(self) -> Changes:
        """As the result of a save: this volunteer's row (and the visits they are planned for)."""
        return Changes.of(volunteers=[self.id])


def _detail(v: m.Volunteer) -> VolunteerDetail:
    return VolunteerDetail(
        v.id,
        v.name,
        v.phone,
        v.kind,
        v.micro_grid_id,
        v.availability,
        v.max_visits_per_week,
        v.notes,
        v.active,
        v.version,
        service_catalog.skills_of(v),
        v.service_provider,
    )


def _load(s: Session, volunteer_id: int) -> m.Volunteer:
    v = s.get(m.Volunteer, volunteer_id)
    if v is None:
        raise UserError(f"找不到编号为{volunteer_id}的志愿者", f"No volunteer with id {volunteer_id}")
    return v


def _validated(s: Session, inp: VolunteerInput) -> VolunteerInput:
    cleaned, problems = clean_and_validate(inp)
    problems += service_catalog.check_skills(s, cleaned.skills)
    if cleaned.micro_grid_id is not None and s.get(m.MicroGrid, cleaned.micro_grid_id) is None:
        problems.append(Problem("micro_grid_id", "所选微网格不存在", "The chosen micro-grid does not exist"))
    if problems:
        raise ValidationError(problems)
    return cleaned


def _check_version(v: m.Volunteer, expected_version: int) -> None:
    if v.version != expected_version:
        raise ConflictError(
            f"志愿者 {v.name} 的记录在您打开后已被他人修改，您的修改没有保存。请重新打开后再改。",
            f"Volunteer {v.name} was changed by someone else after you opened the record; "
            "your changes were not saved. Reopen it and edit again.",
        )


def get_volunteer(ctx: ServiceContext, volunteer_id: int) -> VolunteerDetail:
    ctx.require(Action.VIEW_PERSON)
    with ctx.read() as s:
        return _detail(_load(s, volunteer_id))


def create_volunteer(ctx: ServiceContext, inp: VolunteerInput) -> VolunteerDetail:
    ctx.require(Action.EDIT_VOLUNTEERS)
    if inp.service_provider:
        ctx.require(Action.EDIT_SERVICE_KINDS)
    with ctx.transaction() as s:
        cleaned = _validated(s, inp)
        v = m.Volunteer(**cleaned.model_fields(), active=True)
        s.add(v)
        s.flush()
        audit.record_changes(s, ctx.actor, "volunteer", v.id, {}, cleaned.model_fields(), action="create")
        service_catalog.sync_skills_in(s, ctx.actor, v, cleaned.skills)
        return _detail(v)


def update_volunteer(
    ctx: ServiceContext, volunteer_id: int, inp: VolunteerInput, expected_version: int
) -> VolunteerDetail:
    ctx.require(Action.EDIT_VOLUNTEERS)
    with ctx.transaction() as s:
        v = _load(s, volunteer_id)
        _check_version(v, expected_version)
        if inp.phone and inp.phone == phone_rules.mask(v.phone):
            # A list shows phones masked; a screen that hands the masked number back means "unchanged".
            inp = replace(inp, phone=v.phone)
        cleaned = _validated(s, inp)
        if cleaned.service_provider != v.service_provider:
            ctx.require(Action.EDIT_SERVICE_KINDS)
        before = {f: getattr(v, f) for f in (*FIELDS, "service_provider")}
        after = cleaned.model_fields()
        for k, val in after.items():
            setattr(v, k, val)
        audit.record_changes(s, ctx.actor, "volunteer", v.id, before, after)
        if service_catalog.sync_skills_in(s, ctx.actor, v, cleaned.skills):
            v.updated_at = utcnow()  # new skills alone are a new version of the record too
        s.flush()
        return _detail(v)


def set_active(
    ctx: ServiceContext, volunteer_id: int, active: bool, reason: str, expected_version: int
) -> VolunteerDetail:
    """Stop (or resume) giving someone visits; the reason goes in the audit trail."""
    ctx.require(Action.EDIT_VOLUNTEERS)
    with ctx.transaction() as s:
        v = _load(s, volunteer_id)
        _check_version(v, expected_version)
        if v.active != active:
            audit.record(
                s,
                ctx.actor,
                "restore" if active else "archive",
                "volunteer",
                v.id,
                field="active",
                old=v.active,
                new=active,
                detail=(reason or "").strip(),
            )
            v.active = active
            s.flush()
        return _detail(v)
