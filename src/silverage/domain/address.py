"""How an address reads on screen and on paper, and which building (楼栋) it names.

The point map puts every home on the map as its building, so the people at 中山路12号3幢2单元301室
and 中山路１２号三栋1单元 are one point. Offices write addresses every way there is: full-width
digits, Chinese numerals (三号楼), 幢/栋/号楼/座/#, the province and city in front, a 小区 name
instead of a road, parts missing. ``parse_address`` reads the common forms into parts and
``building_key`` turns them into one canonical text (中山路12号3幢) that is equal for equal
buildings; it is also what a worker's building correction is stored as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from silverage.domain.problems import Problem
from silverage.domain.text import chinese_number, clean_text


def format_address(
    detail: str, building: str = "", unit: str = "", room: str = "", community: str = ""
) -> str:
    """Community, street, building, unit and room, skipping empty parts.

    For example 月河社区中山路12号3幢2单元301室.
    """
    return "".join(part for part in (community, detail, building, unit, room) if part)


@dataclass(frozen=True)
class AddressParts:
    """One address read into parts, each in its canonical form ("" when absent).

    ``road`` 中山路 (a 弄 of it kept: 长乐路100弄), ``number`` 12号, ``estate`` 南湖小区,
    ``building`` 3幢 or A座, ``unit`` 2单元, ``room`` 301室; ``rest`` is text that fits no part.
    """

    road: str = ""
    number: str = ""
    estate: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    rest: str = ""

    @property
    def building_key(self) -> str:
        """The building as one text: equal for every home in the same building, "" if unknown."""
        if not (self.road or self.estate or self.building):
            return self.rest
        return f"{self.road}{self.number}{self.estate}{self.building}"

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Road, then house number and building as numbers (2号 before 10号)."""
        return (self.road, _num(self.number), self.estate, _num(self.building), self.building, self.rest)


# ------------------------------------------------------------------ normalising

_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+(?=号楼|号|幢|栋|单元|室|弄|座|楼|层)")


def _digits(text: str) -> str:
    return _CN_NUMBER.sub(lambda m: chinese_number(m.group(0)), text)


def _num(part: str) -> int:
    m = re.match(r"\d+", part)
    return int(m.group(0)) if m else -1  # none (the road itself, a whole house) before 1


def normalise(text: str) -> str:
    """Half-width, no spaces or commas, Chinese numerals before 号/幢/单元… as digits."""
    t = clean_text(text).replace(" ", "")
    t = re.sub(r"[,，、。;；()（）]", "", t)
    t = t.replace("—", "-").replace("－", "-").replace("–", "-").replace("_", "-")
    return _digits(t)


# ------------------------------------------------------------------ the parts, left to right

# The subdistrict's own words in front: 浙江省嘉兴市南湖区建设街道月河社区. A level name must not run
# into a road (新镇路 is a road, not a town): each suffix is refused when a road word follows.
_NOT_ROAD = r"(?![路街巷弄里道])"
_ADMIN = re.compile(
    r"^(?:中国)?"
    rf"(?:[^省]{{2,7}}省{_NOT_ROAD})?"
    rf"(?:[^市省]{{2,7}}市{_NOT_ROAD})?"
    rf"(?:(?![^区县市]*(?:家园|花园|新村|公寓|苑))[^区县市]{{1,6}}(?<![小社园校景])(?:区|县){_NOT_ROAD})?"
    rf"(?:[^街镇乡]{{2,7}}(?:街道|镇|乡){_NOT_ROAD})?"
    rf"(?:[^社村]{{2,8}}(?:社区|村委会|居委会){_NOT_ROAD})?"
)
_ROAD = re.compile(r"^(?P<road>[^\d]*(?:大道|胡同|路|街|巷|里|道|弄)(?:\d+弄)?(?:\d+支弄)?)")
_NAMED_NUMBER = re.compile(r"^(?P<road>[^\d]{2,}?)(?P<n>\d+(?:-\d+)?)号(?!楼)(?:院)?")
_NUMBER = re.compile(r"^(?P<n>\d+(?:-\d+)?)号(?!楼)(?:院)?")
_ESTATE_WORDS = "小区|新村|花园|家园|公寓|大厦|广场|苑|园|村|坊|庭|府|城|湾|郡|邨|宿舍"
_ESTATE = re.compile(rf"^(?P<estate>[^\d]+(?:{_ESTATE_WORDS})(?:[东南西北]区|\d+期|[一二三四]期)?)")
_STRONG_ESTATE = re.compile(r"^[^\d]+(?:小区|新村|花园|家园|公寓|大厦)")
_BUILDING = re.compile(r"^(?P<b>\d+|[A-Za-z])(?:号楼|幢|栋|座|#楼|#|楼(?!\d+室?$)(?!\d+层))")
_DASH3 = re.compile(r"^(?P<b>\d+)-(?P<u>\d+)-(?P<r>\d+)室?$")
_DASH2 = re.compile(r"^(?P<u>\d+)-(?P<r>\d+)室?$")
_UNIT = re.compile(r"^(?P<u>\d+)单元")
_FLOOR = re.compile(r"^\d+(?:层|楼)")
_ROOM = re.compile(r"^(?P<r>\d+)(?:室|号房|房|$)")


