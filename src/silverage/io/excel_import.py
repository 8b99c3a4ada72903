"""One spreadsheet row -> the roster values it states, with every problem found in its cells.

No database here: place names stay names (the service matches them), and a cell left empty means
"not stated" (an update keeps what the roster has; see ``ParsedRow.stated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from silverage.domain.birthday_calendar import BirthdayCalendar
from silverage.domain.enums import Disability, Economic, ElderStatus, Gender, Level, Living, Mobility
from silverage.domain.problems import Problem
from silverage.domain.text import clean_text, to_halfwidth
from silverage.io.cell_values import Birth, cell_text, id_number_text, parse_birth, parse_date, yes_no
from silverage.io.header_map import BY_KEY, IGNORE

_ADDRESS = re.compile(r"^(?P<detail>.*?)(?P<building>\d+(?:幢|栋|号楼))?(?P<unit>\d+单元)?(?P<room>\d+室)?$")

# Words offices write, beyond the enum labels themselves. Checked as substrings, in this order.
_LIVING_WORDS = (
    ("孤寡", Living.WIDOWED_CHILDLESS),
    ("独居", Living.ALONE),
    ("单独居住", Living.ALONE),
    ("一人居住", Living.ALONE),
    ("空巢", Living.EMPTY_NEST),
    # Living with children is not an empty nest, whoever else is there (与配偶及子女同住).
    ("与子女", Living.OTHER),
    ("和子女", Living.OTHER),
    ("子女同住", Living.OTHER),
    ("子女共住", Living.OTHER),
    ("与亲友", Living.OTHER),
    # An old couple on their own is the empty nest (空巢: 单居或夫妻双居).
    ("与配偶", Living.EMPTY_NEST),
    ("与伴侣", Living.EMPTY_NEST),
    ("夫妻", Living.EMPTY_NEST),
    ("老两口", Living.EMPTY_NEST),
    ("纯老", Living.EMPTY_NEST),
    ("其他", Living.OTHER),
    ("其它", Living.OTHER),
)
_DISABILITY_WORDS = (
    ("半失能", Disability.MODERATE),
    ("完全失能", Disability.SEVERE),
    ("不能自理", Disability.SEVERE),
    ("部分自理", Disability.MILD),
    ("轻度", Disability.MILD),
    ("中度", Disability.MODERATE),
    ("重度", Disability.SEVERE),
    ("失能", Disability.SEVERE),
    ("自理", Disability.NONE),
    ("正常", Disability.NONE),
    ("无", Disability.NONE),
    ("否", Disability.NONE),
)
_ECONOMIC_WORDS = (
    ("低边", Economic.DIBIAN),
    ("边缘", Economic.DIBIAN),
    ("特困", Economic.TEKUN),
    ("五保", Economic.TEKUN),
    ("低保", Economic.DIBAO),
    ("是", Economic.DIBAO),
    ("无", Economic.NONE),
    ("否", Economic.NONE),
    ("一般", Economic.NONE),
    ("正常", Economic.NONE),
)
_MOBILITY_WORDS = (
    ("卧床", Mobility.BEDRIDDEN),
    ("瘫痪", Mobility.BEDRIDDEN),
    ("轮椅", Mobility.WHEELCHAIR),
    ("拐", Mobility.AID),
    ("助行", Mobility.AID),
    ("自如", Mobility.INDEPENDENT),
    ("正常", Mobility.INDEPENDENT),
)

# The risk factors the care rules score, as yes/no columns.
BOOLEAN_FIELDS = (
    "serious_illness",
    "cognitive_impairment",
    "children_nearby",
    "fall_last_year",
    "hospital_last_year",
    "home_hazards",
)
_PHONE_KEYS = frozenset(
    k for k in BY_KEY if k in ("phone", "phone2") or k.startswith("contact") and "_phone" in k
)

_STATUS_WORDS = (
    ("在册", ElderStatus.ACTIVE),
    ("正常", ElderStatus.ACTIVE),
    ("迁出", ElderStatus.MOVED),
    ("外迁", ElderStatus.MOVED),
    ("搬走", ElderStatus.MOVED),
    ("养老机构", ElderStatus.CARE_HOME),
    ("养老院", ElderStatus.CARE_HOME),
    ("敬老院", ElderStatus.CARE_HOME),
    ("已故", ElderStatus.DECEASED),
    ("去世", ElderStatus.DECEASED),
    ("死亡", ElderStatus.DECEASED),
    ("过世", ElderStatus.DECEASED),
)

_ENUM_WORDS: dict[str, tuple[type, tuple[tuple[str, Any], ...]]] = {
    "living": (Living, _LIVING_WORDS),
    "disability": (Disability, _DISABILITY_WORDS),
    "economic": (Economic, _ECONOMIC_WORDS),
    "mobility": (Mobility, _MOBILITY_WORDS),
    "status": (ElderStatus, _STATUS_WORDS),
}


@dataclass(frozen=True)
class CellWarning:
    """A cell whose value was not understood: the person imports without it, and staff are told."""

    field: str  # the import field of the column
    value: str  # the cell as written
    zh: str
    en: str


@dataclass
class ParsedRow:
    """What one row states. ``stated`` holds the field keys whose cell was not empty.

    ``problems`` reject the row (an ID number that cannot be read); ``warnings`` do not: the value
    they name is left out and the rest of the person imports."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[CellWarning] = field(default_factory=list)
    birth: Birth | None = None  # the birth date as stated, maybe only its month or year

    @property
    def stated(self) -> set[str]:
        return set(self.values)

    def warn(self, key: str, raw: object, zh: str, en: str) -> None:
        self.warnings.append(CellWarning(key, cell_text(raw), zh, en))


