"""Portable use (a USB stick): a file named ``portable`` beside the executable keeps the database, its
backups, the logs and the Qt settings in a ``data/`` folder beside it, and nothing in the profile.

The executable here is a ``python`` linked into a temporary folder (what a copied venv or a frozen
``silverage.exe`` is to paths.portable_dir: the folder of ``sys.executable``).
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest


def _stick(tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "python").symlink_to(sys.executable)
    (stick / "portable").write_text("", encoding="utf-8")
    return stick


def _run(python: Path, profile: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SILVERAGE_HOME", "SILVERAGE_DB")}
    path = [p for p in (os.environ.get("PYTHONPATH"), *site.getsitepackages()) if p]
    env.update(
        PYTHONPATH=os.pathsep.join(path),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(profile),
        XDG_CONFIG_HOME=str(profile / "config"),
        XDG_DATA_HOME=str(profile / "data"),
        XDG_STATE_HOME=str(profile / "state"),
        XDG_CACHE_HOME=str(profile / "cache"),
    )
    return subprocess.run(
        [str(python), "-m", "silverage", *argv], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.skipif(os.name != "posix", reason="links the interpreter into a folder")
def test_a_portable_copy_keeps_everything_beside_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "demo")
    stick, profile = _stick(tmp_path), tmp_path / "profile"
    profile.mkdir()
    made = _run(stick / "python", profile, "demo")
    assert made.returncode == 0, made.stderr
    shown = _run(stick / "python", profile, "selftest")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["rows_shown"] == 979
    saved = _run(stick / "python", profile, "backup")
    assert saved.returncode == 0, saved.stderr
    data = stick / "data"
    # One database file once the app is closed (the WAL checkpointed, no -wal or -shm left), its
    # backups folder, the log and the window settings: all on the stick.
    assert sorted(p.name for p in data.iterdir()) == ["backups", "logs", "silverage.ini", "silverage.sqlite"]
    assert (data / "logs" / "silverage.log").is_file()
    assert "[window]" in (data / "silverage.ini").read_text(encoding="utf-8")
    assert [p for p in profile.rglob("*") if "silverage" in p.name] == []


@pytest.mark.skipif(os.name != "posix", reason="links the interpreter into a folder")
def test_without_the_marker_the_stick_stays_empty(tmp_path: Path) -> None:
    stick, profile = _stick(tmp_path), tmp_path / "profile"
    (stick / "portable").unlink()
    made = _run(stick / "python", profile, "--db", str(tmp_path / "elsewhere.sqlite"), "demo")
    assert made.returncode == 0, made.stderr
    assert not (stick / "data").exists()
    assert (profile / "state").exists() or (profile / "data").exists()  # the profile's log folder


def test_silverage_home_moves_the_qt_settings_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from silverage.ui.shell.ui_settings import UiSettings

    monkeypatch.setenv("SILVERAGE_HOME", str(tmp_path / "office"))
    settings = UiSettings()
    settings.language = "en"
    settings.sync()
    assert "language=en" in (tmp_path / "office" / "silverage.ini").read_text(encoding="utf-8")
