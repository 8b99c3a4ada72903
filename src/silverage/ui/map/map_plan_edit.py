"""An administrator's work on the office's plan: load or remove the image, put buildings on it
(dropped from the side list, or selected there and then clicked on the plan), move them, take one
back. Each is one service call on the worker (``services.office_plans``: the transaction, the
permission and the audit row are there); the page then reads the plan again. A refused write (a
point dragged off the plan) says why above the map and puts the point back where it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QFileDialog, QMessageBox

from silverage.domain.problems import UserError
from silverage.services import office_plans
from silverage.ui.map.map_scene import PLAN

if TYPE_CHECKING:
    from silverage.ui.map.map_page import MapPage


class PlanEditor(QObject):
    def __init__(self, page: MapPage) -> None:
        super().__init__(page)
        self.page = page

    def choose_image_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.page, self.tr("选择社区平面图"), str(Path.home()), self.tr("图片 (*.png *.jpg *.jpeg)")
        )
        return path

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self.page, self.tr("点位图"), text)
        return answer == QMessageBox.StandardButton.Yes

    def load(self, path: str | None = None) -> None:
        """Load (or replace) the chosen place's plan; the page then shows it as the base."""
        page = self.page
        place = page.place()
        if place is None:
            return
        path = path if path is not None else self.choose_image_file()
        if not path:
            return
        ctx, (cid, gid) = page.app.services, place
        page.bases[place] = PLAN
        self._run(lambda: office_plans.load_plan_file(ctx, cid, gid, path), self.tr("载入平面图"))

    def remove(self) -> None:
        plan = self.page.plan
        if plan is None or not self.confirm(self.tr("删除这张平面图和已放好的点位？示意图不受影响。")):
            return
        ctx, plan_id = self.page.app.services, plan.id
        self._run(lambda: office_plans.remove_plan(ctx, plan_id), self.tr("删除平面图"))

    def place_at(self, key: str, at: QPointF) -> None:
        """Store a building's place on the plan (scene position -> fractions of the plan)."""
        page = self.page
        size = page.scene.plan_size
        if page.plan is None or size is None or not page.is_admin:
            return
        x, y = min(max(at.x() / size[0], 0.0), 1.0), min(max(at.y() / size[1], 0.0), 1.0)
        ctx, plan_id = page.app.services, page.plan.id
        self._run(lambda: office_plans.place_building(ctx, plan_id, key, x, y), self.tr("放置楼栋"), True)

    def background_clicked(self, at: QPointF) -> None:
        """A click on the plan places the building selected in the waiting list there."""
        page = self.page
        key = page.side.unplaced_list.selected_key() if page.scene.plan_size is not None else None
        if key is not None and page.scene.movable:
            self.place_at(key, at)

    def take_back_selected(self) -> None:
        page = self.page
        key = page.selected_key
        if page.plan is None or key is None or key not in page.plan.positions:
            return
        ctx, plan_id = page.app.services, page.plan.id
        self._run(lambda: office_plans.take_back(ctx, plan_id, key), self.tr("移出平面图"), True)

    def _run(self, work: Callable[[], object], title: str, keep_view: bool = False) -> None:
        page = self.page

        def refused(exc: UserError) -> None:
            page.message.setText(exc.text(page.lang))
            page.message.setVisible(True)
            page.plan_changed(keep_view=True)

        page.app.run(
            work,
            parent=page,
            title=title,
            on_done=lambda _result: page.plan_changed(keep_view),
            on_user_error=refused,
            show_progress=False,
        )
