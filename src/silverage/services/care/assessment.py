"""Scoring the roster into red / yellow / green, keeping every assessment as history.

Design decisions (also in the README):

* The level in force is the override when there is one, else the computed level. ``Elder.level`` and
  ``Elder.level_overridden`` are denormalised copies of the latest assessment so lists need no join.
* A manual override needs a reason and stays in force through later reassessments; each
  reassessment records the new computed level beside it and opens an ``override_review`` alert so a
  person confirms the override (or clears it) with fresh facts in front of them.
* Bulk re-scoring writes with Core executemany (100,000 people in one transaction) and does not
  bump ``Elder.version``: the level is system-managed, and a re-scoring must not make an editor that is
  open on someone's record fail with a conflict. Overrides are user edits and do bump the version.
* A rise in level from a single person's change (a visit records a fall, a disability is updated)
  raises a ``level_change`` alert so staff see it; bulk re-scoring after a rule change does not
  flood the alert list (the preview already showed who moves).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from silverage.db import models as m
from silverage.db.base import utcnow
from silverage.domain import care_rules
from silverage.domain.care_rules import CareRules, Facts
from silverage.domain.changes import Changes
from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.enums import ElderStatus, Level
from silverage.domain.level_display import level_display
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, UserError, ValidationError
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.services import audit
from silverage.services.conflicts import conflict_error
from silverage.services.context import Actor, ServiceContext

CHUNK = 2000
_FACT_COLUMNS = (
    m.Elder.id,
    m.Elder.name,
    m.Elder.birth_date,
    m.Elder.living,
    m.Elder.disability,
    m.Elder.cognitive_impairment,
    m.Elder.serious_illness,
    m.Elder.fall_last_year,
    m.Elder.hospital_last_year,
    m.Elder.children_nearby,
    m.Elder.economic,
    m.Elder.home_hazards,
    m.Elder.level,
    m.Elder.level_overridden,
)


# ------------------------------------------------------------------ plain results


@dataclass(frozen=True)
class Move:
    id: int
    name: str
    old: str | None
    new: str


@dataclass(frozen=True)
class LevelChange:
    elder_id: int
    old: str | None
    new: str
    reasons_zh: str
    reasons_en: str

    @property
    def rose(self) -> bool:
        return self.old is None or Level(self.new).rank > Level(self.old).rank


@dataclass(frozen=True)
class AssessSummary:
    assessed: int
    counts: dict[str, int]
    moved: list[Move] = field(default_factory=list)
    rule_version: int = 0
    overrides_to_review: int = 0
    roster_counts: dict[str, int] = field(default_factory=dict)  # every active person after the run

    def as_json(self) -> dict[str, object]:
        return asdict(self)

    @property
    def changes(self) -> Changes:
        """Everyone assessed may show a new level or next reassessment date."""
        return Changes(all_elders=True)


@dataclass(frozen=True)
class AssessmentRow:
    """One entry of a person's level history, as staff read it."""

    id: int
    assessed_at: datetime
    assessed_by: str
    trigger: str
    rule_version: int
    score: int
    computed_level: str
    override_level: str | None
    override_reason: str
    level: str
    reasons_zh: str
    reasons_en: str
    next_due: date | None

    @property
    def overridden(self) -> bool:
        return self.override_level is not None

    def display(self, lang: str = "zh") -> str:
        """ "红（人工调整，计算结果：黄）" so an override never looks like a computed level."""
        return level_display(self.level, lang, self.computed_level if self.overridden else None)


@dataclass(frozen=True)
class DueRow:
    id: int
    name: str
    level: str | None
    level_overridden: bool
    next_assessment: date | None


# ------------------------------------------------------------------ rule sets


@dataclass(frozen=True)
class ActiveRules:
    id: int
    version: int
    name: str
    rules: CareRules


