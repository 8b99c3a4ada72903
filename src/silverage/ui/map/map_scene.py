"""The 点位图's scene: a base (the schematic's boxes or the office's plan image), the points, the
volunteers' layer, and updates in place.

A change to the roster re-reads the map and hands the new points to ``set_points``: a point whose
look did not change is left alone (moved if its place changed), a changed one is drawn again, a
gone one removed. So a person turning red turns their point red without the view jumping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene, QGraphicsSimpleTextItem

from silverage.services.map.points import MapPoint, PointMap
from silverage.ui.map import map_items
from silverage.ui.map.map_items import KEY, KIND, PointLook

SCHEMATIC, PLAN = "schematic", "plan"  # the two bases a map can be drawn on
PLAN_WIDTH = 400.0  # an office plan is shown this many layout units wide, whatever its pixels
LABELS_FROM = 4.5  # view scale (pixels per unit) from which building names are drawn (7 px text)

Where = Callable[[MapPoint], "tuple[float, float] | None"]


def look_of(point: MapPoint, label: str) -> PointLook:
    return PointLook(point.shape, point.level, point.count, point.overdue, label)


class MapScene(QGraphicsScene):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor("#E8EAED"))
        self.items_by_key: dict[str, QGraphicsItem] = {}
        self.looks: dict[str, PointLook] = {}
        self.points: dict[str, MapPoint] = {}
        self._labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._base: list[QGraphicsItem] = []
        self._volunteers: list[QGraphicsItem] = []
        self.labels_shown = True
        self.plan_size: tuple[float, float] | None = None  # (w, h) in units when a plan is the base
        self.movable = False
        self.selected: str | None = None  # the chosen building's key (framed)
        self.selection: QGraphicsItem | None = None

    # ---------------------------------------------------------------- bases

    def _clear_base(self) -> None:
        for item in self._base:
            self.removeItem(item)
        self._base = []

    def show_schematic(self, pm: PointMap) -> None:
        self._clear_base()
        self.plan_size = None
        for region in pm.regions:
            item = map_items.region_item(region)
            self.addItem(item)
            self._base.append(item)
        self.setSceneRect(QRectF(-4, -4, pm.width + 8, pm.height + 8))

    def show_plan(self, image: QImage) -> None:
        """The office's plan as the base, PLAN_WIDTH units wide (points sit at fractions of it)."""
        self._clear_base()
        k = PLAN_WIDTH / max(image.width(), 1)
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(k)
        item.setZValue(-1)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(item)
        self._base.append(item)
        self.plan_size = (PLAN_WIDTH, image.height() * k)
        self.setSceneRect(QRectF(-10, -10, PLAN_WIDTH + 20, image.height() * k + 20))

    # ---------------------------------------------------------------- points

    def set_points(self, points: Iterable[MapPoint], where: Where, label: Callable[[MapPoint], str]) -> None:
        """Show exactly ``points`` at ``where(point)`` (None: not on this base), drawing again only
        the points whose look changed."""
        keep: set[str] = set()
        for p in points:
            pos = where(p)
            if pos is None:
                continue
            keep.add(p.key)
            self.points[p.key] = p
            look = look_of(p, label(p))
            item = self.items_by_key.get(p.key)
            if item is not None and self.looks[p.key] != look:
                self._remove(p.key)
                item = None
            if item is None:
                item, text = map_items.point_item(p.key, look)
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self.movable)
                text.setVisible(self.labels_shown)
                self.addItem(item)
                self.items_by_key[p.key], self.looks[p.key], self._labels[p.key] = item, look, text
            if (item.x(), item.y()) != pos:
                item.setPos(*pos)
        for key in [k for k in self.items_by_key if k not in keep]:
            self._remove(key)
            self.points.pop(key, None)
        if self.selected is not None and self.selection is None:  # its point was drawn again
            self.set_selected(self.selected)

    def set_selected(self, key: str | None) -> None:
        """Frame the chosen building (None: none); the frame follows the point through redraws."""
        if self.selection is not None and self.selected in self.items_by_key:
            self.removeItem(self.selection)
        self.selection = None
        self.selected = key if key in self.items_by_key else None
        if self.selected is not None:
            self.selection = map_items.selection_item(self.items_by_key[self.selected])

    def _remove(self, key: str) -> None:
        if key == self.selected:
            self.selection = None  # it goes with its point; drawn again if the point comes back
        item = self.items_by_key.pop(key)
        self.looks.pop(key, None)
        self._labels.pop(key, None)
        self.removeItem(item)

    def clear_points(self) -> None:
        for key in list(self.items_by_key):
            self._remove(key)
        self.points = {}

    def set_movable(self, movable: bool) -> None:
        self.movable = movable
        for item in self.items_by_key.values():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)

    def show_labels(self, shown: bool) -> None:
        """Building names only when they can be read: thousands of tiny texts cost paint time."""
        if shown == self.labels_shown:
            return
        self.labels_shown = shown
        for text in self._labels.values():
            text.setVisible(shown)

    def follow_scale(self, scale: float) -> None:
        self.show_labels(scale >= LABELS_FROM)

    # ---------------------------------------------------------------- volunteers

    def set_volunteers(self, marks: Iterable[tuple[int, float, float]]) -> None:
        for item in self._volunteers:
            self.removeItem(item)
        self._volunteers = []
        for vid, x, y in marks:
            item = map_items.volunteer_item(vid, x, y)
            self.addItem(item)
            self._volunteers.append(item)

    @property
    def volunteer_count(self) -> int:
        return len(self._volunteers)

    # ---------------------------------------------------------------- finding

    @staticmethod
    def owner(item: QGraphicsItem | None) -> QGraphicsItem | None:
        """The point or volunteer an item under the mouse belongs to (its count, ring, label ...)."""
        while item is not None and item.data(KIND) not in ("point", "volunteer"):
            item = item.parentItem()
        return item

    def key_at_item(self, item: QGraphicsItem | None) -> tuple[str, object] | None:
        found = self.owner(item)
        return None if found is None else (found.data(KIND), found.data(KEY))
