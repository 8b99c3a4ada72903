"""The database is where it should be: a mistyped path is refused (nothing created), a file that
vanishes or is replaced under the app stops the next save with a message, and what the app creates
is readable by its owner only."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from silverage import bootstrap
from silverage.cli import main
from silverage.db.engine import open_database
from silverage.domain.problems import UserError
from silverage.services import users
from silverage.services.context import ServiceContext
from silverage.services.roster import elders
from tests.conftest import PG_URL, TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.skipif(PG_URL is not None, reason="about SQLite files")

GOOD = "Yuehe-2026"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_mistyped_db_path_is_refused_in_one_line_and_nothing_is_created(tmp_path, capsys) -> None:  # noqa: ANN001
    typo = tmp_path / "offce" / "silverge.sqlite"
    for argv in (("check",), ("list", "elders"), ("export", "roster", str(tmp_path / "x.xlsx"))):
        code, out, err = _run(capsys, *argv, "--db", str(typo))
        assert code == 2 and out == ""
        assert err.splitlines() == [
            f"错误：找不到数据库文件 {typo}；新建请用 silverage init",
            f"Error: No database file at {typo}; to make a new one use silverage init",
        ]
    assert not typo.parent.exists()


def test_without_any_database_a_command_says_to_run_init(tmp_path, capsys) -> None:  # noqa: ANN001
    code, _out, err = _run(capsys, "check")
    assert code == 2 and "silverage init" in err
    assert not (tmp_path / "home" / "data" / "silverage.sqlite").exists()


def test_init_makes_the_database_its_folder_and_the_log_owner_only(tmp_path) -> None:  # noqa: ANN001
    """In a fresh process started with the usual umask 022 (files 0644 before)."""
    if os.name != "posix":
        pytest.skip("permissions are POSIX modes")
    db = tmp_path / "office" / "roster.sqlite"
    env = {**os.environ, "SILVERAGE_PASSWORD": GOOD, "SILVERAGE_HOME": str(tmp_path / "home")}
    argv = ["init", "--db", str(db), "--subdistrict", "南湖街道", "--admin", "zhang"]
    script = "import os, sys; os.umask(0o022); from silverage.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", script, *argv], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    log = tmp_path / "home" / "logs" / "silverage.log"
    assert log.exists() and stat.S_IMODE(log.stat().st_mode) == 0o600


def test_the_desktop_app_refuses_a_missing_db_but_a_first_start_opens(tmp_path) -> None:  # noqa: ANN001
    typo = tmp_path / "silverge.sqlite"
    with pytest.raises(UserError, match="找不到数据库文件"):
        bootstrap.open_services(argparse.Namespace(command=None, db=str(typo), demo=False))
    assert not typo.exists()
    ctx = bootstrap.open_services(argparse.Namespace(command=None, db=None, demo=False))
    assert not users.has_accounts(ctx)  # the setup wizard's case
    ctx.db.dispose()


def _office(path: Path) -> ServiceContext:
    ctx = ServiceContext(open_database(str(path)))
    ctx.actor = users.init_office(ctx, "南湖街道", "zhang", "张主任", GOOD).actor
    return ctx


def test_a_database_deleted_under_the_app_stops_the_next_save(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "roster.sqlite"
    ctx = _office(path)
    first = elders.create_elder(ctx, person(), today=TODAY)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(UserError, match="不见了") as caught:
        elders.update_elder(ctx, first.id, person(phone="13911112222"), first.version, today=TODAY)
    assert "nothing was saved" in caught.value.en
    assert not path.exists()  # and nothing pretended to save somewhere
    ctx.db.dispose()


def test_a_database_replaced_under_the_app_stops_the_next_save(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "roster.sqlite"
    ctx = _office(path)
    first = elders.create_elder(ctx, person(), today=TODAY)
    other = tmp_path / "other.sqlite"
    _office(other).db.dispose()
    shutil.copyfile(other, tmp_path / "copy.sqlite")
    os.replace(tmp_path / "copy.sqlite", path)
    with pytest.raises(UserError, match="被另一个文件替换"):
        elders.update_elder(ctx, first.id, person(phone="13911112222"), first.version, today=TODAY)
    ctx.db.dispose()
