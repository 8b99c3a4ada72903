"""The office's backup password, stored only as a key pair whose private half it seals.

Automatic backups run when the window closes and once a day, with nobody there to type a
password; yet a lost USB stick must reveal nothing. So the database keeps an X25519 public key in
clear and the private key sealed with AES-256-GCM under a key derived from the backup password
(scrypt). Each backup is encrypted to the public key (no password needed to make one) and carries
the sealed private key in its header, so the backup alone plus the password opens it, even when
the database it came from is gone. The password itself is never stored: the sealed key is its
verifier (a wrong password fails the GCM tag).

Changing the password makes a new key pair: later backups open with the new password, earlier
ones with the password they were made under (the backup page says so).
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from silverage.domain import passwords
from silverage.domain.problems import Problem, UserError, ValidationError

if TYPE_CHECKING:  # cryptography (~6 MiB) loads when a key is made or opened, not at start-up
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # 32 MiB and about 0.1 s per try: slow for a guesser
DEMO_BACKUP_PASSWORD = "demo"  # the synthetic demo roster's, documented in the README


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kek(password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


@dataclass(frozen=True)
class OfficeKey:
    """The public key backups are made with, and its private key sealed by the password."""

    public: bytes
    sealed: dict[str, Any]  # kdf parameters, salt, nonce and the sealed private key (base64)

    def as_json(self) -> dict[str, Any]:
        return {"v": 1, "public": b64(self.public), **self.sealed}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OfficeKey:
        try:
            public = unb64(data["public"])
            sealed = {k: data[k] for k in ("kdf", "salt", "nonce", "wrapped")}
        except (KeyError, TypeError, ValueError) as exc:
            raise damaged_key() from exc
        return cls(public, sealed)

    def public_key(self) -> X25519PublicKey:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        return X25519PublicKey.from_public_bytes(self.public)

    def unlock(self, password: str) -> X25519PrivateKey:
        """The private key, or a UserError when ``password`` is not the one it was sealed with."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            kdf = self.sealed["kdf"]
            kek = _kek(password, unb64(self.sealed["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
            raw = AESGCM(kek).decrypt(unb64(self.sealed["nonce"]), unb64(self.sealed["wrapped"]), self.public)
        except InvalidTag:
            raise wrong_password() from None
        except (KeyError, TypeError, ValueError) as exc:
            raise damaged_key() from exc
        return X25519PrivateKey.from_private_bytes(raw)


def new_key(password: str) -> OfficeKey:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(_kek(password, salt)).encrypt(nonce, raw, public)
    sealed = {
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "salt": b64(salt),
        "nonce": b64(nonce),
        "wrapped": b64(wrapped),
    }
    return OfficeKey(public, sealed)


def check_new_password(password: str, *, synthetic: bool = False) -> None:
    """The account password rules apply (the demo roster's documented ``demo`` excepted)."""
    if synthetic and password == DEMO_BACKUP_PASSWORD:
        return
    problem = passwords.check(password)
    if problem is not None:
        raise ValidationError(
            [Problem("backup_password", f"备份密码：{problem.zh}", f"Backup password: {problem.en}")]
        )


def wrong_password() -> UserError:
    return UserError(
        "备份密码不对，什么也没有改。（修改过备份密码的，修改之前的备份要用当时的密码打开）",
        "Wrong backup password; nothing was changed. (Backups made before a password change open "
        "with the password of that time)",
    )


def damaged_key() -> UserError:
    return UserError(
        "备份文件已损坏或被改动过，无法打开；请换一个备份文件",
        "The backup file is damaged or was altered and cannot be opened; use another backup",
    )
