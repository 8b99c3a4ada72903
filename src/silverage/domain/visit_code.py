"""Short visit codes printed on visit sheets and typed (or scanned) back at the office.

Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), the last one a check
character so that a mistyped code is caught instead of opening the wrong visit.
"""

from __future__ import annotations

import random

from silverage.domain.problems import Problem
from silverage.domain.text import to_halfwidth

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters, a prime count
BODY_LEN = 5


def _check(body: str) -> str:
    total = sum((i + 2) * ALPHABET.index(ch) for i, ch in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_code(rng: random.Random) -> str:
    body = "".join(rng.choice(ALPHABET) for _ in range(BODY_LEN))
    return body + _check(body)


def normalize(raw: str) -> str | Problem:
    """Upper-case, spaces removed, O->0-free alphabet checks; a Problem if it cannot be a visit code."""
    code = to_halfwidth(raw).strip().upper().replace(" ", "").replace("-", "")
    if len(code) != BODY_LEN + 1 or any(ch not in ALPHABET for ch in code):
        return Problem(
            "code",
            f"“{raw}”不是探访编号：编号为6位字母数字（不含0、1、I、L、O）",
            f"'{raw}' is not a visit code: codes have 6 letters and digits (no 0, 1, I, L, O)",
        )
    if _check(code[:-1]) != code[-1]:
        return Problem(
            "code",
            f"探访编号“{code}”校验不通过，可能录错了一位",
            f"Visit code '{code}' fails its check: probably one character is mistyped",
        )
    return code