def parse_address(text: str) -> AddressParts:
    """The parts of one address, as far as they can be told; never fails (unknown text -> ``rest``)."""
    t = normalise(text)
    t = t[_ADMIN.match(t).end() :] if t else t  # type: ignore[union-attr]
    road = number = estate = building = unit = room = ""
    m = _ROAD.match(t)
    inside = _STRONG_ESTATE.match(m.group("road")) if m else None
    if m and inside and len(m.group("road")) - inside.end() >= 2:
        # 南湖小区东里: a road word inside an estate's name; the whole reads as the estate.
        estate, t = m.group("road"), t[m.end() :]
    elif m:
        road, t = m.group("road"), t[m.end() :]
        if n := _NUMBER.match(t):
            number, t = f"{n.group('n')}号", t[n.end() :]
    elif h := _NAMED_NUMBER.match(t):
        # 芦席汇49号: a place name without a road word, known by the house number after it.
        road, number, t = h.group("road"), f"{h.group('n')}号", t[h.end() :]
    if not estate and (e := _ESTATE.match(t)):
        estate, t = e.group("estate"), t[e.end() :]
        if not road and (n := _NUMBER.match(t)):
            number, t = f"{n.group('n')}号", t[n.end() :]
    if d := _DASH3.match(t):
        return AddressParts(road, number, estate, f"{int(d['b'])}幢", f"{int(d['u'])}单元", f"{d['r']}室", "")
    if b := _BUILDING.match(t):
        mark = b.group("b").upper()
        building = f"{int(mark)}幢" if mark.isdigit() else f"{mark}座"
        t = t[b.end() :].lstrip("-")
    if d := _DASH2.match(t):
        unit, room, t = f"{int(d['u'])}单元", f"{d['r']}室", ""
    if u := _UNIT.match(t):
        unit, t = f"{int(u.group('u'))}单元", t[u.end() :].lstrip("-")
    if f := _FLOOR.match(t):
        if t[f.end() :]:
            t = t[f.end() :]
    if (road or estate or building or unit) and (r := _ROOM.match(t)):
        room, t = f"{r.group('r')}室", t[r.end() :]
    return AddressParts(road, number, estate, building, unit, room, t)


def building_key(detail: str, building: str = "", unit: str = "", room: str = "", override: str = "") -> str:
    """The canonical building a person lives in; a worker's ``override`` wins when given.

    The stored parts are read together (an import may have left the whole address in ``detail``).
    """
    if override.strip():
        return parse_address(override).building_key or normalise(override)
    return parse_address(format_address(detail, building, unit, room)).building_key


BUILDING_MAX = 100  # elder.building_override's length


def building_correction(text: str, detail: str, building: str = "", unit: str = "", room: str = "") -> str:
    """What to store as a worker's building correction for someone living at the given address parts.

    Canonical (三号楼 -> 3幢) so that two workers typing one building differently put their people in
    one point; a building alone is taken on the address's road or estate (三号楼 at 南湖路38号 ->
    南湖路38号3幢); "" when the text is empty or names the building the address already says.
    """
    cleaned = normalise(text)
    if not cleaned:
        return ""
    said = parse_address(cleaned)
    home = parse_address(format_address(detail, building, unit, room))
    if said.building and not (said.road or said.number or said.estate) and (home.road or home.estate):
        # Only a building typed (三号楼): the worker means that building of the same road or estate.
        said = replace(said, road=home.road, number=home.number, estate=home.estate)
    stored = said.building_key or cleaned
    return "" if stored == home.building_key else stored


def building_too_long(stored: str) -> Problem | None:
    """The correction's problem when it does not fit its column (field ``building_override``)."""
    if len(stored) <= BUILDING_MAX:
        return None
    return Problem(
        "building_override",
        f"楼栋名称太长（{len(stored)} 个字，最多 {BUILDING_MAX} 个）",
        f"The building is too long ({len(stored)} characters, at most {BUILDING_MAX})",
    )
