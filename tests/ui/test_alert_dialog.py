"""The 提醒 worklist on the demo roster: the alert names the contact and phone, 处理 asks for a note."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from silverage.db import models as m
from silverage.services.context import ServiceContext
from silverage.services.visits import alert_rows, planning, visits
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.i18n import install_language
from silverage.ui.visits.alert_dialog import AlertDialog
from silverage.ui.visits.visits_page import VisitsPage
from tests.conftest import TODAY
from tests.ui.helpers import settle

pytestmark = pytest.mark.db
SHOTS = os.environ.get("SILVERAGE_SHOTS")  # a folder: save what the tests see, to look at


def _not_home_twice(ctx: ServiceContext) -> tuple[str, str, str]:
    """The first demo person with a contact, not at home yesterday and today: (name, contact, phone)."""
    with ctx.transaction() as s:
        elder = s.scalars(
            select(m.Elder).where(m.Elder.status == "active", m.Elder.contacts.any()).order_by(m.Elder.id)
        ).first()
        c = elder.contacts[0]
        found = (elder.name, c.name, c.phone)
        codes = planning.new_codes(s, 2)
        for code, day in zip(codes, (TODAY - timedelta(days=1), TODAY), strict=True):
            s.add(m.Visit(code=code, elder_id=elder.id, kind="home", planned_date=day, findings={}))
    for code, day in zip(codes, (TODAY - timedelta(days=1), TODAY), strict=True):
        visits.record_visit(ctx, code, "not_home", visited_on=day)
    return found


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest):  # noqa: ANN201
    install_language(request.param)
    yield request.param
    install_language("zh")


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_resolve_an_alert_with_a_note_from_the_worklist(qtbot, demo_ctx, lang, monkeypatch) -> None:  # noqa: ANN001
    name, contact, phone = _not_home_twice(demo_ctx)
    masked = phone[:3] + "****" + phone[-4:]
    app = AppContext.create(demo_ctx, lang)
    page = VisitsPage(app)
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.tabs.setCurrentWidget(page.work)
    work = page.work
    work.work_tabs.setCurrentIndex(2)
    settle(qtbot, app)
    rows = [r for r in work.alert_model.rows if r[1] == name]
    assert len(rows) == 1 and contact in rows[0][2] and masked in rows[0][2] and phone not in rows[0][2]
    _shot(page, f"alerts_list_{lang}")

    opened: list[AlertDialog] = []

    def act(dialog: AlertDialog) -> int:
        opened.append(dialog)
        assert phone in dialog.text.text()  # one alert opened to act on it: the number to dial
        if lang == "en":
            leftover = re.sub(
                "|".join(map(re.escape, (name, contact, dialog.alert.contact_name))), "", dialog.text.text()
            )
            leftover = re.sub(r"（[^）]*）|\([^)]*\)", "", leftover)  # the relation is data too
            assert not re.search(r"[\u4e00-\u9fff]", leftover), leftover
        dialog.save()  # no note yet: refused, and the dialog stays open
        settle(qtbot, app)
        assert dialog.message.text() and not dialog.saved
        dialog.note.setPlainText("已电话联系女儿，老人在女儿家小住")
        dialog.show()
        _shot(dialog, f"alert_dialog_{lang}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        settle(qtbot, app)
        return int(dialog.saved)

    monkeypatch.setattr(AlertDialog, "exec", act)
    work.alert_view.selectRow(next(i for i, r in enumerate(work.alert_model.rows) if r[1] == name))
    work.resolve_alert()
    settle(qtbot, app)
    assert opened and opened[0].saved
    assert not [r for r in work.alert_model.rows if r[1] == name]  # gone from the open list at once
    (done,) = alert_rows.alert_history(demo_ctx)
    assert done.note == "已电话联系女儿，老人在女儿家小住" and done.resolved_by == demo_ctx.actor.username


def test_resolve_without_a_selection_says_what_to_do(qtbot, demo_ctx) -> None:  # noqa: ANN001
    app = AppContext.create(demo_ctx)
    page = VisitsPage(app)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.work)
    page.work.resolve_alert()
    assert "选择一条提醒" in page.message.text()
