"""Errors that explain themselves to people, in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: ``field`` is the model attribute name (or "" for the record)."""

    field: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def __str__(self) -> str:
        return f"{self.zh} ({self.en})"


class UserError(Exception):
    """Something a person can fix; carries a message in both languages and never a traceback."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} ({en})")
        self.zh = zh
        self.en = en

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class ValidationError(UserError):
    """A record failed validation; ``problems`` lists every field at fault, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(
            "；".join(p.zh for p in self.problems),
            "; ".join(p.en for p in self.problems),
        )


class ConflictError(UserError):
    """Someone else saved the record after it was opened: nothing was overwritten."""


class PermissionDenied(UserError):
    """The signed-in user's role may not do this."""
