"""One spreadsheet row -> the roster values it states, with every problem found in its cells.

No database here: place names stay names (the service matches them), and a cell left empty means
"not stated" (an update keeps what the roster has; see ``ParsedRow.stated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from silverage.domain.enums import Disability, Economic, Gender, Level, Living, Mobility
from silverage.domain.problems import Problem
from silverage.domain.text import clean_text, to_halfwidth
from silverage.io.cell_values import cell_text, id_number_text, parse_date, yes_no
from silverage.io.header_map import BY_KEY, IGNORE

_ADDRESS = re.compile(r"^(?P<detail>.*?)(?P<building>\d+(?:幢|栋|号楼))?(?P<unit>\d+单元)?(?P<room>\d+室)?$")

# Words offices write, beyond the enum labels themselves. Checked as substrings, in this order.
_LIVING_WORDS = (
    ("孤寡", Living.WIDOWED_CHILDLESS),
    ("独居", Living.ALONE),
    ("空巢", Living.EMPTY_NEST),
    ("其他", Living.OTHER),
    ("其它", Living.OTHER),
)
_DISABILITY_WORDS = (
    ("半失能", Disability.MODERATE),
    ("完全失能", Disability.SEVERE),
    ("不能自理", Disability.SEVERE),
    ("部分自理", Disability.MILD),
    ("轻度", Disability.MILD),
    ("中度", Disability.MODERATE),
    ("重度", Disability.SEVERE),
    ("失能", Disability.SEVERE),
    ("自理", Disability.NONE),
    ("正常", Disability.NONE),
    ("无", Disability.NONE),
    ("否", Disability.NONE),
)
_ECONOMIC_WORDS = (
    ("低边", Economic.DIBIAN),
    ("边缘", Economic.DIBIAN),
    ("特困", Economic.TEKUN),
    ("五保", Economic.TEKUN),
    ("低保", Economic.DIBAO),
    ("是", Economic.DIBAO),
    ("无", Economic.NONE),
    ("否", Economic.NONE),
    ("一般", Economic.NONE),
    ("正常", Economic.NONE),
)
_MOBILITY_WORDS = (
    ("卧床", Mobility.BEDRIDDEN),
    ("瘫痪", Mobility.BEDRIDDEN),
    ("轮椅", Mobility.WHEELCHAIR),
    ("拐", Mobility.AID),
    ("助行", Mobility.AID),
    ("自如", Mobility.INDEPENDENT),
    ("正常", Mobility.INDEPENDENT),
)

# The risk factors the care rules score, as yes/no columns.
BOOLEAN_FIELDS = (
    "serious_illness",
    "cognitive_impairment",
    "children_nearby",
    "fall_last_year",
    "hospital_last_year",
    "home_hazards",
)
_PHONE_KEYS = frozenset(
    k for k in BY_KEY if k in ("phone", "phone2") or k.startswith("contact") and "_phone" in k
)

_ENUM_WORDS: dict[str, tuple[type, tuple[tuple[str, Any], ...]]] = {
    "living": (Living, _LIVING_WORDS),
    "disability": (Disability, _DISABILITY_WORDS),
    "economic": (Economic, _ECONOMIC_WORDS),
    "mobility": (Mobility, _MOBILITY_WORDS),
}


@dataclass
class ParsedRow:
    """What one row states. ``stated`` holds the field keys whose cell was not empty."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def stated(self) -> set[str]:
        return set(self.values)


def split_address(text: str) -> dict[str, str]:
    """中山路12号3幢2单元301室 -> detail 中山路12号, building 3幢, unit 2单元, room 301室."""
    t = clean_text(text).replace(" ", "")
    m = _ADDRESS.match(t)
    if not m or not m.group("detail") and not (m.group("building") or m.group("unit") or m.group("room")):
        return {
            "address_detail": clean_text(text),
            "address_building": "",
            "address_unit": "",
            "address_room": "",
        }
    return {
        "address_detail": m.group("detail") or "",
        "address_building": m.group("building") or "",
        "address_unit": m.group("unit") or "",
        "address_room": m.group("room") or "",
    }


def _enum_word(text: str, enum: type, words: tuple[tuple[str, Any], ...]) -> Any:
    member = enum.from_label(text)
    if member is not None:
        return member
    t = to_halfwidth(text).replace(" ", "")
    for word, m in words:
        if word in t:
            return m
    return None


def _enum_problem(key: str, raw: str, enum: type) -> Problem:
    spec = BY_KEY[key]
    allowed = "、".join(m.zh for m in enum)
    return Problem(
        key,
        f"{spec.zh}“{raw}”无法识别，可填：{allowed}",
        f"{spec.en} '{raw}' is not recognised; use one of: " + ", ".join(m.en for m in enum),
    )


def parse_row(values: tuple[Any, ...], mapping: dict[int, str]) -> ParsedRow:
    """Read the mapped cells of one row into roster values; collect a Problem per bad cell."""
    out = ParsedRow()
    for col, key in mapping.items():
        if key == IGNORE or col >= len(values):
            continue
        raw = values[col]
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if key == "id_number":
            result = id_number_text(raw)
            if isinstance(result, Problem):
                out.problems.append(result)
            else:
                out.values[key] = result
        elif key == "birth_date":
            d = parse_date(raw)
            if isinstance(d, Problem):
                out.problems.append(d)
            elif isinstance(d, date):
                out.values[key] = d
        elif key == "gender":
            text = cell_text(raw)
            g = Gender.from_label(to_halfwidth(text).upper() if text.isascii() else text)
            if g is None:
                out.problems.append(_enum_problem("gender", text, Gender))
            else:
                out.values[key] = g.value
        elif key in _ENUM_WORDS:
            enum, words = _ENUM_WORDS[key]
            text = cell_text(raw)
            member = _enum_word(text, enum, words)
            if member is None:
                out.problems.append(_enum_problem(key, text, enum))
            else:
                out.values[key] = member.value
        elif key in BOOLEAN_FIELDS:
            flag = yes_no(raw)
            if flag is None:
                spec = BY_KEY[key]
                out.problems.append(
                    Problem(
                        key,
                        f"{spec.zh}“{cell_text(raw)}”无法识别，可填：是、否（或有/无、√/×、1/0）",
                        f"{spec.en} '{cell_text(raw)}' is not recognised; write 是 or 否 (yes or no)",
                    )
                )
            else:
                out.values[key] = flag
        elif key == "level_override":
            text = cell_text(raw)
            level = Level.from_label(text)
            if level is None:
                out.problems.append(_enum_problem(key, text, Level))
            else:
                out.values[key] = level.value
        elif key == "address":
            for part, text in split_address(cell_text(raw)).items():
                out.values.setdefault(part, text)  # a part stated in its own column wins
        elif key in _PHONE_KEYS:
            out.values[key] = cell_text(raw)
        elif key in ("notes", "doorstep_notes", "level_override_reason"):
            out.values[key] = str(raw).strip() if isinstance(raw, str) else cell_text(raw)
        else:
            out.values[key] = clean_text(cell_text(raw))
    return out
