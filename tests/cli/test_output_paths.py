"""Every printout and workbook refuses, in words, a folder that does not exist or a folder given as
the file: exit 2, a message saying which folder, and nothing written (never "内部错误")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from silverage.cli.main import main

pytestmark = pytest.mark.db

COMMANDS = (
    ("map", "{out}"),
    ("print", "hours", "{out}", "--month", "2026-11"),
    ("birthdays", "--pdf", "{out}"),
    ("print", "roster", "{out}"),
    ("export", "roster", "{out}"),
)


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_missing_folder_is_named_and_nothing_is_written(capsys, demo_file, tmp_path, args) -> None:  # noqa: ANN001
    missing = tmp_path / "nonexist" / "dir"
    out = missing / ("x.xlsx" if args[0] == "export" else "x.pdf")
    code = main(["--db", demo_file, *(a.format(out=out) for a in args)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"文件夹 {missing} 不存在" in err and "does not exist" in err
    assert "内部错误" not in err
    assert not (tmp_path / "nonexist").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_folder_given_as_the_file_is_refused(capsys, demo_file, tmp_path, args) -> None:  # noqa: ANN001
    folder = tmp_path / ("out.xlsx" if args[0] == "export" else "out.pdf")
    folder.mkdir()
    code = main(["--db", demo_file, *(a.format(out=folder) for a in args)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "是一个文件夹，请写文件名" in err and "is a folder" in err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob("*.part"))
