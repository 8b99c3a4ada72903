"""Milestone birthdays (80, 90, 100 ...): the subdistrict visits with a cake and a certificate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MILESTONES = (80, 90, 100)


@dataclass(frozen=True)
class Milestone:
    elder_id: int
    name: str
    birthday: date  # the coming birthday itself
    age: int  # the age being reached


def _birthday_in(born: date, year: int) -> date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a common year: celebrated on 1 March
        return date(year, 3, 1)


def upcoming(
    people: list[tuple[int, str, date]], today: date, days: int = 60, ages: tuple[int, ...] = MILESTONES
) -> list[Milestone]:
    """People (id, name, birth date) reaching one of ``ages`` within ``days`` from today, soonest first."""
    end = today + timedelta(days=days)
    out: list[Milestone] = []
    for elder_id, name, born in people:
        for year in (today.year, today.year + 1):
            day = _birthday_in(born, year)
            age = year - born.year
            if today <= day <= end and (age in ages or (age > 100 and age % 5 == 0)):
                out.append(Milestone(elder_id, name, day, age))
    return sorted(out, key=lambda m: (m.birthday, m.name))
