"""Import header map, Excel export, printed roster and import preview all name fields from one registry.

Each test would fail if one of those places got its own word for a field again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from silverage.domain import fields
from silverage.domain.enums import Role
from silverage.io import header_map
from silverage.reports import roster_report
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.roster.elders import EDITABLE
from tests.conftest import TODAY


@pytest.mark.parametrize("f", [f for f in fields.FIELDS if f.column], ids=lambda f: f.key)
def test_each_header_word_of_a_field_imports_into_that_field(f: fields.Field) -> None:
    expected = f.key if f.column in (fields.READ, fields.FILLS) else header_map.IGNORE
    for word in (f.zh, f.en, *f.synonyms):
        assert header_map.guess_field(word) == expected, word


def test_no_header_word_names_two_fields() -> None:
    seen: dict[str, str] = {}
    for f in fields.FIELDS:
        if f.column:
            for word in {header_map.normalize_header(w) for w in (f.zh, f.en, *f.synonyms)}:
                assert seen.setdefault(word, f.key) == f.key, f"{word}: {seen[word]} and {f.key}"


def test_the_import_map_is_the_registry() -> None:
    assert [f for f in header_map.FIELDS if f.key != header_map.IGNORE] == list(fields.imported())
    for key in header_map.REQUIRED:
        assert header_map.BY_KEY[key] is fields.field(key)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_export_header_is_the_registry_label_and_imports_into_its_own_field(lang: str) -> None:
    for spec in (*roster_export.COLUMNS, roster_export._OVERDUE_EXTRA):
        f = fields.field(spec.key)
        header = spec.zh if lang == "zh" else spec.en
        assert header == f.label(lang)
        assert header_map.guess_field(header) == (f.key if f.column == fields.READ else header_map.IGNORE)
        assert spec.sensitive == f.sensitive
    # all of it round-trips (yes/no and category columns fill other fields, which are exported)
    assert {f.key for f in fields.imported() if f.column == fields.READ} <= set(roster_export.ALL_COLUMNS)


@pytest.mark.db
def test_an_exported_workbook_maps_every_column_back_to_its_field(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "all.xlsx"
    sup = ServiceContext(demo_ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))
    opts = roster_export.ExportOptions(
        elder_ids=(1, 2), columns=roster_export.ALL_COLUMNS, unmasked=True, password="pw-test-1"
    )
    roster_export.export_roster(sup, out, opts, today=TODAY)
    plan = roster_import.plan_import(sup, [out], today=TODAY, password="pw-test-1")
    table = next(t for t in plan.tables if t.sheet == "花名册")
    expected = {
        i: (key if fields.field(key).column == fields.READ else header_map.IGNORE)
        for i, key in enumerate(roster_export.ALL_COLUMNS)
    }
    assert table.mapping == expected
    assert len(plan.unchanged) == 2 and not plan.rejected


def test_printed_roster_headings_are_the_registry_labels() -> None:
    assert roster_report.HEADINGS == tuple(fields.field(k).zh for k in roster_report.COLUMNS)
    assert len(roster_report.WIDTHS) == len(roster_report.HEADINGS)


@pytest.mark.parametrize("key", [*EDITABLE, "contacts"])
def test_an_import_diff_names_the_field_by_its_registry_label(key: str) -> None:
    diff = roster_import.Diff(key, "a", "b")
    assert (diff.label(), diff.label("en")) == (fields.field(key).zh, fields.field(key).en)
