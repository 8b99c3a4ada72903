"""A4 visit sheets: the paper a volunteer carries to each door and brings back to the office.

The page is a fixed form: a header naming the volunteer and the period, then two blocks of the same
height, one per visit. Because every block has the same size, the page count of each section is known
before drawing (so "第 x 页 / 共 y 页" needs no second pass and 100,000 people need no page buffer)
and a block can never be split by a page break.

Type is large (13-22 pt) because many volunteers are retired themselves; the care level is printed as
a shape and a word so it survives a black-and-white copier; the short visit code is printed large and
as a QR code so the office can type or scan it to open the right visit.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import BinaryIO

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

from silverage.domain.enums import Gender, Outcome, VisitKind
from silverage.domain.progress import Job, Progress
from silverage.reports.data import DocMeta, RenderStats, SheetDocument, SheetSection, SheetVisit
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import (
    BLACK,
    DEMO_MARK,
    draw_bold,
    draw_demo_mark,
    draw_footer,
    fit_size,
    level_shape,
    level_word,
    page_size,
    tick_box,
    wrap,
)

BLOCKS_PER_PAGE = 2
MARGIN = 32.0
HEADER_H = 74.0
FOOTER_H = 20.0
GAP = 10.0
PAD = 10.0
QR_SIZE = 82.0
QR_COLUMN = 108.0
QR_MASK = 2
WEEKDAYS = "一二三四五六日"
HALF = ("上午", "下午")
CHECK_AREAS = ("健康", "精神状态", "卫生", "需求", "居家安全（燃气/水/电）")


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR modules for a visit code: version 1, medium error correction, no quiet zone.

    The mask pattern is fixed: any of the eight is a valid QR code, and scoring all eight (the library's
    default) made the QR code most of the cost of a sheet.
    """
    qr = qrcode.QRCode(version=1, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    qr.add_data(code)
    qr.make(fit=False)
    return qr.get_matrix()


def draw_qr(c: Canvas, code: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as filled runs of modules: small, sharp at any zoom, and fast.

    The runs are written in module units under a scaling transform, as whole numbers, so each
    module costs a few characters of PDF rather than four formatted floats.
    """
    matrix = qr_matrix(code)
    n = len(matrix)
    ops = []
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            ops.append(f"{start} {n - r - 1} {col - start} 1 re")
    c.saveState()
    c.setFillColorRGB(*BLACK)
    c.translate(x, y)
    c.scale(size / n, size / n)
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()


def day_text(day: date | None, half_day: int | None) -> str:
    if day is None:
        return ""
    text = f"{day.month}月{day.day}日（周{WEEKDAYS[day.weekday()]}）"
    if half_day in (0, 1):
        text += HALF[half_day]
    return text


class _Sheet:
    """Draws pages on one canvas; holds the font and the geometry."""

    def __init__(self, c: Canvas, font: str, meta: DocMeta) -> None:
        self.c = c
        self.font = font
        self.meta = meta
        self.width, self.height = page_size()
        self.content_w = self.width - 2 * MARGIN
        top = self.height - MARGIN - HEADER_H
        bottom = MARGIN + FOOTER_H
        self.block_h = (top - bottom - GAP * (BLOCKS_PER_PAGE - 1)) / BLOCKS_PER_PAGE
        self.block_tops = [top - i * (self.block_h + GAP) for i in range(BLOCKS_PER_PAGE)]

    # ------------------------------------------------------------ page frame

    def header(self, section: SheetSection, period: tuple[date, date] | None, page: int, pages: int,
               count: int) -> None:
        c, f, x = self.c, self.font, MARGIN
        y = self.height - MARGIN - 12
        c.setFillColorRGB(*BLACK)
        c.setFont(f, 12)
        place = "  ".join(p for p in (self.meta.subdistrict, section.community) if p)
        c.drawString(x, y, place)
        draw_bold(c, self.width - MARGIN, y, f"第 {page} 页 / 共 {pages} 页", f, 14, right=True)
        y -= 28
        draw_bold(c, x, y, "探访单", f, 22)
        who = section.title + (f"   电话 {section.phone}" if section.phone else "")
        c.setFont(f, fit_size(who, f, 16, self.content_w - 90 - 150, 11))
        c.drawString(x + 82, y, who)
        if self.meta.synthetic:
            c.setLineWidth(1.2)
            c.rect(self.width - MARGIN - 78, y - 6, 78, 26, stroke=1, fill=0)
            draw_bold(c, self.width - MARGIN - 39, y + 1, DEMO_MARK, f, 15, centre=True)
        y -= 24
        c.setFont(f, 13)
        if period is not None:
            start, end = period
            c.drawString(x, y, f"探访时间：{start.year}年{day_text(start, None)} 至 {day_text(end, None)}")
        if count:
            c.drawRightString(self.width - MARGIN, y, f"本组共 {count} 次探访")
        c.setLineWidth(1.5)
        c.line(MARGIN, y - 9, self.width - MARGIN, y - 9)

    def footer(self) -> None:
        draw_footer(self.c, self.meta, self.font, MARGIN)

    # ------------------------------------------------------------ one block

    def block(self, top: float, v: SheetVisit | None) -> None:
        """One visit (or, with ``v`` None, a blank form to fill in by hand)."""
        c, f = self.c, self.font
        x0, w, h = MARGIN, self.content_w, self.block_h
        c.setStrokeColorRGB(*BLACK)
        c.setLineWidth(1.6)
        c.roundRect(x0, top - h, w, h, 6, stroke=1, fill=0)
        left = x0 + PAD
        info_w = w - 2 * PAD - QR_COLUMN
        y = top - PAD - 20

        # Date, name, gender and age, level.
        c.setFillColorRGB(*BLACK)
        if v is None:
            c.setFont(f, 14)
            c.drawString(left, y, "日期：____月____日   姓名：______________   等级：")
            lx = left + c.stringWidth("日期：____月____日   姓名：______________   等级：", f, 14)
            for level in ("red", "yellow", "green"):
                lx = level_shape(c, level, lx, y, 14)
                c.setFont(f, 14)
                c.drawString(lx, y, level_word(level))
                lx += c.stringWidth(level_word(level), f, 14) + 10
        else:
            when = day_text(v.day, v.half_day)
            if v.kind == VisitKind.PHONE.value:
                when += " 电话"
            draw_bold(c, left, y, when, f, 15)
            nx = left + max(170.0, c.stringWidth(when, f, 15) + 14)
            name_size = fit_size(v.name, f, 22, 110, 14)
            draw_bold(c, nx, y, v.name, f, name_size)
            nx += c.stringWidth(v.name, f, name_size) + 10
            who = " ".join(p for p in (Gender(v.gender).zh if v.gender else "",
                                       f"{v.age}岁" if v.age is not None else "") if p)
            c.setFont(f, 14)
            c.drawString(nx, y, who)
            nx += c.stringWidth(who, f, 14) + 12
            word = level_word(v.level)
            lw = c.stringWidth(word, f, 16) + 16 + 16
            c.setLineWidth(1.2)
            c.rect(nx, y - 6, lw, 24, stroke=1, fill=0)
            after = level_shape(c, v.level, nx + 6, y, 16)
            draw_bold(c, after, y, word, f, 16)

        # Identity and how to reach the person and the family.
        lines: list[tuple[str, str]]
        if v is None:
            lines = [
                ("性别年龄", "男 / 女     ______岁"),
                ("地址", "________________________________________"),
                ("电话", "____________________"),
                ("紧急联系人", "__________（关系____）电话______________"),
            ]
        else:
            contacts = "；".join(
                f"{ct.name}（{ct.relation}）{ct.phone}" if ct.relation else f"{ct.name} {ct.phone}"
                for ct in v.contacts
            ) or "无"
            lines = [
                ("身份证", v.id_masked + (f"    志愿者：{v.volunteer}" if v.volunteer else "")),
                ("地址", v.address or "（未登记）"),
                ("电话", "  /  ".join(v.phones) or "（无电话）"),
                ("紧急联系人", contacts),
            ]
        y -= 28
        for label, text in lines:
            head = f"{label}："
            c.setFont(f, 13)
            c.drawString(left, y, head)
            hx = left + c.stringWidth(head, f, 13)
            size = fit_size(text, f, 14 if label != "身份证" else 12.5, info_w - (hx - left), 10)
            c.setFont(f, size)
            c.drawString(hx, y, text)
            y -= 21

        # The code and its QR at the right, top.
        qx = x0 + w - PAD - QR_SIZE
        qy = top - PAD - QR_SIZE
        if v is not None and v.code:
            draw_qr(c, v.code, qx, qy, QR_SIZE)
            draw_bold(c, qx + QR_SIZE / 2, qy - 19, v.code, f, 19, centre=True)
            c.setFont(f, 9)
            c.drawCentredString(qx + QR_SIZE / 2, qy - 31, "探访编号")
        else:
            c.setLineWidth(0.8)
            c.setDash(3, 3)
            c.rect(qx, qy, QR_SIZE, QR_SIZE, stroke=1, fill=0)
            c.setDash()
            c.setFont(f, 11)
            c.drawCentredString(qx + QR_SIZE / 2, qy + QR_SIZE / 2 + 4, "无探访编号")
            c.drawCentredString(qx + QR_SIZE / 2, qy + QR_SIZE / 2 - 12, "回社区登记")

        # Doorstep notes: what matters before knocking.
        y -= 2
        full_w = w - 2 * PAD
        if v is None:
            note = "注意事项：________________________________________________"
            c.setFont(f, 13)
            c.drawString(left, y, note)
            y -= 20
        elif v.notes:
            text = "★ 注意：" + "；".join(v.notes)
            for line in wrap(text, f, 14, full_w, 2):
                draw_bold(c, left, y, line, f, 14)
                y -= 19
        else:
            c.setFont(f, 13)
            c.drawString(left, y, "注意：无特别事项")
            y -= 19
        c.setLineWidth(0.7)
        c.line(left, y + 8, x0 + w - PAD, y + 8)
        y -= 10

        # Outcome: tick one.
        label_w = 76.0
        col_w = (full_w - label_w) / 3
        draw_bold(c, left, y, "探访结果", f, 13)
        for i, outcome in enumerate(Outcome):
            cx = left + label_w + (i % 3) * col_w
            cy = y - (i // 3) * 21
            bx = tick_box(c, cx, cy, 13)
            c.setFont(f, 13)
            c.drawString(bx, cy, outcome.zh)
        y -= 46

        # The five check areas: normal or a problem.
        draw_bold(c, left, y, "检查情况", f, 13)
        half_w = (full_w - label_w) / 2
        for i, area in enumerate(CHECK_AREAS):
            cx = left + label_w + (i % 2) * half_w
            cy = y - (i // 2) * 21
            c.setFont(f, 13)
            c.drawString(cx, cy, area)
            ax = cx + (c.stringWidth(area, f, 13) + 10 if i == 4 else 64)
            ax = tick_box(c, ax, cy, 13)
            c.setFont(f, 13)
            c.drawString(ax, cy, "正常")
            ax = tick_box(c, ax + c.stringWidth("正常", f, 13) + 12, cy, 13)
            c.setFont(f, 13)
            c.drawString(ax, cy, "有问题")
        y -= 66

        # Notes, date and signature.
        c.setFont(f, 13)
        c.drawString(left, y, "情况记录：")
        c.setLineWidth(0.6)
        c.line(left + 68, y - 3, x0 + w - PAD, y - 3)
        sign_y = top - h + PAD + 2
        if y - 24 > sign_y + 18:  # a second line unless long doorstep notes took its room
            c.line(left, y - 27, x0 + w - PAD, y - 27)
        y = sign_y
        c.drawString(left, y, "探访日期：______月______日")
        c.drawString(left + full_w / 2 - 20, y, "探访人签名：____________________")


def sheet_pages(visits: int) -> int:
    return max(1, math.ceil(visits / BLOCKS_PER_PAGE))


def write_visit_sheets(out: str | Path | BinaryIO, doc: SheetDocument, font: str | None = None
                       ) -> Job[RenderStats]:
    """Write the sheets, yielding Progress after each page; returns pages, people and visits."""
    font = font or register_fonts()
    c = Canvas(out if not isinstance(out, Path) else str(out), pagesize=page_size(), pageCompression=1,
               initialFontName=font)
    c.setTitle("探访单 Visit sheets")
    c.setCreator("silverage")
    sheet = _Sheet(c, font, doc.meta)
    total_pages = sum(sheet_pages(len(s.visits)) for s in doc.sections if s.visits)
    done = 0
    people: set[tuple[str, str, str]] = set()
    for section in doc.sections:
        if not section.visits:
            continue
        pages = sheet_pages(len(section.visits))
        for page in range(pages):
            if doc.meta.synthetic:
                draw_demo_mark(c, font)
            sheet.header(section, doc.period, page + 1, pages, len(section.visits))
            chunk = section.visits[page * BLOCKS_PER_PAGE:(page + 1) * BLOCKS_PER_PAGE]
            for top, visit in zip(sheet.block_tops, chunk, strict=False):
                sheet.block(top, visit)
                people.add((visit.name, visit.id_masked, visit.address))
            sheet.footer()
            c.showPage()
            done += 1
            yield Progress(done, total_pages, f"第 {done} / {total_pages} 页")
    c.save()
    return RenderStats(pages=done, people=len(people), entries=doc.visit_count)
