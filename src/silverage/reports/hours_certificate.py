"""志愿服务时长证明: one A4 page per volunteer for a month, signed by the office.

What the volunteer platforms and employers ask for: who, which month, how many visits, people
served, services given by kind, minutes and hours, and the office's signature and stamp. It names
no older person (counts only), so it can leave the office with the volunteer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from silverage.domain.volunteer_hours import VolunteerHours
from silverage.reports.data import DocMeta, RenderStats
from silverage.reports.fonts import register_fonts
from silverage.reports.page_parts import BLACK, DEMO_MARK, draw_bold, draw_demo_mark, page_size, wrap

MARGIN = 22 * mm


@dataclass(frozen=True)
class HoursCertificates:
    meta: DocMeta
    office: str  # the office that signs: the subdistrict's name from the settings
    month: date  # the first day of the month
    issued: date  # the day printed (the clock's)
    lines: tuple[VolunteerHours, ...]


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


def _page(c: Canvas, font: str, doc: HoursCertificates, line: VolunteerHours) -> None:
    width, height = c._pagesize
    if doc.meta.synthetic:
        draw_demo_mark(c, font)
    c.setFillColorRGB(*BLACK)
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(2)
    c.rect(MARGIN - 8, MARGIN - 8, width - 2 * MARGIN + 16, height - 2 * MARGIN + 16)
    c.setLineWidth(0.6)
    c.rect(MARGIN - 4, MARGIN - 4, width - 2 * MARGIN + 8, height - 2 * MARGIN + 8)
    y = height - MARGIN - 40
    c.setFont(font, 26)
    c.drawCentredString(width / 2, y, "志愿服务时长证明")
    c.setFont(font, 11)
    number = f"证明编号：{doc.month:%Y%m}-{line.volunteer_id:05d}"
    c.drawRightString(width - MARGIN - 6, y - 26, number)
    y -= 70
    month = f"{doc.month.year}年{doc.month.month}月"
    body = (
        f"兹证明 {line.name} 同志（{line.community or '本街道'}志愿者）于{month}参加{doc.office}组织的"
        f"关爱独居老人志愿服务，上门探访 {line.visits} 次，服务老人 {line.people} 位，"
        f"提供上门服务 {line.services} 项次，累计服务时长 {line.minutes} 分钟"
        f"（合 {_hours(line.minutes)} 小时）。"
    )
    text_w = width - 2 * MARGIN - 24
    keep = (
        f"（合 {_hours(line.minutes)} 小时）。",
        f"{line.minutes} 分钟",
        f"{line.visits} 次",
        f"{line.people} 位",
    )
    for row in wrap(body, font, 15, text_w, 8, keep):
        c.setFont(font, 15)
        c.drawString(MARGIN + 12, y, row)
        y -= 26
    y -= 10
    draw_bold(c, MARGIN + 12, y, "服务明细", font, 13)
    y -= 8
    rows: list[tuple[str, str]] = [("上门探访", f"{line.visits} 次")]
    rows += [(kind, f"{n} 次") for kind, n in line.by_kind]
    rows.append(("服务时长合计", f"{line.minutes} 分钟（{_hours(line.minutes)} 小时）"))
    col1, col2 = MARGIN + 12, MARGIN + 12 + 200
    right = width - MARGIN - 12
    c.setLineWidth(0.6)
    for label, value in rows:
        c.line(col1, y, right, y)
        y -= 20
        c.setFont(font, 12.5)
        c.drawString(col1 + 8, y + 6, label)
        c.drawString(col2 + 8, y + 6, value)
    c.line(col1, y, right, y)
    c.line(col1, y, col1, y + 20 * len(rows))
    c.line(col2, y, col2, y + 20 * len(rows))
    c.line(right, y, right, y + 20 * len(rows))
    y -= 36
    c.setFont(font, 15)
    c.drawString(MARGIN + 12, y, "特此证明。")
    # the office's signature and stamp, bottom right
    sign_x = width - MARGIN - 12
    base = MARGIN + 150
    c.setFont(font, 15)
    c.drawRightString(sign_x, base + 60, f"{doc.office}（盖章）")
    c.drawRightString(sign_x, base + 30, f"{doc.issued.year}年{doc.issued.month}月{doc.issued.day}日")
    c.setFont(font, 12.5)
    c.drawString(MARGIN + 12, base, "经办人签字：________________")
    c.drawRightString(sign_x, base, "负责人签字：________________")
    c.setFont(font, 9.5)
    note = (
        f"依据{doc.office}探访记录统计（探访以探访日期计入当月）。"
        f"{doc.meta.printed_by} 打印于 {doc.meta.printed_at:%Y-%m-%d %H:%M}"
    )
    note += f"  【{DEMO_MARK}】" if doc.meta.synthetic else ""
    keep_note = (f"【{DEMO_MARK}】", f"{doc.meta.printed_at:%Y-%m-%d %H:%M}")
    # inside the inner frame, wrapped so no line reaches the border
    rows_note = wrap(note, font, 9.5, text_w, 3, keep_note)
    for i, row in enumerate(reversed(rows_note)):
        c.drawString(MARGIN + 12, MARGIN + 10 + 13 * i, row)


def write_hours_certificates(
    out: str | Path | BinaryIO, doc: HoursCertificates, font: str | None = None
) -> RenderStats:
    font = font or register_fonts()
    c = Canvas(
        out if not isinstance(out, Path) else str(out),
        pagesize=page_size(),
        pageCompression=1,
        initialFontName=font,
    )
    c.setTitle(f"志愿服务时长证明 {doc.month:%Y-%m}")
    c.setCreator("silverage")
    lines: Sequence[VolunteerHours] = doc.lines
    for line in lines:
        _page(c, font, doc, line)
        c.showPage()
    if not lines:  # nobody to certify: say so rather than write an empty file
        c.setFont(font, 15)
        c.drawString(
            MARGIN, page_size()[1] - MARGIN - 40, f"{doc.month.year}年{doc.month.month}月没有志愿服务记录。"
        )
        c.showPage()
    c.save()
    return RenderStats(pages=max(1, len(lines)), people=len(lines), entries=sum(x.visits for x in lines))
