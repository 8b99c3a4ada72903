"""The month's 寿星名单: who reaches 60/70/80/90/100 (or any age from 100) this month, by day, for
the visit with a cake and a certificate. Lunar birthdays show their lunar date beside the Gregorian
day; a person whose calendar is not recorded appears on both days, marked 待确认 (ask them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from silverage.reports.data import DocMeta, RenderStats
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import DEMO_MARK
from silverage.reports.tables import build, grid_table, p, styles

HEADINGS = ("序号", "日期", "姓名", "寿辰", "历法", "社区", "已探望", "备注")
WIDTHS = (30, 80, 58, 40, 130, 80, 46, 71)  # 535 pt: A4 less the margins
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class BirthdayLine:
    elder_id: int
    day: date
    name: str
    age: int
    calendar: str  # "solar" or "lunar"
    lunar: str  # 十月廿五, for a lunar birthday
    community: str
    recorded: bool  # False: the person's calendar is not known; this is one of two dates


@dataclass(frozen=True)
class BirthdayListDocument:
    meta: DocMeta
    year: int
    month: int
    lines: tuple[BirthdayLine, ...]
    nominal: bool = False  # ages are 虚岁 (the office's setting), else 周岁


def _calendar_text(line: BirthdayLine) -> str:
    text = f"农历{line.lunar}" if line.calendar == "lunar" else "公历"
    return text if line.recorded else f"{text}（待确认）"


def write_birthday_list(
    out: str | Path | BinaryIO, doc: BirthdayListDocument, font: str | None = None
) -> RenderStats:
    font = font or register_fonts()
    st = styles(font, 10.5)
    title = f"{doc.year}年{doc.month}月寿星名单"
    people = len({line.elder_id for line in doc.lines})
    story: list[Any] = [
        p(title + (f"  【{DEMO_MARK}】" if doc.meta.synthetic else ""), st["title"]),
        p(
            f"本月共 {people} 位老人逢整寿（60、70、80、90、100岁及100岁以上每年，"
            f"{'按虚岁计' if doc.nominal else '按周岁计'}）。"
            "按农历过生日的写出农历日期；“待确认”的老人未登记按哪种历法过生日，两个日子都列出，请问清后在花名册中登记。",
            st["note"],
        ),
    ]
    if not doc.lines:
        story.append(p("本月没有逢整寿的老人。", st["h2"]))
    else:
        rows: list[list[Any]] = [[p(h, st["head"]) for h in HEADINGS]]
        for n, line in enumerate(doc.lines, 1):
            rows.append(
                [
                    str(n),
                    p(f"{line.day.month}月{line.day.day}日 周{WEEKDAYS[line.day.weekday()]}", st["cell"]),
                    p(line.name, st["cell"]),
                    p(f"虚岁{line.age}" if doc.nominal else f"{line.age}岁", st["cell"]),
                    p(_calendar_text(line), st["cell"]),
                    p(line.community, st["cell"]),
                    p("□", st["cell"]),
                    "",
                ]
            )
        story.append(grid_table(rows, WIDTHS, font))
    pages = build(out, doc.meta, font, title, story)
    return RenderStats(pages=pages, people=people, entries=len(doc.lines))
