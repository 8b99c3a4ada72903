"""The three-colour care-level rules (三色分级): a scored, versionable rule set and a pure ``assess``.

Each subdistrict sets its own criteria, so everything here is data a supervisor can change: points
per risk factor, the red / yellow thresholds, "always red" triggers and reassessment intervals. The
rule set is stored as JSON (``rule_set.config``) and every assessment keeps the version it used, so
a level can always be explained later with the rules that produced it.

Monotonic by construction (validated in ``CareRules.problems``): points are never negative, worse
disability / living / hardship never score less than milder ones, and triggers only test risk
conditions; so adding a risk factor can never lower anyone's level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from silverage.domain.enums import Disability, Economic, ElderStatus, Level, Living
from silverage.domain.problems import Problem, ValidationError

# Orderings from milder to worse: validation keeps points non-decreasing along them.
LIVING_ORDER = (Living.OTHER.value, Living.EMPTY_NEST.value, Living.ALONE.value)
DISABILITY_ORDER = tuple(
    d.value for d in (Disability.NONE, Disability.MILD, Disability.MODERATE, Disability.SEVERE)
)
ECONOMIC_ORDER = tuple(e.value for e in (Economic.NONE, Economic.DIBIAN, Economic.DIBAO, Economic.TEKUN))

# Boolean risk factors: key -> (Chinese, English) as they read in a reason.
FLAG_FACTORS: dict[str, tuple[str, str]] = {
    "cognitive_impairment": ("认知障碍", "cognitive impairment"),
    "serious_illness": ("严重疾病", "serious illness"),
    "fall_last_year": ("近一年跌倒", "fall in the last year"),
    "hospital_last_year": ("近一年住院", "hospital stay in the last year"),
    "no_children_nearby": ("子女不在身边", "no children nearby"),
    "home_hazards": ("居家安全隐患", "home safety hazards"),
}

# Conditions a trigger may combine (all must hold). Each is a risk, never a protective fact.
CONDITIONS: dict[str, tuple[str, str]] = {
    "alone": ("独居或孤寡", "living alone or widowed without children"),
    "disability_severe": ("重度失能", "severe disability"),
    "disability_moderate": ("中度及以上失能", "moderate or severe disability"),
    "cognitive_impairment": ("认知障碍", "cognitive impairment"),
    "serious_illness": ("严重疾病", "serious illness"),
    "fall_last_year": ("近一年跌倒", "fall in the last year"),
    "hospital_last_year": ("近一年住院", "hospital stay in the last year"),
    "no_children_nearby": ("子女不在身边", "no children nearby"),
    "tekun": ("特困", "extreme hardship"),
    "home_hazards": ("居家安全隐患", "home safety hazards"),
    "age_90": ("90岁及以上", "aged 90 or over"),
}


@dataclass(frozen=True)
class Facts:
    """What the rules look at, taken from a roster record on a given day."""

    age: int
    living: str = Living.OTHER.value
    disability: str = Disability.NONE.value
    cognitive_impairment: bool = False
    serious_illness: bool = False
    fall_last_year: bool = False
    hospital_last_year: bool = False
    children_nearby: bool = True
    economic: str = Economic.NONE.value
    home_hazards: bool = False

    @classmethod
    def of(cls, record: Any, today: date) -> Facts:
        """From anything with Elder's attribute names: an ORM object or a selected Row."""
        from silverage.domain.idcard import age_on

        return cls(
            age=age_on(record.birth_date, today),
            living=record.living,
            disability=record.disability,
            cognitive_impairment=bool(record.cognitive_impairment),
            serious_illness=bool(record.serious_illness),
            fall_last_year=bool(record.fall_last_year),
            hospital_last_year=bool(record.hospital_last_year),
            children_nearby=bool(record.children_nearby),
            economic=record.economic,
            home_hazards=bool(record.home_hazards),
        )

    def flag(self, key: str) -> bool:
        if key == "no_children_nearby":
            return not self.children_nearby
        return bool(getattr(self, key))

    def holds(self, condition: str) -> bool:
        if condition == "alone":
            return self.living in (Living.ALONE.value, Living.WIDOWED_CHILDLESS.value)
        if condition == "disability_severe":
            return self.disability == Disability.SEVERE.value
        if condition == "disability_moderate":
            return self.disability in (Disability.MODERATE.value, Disability.SEVERE.value)
        if condition == "tekun":
            return self.economic == Economic.TEKUN.value
        if condition == "age_90":
            return self.age >= 90
        return self.flag(condition)


