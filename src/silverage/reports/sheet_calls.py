"""The phone check-ins on a volunteer's sheets, as one compact table: a row per call.

A call needs the number to dial, someone to ring when nobody answers, four boxes and a little room
for a note; the visit code (large text and a small QR code) brings the result back to the office.
Rows have a fixed height and text is fitted into its cell, so a row is never split by a page break;
the column headings are drawn again on every page the table continues on.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from silverage.reports.data import SheetVisit
from silverage.reports.page_parts import (
    BLACK,
    draw_bold,
    fit_size,
    level_shape,
    level_word,
    tick_box,
    wrap,
)
from silverage.reports.qr import draw_qr
from silverage.reports.sheet_layout import (
    CALL_CAPTION_H,
    CALL_HEAD_H,
    CALL_ROW_H,
    CONTENT_W,
    MARGIN,
    PAGE_H,
    CallPart,
)

CALL_OUTCOMES = ("接通良好", "需跟进", "未接通", "其他")
# A small QR code scans only if its modules land on whole device pixels: 1.44 pt is 3 pixels at
# 150 dpi and 6 at 300 (and whole dots at 600), so the modules print evenly and a page rendered or
# scanned at those resolutions decodes. At 33 pt with free placement, 4 % of rows did not decode.
QR_GRID = 72 / 150
CALL_QR = 21 * 3 * QR_GRID  # 30.24 pt, 10.7 mm
_FIXED = (("姓名 / 日期", 98.0), ("电话", 84.0), ("紧急联系人", 96.0), ("结果（勾选）", 116.0))
_CODE_W = 84.0
COLUMNS: tuple[tuple[str, float], ...] = (
    *_FIXED,
    ("备注", CONTENT_W - sum(w for _, w in _FIXED) - _CODE_W),
    ("探访编号", _CODE_W),
)
WEEKDAYS = "一二三四五六日"
HALF = ("上午", "下午")
GREY = (0.88, 0.88, 0.88)


def _on_grid(v: float) -> float:
    """The nearest multiple of one 150-dpi pixel, measured from the page's top-left corner."""
    return round(v / QR_GRID) * QR_GRID


def _lines(
    c: Canvas,
    font: str,
    x: float,
    row_top: float,
    width: float,
    lines: list[str],
    size: float,
    smallest: float = 10.5,
) -> None:
    """One or two lines of text fitted into a cell (shrunk down to ``smallest``, then cut with …)."""
    ys = (row_top - 17, row_top - 33) if len(lines) > 1 else (row_top - 25,)
    for text, y in zip(lines, ys, strict=False):
        s = fit_size(text, font, size, width, smallest)
        text = wrap(text, font, s, width, 1)[0] if text else ""
        c.setFont(font, s)
        c.drawString(x, y, text)


class CallTable:
    """Draws the parts of one section's call table on the pages the plan gave them."""

    def __init__(self, c: Canvas, font: str) -> None:
        self.c = c
        self.font = font

    def draw(self, part: CallPart, total: int) -> None:
        c, f = self.c, self.font
        c.setFillColorRGB(*BLACK)
        caption = f"电话问候（共 {total} 次）" + ("（续）" if part.continued else "")
        draw_bold(c, MARGIN, part.top - 17, caption, f, 15)
        if not part.continued:
            c.setFont(f, 11)
            c.drawRightString(
                MARGIN + CONTENT_W,
                part.top - 17,
                "逐一打电话；没人接的，请打紧急联系人，仍联系不上的报告社区",
            )
        y = part.top - CALL_CAPTION_H
        self._headings(y)
        y -= CALL_HEAD_H
        for v in part.rows:
            self._row(y, v)
            y -= CALL_ROW_H

    def _headings(self, top: float) -> None:
        c, f = self.c, self.font
        c.setFillColorRGB(*GREY)
        c.setStrokeColorRGB(*BLACK)
        c.setLineWidth(0.8)
        c.rect(MARGIN, top - CALL_HEAD_H, CONTENT_W, CALL_HEAD_H, stroke=1, fill=1)
        c.setFillColorRGB(*BLACK)
        x = MARGIN
        for title, width in COLUMNS:
            c.setFont(f, fit_size(title, f, 11.5, width - 4, 9))
            c.drawCentredString(x + width / 2, top - 15, title)
            x += width

    def _row(self, top: float, v: SheetVisit) -> None:
        c, f = self.c, self.font
        c.setStrokeColorRGB(*BLACK)
        c.setLineWidth(0.8)
        c.rect(MARGIN, top - CALL_ROW_H, CONTENT_W, CALL_ROW_H, stroke=1, fill=0)
        x = MARGIN
        for _, width in COLUMNS[:-1]:
            x += width
            c.line(x, top, x, top - CALL_ROW_H)
        c.setFillColorRGB(*BLACK)
        cols = iter(COLUMNS)
        x = MARGIN

        def cell() -> tuple[float, float]:
            nonlocal x
            start, width = x, next(cols)[1]
            x += width
            return start + 4, width - 8

        cx, cw = cell()  # name and level as a shape and a word, then the day
        word = level_word(v.level)
        room = cw - 5 - 12 - c.stringWidth(word, f, 12)  # the level shape is about 12 pt wide
        s = fit_size(v.name, f, 14, room, 11)
        name = wrap(v.name, f, s, room, 1)[0]
        draw_bold(c, cx, top - 17, name, f, s)
        after = level_shape(c, v.level, cx + c.stringWidth(name, f, s) + 5, top - 17, 12)
        c.setFont(f, 12)
        c.drawString(after, top - 17, word)
        if v.day is not None:
            half = HALF[v.half_day] if v.half_day in (0, 1) else ""
            when = f"{v.day.month}月{v.day.day}日 周{WEEKDAYS[v.day.weekday()]}{half}"
            s = fit_size(when, f, 11.5, cw, 10)
            c.setFont(f, s)
            c.drawString(cx, top - 33, when)
        cx, cw = cell()  # the person's phones
        _lines(c, f, cx, top, cw, list(v.phones[:2]) or ["（无电话）"], 12, smallest=10.5)
        cx, cw = cell()  # who to ring when nobody answers: the first contact (the block lists all)
        if v.contacts:
            ct = v.contacts[0]
            texts = [f"{ct.name}（{ct.relation}）" if ct.relation else ct.name, ct.phone]
        else:
            texts = ["无"]
        _lines(c, f, cx, top, cw, texts, 12, smallest=10.5)
        cx, cw = cell()  # outcome boxes, two by two
        for i, word in enumerate(CALL_OUTCOMES):
            bx = cx + (i % 2) * 62
            by = top - 17 - (i // 2) * 16
            after = tick_box(c, bx, by, 12)
            c.setFont(f, 11)
            c.drawString(after, by, word)
        cx, cw = cell()  # notes: left blank, except whose call it is on a micro-grid's sheets
        if v.volunteer:
            c.setFont(f, 9)
            c.drawString(cx, top - 11, wrap(v.volunteer, f, 9, cw, 1)[0])
        cx, cw = cell()  # the code, large, and a QR code to scan it
        if v.code:
            qx = _on_grid(cx + cw - CALL_QR)
            qy = PAGE_H - _on_grid(PAGE_H - (top - (CALL_ROW_H - CALL_QR) / 2))
            draw_qr(c, v.code, qx, qy - CALL_QR, CALL_QR)
            draw_bold(c, cx - 1, top - 25, v.code, f, fit_size(v.code, f, 12.5, qx - cx - 3, 10))
