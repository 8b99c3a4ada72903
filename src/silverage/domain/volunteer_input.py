"""What the volunteer editor hands to the volunteer service, and its validation.

Availability is a bitmask of half-days: bit ``weekday * 2 + half`` (weekday 0 = Monday, half 0 =
morning, 1 = afternoon), 14 bits in all, so the planner can test a slot with one AND.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from silverage.domain import phone
from silverage.domain.enums import VolunteerKind
from silverage.domain.problems import Problem
from silverage.domain.service_kinds import SkillInput
from silverage.domain.text import clean_name, clean_text

ALL_SLOTS = (1 << 14) - 1
MAX_VISITS_RANGE = (1, 50)


def slot_bit(weekday: int, half: int) -> int:
    """The availability bit for a weekday (0 = Monday) and half-day (0 = morning, 1 = afternoon)."""
    if not (0 <= weekday <= 6 and half in (0, 1)):
        raise ValueError("weekday 0-6 and half 0/1")
    return 1 << (weekday * 2 + half)


def slots(mask: int) -> list[tuple[int, int]]:
    """The (weekday, half) pairs set in ``mask``."""
    return [(b // 2, b % 2) for b in range(14) if mask & (1 << b)]


@dataclass(frozen=True)
class VolunteerInput:
    name: str
    phone: str = ""
    kind: str = VolunteerKind.NEIGHBOUR.value
    micro_grid_id: int | None = None
    availability: int = 0
    max_visits_per_week: int = 5
    notes: str = ""
    skills: tuple[SkillInput, ...] = ()  # service kinds they give, each with services a week
    service_provider: bool = False  # an administrator's mark: may take any service kind

    def model_fields(self) -> dict[str, object]:
        """The values that map one-to-one onto Volunteer columns (skills are rows of their own)."""
        return {k: v for k, v in self.__dict__.items() if k != "skills"}


def clean_and_validate(inp: VolunteerInput) -> tuple[VolunteerInput, list[Problem]]:
    """Normalise every field and collect every problem (field + Chinese + English)."""
    problems: list[Problem] = []
    name = clean_name(inp.name)
    if not name:
        problems.append(Problem("name", "姓名不能为空", "The name is empty"))
    elif len(name) > 50:
        problems.append(
            Problem("name", "姓名太长（最多50个字）", "The name is too long (50 characters at most)")
        )
    number = ""
    if not inp.phone.strip():
        problems.append(
            Problem(
                "phone",
                "志愿者必须留电话，以便通知探访任务",
                "A volunteer needs a phone number so visits can be arranged",
            )
        )
    else:
        result = phone.normalize(inp.phone)
        if isinstance(result, Problem):
            problems.append(Problem("phone", f"电话：{result.zh}", f"Phone: {result.en}"))
            number = clean_text(inp.phone)
        else:
            number = result
    kind = VolunteerKind.from_label(inp.kind)
    if kind is None:
        problems.append(
            Problem(
                "kind",
                f"志愿者类型“{inp.kind}”无法识别，可选：" + "、".join(k.zh for k in VolunteerKind),
                f"Volunteer kind '{inp.kind}' is not one of: " + ", ".join(k.en for k in VolunteerKind),
            )
        )
    if not isinstance(inp.availability, int) or not 0 <= inp.availability <= ALL_SLOTS:
        problems.append(
            Problem(
                "availability",
                "可服务时间无效（每周14个半天）",
                "Availability is invalid (14 half-days a week)",
            )
        )
    lo, hi = MAX_VISITS_RANGE
    if not isinstance(inp.max_visits_per_week, int) or not lo <= inp.max_visits_per_week <= hi:
        problems.append(
            Problem(
                "max_visits_per_week",
                f"每周最多探访次数应在{lo}到{hi}之间",
                f"Maximum visits per week must be {lo} to {hi}",
            )
        )
    cleaned = replace(
        inp,
        name=name,
        phone=number,
        kind=kind.value if kind else inp.kind,
        skills=tuple(SkillInput(clean_text(sk.kind), sk.weekly_capacity) for sk in inp.skills),
        notes=(inp.notes or "").strip(),
    )
    return cleaned, problems
