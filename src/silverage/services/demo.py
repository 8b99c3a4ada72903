"""The synthetic demo subdistrict: same seed, same roster.

979 elders over 8 communities, 47 grids and 233 micro-grids by default; ``elders`` scales the
places and volunteers along (up to 100,000 people). Written with bulk INSERTs, one transaction.
Everything is marked synthetic (app_meta ``synthetic`` = 1, the subdistrict name says 演示数据).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from silverage.db import models as m
from silverage.domain import care_rules, idcard, visit_code
from silverage.domain import demo_data as words
from silverage.domain.enums import (
    Disability,
    Economic,
    Level,
    Living,
    Mobility,
    Outcome,
    Role,
    VisitKind,
    VisitStatus,
)
from silverage.domain.problems import UserError
from silverage.services import audit_chain, demo_services, scope
from silverage.services.context import ServiceContext

BASE_ELDERS, BASE_COMMUNITIES, BASE_GRIDS, BASE_MICRO, BASE_VOLUNTEERS = 979, 8, 47, 233, 120
# The demo's accounts (password ``users.DEMO_PASSWORD``): username, display name, role, and for a
# community worker the communities they work for (None: every community of the demo).
DEMO_ACCOUNTS: tuple[tuple[str, str, Role, int | None], ...] = (
    ("admin", "管理员", Role.ADMIN, None),
    ("duda", "王督导", Role.SUPERVISOR, None),
    ("sheg", "李社工", Role.WORKER, None),
    ("zhao", "赵社工", Role.WORKER, 1),  # 月河社区 only: shows what a scoped worker sees
)
MAX_ELDERS = 100_000
HISTORY_DAYS = 91


@dataclass(frozen=True)
class DemoSummary:
    communities: int
    grids: int
    micro_grids: int
    elders: int
    volunteers: int
    visits: int


def _split(total: int, parts: int) -> list[int]:
    """Split ``total`` into ``parts`` near-equal positive counts (larger first)."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _id_number(rng: random.Random, born: date, male: bool, used: set[str]) -> str:
    while True:
        seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
        body = f"{rng.choice(words.AREA_CODES)}{born:%Y%m%d}{seq:03d}"
        number = body + idcard.check_char(body)
        if number not in used:
            used.add(number)
            return number


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _landline(rng: random.Random) -> str:
    return f"0573-8{rng.randrange(10**7):07d}"


def _name(rng: random.Random, male: bool) -> str:
    surnames, weights = zip(*words.SURNAMES, strict=True)
    return rng.choices(surnames, weights)[0] + rng.choice(words.GIVEN_MALE if male else words.GIVEN_FEMALE)


def _home(rng: random.Random, micro: int) -> dict[str, str]:
    """An address in one of the few buildings of micro-grid ``micro``: two roads, one number on
    each, three buildings, so neighbours share a building (a point on the map with a count)."""
    building, unit = rng.randint(1, 40), rng.randint(1, 4)
    room = f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室"
    rng.choice(words.STREETS)  # still drawn: the rest of the roster stays as it was
    side = rng.randint(1, 300) % 2
    road = words.STREETS[(micro * 5 + side * 3) % len(words.STREETS)]
    number = 1 + (micro * 37 + side * 11) % 300
    return {
        "address_building": f"{building % 3 + 1}幢",
        "address_unit": f"{unit}单元",
        "address_room": room,
        "address_detail": f"{road}{number}号",
    }


