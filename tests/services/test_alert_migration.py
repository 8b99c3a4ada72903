"""Migration 0006: alerts raised before it keep their text and get an empty note and basis."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from silverage.db import migrate
from silverage.db.engine import resolve_url

pytestmark = pytest.mark.db


def test_old_alerts_survive_the_upgrade_and_can_be_resolved_with_a_note(db_target: str) -> None:
    from alembic import command

    engine = create_engine(resolve_url(db_target))
    try:
        migrate.upgrade(engine, "0004")
        with engine.begin() as conn:
            person = {
                "id": 1,
                "name": "张桂英",
                "gender": "F",
                "id_number": "330402194001010012",
                "birth_date": "1940-01-01",
                "living": "alone",
                "disability": "none",
                "mobility": "independent",
                "economic": "none",
                "status": "active",
                "version": 1,
                "created_at": "2026-11-26 09:00:00",
                "updated_at": "2026-11-26 09:00:00",
            }
            for column in (
                "phone",
                "phone2",
                "address_building",
                "address_unit",
                "address_room",
                "address_detail",
                "health_conditions",
                "doorstep_notes",
                "notes",
                "status_reason",
            ):
                person[column] = ""
            for column in (
                "serious_illness",
                "cognitive_impairment",
                "children_nearby",
                "fall_last_year",
                "hospital_last_year",
                "home_hazards",
                "level_overridden",
            ):
                person[column] = False
            names = ", ".join(person)
            conn.execute(
                text(f"INSERT INTO elder ({names}) VALUES ({', '.join(':' + k for k in person)})"), person
            )
            conn.execute(
                text(
                    "INSERT INTO alert (elder_id, kind, message_zh, message_en, created_at, resolved_by)"
                    " VALUES (1, 'missed_twice', '张桂英连续两次空访', 'not at home twice', :now, '')"
                ),
                {"now": "2026-11-26 09:00:00"},
            )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT message_zh, note, basis, urgent_visit_id FROM alert")).one()
        assert row[0] == "张桂英连续两次空访" and row[1] == "" and row[3] is None
        assert row[2] in ("{}", {})
        with engine.begin() as conn:
            command.downgrade(migrate.config(conn), "0004")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT message_zh FROM alert")).scalar() == "张桂英连续两次空访"
    finally:
        engine.dispose()
