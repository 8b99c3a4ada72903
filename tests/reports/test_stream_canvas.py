"""Visit sheets go to the file page by page (100,000 visits in constant memory): the PDF must read as
reportlab's own would -- the same pages, the same text, the same picture -- and a print that fails
or is cancelled midway must leave no file behind."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.pdfgen.canvas import Canvas

from silverage.domain import visit_code
from silverage.domain.progress import run_to_end
from silverage.reports.data import ContactLine, DocMeta, SheetDocument, SheetSection, SheetVisit
from silverage.reports.fonts import register_fonts
from silverage.reports.stream_canvas import StreamCanvas
from silverage.reports.visit_sheet import sheet_pages, write_visit_sheets
from tests.reports.pdf_tools import page_texts, render

META = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30))
PERIOD = (date(2026, 11, 30), date(2026, 12, 13))


def _draw(c: Canvas, font: str, pages: int = 3) -> None:
    for n in range(1, pages + 1):
        c.setFont(font, 14)
        c.drawString(40, 800, f"探访单 王秀英 第 {n} 页 / 共 {pages} 页")
        c.rect(40, 400, 300, 200)
        c.showPage()


def _roster(volunteers: int = 3, per: int = 8) -> SheetDocument:
    """Volunteers with home visits and phone check-ins over two weeks: pages of blocks and of calls."""
    rng = random.Random(4)
    sections = []
    for v in range(volunteers):
        visits = tuple(
            SheetVisit(
                code=visit_code.new_code(rng),
                day=date(2026, 11, 30 + i % 2) if i % 2 == 0 else date(2026, 12, 1 + i % 9),
                half_day=i % 2,
                kind="phone" if i % 3 == 0 else "home",
                name=("沈秀英", "钱根生", "顾阿妹", "陆桂兰")[i % 4] + str(v),
                gender="F",
                age=70 + i,
                level=("red", "yellow", "green")[i % 3],
                id_masked="3304**********123X",
                address=f"月河社区中山路{i}号{v + 1}幢2单元301室",
                phones=("13812345678",),
                contacts=(ContactLine("张建国", "儿子", "13900001111"),),
                notes=("糖尿病",),
            )
            for i in range(per)
        )
        sections.append(SheetSection(f"志愿者：志愿者{v}", "13512345678", "月河社区", visits))
    return SheetDocument(META, PERIOD, tuple(sections))


def test_a_streamed_file_reads_and_looks_as_reportlabs_own(tmp_path: Path) -> None:
    font = register_fonts()
    theirs, ours = tmp_path / "theirs.pdf", tmp_path / "ours.pdf"
    for cls, out in ((Canvas, theirs), (StreamCanvas, ours)):
        c = cls(str(out), pageCompression=1, initialFontName=font)
        _draw(c, font)
        c.save()
    assert page_texts(ours) == page_texts(theirs)
    assert len(page_texts(ours)) == 3 and "第3页/共3页" in page_texts(ours)[2]
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    for page in (1, 3):
        a = Image.open(render(theirs, page, tmp_path / "a", 50)).convert("L")
        b = Image.open(render(ours, page, tmp_path / "b", 50)).convert("L")
        assert ImageChops.difference(a, b).getbbox() is None, f"page {page} looks different"


def test_each_page_is_in_the_file_when_it_ends_not_at_the_end() -> None:
    font = register_fonts()
    out = io.BytesIO()
    c = StreamCanvas(out, pageCompression=1, initialFontName=font)
    pages = []
    for _ in range(3):
        _draw(c, font, pages=1)
        pages.append(len(re.findall(rb"/Type /Page\b(?!s)", out.getvalue())))
    assert pages == [1, 2, 3]  # each page dictionary is written as its page ends
    c.save()
    assert not out.closed  # a file handed in stays the caller's
    assert out.getvalue().startswith(b"%PDF-1.") and out.getvalue().rstrip().endswith(b"%%EOF")


def test_sheets_for_a_small_roster_have_every_page_and_visit(tmp_path: Path) -> None:
    doc = _roster()
    out = tmp_path / "roster.pdf"
    stats = run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    expected = [sheet_pages(s.visits, PERIOD) for s in doc.sections]
    assert stats.pages == len(texts) == sum(expected) > len(doc.sections)
    at = 0
    for section, pages in zip(doc.sections, expected, strict=True):
        mine = texts[at : at + pages]
        at += pages
        assert all(section.title in t for t in mine)
        assert [f"第{n}页/共{pages}页" in t for n, t in enumerate(mine, 1)] == [True] * pages
        for v in section.visits:  # every visit on its volunteer's pages, its code beside the name
            assert any(v.code in t and v.name in t for t in mine), v.code


def test_a_print_failing_midway_leaves_no_file(tmp_path: Path) -> None:
    doc = _roster()
    last = doc.sections[2].visits
    home = next(i for i, v in enumerate(last) if v.kind == "home")  # a gender no one has stops the block
    broken = replace(
        doc.sections[2], visits=(*last[:home], replace(last[home], gender="?"), *last[home + 1 :])
    )
    doc = replace(doc, sections=(*doc.sections[:2], broken))
    out = tmp_path / "broken.pdf"
    job = write_visit_sheets(out, doc)
    next(job), next(job)  # two pages are written
    assert out.stat().st_size > 1000
    with pytest.raises(ValueError):
        run_to_end(job)
    assert not list(tmp_path.iterdir())


def test_a_cancelled_print_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    job = write_visit_sheets(out, _roster())
    next(job), next(job)
    job.close()  # what Cancel does
    assert not list(tmp_path.iterdir())
