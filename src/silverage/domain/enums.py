"""The closed vocabularies of the roster: stored by value, shown by label."""

from __future__ import annotations

from silverage.domain.labels import Labelled


class Gender(Labelled):
    MALE = ("M", "男", "Male")
    FEMALE = ("F", "女", "Female")


class Living(Labelled):
    """Living situation (居住情况)."""

    ALONE = ("alone", "独居", "Living alone")
    EMPTY_NEST = ("empty_nest", "空巢", "Empty nest")
    WIDOWED_CHILDLESS = ("gugua", "孤寡", "Widowed, no children")
    OTHER = ("other", "其他", "Other")


class Disability(Labelled):
    """Loss of ability to look after oneself (失能等级)."""

    NONE = ("none", "无", "None")
    MILD = ("mild", "轻度失能", "Mild")
    MODERATE = ("moderate", "中度失能", "Moderate")
    SEVERE = ("severe", "重度失能", "Severe")


class Mobility(Labelled):
    INDEPENDENT = ("independent", "行动自如", "Walks unaided")
    AID = ("aid", "借助拐杖/助行器", "Walks with an aid")
    WHEELCHAIR = ("wheelchair", "轮椅", "Wheelchair")
    BEDRIDDEN = ("bedridden", "卧床", "Bedridden")


class Economic(Labelled):
    NONE = ("none", "无", "None")
    DIBAO = ("dibao", "低保", "Minimum living allowance")
    DIBIAN = ("dibian", "低边", "Near minimum allowance")
    TEKUN = ("tekun", "特困", "Extreme hardship support")


class ElderStatus(Labelled):
    ACTIVE = ("active", "在册", "Active")
    MOVED = ("moved", "迁出", "Moved away")
    CARE_HOME = ("care_home", "入住养老机构", "In a care home")
    DECEASED = ("deceased", "已故", "Deceased")


class Level(Labelled):
    """The three-colour care level (三色分级). Ordered: RED is the highest risk."""

    RED = ("red", "红", "Red")
    YELLOW = ("yellow", "黄", "Yellow")
    GREEN = ("green", "绿", "Green")

    @property
    def rank(self) -> int:
        """2 for red, 1 for yellow, 0 for green: higher means more care."""
        return {"red": 2, "yellow": 1, "green": 0}[self.value]

    @property
    def rgb(self) -> str:
        return {"red": "#D93025", "yellow": "#F2B600", "green": "#1E8E3E"}[self.value]

    @property
    def marker(self) -> str:
        """A black-and-white-safe marker for paper: ● for red, ▲ for yellow, ○ for green."""
        return {"red": "●", "yellow": "▲", "green": "○"}[self.value]


class VolunteerKind(Labelled):
    PARTY_MEMBER = ("party", "党员", "Party member")
    GRID_WORKER = ("grid_worker", "网格员", "Grid worker")
    NEIGHBOUR = ("neighbour", "邻居", "Neighbour")
    OTHER = ("other", "其他", "Other")


class VisitKind(Labelled):
    HOME = ("home", "上门", "Home visit")
    PHONE = ("phone", "电话", "Phone call")
    # a trip only to give a person's due services (助浴, 助洁 ...) when no home visit can carry them
    SERVICE = ("service", "上门服务", "Service visit")


class AlertKind(Labelled):
    """What an alert is about (``Alert.kind``; raised in services/visits/alerts.py)."""

    MISSED_TWICE = ("missed_twice", "连续两次上门未见到", "Not at home twice")
    RISK_CHANGE = ("risk_change", "风险升高", "Risk raised")


class VisitStatus(Labelled):
    PLANNED = ("planned", "已计划", "Planned")
    CONFIRMED = ("confirmed", "已确认", "Confirmed")
    DONE = ("done", "已完成", "Done")
    CANCELLED = ("cancelled", "已取消", "Cancelled")


class Outcome(Labelled):
    WELL = ("well", "已探访，情况良好", "Visited, well")
    FOLLOW_UP = ("follow_up", "已探访，需跟进", "Visited, needs follow-up")
    NOT_HOME = ("not_home", "空访（不在家）", "Not at home")
    REFUSED = ("refused", "拒绝探访", "Refused")
    IN_HOSPITAL = ("in_hospital", "住院", "In hospital")
    PHONE_ONLY = ("phone_only", "仅电话联系", "Phone only")

    @property
    def is_contact(self) -> bool:
        """Whether the person was actually reached (counts for the visit rate)."""
        return self in (Outcome.WELL, Outcome.FOLLOW_UP, Outcome.PHONE_ONLY, Outcome.IN_HOSPITAL)


class Role(Labelled):
    """Who may do what: ``domain.permissions`` holds the table; a worker is also limited to the
    communities assigned to them."""

    WORKER = ("worker", "社区工作者", "Community worker")
    SUPERVISOR = ("supervisor", "督导", "Supervisor")
    ADMIN = ("admin", "管理员", "Administrator")
    VIEWER = ("viewer", "只读", "Read-only")


class HolidayKind(Labelled):
    HOLIDAY = ("holiday", "法定节假日", "Statutory holiday")
    WORKDAY = ("workday", "调休上班", "Make-up working day")
    # A predicted (or published) day off the office has taken back: a weekday is worked, a weekend
    # day rested, as on any ordinary week.
    ORDINARY = ("ordinary", "照常（不放假）", "Ordinary day (no holiday)")
