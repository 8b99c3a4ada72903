"""What one user action changed, so that every view can refresh exactly what it shows.

Write services return one of these (or a result that carries one as ``.changes``); the UI
announces it in one place and each page decides what to reload from it. A change nobody names
cannot refresh anything, which is how a re-scored person stayed yellow on the roster until F5.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# Named settings a page may depend on.
VISIT_POLICY = "visit_policy"
HOLIDAYS = "holidays"
USERS = "users"


@dataclass(frozen=True)
class Changes:
    elders: frozenset[int] = field(default_factory=frozenset)
    visits: frozenset[int] = field(default_factory=frozenset)
    volunteers: frozenset[int] = field(default_factory=frozenset)
    settings: frozenset[str] = field(default_factory=frozenset)
    # Too many (or unknown) to name one by one: everyone's row, every visit may have changed.
    all_elders: bool = False
    all_visits: bool = False
    places: bool = False
    rules: bool = False

    @classmethod
    def of(
        cls,
        *,
        elders: Iterable[int] = (),
        visits: Iterable[int] = (),
        volunteers: Iterable[int] = (),
        settings: Iterable[str] = (),
        all_elders: bool = False,
        all_visits: bool = False,
        places: bool = False,
        rules: bool = False,
    ) -> Changes:
        return cls(
            frozenset(elders), frozenset(visits), frozenset(volunteers), frozenset(settings),
            all_elders, all_visits, places, rules,
        )  # fmt: skip

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.elders | other.elders,
            self.visits | other.visits,
            self.volunteers | other.volunteers,
            self.settings | other.settings,
            self.all_elders or other.all_elders,
            self.all_visits or other.all_visits,
            self.places or other.places,
            self.rules or other.rules,
        )

    def __bool__(self) -> bool:
        return bool(
            self.elders or self.visits or self.volunteers or self.settings
            or self.all_elders or self.all_visits or self.places or self.rules
        )  # fmt: skip

    @property
    def touches_people(self) -> bool:
        """Roster rows (levels, last contact, places) may show something new."""
        return bool(self.elders) or self.all_elders or self.places

    @property
    def touches_visits(self) -> bool:
        """Visit lists, worklists and rates may show something new."""
        return bool(self.visits) or self.all_visits or self.touches_people or bool(self.settings)


NOTHING = Changes()


def changes_of(result: object) -> Changes:
    """The change record a service handed back: the result itself, or its ``changes``."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else NOTHING
