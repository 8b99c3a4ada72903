"""Refuse files that are not a readable .xlsx *before* any parser touches them.

Offices send old .xls, WPS .et, CSV, password-protected workbooks (an encrypted OLE container, not a
zip), damaged downloads, and occasionally crafted files (zip bombs, XML entity bombs). Each gets a
message in Chinese and English saying what it is and what to do; nothing is read or written.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

import openpyxl

from silverage.domain.problems import UserError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 200 * 1024 * 1024  # a 100,000-person roster is about 10 MB
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 300  # real sheet XML compresses 10-30x; bombs thousands of times


def _bad(zh: str, en: str, path: Path) -> UserError:
    return UserError(f"无法导入“{path.name}”：{zh}", f"Cannot import '{path.name}': {en}")


def check_xlsx(path: Path, decrypted: BinaryIO | None = None) -> None:
    """Raise UserError unless ``path`` looks like a safe, readable .xlsx workbook (``decrypted``: the
    image of a password-protected one, checked as the zip it holds)."""
    if decrypted is not None:
        _check_zip(path, decrypted)
        return
    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise UserError(
            "缺少安全组件 defusedxml，无法安全读取Excel文件",
            "defusedxml is missing: Excel files cannot be read safely",
        )
    if not path.exists():
        raise UserError(f"找不到文件“{path}”", f"File not found: {path}")
    if path.is_dir():
        raise _bad("这是一个文件夹", "it is a folder", path)
    size = path.stat().st_size
    if size == 0:
        raise _bad("文件是空的（0字节）", "the file is empty (0 bytes)", path)
    if size > MAX_FILE_BYTES:
        raise _bad(
            f"文件太大（{size // 1024 // 1024} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）",
            f"the file is too large ({size // 1024 // 1024} MB, limit {MAX_FILE_BYTES // 1024 // 1024} MB)",
            path,
        )
    with path.open("rb") as fh:
        head = fh.read(8)
        fh.seek(0)
        sample = fh.read(min(size, 1024 * 1024))
    suffix = path.suffix.lower()
    if head == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in sample or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in sample:
            raise _bad(
                "文件设置了打开密码：请输入文件密码后再导入（命令行：环境变量 SILVERAGE_IMPORT_PASSWORD）",
                "the workbook is password-protected: give its password to import it (command line: "
                "set SILVERAGE_IMPORT_PASSWORD)",
                path,
            )
        if suffix == ".et":
            raise _bad(
                "这是WPS表格格式(.et)。请在WPS中“另存为”Excel工作簿(*.xlsx)后再导入",
                "this is a WPS Spreadsheets file (.et). Save it as an Excel Workbook (*.xlsx) in WPS",
                path,
            )
        raise _bad(
            "这是旧版Excel 97-2003格式(.xls)。请在Excel或WPS中“另存为”Excel工作簿(*.xlsx)后再导入",
            "this is an old Excel 97-2003 file (.xls). Save it as an Excel Workbook (*.xlsx)",
            path,
        )
    if head[:4] != ZIP_MAGIC:
        if suffix in (".csv", ".txt") or _looks_like_text(sample):
            raise _bad(
                "这是CSV/文本文件，不是Excel工作簿。请用Excel或WPS打开后另存为.xlsx",
                "this is a CSV/text file, not an Excel workbook. Open it in Excel or WPS and save "
                "it as .xlsx",
                path,
            )
        raise _bad(
            "文件已损坏，或者不是Excel工作簿(.xlsx)",
            "the file is damaged or is not an Excel workbook (.xlsx)",
            path,
        )
    _check_zip(path)


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample[:4096]:
        return False
    for enc in ("utf-8-sig", "gb18030"):
        try:
            sample[:4096].decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _check_zip(path: Path, source: BinaryIO | None = None) -> None:
    try:
        if source is not None:
            source.seek(0)
        with zipfile.ZipFile(source if source is not None else path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                if "word/document.xml" in names:
                    raise _bad(
                        "这是Word文档，不是Excel工作簿", "this is a Word document, not a workbook", path
                    )
                raise _bad(
                    "压缩包里没有Excel工作簿内容（文件已损坏或不是.xlsx）",
                    "the archive holds no workbook (damaged, or not an .xlsx)",
                    path,
                )
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise _crafted(path)
            if total > MAX_UNPACKED_BYTES:
                raise _crafted(path)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as member:
                        start = member.read(4096).upper()
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise _crafted(path)
    except UserError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, NotImplementedError, EOFError from a damaged archive
        raise _bad(
            "文件已损坏（压缩结构无法读取），请重新保存或重新下载",
            "the file is damaged (the archive cannot be read); save or download it again",
            path,
        ) from exc


def _crafted(path: Path) -> UserError:
    return _bad(
        "文件内容异常（可能是被构造的恶意文件或“压缩炸弹”），为安全起见拒绝读取",
        "the file's content is abnormal (possibly crafted: a zip or XML bomb); refused for safety",
        path,
    )


def check_output(path: Path) -> None:
    """Raise UserError unless ``path`` can be written as a new or replaced file: its folder exists and
    it is not itself a folder. Every PDF and Excel writer calls this before anything touches the disk."""
    path = Path(path)
    if path.is_dir():
        raise UserError(
            f"“{path}”是一个文件夹，请写文件名（例如 {path / ('输出' + (path.suffix or '.pdf'))}）",
            f"'{path}' is a folder; give a file name in it",
        )
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            f"文件夹 {folder} 不存在，请先建好或换一个文件夹",
            f"The folder {folder} does not exist; create it first or choose another folder",
        )
