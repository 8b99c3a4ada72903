"""Which column of an office workbook holds which roster field.

Office rosters name the same column many ways (姓名 / 老人姓名 / 姓 名, 身份证号码 / 公民身份号码 ...).
Headers are normalised (full-width, spaces, line breaks, bracketed remarks and ``*`` removed, so
居 住 = 居住) and matched exactly against the registry's label and synonyms, then against the same
with a leading "老人"/"本人" dropped (老人身份证号 -> 身份证号). Nothing is matched by substring: 户籍类型
is not 类型, 低保证编号 is not 低保, 社区责任人 is not 社区. A header that names someone else (户主,
监护人, 联系人, 责任人 ...) never fills the elder's own fields; it may fill an emergency-contact field
when the registry names it so (紧急联系人电话). A header nothing matches is left out ("不导入").
Under a two-row header (see ``header_rows``) a column is read with its group: 监护人 + 电话 may be
the emergency contact's phone, never the elder's; 基本信息 + 姓名 is the elder's name.
A confirmed mapping is remembered per *header signature* (a hash of the normalised header row), so
the next workbook with the same layout is mapped the same way without asking.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

from silverage.domain import fields
from silverage.domain.fields import Field

# The fields and their header words live in ``domain.fields``; here they become the import's choices.
# "ignore" columns are recognised (so they do not look unknown) but not used: the computed columns
# our exports write, and the reason column of the error workbook (``excel_errors.REASON_HEADER``).
IGNORE = "ignore"

FIELDS: tuple[Field, ...] = (
    *fields.imported(),
    Field(IGNORE, "（不导入）", "(not imported)", (*fields.skipped_headers(), "错误原因", "reason")),
)
BY_KEY = {f.key: f for f in FIELDS}
REQUIRED = ("name", "id_number")
# Fields several columns may fill (their words add up: 家庭类别 低保户 + 人员类型 独居老人).
MANY_COLUMNS = frozenset({IGNORE, "category"})

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_DROP = re.compile(r"[\s\u3000*＊:：]+")


def normalize_header(value: object) -> str:
    """姓 名 -> 姓名; 身份证号码（必填）-> 身份证号码; Phone -> phone."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _BRACKETS.sub("", text) or text
    return _DROP.sub("", text).lower()


_EXACT: dict[str, str] = {}
for _f in FIELDS:
    for _v in (_f.zh, *_f.synonyms, _f.en):
        _EXACT.setdefault(normalize_header(_v), _f.key)

# Words that make a header about another person than the elder (the household head, a guardian,
# a child, the worker who filled the form ...). Such a header never fills the elder's own fields.
OTHER_PERSON = (
    "户主",
    "监护人",
    "代理人",
    "子女",
    "儿子",
    "女儿",
    "配偶",
    "家属",
    "亲属",
    "联系人",
    "责任人",
    "负责人",
    "登记人",
    "填表人",
    "填报人",
    "经办人",
    "调查人",
    "走访人",
    "网格员",
    "签字",
)
# The fields a header about another person may fill: the emergency contact's.
OTHER_PERSON_FIELDS = frozenset({f.key for f in FIELDS if f.key.startswith("contact")} | {IGNORE})
# Headings of a two-row header whose 姓名 / 电话 / 关系 are an emergency contact's (监护人 + 电话).
CONTACT_GROUPS = ("紧急联系人", "联系人", "监护人", "子女", "儿子", "女儿", "家属", "亲属", "赡养人")
# Headings about other people besides OTHER_PERSON (their 姓名 is never the elder's).
_OTHER_GROUP_WORDS = ("家庭成员", "家人", "同住人", "成员", "老伴", "邻居", "志愿者", "结对")
_CONTACT_KEYS = frozenset({"contact_name", "contact_relation", "contact_phone"})
# Words that name the emergency contact itself (not a guardian or a child who may be one).
_THE_CONTACT = ("紧急联系人", "联系人")
_CONTACT_OF = {
    "name": "contact_name",
    "contact_name": "contact_name",
    "phone": "contact_phone",
    "phone2": "contact_phone",
    "contact_phone": "contact_phone",
    "contact_relation": "contact_relation",
}
# Prefixes that only say the column is the elder's own (老人身份证号 = 身份证号).
_OWN_PREFIXES = ("老人", "本人", "长者")


def _about_the_elder() -> frozenset[str]:
    """Registry words that mention someone else but are facts about the elder (子女住在附近)."""
    words = {
        normalize_header(v) for f in FIELDS if f.key not in OTHER_PERSON_FIELDS for v in (f.zh, *f.synonyms)
    }
    return frozenset(w for w in words if any(o in w for o in OTHER_PERSON))


def names_other_person(header: object) -> bool:
    """True if the header is about someone other than the elder (户主姓名, 监护人电话, 社区责任人)."""
    h = normalize_header(header)
    return any(word in h for word in OTHER_PERSON)


def _names_other_group(group: str) -> bool:
    return any(word in group for word in (*OTHER_PERSON, *_OTHER_GROUP_WORDS, *CONTACT_GROUPS))


_ABOUT_THE_ELDER = _about_the_elder()


