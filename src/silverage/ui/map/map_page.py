"""点位图: every home of the people of one community or grid as a point in its care colour.

The data is the map service's (``services.map.points``: buildings, levels, shapes, counts, overdue,
the schematic layout), read on the worker; the office's own plan (``services.office_plans``) can
replace the schematic as the base, and an administrator drags buildings onto it. Filters work on
the points already read (``MapFilter.keeps``, the service's own rule), so they answer at once; a
change anywhere (a person re-scored, a visit recorded) reads the map again and recolours only the
points that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.enums import Level, Living
from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services import office_plans
from silverage.services.map import points as pm
from silverage.services.map.points import MapFilter, MapPoint, PointMap
from silverage.services.office_plans import OfficePlan
from silverage.services.roster import roster_query
from silverage.services.roster.roster_query import VolunteerRow
from silverage.ui.map import map_building_fix, map_print, map_text
from silverage.ui.map.map_items import level_rgb
from silverage.ui.map.map_plan_edit import PlanEditor
from silverage.ui.map.map_scene import PLAN, SCHEMATIC, MapScene
from silverage.ui.map.map_side import KEY_ROLE, MapSide
from silverage.ui.map.map_view import MapView
from silverage.ui.map.map_volunteers import volunteer_marks
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.follow_changes import follow_changes
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.wording import fill

Place = tuple[int, "int | None"]  # (community id, grid id or None for the whole community)


@dataclass(frozen=True)
class MapRead:
    """One read on the worker: the map of the place, its plan (when asked for) and its volunteers."""

    place: Place
    map: PointMap | None
    problem: UserError | None
    plan: OfficePlan | None
    plan_read: bool
    volunteers: list[VolunteerRow]


def read_map(app: AppContext, place: Place, with_plan: bool) -> MapRead:
    ctx, (cid, gid) = app.services, place
    try:
        found = pm.point_map(ctx, community_id=None if gid else cid, grid_id=gid, today=app.clock.today())
        problem = None
    except UserError as exc:  # a community without grids: said on the page, not in a dialog
        found, problem = None, exc
    plan = office_plans.plan_of(ctx, cid, gid) if with_plan else None
    volunteers = roster_query.list_volunteers(ctx, include_inactive=False)
    return MapRead(place, found, problem, plan, with_plan, volunteers)


def filtered(points: tuple[MapPoint, ...], flt: MapFilter) -> list[MapPoint]:
    """The points with only the people ``flt`` keeps (their colour, count and ring follow)."""
    out = []
    for p in points:
        shown = tuple(x for x in p.people if flt.keeps(x))
        if len(shown) == len(p.people):
            out.append(p)
        elif shown:
            out.append(replace(p, people=shown))
    return out


class MapPage(QWidget):
    refreshes_on_show = True  # the follower below reloads it; the window need not on every visit

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.places: list[pm.MapPlace] = []
        self.current: MapRead | None = None
        self.plan: OfficePlan | None = None
        self.plan_image: QImage | None = None
        self.base = SCHEMATIC
        self.bases: dict[Place, str] = {}  # the base last chosen per place (this session)
        self.loading = False
        self._again = False
        self._want_plan = True
        self._fit_next = True
        self._plan_shown: tuple[int, object] | None = None
        self.selected_key: str | None = None
        self.last_print: object = None
        self.plan_edit = PlanEditor(self)
        self._build()
        follow_changes(self, app.bus, self._concerns, self.refresh)
        follow_changes(self, app.bus, lambda c: c.places, self.reload_places)  # places added or renamed
        self.reload_places()

    @property
    def is_admin(self) -> bool:
        return self.app.services.actor.may(Action.EDIT_OFFICE_PLAN)

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setText(
            self.tr(
                "还没有可以画点位图的社区。\n\n请先在“设置 → 地点”中建立社区、网格和微网格，"
                "或导入花名册：点位图会按地址自动画出每一栋楼。"
            )
        )
        self.empty.setStyleSheet("font-size: 15px; color: #3C4043; padding: 40px;")
        self.stack.addWidget(self.empty)

        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(body)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("地点："), body))
        self.place_box = QComboBox(body)
        self.place_box.setMinimumWidth(220)
        self.place_box.currentIndexChanged.connect(self._place_changed)
        top.addWidget(self.place_box)
        top.addWidget(QLabel(self.tr("底图："), body))
        self.base_box = QComboBox(body)
        self.base_box.addItem(self.tr("示意图"), SCHEMATIC)
        self.base_box.addItem(self.tr("社区平面图"), PLAN)
        self.base_box.currentIndexChanged.connect(self._base_changed)
        top.addWidget(self.base_box)
        top.addSpacing(12)
        self.zoom_out_button = QPushButton("−", body)
        self.zoom_in_button = QPushButton("+", body)
        self.fit_button = QPushButton(self.tr("适合窗口"), body)
        for b, tip in (
            (self.zoom_out_button, self.tr("缩小（-）")),
            (self.zoom_in_button, self.tr("放大（+）")),
            (self.fit_button, self.tr("显示整张图（0）")),
        ):
            b.setToolTip(tip)
            top.addWidget(b)
        self.zoom_out_button.setFixedWidth(32)
        self.zoom_in_button.setFixedWidth(32)
        top.addStretch(1)
        self.size_box = QComboBox(body)
        self.size_box.addItem("A3", "A3")
        self.size_box.addItem("A4", "A4")
        self.size_box.setToolTip(self.tr("纸张大小"))
        self.print_button = QPushButton(self.tr("打印点位图…"), body)
        self.print_button.setToolTip(self.tr("保存所选社区或网格的点位图 PDF（每个网格一页，横向）"))
        self.print_button.clicked.connect(self.print_map)
        top.addWidget(self.size_box)
        top.addWidget(self.print_button)
        box.addLayout(top)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("显示："), body))
        self.level_checks: dict[str, QCheckBox] = {}
        for key in (*(lv.value for lv in Level), pm.UNASSESSED):
            text = level_text(None if key == pm.UNASSESSED else key, self.lang)
            if key == pm.UNASSESSED:
                text = "□ " + text
            check = QCheckBox(text, body)
            check.setChecked(True)
            check.toggled.connect(self._filter_changed)
            self.level_checks[key] = check
            filters.addWidget(check)
        filters.addSpacing(12)
        self.overdue_check = QCheckBox(self.tr("只看逾期未探访"), body)
        self.overdue_check.toggled.connect(self._filter_changed)
        filters.addWidget(self.overdue_check)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("居住情况："), body))
        self.living_box = QComboBox(body)
        self.living_box.addItem(self.tr("全部"), None)
        for living in Living:
            self.living_box.addItem(living.label(self.lang), living.value)
        self.living_box.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.living_box)
        filters.addSpacing(12)
        self.volunteer_check = QCheckBox(self.tr("志愿者住处"), body)
        self.volunteer_check.setToolTip(self.tr("按志愿者所在的微网格标出（■）"))
        self.volunteer_check.toggled.connect(self._show_volunteers)
        filters.addWidget(self.volunteer_check)
        filters.addStretch(1)
        box.addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal, body)
        left = QWidget(split)
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        self.scene = MapScene(self)
        self.view = MapView(self.scene, left)
        self.view.tip_for = self._tip
        self.view.point_clicked.connect(self.select_point)
        self.view.point_activated.connect(self.open_point)
        self.view.point_moved.connect(self.plan_edit.place_at)
        self.view.point_dropped.connect(self.plan_edit.place_at)
        self.view.background_clicked.connect(self.plan_edit.background_clicked)
        self.message = QLabel(left)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #3C4043;")
        lbox.addWidget(self.message)
        lbox.addWidget(self.view, 1)
        self.side = MapSide(split)
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        box.addWidget(split, 1)

        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.fit_button.clicked.connect(self.view.fit)
        for keys, slot in (
            (("+", "=", QKeySequence.StandardKey.ZoomIn), self.view.zoom_in),
            (("-", QKeySequence.StandardKey.ZoomOut), self.view.zoom_out),
            (("0",), self.view.fit),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.side.here_list.itemDoubleClicked.connect(lambda item: self.open_person(int(item.data(KEY_ROLE))))
        self.side.here_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.side.here_list.customContextMenuRequested.connect(lambda _pos: self._person_menu())
        self.side.load_plan_button.clicked.connect(lambda: self.plan_edit.load())
        self.side.remove_plan_button.clicked.connect(self.plan_edit.remove)
        self.side.take_back_button.clicked.connect(self.plan_edit.take_back_selected)
        self.side.load_plan_button.setVisible(self.is_admin)
        self.side.remove_plan_button.setVisible(self.is_admin)
        self.side.legend.setText(self._legend())

    def _legend(self) -> str:
        red, yellow, green, none = self.tr("红"), self.tr("黄"), self.tr("绿"), self.tr("未评估")
        ring, count, volunteer = (
            self.tr("圈：有人逾期未探访"),
            self.tr("数字：这栋楼的人数"),
            self.tr("志愿者"),
        )
        first = [
            f"<span style='color:{Level.RED.rgb}'>●</span> {red}",
            f"<span style='color:{Level.YELLOW.rgb}'>▲</span> {yellow}",
            f"<span style='color:{Level.GREEN.rgb}'>○</span> {green}",
            f"<span style='color:#80868B'>□</span> {none}",
        ]
        second = [f"◎ {ring}", count, f"<span style='color:#1A73E8'>■</span> {volunteer}"]
        return "&nbsp;&nbsp; ".join(first) + "<br>" + "&nbsp;&nbsp; ".join(second)

    # ---------------------------------------------------------------- places

    def reload_places(self) -> None:
        """The communities and grids the user may see (a community worker: their own)."""
        self.places = pm.places(self.app.services)
        chosen = self.place()
        self.place_box.blockSignals(True)
        self.place_box.clear()
        for place in self.places:
            self.place_box.addItem(place.community, (place.community_id, None))
            for gid, name in place.grids:
                self.place_box.addItem(f"    {place.community} · {name}", (place.community_id, gid))
        self.place_box.blockSignals(False)
        self.stack.setCurrentIndex(1 if self.places else 0)
        if not self.places:
            return
        self.place_box.setCurrentIndex(max(self._index_of(chosen), 0))
        self._place_changed()

    def place(self) -> Place | None:
        data = self.place_box.currentData()
        return None if data is None else (int(data[0]), None if data[1] is None else int(data[1]))

    def _index_of(self, place: Place | None) -> int:
        """The place box's row of ``place`` (findData compares Python tuples by identity)."""
        for i in range(self.place_box.count()):
            if place is not None and tuple(self.place_box.itemData(i)) == place:
                return i
        return -1

    def choose_place(self, community_id: int, grid_id: int | None = None) -> None:
        index = self._index_of((community_id, grid_id))
        if index >= 0:
            self.place_box.setCurrentIndex(index)

    def _place_changed(self) -> None:
        self._want_plan = True
        self._fit_next = True
        self.scene.clear_points()
        self.side.here_list.clear()
        self.refresh()

    # ---------------------------------------------------------------- reading

    def _concerns(self, changes) -> bool:  # noqa: ANN001 - Changes
        return (changes.touches_visits or bool(changes.volunteers)) and not changes.places

    def refresh(self) -> None:
        """Read the map of the chosen place again on the worker (once more if asked while reading)."""
        place = self.place()
        if place is None:
            return
        if self.loading:
            self._again = True
            return
        self.loading = True
        app, with_plan = self.app, self._want_plan
        self._want_plan = False

        def job():  # noqa: ANN202 - a read that yields no progress
            return read_map(app, place, with_plan)
            yield  # pragma: no cover - makes this a generator

        def done() -> None:
            self.loading = False
            if self._again:
                self._again = False
                self.refresh()

        self.app.runner.run(
            job,
            parent=self,
            title=self.tr("读取点位图"),
            on_success=self._read,
            on_finally=done,
            show_progress=False,
        )

    def _read(self, read: MapRead) -> None:
        if read.place != self.place():
            self._want_plan = True  # the user chose another place meanwhile: read that one
            self._again = True
            return
        self.current = read
        if read.plan_read:
            self._set_plan(read.plan)
        self.show_current()

    def _set_plan(self, plan: OfficePlan | None) -> None:
        self.plan = plan
        self.plan_image = None
        if plan is not None:
            image = QImage.fromData(plan.image)
            self.plan_image = None if image.isNull() else image
        place = self.place()
        usable = self.plan_image is not None
        self.base_box.blockSignals(True)
        model = self.base_box.model()
        model.item(1).setEnabled(usable)  # type: ignore[attr-defined]
        chosen = self.bases.get(place, PLAN if usable else SCHEMATIC) if place else SCHEMATIC
        self.base = chosen if usable else SCHEMATIC
        self.base_box.setCurrentIndex(self.base_box.findData(self.base))
        self.base_box.blockSignals(False)
        self.side.remove_plan_button.setEnabled(plan is not None)

    # ---------------------------------------------------------------- showing

    def map_filter(self) -> MapFilter:
        levels = frozenset(k for k, c in self.level_checks.items() if c.isChecked())
        living = self.living_box.currentData()
        return MapFilter(
            levels=None if len(levels) == len(self.level_checks) else levels,
            living=None if living is None else frozenset({living}),
            overdue_only=self.overdue_check.isChecked(),
        )

    def shown_points(self) -> list[MapPoint]:
        if self.current is None or self.current.map is None:
            return []
        return filtered(self.current.map.points, self.map_filter())

    def show_current(self) -> None:
        read = self.current
        if read is None:
            return
        found = read.map
        if found is None:
            self.scene.clear_points()
            self.scene.set_volunteers([])
            self.message.setText(read.problem.text(self.lang) if read.problem else "")
            self.message.setVisible(True)
            self.view.setVisible(False)
            self._update_side([])
            return
        self.view.setVisible(True)
        on_plan = self.base == PLAN and self.plan is not None and self.plan_image is not None
        if on_plan:
            shown_plan = (self.plan.id, self.plan.loaded_at)  # type: ignore[union-attr]
            if self.scene.plan_size is None or self._plan_shown != shown_plan:
                self.scene.clear_points()
                self.scene.show_plan(self.plan_image)  # type: ignore[arg-type]
                self._plan_shown = shown_plan
        else:
            if self.scene.plan_size is not None:
                self.scene.clear_points()
            self.scene.show_schematic(found)  # the boxes grow when a building is added
            self._plan_shown = None
        editing = on_plan and self.is_admin
        self.scene.set_movable(editing)
        self.side.set_editing(editing)
        shown = self.shown_points()
        self.scene.set_points(shown, self._where, map_text.point_label)
        self._show_volunteers()
        self._update_side(shown)
        if self.selected_key is not None:  # the side list follows a change to the chosen building
            self.select_point(self.selected_key)
        self.message.setVisible(not found.points and not shown)
        if not found.points:
            self.message.setText(self.tr("这里还没有在册的老人。"))
        if self._fit_next:
            self._fit_next = False
            self.view.fit()

    def _where(self, p: MapPoint) -> tuple[float, float] | None:
        if self.scene.plan_size is None:
            return (p.x, p.y)
        spot = self.plan.positions.get(p.key) if self.plan else None
        if spot is None:
            return None
        w, h = self.scene.plan_size
        return (spot[0] * w, spot[1] * h)

    def _update_side(self, shown: list[MapPoint]) -> None:
        read = self.current
        found = read.map if read else None
        if found is None:
            self.side.counts.setText("")
            self.side.unplaced_box.setVisible(False)
            return
        drawn = list(self.scene.points.values())
        by_level = dict.fromkeys(pm.LEVEL_KEYS, 0)
        for p in drawn:
            by_level[p.level_key] += 1
        self.side.counts.setText(
            fill(
                self.tr("%1：图上 %2 栋楼、%3 人（共 %4 栋、%5 人）"),
                found.title,
                len(drawn),
                sum(p.count for p in drawn),
                found.buildings,
                found.people_total,
            )
            + "\n"
            + fill(
                self.tr("红 %1 · 黄 %2 · 绿 %3 · 未评估 %4 栋"),
                by_level["red"],
                by_level["yellow"],
                by_level["green"],
                by_level[pm.UNASSESSED],
            )
        )
        on_plan = self.scene.plan_size is not None
        self.side.unplaced_box.setVisible(on_plan)
        if on_plan:
            placed = self.plan.positions if self.plan else {}
            rows = [
                (
                    p.key,
                    f"{level_text(p.level, self.lang)}  {map_text.point_label(p)}  ×{p.count}",
                    level_rgb(p.level),
                )
                for p in found.points
                if p.key not in placed
            ]
            self.side.fill_unplaced(rows)

    # ---------------------------------------------------------------- volunteers

    def _show_volunteers(self) -> None:
        read = self.current
        found = read.map if read else None
        if found is None or not self.volunteer_check.isChecked():
            self.scene.set_volunteers([])
            self.side.volunteer_box.setVisible(False)
            return
        marks, aside = self.volunteer_marks(found, read.volunteers)  # type: ignore[union-attr]
        self.scene.set_volunteers(marks)
        self.side.volunteer_box.setVisible(bool(aside))
        self.side.fill_volunteers([(v.id, map_text.volunteer_line(v, self.lang)) for v in aside])

    def volunteer_marks(
        self, found: PointMap, volunteers: list[VolunteerRow]
    ) -> tuple[list[tuple[int, float, float]], list[VolunteerRow]]:
        return volunteer_marks(found, volunteers, on_plan=self.scene.plan_size is not None)

    # ---------------------------------------------------------------- filters and base

    def _filter_changed(self) -> None:
        if self.current is not None:
            self.show_current()

    def _base_changed(self) -> None:
        base = self.base_box.currentData()
        place = self.place()
        if place is not None:
            self.bases[place] = base
        self.base = base
        self._fit_next = True
        self.scene.clear_points()
        self.show_current()

    # ---------------------------------------------------------------- points and people

    def _tip(self, kind: str, key: object) -> str:
        if kind == "volunteer" and self.current is not None:
            v = next((v for v in self.current.volunteers if v.id == key), None)
            return map_text.volunteer_tip(v, self.lang) if v else ""
        point = self.scene.points.get(str(key))
        if point is None or self.current is None or self.current.map is None:
            return ""
        region = self.current.map.region(f"m{point.micro_grid_id}")
        return map_text.point_tip(point, region.label if region else "", self.lang)

    def select_point(self, key: str) -> None:
        """Show the people of one building in the side list (double-click a name to open it)."""
        point = self.scene.points.get(key)
        self.selected_key = key if point else None
        self.scene.set_selected(self.selected_key)
        self.side.here_list.clear()
        if point is None:
            return
        self.side.here_title.setText(
            fill(self.tr("%1：%n 人（双击姓名打开档案）", "", point.count), map_text.point_label(point))
        )
        for p in point.people:
            item = QListWidgetItem(map_text.person_entry(p, self.lang))
            item.setData(KEY_ROLE, p.elder_id)
            flags = map_text.person_flags(p, self.lang)
            if flags:
                item.setToolTip(flags)
            self.side.here_list.addItem(item)

    def open_point(self, key: str) -> None:
        """Double-click: open the person there, or choose one when several live in the building."""
        point = self.scene.points.get(key)
        if point is None:
            return
        self.select_point(key)
        if point.count == 1:
            self.open_person(point.people[0].elder_id)
            return
        chosen = self.choose_person(point)
        if chosen is not None:
            self.open_person(chosen)

    def choose_person(self, point: MapPoint) -> int | None:
        menu = QMenu(self)
        for p in point.people:
            action = menu.addAction(f"{level_text(p.level, self.lang)}  {map_text.person_line(p, self.lang)}")
            action.setData(p.elder_id)
        picked = menu.exec(QCursor.pos())
        return None if picked is None else int(picked.data())

    def open_person(self, elder_id: int) -> None:
        self.app.bus.open_elder.emit(elder_id)

    def _selected_person(self) -> tuple[int, str] | None:
        item = self.side.here_list.currentItem()
        point = self.scene.points.get(self.selected_key or "")
        if item is None or point is None:
            return None
        elder_id = int(item.data(KEY_ROLE))
        return next(((p.elder_id, p.name) for p in point.people if p.elder_id == elder_id), None)

    def _person_menu(self) -> None:
        """Right-click on a name of the side list: open the record, or correct the building."""
        person = self._selected_person()
        if person is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开档案"), lambda: self.open_person(person[0]))
        fix = menu.addAction(self.tr("更正楼栋…"), self.correct_selected_building)
        fix.setEnabled(map_building_fix.may_correct(self.app))
        menu.exec(QCursor.pos())

    def correct_selected_building(self) -> None:
        """更正楼栋… for the person selected in the side list (the map follows once it is saved)."""
        person = self._selected_person()
        if person is not None and map_building_fix.may_correct(self.app):
            map_building_fix.correct_building(self, self.app, *person)

    # ---------------------------------------------------------------- printing

    def plan_changed(self, keep_view: bool) -> None:
        """After the plan editor's write (or refusal): read the plan and the points again."""
        self._want_plan = True
        self._fit_next = not keep_view
        self.refresh()

    def ask_print_path(self, suggested: str) -> str:
        return map_print.ask_path(self, suggested)

    def print_map(self) -> None:
        place = self.place()
        if place is not None:
            map_print.print_map(self, self.app, place, self.size_box.currentData())
