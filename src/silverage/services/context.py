"""What every service needs: the database, who is acting, and what they may see and do."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from silverage.db.engine import Database, describe
from silverage.domain.clock import SYSTEM_CLOCK, Clock
from silverage.domain.enums import Role
from silverage.domain.permissions import Action, allowed, who_may
from silverage.domain.problems import PermissionDenied
from silverage.services import faults, scope, writer_note

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """The person acting. ``communities``: the community ids a worker is limited to (None: every
    community, as for supervisors, administrators, viewers and people acting before accounts exist)."""

    username: str
    role: Role = Role.WORKER
    display_name: str = ""
    communities: frozenset[int] | None = None
    must_change_password: bool = False

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)

    @property
    def is_scoped(self) -> bool:
        """Limited to some communities: every query of this actor is filtered to them."""
        return self.communities is not None

    def may(self, action: Action) -> bool:
        return allowed(self.role, action)

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


SYSTEM = Actor("system", Role.ADMIN, "系统")


@dataclass
class ServiceContext:
    """Passed explicitly to every service call; one ``transaction()`` per user action.

    Every session it opens carries the actor's community scope, so a community worker's queries
    (lists, counts, printouts, exports, plans) only ever see their own communities' people,
    visits, volunteers and places (``services.scope``).
    """

    db: Database
    actor: Actor = SYSTEM
    clock: Clock = SYSTEM_CLOCK

    def __post_init__(self) -> None:
        scope.install(self.db.session_factory)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll the whole action back on any error.

        First makes sure the database file is still the one opened (``Database.ensure_file``)."""
        self.db.ensure_file()
        try:
            with self.db.session_factory.begin() as session:
                scope.limit(session, self.actor.communities)
                writer_note.watch(session, self.db.path, self.actor.shown_name, self.clock)
                yield session
        except (DBAPIError, OSError) as exc:
            known = faults.explain(exc)
            if known is None:
                raise
            # The kind only: the statement's parameters are a person's data (see logging_setup).
            kind = type(getattr(exc, "orig", exc)).__name__
            if isinstance(known, faults.DatabaseLocked):  # the app may retry it many times (lock_wait)
                log.info("Transaction refused by another writer's lock: %s", kind)
                known = faults.locked(writer_note.holder_of(self.db))
            else:
                log.warning("Transaction refused by the database: %s", kind)
            raise known from exc

    @property
    def location(self) -> str:
        """Where the data lives, for the status bar: a file path or a server URL, never a password."""
        return describe(self.db.url)

    def read(self) -> Session:
        """A session for reading (use as a context manager)."""
        session = self.db.session_factory()
        scope.limit(session, self.actor.communities)
        return session

    def require(self, action: Action) -> None:
        """Refuse (PermissionDenied, one readable line) unless the actor's role may do ``action``."""
        if not self.actor.may(action):
            a = self.actor
            raise PermissionDenied(
                f"只有{who_may(action)}可以{action.zh}（当前用户：{a.shown_name}，{a.role.zh}）",
                f"Only {who_may(action, 'en')} may {action.en} (signed in as {a.username}, {a.role.en})",
            )

    def require_supervisor(self, what_zh: str, what_en: str) -> None:
        if not self.actor.is_supervisor:
            raise PermissionDenied(
                f"只有督导可以{what_zh}（当前用户：{self.actor.display_name or self.actor.username}）",
                f"Only a supervisor may {what_en} (signed in as {self.actor.username})",
            )
