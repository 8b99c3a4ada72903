"""Roster multi-select: 更换志愿者… gives the selected people's future visits to another volunteer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.ui.roster import roster_page
from silverage.ui.shell.main_window import MainWindow
from tests.conftest import TODAY

pytestmark = pytest.mark.db


@pytest.fixture
def window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx, today=TODAY)
    qtbot.addWidget(w)
    w.load()
    w.show()
    return w


def test_reassign_volunteer_asks_with_warnings_then_moves_visits(qtbot, window, demo_ctx, monkeypatch):
    page = window.roster
    page.table.selectRow(0)
    elder_id = page.selected_ids()[0]
    assert page.volunteer_button.isEnabled()
    with demo_ctx.transaction() as s:
        old, new = list(s.scalars(select(m.Volunteer).where(m.Volunteer.active.is_(True)).limit(2)))
        new.max_visits_per_week = 1
        monday = TODAY + timedelta(days=7 - TODAY.weekday())
        for i, code in enumerate(("ZZ0001", "ZZ0002")):  # two visits in one week: over a maximum of 1
            s.add(
                m.Visit(
                    code=code,
                    elder_id=elder_id,
                    volunteer_id=old.id,
                    kind="home",
                    planned_date=monday + timedelta(days=i),
                    status="planned",
                    findings={},
                )
            )
        new_id, new_name = new.id, new.name

    offered: list[list[int]] = []
    asked: list[str] = []

    def choose(parent, choices, question):
        offered.append([c.id for c in choices])
        return new_id

    def confirm(parent, title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(roster_page, "choose_volunteer", choose)
    monkeypatch.setattr(roster_page, "confirm_reassign", confirm)
    page.volunteer_button.click()

    def owners() -> set[int | None]:
        with demo_ctx.read() as s:
            return set(s.scalars(select(m.Visit.volunteer_id).where(m.Visit.code.in_(("ZZ0001", "ZZ0002")))))

    qtbot.waitUntil(lambda: owners() == {new_id}, timeout=10000)
    assert new_id in offered[0]
    assert len(asked) == 1
    assert f"2 次探访交给 {new_name}" in asked[0]
    assert "超过每周上限1次" in asked[0]


def test_declining_changes_nothing(qtbot, window, demo_ctx, monkeypatch):
    page = window.roster
    page.table.selectRow(0)
    elder_id = page.selected_ids()[0]
    with demo_ctx.transaction() as s:
        old, new = list(s.scalars(select(m.Volunteer).where(m.Volunteer.active.is_(True)).limit(2)))
        s.add(
            m.Visit(
                code="ZZ0003",
                elder_id=elder_id,
                volunteer_id=old.id,
                kind="home",
                planned_date=TODAY + timedelta(days=7),
                status="confirmed",
                findings={},
            )
        )
        old_id, new_id = old.id, new.id
    asked: list[str] = []
    monkeypatch.setattr(roster_page, "choose_volunteer", lambda parent, choices, question: new_id)
    monkeypatch.setattr(
        roster_page, "confirm_reassign", lambda parent, title, text: asked.append(text) or False
    )
    page.reassign_volunteer()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    with demo_ctx.read() as s:
        assert s.scalar(select(m.Visit.volunteer_id).where(m.Visit.code == "ZZ0003")) == old_id
