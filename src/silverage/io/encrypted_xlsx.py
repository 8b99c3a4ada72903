"""Password-protected workbooks: the standard OOXML encryption (ECMA-376 agile, AES-256) that Excel
and WPS open with their password prompt, through msoffcrypto-tool.

Unmasked and complete exports are written encrypted; the import decrypts such a file into memory
(BytesIO) and never writes the plain workbook to disk.
"""

from __future__ import annotations

import io
from pathlib import Path

from silverage.domain.problems import UserError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def encrypt(plain: bytes, password: str) -> bytes:
    """The encrypted workbook's bytes for a plain .xlsx image."""
    from msoffcrypto.format.ooxml import OOXMLFile

    if not password:
        raise UserError("请设置文件密码", "Give the file a password")
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()


def is_encrypted(path: Path) -> bool:
    """An OLE container holding an encrypted OOXML package (how Excel stores a password-protected .xlsx)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head != OLE_MAGIC:
                return False
            fh.seek(0)
            sample = fh.read(1024 * 1024)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in sample or "EncryptionInfo".encode("utf-16-le") in sample


def needs_password(path: Path) -> UserError:
    return UserError(
        f"“{path.name}”设置了打开密码：请输入文件密码后再导入（命令行：环境变量 SILVERAGE_IMPORT_PASSWORD）",
        f"'{path.name}' is password-protected: give its password to import it (command line: set "
        "SILVERAGE_IMPORT_PASSWORD)",
    )


def wrong_password(path: Path) -> UserError:
    return UserError(
        f"“{path.name}”的文件密码不对，没有导入任何内容",
        f"Wrong password for '{path.name}'; nothing was imported",
    )


def decrypt(path: Path, password: str | None) -> io.BytesIO:
    """The plain workbook, in memory; a readable UserError when no or the wrong password is given."""
    import msoffcrypto
    from msoffcrypto.exceptions import DecryptionError, InvalidKeyError

    if not password:
        raise needs_password(path)
    with path.open("rb") as fh:
        office = msoffcrypto.OfficeFile(io.BytesIO(fh.read()))
    out = io.BytesIO()
    try:
        office.load_key(password=password)
        office.decrypt(out)
    except (InvalidKeyError, DecryptionError):
        raise wrong_password(path) from None
    except Exception as exc:  # a damaged container: msoffcrypto raises many kinds
        raise UserError(
            f"无法解密“{path.name}”：文件已损坏", f"Cannot decrypt '{path.name}': the file is damaged"
        ) from exc
    out.seek(0)
    return out
