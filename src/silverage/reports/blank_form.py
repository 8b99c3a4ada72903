"""A blank visit form: for a walk-in, or a visit nobody planned, filled in by hand and entered later."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from silverage.reports.data import DocMeta, RenderStats, SheetSection
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import draw_demo_mark, page_size
from silverage.reports.visit_sheet import _Sheet


def write_blank_form(out: str | Path | BinaryIO, meta: DocMeta, font: str | None = None) -> RenderStats:
    """One page of empty blocks, for a walk-in or a visit that was not planned."""
    font = font or register_fonts()
    c = Canvas(
        out if not isinstance(out, Path) else str(out),
        pagesize=page_size(),
        pageCompression=1,
        initialFontName=font,
    )
    c.setTitle("空白探访表 Blank visit form")
    c.setCreator("silverage")
    sheet = _Sheet(c, font, meta)
    if meta.synthetic:
        draw_demo_mark(c, font)
    sheet.header(SheetSection("志愿者：______________", "", "社区：______________", ()), None, 1, 1, "")
    for top in sheet.block_tops:
        sheet.block(top, None)
    sheet.footer()
    c.showPage()
    c.save()
    return RenderStats(pages=1, people=0, entries=0)