def active_rules(s: Session, actor: Actor | None = None) -> ActiveRules:
    """The rule set in force; the first call on a new database stores the default as version 1."""
    cached = s.info.get("care_rules")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    row = s.scalar(select(m.RuleSet).where(m.RuleSet.active.is_(True)).order_by(m.RuleSet.version.desc()))
    if row is None:
        row = m.RuleSet(
            version=1,
            name="默认规则 Default rules",
            config=care_rules.DEFAULT_RULES.to_json(),
            active=True,
            created_by=actor.username if actor else "system",
        )
        s.add(row)
        s.flush()
    result = ActiveRules(row.id, row.version, row.name, CareRules.from_json(row.config))
    s.info["care_rules"] = result
    return result


def forget_rules(s: Session) -> None:
    s.info.pop("care_rules", None)


# ------------------------------------------------------------------ bulk assessment


def assess_all(
    ctx: ServiceContext, trigger: str = "manual", today: date | None = None, only_due: bool = False
) -> AssessSummary:
    """Re-score every active person (or only those due) in one transaction."""
    return run_to_end(assess_all_job(ctx, trigger, today, only_due))


def assess_all_job(
    ctx: ServiceContext, trigger: str = "manual", today: date | None = None, only_due: bool = False
) -> Job[AssessSummary]:
    """The GUI form of ``assess_all``: yields Progress; closing it (Cancel) rolls everything back."""
    ctx.require(Action.ASSESS)
    with ctx.transaction() as s:
        day = today or ctx.clock.today()
        summary = yield from assess_session(s, ctx.actor, trigger, day, only_due=only_due)
    return summary


def assess_session(
    s: Session,
    actor: Actor,
    trigger: str,
    today: date,
    *,
    only_due: bool = False,
    alert_on_rise: bool | None = None,
) -> Job[AssessSummary]:
    """Score active people inside an open session (used by assess_all and by rules_admin.apply)."""
    rules = active_rules(s, actor)
    if alert_on_rise is None:
        alert_on_rise = trigger not in ("demo", "rules")
    stmt = select(*_FACT_COLUMNS).where(m.Elder.status == ElderStatus.ACTIVE.value).order_by(m.Elder.id)
    if only_due:
        stmt = stmt.where(due_clause(today))
    rows = s.execute(stmt).all()
    total = len(rows)
    overrides = _current_overrides(s, [r.id for r in rows if r.level_overridden])
    counts: Counter[str] = Counter()
    moved: list[Move] = []
    now = utcnow()
    yield Progress(0, total, "正在评估 assessing…")
    for start in range(0, total, CHUNK):
        assessments, elders, alerts = [], [], []
        for r in rows[start : start + CHUNK]:
            result, row = _score(r, rules, overrides.get(r.id, (None, "")), trigger, actor, now, today)
            level, ov_level, due = row["level"], row["override_level"], row["next_due"]
            ov_reason = row["override_reason"]
            assessments.append(row)
            elders.append({"eid": r.id, "lv": level, "ov": ov_level is not None, "due": due})
            counts[level] += 1
            if r.level != level:
                moved.append(Move(r.id, r.name, r.level, level))
                if alert_on_rise and r.level is not None and Level(level).rank > Level(r.level).rank:
                    alerts.append(_rise_alert(r.id, r.level, level, result.reasons_zh, result.reasons_en))
            if ov_level is not None and ov_level != result.level.value:
                alerts.append(_review_alert(r.id, ov_level, result.level.value, ov_reason))
        _store(s, assessments, elders, alerts)
        yield Progress(
            min(start + CHUNK, total), total, f"已评估 {min(start + CHUNK, total)}/{total} assessed"
        )
    audit.record(
        s,
        actor,
        "assess",
        "elder",
        None,
        detail=f"trigger={trigger}; rules v{rules.version}; assessed={total}; moved={len(moved)}",
    )
    s.flush()
    return AssessSummary(
        total,
        {lv.value: counts.get(lv.value, 0) for lv in Level},
        moved,
        rules.version,
        len(overrides),
        level_counts(s),
    )


