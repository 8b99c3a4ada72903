"""The 18-digit Resident Identity Card number (公民身份号码, GB 11643-1999).

Layout: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), 1 check character
(ISO 7064 MOD 11-2, "X" for 10). Only the area code's first two digits (the province) are checked:
codes were reassigned in the 1980s and later, so an elder born in 1940 routinely carries a county
code that did not exist in 1940 (python-stdnum's ``cn.ric`` rejects those; we must not), but the
provinces are a short fixed list, and a number outside it was mistyped or is not an ID number.
The 2023 foreigners' permanent residence card (新版外国人永久居留身份证) has the same layout and
check character, with "9" in front of the issuing province's code (9 + 2 digits + 3-digit country).

Old 15-digit numbers (before 1999) lack the century and the check character; ``upgrade_15`` gives
the 18-digit number they became, which is on the person's second-generation card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from silverage.domain.clock import SYSTEM_CLOCK
from silverage.domain.enums import Gender
from silverage.domain.problems import Problem
from silverage.domain.text import to_halfwidth

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SEPARATORS = re.compile(r"[\s\-\u3000]+")
EARLIEST_BIRTH = date(1880, 1, 1)
# GB/T 2260 provinces: 11-15 north, 21-23 north-east, 31-37 east, 41-46 central-south,
# 50-54 south-west, 61-65 north-west, 71 Taiwan, 81-83 Hong Kong, Macao and (reserved) Taiwan.
PROVINCES = frozenset(
    f"{n}"
    for n in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        *range(81, 84),
    )
)
OLD_ID_PREFIX = (
    "15位旧号码"  # how the refusal of an old 15-digit number starts (the wizard offers the upgrade)
)
FOREIGNER_MARK = "9"  # first digit of the 2023 permanent residence card


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize(raw: str) -> str:
    """Full-width digits to ASCII, spaces and dashes removed, lower-case x upper-cased."""
    return _SEPARATORS.sub("", to_halfwidth(str(raw))).upper()


def province_of(number: str) -> str | None:
    """The province code a (normalised) number starts with, or None if it names no province."""
    code = number[1:3] if number.startswith(FOREIGNER_MARK) else number[:2]
    return code if code in PROVINCES else None


def upgrade_15(raw: str) -> str | None:
    """The 18-digit number an old 15-digit one became ("19" before the year, a check character)."""
    number = normalize(raw)
    if len(number) != 15 or not number.isdigit():
        return None
    body = number[:6] + "19" + number[6:]
    return body + check_char(body)


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: Gender


def parse(raw: str, today: date | None = None) -> IdInfo | Problem:
    """Normalise and check an ID number; return what it says, or a Problem explaining why not."""
    today = today or SYSTEM_CLOCK.today()
    number = normalize(raw)
    if not number:
        return Problem("id_number", "身份证号码不能为空", "The ID number is empty")
    upgraded = upgrade_15(number)
    if upgraded is not None:
        return Problem(
            "id_number",
            # Masked like every listed number: the last four hold the new check digit to compare.
            f"{OLD_ID_PREFIX}，对应的18位号码是{mask(upgraded)}，请对照身份证核对末四位后确认升级",
            f"An old 15-digit number; its 18-digit number is {mask(upgraded)}. Check the last four "
            "against the card, then confirm the upgrade",
        )
    if len(number) != 18:
        return Problem(
            "id_number",
            f"身份证号码应为18位，现在是{len(number)}位",
            f"An ID number has 18 characters, this one has {len(number)}",
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return Problem(
            "id_number",
            "身份证号码前17位必须是数字，最后一位是数字或X",
            "The first 17 characters must be digits and the last a digit or X",
        )
    if province_of(number) is None:
        code = number[:3] if number.startswith(FOREIGNER_MARK) else number[:2]
        return Problem(
            "id_number",
            f"身份证号码开头的“{code}”不是省级行政区代码（应为11–15、21–23、31–37、41–46、50–54、"
            "61–65、71、81–83，外国人永久居留身份证为9加省级代码），请对照身份证核对",
            f"The ID number starts with '{code}', which is no province code (11-15, 21-23, 31-37, "
            "41-46, 50-54, 61-65, 71, 81-83, or 9 and a province code on a foreigner's permanent "
            "residence card); compare with the card",
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return Problem(
            "id_number",
            f"身份证号码中的出生日期 {number[6:14]} 不是真实日期",
            f"The birth date {number[6:14]} in the ID number is not a real date",
        )
    if born > today or born < EARLIEST_BIRTH:
        return Problem(
            "id_number",
            f"身份证号码中的出生日期 {born.isoformat()} 不合理",
            f"The birth date {born.isoformat()} in the ID number is not plausible",
        )
    expected = check_char(number[:17])
    if number[17] != expected:
        return Problem(
            "id_number",
            "身份证号码校验位不对，可能有数字录错，请对照身份证核对",
            "The check digit does not match: a digit was probably mistyped; compare with the card",
        )
    gender = Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE
    return IdInfo(number, born, gender)


def mask(number: str) -> str:
    """Keep the first 4 and last 4 characters: 3304**********123X."""
    n = normalize(number)
    if len(n) <= 8:
        return "*" * len(n)
    return n[:4] + "*" * (len(n) - 8) + n[-4:]


def age_on(born: date, day: date) -> int:
    """Full years of age on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
