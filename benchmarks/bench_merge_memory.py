"""Peak memory of an import preview of a crafted workbook: 979 people and a sheet padded with merges.

The file is as large as ``io/file_check.py`` lets through (200 MB: about 1.3 GB of sheet XML, as merges
compress about 7x): one ``A3:XFD1048576`` merge over everything, then tens of millions of
one-column ``<mergeCell>`` elements. The preview runs in a child process (``_measure``), so the peak
RSS printed is the import's alone. Issue 12 asks for < 500 MB. Run:
    python benchmarks/bench_merge_memory.py [--megabytes 1300]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from silverage.domain import idcard

sys.path.insert(0, str(Path(__file__).parent))
from _measure import measure  # noqa: E402

SHEET = "xl/worksheets/sheet1.xml"
CHILD = (
    "import sys\n"
    "from datetime import date\n"
    "from silverage.db.engine import open_database\n"
    "from silverage.domain.enums import Role\n"
    "from silverage.services.context import Actor, ServiceContext\n"
    "from silverage.services.print_export import roster_import\n"
    "ctx = ServiceContext(open_database(sys.argv[2]), Actor('duda', Role.SUPERVISOR, 'x'))\n"
    "plan = roster_import.plan_import(ctx, [sys.argv[1]], today=date(2026, 11, 26))\n"
    "print(plan.rows_read, len(plan.created), plan.rejected_rows)\n"
)


def _id(i: int) -> str:
    body = f"330402{date(1935, 1, 1) + timedelta(days=i):%Y%m%d}{i % 1000:03d}"
    return body + idcard.check_char(body)


def build(path: Path, megabytes: int) -> int:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["月河社区独居老人花名册"])
    ws.append(["姓名", "身份证号码", "联系电话", "网格", "微网格", "家庭住址"])
    for i in range(979):
        ws.append([f"测试{i:04d}", _id(i), f"138{i:08d}", "月河2网格", "1号微网格", f"月河街{i + 1}号"])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    head, _, tail = members.pop(SHEET).partition(b"</sheetData>")
    written = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in members.items():
            out.writestr(name, content)
        with out.open(SHEET, "w", force_zip64=True) as fh:
            fh.write(head + b'</sheetData><mergeCells><mergeCell ref="A3:XFD1048576"/>')
            r = 1000
            while written < megabytes * 1_000_000:
                block = "".join(f'<mergeCell ref="H{r + 2 * k}:H{r + 2 * k + 1}"/>' for k in range(20_000))
                data = block.encode()
                fh.write(data)
                written += len(data)
                r += 40_000
            fh.write(b"</mergeCells>" + tail)
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=1300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        path = Path(tmp) / "merges.xlsx"
        xml = build(path, args.megabytes)
        print(
            f"workbook {path.stat().st_size / 1e6:.0f} MB, sheet XML {xml / 1e6:.0f} MB of merges", flush=True
        )
        got = measure([sys.executable, "-c", CHILD, str(path), str(Path(tmp) / "db.sqlite")])
        print(f"preview: rows read, created, rejected = {got.stdout.decode().strip()}")
        print(f"preview {got.seconds:.1f} s, peak RSS {got.peak_mib:.0f} MiB (issue 12: < 500 MB)")


if __name__ == "__main__":
    main()