# Yes/no columns: flag key -> (field, value when yes, value when no or None). A "yes" of a stronger
# flag wins over a weaker one (孤寡 over 独居 over 空巢); a field's own column wins over every flag.
FLAGS: dict[str, tuple[str, Any, Any]] = {
    "flag_gugua": ("living", Living.WIDOWED_CHILDLESS, None),
    "flag_alone": ("living", Living.ALONE, None),
    "flag_empty_nest": ("living", Living.EMPTY_NEST, None),
    "flag_shidu": ("living", Living.EMPTY_NEST, None),
    "flag_disabled": ("disability", Disability.SEVERE, Disability.NONE),
    "flag_semi_disabled": ("disability", Disability.MODERATE, None),
    "flag_bedridden": ("mobility", Mobility.BEDRIDDEN, None),
    "flag_tekun": ("economic", Economic.TEKUN, None),
    "flag_dibao": ("economic", Economic.DIBAO, Economic.NONE),
}
# Card-number columns: a number there means the person receives that support.
CARD_NUMBERS: dict[str, tuple[str, Any]] = {
    "dibao_number": ("economic", Economic.DIBAO),
    "tekun_number": ("economic", Economic.TEKUN),
}
# Facts a flag states that the fields above cannot hold: kept in the notes so nothing is lost.
_FLAG_NOTES = {"flag_shidu": "失独"}
_LIVING_FLAGS = ("flag_gugua", "flag_alone", "flag_empty_nest")

