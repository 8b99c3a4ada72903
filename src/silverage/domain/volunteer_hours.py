"""One volunteer's month in figures: what the hours service counts and the certificate prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: int
    name: str
    community: str
    visits: int
    services: int
    minutes: int
    people: int
    by_kind: tuple[tuple[str, int], ...] = ()  # services given, by kind (the certificate lists them)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["by_kind"] = dict(self.by_kind)
        data["hours"] = self.hours
        return data
