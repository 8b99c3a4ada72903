"""Issue 12 item 7: import workbooks laid out like real public forms and registers; assert what lands.

Each test builds one layout (``layouts.py``, sources cited there), previews and imports it as a community
worker on a fresh database with the places of ``tests/io/helpers.add_places``, and checks every person:
name, own phone(s), birth date, living situation, disability, economic status, emergency contact, notes,
where they were placed, and the care level the default rules give for the facts the sheet states (facts
a sheet does not state keep the value an import gives them: ``ElderInput``'s default). All differences
are collected and reported together, in words a community worker would use.

Assumed API, not all of it built yet (issue 12 items 2-5, worked on in parallel):
- ``plan.warnings``: a list of objects with ``.sheet``, ``.row``, ``.column`` (the header text), ``.value``,
  ``.zh`` and ``.en``; ``plan.as_json(...)["warnings"]`` lists the same. An unrecognised optional value
  lands the person with that field empty plus one warning; it never rejects the row.
- A person whose row names a community or grid but no micro-grid is created there: either on a
  placeholder micro-grid (today's "未分微网格", or one named "待分配…"), or with the record's
  ``grid_id`` / ``community_id`` set and no micro-grid. ``_landed`` accepts both.
- A one-person form (not a table) and a masked export are refused with one ``UserError`` that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from silverage.db import models as m
from silverage.db.engine import open_database
from silverage.domain import care_rules, idcard, phone
from silverage.domain.elder_input import ElderInput
from silverage.domain.problems import UserError
from silverage.services.context import ServiceContext
from silverage.services.print_export import roster_export, roster_import
from silverage.services.roster.place_match import CATCH_ALL, CATCH_ALL_GRID
from tests.conftest import TODAY
from tests.io.corpus import layouts
from tests.io.corpus import people as p
from tests.io.corpus.people import Person
from tests.io.helpers import add_places

pytestmark = pytest.mark.db

# What an import gives a fact no column states (the care rules score it).
_UNSTATED = {f: ElderInput.__dataclass_fields__[f].default for f in ("children_nearby",)}

Place = tuple[str | None, str | None, str | None]  # community, grid, micro-grid (None: not placed there)


@dataclass(frozen=True)
class Expect:
    who: Person
    phones: tuple[str, ...] = ()  # the person's own numbers, in phone or phone2 (either order)
    living: str | tuple[str, ...] = "other"  # a tuple: any of these (the form does not tell them apart)
    disability: str = "none"
    economic: str = "none"
    contact: tuple[str, str | None, str] | None = None  # name, relation (None: not checked), phone
    notes_has: tuple[str, ...] = ()
    place: Place | tuple[Place, ...] | None = None  # None: not checked; a tuple of places: any of them
    others: tuple[str, ...] = ()  # someone else's name/phones on the row: never in the person's own fields
    flags: dict[str, bool] = field(default_factory=dict)  # risk factors the sheet states

    @property
    def level(self) -> str:
        living = self.living if isinstance(self.living, str) else self.living[0]
        facts = care_rules.Facts(
            age=idcard.age_on(self.who.born, TODAY),
            living=living,
            disability=self.disability,
            economic=self.economic,
            **{**_UNSTATED, **self.flags},
        )
        return care_rules.assess(facts).level.value


def _norm_phone(text: str) -> str:
    out = phone.normalize(text)
    assert isinstance(out, str), text
    return out


def _landed(s: Any, e: m.Elder) -> Place:
    """Where the import put the person: (community, grid, micro-grid); a placeholder counts as none."""
    if e.micro_grid_id is not None:
        mg = s.get(m.MicroGrid, e.micro_grid_id)
        grid = mg.grid
        community = s.get(m.Community, grid.community_id)
        placeholder = mg.name == CATCH_ALL or "待分配" in mg.name
        grid_name = None if grid.name == CATCH_ALL_GRID else grid.name  # the community's own catch-all
        return community.name, grid_name, None if placeholder else mg.name
    grid_id = getattr(e, "grid_id", None)
    if grid_id is not None:
        grid = s.get(m.Grid, grid_id)
        return s.get(m.Community, grid.community_id).name, grid.name, None
    community_id = getattr(e, "community_id", None)
    if community_id is not None:
        return s.get(m.Community, community_id).name, None, None
    return None, None, None


def _rejections(plan: roster_import.ImportPlan) -> list[str]:
    return [f"{r.sheet}!{r.row} [{r.column or r.field}] {r.zh}" for r in plan.rejected]


def _run(ctx: ServiceContext, path: Path) -> tuple[roster_import.ImportPlan | None, list[str]]:
    """Preview and import; a refusal of the whole file is returned as a finding."""
    try:
        plan = roster_import.plan_import(ctx, [path], today=TODAY)
    except UserError as exc:
        return None, [f"the whole workbook was refused: {exc.zh} / {exc.en}"]
    roster_import.apply_plan(ctx, plan, today=TODAY)
    return plan, []


def _check_people(
    ctx: ServiceContext, plan: roster_import.ImportPlan, expected: Iterable[Expect]
) -> list[str]:
    found: list[str] = []
    expected = list(expected)
    by_row = {(r.sheet, r.row): r for r in plan.rejected}
    with ctx.read() as s:
        everyone = list(s.scalars(select(m.Elder)))
        wanted = {x.who.id_number for x in expected}
        for e in everyone:
            if e.id_number not in wanted:
                found.append(f"someone who is not on the sheet was created: {e.name!r}")
        for x in expected:
            who = x.who
            e = s.scalar(select(m.Elder).where(m.Elder.id_number == who.id_number))
            if e is None:
                why = [f"[{r.column or r.field}] {r.zh}" for (sh, _), r in by_row.items() if sh and r.values
                       and who.name in [str(v) for v in r.values]]  # fmt: skip
                found.append(f"{who.name} did not land" + (f": rejected — {'; '.join(why)}" if why else ""))
                continue
            if e.name != who.name:
                found.append(f"{who.name}'s record is named {e.name!r}: someone else's name was taken")
            if e.birth_date != who.born:
                found.append(f"{who.name}: birth date {e.birth_date} instead of {who.born}")
            own = {v for v in (e.phone, e.phone2) if v}
            want = {_norm_phone(v) for v in x.phones}
            foreign = {v for v in own if v in {_norm_phone(o) for o in x.others if o[:1].isdigit()}}
            if foreign:
                found.append(f"{who.name}: someone else's phone {sorted(foreign)} was stored as the own")
            if own != want:
                found.append(f"{who.name}: own phones {sorted(own)} instead of {sorted(want)}")
            for other in x.others:
                if not other[:1].isdigit() and other in (e.name, e.notes):
                    found.append(f"{who.name}: {other!r} (someone else) was put in the person's own fields")
            livings = (x.living,) if isinstance(x.living, str) else x.living
            if e.living not in livings:
                found.append(f"{who.name}: living situation {e.living!r} instead of {' or '.join(livings)}")
            if e.disability != x.disability:
                found.append(f"{who.name}: disability {e.disability!r} instead of {x.disability!r}")
            if e.economic != x.economic:
                found.append(f"{who.name}: economic status {e.economic!r} instead of {x.economic!r}")
            for key, value in x.flags.items():
                if bool(getattr(e, key)) != value:
                    found.append(f"{who.name}: {key} is {getattr(e, key)!r}, the sheet says {value}")
            if x.contact is not None:
                cs = [(c.name, c.relation, c.phone) for c in e.contacts]
                name, relation, number = x.contact
                if (
                    not cs
                    or cs[0][0] != name
                    or cs[0][2] != _norm_phone(number)
                    or (relation is not None and cs[0][1] != relation)
                ):
                    found.append(f"{who.name}: emergency contact {cs[:1]} instead of {x.contact}")
            for text in x.notes_has:
                if text not in (e.notes or ""):
                    found.append(f"{who.name}: {text!r} is not kept in the notes ({e.notes!r})")
            if x.place is not None:
                places = (x.place,) if isinstance(x.place[0], str) or x.place[0] is None else x.place
                got = _landed(s, e)
                if got not in places:
                    found.append(f"{who.name}: placed in {got} instead of {' or '.join(map(str, places))}")
            if e.level != x.level:
                found.append(f"{who.name}: care level {e.level!r}, the rules give {x.level!r} for the facts")
    return found


Warned = tuple[str, int, str, str]  # sheet, row, column header, value
WarnedAt = tuple[Person, str, str]  # the person's row, column header, value


def _check_warnings(
    plan: roster_import.ImportPlan, required: set[Warned], tolerated: set[tuple[str, str]] = frozenset()
) -> list[str]:
    """``required`` warnings must be there; others only for a (column, value) in ``tolerated``."""
    warnings = getattr(plan, "warnings", None)
    if warnings is None:
        return ["the preview has no warnings (plan.warnings): a doubtful value is not shown to act on"]
    # A person landing without a micro-grid is told so (the 待分配微网格 worklist): that warning is
    # expected wherever the sheet has no micro-grid for them, and must say where to find them.
    worklist = [w for w in warnings if w.field == "micro_grid" and not w.value]
    found = [
        f"a worklist warning that does not name the worklist: {w.zh}"
        for w in worklist
        if "待分配" not in w.zh
    ]
    warnings = [w for w in warnings if w not in worklist]
    got = {(w.sheet, w.row, w.column, str(w.value)) for w in warnings}
    found += [f"no warning for {w}" for w in sorted(required - got)]
    found += [f"unexpected warning {w}" for w in sorted(got - required) if (w[2], w[3]) not in tolerated]
    found += [f"a warning without Chinese and English: {w!r}" for w in warnings if not (w.zh and w.en)]
    return found


def _report(layout: str, found: list[str], plan: roster_import.ImportPlan | None) -> str:
    lines = [f"{layout}: {len(found)} things a community worker would see wrong:"]
    lines += ["  - " + f for f in found]
    if plan is not None and plan.rejected:
        lines += ["  rejected rows:", *("    " + r for r in _rejections(plan))]
    return "\n".join(lines)


def _import_and_check(
    ctx: ServiceContext,
    tmp_path: Path,
    build: Callable[[Path], layouts.Built],
    expected: list[Expect],
    required: set[WarnedAt] | None = None,
    tolerated: set[tuple[str, str]] = frozenset(),
    rejected: dict[tuple[str, int], str] | None = None,
) -> None:
    add_places(ctx)
    built = build(tmp_path)
    plan, found = _run(ctx, built.path)
    if plan is not None:
        want_rejected = rejected or {}
        got_rejected = {(r.sheet, r.row) for r in plan.rejected}
        for where, text in want_rejected.items():
            reasons = [r.zh for r in plan.rejected if (r.sheet, r.row) == where]
            if not reasons:
                found.append(f"row {where} should be held back ({text}) but was not")
            elif not any(text in z for z in reasons):
                found.append(f"row {where} is held back without saying {text!r}: {reasons}")
        extra = got_rejected - set(want_rejected)
        if extra:
            found.append(f"{len(extra)} row(s) rejected that should land (with warnings at most)")
        if len(plan.created) != len(expected):
            found.append(f"{len(plan.created)} people to create in the preview instead of {len(expected)}")
        found += _check_people(ctx, plan, expected)
        if required is not None or tolerated:
            at = {(*built.rows[who.name], column, value) for who, column, value in required or set()}
            found += _check_warnings(plan, at, tolerated)
    assert not found, _report(build.__name__, found, plan)


# ------------------------------------------------------------------------------------- the layouts


def test_a_one_person_application_form_is_refused_as_a_form(ctx: ServiceContext, tmp_path: Path) -> None:
    """杭州 居家养老服务申请表: label/value pairs, one person per sheet. Not a roster: the worker is told so,
    and no label (性别, 出生年月 …) is ever taken for a person."""
    add_places(ctx)
    built = layouts.hangzhou_application_forms(tmp_path)
    _assert_refused_as_form(ctx, built)


def test_a_one_person_book_is_refused_as_a_form(ctx: ServiceContext, tmp_path: Path) -> None:
    """一人一册: cover, 基本信息 as a form, 走访记录. Refused with the reason, nothing half-read."""
    add_places(ctx)
    built = layouts.one_person_book(tmp_path)
    _assert_refused_as_form(ctx, built)


def _assert_refused_as_form(ctx: ServiceContext, built: layouts.Built) -> None:
    try:
        plan = roster_import.plan_import(ctx, [built.path], today=TODAY)
    except UserError as exc:
        says_form = any(w in exc.zh for w in ("表单", "一人一表", "一人一册")) and "form" in exc.en.lower()
        assert says_form, (
            f"refused, but not saying it is a one-person form, not a roster: {exc.zh} / {exc.en}"
        )
        return
    taken = sorted({str(r.values[1]) if len(r.values) > 1 else "" for r in plan.rejected})
    created = [r.name for r in plan.created]
    pytest.fail(
        f"a one-person form was read as a roster: {len(plan.created)} to create {created}, "
        f"{plan.rejected_rows} rows rejected (cells taken for people: {taken[:6]}); the worker should be "
        "told it is a form, not a roster"
    )


def test_application_items_as_a_roster(ctx: ServiceContext, tmp_path: Path) -> None:
    """The 申请表 items as columns: 居 住 / 经 济 条 件 spaced, 出生年月 month-only, the 代理人's 电话 and a
    second 手机 after the applicant's 住宅电话 and 手机."""
    agent = ("刘小明", "0571-87005678", "13957100002", "周小红", "13957100006")
    _import_and_check(
        ctx,
        tmp_path,
        layouts.hangzhou_application_roster,
        [
            Expect(
                p.HZ_LIU, ("13857100001", "0571-87001234"), ("gugua", "alone"), economic="dibao", others=agent
            ),  # fmt: skip
            # 无社保(非低保、低收入) says "not 低保": it must never read as 低保
            Expect(p.HZ_CHEN, ("13857100003",), "empty_nest", others=agent),
            Expect(p.HZ_ZHOU, ("13857100005",), "other", others=agent),
        ],
        required=set(),
        tolerated={
            ("经 济 条 件", v) for v in ("无社保(非低保、低收入)", "低退休工资(夫妻双方的平均退休工资)")
        },
    )


