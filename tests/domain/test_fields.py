"""The field registry itself: complete, unambiguous, and the words validation and masking use."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

from silverage.domain import fields
from silverage.domain.elder_input import ContactInput, ElderInput, clean_and_validate

# What the audit trail records about a person besides the editable fields (ElderInput).
AUDITED_EXTRA = ("birth_date", "gender", "status", "status_date", "status_reason", "level")


def test_keys_are_unique_and_every_field_has_both_labels() -> None:
    keys = [f.key for f in fields.FIELDS]
    assert len(keys) == len(set(keys))
    for f in (*fields.FIELDS, *fields.CONTACT_FIELDS):
        assert f.zh and f.en and f.zh != f.en, f.key
        assert f.column in (fields.READ, fields.FILLS, fields.SKIP, fields.NOT_A_COLUMN), f.key


def test_one_chinese_label_means_one_english_label() -> None:
    """The interface translates by the Chinese text: two fields may share it only with one English."""
    english: dict[str, str] = {}
    for f in (*fields.FIELDS, *fields.CONTACT_FIELDS):
        assert english.setdefault(f.zh, f.en) == f.en, f"{f.zh}: {english[f.zh]} or {f.en}"
    zh = [f.zh for f in fields.FIELDS]
    assert len(zh) == len(set(zh))  # and a person's fields never share one


def test_every_field_the_record_or_the_audit_trail_holds_is_in_the_registry() -> None:
    for f in dataclass_fields(ElderInput):
        assert f.name in fields.BY_KEY, f.name
    for key in AUDITED_EXTRA:
        assert key in fields.BY_KEY, key
    for f in dataclass_fields(ContactInput):
        if f.name != "id":
            assert f.name in fields.CONTACT_BY_KEY, f.name


def test_masking_follows_the_personal_flag() -> None:
    personal = {f.key for f in fields.FIELDS if f.sensitive}
    contact_phones = {"contact_phone", "contact_phone2"} | {
        f"contact{n}_{p}" for n in range(2, fields.MAX_CONTACTS + 1) for p in ("phone", "phone2")
    }
    assert personal == {"id_number", "phone", "phone2", *contact_phones}
    assert fields.masked("id_number", "330402194405120011") == "3304**********0011"
    assert fields.masked("phone", "13812345678") == "138****5678"
    assert fields.masked("phone", "13812345678", "emergency_contact") == "138****5678"
    assert fields.masked("name", "王秀英") == "王秀英"


def test_validation_messages_name_fields_by_their_registry_labels() -> None:
    _, _, problems = clean_and_validate(
        ElderInput("王秀英", "330402194405120011", phone="12", phone2="34", living="x", disability="y")
    )
    by_field = {p.field: p for p in problems}
    for key in ("phone", "phone2", "living", "disability"):
        assert by_field[key].zh.startswith(fields.field(key).zh), by_field[key].zh
        assert by_field[key].en.startswith(fields.field(key).en), by_field[key].en
