"""更正楼栋…: a worker puts a person of the side list in the right building without opening the
person's record. One correction is one service call (one transaction, audited); the page follows the
change bus, so the person moves to the other point as soon as it is saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from silverage.domain.permissions import Action
from silverage.domain.problems import UserError
from silverage.services.map import buildings
from silverage.services.map.buildings import BuildingInfo
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapBuildingFix", text)


def may_correct(app: AppContext) -> bool:
    """The same right as editing the person."""
    return app.services.actor.may(Action.EDIT_ROSTER)


def ask_building(parent: QWidget, name: str, info: BuildingInfo) -> str | None:
    """The building to put ``name`` in ("" = read from the address), None when cancelled (tests replace)."""
    read = info.from_address or _tr("（地址里没有楼栋）")
    text, ok = QInputDialog.getText(
        parent,
        _tr("更正楼栋"),
        fill(_tr("%1 在点位图上的楼栋。\n按地址：%2\n留空则按地址。"), name, read),
        QLineEdit.EchoMode.Normal,
        info.override,
    )
    return text if ok else None


def tell(parent: QWidget, text: str) -> None:
    """A refusal the worker must read (tests replace this)."""
    QMessageBox.warning(parent, _tr("更正楼栋"), text)


def correct_building(parent: QWidget, app: AppContext, elder_id: int, name: str) -> None:
    """Ask for the building and save it on the worker; the map re-reads through the change bus."""
    ctx = app.services
    try:
        info = buildings.building_of(ctx, elder_id)
    except UserError as exc:
        tell(parent, exc.text(app.lang))
        return
    text = ask_building(parent, name, info)
    if text is None or text.strip() == info.override:
        return
    app.run(
        lambda: buildings.set_building(ctx, elder_id, text),
        parent=parent,
        title=_tr("更正楼栋"),
        on_user_error=lambda exc: tell(parent, exc.text(app.lang)),
        show_progress=False,
    )
