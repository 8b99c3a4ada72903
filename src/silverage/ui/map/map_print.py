"""打印点位图: ask where to save, then run the map's print service on the worker (with progress and
Cancel, audited by the service), as every other printout does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from silverage.services.map.map_print import MapPrintResult, map_job
from silverage.ui.shell.app_context import AppContext
from silverage.ui.widgets.wording import fill


def default_name(title: str, size: str, day: str) -> str:
    safe = "".join(ch for ch in title if ch not in '\\/:*?"<>| ·').strip() or "map"
    return str(
        Path.home() / fill(QCoreApplication.translate("MapPrint", "点位图_%1_%2_%3.pdf"), safe, size, day)
    )


def ask_path(parent: QWidget, suggested: str) -> str:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MapPrint", "保存点位图"),
        suggested,
        QCoreApplication.translate("MapPrint", "PDF 文件 (*.pdf)"),
    )
    if chosen and not chosen.lower().endswith(".pdf"):
        chosen += ".pdf"
    return chosen


def run_print(
    parent: QWidget,
    app: AppContext,
    out: str | Path,
    place: tuple[int, int | None],
    size: str,
    on_done=None,  # noqa: ANN001 - Callable[[MapPrintResult], None]
) -> None:
    """Write the map of ``place`` (community id, grid id or None) to ``out`` on the worker."""
    ctx, (cid, gid), target = app.services, place, Path(out)
    # A grid by its id alone (ids are unique): with the community too the service prints the community.
    community, grid = (str(cid), None) if gid is None else (None, str(gid))

    def job():  # noqa: ANN202 - the service's job
        return (yield from map_job(ctx, target, community=community, grid=grid, size=size))

    app.runner.run(
        job, parent=parent, title=QCoreApplication.translate("MapPrint", "正在生成点位图"), on_success=on_done
    )


def print_map(page, app: AppContext, place: tuple[int, int | None], size: str) -> None:  # noqa: ANN001 - MapPage
    """The page's 打印点位图 button: a save dialog, then the PDF; the page's message says where it went."""
    title = page.place_box.currentText().strip()
    out = page.ask_print_path(default_name(title, size, app.clock.today().strftime("%Y%m%d")))
    if not out:
        return

    def done(result: MapPrintResult) -> None:
        page.message.setText(
            fill(
                QCoreApplication.translate(
                    "MapPrint", "点位图已保存（%n 页，%1 栋楼）：%2", None, result.pages
                ),
                result.buildings,
                result.path,
            )
        )
        page.message.setVisible(True)
        page.last_print = result

    run_print(page, app, out, place, size, done)
