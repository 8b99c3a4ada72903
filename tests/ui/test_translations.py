"""The English interface is complete and the committed translation files are the current ones.

The build (installer/build_translations.py) runs here into a temporary folder: pyside6-lupdate over
every ui source, the English from resources/translations/en_*.json, pyside6-lrelease. A tr() text
without English, a text two JSON files translate differently, or a .ts/.qm in git older than the
sources fails the suite, so an engineer who adds a Chinese string learns it before a user sees
Chinese on the English screen.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication

from silverage.ui.shell.i18n import install_language
from silverage.ui.widgets.wording import fill, pick

ROOT = Path(__file__).resolve().parents[2]


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "installer" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path, Path, list[str], list[str]]:
    """The translation built from scratch out of today's sources and JSON files."""
    bt = _build_module()
    folder = tmp_path_factory.mktemp("translations")
    ts, qm = folder / "silverage_en.ts", folder / "silverage_en.qm"
    _done, missing, conflicts = bt.build(ts, qm)
    return bt, ts, qm, missing, conflicts


def _messages(ts: Path) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(context, source, disambiguation) -> the English (one text, or the plural forms)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = tuple(f.text or "" for f in translation.iter("numerusform")) or (translation.text or "",)
            if translation.get("type") == "unfinished":
                forms = ("<unfinished>",)
            out[(name, message.findtext("source") or "", message.findtext("comment") or "")] = forms
    return out


def test_every_text_of_the_interface_has_its_english(fresh):
    _bt, _ts, _qm, missing, conflicts = fresh
    assert missing == [], "add these to resources/translations/en_<area>.json:\n" + "\n".join(missing)
    assert conflicts == [], "one Chinese text, two Englishes (use a disambiguation):\n" + "\n".join(conflicts)


def test_an_ampersand_in_english_is_a_mnemonic_only_where_the_chinese_has_one():
    """Qt takes a lone "&" on a tab, button or menu as the shortcut marker: "Excel import & export"
    showed as "Excel import  export". Write "and" (or "&&") unless the Chinese has its (&X) too."""
    import json

    wrong = []
    for file in sorted((ROOT / "resources" / "translations").glob("en_*.json")):
        for zh, en in json.loads(file.read_text(encoding="utf-8")).items():
            if isinstance(en, str) and "&" in en.replace("&&", "") and "&" not in zh:
                wrong.append(f"{file.name}: {zh} -> {en}")
    assert wrong == []


def test_the_committed_ts_and_qm_are_the_current_ones(fresh):
    """Run `python installer/build_translations.py` and commit its .ts and .qm when this fails."""
    bt, ts, qm, _missing, _conflicts = fresh
    assert _messages(bt.TS) == _messages(ts), "silverage_en.ts is older than the sources or the JSON files"
    assert bt.QM.read_bytes() == qm.read_bytes(), "silverage_en.qm is not compiled from today's translation"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    bt = _build_module()
    bt.lrelease(bt.TS, tmp_path / "again.qm")
    assert (tmp_path / "again.qm").read_bytes() == bt.QM.read_bytes()


def test_every_translation_context_is_a_class(fresh):
    """lupdate names a context after the class around tr(). ``parent.tr(...)`` in a function gives a
    context "parent" that no widget looks up, and an alias (``tr = QCoreApplication.translate``) makes
    lupdate take the class name for the text: both leave the English unused, so neither may appear."""
    _bt, ts, _qm, _missing, _conflicts = fresh
    messages = _messages(ts)
    contexts = {context for context, _source, _comment in messages}
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]+", c) for c in contexts), sorted(contexts)
    assert not [source for _c, source, _d in messages if source in contexts]


@pytest.fixture
def english(qapp):
    install_language("en")
    yield
    install_language("zh")


def _tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def test_counts_read_right_in_chinese(qapp):
    install_language("zh")
    assert _tr("RosterPage", "已选 %n 人", 1) == "已选 1 人"
    assert _tr("RosterPage", "已选 %n 人", 25) == "已选 25 人"
    assert fill(_tr("RosterPage", "显示 %1 / 共 %n 人", 979), 12) == "显示 12 / 共 979 人"


def test_counts_read_right_in_english(english):
    assert _tr("RosterPage", "已选 %n 人", 1) == "1 person selected"
    assert _tr("RosterPage", "已选 %n 人", 25) == "25 people selected"
    assert fill(_tr("RosterPage", "显示 %1 / 共 %n 人", 1), 1) == "Showing 1 of 1 person"
    assert fill(_tr("RosterPage", "显示 %1 / 共 %n 人", 979), 12) == "Showing 12 of 979 people"
    assert _tr("VisitHistoryPanel", "共 %n 次", 1) == "1 visit in all"
    assert _tr("MainWindow", "在册 %n 人", 979) == "979 people on the roster"


def test_one_text_two_meanings_two_englishes(english):
    """志愿者 is the Volunteers page and a volunteer's column; 编号 a person's number and a visit's code."""
    assert QCoreApplication.translate("MainWindow", "志愿者", "page") == "Volunteers"
    assert QCoreApplication.translate("PlanTab", "志愿者") == "Volunteer"
    assert QCoreApplication.translate("RulesDialog", "编号", "person") == "No."
    assert QCoreApplication.translate("PlanTab", "编号") == "Code"


def test_fill_puts_every_value_in_once():
    """A path or a note that itself contains "%2" is not rewritten by the next placeholder."""
    assert fill("已导出 %1 人到 %2", 3, "D:/表%2/花名册.xlsx") == "已导出 3 人到 D:/表%2/花名册.xlsx"
    assert fill("%1（%2）", "王秀英", "月河1网格") == "王秀英（月河1网格）"
    assert fill("未达100%的社区", 1) == "未达100%的社区"


def test_pick_is_the_one_language_choice():
    assert pick("zh", "独居", "Living alone") == "独居"
    assert pick("en", "独居", "Living alone") == "Living alone"
