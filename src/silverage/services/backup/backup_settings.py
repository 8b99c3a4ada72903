"""The backup folder and the backup password, as an administrator sets them (in the ``setting`` table)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied, UserError
from silverage.services import audit
from silverage.services.backup import office_key
from silverage.services.backup.folder import default_folder
from silverage.services.backup.office_key import OfficeKey
from silverage.services.context import ServiceContext

FOLDER_SETTING = "backup_folder"
KEY_SETTING = "backup_key"


def _get(s: Session, key: str) -> Any:
    row = s.get(m.Setting, key)
    return None if row is None else row.value


def _put(s: Session, ctx: ServiceContext, key: str, value: Any) -> Any:
    row = s.get(m.Setting, key)
    old = None if row is None else row.value
    if row is None:
        s.add(m.Setting(key=key, value=value, updated_by=ctx.actor.username))
    else:
        row.value, row.updated_by = value, ctx.actor.username
    return old


def require_admin(ctx: ServiceContext, what_zh: str, what_en: str) -> None:
    a = ctx.actor
    if a.role != Role.ADMIN:
        raise PermissionDenied(
            f"只有管理员可以{what_zh}（当前用户：{a.shown_name}，{a.role.zh}）",
            f"Only an administrator may {what_en} (signed in as {a.username}, {a.role.en})",
        )


def backup_folder(ctx: ServiceContext) -> Path:
    with ctx.read() as s:
        value = _get(s, FOLDER_SETTING)
    return Path(value) if isinstance(value, str) and value.strip() else default_folder()


def set_backup_folder(ctx: ServiceContext, folder: str | Path) -> Path:
    """An administrator's choice of folder; it must exist (or be creatable) and take a file."""
    require_admin(ctx, "设置备份文件夹", "choose the backup folder")
    path = Path(folder).expanduser()
    if not str(folder).strip():
        raise UserError("请选择备份文件夹", "Choose a backup folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".silverage-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(
            f"无法在 {path} 写入备份：{exc.strerror or '没有权限'}",
            f"Cannot write backups to {path}: {exc.strerror or 'no permission'}",
        ) from exc
    path = path.resolve()
    with ctx.transaction() as s:
        old = _put(s, ctx, FOLDER_SETTING, str(path))
        audit.record(s, ctx.actor, "update", "setting", None, field=FOLDER_SETTING, old=old, new=str(path))
    return path


def stored_key(ctx: ServiceContext) -> OfficeKey | None:
    with ctx.read() as s:
        value = _get(s, KEY_SETTING)
    return OfficeKey.from_json(value) if isinstance(value, dict) else None


def has_backup_password(ctx: ServiceContext) -> bool:
    return stored_key(ctx) is not None


def _synthetic(s: Session) -> bool:
    meta = s.get(m.AppMeta, "synthetic")
    return meta is not None and meta.value == "1"


def set_backup_password(ctx: ServiceContext, password: str, *, first: bool = False) -> None:
    """Set (``first``: only while none is set, for setup) or change (administrators) the password."""
    with ctx.read() as s:
        synthetic = _synthetic(s)
        exists = _get(s, KEY_SETTING) is not None
    if first and exists:
        raise UserError("备份密码已经设置过了", "The backup password is already set")
    if exists or not first:
        require_admin(ctx, "修改备份密码", "change the backup password")
    office_key.check_new_password(password, synthetic=synthetic)
    key = office_key.new_key(password)
    with ctx.transaction() as s:
        _put(s, ctx, KEY_SETTING, key.as_json())
        audit.record(s, ctx.actor, "set_backup_password", "setting", None, field=KEY_SETTING)


def verify_backup_password(ctx: ServiceContext, password: str) -> None:
    key = stored_key(ctx)
    if key is None:
        raise no_password()
    key.unlock(password)


def ensure_demo_backup_password(ctx: ServiceContext) -> bool:
    """The synthetic demo roster's backup password is ``demo`` (README); True when it was set now."""
    with ctx.read() as s:
        if not _synthetic(s) or _get(s, KEY_SETTING) is not None:
            return False
    key = office_key.new_key(office_key.DEMO_BACKUP_PASSWORD)
    with ctx.transaction() as s:
        _put(s, ctx, KEY_SETTING, key.as_json())
    return True


def no_password() -> UserError:
    return UserError(
        "还没有设置备份密码：请管理员在“设置 → 备份与恢复”中设置，或运行 silverage backup --set-password",
        "No backup password is set yet: an administrator sets it in Settings → Backup and restore, "
        "or runs silverage backup --set-password",
    )


def owner_only(path: Path) -> None:
    """Backups are readable by their owner only, where the OS allows."""
    try:
        os.chmod(path, 0o600)
    except OSError:  # a FAT USB stick or a share without modes
        pass
