"""Pieces every printout shares: the confidentiality footer, the demo-data stamp, level words, text fitting.

The footer line is on every page because sheets get separated from each other: any single page found
on a bench must still say that it holds personal data and belongs back at the community office.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from silverage.domain.enums import Level
from silverage.reports.data import DocMeta

# Compressed streams stay binary instead of ASCII85-wrapped: a quarter smaller and faster to write,
# and every PDF reader handles them. (A process-wide reportlab setting, harmless for other PDFs.)
rl_config.useA85 = 0

CONFIDENTIAL = "内含个人信息，请妥善保管，不要拍照转发，用后交回社区"
DEMO_MARK = "演示数据"
BLACK = (0, 0, 0)
NO_LINE_START = set("，。、；：！？）》」』”’…,.;:!?)")


def level_text(level: str | None) -> str:
    """Marker and word, readable on a black-and-white copy: ● 红 / ▲ 黄 / ○ 绿."""
    if not level:
        return "□ 未评估"
    lv = Level(level)
    return f"{lv.marker} {lv.zh}"


def draw_bold(
    c: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    *,
    right: bool = False,
    centre: bool = False,
) -> None:
    """The CJK font has one weight: stroke the outline as well as filling it to make headings heavier."""
    width = stringWidth(text, font, size)
    if right:
        x -= width
    elif centre:
        x -= width / 2
    t = c.beginText(x, y)
    t.setFont(font, size)
    t.setTextRenderMode(2)
    c.setLineWidth(size / 30)
    t.textOut(text)
    t.setTextRenderMode(0)  # the render mode is graphics state: leave it as found
    c.drawText(t)


def tick_box(c: Canvas, x: float, y: float, size: float) -> float:
    """An empty square to tick, sitting on the text baseline ``y``; returns the x after it.

    Drawn rather than typed: the font's □ is small and faint at the sizes volunteers need.
    """
    c.setLineWidth(1.1)
    c.rect(x, y - size * 0.12, size * 0.8, size * 0.8, stroke=1, fill=0)
    return x + size * 0.8 + size * 0.3


def level_shape(c: Canvas, level: str | None, x: float, y: float, size: float) -> float:
    """The level marker as a shape (filled circle, filled triangle, open circle); returns the x after it."""
    r = size * 0.36
    cx, cy = x + r, y + size * 0.33
    c.setLineWidth(1.4)
    if level == "red":
        c.circle(cx, cy, r, stroke=1, fill=1)
    elif level == "yellow":
        p = c.beginPath()
        p.moveTo(cx - r * 1.1, cy - r * 0.9)
        p.lineTo(cx + r * 1.1, cy - r * 0.9)
        p.lineTo(cx, cy + r * 1.1)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    elif level == "green":
        c.circle(cx, cy, r, stroke=1, fill=0)
    else:
        c.rect(cx - r, cy - r, 2 * r, 2 * r, stroke=1, fill=0)
    return x + 2 * r + size * 0.3


def level_word(level: str | None) -> str:
    return Level(level).zh if level else "未评估"


def fit_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits in ``width``."""
    s = size
    while s > smallest and stringWidth(text, font, s) > width:
        s -= 0.5
    return s


def wrap(
    text: str, font: str, size: float, width: float, max_lines: int, keep: Sequence[str] = ()
) -> list[str]:
    """Break Chinese text anywhere (it has no spaces) except inside the ``keep`` phrases (a number
    and its unit, say); the last line ends in … if text is left over."""
    lines: list[str] = []
    current: list[str] = []
    for ch in _atoms(text, keep):
        if stringWidth("".join(current) + ch, font, size) <= width:
            current.append(ch)
            continue
        carry = [ch]
        if ch[0] in NO_LINE_START and len(current) > 1:
            # Chinese never starts a line with a comma or a closing bracket: take a piece along.
            carry = [current.pop(), ch]
        lines.append("".join(current))
        current = carry
        if len(lines) == max_lines:
            break
    else:
        if current:
            lines.append("".join(current))
        return lines
    last = lines[-1]
    while last and stringWidth(last + "…", font, size) > width:
        last = last[:-1]
    lines[-1] = last + "…"
    return lines


def _atoms(text: str, keep: Sequence[str]) -> list[str]:
    """``text`` as the pieces a line may break between: characters, and each ``keep`` phrase whole."""
    atoms: list[str] = []
    i = 0
    while i < len(text):
        phrase = next((k for k in keep if k and text.startswith(k, i)), None)
        atoms.append(phrase or text[i])
        i += len(phrase) if phrase else 1
    return atoms


def draw_footer(c: Canvas, meta: DocMeta, font: str, margin: float, page_label: str = "") -> None:
    width, _ = c._pagesize
    y = margin - 4
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(0.6)
    c.line(margin, y + 14, width - margin, y + 14)
    c.setFillColorRGB(*BLACK)
    c.setFont(font, 10.5)
    c.drawString(margin, y, f"【保密】{CONFIDENTIAL}")
    info = f"{meta.printed_by} 打印于 {meta.printed_at:%Y-%m-%d %H:%M}"
    if page_label:
        info = f"{page_label}    {info}"
    c.setFont(font, 9)
    c.drawRightString(width - margin, y, info)


def draw_demo_mark(c: Canvas, font: str) -> None:
    """A light diagonal 演示数据 across the page: a demo printout can never pass for a real one."""
    width, height = c._pagesize
    c.saveState()
    c.setFillColorRGB(0.9, 0.9, 0.9)
    c.translate(width / 2, height / 2)
    c.rotate(35)
    c.setFont(font, 96)
    c.drawCentredString(0, -30, DEMO_MARK)
    c.restoreState()


def numbered_canvas(meta: DocMeta, font: str, margin: float, title: str) -> type[Canvas]:
    """A canvas class that adds header, footer and "第 x 页 / 共 y 页" once the page count is known.

    Used for the table printouts (roster, call list) whose page count depends on text wrapping.
    It keeps every page until the end, which is fine for a few hundred pages (not used for the
    visit sheets, whose fixed blocks let the page count be known in advance).
    """

    class _Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # else an unembedded Helvetica is referenced
                kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(n, total)
                super().showPage()
            super().save()

        def _decorate(self, n: int, total: int) -> None:
            width, height = self._pagesize
            self.setFillColorRGB(*BLACK)
            self.setFont(font, 11)
            self.drawString(margin, height - margin + 6, f"{meta.subdistrict}  {title}")
            self.drawRightString(width - margin, height - margin + 6, f"第 {n} 页 / 共 {total} 页")
            draw_footer(self, meta, font, margin)

    return _Numbered


def background(meta: DocMeta, font: str) -> Any:
    """An ``onPage`` callback for platypus: drawn before the page's content, so it never hides text."""

    def on_page(c: Canvas, _doc: Any) -> None:
        if meta.synthetic:
            draw_demo_mark(c, font)

    return on_page


def page_size() -> tuple[float, float]:
    return A4


def join_nonempty(parts: Iterable[str], sep: str = " ") -> str:
    return sep.join(p for p in parts if p)