# Words of a free-text category column (人员类别 "独居老人、低保户"): word -> (field, value), checked in
# this order, longest first where one word contains another. Words not here go to the notes.
CATEGORY_WORDS: tuple[tuple[str, str, Any], ...] = (
    ("孤寡", "living", Living.WIDOWED_CHILDLESS),
    ("孤老", "living", Living.WIDOWED_CHILDLESS),
    ("三无", "living", Living.WIDOWED_CHILDLESS),
    ("独居", "living", Living.ALONE),
    ("空巢", "living", Living.EMPTY_NEST),
    ("纯老", "living", Living.EMPTY_NEST),
    ("失独", "living", Living.EMPTY_NEST),
    ("半失能", "disability", Disability.MODERATE),
    ("部分失能", "disability", Disability.MODERATE),
    ("轻度失能", "disability", Disability.MILD),
    ("中度失能", "disability", Disability.MODERATE),
    ("重度失能", "disability", Disability.SEVERE),
    ("完全失能", "disability", Disability.SEVERE),
    ("失能", "disability", Disability.SEVERE),
    ("卧床", "mobility", Mobility.BEDRIDDEN),
    ("瘫痪", "mobility", Mobility.BEDRIDDEN),
    ("低保边缘", "economic", Economic.DIBIAN),
    ("低边", "economic", Economic.DIBIAN),
    ("低保", "economic", Economic.DIBAO),
    ("五保", "economic", Economic.TEKUN),
    ("特困", "economic", Economic.TEKUN),
    ("分散供养", "economic", Economic.TEKUN),
    ("集中供养", "economic", Economic.TEKUN),
    ("失智", "cognitive_impairment", True),
    ("认知障碍", "cognitive_impairment", True),
    ("痴呆", "cognitive_impairment", True),
)
# Words whose fact the fields cannot hold whole: they set the field and stay in the notes too.
_KEEP_IN_NOTES = ("失独", "失智", "痴呆", "认知障碍")
_CATEGORY_SPLIT = re.compile(r"[、,，;；/／|\s+＋]+")
_NEGATION = ("非", "不", "无", "否")
_RANK = {
    "living": (Living.OTHER, Living.EMPTY_NEST, Living.ALONE, Living.WIDOWED_CHILDLESS),
    "disability": (Disability.NONE, Disability.MILD, Disability.MODERATE, Disability.SEVERE),
    "economic": (Economic.NONE, Economic.DIBIAN, Economic.DIBAO, Economic.TEKUN),
}


def _stronger(key: str, old: Any, new: Any) -> Any:
    """Of two values two words state for one field, the one that means more care."""
    order = _RANK.get(key)
    if old is None or order is None or old not in order or new not in order:
        return new if old is None else old
    return new if order.index(new) > order.index(old) else old


def category_facts(text: str) -> tuple[dict[str, Any], list[str]]:
    """独居老人、低保户、高龄 -> ({living: 独居, economic: 低保}, ["高龄"]): the facts, and the words left."""
    facts: dict[str, Any] = {}
    rest: list[str] = []
    for word in (w for w in _CATEGORY_SPLIT.split(to_halfwidth(text)) if w):
        hit = None
        if not word.startswith(_NEGATION):
            hit = next(((k, v) for w, k, v in CATEGORY_WORDS if w in word), None)
        if hit is None:
            rest.append(word)
            continue
        key, value = hit
        facts[key] = _stronger(key, facts.get(key), value)
        if any(w in word for w in _KEEP_IN_NOTES):
            rest.append(word)
    return facts, rest


def split_address(text: str) -> dict[str, str]:
    """中山路12号3幢2单元301室 -> detail 中山路12号, building 3幢, unit 2单元, room 301室."""
    t = clean_text(text).replace(" ", "")
    m = _ADDRESS.match(t)
    if not m or not m.group("detail") and not (m.group("building") or m.group("unit") or m.group("room")):
        return {
            "address_detail": clean_text(text),
            "address_building": "",
            "address_unit": "",
            "address_room": "",
        }
    return {
        "address_detail": m.group("detail") or "",
        "address_building": m.group("building") or "",
        "address_unit": m.group("unit") or "",
        "address_room": m.group("room") or "",
    }


# "非低保", "不是独居", "无低保": the negated word is taken out before the words are looked up.
_NEGATED = re.compile(r"(?:非|不是|无|未|没有)(?:低保|低边|特困|五保|独居|空巢|孤寡|失能|卧床)")


def _enum_word(text: str, enum: type, words: tuple[tuple[str, Any], ...]) -> Any:
    member = enum.from_label(text)
    if member is not None:
        return member
    t = _NEGATED.sub("", to_halfwidth(text).replace(" ", ""))
    for word, m in words:
        if word in t:
            return m
    return None


def _not_understood(row: ParsedRow, key: str, raw: object, expected_zh: str, expected_en: str) -> None:
    spec = BY_KEY[key]
    text = cell_text(raw)
    row.warn(
        key,
        raw,
        f"{spec.zh}“{text}”无法识别，此项未导入（可填：{expected_zh}）",
        f"{spec.en} '{text}' is not recognised and was left out (expected: {expected_en})",
    )


