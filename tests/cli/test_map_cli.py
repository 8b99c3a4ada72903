"""``silverage map``: the point map on paper, as an office prints it for the wall and a script reads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from silverage.cli.main import main
from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.services.context import ServiceContext
from silverage.services.map import points as pm
from tests.conftest import TODAY
from tests.reports.pdf_tools import fonts, page_texts, render

pytestmark = pytest.mark.db
poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def _map(capsys, demo_file: str, *args: str) -> dict:  # noqa: ANN001
    assert main(["--db", demo_file, "map", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_grid_on_one_a3_page_with_what_the_wall_needs(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "grid.pdf"
    got = _map(capsys, demo_file, str(out), "--community", "月河社区", "--grid", "月河1网格", "--size", "A3")
    database = open_database(demo_file)
    gmap = pm.point_map(ServiceContext(database), grid_id=1, today=TODAY)
    assert got["pages"] == 1 and got["people"] == gmap.people and got["buildings"] == len(gmap.points)
    assert got["points"] == gmap.counts() and sum(got["points"].values()) == got["buildings"]
    page = PdfReader(str(out)).pages[0]
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(w), round(h)) == (1191, 842)  # A3 landscape
    text = page_texts(out)[0]
    assert "三色点位图" in text and "月河社区·月河1网格" in text and "演示数据" in text
    assert "内含个人信息，请妥善保管" in text and f"截至{TODAY.isoformat()}" in text
    for word, key in (("红", "red"), ("黄", "yellow"), ("绿", "green")):
        assert f"{word}{got['points'][key]}处" in text
    for point in gmap.points:
        assert point.label in text  # every building is labelled
    # No names on a wall chart, no phone numbers.
    assert not any(p.name in text for pt in gmap.points for p in pt.people)
    assert all(f["emb"] == "yes" for f in fonts(out))
    with database.session_factory() as s:
        row = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "print")).one()
        assert row.field == "point_map" and json.loads(row.detail)["grid_id"] == 1
        assert row.new_value == str(gmap.people)
    database.dispose()


def test_a_community_is_its_overview_then_one_page_a_grid(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "community.pdf"
    got = _map(capsys, demo_file, str(out), "--community", "月河社区")
    database = open_database(demo_file)
    place = pm.places(ServiceContext(database))[0]
    database.dispose()
    texts = page_texts(out)
    assert got["pages"] == len(texts) == 1 + len(place.grids)
    assert "三色点位图月河社区" in texts[0] and all(g in texts[0] for _id, g in place.grids)
    for text, (_gid, grid) in zip(texts[1:], place.grids, strict=True):
        assert f"月河社区·{grid}" in text and "第" in text and "页/共" in text


def test_without_a_place_every_grid_of_the_subdistrict(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    got = _map(capsys, demo_file, str(tmp_path / "all.pdf"))
    database = open_database(demo_file)
    grids = sum(len(p.grids) for p in pm.places(ServiceContext(database)))
    with database.session_factory() as s:
        people = len(list(s.scalars(select(m.Elder.id).where(m.Elder.status == "active"))))
    database.dispose()
    assert got["pages"] == grids and got["people"] == people


def test_an_unknown_grid_is_told_with_near_names(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "x.pdf"
    assert main(["--db", demo_file, "map", str(out), "--grid", "月河99网格"]) == 2
    err = capsys.readouterr().err
    assert "没有名为“月河99网格”的网格" in err and "No grid named" in err and "月河1网格" in err
    assert not out.exists()


@poppler
def test_the_points_show_in_their_colours(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "grid.pdf"
    got = _map(capsys, demo_file, str(out), "--grid", "月河1网格")
    assert got["points"]["red"] and got["points"]["yellow"]
    image = Image.open(render(out, 1, tmp_path, dpi=100)).convert("RGB")

    def near(rgb: tuple[int, int, int]) -> int:
        px, (w, h) = image.load(), image.size
        pixels = (px[x, y] for x in range(w) for y in range(h))
        return sum(1 for p in pixels if all(abs(a - b) < 40 for a, b in zip(p, rgb, strict=True)))

    assert near((0xD9, 0x30, 0x25)) > 20 * got["points"]["red"]  # a red disc is more than a speck
    assert near((0xF2, 0xB6, 0x00)) > 10 * got["points"]["yellow"]


def test_a_grid_in_another_community_or_named_twice_is_told_apart(capsys, demo_file, tmp_path) -> None:  # noqa: ANN001
    from silverage.domain.enums import Role
    from silverage.services.context import Actor
    from silverage.services.roster import places

    boss = ServiceContext(open_database(demo_file), Actor("duda", Role.SUPERVISOR, "王督导"))
    places.add_place(boss, "月河社区/东区")
    places.add_place(boss, "梅湾社区/东区")
    out = tmp_path / "x.pdf"
    assert main(["--db", demo_file, "map", str(out), "--community", "月河社区", "--grid", "梅湾1网格"]) == 2
    assert "梅湾1网格在梅湾社区，不在月河社区" in capsys.readouterr().err
    assert main(["--db", demo_file, "map", str(out), "--grid", "东区"]) == 2
    err = capsys.readouterr().err
    assert "有 2 个网格叫“东区”" in err and "月河社区/东区" in err and "梅湾社区/东区" in err
    assert not out.exists()
    got = _map(capsys, demo_file, str(out), "--grid", "梅湾社区/东区")
    assert got["pages"] == 1 and "梅湾社区·东区" in page_texts(out)[0]
    got = _map(capsys, demo_file, str(out), "--community", "月河社区", "--grid", "东区")
    assert "月河社区·东区" in page_texts(out)[0]
