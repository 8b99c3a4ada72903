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


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("MapText", text, disambiguation, n)


def point_label(point: MapPoint) -> str:
    """The building's name, or 地址不详 when the address names no building."""
    return point.building_key or tr("地址不详")


def _label(kind: type[Labelled], value: str, lang: str) -> str:
    try:
        return kind(value).label(lang)
    except ValueError:
        return ""


def person_line(p: MapPerson, lang: str) -> str:
    """张秀英 · 女 · 82岁 · 2单元301室 · 138****5678 (no level: the caller shows it)."""
    parts = [p.name, _label(Gender, p.gender, lang), fill(tr("%1岁"), p.age)]
    parts += [p.unit_room, p.phone_masked]
    return " · ".join(x for x in parts if x)


def person_flags(p: MapPerson, lang: str) -> str:
    flags = [x for x in (_label(Living, p.living, lang),) if x]
    if p.overdue:
        flags.append(tr("逾期未探访"))
    return "、".join(flags) if lang.startswith("zh") else ", ".join(flags)


def point_tip(point: MapPoint, place: str, lang: str) -> str:
    """The hover of one building: its name and place, then its people, highest level first."""
    head = f"<b>{escape(point_label(point))}</b>"
    if place:
        head += f" <span style='color:#5F6368'>{escape(place)}</span>"
    lines = [head, escape(fill(tr("住有 %n 位老人", "", point.count)))]
    for p in point.people[:HOVER_PEOPLE]:
        level = escape(level_text(p.level, lang))
        flags = person_flags(p, lang)
        tail = f" <i>({escape(flags)})</i>" if flags else ""
        lines.append(
            f"<span style='color:{level_rgb(p.level)}'>{level}</span> {escape(person_line(p, lang))}{tail}"
        )
    more = point.count - HOVER_PEOPLE
    if more > 0:
        lines.append(escape(fill(tr("…另有 %n 人", "", more))))
    lines.append(f"<span style='color:#5F6368'>{escape(tr('双击打开档案'))}</span>")
    return "<br>".join(lines)


def volunteer_line(v: VolunteerRow, lang: str) -> str:
    kind = _label(VolunteerKind, v.kind, lang)
    return " · ".join(x for x in (v.name, kind, v.phone, v.micro_grid) if x)


def volunteer_tip(v: VolunteerRow, lang: str) -> str:
    return f"<b>{escape(tr('志愿者'))}</b><br>{escape(volunteer_line(v, lang))}"
