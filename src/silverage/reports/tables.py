"""The table printouts (roster, call list) share one document frame: A4, header, numbered footer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

from silverage.reports.data import DocMeta
from silverage.reports.page_parts import background, numbered_canvas, page_size

MARGIN = 30.0


def styles(font: str, size: float = 10.5) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "cell", fontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK", bulletFontName=font
    )
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontSize=size + 0.5),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontSize=14, leading=20, spaceBefore=8, spaceAfter=4),
        "note": ParagraphStyle("note", parent=base, fontSize=10, leading=14, spaceAfter=6),
    }


def grid_table(rows: Sequence[Sequence[Any]], widths: Sequence[float], font: str) -> LongTable:
    """A ruled table whose header row repeats on every page.

    Rows are kept whole where they fit on a page; a row taller than a page (a 500-character
    address wrapped in its narrow column) is split inside the row rather than stopping the whole
    printout with a LayoutError."""
    table = LongTable(list(rows), colWidths=list(widths), repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build(out: str | Path | BinaryIO, meta: DocMeta, font: str, title: str, story: list[Any]) -> int:
    """Build the document and return its page count."""
    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(
        target,
        pagesize=page_size(),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 14,
        bottomMargin=MARGIN + 18,
        title=title,
        creator="silverage",
        initialFontName=font,
    )
    on_page = background(meta, font)
    doc.build(
        story,
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=numbered_canvas(meta, font, MARGIN, title),
    )
    return int(doc.page)


def p(text: str, style: ParagraphStyle) -> Paragraph:
    from xml.sax.saxutils import escape

    return Paragraph(escape(text), style)
