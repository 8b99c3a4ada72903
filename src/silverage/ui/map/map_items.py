"""The drawn parts of the 点位图: labelled place boxes, building points, volunteers' marks.

Only Qt's own C++ items (ellipse, polygon, rect, simple text) with fixed pens and brushes, made
once per point and kept: painting, zooming and panning never call back into Python, which is what
keeps the largest community of a 100,000-person roster smooth. A point is one shape item (the
parent, carrying the point's key) with its count, its overdue ring and its label as children, so a
dragged point takes them along.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from silverage.domain.enums import Level
from silverage.domain.map_layout import CELL_W, HEADER
from silverage.domain.map_layout import RegionBox as Region

KEY = 0  # item data: the point's key (on the shape item)
KIND = 1  # item data: "point", "volunteer", "label"
RADIUS = 3.0  # the symbol, in layout units (a building cell is 14 x 11)
LABEL_SIZE = 1.6  # the building's name under its point
COUNT_SIZE = 3.4
BASE_PX = 40  # text is set at this pixel size and scaled down: crisp at every zoom
UNASSESSED_RGB = "#80868B"
RING_RGB = "#202124"  # black, so the ring reads on a black-and-white copy too
VOLUNTEER_RGB = "#1A73E8"
SELECTED_RGB = "#1A73E8"  # the chosen building's frame: blue, no level's colour
_OUTLINE = {"red": "#8C1D18", "yellow": "#7A5B00", "green": "#1E8E3E"}
_FILL_BY_DEPTH = ("#FAFAF7", "#F1F3F4", "#FFFFFF")


def level_rgb(level: str | None) -> str:
    return Level(level).rgb if level else UNASSESSED_RGB


_FONTS: dict[bool, QFont] = {}
_METRICS: list[QFontMetricsF] = []


def _font(bold: bool = False) -> QFont:
    """One font object per weight (made once: thousands of points share it)."""
    font = _FONTS.get(bold)
    if font is None:
        font = _FONTS[bold] = QFont()
        font.setPixelSize(BASE_PX)
        font.setBold(bold)
    return font


def text_item(
    text: str, size: float, parent: QGraphicsItem | None = None, rgb: str = "#202124", bold: bool = False
) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text, parent)
    item.setFont(_font(bold))
    item.setBrush(QColor(rgb))
    item.setScale(size / BASE_PX)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    # Text is the costly part of a frame: kept as a pixmap at the view's scale, panning only copies it.
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def elided(text: str, width_units: float, size: float) -> str:
    """``text`` cut with … to fit ``width_units`` at ``size`` (building names are often long)."""
    if not _METRICS:
        _METRICS.append(QFontMetricsF(_font()))
    return _METRICS[0].elidedText(text, Qt.TextElideMode.ElideMiddle, width_units * BASE_PX / size)


def centre_text(item: QGraphicsSimpleTextItem, x: float, y: float) -> None:
    """Put ``item``'s centre at (x, y) of its parent."""
    box = item.boundingRect()
    k = item.scale()
    item.setPos(x - box.width() * k / 2, y - box.height() * k / 2)


# ------------------------------------------------------------------ places


def region_item(region: Region) -> QGraphicsRectItem:
    """One place's box with its name in the header strip (grids darker than micro-grids)."""
    r = region.rect
    box = QGraphicsRectItem(QRectF(r.x, r.y, r.w, r.h))
    depth = min(region.depth, len(_FILL_BY_DEPTH) - 1)
    box.setBrush(QColor(_FILL_BY_DEPTH[depth]))
    pen = QPen(QColor("#5F6368" if region.depth <= 1 else "#BDC1C6"), 0.5 if region.depth <= 1 else 0.3)
    pen.setCosmetic(False)
    box.setPen(pen)
    box.setZValue(region.depth)
    box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    size = 3.2 if region.depth <= 1 else 2.5
    lr = region.label_rect
    label = text_item(elided(region.label, lr.w - 1, size), size, box, bold=region.depth <= 1)
    label.setPos(lr.x + 1, lr.y + (HEADER - size * 1.3) / 2)
    return box


# ------------------------------------------------------------------ points


