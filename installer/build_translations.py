"""Build the English interface: lupdate over the ui sources, fill from en_*.json, lrelease to .qm.

    python installer/build_translations.py

Every engineer adds the English of their Chinese source strings to
``resources/translations/en_<area>.json`` ({"中文": "English"}); this script merges them into
``silverage_en.ts`` (kept in git, editable in Qt Linguist) and compiles ``silverage_en.qm``
(also kept in git, loaded at start through ``silverage.paths.resource``). Strings without an
English entry stay "unfinished" and show in Chinese; the script lists them and exits with 1.

A count that decides a plural is written ``self.tr("共 %n 人", "", n)`` (see
``silverage.ui.widgets.wording``); its English is a pair, singular then plural:
``"共 %n 人": ["%n person in all", "%n people in all"]``. One Chinese text that needs two
Englishes gets a disambiguation, ``self.tr("志愿者", "page")``, and the key ``"志愿者||page"``.
A text given two different Englishes in two files is an error, not a silent choice.

tests/ui/test_translations.py runs the same steps into a temporary folder and fails on any
unfinished string, and on a committed .ts/.qm that is older than the sources.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "silverage_en.ts"
QM = TRANSLATIONS / "silverage_en.qm"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6-Essentials")
    return found


English = dict[str, str | list[str]]


def load_english(folder: Path = TRANSLATIONS) -> tuple[English, list[str]]:
    """Every en_*.json merged, and the texts two files translate differently."""
    merged: English = {}
    found_in: dict[str, str] = {}
    conflicts: list[str] = []
    for path in sorted(folder.glob("en_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for zh, en in data.items():
            if not isinstance(zh, str):
                continue
            if isinstance(en, list) and len(en) == 2 and all(isinstance(x, str) and x.strip() for x in en):
                en = list(en)
            elif not (isinstance(en, str) and en.strip()):
                continue
            if zh in merged and merged[zh] != en:
                conflicts.append(f"{zh}: {merged[zh]!r} ({found_in[zh]}) or {en!r} ({path.name})")
                continue
            merged[zh], found_in[zh] = en, path.name
    return merged, conflicts


def ui_sources() -> list[Path]:
    return sorted((ROOT / "src" / "silverage" / "ui").rglob("*.py"))


def lupdate(ts_path: Path) -> None:
    """Bring ``ts_path`` up to date with every tr() of the ui sources (a new file if missing)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *(str(p) for p in ui_sources()),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-ts",
            str(ts_path),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def add_field_labels(ts_path: Path) -> int:
    """Add the roster fields' labels (``silverage.domain.fields``) under their own context.

    The ui looks them up from the registry and translates them with ``QCoreApplication.translate``,
    so they are not literals lupdate could find; without this they would stay Chinese in English.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from silverage.domain import fields

    tree = ET.parse(ts_path)
    root = tree.getroot()
    for old in [c for c in root.iter("context") if c.findtext("name") == fields.FIELD_CONTEXT]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = fields.FIELD_CONTEXT
    labels = dict.fromkeys(f.zh for f in (*fields.FIELDS, *fields.CONTACT_FIELDS))
    for zh in labels:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = zh
        ET.SubElement(message, "translation").set("type", "unfinished")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return len(labels)


def fill(ts_path: Path, english: English) -> tuple[int, list[str]]:
    """Write the English into ``ts_path``; returns (translated, sources still without English)."""
    tree = ET.parse(ts_path)
    done = 0
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        comment = message.findtext("comment")
        english_text = english.get(f"{source}||{comment}") if comment else None
        if english_text is None:
            english_text = english.get(source)
        numerus = message.get("numerus") == "yes"
        if english_text is None or numerus != isinstance(english_text, list):
            key = f"{source}||{comment}" if comment else source
            missing.append(key + ("  (needs [singular, plural])" if numerus and english_text else ""))
            translation.set("type", "unfinished")
            continue
        if numerus:
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in english_text:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = english_text  # type: ignore[assignment]
        translation.attrib.pop("type", None)
        done += 1
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


def lrelease(ts_path: Path, qm_path: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_path), "-qm", str(qm_path)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build(ts_path: Path = TS, qm_path: Path = QM) -> tuple[int, list[str], list[str]]:
    """lupdate, fill from the JSON files, lrelease: the whole build, into any folder.
    Returns (translated, texts still in Chinese, texts with two Englishes)."""
    lupdate(ts_path)
    add_field_labels(ts_path)
    english, conflicts = load_english()
    done, missing = fill(ts_path, english)
    lrelease(ts_path, qm_path)
    return done, missing, conflicts


def main() -> int:
    done, missing, conflicts = build()
    size = QM.stat().st_size
    print(f"{TS.name}: {done} translated, {len(missing)} still in Chinese; {QM.name} {size} bytes")
    for source in dict.fromkeys(missing):
        print("  missing:", source)
    for conflict in conflicts:
        print("  two Englishes:", conflict)
    return 1 if missing or conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
