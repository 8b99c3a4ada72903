"""The whole product's tables. Later work adds behaviour, not tables.

Every table people edit has a ``version`` column used for optimistic locking: SQLAlchemy bumps it
on each UPDATE and refuses a stale write; services also compare it with the version the editor
opened, so a conflicting save is reported rather than overwriting someone else's work.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from silverage.db.base import Base, utcnow

# ---------------------------------------------------------------- places


class Community(Base):
    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Archived places keep their history (archived people still point at them) but take nobody new.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    grids: Mapped[list[Grid]] = relationship(back_populates="community", order_by="Grid.sort_order")


class Grid(Base):
    __tablename__ = "grid"
    __table_args__ = (UniqueConstraint("community_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    community: Mapped[Community] = relationship(back_populates="grids")
    micro_grids: Mapped[list[MicroGrid]] = relationship(
        back_populates="grid", order_by="MicroGrid.sort_order"
    )


class MicroGrid(Base):
    __tablename__ = "micro_grid"
    __table_args__ = (UniqueConstraint("grid_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    grid: Mapped[Grid] = relationship(back_populates="micro_grids")


# ---------------------------------------------------------------- people


class Elder(Base):
    __tablename__ = "elder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(1))  # enums.Gender
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    birth_date: Mapped[date] = mapped_column(Date)
    # The calendar the birthday is celebrated on: "solar" 公历, "lunar" 农历, None not recorded
    # (birthday lists then show both dates). domain.birthdays.BirthdayCalendar.
    birthday_calendar: Mapped[str | None] = mapped_column(String(8), default=None)
    phone: Mapped[str] = mapped_column(String(20), default="")
    phone2: Mapped[str] = mapped_column(String(20), default="")
    micro_grid_id: Mapped[int | None] = mapped_column(ForeignKey("micro_grid.id"), index=True)
    address_building: Mapped[str] = mapped_column(String(50), default="")  # 幢/楼
    address_unit: Mapped[str] = mapped_column(String(20), default="")  # 单元
    address_room: Mapped[str] = mapped_column(String(20), default="")  # 室
    address_detail: Mapped[str] = mapped_column(String(200), default="")  # street and free text
    # A worker's correction of the building the point map puts this person in (domain.address
    # building_key form, e.g. 中山路12号3幢); "" = read it from the address.
    building_override: Mapped[str] = mapped_column(String(100), default="", server_default="")
    living: Mapped[str] = mapped_column(String(20))  # enums.Living
    health_conditions: Mapped[str] = mapped_column(Text, default="")  # 、-separated words
    serious_illness: Mapped[bool] = mapped_column(Boolean, default=False)
    disability: Mapped[str] = mapped_column(String(20), default="none")  # enums.Disability
    cognitive_impairment: Mapped[bool] = mapped_column(Boolean, default=False)
    mobility: Mapped[str] = mapped_column(String(20), default="independent")  # enums.Mobility
    economic: Mapped[str] = mapped_column(String(20), default="none")  # enums.Economic
    children_nearby: Mapped[bool] = mapped_column(Boolean, default=False)
    fall_last_year: Mapped[bool] = mapped_column(Boolean, default=False)
    hospital_last_year: Mapped[bool] = mapped_column(Boolean, default=False)
    home_hazards: Mapped[bool] = mapped_column(Boolean, default=False)
    doorstep_notes: Mapped[str] = mapped_column(Text, default="")  # printed on visit sheets
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)  # enums.ElderStatus
    status_date: Mapped[date | None] = mapped_column(Date)
    status_reason: Mapped[str] = mapped_column(String(200), default="")
    # Denormalised from the latest assessment so that lists of 100,000 people need no join.
    level: Mapped[str | None] = mapped_column(String(10), index=True)  # enums.Level
    level_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    next_assessment: Mapped[date | None] = mapped_column(Date)
    last_contact: Mapped[date | None] = mapped_column(Date, index=True)  # last successful visit or call
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __mapper_args__ = {"version_id_col": version}

    micro_grid: Mapped[MicroGrid | None] = relationship()
    contacts: Mapped[list[EmergencyContact]] = relationship(
        back_populates="elder", order_by="EmergencyContact.sort_order", cascade="all, delete-orphan"
    )
    needs: Mapped[list[ElderNeed]] = relationship(order_by="ElderNeed.kind_id", cascade="all, delete-orphan")


class EmergencyContact(Base):
    __tablename__ = "emergency_contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(20), default="")  # 儿子, 女儿, 侄子, 邻居 ...
    phone: Mapped[str] = mapped_column(String(20), default="")
    phone2: Mapped[str] = mapped_column(String(20), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
    elder: Mapped[Elder] = relationship(back_populates="contacts")


class Volunteer(Base):
    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(20), default="neighbour")  # enums.VolunteerKind
    micro_grid_id: Mapped[int | None] = mapped_column(ForeignKey("micro_grid.id"), index=True)
    # Bit (weekday * 2 + half) set when available: weekday 0 = Monday, half 0 = morning, 1 = afternoon.
    availability: Mapped[int] = mapped_column(Integer, default=0)
    max_visits_per_week: Mapped[int] = mapped_column(Integer, default=5)
    # An administrator's mark: takes any service kind (a home-care company's worker, a barber ...).
    service_provider: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __mapper_args__ = {"version_id_col": version}
    micro_grid: Mapped[MicroGrid | None] = relationship()
    skills: Mapped[list[VolunteerSkill]] = relationship(
        order_by="VolunteerSkill.kind_id", cascade="all, delete-orphan"
    )


# ---------------------------------------------------------------- services (needs and skills)


class ServiceKind(Base):
    """One kind of service (助餐, 助浴 ...): the tag a need, a skill and a delivered service share."""

    __tablename__ = "service_kind"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    name_en: Mapped[str] = mapped_column(String(50), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ElderNeed(Base):
    """A person's standing need for a service kind, how often (domain.service_kinds.Frequency)."""

    __tablename__ = "elder_need"
    __table_args__ = (UniqueConstraint("elder_id", "kind_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id", ondelete="CASCADE"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("service_kind.id"), index=True)
    frequency: Mapped[str] = mapped_column(String(12), default="weekly")
    notes: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ServiceKind] = relationship()


