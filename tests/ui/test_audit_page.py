"""设置 → 审计记录: a supervisor sees the trail newest first with numbers masked, filters it by
person, loads older pages, exports it masked, and is told on the page when the chain is broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from silverage.domain.enums import Role
from silverage.services import audit
from silverage.services.context import Actor, ServiceContext
from silverage.services.roster import elders
from silverage.ui.settings.audit_page import AuditPage
from silverage.ui.settings.settings_page import SettingsPage
from silverage.ui.shell.app_context import AppContext
from tests.conftest import TODAY
from tests.services.elder_helpers import person
from tests.ui.helpers import settle

pytestmark = pytest.mark.db
SHOTS = os.environ.get("SILVERAGE_SHOTS", "")


@pytest.fixture
def app(supervisor_ctx: ServiceContext) -> AppContext:
    ctx = supervisor_ctx
    a = elders.create_elder(ctx, person(name="张桂英", seq=12), today=TODAY)
    elders.update_elder(ctx, a.id, person(name="张桂英", seq=12, phone="13911112222"), a.version, today=TODAY)
    with ctx.transaction() as s:  # enough rows for more than one page
        audit.record_many(
            s, [audit.entry(ctx.actor, "print", "visit_plan", i, detail="sheet") for i in range(600)]
        )
    return AppContext.create(ctx)


def _cells(page: AuditPage) -> list[str]:
    m = page.model
    return [str(m.index(r, c).data() or "") for r in range(m.rowCount()) for c in range(m.columnCount())]


def test_newest_first_masked_paged_and_filtered_by_person(qtbot, app: AppContext) -> None:  # noqa: ANN001
    page = AuditPage(app)
    qtbot.addWidget(page)
    settle(qtbot, app)
    assert page.model.rowCount() == 500 and page.more_button.isEnabled()
    assert "还有更早的记录" in page.count_label.text()
    assert "审计记录完整" in page.chain_label.text()
    page.more_button.click()
    settle(qtbot, app)
    assert page.model.rowCount() > 600 and not page.more_button.isEnabled()
    ids = page.model.keys
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)

    page.person.setText("张桂英")
    page.search_button.click()
    settle(qtbot, app)
    cells = _cells(page)
    assert "张桂英" in cells and "print" not in cells
    assert "13911112222" not in " ".join(cells) and person(seq=12).id_number not in " ".join(cells)
    assert any(c.startswith("139") and "*" in c for c in cells)  # the new phone, masked


def test_export_writes_the_filtered_rows_masked(qtbot, app: AppContext, tmp_path: Path) -> None:  # noqa: ANN001
    page = AuditPage(app)
    qtbot.addWidget(page)
    settle(qtbot, app)
    page.person.setText("张桂英")
    page.search_button.click()
    settle(qtbot, app)
    shown = page.model.rowCount()
    page.ask_path = lambda: tmp_path / "audit.xlsx"
    page.export_button.click()
    settle(qtbot, app)
    rows = list(load_workbook(tmp_path / "audit.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == shown + 1  # the header
    flat = " ".join(str(c) for row in rows for c in row if c is not None)
    assert "13911112222" not in flat and person(seq=12).id_number not in flat and "张桂英" in flat
    assert "已导出" in page.count_label.text()


def test_a_tampered_row_is_shown_on_the_page(qtbot, app: AppContext) -> None:  # noqa: ANN001
    with app.services.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit SET \"user\" = 'someone' WHERE id = 2"))
    page = AuditPage(app)
    qtbot.addWidget(page)
    settle(qtbot, app)
    assert "校验未通过" in page.chain_label.text() and "id 2" in page.chain_label.text()


def test_only_supervisors_get_the_tab(qtbot, app: AppContext) -> None:  # noqa: ANN001
    sup = SettingsPage(app)
    qtbot.addWidget(sup)
    settle(qtbot, app)
    assert sup.audit_page is not None
    worker = AppContext.create(ServiceContext(app.services.db, Actor("li", Role.WORKER, "李社工")))
    page = SettingsPage(worker)
    qtbot.addWidget(page)
    settle(qtbot, worker)
    assert page.audit_page is None


@pytest.mark.skipif(not SHOTS, reason="screenshots on request (SILVERAGE_SHOTS=folder)")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot(qtbot, app: AppContext, lang: str, monkeypatch) -> None:  # noqa: ANN001
    from silverage.ui.shell import i18n

    here = Path(__file__).resolve().parents[2] / "resources" / "translations"  # this checkout's build
    monkeypatch.setattr(i18n, "qm_path", lambda lg: here / f"silverage_{lg}.qm")
    i18n.install_language(lang)
    app.lang = lang
    page = AuditPage(app)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    settle(qtbot, app)
    page.grab().save(str(Path(SHOTS) / f"audit_{lang}.png"))
    i18n.install_language("zh")
