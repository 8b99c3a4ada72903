"""The command line's forgiving parts: global options before or after the command, a quick
``--help`` that loads no command module, and a missing database driver that says what to install."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from silverage.cli import main
from silverage.cli.commands import COMMANDS
from silverage.db.engine import open_database
from silverage.services.context import ServiceContext

HEAVY = ("sqlalchemy", "ortools", "numpy", "openpyxl", "PySide6", "reportlab")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _db(ctx: ServiceContext) -> str:
    return ctx.db.url.render_as_string(hide_password=False)


@pytest.mark.db
def test_list_elders_is_the_same_with_options_before_or_after(
    demo_ctx: ServiceContext, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(demo_ctx)
    outputs = []
    for argv in (
        ["--db", db, "--json", "list", "elders", "--level", "red"],
        ["list", "elders", "--level", "red", "--json", "--db", db],
        ["--json", "list", "elders", f"--db={db}", "--level", "red"],
        ["--db", db, "list", "--json", "elders", "--level", "red"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        outputs.append(json.loads(out))
    assert 0 < len(outputs[0]) < 979
    assert all(o == outputs[0] for o in outputs)


@pytest.mark.db
def test_export_roster_as_the_readme_writes_it(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """``silverage export roster 花名册.xlsx --unmasked --user duda``: ``--user`` after the command
    really acts as the supervisor (a worker is refused the unmasked export)."""
    monkeypatch.setenv("SILVERAGE_EXPORT_PASSWORD", "Office-file-pw-1")
    db = _db(demo_ctx)
    refused = tmp_path / "worker.xlsx"
    code, _, err = run(capsys, "export", "roster", str(refused), "--unmasked", "--db", db)
    assert code == 2 and "督导" in err and not refused.exists()

    out = tmp_path / "花名册.xlsx"
    code, text, err = run(capsys, "export", "roster", str(out), "--unmasked", "--user", "duda", "--db", db)
    assert code == 0, err
    assert "完整身份证号码和电话" in text and out.exists()

    code, text, err = run(
        capsys,
        "--user",
        "duda",
        "--db",
        db,
        "export",
        "roster",
        str(tmp_path / "b.xlsx"),
        "--unmasked",
        "--json",
    )
    assert code == 0, err
    assert json.loads(text)["unmasked"] is True


@pytest.mark.db
def test_nested_print_command_takes_global_options_after_it(
    demo_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "blank.pdf"
    code, out, err = run(capsys, "print", "blank", str(pdf), "--json", "--db", _db(demo_ctx))
    assert code == 0, err
    assert json.loads(out)["path"] == str(pdf) and pdf.exists()


@pytest.mark.db
def test_an_unknown_user_after_the_command_is_refused(
    demo_ctx: ServiceContext, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "list", "elders", "--db", _db(demo_ctx), "--user", "nobody")
    assert code == 2 and out == ""
    assert err.startswith("错误：没有这个用户：nobody") and "Error: No such active user" in err


def test_a_global_option_after_the_command_does_not_reset_one_before_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db`` before and ``--json`` after: both hold (a sub-command's defaults must not win)."""
    db = tmp_path / "fresh.sqlite"
    open_database(str(db)).dispose()
    code, out, err = run(capsys, "--db", str(db), "check", "--json")
    assert code == 0, err
    assert json.loads(out)["ok"] is True
    assert not (tmp_path / "home" / "data" / "silverage.sqlite").exists()


def _in_a_fresh_python(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``silverage ARGV`` in a new interpreter and report the heavy libraries it imported."""
    script = (
        "import sys\n"
        "from silverage.cli import main\n"
        "try:\n"
        "    code = main(sys.argv[1:])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, SILVERAGE_HOME=str(tmp_path / "home"), COLUMNS="200")
    return subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, env=env)


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["list", "elders", "--help"], ["print", "roster", "--help"]]
)
def test_help_and_version_load_no_heavy_library(tmp_path: Path, argv: list[str]) -> None:
    proc = _in_a_fresh_python(tmp_path, *argv)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY=\n" in proc.stderr
    if argv == ["--help"]:
        shown = " ".join(proc.stdout.split())
        for name, spec in COMMANDS.items():
            assert f"{name} {spec.help}" in shown
        assert "--db" in shown and "--json" in shown


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_listed_command_has_its_own_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert out.startswith(f"usage: silverage {name} ")
    shown = " ".join(out.split())
    assert COMMANDS[name].help in shown and "--db DB" in shown and "--json" in shown


def test_the_command_table_and_the_modules_agree() -> None:
    """Every command in the table is built by its module, and no module builds one the table lacks
    (it would never be reachable)."""
    modules = {spec.module for spec in COMMANDS.values()}
    for module in modules:
        built = set(importlib.import_module(module).PARSERS)
        listed = {name for name, spec in COMMANDS.items() if spec.module == module}
        assert built == listed, module


def test_an_unknown_command_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["lsit", "elders"])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert "invalid choice: 'lsit'" in err and "'list'" in err


def test_postgres_without_its_driver_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now fails as if not installed
    for argv in (
        ["--db", "postgresql://office:secret@server:5432/silverage", "list", "elders"],
        ["list", "elders", "--db", "postgresql://office:secret@server:5432/silverage"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        zh, en = err.splitlines()
        assert zh.startswith("错误：") and "psycopg" in zh
        assert en.startswith("Error: ") and "psycopg" in en
        assert 'python -m pip install "silverage[postgres]"' in zh
        assert 'python -m pip install "silverage[postgres]"' in en
        assert "内部错误" not in err and "secret" not in err


def test_an_unsupported_database_kind_is_a_readable_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--db", "nosuchdb://server/roster")
    assert code == 2
    assert "不支持这种数据库" in err and "postgresql://" in err and "内部错误" not in err


def test_demo_option_builds_the_demo_roster_for_a_command_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--demo`` means the same for a command as for the desktop app: the demo roster, built on
    first use (in the data folder, never in the default roster)."""
    code, out, err = run(capsys, "list", "elders", "--demo", "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 979
