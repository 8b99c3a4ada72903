"""How strong a new password must be, with the reason when it is not (no hashing here: services.users).

The rules are the ones an office can follow without a password manager: at least 8 characters, at
least two kinds (letters, digits, other signs) unless it is 12 or longer, not the username or the
person's name, not one character repeated, not a run such as 12345678 or abcdefgh, and not one of
the passwords every guessing list starts with.
"""

from __future__ import annotations

from silverage.domain.problems import Problem

MIN_LENGTH = 8
LONG_ENOUGH = 12  # a long pass-phrase of one kind (e.g. only letters) is fine
_COMMON = frozenset(
    {
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
        "qwertyui", "qwerty123", "qwer1234", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "a1b2c3d4",
        "abc12345", "abcd1234", "a1234567", "a12345678", "aa123456", "aa112233", "asdf1234",
        "admin123", "admin1234", "admin888", "root1234", "zaq12wsx", "iloveyou", "woaini1314",
        "welcome1", "letmein1", "1234qwer", "11223344", "12341234", "12344321", "147258369",
        "123123123", "5201314a", "a5201314", "woaini520", "88888888a", "demo1234", "silverage",
    }
)  # fmt: skip


def _kinds(text: str) -> int:
    letters = any(c.isalpha() for c in text)
    digits = any(c.isdigit() for c in text)
    other = any(not c.isalnum() for c in text)
    return letters + digits + other


def _is_run(text: str) -> bool:
    """12345678, 87654321, abcdefgh: each character one more (or one less) than the last."""
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {1, -1}


def check(password: str, username: str = "", display_name: str = "") -> Problem | None:
    """None when ``password`` may be used, else the reason it may not (Chinese first)."""
    if password != password.strip():
        return Problem("password", "密码开头或结尾不能是空格", "A password cannot start or end with a space")
    if len(password) < MIN_LENGTH:
        return Problem(
            "password",
            f"密码太短：至少{MIN_LENGTH}位，现在是{len(password)}位",
            f"The password is too short: at least {MIN_LENGTH} characters, this one has {len(password)}",
        )
    folded = password.lower()
    for name in (username, display_name):
        if name and len(name) >= 2 and name.lower() in folded:
            return Problem(
                "password",
                "密码不能包含用户名或姓名，别人很容易猜到",
                "The password cannot contain the username or the person's name: it is easy to guess",
            )
    if len(set(password)) == 1:
        return Problem(
            "password",
            "密码不能是同一个字符重复，请换一个",
            "The password cannot be one character repeated",
        )
    if _is_run(folded):
        return Problem(
            "password",
            "密码不能是连续的数字或字母（如12345678），请换一个",
            "The password cannot be a run of digits or letters such as 12345678",
        )
    if folded in _COMMON or (folded.isdigit() and len(set(folded)) <= 2):
        return Problem(
            "password",
            "这是常见的弱密码，猜密码的人会最先试它，请换一个",
            "This is a common weak password that guessers try first; choose another",
        )
    if len(password) < LONG_ENOUGH and _kinds(password) < 2:
        return Problem(
            "password",
            f"密码需要同时包含字母、数字或符号中的两种（或者至少{LONG_ENOUGH}位）",
            f"Use at least two of letters, digits and other signs (or {LONG_ENOUGH} characters or more)",
        )
    return None


def hint(lang: str = "zh") -> str:
    """The rule in one line, for a form's hint text."""
    if lang.startswith("zh"):
        return f"至少{MIN_LENGTH}位，包含字母、数字或符号中的两种；不要用用户名、姓名或12345678这类密码"
    return (
        f"At least {MIN_LENGTH} characters with two of letters, digits and signs; not the username, "
        "the name or anything like 12345678"
    )
