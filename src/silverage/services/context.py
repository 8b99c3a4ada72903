"""What every service needs: the database and who is acting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from silverage.db.engine import Database, describe
from silverage.domain.clock import SYSTEM_CLOCK, Clock
from silverage.domain.enums import Role
from silverage.domain.problems import PermissionDenied


@dataclass(frozen=True)
class Actor:
    username: str
    role: Role = Role.WORKER
    display_name: str = ""

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


SYSTEM = Actor("system", Role.ADMIN, "系统")


@dataclass
class ServiceContext:
    """Passed explicitly to every service call; one ``transaction()`` per user action."""

    db: Database
    actor: Actor = SYSTEM
    clock: Clock = SYSTEM_CLOCK

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll the whole action back on any error."""
        with self.db.session_factory.begin() as session:
            yield session

    @property
    def location(self) -> str:
        """Where the data lives, for the status bar: a file path or a server URL, never a password."""
        return describe(self.db.url)

    def read(self) -> Session:
        """A session for reading (use as a context manager)."""
        return self.db.session_factory()

    def require_supervisor(self, what_zh: str, what_en: str) -> None:
        if not self.actor.is_supervisor:
            raise PermissionDenied(
                f"只有督导可以{what_zh}（当前用户：{self.actor.display_name or self.actor.username}）",
                f"Only a supervisor may {what_en} (signed in as {self.actor.username})",
            )