def _enum_choices(enum: type) -> tuple[str, str]:
    return "、".join(m.zh for m in enum), ", ".join(m.en for m in enum)


_YES_NO = ("是、否（或√、×，1、0）", "yes or no (是/否, √/×, 1/0)")


def parse_row(values: tuple[Any, ...], mapping: dict[int, str], headers: tuple[str, ...] = ()) -> ParsedRow:
    """Read the mapped cells of one row into roster values.

    A cell that cannot be read is a Problem only for the ID number (the person is not known without
    it); any other cell not understood is a warning, and the person imports without that value.
    Under a header 出生年月 (``headers``) a date on the 1st of a month states only that month."""
    out = ParsedRow()
    flags: dict[str, bool] = {}
    worded: dict[str, Any] = {}  # facts a flag or card column states in words, beside the flags
    categories: list[str] = []
    lunar_mark: str | None = None  # what a 农历生日 column says, unless a 生日历法 column says it
    for col, key in mapping.items():
        if key == IGNORE or col >= len(values):
            continue
        raw = values[col]
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if key == "id_number":
            result = id_number_text(raw)
            if isinstance(result, Problem):
                out.problems.append(result)
            else:
                out.values[key] = result
        elif key == "birth_date":
            month_only = col < len(headers) and bool(_MONTH_HEADER.search(str(headers[col] or "")))
            b = parse_birth(raw, month_only)
            if isinstance(b, Problem):
                out.warn(key, raw, b.zh + "，此项未导入（出生日期以身份证号码为准）", b.en + "; left out")
            elif b is not None:
                out.birth = b
                if b.day is not None:
                    out.values[key] = date(b.year, b.month or 1, b.day)
        elif key == "gender":
            text = cell_text(raw)
            g = Gender.from_label(to_halfwidth(text).upper() if text.isascii() else text)
            if g is None:
                _not_understood(out, key, raw, *_enum_choices(Gender))
            else:
                out.values[key] = g.value
        elif key in _ENUM_WORDS:
            enum, words = _ENUM_WORDS[key]
            text = cell_text(raw)
            member = _enum_word(text, enum, words)
            if member is None and key == "disability":  # a 失能 column ticked 是/否
                yes = yes_no(raw)
                member = None if yes is None else Disability.SEVERE if yes else Disability.NONE
            if member is None:
                _not_understood(out, key, raw, *_enum_choices(enum))
            else:
                out.values[key] = member.value
        elif key in FLAGS:
            yes = yes_no(raw)
            target = FLAGS[key][0]
            said = category_facts(cell_text(raw))[0].get(target) if yes is None else None
            if said is not None:  # 是否失能 "半失能", 是否低保 "低保边缘": the word says more than yes
                worded[target] = _stronger(target, worded.get(target), said)
            elif yes is None:
                _not_understood(out, key, raw, *_YES_NO)
            else:
                flags[key] = yes
        elif key in CARD_NUMBERS:
            target, value = CARD_NUMBERS[key]
            worded[target] = _stronger(target, worded.get(target), value)
        elif key == "status_date":
            d = parse_date(raw)
            if isinstance(d, Problem):
                out.warn(key, raw, d.zh + "，此项未导入", d.en + "; left out")
            elif d is not None:
                out.values[key] = d
        elif key == "category":
            categories.append(cell_text(raw))
        elif key == "birthday_calendar":
            cal = BirthdayCalendar.from_label(cell_text(raw))
            if cal is None:
                _not_understood(out, key, raw, "公历、农历（阳历、阴历）", "Gregorian or lunar (公历/农历)")
            else:
                out.values[key] = cal.value
        elif key == "lunar_birthday":
            cal = _lunar_mark(raw)
            if cal is None:
                _not_understood(out, key, raw, "农历日期，或是、否", "a lunar date, or yes/no")
            else:
                lunar_mark = cal
        elif key in BOOLEAN_FIELDS:
            flag = yes_no(raw)
            if flag is None:
                _not_understood(out, key, raw, *_YES_NO)
            else:
                out.values[key] = flag
        elif key == "level_override":
            level = Level.from_label(cell_text(raw))
            if level is None:
                _not_understood(out, key, raw, *_enum_choices(Level))
            else:
                out.values[key] = level.value
        elif key == "address":
            for part, text in split_address(cell_text(raw)).items():
                out.values.setdefault(part, text)  # a part stated in its own column wins
        elif key in _PHONE_KEYS:
            out.values[key] = cell_text(raw)
        elif key in ("notes", "doorstep_notes", "level_override_reason"):
            out.values[key] = str(raw).strip() if isinstance(raw, str) else cell_text(raw)
        else:
            out.values[key] = clean_text(cell_text(raw))
    _apply_facts(out, flags, worded, categories)
    _apply_health_words(out)
    if lunar_mark is not None:
        out.values.setdefault("birthday_calendar", lunar_mark)
    return out


