"""Bilingual labels for enum members.

Enums carry their Chinese and English names so that the core (CLI, PDF, Excel) can speak both
languages without Qt; the GUI picks one through the current language.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members have ``zh`` and ``en`` labels.

    Members are declared as ``NAME = ("value", "中文", "English")``.
    """

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> Labelled:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh = zh or value
        obj.en = en or value
        return obj

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en

    @classmethod
    def from_label(cls, text: str) -> Labelled | None:
        """Find a member by value or by either label (case-insensitive for English)."""
        t = text.strip()
        exact, folded = _LOOKUPS.get(cls) or _lookup(cls)
        a, b = exact.get(t), folded.get(t.lower())
        if a is None or b is None or a is b:
            return a if a is not None else b
        members = list(cls)
        return a if members.index(a) < members.index(b) else b


_LOOKUPS: dict[type, tuple[dict[str, Labelled], dict[str, Labelled]]] = {}


def _lookup(cls: type[Labelled]) -> tuple[dict[str, Labelled], dict[str, Labelled]]:
    """Value/Chinese label -> member and lower-case English label -> member, first member winning
    (what a scan of the members in order finds); built once per enum, as imports ask 100,000s of times."""
    found = _LOOKUPS.get(cls)
    if found is None:
        exact: dict[str, Labelled] = {}
        folded: dict[str, Labelled] = {}
        for m in cls:
            exact.setdefault(m.value, m)
            exact.setdefault(m.zh, m)
            folded.setdefault(m.en.lower(), m)
        found = _LOOKUPS[cls] = (exact, folded)
    return found
