"""A 500-character address (an old import, a pasted description) is printed wrapped in full on the
roster and on the visit sheets (its block grows), and never stops the printout for everyone else on
it; the call list (which prints no address) is not disturbed by one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from silverage.domain.progress import run_to_end
from silverage.reports import call_list, roster_report
from silverage.reports.data import (
    CallLine,
    CallListDocument,
    ContactLine,
    DocMeta,
    RosterDocument,
    RosterGroup,
    RosterLine,
    SheetDocument,
    SheetSection,
    SheetVisit,
)
from silverage.reports.visit_sheet import sheet_pages, write_visit_sheets
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


def _home(name: str, address: str) -> SheetVisit:
    return SheetVisit(
        code=None,
        day=date(2026, 11, 30),
        half_day=0,
        kind="home",
        name=name,
        gender="F",
        age=83,
        level="red",
        id_masked="3304**********123X",
        address=address,
        phones=("138****5678",),
        contacts=(ContactLine("张建国", "儿子", "139****1111"),),
        notes=("行动不便",),
    )


def test_the_visit_sheet_prints_a_long_address_wrapped_in_its_block(tmp_path: Path) -> None:
    visits = (
        _home("张桂英", LONG),
        _home("王秀兰", "中山路12号"),
        _home("李淑珍", "中山路14号"),
        _home("赵玉梅", "中山路16号"),
    )
    doc = SheetDocument(
        META,
        (date(2026, 11, 30), date(2026, 12, 6)),
        (SheetSection("志愿者：王晓红", "", "月河社区", visits),),
    )
    out = tmp_path / "sheets.pdf"
    stats = run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    # Four blocks, one of them long: two sheets, as many as the page numbers say.
    assert stats.pages == len(texts) == sheet_pages(visits, doc.period) == 2
    assert "第1页/共2页" in texts[0]
    text = "".join(texts)
    assert text.count("福") == 98  # every line of the address printed, none cut
    assert "嘉兴市南湖区解放街道" in text and "小区12号" in text
    for name in ("王秀兰", "李淑珍", "赵玉梅"):  # everyone after it printed too
        assert name in text
    assert text.count("张建国（儿子）") == 4 and text.count("★注意：行动不便") == 4


def test_an_address_longer_than_a_page_still_prints_on_one_block(tmp_path: Path) -> None:
    endless = "幸福里小区" * 400  # 2,000 characters: the block is one whole page, the rest left out
    visits = (_home("张桂英", endless), _home("王秀兰", "中山路12号"))
    doc = SheetDocument(META, None, (SheetSection("志愿者：王晓红", "", "月河社区", visits),))
    out = tmp_path / "sheets.pdf"
    stats = run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    assert stats.pages == len(texts) == 2
    assert "张桂英" in texts[0] and "…" in texts[0] and "王秀兰" in texts[1]