def test_service_recipients_with_a_two_row_header(ctx: ServiceContext, tmp_path: Path) -> None:
    """服务对象登记表: 服务对象基本情况 and 子女情况 groups; 姓名 and 联系电话 twice in the second header row;
    经济状况 / 居住状况 merged over both rows."""
    tolerated = {("经济状况", v) for v in ("退休金", "遗属补助", "子女补贴")}
    _import_and_check(
        ctx,
        tmp_path,
        layouts.service_recipients_two_row,
        [
            Expect(
                p.FW_WANG,
                ("13605730011",),
                "alone",
                contact=("王建国", "儿子", "13905730012"),
                notes_has=("左耳听力差",),
                others=("王建国", "13905730012"),
            ),
            Expect(
                p.FW_SUN,
                ("0573-82011234",),
                "empty_nest",
                contact=("孙丽", "女儿", "13905730014"),
                others=("孙丽", "13905730014"),
            ),
            Expect(p.FW_ZHAO, ("13605730015",), "other"),
        ],  # fmt: skip
        required=set(),
        tolerated=tolerated,
    )


def test_dibao_family_register_never_takes_the_household_head(ctx: ServiceContext, tmp_path: Path) -> None:
    """低保 入户调查登记表: 户主姓名 before 姓名, the household's phone, 是否低保 是; one member's old
    15-digit ID is held back with the 18-digit number it becomes (masked), to check against the card."""
    heads = ("张建华", "刘国庆")
    _import_and_check(
        ctx,
        tmp_path,
        layouts.dibao_family_register,
        [
            Expect(
                p.DB_LI,
                ("13905370021",),
                economic="dibao",
                others=heads,
                place=("月河社区", "月河2网格", "月河2网格1号微网格"),
            ),
            Expect(
                p.DB_ZHANG,
                ("13905370021",),
                economic="dibao",
                others=heads,
                place=("月河社区", "月河2网格", "月河2网格1号微网格"),
            ),
            Expect(
                p.DB_MA,
                ("15905370023",),
                economic="dibao",
                others=heads,
                place=("月河社区", "月河1网格", None),
            ),  # two micro-grids: 待分配微网格
        ],  # fmt: skip
        rejected={("月河社区", 7): idcard.mask(p.DB_WU.id_number)},  # masked like every listed number
    )


