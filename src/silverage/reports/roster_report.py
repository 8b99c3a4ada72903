"""The roster by community and care level, for supervisors' meetings and the district's checks.

ID numbers and phones arrive masked unless a supervisor asked for them in full (decided and audited
in ``services.printing``); the first page says which, so a full copy is recognised as one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import PageBreak

from silverage.domain import fields
from silverage.domain.enums import Gender, Level
from silverage.reports.data import RenderStats, RosterDocument, RosterLine
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import DEMO_MARK, level_text
from silverage.reports.tables import build, grid_table, p, styles

TITLE = "老人花名册（按社区、等级）"
COLUMNS = (
    "seq",
    "name",
    "gender",
    "age",
    "level",
    "id_number",
    "phone",
    "address",
    "micro_grid",
    "last_contact",
)
HEADINGS = tuple(fields.label(key) for key in COLUMNS)  # the fields' own names, as in the Excel export
WIDTHS = (26, 44, 26, 26, 47, 104, 72, 89, 55, 46)
_LEVEL_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}


def _sorted(lines: tuple[RosterLine, ...]) -> list[RosterLine]:
    return sorted(lines, key=lambda r: _LEVEL_ORDER.get(r.level, 3))


def write_roster(out: str | Path | BinaryIO, doc: RosterDocument, font: str | None = None) -> RenderStats:
    font = font or register_fonts()
    st = styles(font, 9.5)
    story: list[Any] = [p(TITLE + (f"  【{DEMO_MARK}】" if doc.meta.synthetic else ""), st["title"])]
    masking = (
        "本表含完整身份证号和电话（督导授权打印），务必妥善保管"
        if doc.unmasked
        else "身份证号和电话已部分隐藏"
    )
    total = sum(len(g.lines) for g in doc.groups)
    counts = {lv.value: 0 for lv in Level}
    for g in doc.groups:
        for line in g.lines:
            if line.level in counts:
                counts[line.level] += 1
    summary = "，".join(f"{level_text(lv.value)} {counts[lv.value]} 人" for lv in Level)
    story.append(p(f"共 {total} 人：{summary}。{masking}。", st["note"]))
    for i, group in enumerate(doc.groups):
        if i:
            story.append(PageBreak())
        story.append(p(f"{group.community}（{len(group.lines)} 人）", st["h2"]))
        rows: list[list[Any]] = [[p(h, st["head"]) for h in HEADINGS]]
        for n, line in enumerate(_sorted(group.lines), 1):
            rows.append(
                [
                    str(n),
                    p(line.name, st["cell"]),
                    Gender(line.gender).zh if line.gender else "",
                    str(line.age),
                    p(level_text(line.level), st["cell"]),
                    p(line.id_number, st["cell"]),
                    p(line.phone, st["cell"]),
                    p(line.address, st["cell"]),
                    p(line.micro_grid, st["cell"]),
                    line.last_contact.strftime("%m-%d") if line.last_contact else "—",
                ]
            )
        story.append(grid_table(rows, WIDTHS, font))
    pages = build(out, doc.meta, font, TITLE, story)
    return RenderStats(pages=pages, people=total, entries=total)