def _score(
    r: Any,
    rules: ActiveRules,
    override: tuple[str | None, str],
    trigger: str,
    actor: Actor,
    now: datetime,
    today: date,
) -> tuple[care_rules.Result, dict[str, Any]]:
    """Score one person (anything with Elder's fact attributes): the rules' result and the history row."""
    result = care_rules.assess(Facts.of(r, today), rules.rules)
    ov_level, ov_reason = override
    level = ov_level or result.level.value
    return result, {
        "elder_id": r.id,
        "rule_set_id": rules.id,
        "rule_version": rules.version,
        "score": result.score,
        "computed_level": result.level.value,
        "reasons_zh": result.reasons_zh,
        "reasons_en": result.reasons_en,
        "override_level": ov_level,
        "override_reason": ov_reason,
        "level": level,
        "trigger": trigger,
        "assessed_by": actor.username,
        "assessed_at": now,
        "next_due": care_rules.next_due(level, today, rules.rules),
    }


def _store(
    s: Session, assessments: list[dict[str, Any]], elders: list[dict[str, Any]], alerts: list[dict[str, Any]]
) -> None:
    """Write scored rows with executemany; the level is system-managed, so ``Elder.version`` stays."""
    if assessments:
        s.execute(insert(m.Assessment), assessments)
    if elders:
        s.execute(
            update(m.Elder.__table__)
            .where(m.Elder.__table__.c.id == bindparam("eid"))
            .values(
                level=bindparam("lv"), level_overridden=bindparam("ov"), next_assessment=bindparam("due")
            ),
            elders,
        )
    if alerts:
        s.execute(insert(m.Alert), alerts)


def reassess_many_in(
    s: Session, actor: Actor, elder_ids: Sequence[int], trigger: str, today: date | None = None
) -> list[LevelChange]:
    """``reassess_in`` for many people at once, inside the caller's transaction (bulk import).

    The same outcome per person as ``reassess_in`` (one assessment row each, the override kept, an
    audit row for every change of level, a ``level_change`` alert for a rise), written with a few
    executemany statements instead of ORM objects. Returns the changes of level, in ``elder_ids`` order.
    Flushes the session first so the scores see what the caller just wrote.
    """
    today = today or SYSTEM_CLOCK.today()
    rules = active_rules(s, actor)
    s.flush()
    changes: list[LevelChange] = []
    now = utcnow()
    for start in range(0, len(elder_ids), 500):
        chunk = list(elder_ids[start : start + 500])
        found = {
            r.id: r
            for r in s.execute(
                select(*_FACT_COLUMNS).where(
                    m.Elder.id.in_(chunk), m.Elder.status == ElderStatus.ACTIVE.value
                )
            )
        }
        overrides = _current_overrides(s, [i for i, r in found.items() if r.level_overridden])
        assessments, elders, alerts, entries = [], [], [], []
        for eid in chunk:
            r = found.get(eid)
            if r is None:  # archived people are not scored (as in reassess_in)
                continue
            result, row = _score(r, rules, overrides.get(eid, (None, "")), trigger, actor, now, today)
            level, ov_level = row["level"], row["override_level"]
            assessments.append(row)
            elders.append({"eid": eid, "lv": level, "ov": ov_level is not None, "due": row["next_due"]})
            if r.level == level:
                continue
            change = LevelChange(eid, r.level, level, result.reasons_zh, result.reasons_en)
            changes.append(change)
            entries.append(
                audit.entry(
                    actor, "assess", "elder", eid, field="level", old=r.level, new=level, detail=trigger
                )
            )
            if r.level is not None and change.rose:
                alerts.append(_rise_alert(eid, r.level, level, result.reasons_zh, result.reasons_en))
        _store(s, assessments, elders, alerts)
        audit.record_many(s, entries)
    # ORM objects of these people that the session already holds must not keep a stale level.
    wanted = set(elder_ids)
    for obj in list(s.identity_map.values()):
        if isinstance(obj, m.Elder) and obj.id in wanted:
            s.expire(obj, ["level", "level_overridden", "next_assessment"])
    return changes


def level_counts(s: Session) -> dict[str, int]:
    """Active people per level in force (\"none\" for people not yet assessed)."""
    rows = dict(
        s.execute(
            select(m.Elder.level, func.count())
            .where(m.Elder.status == ElderStatus.ACTIVE.value)
            .group_by(m.Elder.level)
        ).all()
    )
    out = {lv.value: int(rows.get(lv.value, 0)) for lv in Level}
    if rows.get(None):
        out["none"] = int(rows[None])
    return out


