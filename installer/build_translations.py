"""Build the English interface: lupdate over the ui sources, fill from en_*.json, lrelease to .qm.

    python installer/build_translations.py

Every engineer adds the English of their Chinese source strings to
``resources/translations/en_<area>.json`` ({"中文": "English"}); this script merges them into
``silverage_en.ts`` (kept in git, editable in Qt Linguist) and compiles ``silverage_en.qm``
(also kept in git, loaded at start through ``silverage.paths.resource``). Strings without an
English entry stay "unfinished" and show in Chinese; the script lists how many.
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


def load_english() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(TRANSLATIONS.glob("en_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for zh, en in data.items():
            if isinstance(zh, str) and isinstance(en, str) and en.strip():
                merged.setdefault(zh, en)
    return merged


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


def fill(ts_path: Path, english: dict[str, str]) -> tuple[int, int, list[str]]:
    tree = ET.parse(ts_path)
    done = missing = 0
    missing_examples: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        if message.get("numerus") == "yes":
            continue
        english_text = english.get(source)
        if english_text is None:
            missing += 1
            if len(missing_examples) < 15:
                missing_examples.append(source)
            translation.set("type", "unfinished")
            continue
        translation.text = english_text
        translation.attrib.pop("type", None)
        done += 1
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing, missing_examples


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src" / "silverage" / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    add_field_labels(TS)
    done, missing, examples = fill(TS, load_english())
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    print(f"{TS.name}: {done} translated, {missing} still in Chinese; {QM.name} {QM.stat().st_size} bytes")
    for source in examples:
        print("  missing:", source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