def guess_field(header: object) -> str | None:
    """The field a header names, or None if nothing in the registry names it (never a near miss)."""
    h = normalize_header(header)
    if not h:
        return None
    key = _EXACT.get(h)
    if key is None:
        for prefix in _OWN_PREFIXES:
            if h.startswith(prefix) and h[len(prefix) :] in _EXACT:
                key = _EXACT[h[len(prefix) :]]
                break
    if key is None:
        return None
    if key not in OTHER_PERSON_FIELDS and names_other_person(h) and h not in _ABOUT_THE_ELDER:
        return None
    return key


def auto_map(headers: list[object]) -> dict[int, str]:
    """Column index -> field key for a one-row header (see ``map_columns``)."""
    return map_columns([("", h) for h in headers])


def split_person(header: object) -> tuple[str, object]:
    """监护人电话 -> (监护人, 电话); 紧急联系人 -> (紧急联系人, 姓名); 联系电话 -> ("", 联系电话).

    A one-row header that starts with a word for one of the elder's contacts (CONTACT_GROUPS) is
    that person's field, as under a two-row header's group; anything else is read as it is."""
    h = normalize_header(header)
    for word in CONTACT_GROUPS:
        if not h.startswith(word):
            continue
        if word in _THE_CONTACT:  # 紧急联系人电话 / 联系人姓名: the emergency contact's own columns
            return ("", header)
        rest = h[len(word) :]
        if not rest:
            return (word, "姓名") if guess_field(h) == "contact_name" else ("", header)
        if guess_field(rest) in _CONTACT_OF or guess_field(h) in _CONTACT_KEYS:
            return (word, rest)
        return ("", header)
    return ("", header)


def guess_column(group: object, label: object) -> str | None:
    """The field of a column under a two-row header's ``group`` (基本信息 / 监护人 ...) and ``label``.

    Under another person's heading (监护人, 紧急联系人, 子女情况) 姓名 / 电话 / 关系 are that person's:
    they may fill the emergency contact (if the heading is one a contact comes from), never the
    elder's own fields, and anything else under it (子女情况 / 住址) is left out. Under any other
    heading (基本信息, 老人信息, 健康状况, 联系方式 ...) the label is read as on a one-row header,
    unless heading and label together name a field (紧急 + 联系人电话)."""
    g, h = normalize_header(group), normalize_header(label)
    if not g:
        return guess_field(label)
    if not h:
        return None
    if _names_other_group(g):
        joined = guess_field(g + h)
        if joined in _CONTACT_OF:
            return joined
        if not any(word in g for word in CONTACT_GROUPS):
            return None
        return _CONTACT_OF.get(guess_field(h) or "")
    return guess_field(g + h) or guess_field(h)


def map_columns(columns: list[tuple[object, object]]) -> dict[int, str]:
    """Column index -> field key for (group, label) columns; a field never takes two columns.

    The first column of a field takes it. A second own phone column (two 手机, or 电话 and 手机) fills
    phone2 (备用电话) when that is free; any other repeat (a second 姓名) is left out, never merged.
    The emergency contact comes from one heading only, so a guardian's name is never paired with a
    child's phone: 紧急联系人 / 联系人 before 监护人, before 子女 and the rest, else the first. A one-row
    header 监护人姓名 / 监护人电话 counts as the 监护人 heading (``split_person``)."""
    columns = [(g, h) if normalize_header(g) else split_person(h) for g, h in columns]
    keys = [guess_column(group, label) for group, label in columns]
    sources = {
        normalize_header(columns[i][0])
        for i, k in enumerate(keys)
        if k in _CONTACT_KEYS and normalize_header(columns[i][0])
    }
    # The emergency contact's own columns (紧急联系人, 联系人电话: no heading) come before any heading.
    plain = any(
        k in ("contact_name", "contact_phone") and not normalize_header(columns[i][0])
        for i, k in enumerate(keys)
    )
    contact_from = "" if plain else min(sources, key=_contact_rank(columns), default="")
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, key in enumerate(keys):
        group = normalize_header(columns[i][0])
        if key in _CONTACT_KEYS and group and group != contact_from:
            continue
        if key == "phone" and key in taken:
            key = "phone2"
        if key is None or (key not in MANY_COLUMNS and key in taken):
            continue
        mapping[i] = key
        taken.add(key)
    return mapping


def _contact_rank(columns: list[tuple[object, object]]) -> Callable[[str], tuple[int, int]]:
    order = [normalize_header(g) for g, _ in columns]

    def rank(group: str) -> tuple[int, int]:
        word = next((i for i, w in enumerate(CONTACT_GROUPS) if w in group), len(CONTACT_GROUPS))
        return (word, order.index(group))

    return rank


def header_score(values: list[object]) -> int:
    """How much a row looks like a roster header: the number of distinct fields it names."""
    keys = {guess_field(v) for v in values}
    keys.discard(None)
    keys.discard(IGNORE)
    return len(keys)


def signature(headers: list[object]) -> str:
    """A short stable key for a header layout (used to remember a confirmed mapping)."""
    text = "|".join(normalize_header(h) for h in headers).rstrip("|")
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def missing_required(mapping: dict[int, str]) -> list[str]:
    present = set(mapping.values())
    return [k for k in REQUIRED if k not in present]
