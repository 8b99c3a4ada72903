"""Builders for the Excel tests: places, valid ID numbers, and workbooks made by hand with openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from silverage.db import models as m
from silverage.domain import idcard
from silverage.services.context import ServiceContext


def make_id(born: date, male: bool = True, area: str = "330402", seq: int = 12, want_x: bool = False) -> str:
    """A valid 18-character ID number; ``want_x`` searches for one whose check character is X."""
    n = seq
    while True:
        s = n * 2 + (1 if male else 0)
        body = f"{area}{born:%Y%m%d}{s % 1000:03d}"
        check = idcard.check_char(body)
        if not want_x or check == "X":
            return body + check
        n += 1


def add_places(ctx: ServiceContext) -> dict[str, int]:
    """月河社区: 月河1网格 (two micro-grids), 月河2网格 (one); 梅湾社区: 梅湾1网格 (one).

    Returns micro-grid name -> id.
    """
    ids: dict[str, int] = {}
    with ctx.transaction() as s:
        layout = {"月河社区": {"月河1网格": 2, "月河2网格": 1}, "梅湾社区": {"梅湾1网格": 1}}
        n = 0
        for ci, (cname, grids) in enumerate(layout.items()):
            c = m.Community(code=f"C{ci}", name=cname, sort_order=ci)
            s.add(c)
            s.flush()
            for gi, (gname, micros) in enumerate(grids.items()):
                g = m.Grid(community_id=c.id, code=f"G{ci}{gi}", name=gname, sort_order=gi)
                s.add(g)
                s.flush()
                for k in range(micros):
                    n += 1
                    mg = m.MicroGrid(grid_id=g.id, code=f"M{n}", name=f"{gname}{k + 1}号微网格", sort_order=k)
                    s.add(mg)
                    s.flush()
                    ids[mg.name] = mg.id
    return ids


EXPORT_PASSWORD = "Export-pass-2026"  # what the tests give an unmasked or complete export


def open_encrypted(path: Path, password: str = EXPORT_PASSWORD, **kwargs: Any) -> Any:
    """An encrypted export opened as Excel would after its password prompt (decrypted in memory)."""
    import io

    import msoffcrypto
    import openpyxl

    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    office.load_key(password=password)
    plain = io.BytesIO()
    office.decrypt(plain)
    plain.seek(0)
    return openpyxl.load_workbook(plain, **kwargs)