_LUNAR_DAY = re.compile(r"\d|[正腊冬初廿十]|月")


def _lunar_mark(raw: Any) -> str | None:
    """A 农历生日 cell: 是/√ or a date (十月廿五, 1946-10-25) means lunar, 否/× Gregorian."""
    yes = yes_no(raw)
    if yes is not None:
        return BirthdayCalendar.LUNAR.value if yes else BirthdayCalendar.SOLAR.value
    if not isinstance(raw, str) or _LUNAR_DAY.search(raw):  # a date or datetime cell, or a date in words
        return BirthdayCalendar.LUNAR.value
    return None


# Facts a 健康状况 text states in the care rules' own terms (老年痴呆 -> 认知障碍, 卧床, 半失能); the text
# itself stays as written.
_HEALTH_FACTS = ("cognitive_impairment", "mobility", "disability")


def _apply_health_words(out: ParsedRow) -> None:
    text = out.values.get("health_conditions")
    if not text:
        return
    facts, _ = category_facts(text)
    for target in _HEALTH_FACTS:
        if target in facts:
            value = facts[target]
            out.values.setdefault(target, value.value if hasattr(value, "value") else value)


_MONTH_HEADER = re.compile(r"年月(?!日)")


def _flag_facts(out: ParsedRow, flags: dict[str, bool]) -> dict[str, Any]:
    """What the yes/no columns say; the strongest "yes" wins, a "no" says least."""
    chosen: dict[str, Any] = {}
    for key, yes in sorted(flags.items(), key=lambda kv: not kv[1]):  # every "yes" before any "no"
        target, when_yes, when_no = FLAGS[key]
        if yes:
            chosen[target] = _stronger(target, chosen.get(target), when_yes)
            if key in _FLAG_NOTES:
                _add_note(out, _FLAG_NOTES[key])
        elif when_no is not None:
            chosen.setdefault(target, when_no)
    # Every living flag present and all "no": neither alone, empty nest nor widowed.
    if flags and all(flags.get(k) is False for k in _LIVING_FLAGS):
        chosen.setdefault("living", Living.OTHER)
    return chosen


def _apply_facts(out: ParsedRow, flags: dict[str, bool], worded: dict[str, Any], texts: list[str]) -> None:
    """Yes/no columns, facts written in words (是否失能 半失能, a 低保证 number) and category columns
    (家庭类别 低保户 + 人员类型 五保老人) add up to the stronger of what they say, and fill only the fields
    their own columns left empty; a category's unknown words go to the notes."""
    facts = _flag_facts(out, flags)
    more, rest = category_facts("、".join(texts)) if texts else ({}, [])
    for source in (worded, more):
        for target, value in source.items():
            facts[target] = _stronger(target, facts.get(target), value)
    for target, value in facts.items():
        out.values.setdefault(target, value.value if hasattr(value, "value") else value)
    if rest:
        _add_note(out, "、".join(rest))


def _add_note(out: ParsedRow, text: str) -> None:
    notes = out.values.get("notes", "")
    if text not in notes:
        out.values["notes"] = f"{notes}；{text}" if notes else text
