"""The volunteer's week on the first page of their sheets: one line of seven day cells per week.

Each cell says the day and how many visits (home visits and calls together) fall in its morning and
afternoon, "一 30日  上2 下1", so a volunteer sees at a glance which half-days are busy before turning
to the blocks. A day the office does not work (a holiday, a weekend that is not a 调休 working day) or
one the volunteer is never free on is greyed and says 休; a day outside the printed period is greyed
and left empty. The line is one row high, so a week's first page still holds three home visits
(``sheet_layout``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.pdfgen.canvas import Canvas

from silverage.reports.data import SheetVisit
from silverage.reports.page_parts import BLACK, draw_bold, fit_size
from silverage.reports.sheet_layout import CONTENT_W, MARGIN, WEEK_ROW_H

WEEKDAYS = "一二三四五六日"
HALF = ("上", "下")
GREY = (0.86, 0.86, 0.86)
CELL_W = CONTENT_W / 7
TEXT = 12.5  # large print like the blocks; shrunk (to 10.5 at the least) only if a cell overflows


def week_mondays(period: tuple[date, date] | None, visits: Sequence[SheetVisit]) -> list[date]:
    """The Mondays of the weeks to show: those of the period, else those of the dated visits."""
    if period is not None:
        start, end = period
        first = start - timedelta(days=start.weekday())
        return [first + timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]
    return sorted({v.day - timedelta(days=v.day.weekday()) for v in visits if v.day is not None})


def free_on(availability: int | None, day: date) -> bool:
    """Whether the volunteer is ever free that weekday (bit weekday * 2 + half; None = not known)."""
    if availability is None:
        return True
    return bool(availability >> (day.weekday() * 2) & 3)


def cell_text(day: date, counts: Counter[tuple[date, int]], off: bool) -> tuple[str, str]:
    """The day ("一 30日") and what it holds ("上2 下1", "休" or "—" for nothing)."""
    halves = [f"{HALF[h]}{counts[(day, h)]}" for h in (0, 1) if counts[(day, h)]]
    if counts[(day, -1)]:  # a visit with a day but no half-day
        halves.append(f"共{counts[(day, -1)]}")
    what = " ".join(halves) or ("休" if off else "—")
    return f"{WEEKDAYS[day.weekday()]} {day.day}日", what


def draw_week(
    c: Canvas,
    font: str,
    top: float,
    mondays: Sequence[date],
    visits: Sequence[SheetVisit],
    period: tuple[date, date] | None,
    days_off: frozenset[date] = frozenset(),
    availability: int | None = None,
) -> None:
    """Draw one line of day cells per Monday from ``top`` down (``WEEK_ROW_H`` each)."""
    counts: Counter[tuple[date, int]] = Counter(
        (v.day, v.half_day if v.half_day in (0, 1) else -1) for v in visits if v.day is not None
    )
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(0.8)
    for row, monday in enumerate(mondays):
        y = top - (row + 1) * WEEK_ROW_H
        for i in range(7):
            day = monday + timedelta(days=i)
            x = MARGIN + i * CELL_W
            outside = period is not None and not period[0] <= day <= period[1]
            off = day in days_off or not free_on(availability, day)
            grey = outside or (off and not any(counts[(day, h)] for h in (-1, 0, 1)))
            if grey:
                c.setFillColorRGB(*GREY)
            c.rect(x, y, CELL_W, WEEK_ROW_H, stroke=1, fill=1 if grey else 0)
            c.setFillColorRGB(*BLACK)
            if outside:
                continue
            head, what = cell_text(day, counts, off)
            size = fit_size(f"{head}  {what}", font, TEXT, CELL_W - 6, 10.5)
            c.setFont(font, size)
            c.drawString(x + 3, y + 4, head)
            draw_bold(c, x + CELL_W - 3, y + 4, what, font, size, right=True)
