"""Supervisors tune the care-level rules: see the rules in force, preview a change, apply it.

Applying creates a new rule-set version (the old ones stay, so every past assessment can still be
explained by the rules it used), re-scores everyone in the same transaction and writes the audit
trail. The preview computes the same thing without writing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update

from silverage.db import models as m
from silverage.domain import care_rules
from silverage.domain.care_rules import CareRules, Facts
from silverage.domain.enums import ElderStatus, Level
from silverage.domain.permissions import Action
from silverage.domain.progress import Job, Progress, run_to_end
from silverage.services import audit
from silverage.services.care import assessment
from silverage.services.care.assessment import AssessSummary, Move
from silverage.services.context import ServiceContext


@dataclass(frozen=True)
class RulesInfo:
    id: int
    version: int
    name: str
    rules: CareRules
    created_by: str
    created_at: datetime | None


@dataclass(frozen=True)
class Preview:
    """What applying ``rules`` would do, counted on the levels in force now."""

    before: dict[str, int]
    after: dict[str, int]
    # (old level or None, new level) -> number of people
    flows: dict[tuple[str | None, str], int]
    moves: list[Move] = field(default_factory=list)
    overridden_kept: int = 0  # people whose manual override keeps them where they are

    @property
    def moved(self) -> int:
        return len(self.moves)

    def lines(self, lang: str = "zh") -> list[str]:
        """ "黄 → 红：12 人" lines for the dialog and the CLI."""
        out = []
        for (old, new), n in sorted(self.flows.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
            if old == new:
                continue
            o = Level(old).label(lang) if old else ("未评估" if lang.startswith("zh") else "not assessed")
            unit = "人" if lang.startswith("zh") else " people"
            out.append(
                f"{o} → {Level(new).label(lang)}：{n}{unit}"
                if lang.startswith("zh")
                else f"{o} → {Level(new).label(lang)}: {n}{unit}"
            )
        return out


def current(ctx: ServiceContext) -> RulesInfo:
    """The rules in force (the default is stored as version 1 on first use)."""
    with ctx.transaction() as s:
        act = assessment.active_rules(s, ctx.actor)
        row = s.get(m.RuleSet, act.id)
        assert row is not None
        return RulesInfo(row.id, row.version, row.name, act.rules, row.created_by, row.created_at)


def versions(ctx: ServiceContext) -> list[RulesInfo]:
    ctx.require(Action.LIST)
    with ctx.read() as s:
        rows = s.scalars(select(m.RuleSet).order_by(m.RuleSet.version.desc()))
        return [
            RulesInfo(r.id, r.version, r.name, CareRules.from_json(r.config), r.created_by, r.created_at)
            for r in rows
        ]


def preview(ctx: ServiceContext, new_rules: CareRules, today: date | None = None) -> Preview:
    """Who would move between levels under ``new_rules``; writes nothing."""
    ctx.require(Action.VIEW_DASHBOARD)
    new_rules.validated()
    today = today or ctx.clock.today()
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    flows: Counter[tuple[str | None, str]] = Counter()
    moves: list[Move] = []
    kept = 0
    with ctx.read() as s:
        stmt = (
            select(*assessment._FACT_COLUMNS)
            .where(m.Elder.status == ElderStatus.ACTIVE.value)
            .order_by(m.Elder.id)
        )
        for r in s.execute(stmt):
            if r.level_overridden and r.level:
                new = r.level
                kept += 1
            else:
                new = care_rules.assess(Facts.of(r, today), new_rules).level.value
            if r.level:
                before[r.level] += 1
            after[new] += 1
            flows[(r.level, new)] += 1
            if r.level != new:
                moves.append(Move(r.id, r.name, r.level, new))
    levels = [lv.value for lv in Level]
    return Preview(
        {lv: before.get(lv, 0) for lv in levels},
        {lv: after.get(lv, 0) for lv in levels},
        dict(flows),
        moves,
        kept,
    )


def apply(ctx: ServiceContext, new_rules: CareRules, name: str, today: date | None = None) -> AssessSummary:
    """Make ``new_rules`` the next version and re-score everyone (supervisor only)."""
    return run_to_end(apply_job(ctx, new_rules, name, today))


def apply_job(
    ctx: ServiceContext, new_rules: CareRules, name: str, today: date | None = None
) -> Job[AssessSummary]:
    """Generator form for the GUI: the new version and the re-scoring commit together or not at all."""
    ctx.require(Action.EDIT_RULES)
    new_rules.validated()
    today = today or ctx.clock.today()
    yield Progress(0, 0, "正在保存规则 saving the rules…")
    with ctx.transaction() as s:
        old = assessment.active_rules(s, ctx.actor)
        version = int(s.scalar(select(func.max(m.RuleSet.version))) or 0) + 1
        s.execute(update(m.RuleSet).values(active=False))
        row = m.RuleSet(
            version=version,
            name=(name or "").strip()[:100] or f"规则第{version}版",
            config=new_rules.to_json(),
            active=True,
            created_by=ctx.actor.username,
        )
        s.add(row)
        s.flush()
        assessment.forget_rules(s)
        old_cfg, new_cfg = old.rules.to_json(), new_rules.to_json()
        for key in new_cfg:
            if old_cfg.get(key) != new_cfg[key]:
                audit.record(
                    s,
                    ctx.actor,
                    "rules",
                    "rule_set",
                    row.id,
                    field=key,
                    old=json.dumps(old_cfg.get(key), ensure_ascii=False),
                    new=json.dumps(new_cfg[key], ensure_ascii=False),
                    detail=f"v{old.version} → v{version}",
                )
        summary = yield from assessment.assess_session(s, ctx.actor, "rules", today)
    return summary
