"""The person editor: every field of ElderInput, inline messages in plain Chinese, emergency contacts,
the level panel, visit history, archive/restore, and no lost or silently overwritten work.

Saving is one service call (one transaction). A stale version comes back as ConflictError and the
worker's typing stays in the form. Closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from silverage.domain import idcard
from silverage.domain.address import building_key
from silverage.domain.elder_input import ElderInput
from silverage.domain.enums import Disability, Economic, ElderStatus, Living, Mobility
from silverage.domain.problems import ConflictError, UserError, ValidationError
from silverage.services import service_catalog
from silverage.services.roster import elders
from silverage.ui.roster.person_panels import ContactsEditor, LevelPanel, VisitHistoryPanel
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.ask import ask_yes_no  # a yes/no question (tests replace it here)
from silverage.ui.widgets.date_box import DateBox
from silverage.ui.widgets.field_label import field_label
from silverage.ui.widgets.level_text import level_text
from silverage.ui.widgets.place_picker import MicroGridPicker
from silverage.ui.widgets.service_tags import NeedsEditor
from silverage.ui.widgets.wording import fill

TEXT_FIELDS = (
    "name",
    "id_number",
    "phone",
    "phone2",
    "address_building",
    "address_unit",
    "address_room",
    "address_detail",
    "health_conditions",
)
ENUM_FIELDS = {"living": Living, "disability": Disability, "mobility": Mobility, "economic": Economic}
BOOL_FIELDS = (
    "serious_illness",
    "cognitive_impairment",
    "children_nearby",
    "fall_last_year",
    "hospital_last_year",
    "home_hazards",
)


def confirm_discard(parent: QWidget) -> str:
    """Ask what to do with unsaved changes: "save", "discard" or "cancel" (tests replace this)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PersonEditor", "尚未保存"))
    box.setText(QCoreApplication.translate("PersonEditor", "修改还没有保存。要保存吗？"))
    save = box.addButton(
        QCoreApplication.translate("PersonEditor", "保存"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("PersonEditor", "不保存"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("PersonEditor", "继续编辑"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def tell(parent: QWidget, title: str, text: str) -> None:
    """A message the user must see (tests replace this)."""
    QMessageBox.warning(parent, title, text)


class PersonEditor(QDialog):
    save_finished = Signal(bool)  # a save ended: True when saved (or nothing to save)

    def __init__(
        self, app: AppContext, elder_id: int | None, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.lang = app.lang
        self.today = today or app.clock.today()
        self.elder_id = elder_id
        self.version = 0
        self.status = ElderStatus.ACTIVE.value
        self.saved_id: int | None = None
        self._baseline: ElderInput | None = None
        self.resize(960, 700)
        self._build()
        if elder_id is not None:
            self.load(elder_id)
        else:
            self.setWindowTitle(self.tr("新增老人"))
            self._baseline = self.collect()
            self._update_buttons()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

        basic = QWidget(self.tabs)
        form = QFormLayout(basic)
        # Field labels come from domain.fields (the words of the import, the export and the audit trail).
        self._text(form, "name")
        self._text(form, "id_number")
        self.derived = QLabel(basic)
        form.addRow("/".join(field_label(k) for k in ("birth_date", "age", "gender")), self.derived)
        self.calendar_box = QComboBox(basic)  # the calendar the birthday is kept on (寿星 lists)
        self.calendar_box.addItem(self.tr("未登记"), None)
        self.calendar_box.addItem(self.tr("公历"), "solar")
        self.calendar_box.addItem(self.tr("农历"), "lunar")
        self.calendar_box.setToolTip(self.tr("未登记的老人按设置中的默认历法计算整寿"))
        self.calendar_box.currentIndexChanged.connect(self._update_buttons)
        self._row(form, "birthday_calendar", self.calendar_box)
        self._text(form, "phone")
        self._text(form, "phone2")
        self.micro_box = MicroGridPicker(self.app.micro_grids(), basic)
        self.micro_box.changed.connect(self._update_buttons)
        self._row(form, "micro_grid_id", self.micro_box)
        self._text(form, "address_detail")
        self._text(form, "address_building")
        self._text(form, "address_unit")
        self._text(form, "address_room")
        self._building_row(form)
        self._enum(form, "living")
        self.tabs.addTab(basic, self.tr("基本信息"))

        health = QWidget(self.tabs)
        hform = QFormLayout(health)
        self._text(hform, "health_conditions")
        self.fields["health_conditions"].setPlaceholderText(self.tr("慢性病，用、分隔"))  # type: ignore[attr-defined]
        self._check(hform, "serious_illness")
        self._enum(hform, "disability")
        self._check(hform, "cognitive_impairment")
        self._enum(hform, "mobility")
        self._enum(hform, "economic")
        self._check(hform, "children_nearby")
        self._check(hform, "fall_last_year")
        self._check(hform, "hospital_last_year")
        self._check(hform, "home_hazards")
        for key, hint in (("doorstep_notes", self.tr("印在探访单上")), ("notes", "")):
            edit = QPlainTextEdit(health)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
            edit.setPlaceholderText(hint)
            self._row(hform, key, edit)
            edit.textChanged.connect(self._update_buttons)
        self.tabs.addTab(health, self.tr("健康与生活"))

        self.contacts = ContactsEditor(self.tabs)
        self.contacts.changed.connect(self._update_buttons)
        self.tabs.addTab(self.contacts, field_label("contacts"))
        self.needs = NeedsEditor(service_catalog.list_kinds(self.app.services), self.lang, self.tabs)
        self.needs.changed.connect(self._update_buttons)
        self.tabs.addTab(self.needs, field_label("needs"))
        self.level_panel = LevelPanel(self.app, self.tabs)
        self.level_panel.version_getter = lambda: self.version
        self.level_panel.overridden.connect(self._after_override)
        self.tabs.addTab(self.level_panel, self.tr("等级"))
        self.visits = VisitHistoryPanel(self.app, self.tabs)
        self.tabs.addTab(self.visits, self.tr("探访记录"))
        self.tabs.addTab(self._status_tab(), self.tr("在册状态"))

        self.form_message = QLabel(self)
        self.form_message.setWordWrap(True)
        self.form_message.setStyleSheet("color: #B3261E")
        layout.addWidget(self.form_message)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("关闭 (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save())
        self.fields["id_number"].textChanged.connect(self._id_changed)  # type: ignore[attr-defined]
        self.fields["name"].setFocus()

    def _building_row(self, form: QFormLayout) -> None:
        """楼栋（点位图）: empty = the map reads the building from the address (shown as the hint)."""
        self.building_edit = QLineEdit(self)
        self.building_edit.setToolTip(
            self.tr("点位图按此楼栋画点；留空则按地址。地址没写楼栋或写法不同时在这里更正")
        )
        self._row(form, "building_override", self.building_edit)
        self.building_edit.textChanged.connect(self._update_buttons)
        for key in ("address_detail", "address_building", "address_unit", "address_room"):
            self.fields[key].textChanged.connect(self._show_address_building)  # type: ignore[attr-defined]
        self._building_baseline = ""
        self._show_address_building()

    def _show_address_building(self) -> None:
        keys = ("address_detail", "address_building", "address_unit", "address_room")
        read = building_key(*(self.fields[k].text() for k in keys))  # type: ignore[attr-defined]
        self.building_edit.setPlaceholderText(
            fill(self.tr("按地址：%1"), read) if read else self.tr("地址里没有楼栋，可在此填写")
        )

    def _status_tab(self) -> QWidget:
        page = QWidget(self.tabs)
        form = QFormLayout(page)
        self.status_label = QLabel(page)
        form.addRow(self.tr("当前状态"), self.status_label)
        self.archive_status = QComboBox(page)
        for st in ElderStatus:
            if st is not ElderStatus.ACTIVE:
                self.archive_status.addItem(st.label(self.lang), st.value)
        self.archive_date = DateBox(self.today, page)
        self.archive_reason = QLineEdit(page)
        self.archive_button = QPushButton(self.tr("归档（移出在册名单）"), page)
        self.restore_button = QPushButton(self.tr("恢复在册"), page)
        self.status_message = QLabel(page)
        self.status_message.setStyleSheet("color: #B3261E")
        form.addRow(self.tr("归档原因类别"), self.archive_status)
        form.addRow(self.tr("日期"), self.archive_date)
        form.addRow(self.tr("说明"), self.archive_reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.restore_button)
        form.addRow(buttons)
        form.addRow(self.status_message)
        self.archive_button.clicked.connect(self.archive)
        self.restore_button.clicked.connect(self.restore)
        return page

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        message = QLabel(box)
        message.setStyleSheet("color: #B3261E")
        message.setWordWrap(True)
        message.hide()
        v.addWidget(message)
        form.addRow(field_label(key), box)
        self.fields[key] = widget
        self.messages[key] = message

    def _text(self, form: QFormLayout, key: str) -> None:
        edit = QLineEdit(self)
        self._row(form, key, edit)
        edit.textChanged.connect(self._update_buttons)

    def _enum(self, form: QFormLayout, key: str) -> None:
        box = QComboBox(self)
        for member in ENUM_FIELDS[key]:
            box.addItem(member.label(self.lang), member.value)
        self._row(form, key, box)
        box.currentIndexChanged.connect(self._update_buttons)

    def _check(self, form: QFormLayout, key: str) -> None:
        check = QCheckBox(self)
        self._row(form, key, check)
        check.toggled.connect(self._update_buttons)

    # ---------------------------------------------------------------- form <-> ElderInput

    def fill(self, inp: ElderInput) -> None:
        for key in TEXT_FIELDS:
            self.fields[key].setText(getattr(inp, key))  # type: ignore[attr-defined]
        for key in ENUM_FIELDS:
            box: QComboBox = self.fields[key]  # type: ignore[assignment]
            box.setCurrentIndex(max(0, box.findData(getattr(inp, key))))
        for key in BOOL_FIELDS:
            self.fields[key].setChecked(bool(getattr(inp, key)))  # type: ignore[attr-defined]
        for key in ("doorstep_notes", "notes"):
            self.fields[key].setPlainText(getattr(inp, key))  # type: ignore[attr-defined]
        self.micro_box.set_value(inp.micro_grid_id)
        self.calendar_box.setCurrentIndex(max(0, self.calendar_box.findData(inp.birthday_calendar)))
        self.contacts.set_contacts(inp.contacts)
        self.needs.set_value(inp.needs or ())

    def collect(self) -> ElderInput:
        values: dict[str, object] = {key: self.fields[key].text() for key in TEXT_FIELDS}  # type: ignore[attr-defined]
        values.update({key: self.fields[key].currentData() for key in ENUM_FIELDS})  # type: ignore[attr-defined]
        values.update({key: self.fields[key].isChecked() for key in BOOL_FIELDS})  # type: ignore[attr-defined]
        values.update({key: self.fields[key].toPlainText() for key in ("doorstep_notes", "notes")})  # type: ignore[attr-defined]
        values["micro_grid_id"] = self.micro_box.value()
        values["birthday_calendar"] = self.calendar_box.currentData()
        return ElderInput(**values, contacts=self.contacts.contacts(), needs=self.needs.value())  # type: ignore[arg-type]

    def is_dirty(self) -> bool:
        if self._baseline is None:
            return False
        return self.collect() != self._baseline or self.building_edit.text() != self._building_baseline

    def load(self, elder_id: int) -> None:
        detail = elders.get_elder(self.app.services, elder_id, self.today)
        self.elder_id, self.version, self.status = detail.id, detail.version, detail.status
        self.fill(detail.to_input())
        self.building_edit.setText(detail.building_override)
        self._baseline, self._building_baseline = self.collect(), detail.building_override
        self.setWindowTitle(self.tr("老人信息：") + detail.name)
        self.header.setText(
            f"{detail.name} · {detail.level_display(self.lang)} · {detail.community} "
            f"{detail.grid} {detail.micro_grid}"
        )
        self.level_panel.show_detail(detail)
        self.visits.show_for(detail.id)
        status = ElderStatus(detail.status).label(self.lang)
        if detail.status != ElderStatus.ACTIVE.value:
            on = detail.status_date.isoformat() if detail.status_date else ""
            why = " ".join(part for part in (on, detail.status_reason) if part)
            status = fill(self.tr("%1（%2）"), status, why) if why else status
        self.status_label.setText(status)
        self._clear_messages()
        self._update_buttons()

    # ---------------------------------------------------------------- live feedback

    def _id_changed(self, text: str) -> None:
        info = idcard.parse(text, self.today) if text.strip() else None
        if info is None:
            self.derived.setText("")
            self._show_message("id_number", "")
        elif isinstance(info, idcard.IdInfo):
            age = idcard.age_on(info.birth_date, self.today)
            self.derived.setText(
                fill(self.tr("%1 · %2岁 · %3"), info.birth_date, age, info.gender.label(self.lang))
            )
            self._show_message("id_number", "")
        else:
            self.derived.setText("")
            # Only complain while typing once the length is right; a half-typed number is not an error.
            if len(idcard.normalize(text)) >= 18:
                self._show_message("id_number", info.text(self.lang))

    def _show_message(self, key: str, text: str) -> None:
        label = self.messages.get(key)
        if label is None:
            return
        label.setText(text)
        label.setVisible(bool(text))

    def _clear_messages(self) -> None:
        for key in self.messages:
            self._show_message(key, "")
        self.contacts.message.clear()
        self.form_message.clear()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty or self.elder_id is None)
        archived = self.status != ElderStatus.ACTIVE.value
        self.archive_button.setEnabled(self.elder_id is not None and not archived)
        self.restore_button.setEnabled(self.elder_id is not None and archived)
        self.level_panel.setEnabled(self.elder_id is not None)
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + (" *" if dirty else ""))

    # ---------------------------------------------------------------- actions

    def save(self, then: Callable[[bool], None] | None = None) -> None:
        """Save on the worker; ``save_finished(ok)`` (and ``then(ok)``) follow when it is done.

        Nothing to save counts as saved. A likely duplicate asks first and saves on "yes".
        """
        if self.elder_id is not None and not self.is_dirty():
            self._finish_save(True, then)
            return
        self._clear_messages()
        inp, ctx, elder_id, version, today = (
            self.collect(),
            self.app.services,
            self.elder_id,
            self.version,
            self.today,
        )
        building = self.building_edit.text()  # saved in the same transaction as the rest
        self.save_button.setEnabled(False)

        def attempt(confirm_similar: bool) -> None:
            if elder_id is None:
                work = lambda: elders.create_elder(  # noqa: E731
                    ctx, inp, confirm_similar=confirm_similar, today=today, building=building
                )
            else:
                work = lambda: elders.update_elder(  # noqa: E731
                    ctx, elder_id, inp, version, today=today, building=building
                )
            self.app.run(
                work,
                parent=self,
                title=self.tr("保存老人信息"),
                on_done=lambda result: self._saved(result, then),
                on_user_error=lambda exc: refused(exc, confirm_similar),
                on_finally=self._update_buttons,
                show_progress=False,
            )

        def refused(exc: UserError, confirmed: bool) -> None:
            if isinstance(exc, elders.SimilarExists) and not confirmed:
                if ask_yes_no(
                    self, self.tr("可能重复"), exc.text(self.lang) + "\n\n" + self.tr("仍然新建吗？")
                ):
                    attempt(True)
                    return
            elif isinstance(exc, ValidationError):
                self._show_problems(exc)
            elif isinstance(exc, ConflictError):
                tell(
                    self,
                    self.tr("别人已经先保存了"),
                    exc.text(self.lang)
                    + "\n\n"
                    + self.tr("您的修改还在表单里，没有保存。请记下修改，关闭后重新打开此人再改。"),
                )
                self.form_message.setText(exc.text(self.lang))
            elif not isinstance(exc, elders.SimilarExists):
                self.form_message.setText(exc.text(self.lang))
            self._finish_save(False, then)

        attempt(False)

    def _saved(self, result: elders.SaveResult, then: Callable[[bool], None] | None) -> None:
        self.saved_id = result.id
        self.load(result.id)
        notes = [w.text(self.lang) for w in result.warnings]
        if result.level_change:
            old, new = result.level_change
            was, now = level_text(old, self.lang), level_text(new, self.lang)
            notes.append(fill(self.tr("等级已变化：%1 → %2"), was, now))
        self.form_message.setStyleSheet("color: #1E6E2E")
        self.form_message.setText(self.tr("已保存。") + " ".join(notes))
        self._finish_save(True, then)

    def _finish_save(self, ok: bool, then: Callable[[bool], None] | None) -> None:
        self.save_finished.emit(ok)
        if then is not None:
            then(ok)

    def _show_problems(self, exc: ValidationError) -> None:
        self.form_message.setStyleSheet("color: #B3261E")
        leftover = []
        for p in exc.problems:
            key = "micro_grid_id" if p.field == "micro_grid" else p.field
            if key in self.messages:
                self._show_message(key, p.text(self.lang))
            elif key == "needs":
                self.tabs.setCurrentWidget(self.needs)
                leftover.append(p.text(self.lang))
            elif key.startswith("contacts"):
                self.contacts.message.setText(
                    (self.contacts.message.text() + "\n" + p.text(self.lang)).strip()
                )
            else:
                leftover.append(p.text(self.lang))
        self.form_message.setText(self.tr("没有保存，请改正标红的内容。") + " ".join(leftover))
        first = next((p.field for p in exc.problems if p.field in self.fields), None)
        if first is not None:
            widget = self.fields[first]
            self.tabs.setCurrentIndex(self._tab_of(widget))
            widget.setFocus()

    def _tab_of(self, widget: QWidget) -> int:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).isAncestorOf(widget):
                return i
        return 0

    def _after_override(self) -> None:
        if self.elder_id is not None:
            keep = self.collect() if self.is_dirty() else None
            baseline = self._baseline
            detail = elders.get_elder(self.app.services, self.elder_id, self.today)
            self.version = detail.version
            self.level_panel.show_detail(detail)
            self.header.setText(f"{detail.name} · {detail.level_display(self.lang)}")
            if keep is not None:
                self._baseline = baseline
                self.fill(keep)

    def archive(self) -> None:
        if self.elder_id is None or not self._settle_before_status_change():
            return
        qd = self.archive_date.date()
        ctx, elder_id, version, today = self.app.services, self.elder_id, self.version, self.today
        status, reason = self.archive_status.currentData(), self.archive_reason.text()
        on = date(qd.year(), qd.month(), qd.day())
        self._change_status(
            lambda: elders.archive_elder(ctx, elder_id, status, on, reason, version, today=today),
            self.tr("归档"),
        )

    def restore(self) -> None:
        if self.elder_id is None or not self._settle_before_status_change():
            return
        ctx, elder_id, version, today = self.app.services, self.elder_id, self.version, self.today
        self._change_status(
            lambda: elders.restore_elder(ctx, elder_id, version, today=today), self.tr("恢复在册")
        )

    def _change_status(self, work: Callable[[], elders.SaveResult], title: str) -> None:
        def done(result: elders.SaveResult) -> None:
            self.status_message.clear()
            self.load(result.id)

        self.app.run(
            work,
            parent=self,
            title=title,
            on_done=done,
            on_user_error=lambda exc: self.status_message.setText(exc.text(self.lang)),
            show_progress=False,
        )

    def _settle_before_status_change(self) -> bool:
        if not self.is_dirty():
            return True
        tell(self, self.tr("尚未保存"), self.tr("请先保存或撤销表单中的修改，再更改在册状态。"))
        return False

    # ---------------------------------------------------------------- closing

    def reject(self) -> None:
        if self.is_dirty():
            answer = confirm_discard(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.save(then=lambda ok: ok and QDialog.reject(self))
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            answer = confirm_discard(self)
            if answer != "discard":
                event.ignore()
                if answer == "save":
                    self.save(then=lambda ok: ok and self.close())
                return
        self._baseline = self.collect()  # so reject() below does not ask twice
        self._building_baseline = self.building_edit.text()
        super().closeEvent(event)
