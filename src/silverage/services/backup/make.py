"""One backup now: copy, describe, seal, write beside nothing else, rotate; and how backups stand.

Anyone signed in may make a backup (it is sealed to the office's key: making one reveals
nothing); automatic backups run as whoever is signed in. The file is written under a temporary
name in the backup folder and renamed when complete, so a pulled USB stick never leaves a
half-written file that looks like a backup.
"""

from __future__ import annotations

import os
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from silverage import __version__
from silverage.domain.problems import UserError
from silverage.services import audit
from silverage.services.backup import backup_file, backup_settings, folder, snapshot
from silverage.services.context import ServiceContext

STALE_AFTER = timedelta(days=7)  # the status bar warns past this
DAILY = timedelta(hours=24)  # the window makes a backup when the newest is older than this


@dataclass(frozen=True)
class BackupResult:
    path: Path
    at: datetime
    size: int
    counts: dict[str, int]
    deleted: tuple[Path, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "created_at": self.at.isoformat(timespec="seconds"),
            "size": self.size,
            "counts": self.counts,
            "rotated_away": [p.name for p in self.deleted],
        }


@dataclass(frozen=True)
class BackupStatus:
    """For the status bar and the backup page. ``problem``: why backups are not happening, if so."""

    folder: Path
    sqlite: bool
    password_set: bool
    last_at: datetime | None
    reachable: bool
    problem_zh: str = ""
    problem_en: str = ""

    @property
    def stale(self) -> bool:
        return self.problem_zh != ""


def postgres_note() -> UserError:
    return UserError(
        "数据库在PostgreSQL服务器上：由服务器自己的备份负责（请服务器管理员用 pg_dump 或服务器的定时备份），"
        "银龄不另做备份",
        "The database is on a PostgreSQL server: the server's own backup is in charge (pg_dump or "
        "the server's scheduled backups); silverage makes none of its own",
    )


def _sqlite_path(ctx: ServiceContext) -> Path:
    if not ctx.db.is_sqlite or not ctx.db.url.database:
        raise postgres_note()
    return Path(ctx.db.url.database)


def backup_now(ctx: ServiceContext, to: Path | None = None) -> BackupResult:
    """A sealed backup in the backup folder (or ``to``), then rotation of that folder."""
    db_path = _sqlite_path(ctx)
    key = backup_settings.stored_key(ctx)
    if key is None:
        raise backup_settings.no_password()
    target_dir = Path(to).expanduser() if to is not None else backup_settings.backup_folder(ctx)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder.unreachable(target_dir, exc) from exc
    at = ctx.clock.now().replace(microsecond=0)
    image = snapshot.copy_sqlite(db_path)
    with closing(snapshot.load_image(image)) as con:
        manifest = snapshot.describe(con)
    manifest = {"created_at": at.isoformat(), "app_version": __version__, "source": db_path.name, **manifest}
    sealed = backup_file.seal(manifest, image, key)
    final = target_dir / folder.file_name(db_path.stem, at)
    if final.exists():  # two backups in one second: the second waits its turn by a second
        at += timedelta(seconds=1)
        final = target_dir / folder.file_name(db_path.stem, at)
    part = final.with_name(final.name + ".part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, final)
    except OSError as exc:
        part.unlink(missing_ok=True)
        if exc.errno == 28:
            raise UserError(
                f"备份文件夹 {target_dir} 空间不足，备份没有做成；请清理空间或换一个文件夹",
                f"The backup folder {target_dir} is full; no backup was made. Free some space or "
                "choose another folder",
            ) from exc
        raise folder.unreachable(target_dir, exc) from exc
    backup_settings.owner_only(final)
    deleted = tuple(folder.rotate(target_dir, db_path.stem))
    with ctx.transaction() as s:
        audit.record(s, ctx.actor, "backup", "", None, detail=f"file={final.name}; size={len(sealed)}")
    return BackupResult(final, at, len(sealed), manifest["counts"], deleted)


def status(ctx: ServiceContext) -> BackupStatus:
    """How backups stand: the newest backup, and what the status bar should warn about."""
    password_set = backup_settings.has_backup_password(ctx)
    where = backup_settings.backup_folder(ctx)
    if not ctx.db.is_sqlite or not ctx.db.url.database:
        return BackupStatus(where, False, password_set, None, True)
    stem = Path(ctx.db.url.database).stem
    try:
        if not where.is_dir() and not where.parent.is_dir():  # not yet made is fine; a stick pulled is not
            raise folder.unreachable(where)
        rows = folder.backups_in(where, stem)
    except (UserError, OSError) as exc:
        err = exc if isinstance(exc, UserError) else folder.unreachable(where)
        return BackupStatus(where, True, password_set, None, False, err.zh, err.en)
    last = rows[0].at if rows else None
    if not password_set:
        return BackupStatus(
            where,
            True,
            False,
            last,
            True,
            "未设置备份密码，不会自动备份",
            "No backup password: no automatic backups",
        )
    if last is None:
        return BackupStatus(where, True, True, None, True, "还没有备份", "No backup yet")
    age = ctx.clock.now() - last
    if age > STALE_AFTER:
        return BackupStatus(
            where,
            True,
            True,
            last,
            True,
            f"最近一次备份是{age.days}天前",
            f"The last backup is {age.days} days old",
        )
    return BackupStatus(where, True, True, last, True)


def due(ctx: ServiceContext) -> bool:
    """Whether the open window should make its daily backup now."""
    st = status(ctx)
    if not st.sqlite or not st.password_set or not st.reachable:
        return False
    return st.last_at is None or ctx.clock.now() - st.last_at >= DAILY
