"""Mainland Chinese phone numbers: mobiles and landlines with an area code.

Stored normalised: mobiles as 11 digits (13812345678), landlines as ``0573-82345678``.
"""

from __future__ import annotations

import re

from silverage.domain.problems import Problem
from silverage.domain.text import to_halfwidth

DEFAULT_AREA_CODE = "0573"  # Jiaxing
_STRIP = re.compile(r"[\s\-()（）\u3000.]+")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7 or 8 digits.
_LANDLINE = re.compile(r"^(010|02\d|0[3-9]\d{2})(\d{7,8})$")


def normalize(raw: str, default_area: str = DEFAULT_AREA_CODE) -> str | Problem:
    """Return the normalised number or a Problem that says what is wrong."""
    text = to_halfwidth(str(raw)).strip()
    if not text:
        return Problem("phone", "电话号码为空", "The phone number is empty")
    digits = _STRIP.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        return Problem(
            "phone",
            f"电话号码“{text}”含有数字以外的字符",
            f"The phone number '{text}' contains characters other than digits",
        )
    if _MOBILE.match(digits):
        return digits
    if digits.startswith("1"):
        return Problem(
            "phone",
            f"手机号码应为11位且以13-19开头，“{text}”不符合",
            f"A mobile number has 11 digits starting 13-19; '{text}' does not",
        )
    m = _LANDLINE.match(digits)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    if len(digits) == 8 and not digits.startswith("0"):
        return f"{default_area}-{digits}"
    return Problem(
        "phone",
        f"无法识别的电话号码“{text}”：手机为11位，座机为区号加7-8位号码（如0573-82345678）",
        f"Unrecognised phone number '{text}': mobiles have 11 digits, landlines an area code and "
        "7-8 digits (e.g. 0573-82345678)",
    )


def mask(number: str) -> str:
    """138****5678 for mobiles, 0573-****5678 for landlines."""
    if not number:
        return ""
    if "-" in number:
        area, local = number.split("-", 1)
        return f"{area}-{'*' * max(0, len(local) - 4)}{local[-4:]}"
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
