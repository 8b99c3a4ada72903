"""How an address reads on screen and on paper."""

from __future__ import annotations


def format_address(
    detail: str, building: str = "", unit: str = "", room: str = "", community: str = ""
) -> str:
    """Community, street, building, unit and room, skipping empty parts.

    For example 月河社区中山路12号3幢2单元301室.
    """
    return "".join(part for part in (community, detail, building, unit, room) if part)