class _Codes:
    """The visit codes handed out so far, one bit per possible code (31^5 bodies: 3.6 MB) instead of
    a set of strings (half a million codes in a 100,000-person history: about 45 MB)."""

    def __init__(self) -> None:
        self._bits = bytearray(len(visit_code.ALPHABET) ** visit_code.BODY_LEN // 8 + 1)

    def new(self, rng: random.Random) -> str:
        """A code not handed out before (drawn exactly as ``visit_code.new_code`` draws them)."""
        while True:
            code = visit_code.new_code(rng)
            n = 0
            for ch in code[: visit_code.BODY_LEN]:
                n = n * len(visit_code.ALPHABET) + visit_code.ALPHABET.index(ch)
            byte, bit = divmod(n, 8)
            if not self._bits[byte] & (1 << bit):
                self._bits[byte] |= 1 << bit
                return code


def _availability(rng: random.Random) -> int:
    slots = rng.sample(range(14), rng.randint(3, 7))
    return sum(1 << s for s in slots)


def build_demo(
    ctx: ServiceContext,
    *,
    seed: int = 2026,
    elders: int = BASE_ELDERS,
    today: date | None = None,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo subdistrict (or replace an existing demo roster)."""
    if not 1 <= elders <= MAX_ELDERS:
        raise UserError(
            f"演示人数应在1到{MAX_ELDERS}之间", f"The number of demo elders must be 1 to {MAX_ELDERS}"
        )
    today = today or ctx.clock.today()
    steps = list(_build_steps(ctx, seed, elders, today, replace))
    total = len(steps)
    summary: DemoSummary | None = None
    with ctx.transaction() as s:
        scope.limit(s, None)  # the demo is the whole subdistrict, whoever asks for it
        for i, step in enumerate(steps, 1):
            result = step(s)
            if isinstance(result, DemoSummary):
                summary = result
            if progress:
                progress(i, total)
    assert summary is not None
    _after_build(ctx, today)
    return summary


def _after_build(ctx: ServiceContext, today: date) -> None:
    """Work that needs the committed roster: the care-level assessment, the escalations the demo's
    visit history already calls for (two 空访 in a row), and the README's backup password."""
    from silverage.services.backup.backup_settings import ensure_demo_backup_password
    from silverage.services.care import assessment
    from silverage.services.visits import alerts

    assessment.assess_all(ctx, trigger="demo", today=today)
    with ctx.transaction() as s:
        twice = s.scalars(
            select(m.Visit.elder_id)
            .where(
                m.Visit.kind == VisitKind.HOME.value,
                m.Visit.status == VisitStatus.DONE.value,
                m.Visit.outcome == Outcome.NOT_HOME.value,
            )
            .group_by(m.Visit.elder_id)
            .having(func.count() >= 2)
        ).all()
        for elder_id in twice:
            elder = s.get(m.Elder, elder_id)
            if elder is not None:
                alerts.recheck_not_home(s, ctx, elder)
    ensure_demo_backup_password(ctx)
    # Statistics for the query planner (SQLite keeps none until ANALYZE; PostgreSQL gathers them
    # itself, ANALYZE just does it now): with them, the people of one place are found through the
    # micro-grid index instead of a walk over every active person of a 100,000-person demo.
    with ctx.transaction() as s:
        s.execute(text("ANALYZE"))


def _build_steps(
    ctx: ServiceContext, seed: int, n_elders: int, today: date, replace: bool
) -> Iterator[Callable[[Session], object]]:
    rng = random.Random(seed)
    scale = n_elders / BASE_ELDERS
    n_comm = max(1, round(BASE_COMMUNITIES * scale)) if scale > 1 else BASE_COMMUNITIES
    n_grid = max(n_comm, round(BASE_GRIDS * scale)) if scale > 1 else BASE_GRIDS
    n_micro = max(n_grid, round(BASE_MICRO * scale)) if scale > 1 else BASE_MICRO
    n_vol = max(5, round(BASE_VOLUNTEERS * scale))
    if n_elders < BASE_ELDERS:
        n_vol = max(3, round(BASE_VOLUNTEERS * scale))
    state: dict[str, object] = {}

    def check_empty(s: Session) -> None:
        has_elders = s.scalar(select(func.count()).select_from(m.Elder)) or 0
        synthetic = s.get(m.AppMeta, "synthetic")
        has_accounts = s.scalar(select(func.count()).select_from(m.User)) or 0
        if has_accounts and (synthetic is None or synthetic.value != "1"):
            # The demo brings its own accounts with the published password "demo": never into an
            # office's database, even one whose roster is still empty.
            raise UserError(
                "这个数据库已经设置了账号，是真实的工作数据库，不能生成演示数据；演示请用 silverage --demo",
                "This database has accounts (a real office's database); the demo cannot be built in it. "
                "Use silverage --demo for the demo",
            )
        if has_elders and not replace:
            raise UserError(
                "数据库里已有花名册，演示数据只能建在空数据库里（或加 --replace 替换演示数据）",
                "The database already holds a roster; build the demo in an empty database "
                "(or pass --replace to replace a demo roster)",
            )
        if has_elders and (synthetic is None or synthetic.value != "1"):
            raise UserError(
                "数据库里是真实花名册，不能用演示数据覆盖",
                "This database holds a real roster; it cannot be replaced by demo data",
            )
        if has_elders:
            for model in (
                m.VisitService,
                m.ElderNeed,
                m.VolunteerSkill,
                m.FollowUp,
                m.Alert,
                m.Visit,
                m.VisitPlan,
                m.Campaign,
                m.Assessment,
                m.EmergencyContact,
                m.Elder,
                m.Volunteer,
                m.MicroGrid,
                m.Grid,
                m.Community,
                m.AuditEntry,
            ):
                s.execute(delete(model))
            audit_chain.restart(s)  # a demo roster's trail goes with it: the chain starts again

    def places(s: Session) -> None:
        comm_names = list(words.COMMUNITIES)
        while len(comm_names) < n_comm:
            comm_names.append(f"{words.COMMUNITIES[len(comm_names) % 8]}{len(comm_names) // 8 + 1}")
        s.execute(
            insert(m.Community),
            [
                {"id": i + 1, "code": f"C{i + 1:03d}", "name": f"{comm_names[i]}社区", "sort_order": i}
                for i in range(n_comm)
            ],
        )
        grid_rows, grid_community = [], []
        gid = 0
        for c, count in enumerate(_split(n_grid, n_comm)):
            for g in range(count):
                gid += 1
                grid_community.append(c + 1)
                grid_rows.append(
                    {
                        "id": gid,
                        "community_id": c + 1,
                        "code": f"G{gid:04d}",
                        "name": f"{comm_names[c]}{g + 1}网格",
                        "sort_order": g,
                    }
                )
        s.execute(insert(m.Grid), grid_rows)
        micro_rows, micro_grid = [], []
        mid = 0
        for g, count in enumerate(_split(n_micro, n_grid)):
            for k in range(count):
                mid += 1
                micro_grid.append(g + 1)
                micro_rows.append(
                    {
                        "id": mid,
                        "grid_id": g + 1,
                        "code": f"M{mid:05d}",
                        "name": f"{grid_rows[g]['name']}{k + 1}号微网格",
                        "sort_order": k,
                    }
                )
        s.execute(insert(m.MicroGrid), micro_rows)
        state["micro_community"] = [grid_community[g - 1] for g in micro_grid]
        s.merge(m.AppMeta(key="synthetic", value="1"))
        s.merge(m.AppMeta(key="subdistrict", value=words.SUBDISTRICT))
        s.merge(m.AppMeta(key="demo_seed", value=str(seed)))

    def people(s: Session) -> None:
        micro_community: list[int] = state["micro_community"]  # type: ignore[assignment]
        used: set[str] = set()
        elder_rows, contact_rows, risk = [], [], []
        kept: list[dict[str, object]] = []  # what the later steps read of each person
        cid = 0

        def write(rows: list[dict], contacts: list[dict]) -> None:
            """Insert and let go (100,000 people's full rows held at once cost hundreds of MiB)."""
            if rows:
                s.execute(insert(m.Elder), rows)
            if contacts:
                s.execute(insert(m.EmergencyContact), contacts)
            kept.extend({k: row[k] for k in ("id", "status", "micro_grid_id")} for row in rows)
            rows.clear()
            contacts.clear()

        # The roster holds n_elders active people, plus the few a real roster has archived.
        n_archived = max(1, n_elders // 60)
        for i in range(n_elders + n_archived):
            eid = i + 1
            male = rng.random() < 0.38
            age = min(100, 60 + int(abs(rng.gauss(0, 1)) * 12) + rng.randint(0, 6))
            born = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
            if (born.month, born.day) > (today.month, today.day):
                born = born.replace(year=born.year + 1) if age > 60 else born
            living = rng.choices(
                [Living.ALONE, Living.EMPTY_NEST, Living.WIDOWED_CHILDLESS, Living.OTHER], [42, 45, 6, 7]
            )[0]
            older = age >= 80
            disability = rng.choices(list(Disability), [70, 16, 9, 5] if older else [86, 9, 4, 1])[0]
            conditions = rng.sample(words.CONDITIONS, rng.choices([0, 1, 2, 3], [25, 40, 25, 10])[0])
            mobility = {
                Disability.NONE: Mobility.INDEPENDENT,
                Disability.MILD: rng.choice([Mobility.INDEPENDENT, Mobility.AID]),
                Disability.MODERATE: rng.choice([Mobility.AID, Mobility.WHEELCHAIR]),
                Disability.SEVERE: rng.choice([Mobility.WHEELCHAIR, Mobility.BEDRIDDEN]),
            }[disability]
            micro = rng.randrange(len(micro_community)) + 1 if i >= len(micro_community) else i + 1
            notes = []
            if mobility != Mobility.INDEPENDENT:
                notes.append(words.DOORSTEP_NOTES[0])
            if rng.random() < 0.25:
                notes.append(rng.choice(words.DOORSTEP_NOTES[1:]))
            if "糖尿病" in conditions:
                notes.append("糖尿病")
            elder_rows.append(
                {
                    "id": eid,
                    "name": _name(rng, male),
                    "gender": "M" if male else "F",
                    "id_number": _id_number(rng, born, male, used),
                    "birth_date": born,
                    "phone": _mobile(rng) if rng.random() < 0.7 else _landline(rng),
                    "phone2": _landline(rng) if rng.random() < 0.2 else "",
                    "micro_grid_id": micro,
                    **_home(rng, micro),
                    "living": living.value,
                    "health_conditions": "、".join(conditions),
                    "serious_illness": any(c in words.SERIOUS for c in conditions),
                    "disability": disability.value,
                    "cognitive_impairment": rng.random() < (0.12 if older else 0.04),
                    "mobility": mobility.value,
                    "economic": rng.choices(list(Economic), [84, 8, 5, 3])[0].value,
                    "children_nearby": living == Living.EMPTY_NEST and rng.random() < 0.45,
                    "fall_last_year": rng.random() < (0.18 if older else 0.08),
                    "hospital_last_year": rng.random() < 0.15,
                    "home_hazards": rng.random() < 0.1,
                    "doorstep_notes": "；".join(notes),
                    "notes": "",
                    "status": "active",
                    "version": 1,
                    "created_at": datetime.combine(
                        today - timedelta(days=HISTORY_DAYS + 30), datetime.min.time()
                    ),
                    "updated_at": datetime.combine(
                        today - timedelta(days=HISTORY_DAYS + 30), datetime.min.time()
                    ),
                }
            )
            # The level the office would have given them: visit history follows it, as in a real
            # office that already works by the three colours.
            risk.append(
                care_rules.assess(care_rules.Facts.of(SimpleNamespace(**elder_rows[-1]), today)).level
            )
            for k in range(1 if rng.random() < 0.8 else 2):
                cid += 1
                contact_rows.append(
                    {
                        "id": cid,
                        "elder_id": eid,
                        "name": _name(rng, rng.random() < 0.5),
                        "relation": rng.choice(words.RELATIONS),
                        "phone": _mobile(rng),
                        "phone2": "",
                        "sort_order": k,
                        "version": 1,
                    }
                )
            if i + 1 < n_elders and len(elder_rows) == 5000:  # the archived ones wait for their status
                write(elder_rows, contact_rows)
        # A handful of archived people, as a real roster has.
        for row in elder_rows[len(elder_rows) - n_archived :]:
            row["status"] = rng.choice(["moved", "care_home", "deceased"])
            row["status_date"] = today - timedelta(days=rng.randint(10, 200))
            row["status_reason"] = {
                "moved": "随子女迁居外地",
                "care_home": "入住社会福利院",
                "deceased": "病故",
            }[row["status"]]
        write(elder_rows, contact_rows)
        state["elders"] = kept
        state["risk"] = risk

    def volunteers(s: Session) -> None:
        micro_community: list[int] = state["micro_community"]  # type: ignore[assignment]
        kinds = ["party", "grid_worker", "neighbour", "other"]
        rows = []
        for v in range(n_vol):
            surnames, weights = zip(*words.SURNAMES, strict=True)
            rows.append(
                {
                    "id": v + 1,
                    "name": rng.choices(surnames, weights)[0] + rng.choice(words.VOLUNTEER_GIVEN),
                    "phone": _mobile(rng),
                    "kind": rng.choices(kinds, [40, 20, 35, 5])[0],
                    "micro_grid_id": (v * len(micro_community)) // n_vol + 1,
                    "availability": _availability(rng),
                    "max_visits_per_week": rng.randint(4, 10),
                    "notes": "、".join(rng.sample(words.SKILLS, rng.randint(0, 2))),  # 特长 words
                    "active": rng.random() > 0.04,
                    "version": 1,
                }
            )
        s.execute(insert(m.Volunteer), rows)
        state["volunteers"] = rows

    def history(s: Session) -> DemoSummary:
        elder_rows: list[dict] = state["elders"]  # type: ignore[assignment]
        risk: list[Level] = state["risk"]  # type: ignore[assignment]
        vols: list[dict] = state["volunteers"]  # type: ignore[assignment]
        micro_community: list[int] = state["micro_community"]  # type: ignore[assignment]
        vols_by_comm: dict[int, list[int]] = {}
        for v in vols:
            if v["active"]:
                vols_by_comm.setdefault(micro_community[v["micro_grid_id"] - 1], []).append(v["id"])
        all_active = [v["id"] for v in vols if v["active"]]
        codes = _Codes()
        visits: list[dict] = []
        n_visits = 0
        start = today - timedelta(days=HISTORY_DAYS)
        outcomes = [Outcome.WELL, Outcome.FOLLOW_UP, Outcome.NOT_HOME, Outcome.REFUSED, Outcome.IN_HOSPITAL]
        last_contact: dict[int, date] = {}
        for row, r in zip(elder_rows, risk, strict=True):
            if row["status"] != "active":
                continue
            interval = {Level.RED: 7, Level.YELLOW: 14, Level.GREEN: 30}[r]
            comm = micro_community[row["micro_grid_id"] - 1]
            own = vols_by_comm.get(comm) or all_active
            regular = rng.choice(own)
            day = start + timedelta(days=rng.randrange(interval))
            lapse = rng.random() < 0.04  # a few people fall through the cracks: visible as overdue
            while day < today:
                if lapse and day > today - timedelta(days=45):
                    break
                while day.weekday() >= 5:
                    day += timedelta(days=1)
                if day >= today:
                    break
                code = codes.new(rng)
                outcome = rng.choices(outcomes, [80, 9, 7, 1, 3])[0]
                visits.append(
                    {
                        "code": code,
                        "elder_id": row["id"],
                        "volunteer_id": regular,
                        "kind": VisitKind.HOME.value,
                        "planned_date": day,
                        "half_day": rng.randint(0, 1),
                        "window_start": day - timedelta(days=day.weekday()),
                        "window_end": day + timedelta(days=6 - day.weekday()),
                        "status": "done",
                        "outcome": outcome.value,
                        "visited_by": "",
                        "visited_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=9),
                        "findings": {},
                        "notes": "",
                        "recorded_by": "demo",
                        "version": 1,
                    }
                )
                if len(visits) == 5000:  # inserted as they come: a 100,000 roster's history is 1M rows
                    s.execute(insert(m.Visit), visits)
                    n_visits += len(visits)
                    visits.clear()
                if outcome.is_contact:
                    last_contact[row["id"]] = day
                # Offices visit a little early rather than late; a weekend pushes a visit to Monday.
                day += timedelta(days=interval - rng.randint(0, 2 if interval > 7 else 1))
        if visits:
            s.execute(insert(m.Visit), visits)
        n_visits += len(visits)
        contacts = list(last_contact.items())
        et = m.Elder.__table__
        for at in range(0, len(contacts), 5000):
            s.execute(
                update(et).where(et.c.id == bindparam("eid")).values(last_contact=bindparam("lc")),
                [{"eid": eid, "lc": day} for eid, day in contacts[at : at + 5000]],
            )
        active = sum(1 for row in elder_rows if row["status"] == "active")
        return DemoSummary(n_comm, n_grid, n_micro, active, len(vols), n_visits)

    def users(s: Session) -> None:
        add_demo_accounts(s)

    def fix_sequences(s: Session) -> None:
        """Rows were inserted with explicit ids: move PostgreSQL's sequences past them."""
        if s.get_bind().dialect.name != "postgresql":
            return
        from sqlalchemy import text

        for table in (
            "community",
            "grid",
            "micro_grid",
            "elder",
            "emergency_contact",
            "volunteer",
            "visit",
            "elder_need",
            "volunteer_skill",
            "visit_service",
        ):
            s.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
            )

    yield check_empty
    yield places
    yield people
    yield volunteers
    yield users
    yield history
    yield lambda s: demo_services.add(s, seed, today, state)
    yield fix_sequences


def add_demo_accounts(s: Session) -> int:
    """The demo's accounts and their communities, for those missing (a demo built by an older
    version has three accounts and workers without communities); returns how many were added."""
    community_ids = list(s.scalars(select(m.Community.id).order_by(m.Community.id)))
    added = 0
    for username, name, role, only in DEMO_ACCOUNTS:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None:
            user = m.User(username=username, display_name=name, role=role.value)
            s.add(user)
            s.flush()
            added += 1
        if role is not Role.WORKER:
            continue
        has = s.scalar(
            select(func.count()).select_from(m.UserCommunity).where(m.UserCommunity.user_id == user.id)
        )
        if not has:
            wanted = [only] if only is not None and only in community_ids else community_ids
            s.add_all(m.UserCommunity(user_id=user.id, community_id=c) for c in wanted)
    return added


def ensure_demo_accounts(ctx: ServiceContext) -> int:
    """On a synthetic demo roster only: add the demo accounts an older demo lacks."""
    with ctx.transaction() as s:
        meta = s.get(m.AppMeta, "synthetic")
        if meta is None or meta.value != "1":
            return 0
        scope.limit(s, None)
        return add_demo_accounts(s)
