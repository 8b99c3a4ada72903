"""Damaged workbooks: every way the bytes can be broken is one clear UserError, and nothing is written.

A valid roster is built with openpyxl, then damaged deterministically (fixed seed): bytes flipped
inside the compressed sheet and shared-string members, the file cut short, the shared strings broken
after row 30, a negative shared-string index. Each must give a UserError naming the file, through the
import plan and through ``silverage import --dry-run`` (exit 2, one Chinese and one English line).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from silverage.cli import main
from silverage.db import models as m
from silverage.domain.problems import UserError
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_import
from tests.conftest import TODAY
from tests.io.helpers import add_places, make_id

pytestmark = pytest.mark.db

ROWS = 60
HEADER = ["姓名", "身份证号码", "联系电话", "网格", "微网格", "家庭住址"]


def _valid_bytes(address: str | None = None, long_row: int = 5) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(HEADER)
    for i in range(ROWS):
        addr = address if address is not None and i == long_row else f"月河街{i + 1}号"
        ws.append(
            [
                f"测试{i:03d}号",
                make_id(date(1940, 1, 1), male=bool(i % 2), seq=i + 1),
                f"1380000{i:04d}",
                "月河2网格",
                "月河2网格1号微网格",
                addr,
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return _with_shared_strings(buf.getvalue())


def _with_shared_strings(data: bytes) -> bytes:
    """openpyxl writes inline strings; Excel and WPS write a shared-string table, so use one."""
    members = _members(data)
    strings: list[str] = []

    def shared(match: re.Match[str]) -> str:
        strings.append(match.group(2))
        return f'{match.group(1)} t="s"><v>{len(strings) - 1}</v>'

    sheet = members["xl/worksheets/sheet1.xml"].decode()
    members["xl/worksheets/sheet1.xml"] = re.sub(
        r'(<c r="[A-Z]+[0-9]+"(?: s="\d+")?) t="inlineStr"><is><t>([^<]*)</t></is>', shared, sheet
    ).encode()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    members["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{items}</sst>'
    ).encode()
    members["[Content_Types].xml"] = (
        members["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        .encode()
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    members["xl/_rels/workbook.xml.rels"] = (
        members["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            f'<Relationship Id="rIdSst" Type="{rel}" Target="sharedStrings.xml"/></Relationships>',
        )
        .encode()
    )
    return _rezip(members)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def _rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out.getvalue()


def _flip(data: bytes, member: str, fraction: float, seed: int) -> bytes:
    """Flip one byte inside ``member``'s compressed data (the CRC is left as it was)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    pos = start + int(info.compress_size * fraction)
    rnd = random.Random(seed)
    out = bytearray(data)
    out[pos] ^= rnd.randrange(1, 256)
    return bytes(out)


def _broken_strings_after_row_30(data: bytes) -> bytes:
    members = _members(data)
    xml = members["xl/sharedStrings.xml"].decode()
    # the names are shared strings 测试000号 ... : break the XML at the 40th person's name
    xml = xml.replace("<t>测试040号</t>", "<t>测试040号</t><si><t>", 1)
    members["xl/sharedStrings.xml"] = xml.encode()
    return _rezip(members)


def _sheet_broken_after_row_30(data: bytes) -> bytes:
    """Cut row 40's XML in the middle of a cell: the sheet's first 30 rows still parse."""
    members = _members(data)
    xml = members["xl/worksheets/sheet1.xml"].decode()
    start = xml.index('<c r="B40"')
    members["xl/worksheets/sheet1.xml"] = (xml[:start] + '<c r="B40" t="s"><v>1' + xml[start + 40 :]).encode()
    return _rezip(members)


def _shared_index(data: bytes, value: str) -> bytes:
    """Give row 35's name cell shared-string index ``value`` (e.g. -1)."""
    members = _members(data)
    xml = members["xl/worksheets/sheet1.xml"].decode()
    xml, n = re.subn(r'(<c r="A35"[^>]*t="s"[^>]*><v>)\d+(</v>)', rf"\g<1>{value}\g<2>", xml)
    assert n == 1
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    return _rezip(members)


