"""Parts of the person editor that are lists: emergency contacts, the level panel, visit history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from silverage.domain.elder_input import ContactInput
from silverage.domain.enums import Level, Outcome, VisitKind, VisitStatus
from silverage.services import users
from silverage.services.visits.visit_rows import VisitRow
from silverage.ui.widgets.field_label import contact_field_label, field_label
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.simple_table import SimpleTableModel
from silverage.ui.widgets.wording import fill, pick


def trigger_text(trigger: str) -> str:
    """Why a level was (re)assessed, in words: the history stores "create", "edit:living,economic" …"""
    words = {
        "create": QCoreApplication.translate("LevelPanel", "新建档案"),
        "restore": QCoreApplication.translate("LevelPanel", "恢复在册"),
        "override": QCoreApplication.translate("LevelPanel", "人工调整"),
        "override_cleared": QCoreApplication.translate("LevelPanel", "取消人工调整"),
        "visit_finding": QCoreApplication.translate("LevelPanel", "探访发现"),
        "rules": QCoreApplication.translate("LevelPanel", "分级规则变更"),
        "manual": QCoreApplication.translate("LevelPanel", "重新评估"),
        "cli": QCoreApplication.translate("LevelPanel", "重新评估（命令行）"),
        "demo": QCoreApplication.translate("LevelPanel", "演示数据"),
    }
    fields = {
        "birth_date": QCoreApplication.translate("LevelPanel", "出生日期"),
        "living": QCoreApplication.translate("LevelPanel", "居住情况"),
        "disability": QCoreApplication.translate("LevelPanel", "失能等级"),
        "cognitive_impairment": QCoreApplication.translate("LevelPanel", "认知障碍"),
        "serious_illness": QCoreApplication.translate("LevelPanel", "患重大疾病"),
        "fall_last_year": QCoreApplication.translate("LevelPanel", "近一年跌倒过"),
        "hospital_last_year": QCoreApplication.translate("LevelPanel", "近一年住过院"),
        "children_nearby": QCoreApplication.translate("LevelPanel", "子女住在附近"),
        "economic": QCoreApplication.translate("LevelPanel", "经济状况"),
        "home_hazards": QCoreApplication.translate("LevelPanel", "居家有安全隐患"),
    }
    if trigger.startswith("edit:"):
        changed = [fields.get(f, f) for f in trigger.removeprefix("edit:").split(",") if f]
        comma = QCoreApplication.translate("LevelPanel", "、")
        return fill(QCoreApplication.translate("LevelPanel", "修改了%1"), comma.join(changed))
    return words.get(trigger, trigger)


GRID_COLUMNS = ("name", "relation", "phone", "phone2")  # the contact grid's columns, in ContactInput order


class ContactsEditor(QWidget):
    """Emergency contacts as an editable grid; rows keep the id of an existing contact."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([contact_field_label(k) for k in GRID_COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加联系人"), self)
        self.remove_button = QPushButton(self.tr("删除所选联系人"), self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #B3261E")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())

    def add_row(self, c: ContactInput | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (c.name, c.relation, c.phone, c.phone2) if c else ("", "", "", "")
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setData(256, c.id if c else None)
            self.table.setItem(row, col, item)
        if c is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)
        self.changed.emit()

    def set_contacts(self, contacts: tuple[ContactInput, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for c in contacts:
            self.add_row(c)
        self.table.blockSignals(False)

    def contacts(self) -> tuple[ContactInput, ...]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [
                (self.table.item(r, c).text() if self.table.item(r, c) else "").strip() for c in range(4)
            ]
            if not any(cells):
                continue
            first = self.table.item(r, 0)
            out.append(
                ContactInput(cells[0], cells[1], cells[2], cells[3], first.data(256) if first else None)
            )
        return tuple(out)


class LevelPanel(QWidget):
    """The level in force with its reasons, a manual override (reason required) and the history."""

    overridden = Signal()

    def __init__(self, app, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.app = app
        self.elder_id: int | None = None
        self.version: int = 0
        self.version_getter: Callable[[], int] | None = None
        layout = QVBoxLayout(self)
        self.level_label = QLabel(self)
        self.level_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        layout.addWidget(self.level_label)
        layout.addWidget(self.reasons)
        form = QFormLayout()
        self.override_box = QComboBox(self)
        for lv in Level:
            self.override_box.addItem(level_text(lv, app.lang), lv.value)
        self.override_box.addItem(self.tr("取消人工调整（按规则计算）"), None)
        self.override_reason = QLineEdit(self)
        self.override_reason.setPlaceholderText(self.tr("必须填写调整原因"))
        self.override_button = QPushButton(self.tr("人工调整等级"), self)
        self.override_message = QLabel(self)
        self.override_message.setStyleSheet("color: #B3261E")
        form.addRow(self.tr("调整为"), self.override_box)
        form.addRow(self.tr("原因"), self.override_reason)
        form.addRow("", self.override_button)
        form.addRow("", self.override_message)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("等级历史"), self))
        self.history = SimpleTableModel(
            [
                self.tr("时间"),
                self.tr("等级"),
                self.tr("得分"),
                self.tr("原因"),
                self.tr("触发"),
                self.tr("操作人"),
            ],
            self,
        )
        table = QTableView(self)
        table.setModel(self.history)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(table, 1)
        self.override_button.clicked.connect(self.apply_override)

    def show_detail(self, detail) -> None:  # noqa: ANN001 (services.elders.ElderDetail)
        from silverage.services.care import assessment

        self.elder_id, self.version = detail.id, detail.version
        lang = self.app.lang
        marker = f"{Level(detail.level).marker} " if detail.level else ""
        self.level_label.setText(self.tr("当前等级：") + marker + detail.level_display(lang))
        if detail.level:
            self.level_label.setStyleSheet(
                f"font-size: 16px; font-weight: bold; color: {Level(detail.level).rgb}"
            )
        reasons = pick(lang, detail.reasons_zh, detail.reasons_en)
        parts = [self.tr("依据：") + (reasons or self.tr("无"))]
        if detail.score is not None:
            parts.append(self.tr("得分：") + str(detail.score))
        if detail.override_reason:
            parts.append(self.tr("人工调整原因：") + detail.override_reason)
        if detail.next_assessment:
            parts.append(
                self.tr("%1：%2")
                .replace("%1", field_label("next_assessment"))
                .replace("%2", detail.next_assessment.isoformat())
            )
        self.reasons.setText("\n".join(parts))
        rows = assessment.history(self.app.services, detail.id)
        names = {u.username: u.display_name for u in users.list_users(self.app.services) if u.display_name}
        self.history.set_rows(
            [
                (
                    a.assessed_at.strftime("%Y-%m-%d %H:%M"),
                    a.display(lang),
                    a.score,
                    (a.override_reason if a.overridden else pick(lang, a.reasons_zh, a.reasons_en)),
                    trigger_text(a.trigger),
                    names.get(a.assessed_by, a.assessed_by),
                )
                for a in rows
            ],
            colors=[Level(a.level).rgb for a in rows],
        )

    def apply_override(self) -> None:
        from silverage.services.care import assessment

        if self.elder_id is None:
            return
        version = self.version_getter() if self.version_getter else self.version
        ctx, elder_id = self.app.services, self.elder_id
        level, reason = self.override_box.currentData(), self.override_reason.text()

        def done(_result: object) -> None:
            self.override_message.clear()
            self.override_reason.clear()
            self.overridden.emit()

        self.app.run(
            lambda: assessment.override_level(ctx, elder_id, level, reason, version),
            parent=self,
            title=self.tr("人工调整等级"),
            on_done=done,
            on_user_error=lambda exc: self.override_message.setText(exc.text(self.app.lang)),
            show_progress=False,
        )


class VisitHistoryPanel(QWidget):
    def __init__(self, app, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        layout.addWidget(self.note)
        self.model = SimpleTableModel(
            [
                self.tr("日期"),
                self.tr("方式"),
                self.tr("志愿者"),
                self.tr("状态"),
                self.tr("结果"),
                self.tr("备注"),
            ],
            self,
        )
        table = QTableView(self)
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(table, 1)

    def show_for(self, elder_id: int) -> None:
        from silverage.services.visits import coverage

        rows = coverage.visit_history(self.app.services, elder_id)
        self.note.setText(self.tr("共 %n 次", "", len(rows)))
        self.model.set_rows([self._cells(v) for v in rows])

    def _cells(self, v: VisitRow) -> tuple:
        lang = self.app.lang
        outcome = Outcome(v.outcome).label(lang) if v.outcome else ""
        return (
            v.planned_date.isoformat(),
            VisitKind(v.kind).label(lang),
            v.visited_by or v.volunteer_name,
            VisitStatus(v.status).label(lang),
            outcome,
            v.notes,
        )
