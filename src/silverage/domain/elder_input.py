"""What a person editor, an import row or the CLI hands to the roster service, and its validation.

Validation collects *every* problem (field + Chinese + English), so a form can mark all bad fields
at once and an import can report every reason for a rejected row.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from silverage.domain import fields as person_fields
from silverage.domain import idcard, phone
from silverage.domain.birthday_calendar import BirthdayCalendar
from silverage.domain.enums import Disability, Economic, Living, Mobility
from silverage.domain.idcard import IdInfo
from silverage.domain.problems import Problem
from silverage.domain.service_kinds import NeedInput
from silverage.domain.text import clean_name, clean_text


@dataclass(frozen=True)
class ContactInput:
    name: str
    relation: str = ""
    phone: str = ""
    phone2: str = ""
    id: int | None = None  # existing contact being edited


@dataclass(frozen=True)
class ElderInput:
    """Editable fields of an elder. Birth date and gender come from the ID number."""

    name: str
    id_number: str
    phone: str = ""
    phone2: str = ""
    micro_grid_id: int | None = None
    address_building: str = ""
    address_unit: str = ""
    address_room: str = ""
    address_detail: str = ""
    living: str = Living.ALONE.value
    health_conditions: str = ""
    serious_illness: bool = False
    disability: str = Disability.NONE.value
    cognitive_impairment: bool = False
    mobility: str = Mobility.INDEPENDENT.value
    economic: str = Economic.NONE.value
    children_nearby: bool = False
    fall_last_year: bool = False
    hospital_last_year: bool = False
    home_hazards: bool = False
    doorstep_notes: str = ""
    notes: str = ""
    birthday_calendar: str | None = None  # "solar" 公历, "lunar" 农历, None not recorded
    contacts: tuple[ContactInput, ...] = field(default_factory=tuple)
    # Service needs (kind, how often, note); None leaves a person's needs as they are (an import
    # without a 服务需求 column), () clears them.
    needs: tuple[NeedInput, ...] | None = None

    def model_fields(self) -> dict[str, object]:
        """The values that map one-to-one onto Elder columns (contacts and needs excluded)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("contacts", "needs")}


def _phone_or_problem(value: str, field_name: str, label_zh: str, label_en: str) -> str | Problem:
    if not value.strip():
        return ""
    result = phone.normalize(value)
    if isinstance(result, Problem):
        return Problem(field_name, f"{label_zh}：{result.zh}", f"{label_en}: {result.en}")
    return result


def clean_and_validate(
    inp: ElderInput, today: date | None = None
) -> tuple[ElderInput, IdInfo | None, list[Problem]]:
    """Normalise every field; return the cleaned input, what the ID number says, and all problems."""
    problems: list[Problem] = []
    name = clean_name(inp.name)
    if not name:
        problems.append(Problem("name", "姓名不能为空", "The name is empty"))
    elif len(name) > 50:
        problems.append(
            Problem("name", "姓名太长（最多50个字）", "The name is too long (50 characters at most)")
        )
    info = idcard.parse(inp.id_number, today)
    if isinstance(info, Problem):
        problems.append(info)
        id_number, id_info = idcard.normalize(inp.id_number), None
    else:
        id_number, id_info = info.number, info
    phones: dict[str, str] = {}
    for key in ("phone", "phone2"):
        result = _phone_or_problem(
            getattr(inp, key), key, person_fields.label(key), person_fields.label(key, "en")
        )
        if isinstance(result, Problem):
            problems.append(result)
            phones[key] = clean_text(getattr(inp, key))
        else:
            phones[key] = result
    enums: dict[str, str] = {}
    for key, enum in (
        ("living", Living),
        ("disability", Disability),
        ("mobility", Mobility),
        ("economic", Economic),
    ):
        zh, en = person_fields.label(key), person_fields.label(key, "en")
        raw = getattr(inp, key)
        member = enum.from_label(raw)
        if member is None:
            allowed = "、".join(m.zh for m in enum)
            problems.append(
                Problem(
                    key,
                    f"{zh}“{raw}”无法识别，可选：{allowed}",
                    f"{en} '{raw}' is not one of: " + ", ".join(m.en for m in enum),
                )
            )
        enums[key] = member.value if member is not None else raw
    birthday_calendar = inp.birthday_calendar or None
    if birthday_calendar is not None and BirthdayCalendar.from_label(birthday_calendar) is None:
        problems.append(
            Problem(
                "birthday_calendar",
                f"生日历法“{birthday_calendar}”无法识别，可选：公历、农历",
                f"Birthday calendar '{birthday_calendar}' is not one of: solar, lunar",
            )
        )
    elif birthday_calendar is not None:
        birthday_calendar = BirthdayCalendar.from_label(birthday_calendar).value  # type: ignore[union-attr]
    contacts = []
    for i, c in enumerate(inp.contacts, 1):
        cname = clean_name(c.name)
        if not cname:
            if c.phone.strip():
                problems.append(
                    Problem(
                        f"contacts.{i}.name",
                        f"第{i}位紧急联系人缺少姓名",
                        f"Emergency contact {i} has no name",
                    )
                )
            continue
        cphone = _phone_or_problem(
            c.phone, f"contacts.{i}.phone", f"紧急联系人{cname}的电话", f"Phone of emergency contact {cname}"
        )
        if isinstance(cphone, Problem):
            problems.append(cphone)
            cphone = clean_text(c.phone)
        contacts.append(replace(c, name=cname, relation=clean_text(c.relation), phone=cphone))

    cleaned = replace(
        inp,
        name=name,
        id_number=id_number,
        phone=phones["phone"],
        phone2=phones["phone2"],
        address_building=clean_text(inp.address_building),
        address_unit=clean_text(inp.address_unit),
        address_room=clean_text(inp.address_room),
        address_detail=clean_text(inp.address_detail),
        living=enums["living"],
        disability=enums["disability"],
        mobility=enums["mobility"],
        economic=enums["economic"],
        health_conditions=clean_text(inp.health_conditions),
        doorstep_notes=(inp.doorstep_notes or "").strip(),
        notes=(inp.notes or "").strip(),
        birthday_calendar=birthday_calendar,
        contacts=tuple(contacts),
        needs=None if inp.needs is None else tuple(_clean_need(n) for n in inp.needs),
    )
    return cleaned, id_info, problems


def _clean_need(n: NeedInput) -> NeedInput:
    return NeedInput(clean_text(n.kind), n.frequency.strip(), (n.notes or "").strip())