# Fields of Elder that change an assessment: a change to any of them triggers re-scoring.
RELEVANT_FIELDS = frozenset(
    {
        "birth_date",
        "living",
        "disability",
        "cognitive_impairment",
        "serious_illness",
        "fall_last_year",
        "hospital_last_year",
        "children_nearby",
        "economic",
        "home_hazards",
    }
)


@dataclass(frozen=True)
class AgeBand:
    min_age: int
    points: int


@dataclass(frozen=True)
class Trigger:
    """An "always red" rule: when every condition holds the person is red whatever the score."""

    conditions: tuple[str, ...]

    def label(self, lang: str = "zh") -> str:
        i = 0 if lang.startswith("zh") else 1
        return ("且" if i == 0 else " and ").join(CONDITIONS[c][i] for c in self.conditions)


@dataclass(frozen=True)
class CareRules:
    age_bands: tuple[AgeBand, ...] = (AgeBand(80, 1), AgeBand(85, 2), AgeBand(90, 3))
    living: Mapping[str, int] = field(
        default_factory=lambda: {
            Living.ALONE.value: 2,
            Living.WIDOWED_CHILDLESS.value: 2,
            Living.EMPTY_NEST.value: 1,
            Living.OTHER.value: 0,
        }
    )
    disability: Mapping[str, int] = field(
        default_factory=lambda: {
            Disability.NONE.value: 0,
            Disability.MILD.value: 1,
            Disability.MODERATE.value: 2,
            Disability.SEVERE.value: 4,
        }
    )
    economic: Mapping[str, int] = field(
        default_factory=lambda: {
            Economic.NONE.value: 0,
            Economic.DIBIAN.value: 0,
            Economic.DIBAO.value: 1,
            Economic.TEKUN.value: 2,
        }
    )
    flags: Mapping[str, int] = field(
        default_factory=lambda: {
            "cognitive_impairment": 2,
            "serious_illness": 1,
            "fall_last_year": 1,
            "hospital_last_year": 1,
            "no_children_nearby": 1,
            "home_hazards": 1,
        }
    )
    red_threshold: int = 6
    yellow_threshold: int = 4
    triggers: tuple[Trigger, ...] = (
        Trigger(("disability_severe", "alone")),
        Trigger(("cognitive_impairment", "alone")),
    )
    # Months until the next reassessment, per level.
    intervals: Mapping[str, int] = field(
        default_factory=lambda: {
            Level.RED.value: 3,
            Level.YELLOW.value: 6,
            Level.GREEN.value: 6,
        }
    )

    # ------------------------------------------------------------ validation and JSON

    def problems(self) -> list[Problem]:
        """Everything that would make the rules unusable or non-monotonic, in both languages."""
        out: list[Problem] = []

        def need(ok: bool, fld: str, zh: str, en: str) -> None:
            if not ok:
                out.append(Problem(fld, zh, en))

        all_points = [("age_bands", b.points) for b in self.age_bands]
        for name in ("living", "disability", "economic", "flags"):
            all_points += [(name, p) for p in getattr(self, name).values()]
        for fld, p in all_points:
            need(
                isinstance(p, int) and 0 <= p <= 20,
                fld,
                f"分值应为0到20之间的整数（{p}）",
                f"Points must be whole numbers from 0 to 20 ({p})",
            )
        ages = [b.min_age for b in self.age_bands]
        need(
            len(set(ages)) == len(ages) and all(60 <= a <= 120 for a in ages),
            "age_bands",
            "年龄段起点应在60到120岁之间且不重复",
            "Age bands must start between 60 and 120 and not repeat",
        )
        ordered = sorted(self.age_bands, key=lambda b: b.min_age)
        need(
            all(a.points <= b.points for a, b in zip(ordered, ordered[1:], strict=False)),
            "age_bands",
            "年龄越大分值不能越低",
            "An older age band may not score fewer points",
        )
        for name, order, zh, en in (
            ("living", LIVING_ORDER, "居住情况", "living situation"),
            ("disability", DISABILITY_ORDER, "失能等级", "disability"),
            ("economic", ECONOMIC_ORDER, "经济状况", "economic status"),
        ):
            table = getattr(self, name)
            need(all(k in table for k in order), name, f"{zh}缺少分值", f"Points missing for {en}")
            pts = [table.get(k, 0) for k in order]
            need(pts == sorted(pts), name, f"{zh}越差分值不能越低", f"Worse {en} may not score fewer points")
        need(
            self.living.get(Living.WIDOWED_CHILDLESS.value, 0) >= self.living.get(Living.EMPTY_NEST.value, 0),
            "living",
            "孤寡的分值不能低于空巢",
            "Widowed without children may not score below empty nest",
        )
        need(set(self.flags) <= set(FLAG_FACTORS), "flags", "有无法识别的风险因素", "Unknown risk factor")
        need(
            1 <= self.yellow_threshold < self.red_threshold <= 100,
            "thresholds",
            "阈值应满足 1 ≤ 黄 < 红 ≤ 100",
            "Thresholds must satisfy 1 ≤ yellow < red ≤ 100",
        )
        for t in self.triggers:
            need(
                bool(t.conditions) and all(c in CONDITIONS for c in t.conditions),
                "triggers",
                "必红条件无法识别或为空",
                "An always-red trigger is empty or unknown",
            )
        for lv in Level:
            months = self.intervals.get(lv.value)
            need(
                isinstance(months, int) and 1 <= months <= 24,
                "intervals",
                f"{lv.zh}色复评间隔应为1到24个月",
                f"The {lv.en.lower()} reassessment interval must be 1-24 months",
            )
        return out

    def validated(self) -> CareRules:
        problems = self.problems()
        if problems:
            raise ValidationError(problems)
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "age_bands": [[b.min_age, b.points] for b in sorted(self.age_bands, key=lambda b: b.min_age)],
            "living": dict(self.living),
            "disability": dict(self.disability),
            "economic": dict(self.economic),
            "flags": dict(self.flags),
            "red_threshold": self.red_threshold,
            "yellow_threshold": self.yellow_threshold,
            "triggers": [list(t.conditions) for t in self.triggers],
            "intervals": dict(self.intervals),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CareRules:
        """Missing keys fall back to the defaults, so older stored rule sets still load."""
        d = cls()
        try:
            rules = cls(
                age_bands=tuple(
                    AgeBand(int(a), int(p)) for a, p in data.get("age_bands", d.to_json()["age_bands"])
                ),
                living={**d.living, **{k: int(v) for k, v in data.get("living", {}).items()}},
                disability={**d.disability, **{k: int(v) for k, v in data.get("disability", {}).items()}},
                economic={**d.economic, **{k: int(v) for k, v in data.get("economic", {}).items()}},
                flags={**d.flags, **{k: int(v) for k, v in data.get("flags", {}).items()}},
                red_threshold=int(data.get("red_threshold", d.red_threshold)),
                yellow_threshold=int(data.get("yellow_threshold", d.yellow_threshold)),
                triggers=tuple(
                    Trigger(tuple(str(c) for c in t))
                    for t in data.get("triggers", [list(t.conditions) for t in d.triggers])
                ),
                intervals={**d.intervals, **{k: int(v) for k, v in data.get("intervals", {}).items()}},
            )
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                [Problem("", "规则设置格式不对", f"The rule set is malformed: {exc}")]
            ) from exc
        return rules.validated()

    def with_thresholds(self, red: int, yellow: int) -> CareRules:
        return replace(self, red_threshold=red, yellow_threshold=yellow)


