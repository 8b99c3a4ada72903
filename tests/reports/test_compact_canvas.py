"""Visit sheets compress each page as it ends (100,000 visits in constant memory): the file must be
byte for byte what reportlab's own canvas writes, Chinese text and page numbers included."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from silverage.reports.compact_canvas import CompactCanvas
from silverage.reports.fonts import register_fonts


def _draw(cls: type[Canvas]) -> tuple[bytes, Canvas]:
    font = register_fonts()
    out = io.BytesIO()
    c = cls(out, pageCompression=1, invariant=1, initialFontName=font)
    for n in range(1, 4):
        c.setFont(font, 14)
        c.drawString(40, 800, f"探访单 王秀英 第 {n} 页 / 共 3 页")
        c.rect(40, 400, 300, 200)
        c.showPage()
    c.save()
    return out.getvalue(), c


def test_the_compact_canvas_writes_the_same_file():
    theirs, _ = _draw(Canvas)
    ours, _ = _draw(CompactCanvas)
    assert ours == theirs


def test_finished_pages_hold_their_content_compressed_not_as_drawing_text():
    _, c = _draw(CompactCanvas)
    pages = c._doc.Pages.pages
    assert len(pages) == 3
    assert all(p.stream is None and "Filter" in p.Contents.dictionary.dict for p in pages)
