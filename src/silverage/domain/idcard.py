"""The 18-digit Resident Identity Card number (公民身份号码, GB 11643-1999).

Layout: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), 1 check character
(ISO 7064 MOD 11-2, "X" for 10). The area code is deliberately *not* checked against a list: codes
were reassigned in the 1980s and later, so an elder born in 1940 routinely carries a code that did
not exist in 1940 (python-stdnum's ``cn.ric`` rejects those; we must not).
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


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize(raw: str) -> str:
    """Full-width digits to ASCII, spaces and dashes removed, lower-case x upper-cased."""
    return _SEPARATORS.sub("", to_halfwidth(str(raw))).upper()


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
    if len(number) == 15 and number.isdigit():
        return Problem(
            "id_number",
            "这是15位旧身份证号码，请填写18位的第二代身份证号码",
            "This is an old 15-digit ID number; enter the 18-digit number",
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
