"""Phone check-ins on the visit sheets: one table row each after the home-visit blocks, never split."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from silverage.domain import visit_code
from silverage.domain.progress import run_to_end
from silverage.reports.data import ContactLine, DocMeta, SheetDocument, SheetSection, SheetVisit
from silverage.reports.page_parts import wrap
from silverage.reports.sheet_layout import (
    BLOCK_H,
    BLOCKS_PER_PAGE,
    CALL_CAPTION_H,
    CALL_HEAD_H,
    CALL_ROW_H,
    CONTENT_BOTTOM,
    CONTENT_TOP,
    plan_section,
    week_height,
)
from silverage.reports.visit_sheet import write_visit_sheets
from tests.reports.pdf_tools import page_texts, qr_codes, render

META = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30))
DEMO = replace(META, synthetic=True)


def _visits(homes: int, calls: int, seed: int = 2) -> tuple[SheetVisit, ...]:
    rng = random.Random(seed)
    out = []
    for i in range(homes + calls):
        out.append(
            SheetVisit(
                code=visit_code.new_code(rng),
                day=date(2026, 12, 1 + i % 5),
                half_day=i % 2,
                kind="phone" if i >= homes else "home",
                name=f"沈秀{'英兰'[i % 2]}{i:02d}",
                gender="F",
                age=80,
                level=("red", "yellow", "green")[i % 3],
                id_masked="3304**********123X",
                address=f"中山路{i}号",
                phones=(f"138{i:08d}", f"0573-8{i:07d}"),
                contacts=(
                    ContactLine("张建国", "儿子", f"139{i:08d}"),
                    ContactLine("张建华", "女儿", "0573-88880000"),
                ),
                notes=("耳背，请大声说话",),
            )
        )
    rng.shuffle(out)  # the order of the period: calls and home visits mixed by date
    return tuple(out)


def _write(
    tmp_path: Path, visits: tuple[SheetVisit, ...], meta: DocMeta = META
) -> tuple[int, list[str], Path]:
    out = tmp_path / "calls.pdf"
    doc = SheetDocument(
        meta,
        (date(2026, 11, 30), date(2026, 12, 6)),
        (SheetSection("志愿者：王晓红", "13512345678", "月河社区", visits),),
    )
    stats = run_to_end(write_visit_sheets(out, doc))
    return stats.pages, page_texts(out), out


def test_calls_are_rows_after_the_home_visits(tmp_path: Path) -> None:
    visits = _visits(homes=4, calls=26)
    pages, texts, _ = _write(tmp_path, visits)
    # 4 blocks: 3 on page 1, 1 on page 2; 10 call rows fill page 2 below that block, 16 a page after.
    assert pages == len(texts) == 3
    assert sum(t.count("探访人签名") for t in texts) == 4  # a block for each home visit, none for a call
    calls = [v for v in visits if v.kind == "phone"]
    first_call_page = next(i for i, t in enumerate(texts) if calls[0].code in t)
    assert first_call_page == 1 and "电话问候（共26次）" in texts[1]
    for v in calls:
        on = [i for i, t in enumerate(texts) if v.code in t]
        assert len(on) == 1, v.code
        page = texts[on[0]]
        # the row is whole on its page: who, which level, what to dial, whom to ring instead
        for part in (v.name, v.phones[0], v.phones[1], v.contacts[0].phone, "张建国（儿子）"):
            assert part in page, (v.code, part)
    for t in texts[1:]:
        assert "姓名/日期" in t and "探访编号" in t  # headings repeat on every page of the table
        assert all(word in t for word in ("接通良好", "需跟进", "未接通", "其他"))
    assert "（续）" in texts[2] and "（续）" not in texts[1]
    assert all(f"第{n}页/共3页" in t for n, t in enumerate(texts, 1))
    assert all("内含个人信息" in t for t in texts)
    # rows keep the order the section gives them (the service sorts by date)
    where = [(i, t.index(v.code)) for v in calls for i, t in enumerate(texts) if v.code in t]
    assert where == sorted(where)


def test_call_codes_scan_from_a_page_of_rows(tmp_path: Path) -> None:
    visits = _visits(homes=0, calls=16, seed=5)
    pages, texts, out = _write(tmp_path, visits, DEMO)  # with the grey demo watermark across the rows
    assert pages == 1 and "探访人签名" not in texts[0]  # calls only: no home-visit block at all
    assert qr_codes(render(out, 1, tmp_path)) == {v.code for v in visits}  # rendered at 150 dpi


def test_a_call_without_phone_or_contact_says_so(tmp_path: Path) -> None:
    v = replace(_visits(0, 1)[0], phones=(), contacts=(), level=None, name="欧阳秀英兰")
    _, texts, _ = _write(tmp_path, (v,))
    assert "（无电话）" in texts[0] and "未评估" in texts[0] and v.code in texts[0]


@pytest.mark.parametrize("weeks", [0, 1, 2, 5])
@pytest.mark.parametrize("homes", range(0, 8))
@pytest.mark.parametrize("calls", [0, 1, 4, 5, 10, 11, 16, 17, 40])
def test_no_block_or_row_crosses_the_footer(homes: int, calls: int, weeks: int) -> None:
    visits = _visits(homes, calls)
    plans = plan_section(visits, weeks)
    seen = []
    assert [p.weeks for p in plans] == [weeks] + [0] * (len(plans) - 1)  # the week heads page 1 only
    for plan in plans:
        assert len(plan.blocks) <= BLOCKS_PER_PAGE
        below = CONTENT_TOP - week_height(plan.weeks)
        for top, v in plan.blocks:
            assert top <= below and top - BLOCK_H >= CONTENT_BOTTOM - 0.01
            seen.append(v)
        if plan.calls:
            part = plan.calls
            lowest = part.top - CALL_CAPTION_H - CALL_HEAD_H - len(part.rows) * CALL_ROW_H
            assert part.rows and lowest >= CONTENT_BOTTOM
            assert part.top <= below
            if plan.blocks:  # a table under blocks starts below the last of them
                assert part.top <= plan.blocks[-1][0] - BLOCK_H
            seen.extend(part.rows)
    assert sorted(seen, key=visits.index) == list(visits) and len(seen) == len(visits)
    assert [v.kind for v in seen] == sorted(v.kind for v in visits)  # home visits first, then calls
    assert len(plans) >= 1


def test_week_of_a_red_level_volunteer_fits_one_page() -> None:
    """Two home visits and four calls (a typical red-level week) print on a single sheet, under the
    line of the volunteer's week."""
    assert len(plan_section(_visits(homes=2, calls=4), weeks=1)) == 1
    # a full page of blocks, then the calls
    assert len(plan_section(_visits(homes=3, calls=4), weeks=1)) == 2


def test_wrapped_notes_never_start_a_line_with_punctuation() -> None:
    from silverage.reports.fonts import register_fonts

    font = register_fonts()
    text = "行动不便，敲门后多等一会儿；独自在家时不开门，先电话告知；钥匙放在邻居家"
    for width in range(120, 400, 7):
        lines = wrap(text, font, 13, width, 3)
        assert all(line[0] not in "，；。" for line in lines[1:]), lines