class VolunteerSkill(Base):
    """A service kind a volunteer can give, and how many such services a week they take."""

    __tablename__ = "volunteer_skill"
    __table_args__ = (UniqueConstraint("volunteer_id", "kind_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("service_kind.id"), index=True)
    weekly_capacity: Mapped[int] = mapped_column(Integer, default=3)
    kind: Mapped[ServiceKind] = relationship()


class VisitService(Base):
    """A service planned on a visit (``planned``) and/or given on it (``delivered``, from the record)."""

    __tablename__ = "visit_service"
    __table_args__ = (UniqueConstraint("visit_id", "kind_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("service_kind.id"), index=True)
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    delivered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


# ---------------------------------------------------------------- care levels


class RuleSet(Base):
    """A versioned care-level rule set; ``config`` is the domain rule set serialised as JSON."""

    __tablename__ = "rule_set"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Assessment(Base):
    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_elder_at", "elder_id", "assessed_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id"))
    rule_set_id: Mapped[int | None] = mapped_column(ForeignKey("rule_set.id"))
    rule_version: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[int] = mapped_column(Integer, default=0)
    computed_level: Mapped[str] = mapped_column(String(10))
    reasons_zh: Mapped[str] = mapped_column(Text, default="")
    reasons_en: Mapped[str] = mapped_column(Text, default="")
    override_level: Mapped[str | None] = mapped_column(String(10))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(10))  # the level in force: override or computed
    trigger: Mapped[str] = mapped_column(String(200), default="")  # why it was (re)assessed
    assessed_by: Mapped[str] = mapped_column(String(50), default="")
    assessed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    next_due: Mapped[date | None] = mapped_column(Date)


# ---------------------------------------------------------------- visits


class VisitPlan(Base):
    __tablename__ = "visit_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    total_cost: Mapped[float] = mapped_column(Float, default=0.0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # counts, uncovered with reasons
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Campaign(Base):
    """A one-off round (typhoon, heat wave, Spring Festival ...): chosen levels contacted within N days."""

    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="")
    levels: Mapped[str] = mapped_column(String(30), default="red,yellow,green")
    start_date: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer, default=3)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_elder_date", "elder_id", "planned_date"),
        Index("ix_visit_volunteer_date", "volunteer_id", "planned_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)  # short code printed on the sheet
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id"), index=True)
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("visit_plan.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="home")  # enums.VisitKind
    planned_date: Mapped[date] = mapped_column(Date, index=True)
    half_day: Mapped[int] = mapped_column(Integer, default=0)  # 0 morning, 1 afternoon
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="planned", index=True)  # enums.VisitStatus
    outcome: Mapped[str | None] = mapped_column(String(20))  # enums.Outcome
    visited_by: Mapped[str] = mapped_column(String(50), default="")  # the substitute, if not the volunteer
    visited_at: Mapped[datetime | None] = mapped_column(DateTime)
    # {"health": "...", "mental": "...", "safety": "...", "hygiene": "...", "needs": "..."}
    findings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int | None] = mapped_column(Integer)  # time spent there, from the record (服务时长)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    # Why a re-plan cancelled it (zh; en after " / "): "" for a visit nobody cancelled that way.
    cancel_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __mapper_args__ = {"version_id_col": version}

    elder: Mapped[Elder] = relationship()
    volunteer: Mapped[Volunteer | None] = relationship()


class FollowUp(Base):
    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(50), default="")
    due_date: Mapped[date] = mapped_column(Date, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Alert(Base):
    """Escalations: two missed visits in a row, a risk-changing finding, a level change.

    A resolved alert stays as history (when, by whom, the note). ``basis`` says what raised it
    (``{"visits": [ids], "findings": ["fall", ...]}``) so that recomputing after a record or a
    correction finds the same alert again instead of opening a second one.
    """

    __tablename__ = "alert"
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("elder.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    message_zh: Mapped[str] = mapped_column(Text, default="")
    message_en: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # how it was resolved
    basis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    urgent_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))


