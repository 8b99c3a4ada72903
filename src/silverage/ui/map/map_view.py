"""The 点位图's view: wheel and +/- zoom around the mouse, drag to pan, fit; hover, click and
double-click on a point; dropping a building from the side list onto the office's plan.

Hover text is built only when Qt asks for a tooltip (not on every mouse move), and nothing in
painting is Python: the view's work per frame is Qt's own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from silverage.ui.map.map_scene import MapScene

MIME = "application/x-silverage-map-point"  # a building dragged from the side list: its key
MIN_SCALE, MAX_SCALE = 0.05, 60.0
STEP = 1.25
CLICK_SLOP = 4  # pixels the mouse may move between press and release for a click


class MapView(QGraphicsView):
    point_clicked = Signal(str)  # a building's key
    point_activated = Signal(str)  # double-click on a building
    background_clicked = Signal(QPointF)  # a click on no point, in scene coordinates
    point_moved = Signal(str, QPointF)  # an administrator dragged a point on the plan
    point_dropped = Signal(str, QPointF)  # a building dropped from the side list
    scale_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.tip_for: Callable[[str, object], str] = lambda kind, key: ""
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._press: QPoint | None = None
        self._pressed_key: str | None = None
        self._pressed_at: QPointF | None = None

    # ---------------------------------------------------------------- zoom

    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor * factor))
        factor = target / self.scale_factor
        if abs(factor - 1) > 1e-6:
            self.scale(factor, factor)
            self._scaled()

    def zoom_in(self) -> None:
        self._zoom(STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / STEP)

    def fit(self) -> None:
        rect = self.map_scene.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._scaled()

    def show_rect(self, rect: QRectF) -> None:
        """Zoom so that ``rect`` (scene units) fills the view, e.g. one grid of a community."""
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._scaled()

    def _scaled(self) -> None:
        self.map_scene.follow_scale(self.scale_factor)
        self.scale_changed.emit(self.scale_factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom(STEP**steps)
        event.accept()

    # ---------------------------------------------------------------- hover

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            found = self.map_scene.key_at_item(self.itemAt(help_event.pos()))
            text = self.tip_for(*found) if found else ""
            if text:
                QToolTip.showText(help_event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tip_at(self, pos: QPoint) -> str:
        """The hover text at a viewport position (what a tooltip there shows)."""
        found = self.map_scene.key_at_item(self.itemAt(pos))
        return self.tip_for(*found) if found else ""

    # ---------------------------------------------------------------- clicks and drags

    def point_key_at(self, pos: QPoint) -> str | None:
        found = self.map_scene.key_at_item(self.itemAt(pos))
        return str(found[1]) if found and found[0] == "point" else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        self._pressed_key = self.point_key_at(self._press)
        item = self.map_scene.items_by_key.get(self._pressed_key or "")
        self._pressed_at = item.pos() if item is not None else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        pos = event.position().toPoint()
        moved = (pos - self._press).manhattanLength() > CLICK_SLOP
        key, before = self._pressed_key, self._pressed_at
        self._press = None
        if key is not None:
            item = self.map_scene.items_by_key.get(key)
            if moved and item is not None and before is not None and item.pos() != before:
                self.point_moved.emit(key, item.pos())
            elif not moved:
                self.point_clicked.emit(key)
        elif not moved:
            self.background_clicked.emit(self.mapToScene(pos))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        key = self.point_key_at(event.position().toPoint())
        if key is not None:
            self.point_activated.emit(key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # ---------------------------------------------------------------- dropping from the side list

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001 - QDragEnterEvent
        if event.mimeData().hasFormat(MIME) and self.map_scene.plan_size is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001 - QDragMoveEvent
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: ANN001 - QDropEvent
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        key = bytes(event.mimeData().data(MIME).data()).decode("utf-8")
        self.point_dropped.emit(key, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
