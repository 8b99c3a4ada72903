"""A4 visit sheets: the paper a volunteer carries to each door and brings back to the office.

The page is a fixed form: a header naming the volunteer and the period, on the first page the
volunteer's week (``sheet_week``: a line of seven day cells with the visits of each half-day), then
three blocks of the same height, one per home visit, and after them the phone check-ins as rows of
one call table (``sheet_calls``). Because blocks and rows have fixed sizes, the page count of each
section is known before drawing (``sheet_layout``), so "第 x 页 / 共 y 页" needs no second pass,
100,000 people need no page buffer, and a block or a row can never be split by a page break.

Type is large (names 18-22 pt, text 12-13.5 pt) because many volunteers are retired themselves; the
care level is printed as a shape and a word so it survives a black-and-white copier; the short visit
code is printed large and as a QR code so the office can type or scan it to open the right visit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth
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
from silverage.reports.qr import draw_qr, qr_matrix
from silverage.reports.sheet_calls import CallTable
from silverage.reports.sheet_layout import (
    ADDRESS_LINE_H,
    BLOCK_TOPS,
    CONTENT_TOP,
    CONTENT_W,
    MARGIN,
    MAX_EXTRA_LINES,
    TOP_MARGIN,
    PagePlan,
    block_height,
    is_call,
    plan_section,
)
from silverage.reports.sheet_week import draw_week, week_mondays
from silverage.reports.stream_canvas import StreamCanvas

__all__ = ["day_text", "qr_matrix", "write_visit_sheets"]

PAD = 9.0
QR_SIZE = 68.0
QR_COLUMN = 92.0
WEEKDAYS = "一二三四五六日"
HALF = ("上午", "下午")
CHECK_AREAS = ("健康", "精神状态", "卫生", "需求", "居家安全（燃气/水/电）")
TICK_COLUMNS = (0.0, 146.0, 314.0)  # wide enough for 精神状态 □正常 □有问题 plus a gap
INFO_W = CONTENT_W - 2 * PAD - QR_COLUMN  # the text column of a block, left of the visit code
LABEL_SIZE = 12.5
ADDRESS_SIZE = 13.5  # an address that fits on its line (shrunk down to 11 pt first)
WRAPPED_SIZE = 12.0  # an address wrapped over several lines


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
        self.content_w = CONTENT_W
        self.block_tops = list(BLOCK_TOPS)
        self.calls = CallTable(c, font)

    # ------------------------------------------------------------ page frame

    def header(
        self, section: SheetSection, period: tuple[date, date] | None, page: int, pages: int, count: str
    ) -> None:
        """Two lines: what and whose, then where and when; the page number is the largest print."""
        c, f, x = self.c, self.font, MARGIN
        right = self.width - MARGIN
        y = self.height - TOP_MARGIN - 17
        c.setFillColorRGB(*BLACK)
        page_label = f"第 {page} 页 / 共 {pages} 页"
        draw_bold(c, right, y, page_label, f, 14, right=True)
        room = right - c.stringWidth(page_label, f, 14) - 12
        if self.meta.synthetic:
            c.setLineWidth(1.2)
            c.rect(room - 76, y - 6, 76, 24, stroke=1, fill=0)
            draw_bold(c, room - 38, y, DEMO_MARK, f, 14, centre=True)
            room -= 88
        draw_bold(c, x, y, "探访单", f, 22)
        who = section.title + (f"   电话 {section.phone}" if section.phone else "")
        size = fit_size(who, f, 16, room - x - 80, 11)
        c.setFont(f, size)
        c.drawString(x + 78, y, wrap(who, f, size, room - x - 80, 1)[0])
        y -= 22
        c.setFont(f, 11.5)
        if count:
            c.drawRightString(right, y, count)
        place = "  ".join(p for p in (self.meta.subdistrict, section.community) if p)
        if period is not None:
            start, end = period
            place += f"    {start.year}年{day_text(start, None)} 至 {day_text(end, None)}"
        room = right - x - (c.stringWidth(count, f, 11.5) + 14 if count else 0)
        size = fit_size(place, f, 11.5, room, 9)
        c.setFont(f, size)
        c.drawString(x, y, wrap(place, f, size, room, 1)[0])
        c.setLineWidth(1.5)
        c.line(MARGIN, y - 7, right, y - 7)

    def footer(self) -> None:
        draw_footer(self.c, self.meta, self.font, MARGIN)

    # ------------------------------------------------------------ one block

    def block(self, top: float, v: SheetVisit | None, extra_lines: int = 0) -> None:
        """One home visit (or, with ``v`` None, a blank form to fill in by hand).

        Who and where from the top down; the boxes to tick, the notes line and the signature are
        anchored to the bottom, so long doorstep notes never push them out of the block. A long
        address takes ``extra_lines`` more lines (``address_lines``), the block as much longer.
        """
        c, f = self.c, self.font
        shift = extra_lines * ADDRESS_LINE_H
        x0, w, h = MARGIN, self.content_w, block_height(extra_lines)
        bottom = top - h
        c.setStrokeColorRGB(*BLACK)
        c.setLineWidth(1.6)
        c.roundRect(x0, bottom, w, h, 6, stroke=1, fill=0)
        left = x0 + PAD
        right = x0 + w - PAD
        full_w = w - 2 * PAD
        info_w = full_w - QR_COLUMN
        c.setFillColorRGB(*BLACK)
        y = top - 27
        if v is None:
            self._blank_identity(left, y)
        else:
            self._identity(v, left, y, info_w, extra_lines)
        self._code(v, right, top)

        # Doorstep notes: what matters before knocking.
        y = top - 95 - shift
        if v is None:
            c.setFont(f, 12.5)
            c.drawString(left, y, "注意事项：__________________________________________")
        elif v.notes:
            for line in wrap("★ 注意：" + "；".join(v.notes), f, 13, info_w, 2):
                draw_bold(c, left, y, line, f, 13)
                y -= 14
        else:
            c.setFont(f, 12.5)
            c.drawString(left, y, "注意：无特别事项")
        c.setLineWidth(0.6)
        c.line(left, bottom + 116, right, bottom + 116)

        # Outcome (tick one), then the five check areas (normal or a problem), in the same columns.
        label_w = 62.0
        y = bottom + 102
        draw_bold(c, left, y, "探访结果", f, 12.5)
        for i, outcome in enumerate(Outcome):
            cx = left + label_w + TICK_COLUMNS[i % 3]
            cy = y - (i // 3) * 17
            bx = tick_box(c, cx, cy, 13)
            c.setFont(f, 12)
            c.drawString(bx, cy, outcome.zh)
        y = bottom + 66
        draw_bold(c, left, y, "检查情况", f, 12.5)
        for i, area in enumerate(CHECK_AREAS):
            cx = left + label_w + TICK_COLUMNS[i % 3]
            cy = y - (i // 3) * 17
            c.setFont(f, 12)
            c.drawString(cx, cy, area)
            ax = tick_box(c, cx + c.stringWidth(area, f, 12) + 6, cy, 13)
            c.setFont(f, 12)
            c.drawString(ax, cy, "正常")
            ax = tick_box(c, ax + c.stringWidth("正常", f, 12) + 8, cy, 13)
            c.setFont(f, 12)
            c.drawString(ax, cy, "有问题")

        # Services given (a box per need), notes, date and signature.
        y = bottom + 29.5
        x = self._services(v, left, y) if v is not None and v.services else left
        c.setFont(f, 12.5)
        c.drawString(x, y, "情况记录：")
        c.setLineWidth(0.6)
        c.line(x + 64, y - 3, right, y - 3)
        y = bottom + 10
        c.drawString(left, y, "探访日期：_____月_____日")
        # the time spent: what the volunteer's certificate of hours adds up
        c.drawString(left + 168, y, "服务时长：______分钟")
        c.drawString(
            left + full_w - c.stringWidth("探访人签名：________________", f, 12.5),
            y,
            "探访人签名：________________",
        )

    def _services(self, v: SheetVisit, left: float, y: float) -> float:
        """本次服务: a tick box for each service the person needs; returns the x after them."""
        c, f = self.c, self.font
        draw_bold(c, left, y, "本次服务", f, 12.5)
        x = left + 62.0
        first = [k for k in v.services if k in v.planned] + [k for k in v.services if k not in v.planned]
        for kind in first[:4]:  # more than four needs: the rest are written in the record
            x = tick_box(c, x, y, 13)
            text = f"★{kind}" if kind in v.planned else kind  # ★: the plan put it on this trip
            if kind in v.planned:
                draw_bold(c, x, y, text, f, 12)
            else:
                c.setFont(f, 12)
                c.drawString(x, y, text)
            x += c.stringWidth(text, f, 12) + 10
        return x + 4

    def _identity(self, v: SheetVisit, left: float, y: float, info_w: float, extra_lines: int) -> None:
        """Date, name, level; then phone and masked ID, address, emergency contacts."""
        c, f = self.c, self.font
        when = day_text(v.day, v.half_day)
        if v.kind == VisitKind.SERVICE.value:  # a trip only for the services ticked below
            when += " " + VisitKind.SERVICE.zh
        draw_bold(c, left, y, when, f, 13.5)
        nx = left + max(150.0, c.stringWidth(when, f, 13.5) + 12)
        name_size = fit_size(v.name, f, 22, 112, 18)
        name = wrap(v.name, f, name_size, 112, 1)[0]
        draw_bold(c, nx, y, name, f, name_size)
        nx += c.stringWidth(name, f, name_size) + 10
        who = " ".join(
            p
            for p in (Gender(v.gender).zh if v.gender else "", f"{v.age}岁" if v.age is not None else "")
            if p
        )
        c.setFont(f, 13)
        c.drawString(nx, y, who)
        nx += c.stringWidth(who, f, 13) + 12
        word = level_word(v.level)
        lw = c.stringWidth(word, f, 15) + 15 + 14
        c.setLineWidth(1.2)
        c.rect(nx, y - 6, lw, 23, stroke=1, fill=0)
        after = level_shape(c, v.level, nx + 5, y, 15)
        draw_bold(c, after, y, word, f, 15)

        contacts = (
            "；".join(
                f"{ct.name}（{ct.relation}）{ct.phone}" if ct.relation else f"{ct.name} {ct.phone}"
                for ct in v.contacts
            )
            or "无"
        )
        ident = f"身份证：{v.id_masked}"
        phones = "  /  ".join(v.phones) or "（无电话）"
        c.setFont(f, 11.5)
        id_w = c.stringWidth(ident, f, 11.5)
        y -= 19
        self._labelled(left, y, "电话", phones, info_w - id_w - 14, 13.5)
        c.setFont(f, 11.5)
        c.drawString(left + info_w - id_w, y, ident)
        y -= 17
        lines = address_lines(v.address or "（未登记）", f, info_w, extra_lines + 1)
        if len(lines) == 1:
            self._labelled(left, y, "地址", lines[0], info_w, ADDRESS_SIZE)
        else:
            c.setFont(f, LABEL_SIZE)
            c.drawString(left, y, "地址：")
            c.setFont(f, WRAPPED_SIZE)
            indent = left + c.stringWidth("地址：", f, LABEL_SIZE)
            for line in lines:
                c.drawString(indent, y, line)
                y -= ADDRESS_LINE_H
            y += ADDRESS_LINE_H
        y -= 17
        self._labelled(left, y, "紧急联系人", contacts, info_w, 13)

    def _labelled(self, x: float, y: float, label: str, text: str, width: float, size: float) -> None:
        c, f = self.c, self.font
        head = f"{label}："
        c.setFont(f, LABEL_SIZE)
        c.drawString(x, y, head)
        room = width - c.stringWidth(head, f, LABEL_SIZE)
        s = fit_size(text, f, size, room, 11)
        c.setFont(f, s)
        c.drawString(x + c.stringWidth(head, f, 12.5), y, wrap(text, f, s, room, 1)[0])

    def _blank_identity(self, left: float, y: float) -> None:
        c, f = self.c, self.font
        first = "日期：____月____日   姓名：______________   等级："
        c.setFont(f, 13.5)
        c.drawString(left, y, first)
        lx = left + c.stringWidth(first, f, 13.5)
        for level in ("red", "yellow", "green"):
            lx = level_shape(c, level, lx, y, 13.5)
            c.setFont(f, 13.5)
            c.drawString(lx, y, level_word(level))
            lx += c.stringWidth(level_word(level), f, 13.5) + 10
        c.setFont(f, 12.5)
        for text in (
            "性别：男 / 女    年龄：______岁    电话：____________________",
            "地址：____________________________________________",
            "紧急联系人：__________（关系______）电话________________",
        ):
            y -= 17 if not text.startswith("性别") else 19
            c.drawString(left, y, text)

    def _code(self, v: SheetVisit | None, right: float, top: float) -> None:
        """The visit code and its QR code at the top right (or a dashed box for an unplanned visit)."""
        c, f = self.c, self.font
        qx, qy = right - QR_SIZE - (QR_COLUMN - QR_SIZE) / 2 + 6, top - PAD - QR_SIZE
        mid = qx + QR_SIZE / 2
        if v is not None and v.code:
            draw_qr(c, v.code, qx, qy, QR_SIZE)
            draw_bold(c, mid, qy - 16, v.code, f, 17, centre=True)
            under = f"志愿者：{v.volunteer}" if v.volunteer else "探访编号"
            size = fit_size(under, f, 9.5, QR_COLUMN - 4, 8)
            c.setFont(f, size)
            c.drawCentredString(mid, qy - 27, wrap(under, f, size, QR_COLUMN - 4, 1)[0])
            return
        c.setLineWidth(0.8)
        c.setDash(3, 3)
        c.rect(qx, qy, QR_SIZE, QR_SIZE, stroke=1, fill=0)
        c.setDash()
        c.setFont(f, 11)
        c.drawCentredString(mid, qy + QR_SIZE / 2 + 4, "无探访编号")
        c.drawCentredString(mid, qy + QR_SIZE / 2 - 12, "回社区登记")
        if v is not None and v.volunteer:
            c.setFont(f, 9.5)
            c.drawCentredString(mid, qy - 14, f"志愿者：{v.volunteer}")

    # ------------------------------------------------------------ one page

    def page(
        self,
        plan: PagePlan,
        section: SheetSection,
        period: tuple[date, date] | None,
        page: int,
        pages: int,
        calls: int,
        days_off: frozenset[date] = frozenset(),
    ) -> None:
        if self.meta.synthetic:
            draw_demo_mark(self.c, self.font)
        self.header(section, period, page, pages, _count_text(section, calls))
        if plan.weeks:
            mondays = week_mondays(period, section.visits)
            draw_week(
                self.c,
                self.font,
                CONTENT_TOP,
                mondays,
                section.visits,
                period,
                days_off,
                section.availability,
            )
        for i, (top, visit) in enumerate(plan.blocks):
            self.block(top, visit, plan.extra_lines(i))
        if plan.calls is not None:
            self.calls.draw(plan.calls, calls)
        self.footer()
        self.c.showPage()


def _count_text(section: SheetSection, calls: int) -> str:
    services = sum(1 for v in section.visits if v.kind == VisitKind.SERVICE.value)
    homes = len(section.visits) - calls - services
    shown = [(n, word) for n, word in ((homes, "上门"), (services, "上门服务"), (calls, "电话")) if n]
    if len(shown) == 1:
        n, word = shown[0]
        return f"本组共 {n} 次" + {"上门": "上门探访", "上门服务": "上门服务", "电话": "电话问候"}[word]
    return f"本组共 {len(section.visits)} 次：" + "，".join(f"{word} {n}" for n, word in shown)


def address_lines(
    address: str, font: str, info_w: float = INFO_W, max_lines: int = MAX_EXTRA_LINES + 1
) -> list[str]:
    """The address as printed: one line (shrunk to 11 pt at the least) or, when it is longer than
    that, every character of it wrapped at ``WRAPPED_SIZE`` (``max_lines`` at the most, the last
    ending in … if even a page of lines cannot hold it)."""
    room = info_w - stringWidth("地址：", font, LABEL_SIZE)
    if stringWidth(address, font, 11) <= room or max_lines <= 1:
        return [address]
    return wrap(address, font, WRAPPED_SIZE, room, max_lines)


def _extra_lines(font: str) -> Callable[[SheetVisit], int]:
    return lambda v: len(address_lines(v.address or "", font)) - 1


def _plans(doc: SheetDocument, font: str) -> Iterator[tuple[SheetSection, list[PagePlan]]]:
    for section in doc.sections:
        if section.visits:
            weeks = len(week_mondays(doc.period, section.visits))
            yield section, plan_section(section.visits, weeks, _extra_lines(font))


def sheet_pages(
    visits: tuple[SheetVisit, ...], period: tuple[date, date] | None = None, font: str | None = None
) -> int:
    """Pages one section takes: its week lines, its home-visit blocks, then its call table."""
    font = font or register_fonts()
    return len(plan_section(visits, len(week_mondays(period, visits)), _extra_lines(font)))


def write_visit_sheets(
    out: str | Path | BinaryIO, doc: SheetDocument, font: str | None = None
) -> Job[RenderStats]:
    """Write the sheets, yielding Progress after each page; returns pages, people and visits.

    Each page goes to ``out`` as it ends (``StreamCanvas``), so 100,000 visits print in the memory of
    a few pages; a failure or a cancel midway leaves no file behind when ``out`` is a path."""
    font = font or register_fonts()
    c = StreamCanvas(out, pagesize=page_size(), pageCompression=1, initialFontName=font)
    try:
        c.setTitle("探访单 Visit sheets")
        c.setCreator("silverage")
        sheet = _Sheet(c, font, doc.meta)
        total_pages = sum(len(plans) for _, plans in _plans(doc, font))
        done = 0
        people: set[tuple[str, str, str]] = set()
        for section, plans in _plans(doc, font):
            calls = sum(1 for v in section.visits if is_call(v))
            for n, plan in enumerate(plans, 1):
                sheet.page(plan, section, doc.period, n, len(plans), calls, doc.days_off)
                done += 1
                yield Progress(done, total_pages, f"第 {done} / {total_pages} 页")
            people.update((v.name, v.id_masked, v.address) for v in section.visits)
        c.save()
    except BaseException:  # an error, or GeneratorExit when the print is cancelled
        c.abandon()
        raise
    return RenderStats(pages=done, people=len(people), entries=doc.visit_count)