def _current_overrides(s: Session, elder_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Override level and reason from the latest assessment of each overridden person."""
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(elder_ids), 500):
        chunk = elder_ids[start : start + 500]
        latest = (
            select(m.Assessment.elder_id, func.max(m.Assessment.id).label("aid"))
            .where(m.Assessment.elder_id.in_(chunk))
            .group_by(m.Assessment.elder_id)
            .subquery()
        )
        stmt = select(m.Assessment.elder_id, m.Assessment.override_level, m.Assessment.override_reason).join(
            latest, m.Assessment.id == latest.c.aid
        )
        for eid, lv, reason in s.execute(stmt):
            if lv:
                out[eid] = (lv, reason)
    return out


def _rise_alert(eid: int, old: str, new: str, zh: str, en: str) -> dict[str, object]:
    o, n = Level(old), Level(new)
    return {
        "elder_id": eid,
        "kind": "level_change",
        "created_at": utcnow(),
        "message_zh": f"等级由{o.zh}升为{n.zh}：{zh}",
        "message_en": f"Level rose from {o.en} to {n.en}: {en}",
    }


def _review_alert(eid: int, override: str, computed: str, reason: str) -> dict[str, object]:
    o, c = Level(override), Level(computed)
    return {
        "elder_id": eid,
        "kind": "override_review",
        "created_at": utcnow(),
        "message_zh": f"复评：人工调整为{o.zh}（{reason}），本次计算结果为{c.zh}，请确认或取消人工调整",
        "message_en": f"Reassessment: manually set to {o.en} ({reason}) but computed {c.en}; "
        "confirm or clear the override",
    }


# ------------------------------------------------------------------ one person


def reassess_in(
    s: Session, actor: Actor, elder: m.Elder, trigger: str, today: date | None = None
) -> LevelChange | None:
    """Re-score one person inside the caller's transaction; return the change of level, if any.

    Called by the roster service when a field that matters changes and by the visits service when a
    visit records a fall or a new disability. A rise opens a ``level_change`` alert for staff.
    """
    if elder.status != ElderStatus.ACTIVE.value:
        return None
    today = today or SYSTEM_CLOCK.today()
    rules = active_rules(s, actor)
    result = care_rules.assess(Facts.of(elder, today), rules.rules)
    ov_level, ov_reason = (
        _current_overrides(s, [elder.id]).get(elder.id, (None, "")) if elder.level_overridden else (None, "")
    )
    level = ov_level or result.level.value
    due = care_rules.next_due(level, today, rules.rules)
    s.add(
        m.Assessment(
            elder_id=elder.id,
            rule_set_id=rules.id,
            rule_version=rules.version,
            score=result.score,
            computed_level=result.level.value,
            reasons_zh=result.reasons_zh,
            reasons_en=result.reasons_en,
            override_level=ov_level,
            override_reason=ov_reason,
            level=level,
            trigger=trigger,
            assessed_by=actor.username,
            assessed_at=utcnow(),
            next_due=due,
        )
    )
    old = elder.level
    elder.level, elder.level_overridden, elder.next_assessment = level, ov_level is not None, due
    if old == level:
        return None
    change = LevelChange(elder.id, old, level, result.reasons_zh, result.reasons_en)
    audit.record(s, actor, "assess", "elder", elder.id, field="level", old=old, new=level, detail=trigger)
    if old is not None and change.rose:
        s.add(m.Alert(**_rise_alert(elder.id, old, level, result.reasons_zh, result.reasons_en)))
    return change


# ------------------------------------------------------------------ overrides


@dataclass(frozen=True)
class OverrideResult:
    elder_id: int
    version: int  # the person's record version after the change

    @property
    def changes(self) -> Changes:
        return Changes.of(elders=[self.elder_id])


def override_level(
    ctx: ServiceContext, elder_id: int, level: Level | str | None, reason: str, expected_version: int
) -> OverrideResult:
    """Set (or with ``level=None`` clear) a manual level; a reason is required."""
    ctx.require(Action.EDIT_ROSTER)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            [
                Problem(
                    "override_reason",
                    "人工调整等级必须填写原因",
                    "A reason is required to override the level",
                )
            ]
        )
    new_level = Level(level).value if level is not None else None
    with ctx.transaction() as s:
        elder = s.get(m.Elder, elder_id)
        if elder is None:
            raise UserError(f"找不到编号为{elder_id}的老人", f"No elder with id {elder_id}")
        if elder.version != expected_version:
            raise conflict_error(s, elder_id)
        if elder.status != ElderStatus.ACTIVE.value:
            raise UserError(
                f"{elder.name} 已归档，不能调整等级", f"{elder.name} is archived; the level cannot be changed"
            )
        latest = s.scalar(
            select(m.Assessment)
            .where(m.Assessment.elder_id == elder_id)
            .order_by(m.Assessment.id.desc())
            .limit(1)
        )
        if latest is None:
            reassess_in(s, ctx.actor, elder, "override")
            s.flush()
            latest = s.scalar(
                select(m.Assessment)
                .where(m.Assessment.elder_id == elder_id)
                .order_by(m.Assessment.id.desc())
                .limit(1)
            )
        assert latest is not None
        set_override_in(
            s, ctx.actor, elder, latest, new_level, reason, "override" if new_level else "override_cleared"
        )
        s.flush()
        return OverrideResult(elder_id, elder.version)


def set_override_in(
    s: Session,
    actor: Actor,
    elder: m.Elder,
    latest: m.Assessment,
    new_level: str | None,
    reason: str,
    trigger: str,
) -> None:
    """Put a manual level (or, with ``None``, clear it) beside the computed one: a new assessment row
    copying ``latest``'s score, the level in force on the record, and an audit row."""
    in_force = new_level or latest.computed_level
    s.add(
        m.Assessment(
            elder_id=elder.id,
            rule_set_id=latest.rule_set_id,
            rule_version=latest.rule_version,
            score=latest.score,
            computed_level=latest.computed_level,
            reasons_zh=latest.reasons_zh,
            reasons_en=latest.reasons_en,
            override_level=new_level,
            override_reason=reason,
            level=in_force,
            trigger=trigger,
            assessed_by=actor.username,
            assessed_at=utcnow(),
            next_due=latest.next_due,
        )
    )
    audit.record(
        s, actor, "override", "elder", elder.id, field="level", old=elder.level, new=in_force, detail=reason
    )
    elder.level, elder.level_overridden = in_force, new_level is not None


def history(ctx: ServiceContext, elder_id: int) -> list[AssessmentRow]:
    """Every assessment of one person, newest first."""
    ctx.require(Action.VIEW_PERSON)
    with ctx.read() as s:
        rows = s.scalars(
            select(m.Assessment).where(m.Assessment.elder_id == elder_id).order_by(m.Assessment.id.desc())
        )
        return [
            AssessmentRow(
                a.id,
                a.assessed_at,
                a.assessed_by,
                a.trigger,
                a.rule_version,
                a.score,
                a.computed_level,
                a.override_level,
                a.override_reason or "",
                a.level,
                a.reasons_zh,
                a.reasons_en,
                a.next_due,
            )
            for a in rows
        ]


def due_clause(today: date) -> ColumnElement[bool]:
    """``care_rules.reassessment_due`` as a WHERE clause on ``Elder`` (a test keeps the two equal)."""
    return (m.Elder.status == ElderStatus.ACTIVE.value) & (
        m.Elder.next_assessment.is_(None) | (m.Elder.next_assessment <= today)
    )


def due_for_reassessment(ctx: ServiceContext, today: date | None = None) -> list[DueRow]:
    """Active people whose reassessment is due on or before ``today`` (or who were never assessed)."""
    ctx.require(Action.LIST)
    today = today or SYSTEM_CLOCK.today()
    with ctx.read() as s:
        stmt = (
            select(m.Elder.id, m.Elder.name, m.Elder.level, m.Elder.level_overridden, m.Elder.next_assessment)
            .where(due_clause(today))
            .order_by(m.Elder.next_assessment, m.Elder.id)
        )
        return [DueRow(r[0], r[1], r[2], bool(r[3]), r[4]) for r in s.execute(stmt)]
