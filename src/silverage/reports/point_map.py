"""The 三色点位图 on paper: one landscape page per grid (or a community's overview), for the wall.

Each building is its level's shape (● red, ▲ yellow, ○ green, □ not assessed: the visit sheets'
own shapes, so the page reads on a black-and-white copy), a number beside it when more than one
person lives there, and a ring round it when someone there is overdue. No names are printed: a
wall chart is seen by visitors; the building, the colour and the count are what a worker needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from silverage.domain.enums import Level
from silverage.domain.map_layout import CELL_W, LABEL, SYMBOL, RegionBox
from silverage.reports.data import DocMeta, RenderStats
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
    wrap,
)

SIZES = {"A4": landscape(A4), "A3": landscape(A3)}
MARGIN = 28.0
LEVEL_ORDER = ("red", "yellow", "green", None)
REGION_GREYS = {0: (0.3, 0.3, 0.3), 1: (0.45, 0.45, 0.45)}


@dataclass(frozen=True)
class MapSymbol:
    """One building on the page, already masked (no names)."""

    x: float  # centre in layout units, y downwards
    y: float
    level: str | None
    count: int
    overdue: bool
    label: str


@dataclass(frozen=True)
class MapPage:
    title: str  # 月河社区 · 月河1网格
    as_of: str  # 2026-11-26
    width: float  # layout size
    height: float
    regions: tuple[RegionBox, ...]
    symbols: tuple[MapSymbol, ...]
    points: dict[str | None, int]  # buildings per level (None: not assessed)
    people: dict[str | None, int]  # people per level
    overdue: int  # buildings with someone overdue


@dataclass(frozen=True)
class PointMapDocument:
    meta: DocMeta
    size: str  # "A4" or "A3"
    pages: tuple[MapPage, ...]
    people: int  # different people on the pages (an overview page repeats its grids' people)


def _colour(c: Canvas, level: str | None) -> None:
    rgb = HexColor(Level(level).rgb) if level else HexColor("#777777")
    c.setFillColor(rgb)
    c.setStrokeColor(rgb if level != "yellow" else HexColor("#8A6A00"))  # yellow needs a darker edge


def _symbol(c: Canvas, level: str | None, cx: float, cy: float, size: float) -> None:
    """``page_parts.level_shape`` centred on (cx, cy): the sheets' shapes, in colour."""
    _colour(c, level)
    r = size * 0.36
    level_shape(c, level, cx - r, cy - size * 0.33, size)


def _header(c: Canvas, page: MapPage, font: str, width: float, height: float, synthetic: bool) -> float:
    """Title, date, counts and legend; returns the y below them."""
    c.setFillColorRGB(*BLACK)
    y = height - MARGIN - 14
    title = f"三色点位图  {page.title}" + (f"  【{DEMO_MARK}】" if synthetic else "")
    draw_bold(c, MARGIN, y, title, font, 16)
    c.setFont(font, 10)
    c.drawRightString(width - MARGIN, y, f"截至 {page.as_of}")
    y -= 20
    x = MARGIN
    shown_total = sum(page.points.values())
    people_total = sum(page.people.values())
    for level in LEVEL_ORDER:
        if level is None and not page.points.get(None):
            continue
        _symbol(c, level, x + 5, y + 3.5, 11)
        c.setFillColorRGB(*BLACK)
        text = f"{level_word(level)} {page.points.get(level, 0)} 处 {page.people.get(level, 0)} 人"
        c.setFont(font, 10)
        c.drawString(x + 13, y, text)
        x += 13 + stringWidth(text, font, 10) + 16
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(0.9)
    c.circle(x + 5, y + 3.5, 6.5, stroke=1, fill=0)
    _symbol(c, "green", x + 5, y + 3.5, 8)
    c.setFillColorRGB(*BLACK)
    note = (
        f"外圈：有人逾期未联系（{page.overdue} 处）    数字：同一楼栋的人数    "
        f"合计 {shown_total} 处 {people_total} 人"
    )
    c.drawString(x + 15, y, note)
    return y - 12


