"""A small horizontal bar chart painted by hand: no QtCharts import (it costs start-up time) for a few bars.

Every bar carries its label and its number as text, so the colour never carries meaning alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: str = "#4A7BB7"
    text: str = ""  # shown at the end of the bar; defaults to the value


class BarChart(QWidget):
    ROW = 24

    def __init__(self, parent: QWidget | None = None, target: float | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.maximum: float = 0.0
        self.target = target  # e.g. 1.0 for the 100 % visit target: drawn as a dashed line
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], maximum: float | None = None) -> None:
        self.bars = bars
        self.maximum = maximum if maximum is not None else max((b.value for b in bars), default=0.0)
        self.setFixedHeight(max(1, len(bars)) * self.ROW + 8)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.bars)) * self.ROW + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 10
        value_w = (
            max((metrics.horizontalAdvance(b.text or f"{b.value:g}") for b in self.bars), default=0) + 10
        )
        bar_w = max(10.0, self.width() - label_w - value_w - 8)
        top = 4
        for i, bar in enumerate(self.bars):
            y = top + i * self.ROW
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            share = bar.value / self.maximum if self.maximum else 0.0
            width = bar_w * min(max(share, 0.0), 1.0)
            painter.fillRect(QRectF(label_w, y + 4, width, self.ROW - 8), QColor(bar.color))
            painter.drawText(
                QRectF(label_w + width + 4, y, value_w + 40, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text or f"{bar.value:g}",
            )
        if self.target is not None and self.maximum:
            x = label_w + bar_w * min(self.target / self.maximum, 1.0)
            pen = QPen(QColor("#555555"))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), top, int(x), top + len(self.bars) * self.ROW)
        painter.end()
