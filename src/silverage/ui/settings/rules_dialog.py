"""分级规则 dialog: supervisors edit points, thresholds, triggers and intervals, preview, then apply.

The preview and the apply both run on the task runner (100,000 people take seconds). Applying is
only offered after a preview of exactly the rules on screen, so nobody applies a change blind.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from silverage.domain import care_rules
from silverage.domain.care_rules import AgeBand, CareRules, Trigger
from silverage.domain.enums import Disability, Economic, Level, Living
from silverage.domain.problems import UserError
from silverage.domain.progress import Job, Progress
from silverage.services.care import rules_admin
from silverage.services.care.assessment import AssessSummary
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import fill, pick

log = logging.getLogger(__name__)

# Triggers offered as check boxes (besides any already in the rules in force).
TRIGGER_CATALOGUE: tuple[tuple[str, ...], ...] = (
    ("disability_severe", "alone"),
    ("cognitive_impairment", "alone"),
    ("disability_moderate", "alone", "age_90"),
    ("serious_illness", "alone", "no_children_nearby"),
    ("tekun", "alone"),
    ("fall_last_year", "alone", "age_90"),
)


def _spin(parent: QWidget, value: int, lo: int = 0, hi: int = 20) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(lo, hi)
    box.setValue(value)
    return box


class RulesDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.setWindowTitle(self.tr("三色分级规则"))
        self.resize(1000, 720)
        self.info = rules_admin.current(app.services)
        self._previewed: dict | None = None
        self.last_preview: rules_admin.Preview | None = None
        self.last_summary: AssessSummary | None = None

        root = QVBoxLayout(self)
        self.header = QLabel(self)
        root.addWidget(self.header)
        body = QHBoxLayout()
        root.addLayout(body, 1)
        body.addWidget(self._build_editor(), 3)
        body.addWidget(self._build_preview(), 2)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("版本说明："), self))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("例如：红色阈值降为5分"))
        buttons.addWidget(self.name_edit, 1)
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.apply_button = QPushButton(self.tr("应用"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        for b in (self.preview_button, self.apply_button, self.close_button):
            buttons.addWidget(b)
        root.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        root.addWidget(self.message)

        self.preview_button.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.run_apply)
        self.close_button.clicked.connect(self.reject)
        self.apply_button.setEnabled(False)
        self.show_rules(self.info.rules)
        self._update_header()

    # ------------------------------------------------------------ building

    def _label(self, pair: tuple[str, str]) -> str:
        return pick(self.lang, *pair)

    def _build_editor(self) -> QWidget:
        w = QWidget(self)
        grid = QGridLayout(w)
        grid.setContentsMargins(0, 0, 0, 0)

        box = QGroupBox(self.tr("阈值（分）"), w)
        form = QFormLayout(box)
        self.red_spin = _spin(box, 6, 1, 100)
        self.yellow_spin = _spin(box, 4, 1, 100)
        form.addRow(self.tr("红色：得分 ≥"), self.red_spin)
        form.addRow(self.tr("黄色：得分 ≥"), self.yellow_spin)
        grid.addWidget(box, 0, 0)

        box = QGroupBox(self.tr("年龄（岁起，分）"), w)
        form = QFormLayout(box)
        self.age_spins: list[tuple[QSpinBox, QSpinBox]] = []
        for _ in range(3):
            row = QHBoxLayout()
            start, pts = _spin(box, 80, 60, 120), _spin(box, 0)
            row.addWidget(start)
            row.addWidget(QLabel(self.tr("岁及以上"), box))
            row.addWidget(pts)
            form.addRow(row)
            self.age_spins.append((start, pts))
        grid.addWidget(box, 1, 0)

        self.living_spins = self._enum_box(
            grid,
            2,
            0,
            self.tr("居住情况（分）"),
            [Living.ALONE, Living.WIDOWED_CHILDLESS, Living.EMPTY_NEST, Living.OTHER],
        )
        self.disability_spins = self._enum_box(grid, 0, 1, self.tr("失能等级（分）"), list(Disability))
        self.economic_spins = self._enum_box(grid, 1, 1, self.tr("经济状况（分）"), list(Economic))

        box = QGroupBox(self.tr("其他风险因素（分）"), w)
        form = QFormLayout(box)
        self.flag_spins: dict[str, QSpinBox] = {}
        for key, pair in care_rules.FLAG_FACTORS.items():
            self.flag_spins[key] = _spin(box, 0)
            form.addRow(self._label(pair), self.flag_spins[key])
        grid.addWidget(box, 2, 1)

        box = QGroupBox(self.tr("必红条件（同时满足即为红色）"), w)
        lay = QVBoxLayout(box)
        self.trigger_list = QListWidget(box)
        lay.addWidget(self.trigger_list)
        grid.addWidget(box, 3, 0)

        box = QGroupBox(self.tr("复评间隔（月）"), w)
        form = QFormLayout(box)
        self.interval_spins: dict[str, QSpinBox] = {}
        for lv in Level:
            self.interval_spins[lv.value] = _spin(box, 6, 1, 24)
            form.addRow(lv.label(self.lang), self.interval_spins[lv.value])
        grid.addWidget(box, 3, 1)

        for spin in self._all_spins():
            spin.valueChanged.connect(self._rules_edited)
        self.trigger_list.itemChanged.connect(self._rules_edited)
        return w

    def _enum_box(
        self, grid: QGridLayout, row: int, col: int, title: str, members: list
    ) -> dict[str, QSpinBox]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        spins = {}
        for mbr in members:
            spins[mbr.value] = _spin(box, 0)
            form.addRow(mbr.label(self.lang), spins[mbr.value])
        grid.addWidget(box, row, col)
        return spins

    def _build_preview(self) -> QWidget:
        box = QGroupBox(self.tr("预览：等级变化"), self)
        lay = QVBoxLayout(box)
        self.summary_label = QLabel(self.tr("修改规则后点“预览”，查看会有多少人、哪些人改变等级。"), box)
        self.summary_label.setWordWrap(True)
        lay.addWidget(self.summary_label)
        self.moves_table = QTableWidget(0, 4, box)
        self.moves_table.setHorizontalHeaderLabels(
            [self.tr("编号", "person"), self.tr("姓名"), self.tr("原等级"), self.tr("新等级")]
        )
        self.moves_table.verticalHeader().hide()
        self.moves_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moves_table.horizontalHeader().setStretchLastSection(True)
        self.moves_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.moves_table, 1)
        return box

    def _all_spins(self) -> list[QSpinBox]:
        spins = [self.red_spin, self.yellow_spin]
        for a, b in self.age_spins:
            spins += [a, b]
        for d in (
            self.living_spins,
            self.disability_spins,
            self.economic_spins,
            self.flag_spins,
            self.interval_spins,
        ):
            spins += list(d.values())
        return spins

    # ------------------------------------------------------------ rules <-> widgets

    def show_rules(self, rules: CareRules) -> None:
        self.red_spin.setValue(rules.red_threshold)
        self.yellow_spin.setValue(rules.yellow_threshold)
        bands = sorted(rules.age_bands, key=lambda b: b.min_age)[:3]
        defaults = [AgeBand(80, 0), AgeBand(85, 0), AgeBand(90, 0)]
        for (start, pts), band in zip(self.age_spins, bands + defaults[len(bands) :], strict=True):
            start.setValue(band.min_age)
            pts.setValue(band.points)
        for spins, table in (
            (self.living_spins, rules.living),
            (self.disability_spins, rules.disability),
            (self.economic_spins, rules.economic),
            (self.flag_spins, rules.flags),
            (self.interval_spins, rules.intervals),
        ):
            for key, spin in spins.items():
                spin.setValue(int(table.get(key, 0)))
        self.trigger_list.clear()
        active = {t.conditions for t in rules.triggers}
        for conds in dict.fromkeys([*TRIGGER_CATALOGUE, *active]):
            item = QListWidgetItem(Trigger(conds).label(self.lang), self.trigger_list)
            item.setData(Qt.ItemDataRole.UserRole, list(conds))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if conds in active else Qt.CheckState.Unchecked)

    def rules(self) -> CareRules:
        """The rules as shown (not yet validated)."""
        living = {k: s.value() for k, s in self.living_spins.items()}
        triggers = []
        for i in range(self.trigger_list.count()):
            item = self.trigger_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                triggers.append(Trigger(tuple(item.data(Qt.ItemDataRole.UserRole))))
        return replace(
            self.info.rules,
            red_threshold=self.red_spin.value(),
            yellow_threshold=self.yellow_spin.value(),
            age_bands=tuple(AgeBand(a.value(), p.value()) for a, p in self.age_spins),
            living=living,
            disability={k: s.value() for k, s in self.disability_spins.items()},
            economic={k: s.value() for k, s in self.economic_spins.items()},
            flags={k: s.value() for k, s in self.flag_spins.items()},
            triggers=tuple(triggers),
            intervals={k: s.value() for k, s in self.interval_spins.items()},
        )

    def _rules_edited(self, *_args: object) -> None:
        if self._previewed is not None and self._previewed != self.rules().to_json():
            self.apply_button.setEnabled(False)
            self.message.setText(self.tr("规则已修改，请重新预览后再应用。"))

    def _update_header(self) -> None:
        who = self.app.services.actor
        text = fill(self.tr("当前规则：第 %1 版 %2"), self.info.version, self.info.name)
        if not who.is_supervisor:
            text += self.tr("　（只有督导可以应用新规则，您可以预览）")
        self.header.setText(text)

    # ------------------------------------------------------------ actions

    def run_preview(self) -> None:
        rules = self.rules()
        problems = rules.problems()
        if problems:
            self.message.setText("\n".join(p.text(self.lang) for p in problems))
            self.apply_button.setEnabled(False)
            return
        ctx = self.app.services

        def job() -> Job[rules_admin.Preview]:
            yield Progress(0, 0, "")
            return rules_admin.preview(ctx, rules)

        snapshot = rules.to_json()
        self.app.runner.run(
            job, parent=self, title=self.tr("正在预览"), on_success=lambda pv: self.show_preview(pv, snapshot)
        )

    def show_preview(self, pv: rules_admin.Preview, snapshot: dict) -> None:
        self.last_preview = pv
        self._previewed = snapshot
        lines = pv.lines(self.lang)
        count = self.tr("%1 %2 → %3")
        counts = self.tr("，").join(
            fill(count, Level(k).label(self.lang), pv.before[k], pv.after[k]) for k in pv.before
        )
        head = fill(self.tr("共 %n 人改变等级。%1", "", pv.moved), counts)
        if pv.overridden_kept:
            head += self.tr("（%n 人有人工调整，等级不变）", "", pv.overridden_kept)
        self.summary_label.setText("\n".join([head, *lines]))
        self.moves_table.setRowCount(len(pv.moves))
        for row, mv in enumerate(pv.moves):
            old = Level(mv.old).label(self.lang) if mv.old else self.tr("未评估")
            cells = [str(mv.id), mv.name, old, Level(mv.new).label(self.lang)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setForeground(QColor(Level(mv.new).rgb))
                self.moves_table.setItem(row, col, item)
        can_apply = (
            self.app.services.actor.is_supervisor and self.rules().to_json() != self.info.rules.to_json()
        )
        self.apply_button.setEnabled(can_apply)
        if not self.app.services.actor.is_supervisor:
            self.message.setText(self.tr("只有督导可以应用新规则。"))
        elif not can_apply:
            self.message.setText(self.tr("规则没有变化。"))
        else:
            self.message.setText(self.tr("确认无误后点“应用”：将保存为新版本并重新评估所有在册老人。"))

    def run_apply(self) -> None:
        rules = self.rules()
        if self._previewed != rules.to_json():
            self.message.setText(self.tr("规则已修改，请重新预览后再应用。"))
            return
        ctx = self.app.services
        name = self.name_edit.text()
        self.apply_button.setEnabled(False)
        self.app.run(
            lambda: rules_admin.apply_job(ctx, rules, name),
            parent=self,
            title=self.tr("正在应用新规则并重新评估"),
            on_done=self.applied,
            on_user_error=self.failed,
            on_finally=self._enable_apply,
        )

    def applied(self, summary: AssessSummary) -> None:
        self.last_summary = summary
        self.info = rules_admin.current(self.app.services)
        self._previewed = None
        self._update_header()
        applied = self.tr("已应用第 %1 版规则，%n 人改变等级。", "", len(summary.moved))
        self.message.setText(fill(applied, summary.rule_version))

    def failed(self, exc: UserError) -> None:
        self.message.setText(exc.text(self.lang))

    def _enable_apply(self) -> None:
        self.apply_button.setEnabled(self._previewed is not None and self.app.services.actor.is_supervisor)
