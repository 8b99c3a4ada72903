"""Where each visit goes on a volunteer's pages: three home-visit blocks a page, then the phone calls
as rows of one compact table, starting in the room the last blocks left. The first page of a section
starts with the volunteer's week (``sheet_week``): one line of seven day cells per week of the period.

A phone check-in needs a number to dial and a few boxes to tick, not a half page: printing the red
level's two weekly calls as full blocks made one demo week 396 pages. Every block and every row has a
fixed height, so the whole plan (and with it "第 x 页 / 共 y 页") is known before anything is drawn,
a block or a row can never be cut by a page break, and 100,000 visits need no page buffer.

The week line costs no page: the room for it (20 pt) came from a top margin of 24 pt instead of 30
(still 8 mm, inside what any office printer prints), 4 pt between blocks instead of 7, a footer band
2 pt lower and blocks 2 pt shorter (the room below two lines of doorstep notes). So a one-week
period's first page still holds three home visits, and a red volunteer's week (two home visits and
four calls) is still one sheet of paper. A period of several weeks gets a line per week, and its
first page may hold fewer blocks.

An address too long for its one line (an old import, a pasted description: 500 characters and
more) is printed wrapped in full: its block grows by one ``ADDRESS_LINE_H`` per extra line (up to a
whole page), and the plan still knows every block's height before drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4

from silverage.domain.enums import VisitKind
from silverage.reports.data import SheetVisit

PAGE_W, PAGE_H = A4
MARGIN = 30.0  # left, right and bottom
TOP_MARGIN = 24.0
HEADER_H = 50.0
FOOTER_H = 16.0
GAP = 4.0
BLOCKS_PER_PAGE = 3
CONTENT_W = PAGE_W - 2 * MARGIN
CONTENT_TOP = PAGE_H - TOP_MARGIN - HEADER_H
CONTENT_BOTTOM = MARGIN + FOOTER_H
WEEK_ROW_H = 16.0  # one line of seven day cells: "一 30日  上2 下1"


def week_height(weeks: int) -> float:
    """Room the week lines take above the first page's blocks (nothing without dated visits)."""
    return weeks * WEEK_ROW_H + GAP if weeks else 0.0


# Three blocks fit under one week line: the first page of a one-week period is a full page of blocks.
BLOCK_H = (CONTENT_TOP - week_height(1) - CONTENT_BOTTOM - GAP * (BLOCKS_PER_PAGE - 1)) / BLOCKS_PER_PAGE
BLOCK_TOPS = tuple(CONTENT_TOP - i * (BLOCK_H + GAP) for i in range(BLOCKS_PER_PAGE))

ADDRESS_LINE_H = 14.0  # each address line beyond the first lengthens its block by this much
MAX_EXTRA_LINES = int((CONTENT_TOP - CONTENT_BOTTOM - BLOCK_H) // ADDRESS_LINE_H)  # a block is a page at most


def block_height(extra_lines: int = 0) -> float:
    return BLOCK_H + min(extra_lines, MAX_EXTRA_LINES) * ADDRESS_LINE_H


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
    weeks: int = 0  # week lines heading this page (the section's first page only)
    extra: tuple[int, ...] = ()  # each block's address lines beyond the first (none: all 0); the
    # block prints that many more and no more (an address longer than a page ends in …)

    def extra_lines(self, i: int) -> int:
        return self.extra[i] if i < len(self.extra) else 0


def is_call(v: SheetVisit) -> bool:
    return v.kind == VisitKind.PHONE.value


def rows_fitting(top: float) -> int:
    """How many call rows fit between ``top`` and the footer, under a caption and the headings."""
    return max(0, int((top - CONTENT_BOTTOM - CALL_CAPTION_H - CALL_HEAD_H) // CALL_ROW_H))


def plan_section(
    visits: Sequence[SheetVisit], weeks: int = 0, extra_lines: Callable[[SheetVisit], int] | None = None
) -> list[PagePlan]:
    """The week lines, then home visits as blocks in their order, then every phone call as a table
    row in its order. ``extra_lines(visit)``: the address lines its block needs beyond the first."""
    homes = [v for v in visits if not is_call(v)]
    calls = tuple(v for v in visits if is_call(v))
    top = CONTENT_TOP - week_height(weeks)
    pages: list[PagePlan] = []
    page: list[tuple[float, SheetVisit]] = []
    extra: list[int] = []
    for v in homes:
        more = min(extra_lines(v), MAX_EXTRA_LINES) if extra_lines else 0
        if top - block_height(more) < CONTENT_BOTTOM - 0.01 or len(page) == BLOCKS_PER_PAGE:
            if page:  # a page under week lines that cannot take even this block alone: shorten it
                pages.append(PagePlan(tuple(page), None, weeks if not pages else 0, tuple(extra)))
                page, extra, top = [], [], CONTENT_TOP
            more = min(more, int((top - CONTENT_BOTTOM - BLOCK_H) // ADDRESS_LINE_H))
        page.append((top, v))
        extra.append(more)
        top -= block_height(more) + GAP
    if page or not pages:
        pages.append(PagePlan(tuple(page), None, weeks if not pages else 0, tuple(extra)))
    done = 0
    if calls:
        # The table starts in the room the last page's blocks (or the week lines) left, if a row fits.
        last = pages[-1]
        n = min(rows_fitting(top), len(calls))
        if n:
            pages[-1] = PagePlan(last.blocks, CallPart(top, 0, calls[:n], False), last.weeks, last.extra)
            done = n
    per_page = rows_fitting(CONTENT_TOP)
    while done < len(calls):
        rows = calls[done : done + per_page]
        pages.append(PagePlan((), CallPart(CONTENT_TOP, done, rows, done > 0)))
        done += len(rows)
    return pages