def _regions(c: Canvas, page: MapPage, font: str, ox: float, oy: float, scale: float) -> None:
    for r in page.regions:
        x, y = ox + r.rect.x * scale, oy - r.rect.bottom * scale
        c.setStrokeColorRGB(*REGION_GREYS.get(r.depth, (0.7, 0.7, 0.7)))
        c.setLineWidth(1.4 if r.depth == 0 else 0.8)
        c.rect(x, y, r.rect.w * scale, r.rect.h * scale, stroke=1, fill=0)
        c.setFillColorRGB(*BLACK)
        c.setStrokeColorRGB(*BLACK)
        head = r.label_rect.h * scale
        room = r.rect.w * scale - 6
        size = fit_size(r.label, font, min(12.0, head * 0.7), room, 4.5)
        label = wrap(r.label, font, size, room, 1)[0] if r.label else ""
        draw_bold(c, x + 3, oy - r.rect.y * scale - head * 0.5 - size * 0.35, label, font, size)


def _label_lines(label: str, font: str, size: float, width: float) -> list[str]:
    """One line if it fits, else broken after the house number (中山路12号 / 3幢), else anywhere."""
    if stringWidth(label, font, size) <= width:
        return [label]
    head, sep, tail = label.partition("号")
    if sep and tail and stringWidth(head + sep, font, size) <= width:
        return [head + sep, *wrap(tail, font, size, width, 1)]
    return wrap(label, font, size, width, 2)


def _symbols(c: Canvas, page: MapPage, font: str, ox: float, oy: float, scale: float) -> None:
    size = max(4.0, min(20.0, SYMBOL * scale))
    label_size = max(3.0, min(10.0, LABEL * scale))
    cell = CELL_W * scale - 2
    for s in page.symbols:
        cx, cy = ox + s.x * scale, oy - s.y * scale
        if s.overdue:
            c.setStrokeColorRGB(*BLACK)
            c.setLineWidth(max(0.7, size * 0.09))
            c.circle(cx, cy, size * 0.62, stroke=1, fill=0)
        _symbol(c, s.level, cx, cy, size)
        c.setFillColorRGB(*BLACK)
        if s.count > 1:
            c.setFont(font, max(4.0, size * 0.55))
            c.drawString(cx + size * 0.62, cy + size * 0.25, str(s.count))
        c.setFont(font, label_size)
        lines = _label_lines(s.label, font, label_size, cell)
        for n, line in enumerate(lines):
            c.drawCentredString(cx, cy - size * 0.62 - label_size * (1.05 + n * 1.1), line)


def write_point_map(
    out: str | Path | BinaryIO, doc: PointMapDocument, font: str | None = None
) -> RenderStats:
    font = font or register_fonts()
    width, height = SIZES[doc.size]
    c = Canvas(str(out) if isinstance(out, Path) else out, pagesize=(width, height), initialFontName=font)
    c.setTitle("三色点位图")
    c.setAuthor(doc.meta.subdistrict)
    total = len(doc.pages)
    for n, page in enumerate(doc.pages, 1):
        if doc.meta.synthetic:  # first: the boxes are drawn unfilled over it, the points on top
            draw_demo_mark(c, font)
        top = _header(c, page, font, width, height, doc.meta.synthetic)
        area_w, area_h = width - 2 * MARGIN, top - (MARGIN + 20)
        scale = min(area_w / page.width, area_h / page.height)
        ox = MARGIN + (area_w - page.width * scale) / 2
        oy = top
        _regions(c, page, font, ox, oy, scale)
        if not page.symbols:
            c.setFont(font, 14)
            c.setFillColorRGB(*BLACK)
            c.drawCentredString(width / 2, oy - page.height * scale / 2, "这里没有在册老人")
        _symbols(c, page, font, ox, oy, scale)
        draw_footer(c, doc.meta, font, MARGIN, f"第 {n} 页 / 共 {total} 页")
        c.showPage()
    c.save()
    return RenderStats(total, doc.people, sum(len(p.symbols) for p in doc.pages))
