"""Unmasked and complete exports are password-protected workbooks; masked ones stay plain; the import
reads a protected one only with its password, decrypted in memory."""

from __future__ import annotations

import io
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from msoffcrypto.exceptions import InvalidKeyError

from silverage.domain.enums import Role
from silverage.domain.problems import UserError
from silverage.services.context import Actor, ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.print_export.roster_export import ExportOptions
from tests.conftest import TODAY
from tests.io.helpers import EXPORT_PASSWORD as PW
from tests.io.helpers import open_encrypted


def _supervisor(ctx: ServiceContext) -> ServiceContext:
    return ServiceContext(ctx.db, Actor("duda", Role.SUPERVISOR, "王督导"))


def _full_ids(ctx: ServiceContext) -> list[str]:
    from sqlalchemy import select

    from silverage.db import models as m

    with ctx.read() as s:
        return list(s.scalars(select(m.Elder.id_number).limit(50)))


def test_an_unmasked_export_opens_only_with_its_password(demo_ctx, tmp_path: Path) -> None:
    sup = _supervisor(demo_ctx)
    out = tmp_path / "full.xlsx"
    roster_export.export_roster(sup, out, ExportOptions(unmasked=True, password=PW), today=TODAY)
    data = out.read_bytes()
    assert not any(n.encode() in data or n.encode("utf-16-le") in data for n in _full_ids(sup))
    with pytest.raises(Exception):  # noqa: B017 - openpyxl sees no zip at all
        openpyxl.load_workbook(out)
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    with pytest.raises(InvalidKeyError):
        office.load_key(password="guess")
        office.decrypt(io.BytesIO())
    ws = open_encrypted(out)["花名册"]
    header = [c.value for c in ws[2]]
    shown = {ws.cell(r, header.index("身份证号码") + 1).value for r in range(3, ws.max_row + 1)}
    assert set(_full_ids(sup)) & shown


def test_an_unmasked_export_without_a_password_is_refused(demo_ctx, tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    with pytest.raises(UserError, match="file password"):
        roster_export.export_roster(_supervisor(demo_ctx), out, ExportOptions(unmasked=True), today=TODAY)
    assert not out.exists()


def test_a_masked_export_stays_a_plain_workbook(demo_ctx, tmp_path: Path) -> None:
    out = tmp_path / "masked.xlsx"
    roster_export.export_roster(demo_ctx, out, ExportOptions(password=PW), today=TODAY)
    assert openpyxl.load_workbook(out, read_only=True)["花名册"]["A1"].value


def test_the_import_reads_a_protected_workbook_with_its_password(demo_ctx, tmp_path: Path) -> None:
    sup = _supervisor(demo_ctx)
    out = tmp_path / "complete.xlsx"
    roster_export.export_roster(sup, out, ExportOptions(complete=True, password=PW), today=TODAY)
    with pytest.raises(UserError) as none_given:
        roster_import.plan_import(sup, [out], today=TODAY)
    assert "设置了打开密码" in none_given.value.zh and "SILVERAGE_IMPORT_PASSWORD" in none_given.value.en
    with pytest.raises(UserError) as wrong:
        roster_import.plan_import(sup, [out], today=TODAY, password="Not-it-123")
    assert "文件密码不对" in wrong.value.zh
    before = set(tmp_path.iterdir())
    plan = roster_import.plan_import(sup, [out], today=TODAY, password=PW)
    assert len(plan.unchanged) == 995 and not plan.rejected
    assert set(tmp_path.iterdir()) == before  # decrypted in memory: no plain copy on disk
    tables = roster_import.describe_tables(sup, [out], password=PW)
    assert any(t.sheet == "花名册" for t in tables)
