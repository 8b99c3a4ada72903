"""Where backups go, which are there, and rotation.

The folder is an administrator's choice (a USB drive, a share) kept in the ``setting`` table;
until one is chosen, backups go to ``backups`` under the data folder. A backup's name is the
database file's name and the moment it was made (``silverage-20261126-093000.sgbak``), so backups
of the demo roster and of the real one can share a folder without rotating each other away, and
rotation touches only files of that exact form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from silverage.domain import backup_rotation
from silverage.domain.problems import UserError
from silverage.services.backup.backup_file import SUFFIX

STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupRow:
    path: Path
    at: datetime
    size: int
    kind: str  # daily / weekly / monthly (backup_rotation)

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "at": self.at.isoformat(), "size": self.size, "kind": self.kind}


def default_folder() -> Path:
    from silverage.paths import data_dir

    return data_dir() / "backups"


def file_name(stem: str, at: datetime) -> str:
    return f"{stem}-{at:{STAMP}}{SUFFIX}"


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}}){re.escape(SUFFIX)}$")


def unreachable(folder: Path, exc: OSError | None = None) -> UserError:
    why = f"（{exc.strerror}）" if exc is not None and exc.strerror else ""
    return UserError(
        f"备份文件夹 {folder} 无法访问{why}：请插好U盘或连上共享文件夹，"
        "或在“设置 → 备份与恢复”中换一个文件夹",
        f"The backup folder {folder} cannot be reached: plug in the USB drive or connect the share, "
        "or choose another folder in Settings → Backup and restore",
    )


def backups_in(folder: Path, stem: str) -> list[BackupRow]:
    """This database's backups in ``folder``, newest first, each with its rotation kind."""
    pattern = _pattern(stem)
    found: dict[datetime, Path] = {}
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise unreachable(folder, exc) from exc
    for entry in entries:
        m = pattern.match(entry.name)
        if m is None:
            continue
        try:
            found[datetime.strptime(m.group(1), STAMP)] = entry
        except ValueError:
            continue
    kept = backup_rotation.keep(found)
    rows = []
    for at, path in found.items():
        try:
            size = path.stat().st_size
        except OSError:
            continue
        rows.append(BackupRow(path, at, size, kept[at].kind if at in kept else "old"))
    return sorted(rows, key=lambda r: r.at, reverse=True)


def rotate(folder: Path, stem: str) -> list[Path]:
    """Delete this database's backups that rotation no longer keeps; the paths deleted."""
    rows = backups_in(folder, stem)
    doomed = set(backup_rotation.to_delete(r.at for r in rows))
    deleted = []
    for r in rows:
        if r.at in doomed:
            try:
                r.path.unlink()
                deleted.append(r.path)
            except OSError:  # a read-only stick: keep going, the next rotation tries again
                continue
    return deleted
