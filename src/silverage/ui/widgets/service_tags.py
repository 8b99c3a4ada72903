"""Editors for service tags: a volunteer's skills (kind + services a week) and a person's needs
(kind + how often + a note), one row per kind on the office's list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QSpinBox, QWidget

from silverage.domain.service_kinds import CAPACITY_RANGE, DEFAULT_CAPACITY, Frequency, NeedInput, SkillInput
from silverage.services.service_catalog import KindRow


class SkillsEditor(QWidget):
    """Two columns of kinds, each a checkbox and its services a week."""

    def __init__(self, kinds: list[KindRow], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        for i, kind in enumerate(kinds):
            box = QCheckBox(kind.label(lang), self)
            spin = QSpinBox(self)
            spin.setRange(*CAPACITY_RANGE)
            spin.setValue(DEFAULT_CAPACITY)
            spin.setSuffix(self.tr("次/周"))
            spin.setEnabled(False)
            box.toggled.connect(spin.setEnabled)
            row, col = divmod(i, 2)
            grid.addWidget(box, row, col * 2)
            grid.addWidget(spin, row, col * 2 + 1)
            self.boxes[kind.name] = (box, spin)

    def value(self) -> tuple[SkillInput, ...]:
        return tuple(SkillInput(k, spin.value()) for k, (box, spin) in self.boxes.items() if box.isChecked())

    def set_value(self, skills: tuple[SkillInput, ...]) -> None:
        wanted = {sk.kind: sk.weekly_capacity for sk in skills}
        for k, (box, spin) in self.boxes.items():
            box.setChecked(k in wanted)
            spin.setValue(wanted.get(k, DEFAULT_CAPACITY))


class NeedsEditor(QWidget):
    """One row per kind: needed?, how often, a note for the volunteer (需两人协助 ...)."""

    changed = Signal()

    def __init__(self, kinds: list[KindRow], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, tuple[QCheckBox, QComboBox, QLineEdit]] = {}
        for i, kind in enumerate(kinds):
            box = QCheckBox(kind.label(lang), self)
            how = QComboBox(self)
            for f in Frequency:
                how.addItem(f.label(lang), f.value)
            note = QLineEdit(self)
            note.setPlaceholderText(self.tr("说明（如：需两人协助）"))
            note.setMaxLength(200)
            for w in (how, note):
                w.setEnabled(False)
                box.toggled.connect(w.setEnabled)
            box.toggled.connect(self.changed)
            how.currentIndexChanged.connect(self.changed)
            note.textChanged.connect(self.changed)
            grid.addWidget(box, i, 0)
            grid.addWidget(how, i, 1)
            grid.addWidget(note, i, 2)
            self.rows[kind.name] = (box, how, note)
        grid.setColumnStretch(2, 1)

    def value(self) -> tuple[NeedInput, ...]:
        return tuple(
            NeedInput(k, how.currentData(), note.text().strip())
            for k, (box, how, note) in self.rows.items()
            if box.isChecked()
        )

    def set_value(self, needs: tuple[NeedInput, ...]) -> None:
        wanted = {n.kind: n for n in needs}
        for k, (box, how, note) in self.rows.items():
            n = wanted.get(k)
            box.setChecked(n is not None)
            how.setCurrentIndex(max(0, how.findData(n.frequency if n else Frequency.WEEKLY.value)))
            note.setText(n.notes if n else "")
