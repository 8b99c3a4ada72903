"""Files that are not a readable roster get a clear message in both languages and change nothing."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.db import models as m
from silverage.domain.problems import UserError
from silverage.io.file_check import OLE_MAGIC
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY

pytestmark = pytest.mark.db

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def _roster_bytes() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _replace_member(data: bytes, name: str, content: bytes, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", level) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def _elders(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Elder)) or 0)


CASES = {
    "old.xls": (OLE_MAGIC + b"\0" * 2000, "97-2003"),
    "wps.et": (OLE_MAGIC + b"\0" * 2000, "WPS"),
    "locked.xlsx": (
        OLE_MAGIC
        + b"\0" * 500
        + "EncryptionInfo".encode("utf-16-le")
        + b"\0" * 64
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 500,
        "密码",
    ),
    "roster.csv": ("姓名,身份证号码\n张三,330402194503021234\n".encode(), "CSV"),
    "empty.xlsx": (b"", "空"),
    "garbage.xlsx": (b"\x00\x01\x02 not a workbook" * 40, "损坏"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_unreadable_files_are_explained(ctx: ServiceContext, tmp_path: Path, name: str) -> None:
    data, word = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [path], today=TODAY)
    assert word in info.value.zh and name in info.value.zh and info.value.en
    assert _elders(ctx) == 0


def test_damaged_and_foreign_zips(ctx: ServiceContext, tmp_path: Path) -> None:
    good = _roster_bytes()
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [truncated], today=TODAY)
    assert "损坏" in info.value.zh
    doc = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [doc], today=TODAY)
    assert "Word" in info.value.zh


def test_a_workbook_without_a_roster_says_what_is_missing(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["日期", "活动", "地点"])
    wb.active.append(["11月3日", "重阳节慰问", "月河社区"])
    wb.save(path)
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [path], today=TODAY)
    assert "姓名" in info.value.zh and "身份证号码" in info.value.zh


def test_billion_laughs_is_refused_without_blowing_up_memory(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_replace_member(_roster_bytes(), "xl/worksheets/sheet1.xml", BILLION_LAUGHS))
    tracemalloc.start()
    try:
        with pytest.raises(UserError) as info:
            roster_import.plan_import(ctx, [path], today=TODAY)
        # Even past our own check, openpyxl parses through defusedxml and refuses entities.
        with pytest.raises(Exception) as raw:
            wb = openpyxl.load_workbook(path, read_only=True)
            list(wb.active.iter_rows(values_only=True))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "异常" in info.value.zh
    chain, exc = [], raw.value
    while exc is not None:
        chain.append(type(exc).__module__)
        exc = exc.__cause__ or exc.__context__
    assert any(mod.startswith("defusedxml") for mod in chain), chain
    assert peak < 50 * 1024 * 1024
    assert _elders(ctx) == 0


def test_zip_bomb_is_refused(ctx: ServiceContext, tmp_path: Path) -> None:
    padding = b"<!-- " + b" " * (30 * 1024 * 1024) + b" -->"
    sheet = zipfile.ZipFile(io.BytesIO(_roster_bytes())).read("xl/worksheets/sheet1.xml")
    path = tmp_path / "zipbomb.xlsx"
    path.write_bytes(_replace_member(_roster_bytes(), "xl/worksheets/sheet1.xml", sheet + padding))
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [path], today=TODAY)
    assert "炸弹" in info.value.zh


def test_a_huge_file_is_refused_before_reading(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.xlsx"
    path.write_bytes(_roster_bytes())
    monkeypatch.setattr("silverage.io.file_check.MAX_FILE_BYTES", 1000)
    with pytest.raises(UserError) as info:
        roster_import.plan_import(ctx, [path], today=TODAY)
    assert "太大" in info.value.zh and "too large" in info.value.en
