"""The frozen build finds every module the app imports late: PyInstaller's analysis follows plain
``import`` statements (also inside functions), not ``importlib.import_module`` with a string
computed at run time. The one such call (the command line's own modules) names only silverage
modules, which installer/silverage.spec collects whole."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from silverage.cli.commands import COMMANDS

SRC = Path(__file__).resolve().parent.parent / "src" / "silverage"


def _computed_imports() -> list[str]:
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name.endswith(("import_module", "__import__")):
                    found.append(str(path.relative_to(SRC)))
    return found


def test_only_the_command_table_imports_by_computed_name():
    assert _computed_imports() == ["cli/main.py"]


def test_the_commands_modules_are_silverage_modules_the_spec_collects():
    spec = (SRC.parents[1] / "installer" / "silverage.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("silverage", filter=lambda name: ".migrations" not in name)' in spec
    for command in COMMANDS.values():
        assert command.module.startswith("silverage.") and ".migrations" not in command.module
        assert importlib.util.find_spec(command.module) is not None, command.module
