"""The call list for a campaign (typhoon, heat wave, Spring Festival): who to ring, and whom to ring next.

Phones are printed in full because calling is the whole point; the emergency contact is beside the
person so that an unanswered call can be followed at once. Tick boxes record the outcome on paper.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.platypus import PageBreak

from silverage.reports.data import CallListDocument, RenderStats
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import DEMO_MARK, level_text
from silverage.reports.tables import build, grid_table, p, styles

HEADINGS = ("序号", "姓名", "等级", "电话", "紧急联系人", "结果（勾选）", "备注")
WIDTHS = (28, 56, 50, 92, 130, 100, 79)
BOX = '<font size="15">□</font>'
OUTCOMES = (f"{BOX} 已接通，平安", f"{BOX} 已接通，需上门", f"{BOX} 未接通", f"{BOX} 已联系家属")


def _day(d: date) -> str:
    return f"{d.month}月{d.day}日"


def write_call_list(
    out: str | Path | BinaryIO, doc: CallListDocument, font: str | None = None
) -> RenderStats:
    font = font or register_fonts()
    st = styles(font, 11)
    title = f"电话名单：{doc.campaign}"
    start, end = doc.period
    story: list[Any] = [
        p(title + (f"  【{DEMO_MARK}】" if doc.meta.synthetic else ""), st["title"]),
        p(
            f"请在 {_day(start)} 至 {_day(end)} 之间逐一打电话；没人接的，请联系紧急联系人，"
            "仍联系不上的报告社区。",
            st["note"],
        ),
    ]
    total = 0
    for i, (community, lines) in enumerate(doc.groups):
        if i:
            story.append(PageBreak())
        story.append(p(f"{community}（{len(lines)} 人）", st["h2"]))
        rows: list[list[Any]] = [[p(h, st["head"]) for h in HEADINGS]]
        for n, line in enumerate(lines, 1):
            contacts = (
                "<br/>".join(
                    escape(f"{c.name}（{c.relation}）{c.phone}" if c.relation else f"{c.name} {c.phone}")
                    for c in line.contacts
                )
                or "无"
            )
            rows.append(
                [
                    str(n),
                    p(line.name, st["cell"]),
                    p(level_text(line.level), st["cell"]),
                    _raw("<br/>".join(escape(x) for x in line.phones) or "（无电话）", st["cell"]),
                    _raw(contacts, st["cell"]),
                    _raw("<br/>".join(OUTCOMES), st["cell"]),
                    "",
                ]
            )
        story.append(grid_table(rows, WIDTHS, font))
        total += len(lines)
    pages = build(out, doc.meta, font, title, story)
    return RenderStats(pages=pages, people=total, entries=total)


def _raw(markup: str, style: Any) -> Any:
    """A paragraph whose <br/> breaks are kept (the names in it are escaped by the caller)."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup, style)