DEFAULT_RULES = CareRules()


@dataclass(frozen=True)
class Result:
    level: Level
    score: int
    reasons_zh: str
    reasons_en: str
    triggers: tuple[str, ...]  # labels (zh) of the always-red triggers that fired
    factors: tuple[tuple[str, int], ...] = ()  # (factor key, points) that scored


def _age_points(age: int, rules: CareRules) -> tuple[int, int] | None:
    """(band start, points) of the highest band reached, or None."""
    reached = [b for b in rules.age_bands if age >= b.min_age and b.points > 0]
    if not reached:
        return None
    band = max(reached, key=lambda b: b.min_age)
    return band.min_age, band.points


def assess(facts: Facts, rules: CareRules = DEFAULT_RULES) -> Result:
    """Score one person. Pure: the same facts and rules always give the same level and words."""
    parts: list[tuple[str, str, str, int]] = []  # key, zh, en, points
    age = _age_points(facts.age, rules)
    if age is not None:
        parts.append(("age", f"{facts.age}岁", f"age {facts.age}", age[1]))
    living_pts = rules.living.get(facts.living, 0)
    if living_pts:
        lv = Living(facts.living)
        parts.append(("living", lv.zh, lv.en.lower(), living_pts))
    dis_pts = rules.disability.get(facts.disability, 0)
    if dis_pts:
        dis = Disability(facts.disability)
        parts.append(("disability", dis.zh, f"{dis.en.lower()} disability", dis_pts))
    for key, (zh, en) in FLAG_FACTORS.items():
        pts = rules.flags.get(key, 0)
        if pts and facts.flag(key):
            parts.append((key, zh, en, pts))
    eco_pts = rules.economic.get(facts.economic, 0)
    if eco_pts:
        eco = Economic(facts.economic)
        parts.append(("economic", eco.zh, eco.en.lower(), eco_pts))

    score = sum(p[3] for p in parts)
    fired = tuple(t for t in rules.triggers if all(facts.holds(c) for c in t.conditions))
    if score >= rules.red_threshold:
        level, cmp_zh, cmp_en = Level.RED, f"≥ {rules.red_threshold}", f"≥ {rules.red_threshold}"
    elif score >= rules.yellow_threshold:
        level, cmp_zh, cmp_en = Level.YELLOW, f"≥ {rules.yellow_threshold}", f"≥ {rules.yellow_threshold}"
    else:
        level, cmp_zh, cmp_en = Level.GREEN, f"< {rules.yellow_threshold}", f"< {rules.yellow_threshold}"

    terms_zh = "；".join(f"{zh} +{p}" for _, zh, _, p in parts) or "无风险因素"
    terms_en = "; ".join(f"{en} +{p}" for _, _, en, p in parts) or "no risk factors"
    zh = f"{terms_zh} = {score} 分 {cmp_zh}"
    en = f"{terms_en} = {score} points {cmp_en}"
    if fired and level is not Level.RED:
        zh += f"；必红：{'，'.join(t.label('zh') for t in fired)}"
        en += f"; always red: {', '.join(t.label('en') for t in fired)}"
        level = Level.RED
    zh += f" → {level.zh}"
    en += f" → {level.en.lower()}"
    return Result(
        level, score, zh, en, tuple(t.label("zh") for t in fired), tuple((k, p) for k, _, _, p in parts)
    )


def next_due(level: Level | str, assessed_on: date, rules: CareRules = DEFAULT_RULES) -> date:
    """The day the next reassessment falls due: ``intervals`` months later (end of month clamped)."""
    months = rules.intervals[Level(level).value]
    y, mo = divmod(assessed_on.month - 1 + months, 12)
    year, month = assessed_on.year + y, mo + 1
    import calendar

    day = min(assessed_on.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def reassessment_due(status: str, next_assessment: date | None, today: date) -> bool:
    """Whether a person needs reassessing on ``today``: the one definition of "reassessment due".

    Only people on the active roster; due when never assessed, or when the date the last assessment
    set (``next_due``) is today or past. The roster's filter, the dashboard, ``assess --due`` and the
    due list all ask this (the services through ``assessment.due_clause``, its SQL form).
    """
    return status == ElderStatus.ACTIVE.value and (next_assessment is None or next_assessment <= today)