class Holiday(Base):
    """Editable holiday table: overrides and extends the holiday library (next year's dates come late)."""

    __tablename__ = "holiday"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # enums.HolidayKind
    name: Mapped[str] = mapped_column(String(50), default="")


# ---------------------------------------------------------------- the office's own plans (点位图)


class OfficePlan(Base):
    """A community's (or one grid's) own plan: a scan or screenshot an administrator loaded, shown
    under the building points of the 点位图 instead of the automatic schematic.

    ``grid_id`` None: the plan of the whole community. The image is kept in the database (a few MB
    at most) so that a backup or a copied file carries it, like everything else the office set up.
    """

    __tablename__ = "office_plan"
    __table_args__ = (UniqueConstraint("community_id", "grid_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="CASCADE"))
    image: Mapped[bytes] = mapped_column(LargeBinary)
    image_format: Mapped[str] = mapped_column(String(10))  # "png" or "jpeg"
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    loaded_by: Mapped[str] = mapped_column(String(50), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class OfficePlanPoint(Base):
    """Where an administrator put one building on a plan, as a fraction of the image's width and
    height (0..1), so that a sharper scan of the same plan keeps every point in its place."""

    __tablename__ = "office_plan_point"
    __table_args__ = (UniqueConstraint("plan_id", "building_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("office_plan.id", ondelete="CASCADE"), index=True)
    building_key: Mapped[str] = mapped_column(String(200))  # the map's key of the building
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    placed_by: Mapped[str] = mapped_column(String(50), default="")
    placed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# ---------------------------------------------------------------- users, settings, audit


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    role: Mapped[str] = mapped_column(String(20), default="worker")  # enums.Role
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Sign-in protection: wrong passwords in a row, and until when (UTC) the account is locked.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when an administrator resets the password: the user chooses their own at next sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A community worker sees and edits only these communities (other roles see every community).
    communities: Mapped[list[Community]] = relationship(
        secondary="user_community", order_by="Community.sort_order"
    )


class UserCommunity(Base):
    """Which communities a community worker is assigned to."""

    __tablename__ = "user_community"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Setting(Base):
    """Configuration a supervisor changes (visit policy, reassessment intervals ...), versioned."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_by: Mapped[str] = mapped_column(String(50), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(20))  # create/update/archive/restore/override/print/export
    table_name: Mapped[str] = mapped_column(String(30), default="")
    record_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(50), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    # sha256 over this row and the previous row's hash (services/audit_chain.py): a row changed,
    # removed or slipped in behind the app's back breaks the chain, and ``silverage check`` says where.
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class AppMeta(Base):
    """Facts about this database: ``synthetic`` = "1" for a demo roster, the subdistrict's name."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
