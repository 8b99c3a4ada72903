"""What the 点位图 writes about a point or a volunteer: hover texts and list lines, masked.

The people come from the map service already masked (phones as 138****5678, no ID numbers); names
show as on the roster. A hover lists at most ``HOVER_PEOPLE`` people, then how many more.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from silverage.domain.enums import Gender, Living, VolunteerKind
from silverage.domain.labels import Labelled
from silverage.services.map.points import MapPerson, MapPoint
from silverage.services.roster.roster_query import VolunteerRow
from silverage.ui.map.map_items import level_rgb
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.wording import fill

HOVER_PEOPLE = 12


def point_label(point: MapPoint) -> str:
    """The building's name, or 地址不详 when the address names no building."""
    return point.building_key or QCoreApplication.translate("MapText", "地址不详")


def _label(kind: type[Labelled], value: str, lang: str) -> str:
    try:
        return kind(value).label(lang)
    except ValueError:
        return ""


def person_line(p: MapPerson, lang: str) -> str:
    """张秀英 · 女 · 82岁 · 2单元301室 · 138****5678 (no level: the caller shows it)."""
    parts = [
        p.name,
        _label(Gender, p.gender, lang),
        fill(QCoreApplication.translate("MapText", "%1岁"), p.age),
    ]
    parts += [p.unit_room, p.phone_masked]
    return " · ".join(x for x in parts if x)


def person_entry(p: MapPerson, lang: str) -> str:
    """Two lines for a list: level and who; where, phone and flags."""
    first = " · ".join(
        x for x in (level_text(p.level, lang) + "  " + p.name, _label(Gender, p.gender, lang)) if x
    )
    first += " · " + fill(QCoreApplication.translate("MapText", "%1岁"), p.age)
    second = " · ".join(x for x in (p.unit_room, p.phone_masked, person_flags(p, lang)) if x)
    return f"{first}\n{second}" if second else first


def person_flags(p: MapPerson, lang: str) -> str:
    flags = [x for x in (_label(Living, p.living, lang),) if x]
    if p.overdue:
        flags.append(QCoreApplication.translate("MapText", "逾期未探访"))
    return "、".join(flags) if lang.startswith("zh") else ", ".join(flags)


def point_tip(point: MapPoint, place: str, lang: str) -> str:
    """The hover of one building: its name and place, then its people, highest level first."""
    head = f"<b>{escape(point_label(point))}</b>"
    if place:
        head += f" <span style='color:#5F6368'>{escape(place)}</span>"
    lines = [head, escape(fill(QCoreApplication.translate("MapText", "住有 %n 位老人", None, point.count)))]
    for p in point.people[:HOVER_PEOPLE]:
        level = escape(level_text(p.level, lang))
        flags = person_flags(p, lang)
        tail = f" <i>({escape(flags)})</i>" if flags else ""
        lines.append(
            f"<span style='color:{level_rgb(p.level)}'>{level}</span> {escape(person_line(p, lang))}{tail}"
        )
    more = point.count - HOVER_PEOPLE
    if more > 0:
        lines.append(escape(fill(QCoreApplication.translate("MapText", "…另有 %n 人", None, more))))
    hint = QCoreApplication.translate("MapText", "双击打开档案")
    lines.append(f"<span style='color:#5F6368'>{escape(hint)}</span>")
    return "<br>".join(lines)


def volunteer_line(v: VolunteerRow, lang: str) -> str:
    kind = _label(VolunteerKind, v.kind, lang)
    return " · ".join(x for x in (v.name, kind, v.phone, v.micro_grid) if x)


def volunteer_tip(v: VolunteerRow, lang: str) -> str:
    title = QCoreApplication.translate("MapText", "志愿者")
    return f"<b>{escape(title)}</b><br>{escape(volunteer_line(v, lang))}"