def _shape(shape: str, level: str | None) -> QGraphicsItem:
    r = RADIUS
    rgb = level_rgb(level)
    outline = QPen(QColor(_OUTLINE.get(level or "", "#5F6368")), 0.5)
    item: QGraphicsEllipseItem | QGraphicsPolygonItem | QGraphicsRectItem
    if shape == "triangle":
        item = QGraphicsPolygonItem(
            QPolygonF([QPointF(0, -r * 1.2), QPointF(r * 1.15, r * 0.85), QPointF(-r * 1.15, r * 0.85)])
        )
        item.setBrush(QColor(rgb))
    elif shape == "square":
        item = QGraphicsRectItem(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7))
        item.setBrush(QColor("#FFFFFF"))
        outline = QPen(QColor(rgb), 0.7)
    else:
        item = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
        if shape == "circle":  # ○ green: open, so it differs from ● on a black-and-white copy
            item.setBrush(QColor("#FFFFFF"))
            outline = QPen(QColor(rgb), 0.9)
        else:
            item.setBrush(QColor(rgb))
    item.setPen(outline)
    return item


class PointLook:
    """What a point looks like; a point is drawn again only when this changes."""

    __slots__ = ("count", "label", "level", "overdue", "shape")

    def __init__(self, shape: str, level: str | None, count: int, overdue: bool, label: str) -> None:
        self.shape, self.level, self.count, self.overdue, self.label = shape, level, count, overdue, label

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PointLook) and (
            self.shape,
            self.level,
            self.count,
            self.overdue,
            self.label,
        ) == (other.shape, other.level, other.count, other.overdue, other.label)

    def __hash__(self) -> int:
        return hash((self.shape, self.level, self.count, self.overdue, self.label))


def point_item(key: str, look: PointLook) -> tuple[QGraphicsItem, QGraphicsSimpleTextItem]:
    """The point's shape (carrying ``key``) with its count, ring and label; returns (shape, label)."""
    item = _shape(look.shape, look.level)
    item.setData(KEY, key)
    item.setData(KIND, "point")
    item.setZValue(10)
    if look.overdue:
        ring_r = RADIUS + 1.5
        ring = QGraphicsEllipseItem(QRectF(-ring_r, -ring_r, 2 * ring_r, 2 * ring_r), item)
        ring.setPen(QPen(QColor(RING_RGB), 0.8))
        ring.setBrush(Qt.BrushStyle.NoBrush)
        ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    if look.count > 1:
        on_red = look.shape == "disc"  # white on the red disc, black on yellow and on the open shapes
        rgb = "#FFFFFF" if on_red else "#202124"
        count = text_item(str(look.count), COUNT_SIZE if look.count < 100 else 2.6, item, rgb, bold=True)
        centre_text(count, 0, 0.35 if look.shape == "triangle" else 0)
    label = text_item(elided(look.label, CELL_W - 1.5, LABEL_SIZE), LABEL_SIZE, item, "#3C4043")
    centre_text(label, 0, RADIUS + 3.1)
    return item, label


def selection_item(point: QGraphicsItem) -> QGraphicsRectItem:
    """The frame round the chosen building (a child of its point, so a dragged point takes it along,
    behind the symbol and its ring, and never in the way of a click)."""
    top, bottom = -(RADIUS + 2.2), RADIUS + 1.8  # round the symbol and its ring, above the label
    half = RADIUS + 2.0
    item = QGraphicsRectItem(QRectF(-half, top, 2 * half, bottom - top), point)
    pen = QPen(QColor(SELECTED_RGB), 0.9)
    pen.setCosmetic(False)
    item.setPen(pen)
    fill = QColor(SELECTED_RGB)
    fill.setAlpha(40)
    item.setBrush(fill)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


def volunteer_item(volunteer_id: int, x: float, y: float) -> QGraphicsRectItem:
    """A volunteer's mark: a small blue square (■), distinct from every level's shape."""
    side = 2.6
    item = QGraphicsRectItem(QRectF(-side / 2, -side / 2, side, side))
    item.setBrush(QBrush(QColor(VOLUNTEER_RGB)))
    item.setPen(QPen(QColor("#0B4AA2"), 0.3))
    item.setPos(x, y)
    item.setZValue(20)
    item.setData(KEY, volunteer_id)
    item.setData(KIND, "volunteer")
    return item