def _variants() -> dict[str, bytes]:
    good = _valid_bytes()
    out: dict[str, bytes] = {}
    for member in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
        for k, fraction in enumerate((0.02, 0.3, 0.5, 0.7, 0.95)):
            out[f"flip-{member.split('/')[-1]}-{fraction}"] = _flip(good, member, fraction, seed=1200 + k)
    for cut in (0.3, 0.6, 0.9, 0.99):
        out[f"truncated-{cut}"] = good[: int(len(good) * cut)]
    out["strings-broken-after-row-30"] = _broken_strings_after_row_30(good)
    out["sheet-broken-after-row-30"] = _sheet_broken_after_row_30(good)
    for seed in range(12):  # fuzz: one random byte flipped anywhere in the sheet's compressed data
        rnd = random.Random(seed)
        out[f"fuzz-sheet-{seed}"] = _flip(good, "xl/worksheets/sheet1.xml", rnd.random(), seed)
    out["negative-shared-string"] = _shared_index(good, "-1")
    out["shared-string-out-of-range"] = _shared_index(good, "99999")
    return out


VARIANTS = _variants()


def _elders(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Elder)) or 0)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_damaged_workbook_is_one_user_error(ctx: ServiceContext, tmp_path: Path, name: str) -> None:
    add_places(ctx)
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(VARIANTS[name])
    before = _elders(ctx)
    with pytest.raises(UserError) as err:
        plan = roster_import.plan_import(ctx, [path], today=TODAY)
        roster_import.apply_plan(ctx, plan, today=TODAY)
    assert "花名册.xlsx" in err.value.zh and "花名册.xlsx" in err.value.en
    assert re.search(r"[\u4e00-\u9fff]", err.value.zh)
    assert _elders(ctx) == before


def test_damage_while_streaming_names_sheet_and_row(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(VARIANTS["negative-shared-string"])
    with pytest.raises(UserError) as err:
        roster_import.plan_import(ctx, [path], today=TODAY)
    assert "损坏" in err.value.zh and "月河社区" in err.value.zh and "第35行" in err.value.zh
    assert "row 35" in err.value.en


@pytest.mark.parametrize(
    "name", ["flip-sheet1.xml-0.5", "truncated-0.6", "strings-broken-after-row-30", "negative-shared-string"]
)
def test_cli_dry_run_exits_2_with_one_line_each(
    ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    add_places(ctx)
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(VARIANTS[name])
    url = ctx.db.url.render_as_string(hide_password=False)
    code = main(["--db", url, "import", str(path), "--dry-run"])
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, (out, err)
    assert len(lines) == 2, err
    assert re.search(r"[\u4e00-\u9fff]", lines[0]) and "花名册.xlsx" in lines[0]
    assert "Error:" in lines[1] and "damaged" in lines[1] and "损坏" not in lines[1]
    assert "Traceback" not in err and "internal" not in err.lower()


def test_overlong_address_is_rejected_with_the_limit(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    path = tmp_path / "长地址.xlsx"
    path.write_bytes(_valid_bytes(address="月" * 100_000, long_row=5))
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert len(plan.created) == ROWS - 1
    [bad] = plan.rejected
    assert (bad.sheet, bad.row, bad.column) == ("月河社区", 7, "家庭住址")
    assert "最多 200 个字" in bad.zh and "200" in bad.en
    roster_import.apply_plan(ctx, plan, today=TODAY)
    assert _elders(ctx) == ROWS - 1


def test_overlong_contact_relation_is_rejected_with_the_limit(ctx: ServiceContext, tmp_path: Path) -> None:
    add_places(ctx)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["姓名", "身份证号码", "网格", "微网格", "紧急联系人", "与老人关系"])
    ws.append(
        [
            "陆阿婆",
            make_id(date(1940, 1, 1), male=False, seq=1),
            "月河2网格",
            "月河2网格1号微网格",
            "陆小明",
            "儿" * 30,
        ]
    )
    ws.append(
        ["钱老伯", make_id(date(1940, 1, 1), seq=2), "月河2网格", "月河2网格1号微网格", "钱小红", "女儿"]
    )
    path = tmp_path / "关系.xlsx"
    wb.save(path)
    plan = roster_import.plan_import(ctx, [path], today=TODAY)
    assert len(plan.created) == 1
    [bad] = plan.rejected
    assert (bad.row, bad.column) == (2, "与老人关系") and "最多 20 个字" in bad.zh
