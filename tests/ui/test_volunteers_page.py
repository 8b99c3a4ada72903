import pytest

from silverage.services.roster import roster_query
from silverage.services.volunteers import volunteers
from silverage.ui.shell.app_context import AppContext
from silverage.ui.volunteers.volunteers_page import VolunteersPage, availability_bit
from tests.ui.helpers import settle

pytestmark = pytest.mark.db


def test_edit_availability_grid_and_save(qtbot, demo_ctx):
    page = VolunteersPage(AppContext.create(demo_ctx))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() > 0
    page.table.selectRow(0)
    vid = page._current.id
    assert page.load_label.text().startswith("本月")
    page.availability.set_value(0)
    page.availability.boxes[(2, 1)].setChecked(True)  # Wednesday afternoon
    page.per_week.setValue(3)
    page.save()
    settle(qtbot, page.app)
    saved = volunteers.get_volunteer(demo_ctx, vid)
    assert saved.availability == availability_bit(2, 1) and saved.max_visits_per_week == 3
    assert page.message.text() == "已保存"


def test_new_volunteer_needs_a_name(qtbot, demo_ctx):
    page = VolunteersPage(AppContext.create(demo_ctx))
    qtbot.addWidget(page)
    page.show()
    before = len(roster_query.list_volunteers(demo_ctx))
    page.new_volunteer()
    page.save()
    settle(qtbot, page.app)
    assert page.message.text() and len(roster_query.list_volunteers(demo_ctx)) == before
    assert "姓名" in page.message.text()
    page.name.setText("新志愿者")
    page.phone.setText("13812345678")
    page.save()
    settle(qtbot, page.app)
    assert len(roster_query.list_volunteers(demo_ctx)) == before + 1
