"""How often each care level must be contacted, and which visits a period therefore requires.

A required visit has a *window* (a week, a fortnight, a month, or part of a week for phone
check-ins), not a fixed day: the planner picks the day. Windows follow the calendar, not the
plan period, so that plans for consecutive periods fit together:

* weeks run Monday to Sunday; fortnights are pairs of weeks counted from Monday 2024-01-01;
  months are calendar months; ``phone_per_week`` = n splits each week into n parts;
* a period plans a window when it holds the window's middle day or at least half of its days
  (so a monthly plan takes the week that straddles the month end only if most of it is inside);
  the window is then clipped to the period;
* a requirement is already met when the person has a visit in the *whole* window that is not
  cancelled: a home visit meets both home and phone requirements, a phone call only phone ones.

People without a care level yet (not assessed) are treated as green.

The policy is stored as JSON in the ``setting`` table under ``visit_policy`` and edited by a
supervisor; ``VisitPolicy.from_json`` checks it and says what is wrong, in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from silverage.domain.enums import Level, VisitKind
from silverage.domain.problems import Problem, ValidationError

SETTING_KEY = "visit_policy"
CADENCES = {
    "week": ("每周", "every week"),
    "fortnight": ("每两周", "every two weeks"),
    "month": ("每月", "every month"),
}
FORTNIGHT_EPOCH = date(2024, 1, 1)  # a Monday


@dataclass(frozen=True)
class LevelPolicy:
    home: str  # one of CADENCES
    phone_per_week: int = 0
    overdue_days: int = 30  # no successful contact for longer than this = overdue

    def describe(self, lang: str = "zh") -> str:
        zh, en = CADENCES[self.home]
        if lang.startswith("zh"):
            text = f"{zh}上门探访一次"
            return text + (f"，每周电话问候{self.phone_per_week}次" if self.phone_per_week else "")
        text = f"a home visit {en}"
        return text + (f", {self.phone_per_week} phone check-ins a week" if self.phone_per_week else "")


@dataclass(frozen=True)
class VisitPolicy:
    red: LevelPolicy = LevelPolicy("week", 2, 7)
    yellow: LevelPolicy = LevelPolicy("fortnight", 0, 14)
    green: LevelPolicy = LevelPolicy("month", 0, 31)

    def for_level(self, level: str | None) -> LevelPolicy:
        return {"red": self.red, "yellow": self.yellow}.get(level or "green", self.green)

    def to_json(self) -> dict[str, Any]:
        return {lv.value: asdict(self.for_level(lv.value)) for lv in Level}

    @classmethod
    def from_json(cls, data: Any) -> VisitPolicy:
        if not isinstance(data, dict):
            raise ValidationError(
                [Problem("visit_policy", "探访频次设置格式不对", "The visit policy is malformed")]
            )
        problems: list[Problem] = []
        parsed: dict[str, LevelPolicy] = {}
        for lv in Level:
            raw = data.get(lv.value, asdict(DEFAULT_POLICY.for_level(lv.value)))
            home = raw.get("home") if isinstance(raw, dict) else None
            phone = raw.get("phone_per_week", 0) if isinstance(raw, dict) else None
            overdue = raw.get("overdue_days", 0) if isinstance(raw, dict) else None
            if home not in CADENCES:
                problems.append(
                    Problem(
                        lv.value,
                        f"{lv.zh}色：上门频次应为每周、每两周或每月",
                        f"{lv.en}: the home visit cadence must be week, fortnight or month",
                    )
                )
            if not isinstance(phone, int) or not 0 <= phone <= 7:
                problems.append(
                    Problem(
                        lv.value,
                        f"{lv.zh}色：每周电话次数应在0到7之间",
                        f"{lv.en}: phone check-ins per week must be 0 to 7",
                    )
                )
            if not isinstance(overdue, int) or not 1 <= overdue <= 366:
                problems.append(
                    Problem(
                        lv.value,
                        f"{lv.zh}色：逾期天数应在1到366之间",
                        f"{lv.en}: overdue days must be 1 to 366",
                    )
                )
            if not problems:
                parsed[lv.value] = LevelPolicy(str(home), int(phone), int(overdue))  # type: ignore[arg-type]
        if problems:
            raise ValidationError(problems)
        return cls(parsed["red"], parsed["yellow"], parsed["green"])


DEFAULT_POLICY = VisitPolicy()


@dataclass(frozen=True)
class Window:
    """A stretch of days in which one visit is due. ``full_*`` is the unclipped calendar window."""

    start: date
    end: date
    full_start: date
    full_end: date
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class RequiredVisit:
    elder_id: int
    level: str
    kind: str  # VisitKind value
    window: Window


@dataclass(frozen=True)
class ExistingVisit:
    elder_id: int
    kind: str
    day: date


def week_label(monday: date) -> tuple[str, str]:
    thursday = monday + timedelta(days=3)  # the week belongs to the month of its Thursday
    n = (thursday.day - 1) // 7 + 1
    return f"{thursday.month}月第{n}周", f"week {n} of {thursday:%B}"


def _takes(start: date, end: date, full_start: date, full_end: date) -> bool:
    """Whether the period [start, end] plans the calendar window [full_start, full_end]."""
    lo, hi = max(start, full_start), min(end, full_end)
    if lo > hi:
        return False
    length = (full_end - full_start).days + 1
    middle = full_start + timedelta(days=(length - 1) // 2)
    return start <= middle <= end or ((hi - lo).days + 1) * 2 >= length


def _clip(start: date, end: date, fs: date, fe: date, zh: str, en: str) -> Window:
    return Window(max(start, fs), min(end, fe), fs, fe, zh, en)


def weeks(start: date, end: date) -> list[Window]:
    out = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        sunday = monday + timedelta(days=6)
        if _takes(start, end, monday, sunday):
            out.append(_clip(start, end, monday, sunday, *week_label(monday)))
        monday += timedelta(days=7)
    return out


def fortnights(start: date, end: date) -> list[Window]:
    out = []
    first = FORTNIGHT_EPOCH + timedelta(days=((start - FORTNIGHT_EPOCH).days // 14) * 14)
    while first <= end:
        last = first + timedelta(days=13)
        if _takes(start, end, first, last):
            a_zh, a_en = week_label(first)
            b_zh, _ = week_label(first + timedelta(days=7))
            zh = (
                f"{a_zh}至{b_zh}"
                if a_zh[: a_zh.index("月")] != b_zh[: b_zh.index("月")]
                else f"{a_zh[:-1]}-{b_zh[b_zh.index('第') + 1 :]}"
            )
            out.append(_clip(start, end, first, last, zh, f"fortnight from {a_en}"))
        first += timedelta(days=14)
    return out


def months(start: date, end: date) -> list[Window]:
    out = []
    first = start.replace(day=1)
    while first <= end:
        nxt = (first + timedelta(days=32)).replace(day=1)
        last = nxt - timedelta(days=1)
        if _takes(start, end, first, last):
            out.append(_clip(start, end, first, last, f"{first.year}年{first.month}月", f"{first:%B %Y}"))
        first = nxt
    return out


def phone_windows(start: date, end: date, per_week: int) -> list[Window]:
    """Each planned week split into ``per_week`` parts (2 -> Mon-Wed and Thu-Sun)."""
    if per_week <= 0:
        return []
    out = []
    for wk in weeks(start, end):
        cuts = [i * 7 // per_week for i in range(per_week + 1)]
        for i in range(per_week):
            fs = wk.full_start + timedelta(days=cuts[i])
            fe = wk.full_start + timedelta(days=cuts[i + 1] - 1)
            lo, hi = max(fs, wk.start), min(fe, wk.end)
            if lo <= hi:
                out.append(
                    Window(lo, hi, fs, fe, f"{wk.label_zh}电话{i + 1}", f"{wk.label_en}, call {i + 1}")
                )
    return out


def home_windows(start: date, end: date, cadence: str) -> list[Window]:
    return {"week": weeks, "fortnight": fortnights, "month": months}[cadence](start, end)


def required_visits(
    elders: Iterable[tuple[int, str | None]],
    start: date,
    end: date,
    policy: VisitPolicy = DEFAULT_POLICY,
    existing: Iterable[ExistingVisit] = (),
) -> list[RequiredVisit]:
    """The visits the period still needs: per person (id, level), per window, minus those met."""
    if end < start:
        raise ValidationError(
            [Problem("period", "结束日期早于开始日期", "The end date is before the start date")]
        )
    by_elder: dict[int, list[ExistingVisit]] = {}
    for v in existing:
        by_elder.setdefault(v.elder_id, []).append(v)
    windows: dict[tuple[str, int], tuple[list[Window], list[Window]]] = {}
    out: list[RequiredVisit] = []
    for elder_id, level in elders:
        lv = level or Level.GREEN.value
        pol = policy.for_level(lv)
        key = (pol.home, pol.phone_per_week)
        if key not in windows:
            windows[key] = (home_windows(start, end, pol.home), phone_windows(start, end, pol.phone_per_week))
        home_wins, phone_wins = windows[key]
        done = by_elder.get(elder_id, [])
        for kind, wins in ((VisitKind.HOME.value, home_wins), (VisitKind.PHONE.value, phone_wins)):
            for w in wins:
                if not any(
                    w.full_start <= v.day <= w.full_end and v.kind in (VisitKind.HOME.value, kind)
                    for v in done
                ):
                    out.append(RequiredVisit(elder_id, lv, kind, w))
    return out


def windows_span(start: date, end: date, policy: VisitPolicy = DEFAULT_POLICY) -> tuple[date, date]:
    """The days whose existing visits can meet a requirement of this period (whole windows)."""
    lo, hi = start, end
    for lv in Level:
        pol = policy.for_level(lv.value)
        for w in home_windows(start, end, pol.home) + phone_windows(start, end, pol.phone_per_week):
            lo, hi = min(lo, w.full_start), max(hi, w.full_end)
    return lo, hi
