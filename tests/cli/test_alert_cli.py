"""``silverage alerts [--json]`` and ``alerts resolve ID --note TEXT`` as a script would use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from silverage.cli.main import main

pytestmark = pytest.mark.db


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_alerts_list_resolve_and_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "demo", "--elders", "60", "--json"]) == 0
    capsys.readouterr()
    assert _json(capsys, ["--db", db, "alerts", "--json"]) == []
    _json(capsys, ["--db", db, "plan", "--from", "2026-12-01", "--to", "2026-12-31", "--json"])
    rows = _json(
        capsys, ["--db", db, "list", "visits", "--from", "2026-12-01", "--to", "2026-12-31", "--json"]
    )
    by_elder: dict[int, list[dict]] = {}
    for r in rows:
        if r["kind"] == "home":
            by_elder.setdefault(r["elder_id"], []).append(r)
    elder_id, pair = next((e, v[:2]) for e, v in by_elder.items() if len(v) >= 2)
    # The later sheet is entered first: the alert still fires, once.
    for visit, day in ((pair[1], "2026-11-26"), (pair[0], "2026-11-25")):
        _json(
            capsys,
            ["--db", db, "record", visit["visit_code"], "--outcome", "not_home", "--date", day, "--json"],
        )
    (alert,) = _json(capsys, ["--db", db, "alerts", "--json"])
    assert {"id", "kind", "elder_id", "message", "due"} <= set(alert)
    assert alert["kind"] == "missed_twice" and alert["elder_id"] == elder_id
    assert "连续两次空访" in alert["message"] and "****" in alert["message"]
    assert alert["due"] and alert["contact_name"] in alert["message"]
    (en,) = _json(capsys, ["--db", db, "--lang", "en", "alerts", "--json"])
    assert "not at home twice" in en["message"]
    assert main(["--db", db, "alerts"]) == 0
    text = capsys.readouterr().out
    assert "连续两次上门未见到" in text and "应于 " in text and "前处理" in text
    assert "missed_twice" not in text  # the code is for scripts (--json), not for people
    assert main(["--db", db, "--lang", "en", "alerts"]) == 0
    text = capsys.readouterr().out
    assert "Not at home twice" in text and "due by " in text
    assert main(["--db", db, "alerts", "resolve", str(alert["id"]), "--note", ""]) == 2
    assert "如何处理" in capsys.readouterr().err
    assert (
        main(["--db", db, "alerts", "resolve", str(alert["id"]), "--note", "已电话联系，老人在女儿家"]) == 0
    )
    capsys.readouterr()
    assert _json(capsys, ["--db", db, "alerts", "--json"]) == []
    (done,) = _json(capsys, ["--db", db, "alerts", "history", "--json"])
    assert done["note"] == "已电话联系，老人在女儿家" and done["resolved_at"]
    assert main(["--db", db, "alerts", "resolve", str(alert["id"]), "--note", "again"]) == 2
    assert "已于" in capsys.readouterr().err
