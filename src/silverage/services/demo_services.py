"""The demo's services: needs for a minority of people (more among red), skills for most
volunteers, and the services and minutes of the last three months' visits.

Drawn from a generator of its own (seeded from the demo's seed), so the roster, the volunteers and
the visit history stay exactly what they were before services existed; the dates come from the
demo's ``today`` (the clock), never from the system clock.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.enums import Level, Outcome, VisitKind, VisitStatus
from silverage.domain.service_kinds import Frequency, read_kinds

HISTORY_DAYS = 91  # three months of services in the history
_PAGE = 5000  # visits read and written at a time

# kind: (weight among needs, usual frequency, minutes it takes, weight among volunteers' skills)
_KINDS: dict[str, tuple[int, Frequency, int, int]] = {
    "助餐": (14, Frequency.WEEKLY, 20, 10),
    "助洁": (12, Frequency.FORTNIGHTLY, 60, 8),
    "助浴": (8, Frequency.WEEKLY, 40, 3),
    "助医/陪诊": (7, Frequency.MONTHLY, 120, 5),
    "代购": (12, Frequency.WEEKLY, 30, 10),
    "精神慰藉/陪聊": (16, Frequency.WEEKLY, 30, 14),
    "维修": (4, Frequency.MONTHLY, 45, 4),
    "理发": (6, Frequency.MONTHLY, 30, 3),
    "法律咨询": (2, Frequency.MONTHLY, 30, 1),
    "安全检查": (5, Frequency.MONTHLY, 20, 6),
    "用药提醒": (9, Frequency.WEEKLY, 10, 6),
}
_NEED_NOTES = {
    "助浴": ("需两人协助", "只能擦身", "下午洗、水温高些"),
    "助餐": ("少盐", "不吃辣", "糖尿病餐"),
    "助医/陪诊": ("市一医院心内科复诊", "需轮椅"),
    "代购": ("每周买菜一次",),
    "用药提醒": ("降压药早晚各一次",),
}
_SHARE_WITH_NEEDS = {Level.RED: 0.45, Level.YELLOW: 0.2, Level.GREEN: 0.06}
_DELIVERED_ON_A_VISIT = {Frequency.WEEKLY: 0.85, Frequency.FORTNIGHTLY: 0.45, Frequency.MONTHLY: 0.25}


def add(s: Session, seed: int, today: date, state: dict[str, object]) -> None:
    rng = random.Random(seed * 7919 + 11)
    ids = dict(s.execute(select(m.ServiceKind.name, m.ServiceKind.id)).all())
    names = [k for k in _KINDS if k in ids]
    skills = _volunteers(s, rng, ids, names, state["volunteers"])  # type: ignore[arg-type]
    needs = _needs(s, rng, ids, names, state["elders"], state["risk"])  # type: ignore[arg-type]
    _pair(s, rng, ids, needs, skills)
    _history(s, rng, ids, today, needs, skills)


def _pair(
    s: Session,
    rng: random.Random,
    ids: dict[str, int],
    needs: dict[int, list[tuple[str, Frequency]]],
    skills: dict[int, set[str] | None],
) -> None:
    """Offices pair a person who needs a service with a visitor who can give it: most people's
    regular volunteer has the skill for their need (the rest show as unmet on the dashboard)."""
    regular = dict(
        s.execute(select(m.Visit.elder_id, func.min(m.Visit.volunteer_id)).group_by(m.Visit.elder_id)).all()
    )
    rows = []
    for eid, wanted in needs.items():
        vid = regular.get(eid)
        can = skills.get(vid) if vid is not None else None
        if can is None:  # no regular volunteer, or a service provider who gives anything
            continue
        for kind, _freq in wanted:
            if kind not in can and rng.random() < 0.6:
                can.add(kind)
                rows.append(
                    {"volunteer_id": vid, "kind_id": ids[kind], "weekly_capacity": rng.choice((2, 3, 4))}
                )
    if rows:
        s.execute(insert(m.VolunteerSkill), rows)


def _volunteers(
    s: Session, rng: random.Random, ids: dict[str, int], names: list[str], vols: list[dict]
) -> dict[int, set[str] | None]:
    """Skill tags from each volunteer's 特长 words, and most get one or two more; None = provider."""
    weights = [_KINDS[k][3] for k in names]
    rows: list[dict] = []
    notes: list[dict] = []
    skills: dict[int, set[str] | None] = {}
    for v in vols:
        read = read_kinds(v["notes"], names)
        kinds = list(read.kinds)
        if rng.random() < 0.8:
            kinds += rng.choices(names, weights, k=rng.randint(1, 2))
        kinds = list(dict.fromkeys(kinds))
        provider = rng.random() < 0.03  # a home-care company's worker: any kind
        rows += [
            {"volunteer_id": v["id"], "kind_id": ids[k], "weekly_capacity": rng.choice((2, 3, 3, 4, 5))}
            for k in kinds
        ]
        v["notes"] = "特长：" + "、".join(read.unknown) if read.unknown else ""
        notes.append({"vid": v["id"], "n": v["notes"], "p": provider})
        skills[v["id"]] = None if provider else set(kinds)
    if rows:
        s.execute(insert(m.VolunteerSkill), rows)
    vt = m.Volunteer.__table__
    s.execute(
        update(vt)
        .where(vt.c.id == bindparam("vid"))
        .values(notes=bindparam("n"), service_provider=bindparam("p")),
        notes,
    )
    return skills


