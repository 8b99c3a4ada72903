"""The visit sheet renderer on its own: plain data in, a PDF a volunteer can use out."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import qrcode
from PIL import Image
from pyzbar.pyzbar import decode

from silverage.domain import visit_code
from silverage.domain.progress import run_to_end
from silverage.reports.blank_form import write_blank_form
from silverage.reports.data import ContactLine, DocMeta, SheetDocument, SheetSection, SheetVisit
from silverage.reports.page_parts import CONFIDENTIAL
from silverage.reports.visit_sheet import qr_matrix, write_visit_sheets
from tests.reports.pdf_tools import fonts, page_texts, qr_codes, render

META = DocMeta("示范街道", "李社工", datetime(2026, 11, 26, 9, 30), synthetic=False)
NOTES = ("行动不便，敲门后多等一会儿", "糖尿病")


def _visit(
    code: str | None, name: str, level: str | None = "red", notes: tuple[str, ...] = NOTES
) -> SheetVisit:
    return SheetVisit(
        code=code,
        day=date(2026, 11, 30),
        half_day=1,
        kind="home",
        name=name,
        gender="F",
        age=83,
        level=level,
        id_masked="3304**********123X",
        address="月河社区中山路12号3幢2单元301室",
        phones=("13812345678",),
        contacts=(ContactLine("张建国", "儿子", "13900001111"),),
        notes=notes,
    )


def _codes(n: int) -> list[str]:
    rng = random.Random(1)
    return [visit_code.new_code(rng) for _ in range(n)]


def test_sheet_holds_what_the_volunteer_needs(tmp_path: Path) -> None:
    codes = _codes(3)
    doc = SheetDocument(
        META,
        (date(2026, 11, 30), date(2026, 12, 6)),
        (
            SheetSection(
                "志愿者：王晓红",
                "13512345678",
                "月河社区",
                tuple(
                    _visit(c, n, lv)
                    for c, n, lv in zip(
                        codes, ("沈秀英", "钱根生", "顾阿妹"), ("red", "yellow", None), strict=True
                    )
                ),
            ),
        ),
    )
    out = tmp_path / "s.pdf"
    stats = run_to_end(write_visit_sheets(out, doc))
    assert (stats.pages, stats.entries) == (1, 3)  # three blocks a page
    texts = page_texts(out)
    assert len(texts) == 1
    first = texts[0]
    for expected in (
        "示范街道",
        "月河社区",
        "志愿者：王晓红",
        "13512345678",
        "第1页/共1页",
        "沈秀英",
        codes[0],
        "3304**********123X",
        "13812345678",
        "张建国（儿子）13900001111",
        "行动不便，敲门后多等一会儿",
        "糖尿病",
        "已探访，情况良好",
        "空访（不在家）",
        "居家安全（燃气/水/电）",
        "精神状态",
        "探访人签名",
        "红",
    ):
        assert expected in first, expected
    assert "未评估" in first
    assert all("".join(CONFIDENTIAL.split()) in t for t in texts)
    assert all("演示数据" not in t for t in texts)  # a real roster is not marked as a demo


def test_demo_sheets_say_so(tmp_path: Path) -> None:
    meta = DocMeta("示范街道（演示数据）", "李社工", datetime(2026, 11, 26), synthetic=True)
    doc = SheetDocument(meta, None, (SheetSection("志愿者：王晓红", "", "", (_visit("23456", "沈秀英"),)),))
    out = tmp_path / "d.pdf"
    run_to_end(write_visit_sheets(out, doc))
    assert page_texts(out)[0].count("演示数据") >= 2  # the header stamp, not only the subdistrict name


def test_cjk_font_is_embedded_as_subset(tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    run_to_end(
        write_visit_sheets(
            out,
            SheetDocument(
                META, None, (SheetSection("志愿者：王晓红", "", "", (_visit(_codes(1)[0], "沈秀英"),)),)
            ),
        )
    )
    rows = fonts(out)
    assert rows, "no fonts listed"
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert any("WenQuanYi" in r["name"] for r in rows)


def test_qr_modules_decode_to_the_code() -> None:
    """The matrix we draw is a valid QR code of the visit code (decoded from a clean image of it)."""
    for code in _codes(5):
        matrix = qr_matrix(code)
        size = len(matrix)
        img = Image.new("L", ((size + 8) * 8, (size + 8) * 8), 255)
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    img.paste(0, ((c + 4) * 8, (r + 4) * 8, (c + 5) * 8, (r + 5) * 8))
        assert [d.data.decode() for d in decode(img)] == [code]
    assert qrcode.__name__  # the library the sheets use is importable in a frozen build


def test_printed_qr_codes_scan_from_the_page(tmp_path: Path) -> None:
    codes = _codes(2)
    meta = DocMeta("示范街道（演示数据）", "李社工", datetime(2026, 11, 26), synthetic=True)  # with watermark
    doc = SheetDocument(
        meta, None, (SheetSection("志愿者：王晓红", "", "", tuple(_visit(c, "沈秀英") for c in codes)),)
    )
    out = tmp_path / "q.pdf"
    run_to_end(write_visit_sheets(out, doc))
    assert qr_codes(render(out, 1, tmp_path)) == set(codes)


def test_long_notes_and_addresses_stay_inside_the_block(tmp_path: Path) -> None:
    long_notes = ("行动不便，敲门后多等一会儿", "独自在家时不开门，先电话告知", "钥匙放在邻居家（302室）")
    visits = tuple(_visit(c, f"沈秀英{i}", notes=long_notes) for i, c in enumerate(_codes(5)))
    doc = SheetDocument(META, None, (SheetSection("志愿者：王晓红", "", "", visits),))
    out = tmp_path / "l.pdf"
    stats = run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    assert stats.pages == 2 == len(texts)
    for i, v in enumerate(visits):
        page = texts[i // 3]
        assert v.name in page and v.code in page  # a block is never split across pages


def test_sections_restart_page_numbers(tmp_path: Path) -> None:
    codes = _codes(5)
    doc = SheetDocument(
        META,
        None,
        (
            SheetSection("志愿者：王晓红", "", "", tuple(_visit(c, "沈秀英") for c in codes[:4])),
            SheetSection("志愿者：陈国庆", "", "", tuple(_visit(c, "钱根生") for c in codes[4:])),
        ),
    )
    out = tmp_path / "n.pdf"
    run_to_end(write_visit_sheets(out, doc))
    texts = page_texts(out)
    assert ["第1页/共2页" in texts[0], "第2页/共2页" in texts[1], "第1页/共1页" in texts[2]] == [True] * 3
    assert "陈国庆" in texts[2] and "陈国庆" not in texts[1]


def test_blank_form_has_boxes_but_nobody_on_it(tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    stats = write_blank_form(out, META)
    text = page_texts(out)[0]
    assert stats.pages == 1
    assert "已探访，情况良好" in text and "探访人签名" in text and "无探访编号" in text
    assert "3304" not in text


def test_configured_font_used_and_bad_one_falls_back(tmp_path: Path, monkeypatch) -> None:
    from silverage.paths import font_path
    from silverage.reports.fonts import BUNDLED, ENV_VAR, register_fonts

    assert register_fonts(tmp_path / "missing.ttf") == BUNDLED  # a wrong setting must not stop printing
    monkeypatch.setenv(ENV_VAR, str(font_path()))  # stands in for e.g. C:\Windows\Fonts\simhei.ttf
    name = register_fonts()
    assert name != BUNDLED
    out = tmp_path / "sys.pdf"
    section = SheetSection("志愿者：王晓红", "", "", (_visit(_codes(1)[0], "沈秀英"),))
    run_to_end(write_visit_sheets(out, SheetDocument(META, None, (section,)), font=name))
    assert "沈秀英" in page_texts(out)[0]
    assert all(r["emb"] == "yes" for r in fonts(out))
