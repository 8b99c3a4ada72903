"""The calendar a person celebrates their birthday on: 公历 ("solar") or 农历 ("lunar").

Apart from ``birthdays`` so that the person editor, the import and validation can name it without
loading the lunar calendar tables.
"""

from __future__ import annotations

from enum import StrEnum


class BirthdayCalendar(StrEnum):
    SOLAR = "solar"  # 公历
    LUNAR = "lunar"  # 农历

    @property
    def zh(self) -> str:
        return "公历" if self is BirthdayCalendar.SOLAR else "农历"

    @property
    def en(self) -> str:
        return "Gregorian" if self is BirthdayCalendar.SOLAR else "Lunar"

    @classmethod
    def from_label(cls, text: str) -> BirthdayCalendar | None:
        """公历/阳历/新历 or 农历/阴历/旧历 as offices write them (also "过农历生日", "solar", "lunar")."""
        word = text.strip().lower().replace(" ", "")
        for cal, words in _CALENDAR_WORDS.items():
            if word in words or any(w in word for w in words if len(w) == 2 and not w.isascii()):
                return cal
        return None


_CALENDAR_WORDS = {
    BirthdayCalendar.SOLAR: ("公历", "阳历", "新历", "公", "阳", "solar", "gregorian"),
    BirthdayCalendar.LUNAR: ("农历", "阴历", "旧历", "农", "阴", "lunar"),
}
