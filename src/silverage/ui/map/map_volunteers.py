"""Where the volunteers' layer puts each volunteer: volunteers have a micro-grid, not an address.

On the schematic each active volunteer is marked (■) in their micro-grid's header strip, right to
left, as many as fit beside the box's name; the rest, those with no micro-grid, and everyone when
the base is the office's plan (which knows buildings, not micro-grids) are listed beside the map.
Volunteers of places outside the map are left out.
"""

from __future__ import annotations

from silverage.domain.map_layout import HEADER
from silverage.services.map.points import PointMap
from silverage.services.roster.roster_query import VolunteerRow

STEP = 3.4  # layout units between two marks
ROOM = 0.4  # the share of a header's width the marks may take (the name has the rest)

Mark = tuple[int, float, float]  # volunteer id, x, y


def volunteer_marks(
    found: PointMap, volunteers: list[VolunteerRow], on_plan: bool
) -> tuple[list[Mark], list[VolunteerRow]]:
    """(marks drawn on the map, volunteers listed aside)."""
    here = {r.key: r for r in found.regions}
    marks: list[Mark] = []
    aside: list[VolunteerRow] = []
    used: dict[str, int] = {}
    for v in volunteers:
        region = here.get(f"m{v.micro_grid_id}") if v.micro_grid_id is not None else None
        if v.micro_grid_id is not None and region is None:
            continue  # someone else's place
        if region is None or on_plan:
            aside.append(v)
            continue
        n = used.get(region.key, 0)
        if n >= int(region.rect.w * ROOM / STEP):
            aside.append(v)
            continue
        used[region.key] = n + 1
        marks.append((v.id, region.rect.right - 2.2 - n * STEP, region.rect.y + HEADER / 2))
    return marks, aside
