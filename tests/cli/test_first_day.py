"""The first day of a new office, from the command line, as the README's first-start steps run it.

init → places add → users add (a supervisor, a worker for one community) → import the office's own
messy workbook with --create-places → the worker lists her community only, with ID numbers and
phones masked; without --user, with a wrong password, and after five wrong passwords: exit 2.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from silverage.cli import main
from silverage.db import models as m
from silverage.db.engine import open_database
from tests.io.helpers import make_id

pytestmark = pytest.mark.db

ADMIN_PW, SUPERVISOR_PW, WORKER_PW = "Nanhu-admin-1", "Du-dao-2026x", "She-gong-77x"
IDS = [make_id(date(1936 + i, 3, 1 + i), male=i % 2 == 0, seq=40 + i) for i in range(6)]


def _office_workbook(path: Path) -> Path:
    """What an office really has: a title, a header with its own words, one sheet per community,
    full-width digits, a grid merged over its rows, no micro-grid column in one sheet, a 合计 line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月河社区"
    ws.append(["南湖街道月河社区独居老人花名册（2026年11月）"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "老人姓名", "公民身份号码", "联系方式", "所在网格", "微网格"])
    ws.append([1, "张 三", IDS[0].replace("3", "３"), "138 1234 5678", "第一网格", "1号"])
    ws.append([2, "李四", IDS[1].lower(), "0573-82345678", None, "2号"])
    ws.merge_cells("E3:E4")  # 第一网格 over both rows
    ws.append([3, "王五", IDS[2], "13900000001", "第二网格", None])  # a grid, no micro-grid
    ws.append(["合计", "3人", None, None, None, None])
    other = wb.create_sheet("梅湾社区")
    other.append(["姓名", "身份证号", "电话", "网格"])
    other.append(["赵六", IDS[3], "13900000002", "梅湾1网格"])
    other.append(["钱七", IDS[4], "13900000003", "梅湾1网格"])
    summary = wb.create_sheet("汇总")
    summary.append(["社区", "人数"])
    summary.append(["月河社区", 3])
    wb.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_first_day_of_a_new_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "nanhu.sqlite")

    def as_user(password: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SILVERAGE_PASSWORD", password)
        return run(capsys, "--db", db, *argv)

    # 1. The first administrator, and the subdistrict's name; a second init is refused.
    code, out, err = as_user(
        ADMIN_PW, "init", "--subdistrict", "南湖街道", "--admin", "zhang", "--admin-name", "张主任"
    )
    assert code == 0, err
    assert "南湖街道" in out and "zhang" in out
    code, _, err = as_user(ADMIN_PW, "init", "--subdistrict", "别的街道", "--admin", "li")
    assert code == 2 and "已经设置过账号" in err and len(err.splitlines()) == 2

    # 2. Without --user nothing personal is shown any more.
    code, _, err = run(capsys, "--db", db, "list", "elders")
    assert code == 2 and "--user" in err and len(err.splitlines()) == 2

    # 3. The communities the admin knows today.
    code, out, err = as_user(ADMIN_PW, "places", "add", "月河社区/第一网格/1号微网格", "--user", "zhang")
    assert code == 0 and "已新建" in out, err

    # 4. A supervisor, and a worker for 月河社区 only (her password from SILVERAGE_NEW_PASSWORD).
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", "12345678")
    code, _, err = as_user(
        ADMIN_PW, "users", "add", "wang", "--name", "王督导", "--role", "supervisor", "--user", "zhang"
    )
    assert code == 2 and "连续的数字" in err  # a weak password is refused with the reason
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", SUPERVISOR_PW)
    code, out, err = as_user(
        ADMIN_PW, "users", "add", "wang", "--name", "王督导", "--role", "supervisor", "--user", "zhang"
    )
    assert code == 0, err
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", WORKER_PW)
    code, out, err = as_user(
        ADMIN_PW,
        "users",
        "add",
        "li",
        "--name",
        "李社工",
        "--role",
        "worker",
        "--communities",
        "月河",
        "--user",
        "zhang",
    )
    assert code == 0 and "月河社区" in out, err
    code, out, _ = as_user(ADMIN_PW, "users", "list", "--json", "--user", "zhang")
    accounts = {a["username"]: a for a in json.loads(out)}
    assert accounts["li"]["communities"] == ["月河社区"] and accounts["wang"]["role"] == "supervisor"

    # 5. The office's own workbook, with the places it names created in the same transaction.
    book = _office_workbook(tmp_path / "花名册.xlsx")
    code, _, err = as_user(WORKER_PW, "import", str(book), "--create-places", "--user", "li")
    assert code == 2 and "督导" in err  # creating places is not a worker's
    code, out, err = as_user(
        SUPERVISOR_PW, "import", str(book), "--create-places", "--json", "--user", "wang"
    )
    assert code == 0, err
    report = json.loads(out)
    assert (report["created"], report["rejected"], report["dry_run"]) == (5, 0, False)
    assert report["places_created"] == [
        "月河社区/第一网格/2号",
        "月河社区/第二网格",
        "月河社区/第二网格/未分微网格",
        "梅湾社区",
        "梅湾社区/梅湾1网格",
        "梅湾社区/梅湾1网格/未分微网格",
    ]
    code, out, _ = as_user(SUPERVISOR_PW, "places", "list", "--json", "--user", "wang")
    assert [(c["name"], c["people"]) for c in json.loads(out)] == [("月河社区", 3), ("梅湾社区", 2)]

    # 6. The worker sees her community only, with ID numbers and phones masked.
    code, out, err = as_user(WORKER_PW, "list", "elders", "--json", "--user", "li")
    assert code == 0, err
    rows = json.loads(out)
    assert sorted(r["name"] for r in rows) == ["张三", "李四", "王五"]
    assert {r["community"] for r in rows} == {"月河社区"}
    assert all(r["id_number"][4:14] == "*" * 10 for r in rows)
    assert all("****" in r["phone"] for r in rows) and not any(i in out for i in IDS)
    code, _, err = as_user(WORKER_PW, "list", "elders", "--unmasked", "--user", "li")
    assert code == 2 and "督导" in err
    code, out, _ = as_user(SUPERVISOR_PW, "list", "elders", "--json", "--unmasked", "--user", "wang")
    assert sorted(r["id_number"] for r in json.loads(out)) == sorted(IDS[:5])

    # 7. A wrong password exits 2; five in a row lock the account, even for the right password.
    code, _, err = as_user("not-her-password", "list", "elders", "--user", "li")
    assert code == 2 and "用户名或密码不对" in err
    for _ in range(4):
        code, _, err = as_user("not-her-password", "list", "elders", "--user", "li")
        assert code == 2
    assert "已被锁定" in err
    code, _, err = as_user(WORKER_PW, "list", "elders", "--user", "li")
    assert code == 2 and "已被锁定" in err

    # Every sign-in, failure and lockout is in the audit trail; no password is anywhere in it.
    database = open_database(db)
    with database.session_factory() as s:
        actions = [a for (a,) in s.execute(select(m.AuditEntry.action).where(m.AuditEntry.user == "li"))]
        texts = " ".join(f"{a.detail} {a.old_value} {a.new_value}" for a in s.scalars(select(m.AuditEntry)))
    database.dispose()
    assert actions.count("sign_in_failed") == 4 and actions.count("lockout") == 1
    assert "sign_in_locked" in actions and "sign_in" in actions
    assert not any(pw in texts for pw in (ADMIN_PW, SUPERVISOR_PW, WORKER_PW, "not-her-password"))


def test_a_reset_password_is_changed_before_anything_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "office.sqlite")
    monkeypatch.setenv("SILVERAGE_PASSWORD", ADMIN_PW)
    assert run(capsys, "--db", db, "init", "--subdistrict", "南湖街道", "--admin", "zhang")[0] == 0
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", SUPERVISOR_PW)
    assert (
        run(
            capsys,
            "--db",
            db,
            "--user",
            "zhang",
            "users",
            "add",
            "wang",
            "--name",
            "王督导",
            "--role",
            "viewer",
        )[0]
        == 0
    )
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", "Temp-pass-0001")
    code, out, _ = run(capsys, "--db", db, "--user", "zhang", "users", "passwd", "wang")
    assert code == 0 and "下次登录" in out
    monkeypatch.setenv("SILVERAGE_PASSWORD", "Temp-pass-0001")
    code, _, err = run(capsys, "--db", db, "--user", "wang", "list", "elders")
    assert code == 2 and "users passwd wang" in err
    monkeypatch.setenv("SILVERAGE_NEW_PASSWORD", "His-own-pass-9")
    assert run(capsys, "--db", db, "--user", "wang", "users", "passwd", "wang")[0] == 0
    monkeypatch.setenv("SILVERAGE_PASSWORD", "His-own-pass-9")
    code, out, err = run(capsys, "--db", db, "--user", "wang", "list", "elders", "--json")
    assert code == 0 and json.loads(out) == [], err
    code, _, err = run(capsys, "--db", db, "--user", "wang", "users", "disable", "zhang")
    assert code == 2 and "只有管理员" in err
