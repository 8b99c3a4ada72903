"""Restore: check a backup (password, every byte, SQLite's own integrity check), show what it holds,
then put it in place of the database, keeping the current file aside.

The current file is renamed ``<name>.before-restore-<when>.sqlite`` (with its WAL folded in first,
so the renamed file is whole), never deleted. The restored file is then opened the app's normal
way, which upgrades a backup made before a schema migration exactly as it upgrades an old database,
and the restore is written into its audit trail. The target may not exist yet (a new PC).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from silverage.db import migrate
from silverage.domain.clock import Clock
from silverage.domain.problems import UserError
from silverage.services.backup import backup_file, backup_settings, snapshot
from silverage.services.backup.office_key import damaged_key


@dataclass(frozen=True)
class Preview:
    """What a backup holds, shown before anything is replaced."""

    file: Path
    created_at: datetime | None
    schema_revision: str | None
    counts: dict[str, int]
    subdistrict: str
    synthetic: bool
    audit_head: dict[str, Any] | None
    needs_upgrade: bool

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.file),
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "schema_revision": self.schema_revision,
            "needs_upgrade": self.needs_upgrade,
            "counts": self.counts,
            "subdistrict": self.subdistrict,
            "synthetic": self.synthetic,
            "audit_head": self.audit_head,
        }


@dataclass(frozen=True)
class RestoreResult:
    preview: Preview
    target: Path
    kept_aside: Path | None

    def as_json(self) -> dict[str, object]:
        return {
            **self.preview.as_json(),
            "restored_to": str(self.target),
            "kept_aside": str(self.kept_aside) if self.kept_aside else None,
        }


def _created(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def open_checked(file: Path, password: str) -> tuple[Preview, bytes]:
    """The preview and the database image, or a UserError (wrong password, damaged, too new)."""
    file = Path(file).expanduser()
    opened = backup_file.open_backup(file, backup_file.read(file), password)
    ok, found = snapshot.check_image(opened.database)
    if not ok:
        raise damaged_key()
    revision = found.get("schema_revision")
    if revision is not None and not migrate.is_known(revision):
        raise UserError(
            f"“{file.name}”来自更新版本的银龄，请升级本软件后再恢复",
            f"'{file.name}' comes from a newer silverage; update the app to restore it",
        )
    preview = Preview(
        file,
        _created(opened.manifest.get("created_at")),
        revision,
        dict(found.get("counts", {})),
        str(found.get("subdistrict", "")),
        bool(found.get("synthetic", False)),
        found.get("audit_head"),
        revision != migrate.head_revision(),
    )
    return preview, opened.database


def _fold_wal(target: Path) -> None:
    """Checkpoint the current database so the file renamed aside is whole on its own."""
    try:
        con = sqlite3.connect(target, timeout=5)
        try:
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise _in_use(target) from exc
        return  # not a database at all: it is kept aside as it is
    if busy and busy[0]:
        raise _in_use(target)


def _in_use(target: Path) -> UserError:
    return UserError(
        f"数据库 {target} 正在使用中：请先关闭所有银龄窗口，再恢复备份",
        f"The database {target} is in use: close every silverage window, then restore",
    )


def put_in_place(image: bytes, target: Path, clock: Clock) -> Path | None:
    """Write ``image`` as ``target``; the file it replaces is kept aside (its new path)."""
    target = Path(target).expanduser().resolve()
    if target.is_dir():
        raise UserError(
            f"{target} 是一个文件夹，不是数据库文件", f"{target} is a folder, not a database file"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"无法在 {target.parent} 创建数据库：{exc.strerror}",
            f"Cannot create the database in {target.parent}",
        ) from exc
    part = target.with_name(f".{target.name}.restoring")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(image)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise UserError(
            f"无法写入 {target.parent}：{exc.strerror}；什么也没有改",
            f"Cannot write to {target.parent} ({exc.strerror}); nothing was changed",
        ) from exc
    aside = None
    try:
        if target.exists():
            _fold_wal(target)
            stamp = f"{clock.now():%Y%m%d-%H%M%S}"
            aside = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
            os.replace(target, aside)
            for extra in ("-wal", "-shm"):
                side = target.with_name(target.name + extra)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + extra))
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    backup_settings.owner_only(target)
    return aside


def restore_sqlite(file: Path, password: str, target: Path, clock: Clock) -> RestoreResult:
    """Check ``file``, put it in place of ``target``, open (and so upgrade) it, and audit the restore."""
    preview, image = open_checked(file, password)
    return restore_checked(preview, image, target, clock)


def restore_checked(preview: Preview, image: bytes, target: Path, clock: Clock) -> RestoreResult:
    """Put an image that ``open_checked`` passed in place of ``target``, open it and audit it."""
    aside = put_in_place(image, target, clock)
    _open_and_audit(Path(target), preview)
    return RestoreResult(preview, Path(target).expanduser().resolve(), aside)


def _open_and_audit(target: Path, preview: Preview) -> None:
    from silverage.db.engine import open_database
    from silverage.services import audit
    from silverage.services.context import SYSTEM, ServiceContext

    ctx = ServiceContext(open_database(target))  # the normal upgrade path for an older backup
    try:
        with ctx.transaction() as s:
            when = preview.created_at.isoformat() if preview.created_at else "?"
            audit.record(
                s, SYSTEM, "restore", "", None, detail=f"file={preview.file.name}; created_at={when}"
            )
    finally:
        ctx.db.dispose()
