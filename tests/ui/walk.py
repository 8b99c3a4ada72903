"""Reading a window the way a user reads it: every visible text, and whether it fits its widget.

Used by test_every_page_in_both_languages.py. Kept apart from the tests so the rules for "what counts
as text on screen", "what is data" and "what is clipped" are written down once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)
from sqlalchemy import select

from silverage.db import models as m
from silverage.db.engine import describe
from silverage.domain import enums
from silverage.domain.address import format_address
from silverage.domain.labels import Labelled
from silverage.services.context import ServiceContext

FIRST_ROWS = 5  # cells read per table: enough to see every column's kind of value

# Chinese characters and the punctuation that only Chinese text uses (full-width comma, brackets, colon…).
CJK = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    """One text on screen and where it was: ``where`` names the widget for the failure message."""

    where: str
    text: str
    kind: str  # "prose" (labels, buttons, titles …) or "value" (table cells, combo items, headers)


def _name(w: QWidget) -> str:
    chain = []
    while w is not None and len(chain) < 4:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(chain))


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = TAG.sub("", text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def _columns(model: QAbstractItemModel) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount() is private in C++
        return 1
    return model.columnCount()


def _item_view_texts(view: QAbstractItemView, where: str) -> Iterator[Seen]:
    model = view.model()
    if model is None:
        return
    header = getattr(view, "horizontalHeader", None)
    if header is not None and header().isVisible():
        for c in range(model.columnCount()):
            if not header().isSectionHidden(c):
                yield Seen(
                    where + f"/header[{c}]",
                    str(model.headerData(c, Qt.Orientation.Horizontal) or ""),
                    "value",
                )
    vheader = getattr(view, "verticalHeader", None)
    if vheader is not None and vheader().isVisible():
        for r in range(model.rowCount()):
            yield Seen(
                where + f"/row-header[{r}]", str(model.headerData(r, Qt.Orientation.Vertical) or ""), "value"
            )
    rows = model.rowCount() if isinstance(view, QListView) else min(model.rowCount(), FIRST_ROWS)
    for r in range(rows):  # lists are short (navigation, columns to export): all of them
        for c in range(_columns(model)):
            index = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield Seen(where + f"/cell[{r},{c}]", value, "value")


def texts(root: QWidget) -> Iterator[Seen]:
    """Every text a user can read in ``root`` and its visible children (window titles included)."""
    yield Seen(_name(root) + "/title", root.windowTitle(), "prose")
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield from _menu_texts(action.menu(), action.text(), "menu")
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = _name(w)
        if w.toolTip():
            yield Seen(where + "/tooltip", _plain(w.toolTip()), "prose")
        if isinstance(w, QLabel):
            yield Seen(where, _plain(w.text()), "prose")
        elif isinstance(w, QAbstractButton):
            yield Seen(where, _plain(w.text()), "prose")
        elif isinstance(w, QGroupBox):
            yield Seen(where, w.title(), "prose")
        elif isinstance(w, QLineEdit):
            yield Seen(where + "/placeholder", w.placeholderText(), "prose")
            yield Seen(where + "/text", w.text(), "value")
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield Seen(where + f"/item[{i}]", w.itemText(i), "value")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield Seen(where + f"/tab[{i}]", _plain(w.tabText(i)), "value")
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            yield from _item_view_texts(w, where)
        if isinstance(w, QSpinBox):
            yield Seen(where + "/suffix", w.suffix() + w.prefix() + w.specialValueText(), "prose")
        if isinstance(w, QAbstractSpinBox):
            yield Seen(where + "/shown", w.text(), "value")
        bars = getattr(w, "bars", None)  # the hand-painted bar charts
        if isinstance(bars, list):
            for i, bar in enumerate(bars):
                yield Seen(where + f"/bar[{i}]", bar.label, "value")
                yield Seen(where + f"/bar[{i}]/text", bar.text, "value")


def _menu_texts(menu: QMenu | None, title: str, where: str) -> Iterator[Seen]:
    yield Seen(where, _plain(title), "prose")
    if menu is None:
        return
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield from _menu_texts(action.menu(), action.text(), where + "/" + _plain(title))


# ---------------------------------------------------------------- what the database calls data


def data_strings(ctx: ServiceContext) -> list[str]:
    """Every text a person typed or the demo generated as *data*: people's and volunteers' names,
    addresses, place names, contacts' names and relations, health words, notes, campaign, holiday
    and rule-version names, user display names. These stay in Chinese in the English interface.

    Generated wording (reasons, alerts, labels) is deliberately *not* here: it has an English version,
    and showing the Chinese one in English is exactly the bug to catch. Longest first, so a whole
    address is taken out before the community name inside it."""
    found: set[str] = set()
    with ctx.read() as s:
        for e in s.execute(
            select(
                m.Elder.name,
                m.Elder.address_detail,
                m.Elder.address_building,
                m.Elder.address_unit,
                m.Elder.address_room,
                m.Elder.health_conditions,
                m.Elder.notes,
                m.Elder.doorstep_notes,
                m.Elder.status_reason,
            )
        ):
            found.update(e)
            found.add(format_address(e.address_detail, e.address_building, e.address_unit, e.address_room))
            found.update(e.health_conditions.replace(",", "、").split("、"))
        for column in (
            m.EmergencyContact.name,
            m.EmergencyContact.relation,
            m.Volunteer.name,
            m.Volunteer.notes,
            m.ElderNeed.notes,
            m.Community.name,
            m.Grid.name,
            m.MicroGrid.name,
            m.User.display_name,
            m.Campaign.name,
            m.Holiday.name,
            m.RuleSet.name,
            m.VisitPlan.name,
            m.Visit.notes,
            m.Visit.visited_by,
            m.FollowUp.action,
            m.FollowUp.owner,
            m.Assessment.override_reason,
        ):
            found.update(s.scalars(select(column).distinct()))
        for community, detail, building, unit, room in s.execute(
            select(
                m.Community.name,
                m.Elder.address_detail,
                m.Elder.address_building,
                m.Elder.address_unit,
                m.Elder.address_room,
            )
            .join(m.MicroGrid, m.Elder.micro_grid_id == m.MicroGrid.id)
            .join(m.Grid, m.MicroGrid.grid_id == m.Grid.id)
            .join(m.Community, m.Grid.community_id == m.Community.id)
        ):
            found.add(format_address(detail, building, unit, room, community))
        found.add(s.scalar(select(m.AppMeta.value).where(m.AppMeta.key == "subdistrict")) or "")
    found.add(describe(ctx.db.url))  # where the database file is: a path, whatever its words
    return sorted((t for t in found if t and t.strip()), key=len, reverse=True)


class DataMask:
    """Takes the database's own strings (and its file's location) out of a text before it is checked.

    Costly (thousands of alternatives): callers apply it only to a text that failed a check."""

    def __init__(self, strings: Iterable[str]) -> None:
        strings = sorted(set(strings), key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(s) for s in strings)) if strings else None

    def __call__(self, text: str) -> str:
        return self._pattern.sub("\x00", text) if self._pattern is not None else text


# ---------------------------------------------------------------- raw stored values


def enum_values() -> set[str]:
    """Every stored value of every vocabulary in domain/enums.py (``yellow``, ``not_home``, ``worker`` …)."""
    values: set[str] = set()
    for obj in vars(enums).values():
        if isinstance(obj, type) and issubclass(obj, Labelled) and obj is not Labelled:
            values.update(member.value for member in obj)
    return values


def raw_hits(text: str, raw: set[str], lang: str, not_english: set[str]) -> list[str]:
    """The stored values a text shows as such.

    In Chinese any of them as a whole (ASCII) word is a leak. In English most of them are also plain
    words ("home", "other", "done", "Walks with an aid"), so there only a text that *is* the value, or
    a value that no English sentence contains (``not_home``, ``gugua``, a login name) counts.
    Single letters (the gender codes M/F) count only as the whole text: "Ctrl+F" is a shortcut."""
    hits = []
    stripped = text.strip()
    for value in raw:
        if stripped == value:
            hits.append(value)
        elif len(value) > 1 and (lang == "zh" or "_" in value or value in not_english):
            if re.search(rf"(?<![A-Za-z0-9_]){re.escape(value)}(?![A-Za-z0-9_])", text):
                hits.append(value)
    return hits


# ---------------------------------------------------------------- clipping


@dataclass(frozen=True)
class Clipped:
    where: str
    text: str
    needed: int
    available: int


def _text_width(w: QWidget, text: str) -> int:
    if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText and QtGui.Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setDefaultFont(w.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return int(doc.idealWidth() + 0.999)
    fm = w.fontMetrics()
    return max((fm.horizontalAdvance(line) for line in _plain(text).split("\n")), default=0)


def _available(w: QWidget) -> int:
    style = w.style()
    if isinstance(w, QPushButton):
        opt = QStyleOptionButton()
        w.initStyleOption(opt)
        contents = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, w)
        icon = opt.iconSize.width() + 4 if not w.icon().isNull() else 0
        return contents.width() - icon
    if isinstance(w, (QCheckBox, QRadioButton)):
        opt = QStyleOptionButton()
        w.initStyleOption(opt)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(w, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        return style.subElementRect(element, opt, w).width()
    if isinstance(w, QLabel):
        return w.contentsRect().width() - 2 * max(0, w.margin()) - max(0, w.indent())
    return w.width()


def _header_clipped(header: QHeaderView, where: str) -> Iterator[Clipped]:
    """Column titles Qt would cut to "…" (it elides header text that does not fit its section)."""
    model = header.model()
    if model is None:
        return
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    orientation = header.orientation()
    count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
    for c in range(count):
        if header.isSectionHidden(c):
            continue
        text = str(model.headerData(c, orientation) or "")
        sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == c
        needed = max((header.fontMetrics().horizontalAdvance(t) for t in text.split("\n")), default=0)
        available = header.sectionSize(c) - margin - (arrow + margin if sorted_here else 0)
        if needed > available:
            yield Clipped(f"{where}/header[{c}]", text, needed, available)


NAV_PADDING = 8  # the main window's style sheet: QListWidget#navigation::item { padding: 10px 8px; }


def _navigation_clipped(nav: QListView) -> Iterator[Clipped]:
    """The page list has a fixed width: a page name that does not fit is cut to "…"."""
    model = nav.model()
    focus = 2 * (nav.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, nav) + 1)
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        text = str(index.data() or "")
        needed = nav.fontMetrics().horizontalAdvance(text)
        available = nav.visualRect(index).width() - 2 * NAV_PADDING - focus
        if needed > available:
            yield Clipped(f"navigation/item[{r}]", text, needed, available)


def clipped(root: QWidget) -> list[Clipped]:
    """Visible labels and buttons whose text is wider than the room they have (word-wrapped labels:
    taller than their height); tab bars that need scroll arrows; column titles cut to "…"."""
    out: list[Clipped] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QTabBar) and w.sizeHint().width() > w.width() + 1:
            tabs = " | ".join(w.tabText(i) for i in range(w.count()))
            out.append(Clipped(_name(w), tabs, w.sizeHint().width(), w.width()))
            continue
        if isinstance(w, QListView) and w.objectName() == "navigation":
            out.extend(_navigation_clipped(w))
            continue
        if isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            out.extend(_header_clipped(w, _name(w.parentWidget() or w)))
            continue
        if not isinstance(w, (QLabel, QAbstractButton)) or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            needed = w.heightForWidth(w.width())
            if needed > w.height() + 1:
                out.append(Clipped(_name(w) + " (height)", w.text(), needed, w.height()))
            continue
        needed, available = _text_width(w, w.text()), _available(w)
        if needed > available:
            out.append(Clipped(_name(w), w.text(), needed, available))
    return out
