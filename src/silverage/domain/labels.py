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
        for m in cls:
            if t in (m.value, m.zh) or t.lower() == m.en.lower():
                return m
        return None
