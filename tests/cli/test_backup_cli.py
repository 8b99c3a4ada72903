"""``silverage backup`` and ``silverage restore``: the names, options and JSON automation relies on."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from silverage.cli import main
from silverage.cli.commands import COMMANDS
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite files")


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_are_registered_under_their_contract_names():
    assert COMMANDS["backup"].module == COMMANDS["restore"].module == "silverage.cli.backup_cmds"


def test_backup_then_restore_into_a_new_place(capsys, monkeypatch, demo_file, tmp_path):
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "demo")
    code, out, _ = run(capsys, "backup", "--db", str(demo_file), "--to", str(tmp_path / "usb"), "--json")
    assert code == 0
    made = json.loads(out)
    assert made["counts"]["elders_active"] == 979 and Path(made["file"]).exists()

    target = tmp_path / "restored" / "roster.sqlite"  # does not exist yet
    code, out, _ = run(capsys, "restore", made["file"], "--db", str(target), "--json")
    assert code == 0
    done = json.loads(out)
    assert done["restored"] and done["kept_aside"] is None
    assert done["counts"]["elders"] == 995
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM elder WHERE status='active'").fetchone()[0] == 979
    con.close()

    # replacing a database is never done unasked: without a terminal it takes --yes
    code, _, err = run(capsys, "restore", made["file"], "--db", str(target))
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "restore", made["file"], "--db", str(target), "--yes")
    assert code == 0 and "老人 elders: 995" in out and "原来的数据库已改名保留" in out


def test_restore_with_a_wrong_password_says_so_and_changes_nothing(capsys, monkeypatch, demo_file, tmp_path):
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "demo")
    code, out, _ = run(capsys, "backup", "--db", str(demo_file), "--to", str(tmp_path), "--json")
    file = json.loads(out)["file"]
    before = _content(demo_file)
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "Not-the-one-1")
    code, _, err = run(capsys, "restore", file, "--db", str(demo_file), "--yes")
    assert code == 2 and "备份密码不对" in err and "Wrong backup password" in err
    # the same database, not a restored one (compared by content: SQLite may checkpoint its log
    # into the file when the backup's connection closes, which moves bytes but no data)
    assert _content(demo_file) == before
    assert not list(demo_file.parent.glob("*.before-restore-*"))


def test_dry_run_shows_the_backup_and_replaces_nothing(capsys, monkeypatch, demo_file, tmp_path):
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "demo")
    _, out, _ = run(capsys, "backup", "--db", str(demo_file), "--to", str(tmp_path), "--json")
    target = tmp_path / "other.sqlite"
    code, out, _ = run(capsys, "restore", json.loads(out)["file"], "--db", str(target), "--dry-run")
    assert code == 0 and "志愿者 volunteers: 120" in out
    assert not target.exists()


def test_without_a_password_and_a_terminal_the_error_names_the_variable(capsys, monkeypatch, demo_file):
    monkeypatch.delenv("SILVERAGE_BACKUP_PASSWORD", raising=False)
    code, _, err = run(capsys, "backup", "--db", str(demo_file))
    assert code == 2 and "SILVERAGE_BACKUP_PASSWORD" in err


def test_the_demo_backs_up_with_the_password_demo(capsys, monkeypatch):
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "demo")
    code, out, err = run(capsys, "--demo", "backup", "--json")
    assert code == 0, err
    assert json.loads(out)["counts"]["elders_active"] == 979
    code, out, _ = run(capsys, "--demo", "backup", "--list", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["daily"]


def test_init_sets_the_backup_password_from_the_environment(capsys, monkeypatch, tmp_path):
    db = tmp_path / "new.sqlite"
    monkeypatch.setenv("SILVERAGE_PASSWORD", "Admin-pass-2026")
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "Office-pass-2026")
    code, out, err = run(
        capsys, "init", "--subdistrict", "月河街道", "--admin", "zhang", "--db", str(db), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["backup_password_set"] is True
    code, out, _ = run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "usb"), "--json")
    assert code == 0 and Path(json.loads(out)["file"]).exists()
    monkeypatch.setenv("SILVERAGE_BACKUP_PASSWORD", "Not-the-one-1")
    code, _, err = run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "usb"))
    assert code == 2 and "备份密码不对" in err


def _content(path):  # noqa: ANN001, ANN202
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()
