"""The hours certificate as it is handed over: every line inside the double frame, and the hours
("（合 0.2 小时）") never split across two lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from silverage.domain.volunteer_hours import VolunteerHours
from silverage.reports.data import DocMeta
from silverage.reports.hours_certificate import MARGIN, HoursCertificates, write_hours_certificates
from silverage.reports.page_parts import page_size

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler not installed")


def _certificate(tmp_path: Path) -> Path:
    meta = DocMeta("示范街道（演示数据）", "root", datetime(2026, 12, 2, 5, 15), synthetic=True)
    line = VolunteerHours(6, "刘勇", "月河社区", 1, 0, 15, 1, ())
    out = tmp_path / "hours.pdf"
    write_hours_certificates(
        out, HoursCertificates(meta, "示范街道（演示数据）", date(2026, 12, 1), date(2026, 12, 2), (line,))
    )
    return out


def test_every_word_is_inside_the_frame(tmp_path: Path) -> None:
    out = _certificate(tmp_path)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    inner_right = page_size()[0] - MARGIN + 4
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert right_edges and max(right_edges) < inner_right  # the footer used to run across the border


def test_the_hours_stay_on_one_line(tmp_path: Path) -> None:
    out = _certificate(tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = ["".join(row.split()) for row in text.splitlines()]
    assert any("（合0.2小时）" in row for row in lines)
    assert any("【演示数据】" in row for row in lines)
