"""Milestone birthdays (寿星) for the dashboard, ``silverage birthdays`` and the monthly 寿星名单.

A person whose birthday calendar is not recorded is counted on the office's default calendar
(setting ``birthday_calendar_default``: "solar", "lunar", or not set). With no default either,
both dates are listed, marked not ``chosen``, so a worker can ask which one the person keeps.

Ages are counted as the office chooses (setting ``birthday_age_counting``): 周岁 ("full", full years,
the default) or 虚岁 ("nominal", one more, as many families count a 寿). The milestones stay 60, 70,
80, 90, 100 and every year from 100 either way; the dashboard, ``silverage birthdays`` and the
寿星名单 all read the setting here.
"""

from __future__ import annotations

import calendar as month_days
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import birthdays
from silverage.domain.changes import Changes
from silverage.domain.permissions import Action
from silverage.domain.problems import Problem, ValidationError
from silverage.services import audit
from silverage.services.context import ServiceContext
from silverage.services.roster.roster_query import ElderFilter, query_elders

DEFAULT_KEY = "birthday_calendar_default"
CALENDARS = ("solar", "lunar")
AGE_KEY = "birthday_age_counting"
COUNTINGS = ("full", "nominal")  # 周岁, 虚岁


@dataclass(frozen=True)
class BirthdayEntry:
    elder_id: int
    name: str
    age: int  # the age reached (周岁 on ``calendar``)
    calendar: str  # "solar" or "lunar"
    date: date  # the Gregorian day it falls on
    community: str
    lunar: str = ""  # 十月廿五 for a lunar birthday
    chosen: bool = True  # False: calendar not recorded and no office default; one of two dates
    nominal: bool = False  # the age is 虚岁 (the office's choice), else 周岁

    def as_json(self) -> dict[str, object]:
        return {
            "person": {"name": self.name, "id": self.elder_id},
            "age": self.age,
            "calendar": self.calendar,
            "date": self.date.isoformat(),
            "lunar": self.lunar or None,
            "community": self.community,
            "calendar_recorded": self.chosen,
            "age_counting": "nominal" if self.nominal else "full",
        }


def load_default_calendar(s: Session) -> str | None:
    row = s.get(m.Setting, DEFAULT_KEY)
    return row.value if row is not None and row.value in CALENDARS else None


def get_default_calendar(ctx: ServiceContext) -> str | None:
    with ctx.read() as s:
        return load_default_calendar(s)


def save_default_calendar(ctx: ServiceContext, value: str | None) -> Changes:
    """The calendar counted for people whose own is not recorded (None: list both dates)."""
    if value is not None and value not in CALENDARS:
        raise ValidationError(
            [Problem(DEFAULT_KEY, "生日历法应为公历或农历", "The birthday calendar must be solar or lunar")]
        )
    return _save_setting(ctx, DEFAULT_KEY, value)


def load_nominal(s: Session) -> bool:
    """True when the office counts 虚岁."""
    row = s.get(m.Setting, AGE_KEY)
    return row is not None and row.value == "nominal"


def get_age_counting(ctx: ServiceContext) -> str:
    with ctx.read() as s:
        return "nominal" if load_nominal(s) else "full"


def save_age_counting(ctx: ServiceContext, value: str) -> Changes:
    """周岁 ("full") or 虚岁 ("nominal") for every birthday list and printout of the office."""
    if value not in COUNTINGS:
        raise ValidationError(
            [Problem(AGE_KEY, "年龄应按周岁或虚岁计算", "Ages are counted as full years or nominal (虚岁)")]
        )
    return _save_setting(ctx, AGE_KEY, value)


def _save_setting(ctx: ServiceContext, key: str, value: str | None) -> Changes:
    """One office setting of the birthday lists (a supervisor's), audited when it changes."""
    ctx.require(Action.EDIT_POLICY)
    with ctx.transaction() as s:
        row = s.get(m.Setting, key)
        old = None if row is None else row.value
        if old == value:
            return Changes()
        if row is None:
            s.add(m.Setting(key=key, value=value, updated_by=ctx.actor.username))
        else:
            row.value, row.updated_by = value, ctx.actor.username
        audit.record(s, ctx.actor, "update", "setting", None, field=key, old=old, new=value)
    return Changes.of(settings=[key])


def milestones_of(
    people: list[tuple[int, str, date, str | None, str]],
    today: date,
    days: int,
    default: str | None,
    nominal: bool = False,
) -> list[BirthdayEntry]:
    """People (id, name, birth date, calendar, community) with a milestone in ``days`` from today."""
    community = {p[0]: p[4] for p in people}
    marks = birthdays.upcoming(
        [(p[0], p[1], p[2], p[3] or default) for p in people], today, days, nominal=nominal
    )
    return [
        BirthdayEntry(
            mk.elder_id,
            mk.name,
            mk.age,
            mk.calendar.value,
            mk.birthday,
            community[mk.elder_id],
            mk.lunar.zh if mk.lunar else "",
            mk.chosen,
            nominal,
        )
        for mk in marks
    ]


def upcoming_milestones(ctx: ServiceContext, today: date, days: int = 30) -> list[BirthdayEntry]:
    """Active people reaching 60/70/80/90/100 (or any age from 100) from ``today`` to ``today + days``."""
    ctx.require(Action.LIST)
    if days < 0 or days > 366:
        raise ValidationError([Problem("days", "天数应在0到366之间", "Days must be from 0 to 366")])
    with ctx.read() as s:
        rows = query_elders(s, ElderFilter(), today, masked=True)
        default, nominal = load_default_calendar(s), load_nominal(s)
    people = [(r.id, r.name, r.birth_date, r.birthday_calendar, r.community) for r in rows]
    return milestones_of(people, today, days, default, nominal)


def month_milestones(ctx: ServiceContext, year: int, month: int) -> list[BirthdayEntry]:
    """Everyone whose milestone falls in this month (the 寿星名单)."""
    if not 1 <= month <= 12:
        raise ValidationError([Problem("month", "月份应为1到12", "The month must be 1 to 12")])
    first = date(year, month, 1)
    last = first + timedelta(days=month_days.monthrange(year, month)[1] - 1)
    return upcoming_milestones(ctx, first, (last - first).days)