def _needs(
    s: Session,
    rng: random.Random,
    ids: dict[str, int],
    names: list[str],
    elders: list[dict],
    risk: list[Level],
) -> dict[int, list[tuple[str, Frequency]]]:
    weights = [_KINDS[k][0] for k in names]
    rows: list[dict] = []
    needs: dict[int, list[tuple[str, Frequency]]] = {}
    for row, level in zip(elders, risk, strict=True):
        if row["status"] != "active" or rng.random() >= _SHARE_WITH_NEEDS[level]:
            continue
        kinds = list(dict.fromkeys(rng.choices(names, weights, k=rng.choice((1, 1, 2, 2, 3)))))
        for k in kinds:
            freq = _KINDS[k][1] if rng.random() < 0.75 else rng.choice(list(Frequency))
            note = rng.choice(_NEED_NOTES[k]) if k in _NEED_NOTES and rng.random() < 0.3 else ""
            rows.append({"elder_id": row["id"], "kind_id": ids[k], "frequency": freq.value, "notes": note})
            needs.setdefault(row["id"], []).append((k, freq))
    if rows:
        s.execute(insert(m.ElderNeed), rows)
    return needs


def _history(
    s: Session,
    rng: random.Random,
    ids: dict[str, int],
    today: date,
    needs: dict[int, list[tuple[str, Frequency]]],
    skills: dict[int, set[str] | None],
) -> None:
    """Minutes on every home visit of the last three months that found the person, and the
    services the visiting volunteer could give them on it. Read and written a page of visits at a
    time, in id order (a 100,000-person history is half a million visits: held at once, with a row
    of minutes for each, they were the build's largest cost in memory)."""
    found = {Outcome.WELL.value, Outcome.FOLLOW_UP.value}
    vt = m.Visit.__table__
    last = 0
    while True:
        visits = s.execute(
            select(m.Visit.id, m.Visit.elder_id, m.Visit.volunteer_id, m.Visit.outcome)
            .where(
                m.Visit.kind == VisitKind.HOME.value,
                m.Visit.status == VisitStatus.DONE.value,
                m.Visit.planned_date >= today - timedelta(days=HISTORY_DAYS),
                m.Visit.id > last,
            )
            .order_by(m.Visit.id)
            .limit(_PAGE)
        ).all()
        if not visits:
            return
        last = visits[-1][0]
        minutes: list[dict] = []
        given: list[dict] = []
        for vid, eid, volunteer, outcome in visits:
            if outcome not in found:
                minutes.append({"vid": vid, "mins": rng.choice((5, 10))})  # the walk there and the knock
                continue
            total = rng.choice((15, 20, 20, 25, 30))
            can = skills.get(volunteer or 0, set())
            for kind, freq in needs.get(eid, ()):
                if (can is None or kind in can) and rng.random() < _DELIVERED_ON_A_VISIT[freq]:
                    given.append({"visit_id": vid, "kind_id": ids[kind], "planned": False, "delivered": True})
                    total += _KINDS[kind][2] + rng.choice((-10, -5, 0, 0, 5, 10))
            minutes.append({"vid": vid, "mins": max(5, total)})
        s.execute(update(vt).where(vt.c.id == bindparam("vid")).values(minutes=bindparam("mins")), minutes)
        if given:
            s.execute(insert(m.VisitService), given)
