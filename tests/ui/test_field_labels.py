"""On screen, fields carry the registry's labels, through Qt's translator, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout

from silverage.domain import fields
from silverage.ui.roster import person_editor
from silverage.ui.roster.person_editor import PersonEditor
from silverage.ui.roster.person_panels import GRID_COLUMNS
from silverage.ui.shell.app_context import AppContext
from silverage.ui.shell.i18n import install_language
from tests.conftest import TODAY

pytestmark = pytest.mark.db


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    monkeypatch.setattr(person_editor, "confirm_discard", lambda parent: "discard")


@pytest.fixture
def app(demo_ctx):
    return AppContext.create(demo_ctx)


def form_labels(editor: PersonEditor) -> dict[str, str]:
    """Field key -> the text of its row label in the editor's forms."""
    out = {}
    for key, widget in editor.fields.items():
        box = widget.parentWidget()
        form = box.parentWidget().layout()
        assert isinstance(form, QFormLayout)
        out[key] = form.labelForField(box).text()
    return out


def contact_headers(editor: PersonEditor) -> list[str]:
    table = editor.contacts.table
    return [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_person_editor_shows_the_registry_labels(qtbot, app, lang):
    install_language(lang)
    try:
        editor = PersonEditor(app, None, today=TODAY)
        qtbot.addWidget(editor)
        labels = form_labels(editor)
        assert labels == {key: fields.field(key).label(lang) for key in editor.fields}
        assert contact_headers(editor) == [fields.CONTACT_BY_KEY[k].label(lang) for k in GRID_COLUMNS]
        tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
        assert fields.field("contacts").label(lang) in tabs
    finally:
        install_language("zh")


def test_english_covers_every_registry_label(qtbot):
    """The committed .qm translates each label (context Fields) to the registry's own English."""
    install_language("en")
    try:
        for f in (*fields.FIELDS, *fields.CONTACT_FIELDS):
            assert QCoreApplication.translate(fields.FIELD_CONTEXT, f.zh) == f.en, f.key
    finally:
        install_language("zh")
