"""A 500-character address (an old import, a pasted description) is printed wrapped in full on the
roster and the call list, and never stops the printout for everyone else on it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from silverage.reports import call_list, roster_report
from silverage.reports.data import (
    CallLine,
    CallListDocument,
    ContactLine,
    DocMeta,
    RosterDocument,
    RosterGroup,
    RosterLine,
)
from tests.reports.pdf_tools import page_texts

META = DocMeta("南湖街道", "王督导", datetime(2026, 11, 26, 9))
LONG = "嘉兴市南湖区解放街道中山路" + "幸福里小区" * 98 + "12号"


def _line(name: str, address: str, level: str) -> RosterLine:
    return RosterLine(name, "F", 86, level, "330402********0012", "138****5678", address, "一号微网格", None)


def test_the_roster_prints_a_long_address_wrapped_and_everyone_after_it(tmp_path: Path) -> None:
    assert len(LONG) >= 500
    doc = RosterDocument(
        META,
        (RosterGroup("月河社区", (_line("张桂英", LONG, "red"), _line("王秀兰", "中山路12号", "green"))),),
    )
    out = tmp_path / "roster.pdf"
    stats = roster_report.write_roster(out, doc)
    text = "".join(page_texts(out))
    assert stats.people == 2 and stats.pages >= 2  # the long row runs onto the next page
    assert text.count("福") == LONG.count("福") == 98  # every line of it printed, none cut
    assert "嘉兴市南湖区解放街道" in text and "小区12号" in text
    assert "王秀兰" in text and "中山路12号" in text


def test_the_call_list_prints_beside_a_long_address(tmp_path: Path) -> None:
    lines = (
        CallLine("张桂英", "red", ("138****5678",), (ContactLine("王建国", "儿子", "139****1111"),), LONG),
        CallLine("王秀兰", "green", ("138****5679",), (), "中山路12号"),
    )
    doc = CallListDocument(META, "寒潮关怀", (date(2026, 12, 1), date(2026, 12, 7)), (("月河社区", lines),))
    out = tmp_path / "calls.pdf"
    call_list.write_call_list(out, doc)
    text = "".join(page_texts(out))
    assert "张桂英" in text and "王秀兰" in text
