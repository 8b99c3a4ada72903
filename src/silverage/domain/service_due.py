"""When a person's recurring needs fall due in a plan's period, and how each is met.

A need (助浴 weekly, 助洁 fortnightly, 理发 monthly) falls due one interval after it was last
given or planned (at the period's start if never). Each time it falls due it has a *span* of
whole Monday-to-Sunday weeks to be met in: one week for a weekly need, two for a fortnightly one,
four for a monthly one, clipped to the period. In that span the need

1. **rides along** on the person's home visit, the first one in the span whose volunteer has the
   skill (or is a service provider) with that skill's weekly limit not used up; or else
2. **needs a trip of its own**: a service visit (``VisitKind.SERVICE``) somewhere in the span by
   a volunteer of the person's community who has the skill, planned with what capacity the home
   plan left; the reason it could not ride along is kept for the list of unmet needs.

After a ride-along the need falls due again one interval after that visit's day; after a span
that needs a trip, one interval after the span's first Monday. So a monthly need rides on the
person's monthly home visit in week 3 instead of being reported unmet in weeks 1 and 2.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from silverage.domain.calendar_cn import monday

NO_SKILL, NOT_ON_TRIP, CAPACITY, NO_VISIT = "no_skill", "not_on_trip", "capacity", "no_visit"


@dataclass(frozen=True)
class Need:
    elder_id: int
    kind_id: int
    interval: int  # days between two (Frequency.days)


@dataclass(frozen=True)
class Trip:
    """A planned home visit a need may ride on."""

    visit_id: int
    day: date
    volunteer_id: int | None


@dataclass(frozen=True)
class TripNeeded:
    """A need that could not ride along: it asks for a service visit in ``weeks``."""

    elder_id: int
    kind_id: int
    weeks: tuple[date, ...]
    reason: str  # why it did not ride along: NOT_ON_TRIP | CAPACITY | NO_VISIT


@dataclass
class SkillBook:
    """Who gives which service kind, and how many a week: a volunteer's skills (kind -> weekly
    limit), service providers (every kind, no limit), and what is already given per week."""

    skills: Mapping[int, Mapping[int, int]]  # volunteer -> {kind: services a week}
    providers: frozenset[int] = frozenset()
    used: Counter[tuple[int, date, int]] = field(default_factory=Counter)  # (volunteer, week, kind)

    def can(self, volunteer: int, kind: int) -> bool:
        return volunteer in self.providers or kind in self.skills.get(volunteer, {})

    def room(self, volunteer: int, week: date, kind: int) -> bool:
        limit = self.skills.get(volunteer, {}).get(kind)
        if limit is None:
            return volunteer in self.providers
        return self.used[(volunteer, week, kind)] < limit

    def take(self, volunteer: int, week: date, kind: int) -> str | None:
        """Give one ``kind`` that week if ``volunteer`` can (then None), else the reason not."""
        if not self.can(volunteer, kind):
            return NOT_ON_TRIP
        if not self.room(volunteer, week, kind):
            return CAPACITY
        self.used[(volunteer, week, kind)] += 1
        return None


def span_weeks(interval: int) -> int:
    """How many weeks one occurrence of a need may be met in: 1 weekly, 2 fortnightly, 4 monthly."""
    return max(1, interval // 7)


def _period_weeks(start: date, end: date) -> list[date]:
    out, week = [], monday(start)
    while week <= end:
        out.append(week)
        week += timedelta(days=7)
    return out


def _first_due(need: Need, last: Mapping[tuple[int, int], date], start: date) -> date:
    given = last.get((need.elder_id, need.kind_id))
    return start if given is None else max(start, given + timedelta(days=need.interval))


def spans(
    needs: Sequence[Need], last: Mapping[tuple[int, int], date], start: date, end: date
) -> list[TripNeeded]:
    """Every time each need falls due in [start, end], assuming each is met at its span's start
    (``place`` with no home visit to ride on): what the home plan is told, so that it sends a
    skilled volunteer in any week of a span."""
    return place(needs, last, start, end, {}, SkillBook({})).trips


def due_by_week(found: Sequence[TripNeeded]) -> dict[int, tuple[tuple[date, frozenset[int]], ...]]:
    """person -> (Monday, kinds due that week): a need is due in every week of its span."""
    by: dict[int, dict[date, set[int]]] = {}
    for sp in found:
        for week in sp.weeks:
            by.setdefault(sp.elder_id, {}).setdefault(week, set()).add(sp.kind_id)
    return {eid: tuple((w, frozenset(k)) for w, k in sorted(weeks.items())) for eid, weeks in by.items()}


@dataclass
class Placement:
    rides: list[tuple[int, int]] = field(default_factory=list)  # (visit id, kind) on home visits
    trips: list[TripNeeded] = field(default_factory=list)


def place(
    needs: Sequence[Need],
    last: Mapping[tuple[int, int], date],
    start: date,
    end: date,
    trips: Mapping[int, Sequence[Trip]],
    book: SkillBook,
) -> Placement:
    """Walk each need through the period: ride along where a home visit of its span can take it
    (``book`` counts what each volunteer gives), else ask for a trip of its own."""
    weeks = _period_weeks(start, end)
    out = Placement()
    for need in needs:
        mine = sorted((t for t in trips.get(need.elder_id, ()) if start <= t.day <= end), key=lambda t: t.day)
        due = _first_due(need, last, start)
        while monday(due) <= weeks[-1]:
            first = weeks.index(monday(due))
            span = tuple(weeks[first : first + span_weeks(need.interval)])
            reason = NO_VISIT
            rode = None
            for trip in mine:
                if trip.volunteer_id is None or monday(trip.day) not in span:
                    continue
                why = book.take(trip.volunteer_id, monday(trip.day), need.kind_id)
                if why is None:
                    rode = trip
                    break
                reason = reason if reason == CAPACITY else why  # a full skilled visitor says most
            if rode is not None:
                out.rides.append((rode.visit_id, need.kind_id))
                due = rode.day + timedelta(days=need.interval)
            else:
                out.trips.append(TripNeeded(need.elder_id, need.kind_id, span, reason))
                due = span[0] + timedelta(days=need.interval)
    return out