def test_kongchao_survey_with_free_text_categories(ctx: ServiceContext, tmp_path: Path) -> None:
    """空巢老人 调查表: 老人类别 独居老人 / 失独老人 / 半失能老人, 生活状况 group over 居住方式 (俩夫妻 = a
    couple on their own), 经济状况 words outside the four categories."""
    _import_and_check(
        ctx,
        tmp_path,
        layouts.kongchao_survey,
        [
            # 生活照料 names no one service kind: kept in the notes, and the worker is told
            Expect(p.KC_QIAN, ("13757300031",), "alone", notes_has=("服务需求：生活照料",)),
            Expect(p.KC_ZHENG, ("13757300032",), "empty_nest", notes_has=("失独",)),
            Expect(p.KC_FENG, ("13757300033",), "other", disability="moderate"),
        ],
        required={(p.KC_ZHENG, "经济状况", "政府补助"), (p.KC_QIAN, "服务需求", "生活照料")},
        tolerated={("经济状况", "有退休金"), ("经济状况", "依靠子女")},
    )


def test_resident_register_with_yes_no_flags(ctx: ServiceContext, tmp_path: Path) -> None:
    """是否独居/是否空巢/是否孤寡/是否失能/是否低保/是否特困 as 是/否, √/×, 1/0; 户籍类型 城镇 ignored;
    紧急联系人关系; one sheet per community; a grid with two micro-grids, none named; an unknown 失能等级."""
    _import_and_check(
        ctx,
        tmp_path,
        layouts.resident_register_flags,
        [
            # the case: 85, living alone, moderate disability -> red
            Expect(
                p.RR_HUANG,
                ("13605730040",),
                "alone",
                disability="moderate",
                notes_has=("腿脚不便",),
                contact=("黄志明", "儿子", "13905730041"),
                place=("月河社区", "月河2网格", "月河2网格1号微网格"),
            ),
            Expect(
                p.RR_LIN,
                ("13605730042",),
                "empty_nest",
                economic="dibao",
                contact=("林小芳", "女儿", "13905730043"),
                place=("月河社区", "月河1网格", None),
            ),
            Expect(
                p.RR_HE,
                (),
                "gugua",
                disability="severe",
                economic="tekun",
                contact=("何村长", "邻居", "13905730045"),
                place=("月河社区", "月河1网格", "月河1网格2号微网格"),
            ),
            Expect(
                p.RR_XIE, ("18905730044",), "other", place=("梅湾社区", "梅湾1网格", "梅湾1网格1号微网格")
            ),
        ],  # fmt: skip
        required={(p.RR_XIE, "失能等级", "待评估")},
    )


