"""Where each visit goes on a volunteer's pages: three home-visit blocks a page, then the phone calls
as rows of one compact table, starting in the room the last blocks left.

A phone check-in needs a number to dial and a few boxes to tick, not a half page: printing the red
level's two weekly calls as full blocks made one demo week 396 pages. Every block and every row has a
fixed height, so the whole plan (and with it "第 x 页 / 共 y 页") is known before anything is drawn,
a block or a row can never be cut by a page break, and 100,000 visits need no page buffer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4

from silverage.domain.enums import VisitKind
from silverage.reports.data import SheetVisit

PAGE_W, PAGE_H = A4
MARGIN = 30.0
HEADER_H = 50.0
FOOTER_H = 18.0
GAP = 7.0
BLOCKS_PER_PAGE = 3
CONTENT_W = PAGE_W - 2 * MARGIN
CONTENT_TOP = PAGE_H - MARGIN - HEADER_H
CONTENT_BOTTOM = MARGIN + FOOTER_H
BLOCK_H = (CONTENT_TOP - CONTENT_BOTTOM - GAP * (BLOCKS_PER_PAGE - 1)) / BLOCKS_PER_PAGE
BLOCK_TOPS = tuple(CONTENT_TOP - i * (BLOCK_H + GAP) for i in range(BLOCKS_PER_PAGE))

CALL_CAPTION_H = 24.0  # "电话问候" line above each part of the table
CALL_HEAD_H = 22.0  # the column headings, repeated on every page
CALL_ROW_H = 40.0  # one call: two lines of text and a small QR code


@dataclass(frozen=True)
class CallPart:
    """The rows of the call table that go on one page, drawn from ``top`` downwards."""

    top: float
    first: int  # index of the first row in the section's calls (rows are numbered 1, 2, ...)
    rows: tuple[SheetVisit, ...]
    continued: bool  # the table started on an earlier page


@dataclass(frozen=True)
class PagePlan:
    blocks: tuple[tuple[float, SheetVisit], ...]  # (top of the block, visit)
    calls: CallPart | None = None


def is_call(v: SheetVisit) -> bool:
    return v.kind == VisitKind.PHONE.value


def rows_fitting(top: float) -> int:
    """How many call rows fit between ``top`` and the footer, under a caption and the headings."""
    return max(0, int((top - CONTENT_BOTTOM - CALL_CAPTION_H - CALL_HEAD_H) // CALL_ROW_H))


def plan_section(visits: Sequence[SheetVisit]) -> list[PagePlan]:
    """Home visits as blocks in their order, then every phone call as a table row in its order."""
    homes = [v for v in visits if not is_call(v)]
    calls = tuple(v for v in visits if is_call(v))
    pages: list[PagePlan] = []
    for i in range(0, len(homes), BLOCKS_PER_PAGE):
        chunk = homes[i : i + BLOCKS_PER_PAGE]
        pages.append(PagePlan(tuple(zip(BLOCK_TOPS, chunk, strict=False))))
    done = 0
    if calls and pages and len(pages[-1].blocks) < BLOCKS_PER_PAGE:
        # The table starts in the room the last page's blocks left, if a row or more fits there.
        last = pages[-1]
        top = BLOCK_TOPS[len(last.blocks)]
        n = min(rows_fitting(top), len(calls))
        if n:
            pages[-1] = PagePlan(last.blocks, CallPart(top, 0, calls[:n], False))
            done = n
    per_page = rows_fitting(CONTENT_TOP)
    while done < len(calls):
        rows = calls[done : done + per_page]
        pages.append(PagePlan((), CallPart(CONTENT_TOP, done, rows, done > 0)))
        done += len(rows)
    return pages or [PagePlan(())]
