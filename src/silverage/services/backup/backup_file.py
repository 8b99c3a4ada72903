"""The backup file: a small clear header, then one AES-256-GCM ciphertext of the manifest and database.

    MAGIC (16 bytes) | version (1 byte) | header length (4 bytes, big-endian) | header (JSON) | ciphertext

The header holds nothing personal: the office's sealed key (see ``office_key``), the ephemeral
public key and the nonce. The payload key comes from X25519 between the ephemeral key and the
office's key (HKDF-SHA256); everything before the ciphertext is the GCM associated data, so a
changed header byte fails as surely as a changed ciphertext byte. The payload is zlib-compressed:
a 4-byte manifest length, the manifest (JSON: when, schema revision, counts, audit chain head), and
the SQLite database image.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from silverage.domain.problems import UserError
from silverage.services.backup.office_key import OfficeKey, b64, damaged_key, unb64

MAGIC = b"SILVERAGE-BACKUP"
VERSION = 1
_PREFIX = struct.Struct(">BI")
SUFFIX = ".sgbak"


@dataclass(frozen=True)
class Opened:
    manifest: dict[str, Any]
    database: bytes


def _payload_key(shared: bytes, ephemeral: bytes, office: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = b"silverage backup v1" + ephemeral + office
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(manifest: dict[str, Any], database: bytes, key: OfficeKey) -> bytes:
    """The whole backup file's bytes (no password needed: the office's public key suffices)."""
    # cryptography loads here and in open_backup, not when the status bar asks about backups
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    nonce = os.urandom(12)
    header = json.dumps(
        {"format": VERSION, "key": key.as_json(), "ephemeral": b64(eph_pub), "nonce": b64(nonce)},
        separators=(",", ":"),
    ).encode("utf-8")
    prefix = MAGIC + _PREFIX.pack(VERSION, len(header)) + header
    man = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    payload = zlib.compress(struct.pack(">I", len(man)) + man + database, 6)
    aes = AESGCM(_payload_key(eph.exchange(key.public_key()), eph_pub, key.public))
    return prefix + aes.encrypt(nonce, payload, prefix)


def not_a_backup(path: Path) -> UserError:
    return UserError(
        f"“{path.name}”不是银龄备份文件，请选择扩展名为 {SUFFIX} 的备份",
        f"'{path.name}' is not a silverage backup; choose a {SUFFIX} file",
    )


def _split(path: Path, data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _PREFIX.size:
        raise not_a_backup(path)
    version, size = _PREFIX.unpack_from(data, len(MAGIC))
    if version != VERSION:
        raise UserError(
            f"“{path.name}”是更新版本的银龄做的备份，请升级本软件后再恢复",
            f"'{path.name}' was made by a newer silverage; update the app to restore it",
        )
    end = len(MAGIC) + _PREFIX.size + size
    try:
        header = json.loads(data[len(MAGIC) + _PREFIX.size : end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise damaged_key() from exc
    return data[:end], header, data[end:]


def read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"找不到备份文件“{path}”", f"Backup file not found: {path}") from None
    except IsADirectoryError:
        raise not_a_backup(path) from None
    except OSError as exc:
        raise UserError(
            f"无法读取备份文件“{path.name}”：{exc.strerror}", f"Cannot read the backup '{path.name}'"
        ) from exc


def open_backup(path: Path, data: bytes, password: str) -> Opened:
    """Check the password and every byte; the manifest and the database image, or a UserError."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    prefix, header, ciphertext = _split(path, data)
    if not isinstance(header, dict) or not isinstance(header.get("key"), dict):
        raise damaged_key()
    key = OfficeKey.from_json(header["key"])
    private = key.unlock(password)  # a wrong password stops here, before anything else
    try:
        eph_pub = unb64(header["ephemeral"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        aes = AESGCM(_payload_key(shared, eph_pub, key.public))
        payload = zlib.decompress(aes.decrypt(unb64(header["nonce"]), ciphertext, prefix))
        (n,) = struct.unpack_from(">I", payload)
        manifest = json.loads(payload[4 : 4 + n].decode("utf-8"))
    except (InvalidTag, KeyError, ValueError, zlib.error, struct.error) as exc:
        raise damaged_key() from exc
    return Opened(manifest, payload[4 + n :])
