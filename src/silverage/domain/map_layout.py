"""The schematic point map: places as nested labelled boxes, buildings as points on a grid inside.

Nothing to set up and no geography: a community's grids and micro-grids become boxes packed in
rows (shelf packing, in the office's own order), each micro-grid box sized by its buildings, and the
buildings sit in reading order inside. The same input gives the same picture, and a box's inside
depends only on its own buildings, so a person added in one micro-grid moves no point of another
micro-grid relative to its box.

Coordinates are abstract units, x to the right and y downwards (as on a screen); the page or the
view scales them. A point's position is the centre of its symbol; its label goes under it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

CELL_W = 16.0  # one building: its symbol (about 4.6 units across) and two short label lines under it
CELL_H = 11.0
HEADER = 6.0  # the strip with the box's name
PAD = 2.0
GAP = 2.0  # between sibling boxes
LABEL_CHAR = 4.0  # width of one character of a box's name (at about 0.7 HEADER), so the name fits
POINT_Y = CELL_H * 0.3  # the symbol's centre below the top of its cell; the label fills the rest
SYMBOL = 4.6  # the symbol's size in units (the printout and the screen draw it this big)
LABEL = 2.0  # the label's font size in units
ASPECT = 1.5  # boxes and the whole map are packed towards this width : height (a landscape page)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def encloses(self, other: Rect) -> bool:
        return self.contains(other.x, other.y) and self.contains(other.right, other.bottom)

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom
        )


@dataclass(frozen=True)
class Block:
    """What to lay out: a place with either sub-places (``children``) or buildings (``leaves``,
    point keys in the order they are read: by road and number)."""

    key: str
    label: str
    children: tuple[Block, ...] = ()
    leaves: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionBox:
    key: str
    label: str
    depth: int  # 0 the place the map is of, 1 its children (grids, or micro-grids of a grid map) ...
    rect: Rect
    parent: str | None
    label_rect: Rect  # the header strip the name is written in


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    regions: tuple[RegionBox, ...]  # parents before their children
    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # point key -> centre


@dataclass
class _Placed:
    """A laid-out block at the origin: its size, its boxes and points relative to its top-left."""

    w: float
    h: float
    boxes: list[tuple[str, str, int, Rect, str | None]]
    points: dict[str, tuple[float, float]]


def _leaf(block: Block, depth: int, parent: str | None) -> _Placed:
    n = len(block.leaves)
    cols = max(1, math.ceil(math.sqrt(n * ASPECT * CELL_H / CELL_W))) if n else 1
    rows = max(1, math.ceil(n / cols))
    w = max(2 * PAD + cols * CELL_W, 2 * PAD + len(block.label) * LABEL_CHAR)
    h = HEADER + 2 * PAD + rows * CELL_H
    # Centre the cells when the name made the box wider than its points need.
    x0 = (w - cols * CELL_W) / 2
    points = {
        key: (x0 + (i % cols + 0.5) * CELL_W, HEADER + PAD + (i // cols) * CELL_H + POINT_Y)
        for i, key in enumerate(block.leaves)
    }
    return _Placed(w, h, [(block.key, block.label, depth, Rect(0, 0, w, h), parent)], points)


def _shelves(parts: list[_Placed], width: float) -> tuple[list[tuple[float, float]], float, float]:
    """Top-left offsets for ``parts`` in rows no wider than ``width``; the packed width and height."""
    offsets: list[tuple[float, float]] = []
    x = y = row_h = used_w = 0.0
    for p in parts:
        if x > 0 and x + p.w > width:
            y += row_h + GAP
            x = row_h = 0.0
        offsets.append((x, y))
        x += p.w + GAP
        row_h = max(row_h, p.h)
        used_w = max(used_w, x - GAP)
    return offsets, used_w, y + row_h


def _pack(parts: list[_Placed]) -> tuple[list[tuple[float, float]], float, float]:
    """The shelf width that brings the packed shape closest to ``ASPECT`` (tried over a few widths)."""
    widest = max(p.w for p in parts)
    total = sum(p.w for p in parts) + GAP * (len(parts) - 1)
    best: tuple[float, list[tuple[float, float]], float, float] | None = None
    steps = 48
    for i in range(steps + 1):
        width = widest + (total - widest) * i / steps
        offsets, w, h = _shelves(parts, width)
        # The box this packing makes (its name strip included) towards ASPECT, and a little weight on
        # wasted area, so small maps stay compact.
        outer = (w + 2 * PAD) / (h + HEADER + 2 * PAD)
        score = abs(math.log(outer / ASPECT)) + 0.3 * (1 - sum(p.w * p.h for p in parts) / (w * h))
        if best is None or score < best[0] - 1e-9:
            best = (score, offsets, w, h)
    assert best is not None
    return best[1], best[2], best[3]


def _place(block: Block, depth: int, parent: str | None) -> _Placed:
    if not block.children:
        return _leaf(block, depth, parent)
    parts = [_place(child, depth + 1, block.key) for child in block.children]
    offsets, inner_w, inner_h = _pack(parts)
    w = max(inner_w + 2 * PAD, 2 * PAD + len(block.label) * LABEL_CHAR)
    h = inner_h + HEADER + 2 * PAD
    boxes = [(block.key, block.label, depth, Rect(0, 0, w, h), parent)]
    points: dict[str, tuple[float, float]] = {}
    for part, (ox, oy) in zip(parts, offsets, strict=True):
        dx, dy = PAD + ox, HEADER + PAD + oy
        boxes += [(k, lb, d, Rect(r.x + dx, r.y + dy, r.w, r.h), par) for k, lb, d, r, par in part.boxes]
        points.update({k: (px + dx, py + dy) for k, (px, py) in part.points.items()})
    return _Placed(w, h, boxes, points)


def layout(root: Block) -> Layout:
    """Boxes for ``root`` and everything under it, and a centre for every building point."""
    placed = _place(root, 0, None)
    regions = tuple(
        RegionBox(key, label, depth, rect, parent, Rect(rect.x, rect.y, rect.w, HEADER))
        for key, label, depth, rect, parent in placed.boxes
    )
    return Layout(placed.w, placed.h, regions, dict(placed.points))
