"""Showing a PDF before it is printed, and sending its pages to a printer.

Qt's own PDF module (QtPdf, in the ``PySide6-Pdf`` wheel since 6.12, in Addons before) renders pages
for both. Without it the app still works: the preview opens in the system's PDF viewer, and printing
goes through that viewer too. The PDF file is the single source: what is previewed is what prints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

try:  # QtPdf is optional: a missing wheel must not stop the app
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    HAVE_QTPDF = False

PRINT_DPI = 300  # enough for sharp 13 pt type and scannable QR codes, small enough to spool quickly


def open_in_system_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfPreview(QWidget):
    """A scrolling view of all pages (QtPdf), or a note plus the system viewer when QtPdf is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.path: Path | None = None
        self.note = QLabel(self.tr("选择要打印的内容，然后点“预览”。"), self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.document = None
        self.view = None
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            layout.addWidget(self.view, 1)

    def show_pdf(self, path: Path) -> None:
        self.path = Path(path)
        if self.document is not None:
            self.document.close()
            self.document.load(str(self.path))
            self.note.setText(self.tr("预览：共 %n 页", "", self.page_count()))
            return
        self.note.setText(self.tr("本机没有内置 PDF 预览组件，已用系统的 PDF 阅读器打开。"))
        open_in_system_viewer(self.path)

    def clear(self) -> None:
        if self.document is not None:
            self.document.close()
        self.path = None

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0


def render_to_printer(
    pdf: Path, printer: QPrinter, keep_going: Callable[[int, int], bool] | None = None
) -> int:
    """Paint each page of ``pdf`` onto ``printer`` (its from/to range if set); returns pages printed.

    ``keep_going(done, total)`` is asked before each page; returning False stops (Cancel).
    """
    if not HAVE_QTPDF:
        raise RuntimeError("QtPdf is not installed")
    doc = QPdfDocument()
    doc.load(str(pdf))
    n = doc.pageCount()
    first = printer.fromPage() or 1
    last = min(printer.toPage() or n, n)
    pages = list(range(first - 1, last))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("The printer could not be opened")
    printed = 0
    try:
        for k, index in enumerate(pages):
            if keep_going is not None and not keep_going(k, len(pages)):
                break
            if k:
                printer.newPage()
            size = doc.pagePointSize(index)
            pixels = QSize(int(size.width() / 72 * PRINT_DPI), int(size.height() / 72 * PRINT_DPI))
            image = doc.render(index, pixels)
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(), scaled.height()
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
        doc.close()
    return printed


def print_pdf(pdf: Path, parent: QWidget | None) -> int:
    """Qt's print dialog, then the pages with a progress dialog and Cancel; returns pages printed."""
    if not HAVE_QTPDF:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("PdfPreview", "打印"),
            QCoreApplication.translate(
                "PdfPreview",
                "本机缺少 PDF 打印组件（PySide6-Pdf），将用系统的 PDF 阅读器打开，请在阅读器中打印。",
            ),
        )
        open_in_system_viewer(pdf)
        return 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(pdf.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PdfPreview", "打印"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    sending = QCoreApplication.translate("PdfPreview", "正在发送到打印机…")
    progress = QProgressDialog(sending, QCoreApplication.translate("PdfPreview", "取消"), 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def keep_going(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    try:
        return render_to_printer(pdf, printer, keep_going)
    finally:
        progress.reset()
        progress.deleteLater()