def test_85_living_alone_with_moderate_disability_is_red(ctx: ServiceContext, tmp_path: Path) -> None:
    """The issue's headline case on its own: 是否独居 是 + 失能等级 中度 at 85 scores red, not yellow."""
    assert Expect(p.RR_HUANG, living="alone", disability="moderate").level == "red"
    add_places(ctx)
    plan, found = _run(ctx, layouts.resident_register_flags(tmp_path).path)
    with ctx.read() as s:
        level = s.scalar(select(m.Elder.level).where(m.Elder.id_number == p.RR_HUANG.id_number))
    why = found or [r for r in _rejections(plan) if r.startswith("月河社区!4 ")] if plan else found
    assert level == "red", f"黄月娥 (85, 独居, 中度失能) is {level!r}, not red; " + "; ".join(why)


def test_tekun_register_reads_the_category_and_self_care(ctx: ServiceContext, tmp_path: Path) -> None:
    """特困供养人员 核查表: 人员类型 五保老人 / 特困人员 -> 特困, 自理能力 完全自理 / 半失能 / 完全失能, and
    the 护理人员's phone beside the person's own."""
    carers = ("张大妈", "13605730051", "邵小弟", "13605730052", "蒋护工", "13605730054")
    _import_and_check(
        ctx,
        tmp_path,
        layouts.tekun_register,
        [
            Expect(
                p.TK_CAO,
                ("13605730050",),
                economic="tekun",
                others=carers,
                place=("梅湾社区", "梅湾1网格", "梅湾1网格1号微网格"),
            ),
            Expect(
                p.TK_SHAO,
                (),
                disability="moderate",
                economic="tekun",
                others=carers,
                notes_has=("独自在家时间长",),
                place=("月河社区", "月河2网格", "月河2网格1号微网格"),
            ),
            Expect(
                p.TK_JIANG,
                ("13605730053",),
                disability="severe",
                economic="tekun",
                others=carers,
                place=("月河社区", "月河1网格", "月河1网格1号微网格"),
            ),
        ],  # fmt: skip
        required=set(),
    )


