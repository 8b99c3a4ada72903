"""Who may do what: one table of roles and actions, read by every service (never by a screen alone).

管理员 admin: accounts, places, settings and everything a supervisor does (the first account of a new
office is an administrator and must be able to import its roster). 督导 supervisor: everything on
every community, the care-level rules, the visit policy, the holiday table, places, full ID numbers
and phones. 社区工作者 worker: the roster, visits, volunteers, printouts and exports of the
communities assigned to them (the services filter every query to those). 只读 viewer: dashboard
figures and lists with ID numbers and phones masked, nothing else.
"""

from __future__ import annotations

from silverage.domain.enums import Role
from silverage.domain.labels import Labelled


class Action(Labelled):
    """One thing a user may be allowed to do; the labels finish "只有…可以" / "Only … may"."""

    VIEW_DASHBOARD = ("view_dashboard", "查看统计数字", "see the dashboard figures")
    LIST = ("list", "查看名单（号码部分隐藏）", "see lists with masked numbers")
    VIEW_PERSON = ("view_person", "查看个人完整档案", "open a person's full record")
    EDIT_ROSTER = ("edit_roster", "修改花名册", "change the roster")
    RECORD_VISITS = ("record_visits", "录入和调整探访", "record and change visits")
    PLAN_VISITS = ("plan_visits", "生成探访计划", "plan visits")
    CAMPAIGN = ("campaign", "建立专项关怀行动", "start a campaign")
    EDIT_VOLUNTEERS = ("edit_volunteers", "修改志愿者", "change volunteers")
    ASSESS = ("assess", "重新评估三色等级", "re-score care levels")
    PRINT = ("print", "打印探访单和名单", "print visit sheets and lists")
    EXPORT = ("export", "导出Excel花名册", "export the roster to Excel")
    IMPORT = ("import", "导入花名册", "import rosters")
    UNMASKED = ("unmasked", "查看完整的身份证号码和电话", "see full ID numbers and phone numbers")
    EDIT_RULES = ("edit_rules", "修改三色分级规则", "change the care-level rules")
    EDIT_POLICY = ("edit_policy", "修改探访频次", "change the visit policy")
    EDIT_HOLIDAYS = ("edit_holidays", "修改节假日表", "change the holiday table")
    EDIT_PLACES = ("edit_places", "设置社区、网格和微网格", "set up communities, grids and micro-grids")
    EDIT_OFFICE_PLAN = (
        "edit_office_plan",
        "设置点位图的社区平面图",
        "set up the community plans of the point map",
    )
    MANAGE_USERS = ("manage_users", "管理账号", "manage accounts")
    CHECK_DATABASE = ("check_database", "检查数据库", "check the database")
    VIEW_AUDIT = ("view_audit", "查看和导出审计记录", "see and export the audit trail")
    EDIT_SERVICE_KINDS = (
        "edit_service_kinds",
        "增加服务类型、标记服务提供者",
        "add service kinds and mark service providers",
    )


_ALL = frozenset(Role)
_STAFF = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.WORKER})
_SUPERVISORS = frozenset({Role.ADMIN, Role.SUPERVISOR})

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.VIEW_DASHBOARD: _ALL,
    Action.LIST: _ALL,
    Action.VIEW_PERSON: _STAFF,
    Action.EDIT_ROSTER: _STAFF,
    Action.RECORD_VISITS: _STAFF,
    Action.PLAN_VISITS: _STAFF,
    Action.CAMPAIGN: _STAFF,
    Action.EDIT_VOLUNTEERS: _STAFF,
    Action.ASSESS: _STAFF,
    Action.PRINT: _STAFF,
    Action.EXPORT: _STAFF,
    Action.IMPORT: _STAFF,
    Action.UNMASKED: _SUPERVISORS,
    Action.EDIT_RULES: _SUPERVISORS,
    Action.EDIT_POLICY: _SUPERVISORS,
    Action.EDIT_HOLIDAYS: _SUPERVISORS,
    Action.EDIT_PLACES: _SUPERVISORS,
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.EDIT_OFFICE_PLAN: frozenset({Role.ADMIN}),
    Action.CHECK_DATABASE: _STAFF,
    Action.VIEW_AUDIT: _SUPERVISORS,
    Action.EDIT_SERVICE_KINDS: frozenset({Role.ADMIN}),
}
assert set(ALLOWED) == set(Action), "every action needs a row in the table"


def allowed(role: Role, action: Action) -> bool:
    return role in ALLOWED[action]


_ORDER = (Role.SUPERVISOR, Role.ADMIN, Role.WORKER, Role.VIEWER)
_ZH = {Role.VIEWER: "只读用户"}
_EN = {
    Role.SUPERVISOR: "a supervisor",
    Role.ADMIN: "an administrator",
    Role.WORKER: "a community worker",
    Role.VIEWER: "a read-only user",
}


def who_may(action: Action, lang: str = "zh") -> str:
    """The roles that may: "督导或管理员", "a supervisor or an administrator"."""
    roles = [r for r in _ORDER if r in ALLOWED[action]]
    words = [_ZH.get(r, r.zh) for r in roles] if lang.startswith("zh") else [_EN[r] for r in roles]
    if len(words) == 1:
        return words[0]
    joiner, last = ("、", "或") if lang.startswith("zh") else (", ", " or ")
    return joiner.join(words[:-1]) + last + words[-1]
