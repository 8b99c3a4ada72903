"""``silverage check``: is the database whole and consistent?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from silverage.db import migrate
from silverage.db import models as m
from silverage.domain import idcard
from silverage.domain.idcard import IdInfo
from silverage.domain.permissions import Action
from silverage.services import audit_check
from silverage.services.context import ServiceContext


@dataclass
class IntegrityReport:
    schema_revision: str | None
    expected_revision: str | None
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "schema_revision": self.schema_revision,
            "expected_revision": self.expected_revision,
            "counts": self.counts,
            "problems": self.problems,
        }

    def lines(self) -> list[str]:
        out = [f"数据库版本 schema: {self.schema_revision} (应为 expected {self.expected_revision})"]
        out += [f"{k}: {v}" for k, v in self.counts.items()]
        out += [f"问题 problem: {p}" for p in self.problems] or ["检查通过 (all checks passed)"]
        return out


def check(ctx: ServiceContext) -> IntegrityReport:
    ctx.require(Action.CHECK_DATABASE)
    with ctx.read() as s:
        conn = s.connection()
        report = IntegrityReport(
            migrate.current_revision(conn),
            migrate.head_revision(),
            {
                "communities": s.scalar(select(func.count()).select_from(m.Community)) or 0,
                "grids": s.scalar(select(func.count()).select_from(m.Grid)) or 0,
                "micro_grids": s.scalar(select(func.count()).select_from(m.MicroGrid)) or 0,
                "elders": s.scalar(select(func.count()).select_from(m.Elder)) or 0,
                "volunteers": s.scalar(select(func.count()).select_from(m.Volunteer)) or 0,
                "visits": s.scalar(select(func.count()).select_from(m.Visit)) or 0,
            },
        )
        if report.schema_revision != report.expected_revision:
            report.problems.append("数据库结构版本与程序不一致 (schema revision differs from the app)")
        if conn.dialect.name == "sqlite":
            result = conn.execute(text("PRAGMA integrity_check")).scalar()
            if result != "ok":
                report.problems.append(f"SQLite integrity_check: {result}")
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if fk:
                report.problems.append(
                    f"{len(fk)} 条记录引用了不存在的记录 (rows with dangling foreign keys)"
                )
        audited, chain_break = audit_check.verify(s)
        report.counts["audit_rows"] = audited
        if chain_break is not None:
            report.problems.append(str(chain_break))
        bad = 0
        for number, born in s.execute(select(m.Elder.id_number, m.Elder.birth_date)):
            info = idcard.parse(number)
            if not isinstance(info, IdInfo) or info.birth_date != born:
                bad += 1
        if bad:
            report.problems.append(
                f"{bad} 位老人的身份证号码无效或与出生日期不符 ({bad} elders have an invalid ID number "
                "or one that disagrees with the birth date)"
            )
        no_place = (
            s.scalar(
                select(func.count())
                .select_from(m.Elder)
                .where(m.Elder.micro_grid_id.is_(None), m.Elder.status == "active")
            )
            or 0
        )
        if no_place:
            report.problems.append(
                f"{no_place} 位在册老人未分配微网格 ({no_place} active elders have no micro-grid)"
            )
    return report