def test_ability_assessment_basic_info(ctx: ServiceContext, tmp_path: Path) -> None:
    """老年人能力评估基本信息表: full 出生日期 in 年月日, 居住情况 in the standard's words, no own phone
    column: the 联系人电话 is the contact's, never the person's."""
    _import_and_check(
        ctx,
        tmp_path,
        layouts.ability_assessment_info,
        [
            Expect(p.PG_DING, (), "alone", contact=("丁小军", None, "13905730061"), others=("13905730061",)),
            Expect(
                p.PG_PENG, (), "empty_nest", contact=("彭丽", None, "13905730062"), others=("13905730062",)
            ),
            Expect(p.PG_LU, (), "other", contact=("陆建", None, "13905730063"), others=("13905730063",)),
        ],  # fmt: skip
        required=set(),
    )


def test_care_ledger_one_sheet_per_community_without_grids(ctx: ServiceContext, tmp_path: Path) -> None:
    """探访关爱台账: a 汇总 sheet, one sheet per community, no grid column; the 探访人's phone is not the
    person's. People land in the community the sheet names (待分配微网格)."""
    visitor = ("王网格", "13805730079", "赵网格", "13805730078")
    meiwan = (("梅湾社区", None, None), ("梅湾社区", "梅湾1网格", "梅湾1网格1号微网格"))
    _import_and_check(
        ctx,
        tmp_path,
        layouts.care_ledger_per_community,
        [
            Expect(
                p.GA_LUO,
                ("13605730070",),
                contact=("罗斌", None, "13905730071"),
                others=visitor,
                place=("月河社区", None, None),
            ),
            Expect(
                p.GA_TANG,
                (),
                contact=("唐小妹", None, "13905730073"),
                others=visitor,
                place=("月河社区", None, None),
            ),
            Expect(p.GA_HAN, ("13605730074",), others=visitor, place=meiwan),
        ],  # fmt: skip
        required=set(),
    )


def test_subsidy_application_with_applicant_and_agent_groups(ctx: ServiceContext, tmp_path: Path) -> None:
    """上海 居家养老服务补贴申请审批表: 申请人 and 代理人 groups each with 住宅电话 and 移动电话."""
    agent = ("施国强", "021-64002222", "13916400002", "朱敏", "13916400006")
    _import_and_check(
        ctx,
        tmp_path,
        layouts.shanghai_subsidy_two_row,
        [
            Expect(p.SH_SHI, ("13916400001", "021-64001111"), "alone", others=agent),
            Expect(p.SH_GU, ("13916400003",), "empty_nest", others=agent),
            Expect(p.SH_ZHU, ("021-64003333",), "other", others=agent),
        ],
        required=set(),
        tolerated={("经济状况", v) for v in ("退休金", "子女补贴", "其它补贴")},
    )


def test_a_masked_export_is_refused_as_masked(ctx: ServiceContext, tmp_path: Path) -> None:
    """Our own default (masked) export, imported into another database: one clear refusal naming the
    masking and pointing to a supervisor's full export, not one "前17位必须是数字" per row."""
    places = add_places(ctx)
    from silverage.services.roster import elders

    for who, ph in ((p.EX_A, "13605730120"), (p.EX_B, "13605730121")):
        elders.create_elder(
            ctx,
            ElderInput(who.name, who.id_number, phone=ph, micro_grid_id=places["梅湾1网格1号微网格"]),
            today=TODAY,
        )
    out = tmp_path / "花名册导出.xlsx"
    roster_export.export_roster(ctx, out, today=TODAY)
    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        other_ctx = ServiceContext(other, ctx.actor)
        add_places(other_ctx)
        try:
            plan = roster_import.plan_import(other_ctx, [out], today=TODAY)
        except UserError as exc:
            says = ("隐藏" in exc.zh or "脱敏" in exc.zh) and "督导" in exc.zh and "mask" in exc.en.lower()
            assert says, f"refused, but not as a masked export with the hint: {exc.zh} / {exc.en}"
            return
        pytest.fail(
            f"a masked export was read as a roster: {len(plan.created)} to create, {plan.rejected_rows} rows "
            f"rejected ({_rejections(plan)[:2]}); the worker is not told it is a masked export"
        )
    finally:
        other.dispose()


def test_warnings_are_in_the_json_too(ctx: ServiceContext, tmp_path: Path) -> None:
    """The CLI's JSON lists the same warnings as the preview (sheet, row, column, value)."""
    add_places(ctx)
    plan = roster_import.plan_import(ctx, [layouts.resident_register_flags(tmp_path).path], today=TODAY)
    data = plan.as_json(applied=False)
    assert "warnings" in data, "the JSON report has no `warnings`: a script cannot see the doubtful values"
    got = {(w["sheet"], w["row"], w.get("column", w.get("field")), str(w["value"])) for w in data["warnings"]}
    assert ("梅湾社区", 4, "失能等级", "待评估") in got, f"the unknown 失能等级 is not in the JSON: {got}"
