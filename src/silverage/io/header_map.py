"""Which column of an office workbook holds which roster field.

Office rosters name the same column many ways (姓名 / 老人姓名 / 姓 名, 身份证号码 / 公民身份号码 ...).
Headers are normalised (full-width, spaces, line breaks, bracketed remarks and ``*`` removed, so
居 住 = 居住) and matched exactly against the registry's label and synonyms, then against the same
with a leading "老人"/"本人" dropped (老人身份证号 -> 身份证号). Nothing is matched by substring: 户籍类型
is not 类型, 低保证编号 is not 低保, 社区责任人 is not 社区. A header that names someone else (户主,
监护人, 联系人, 责任人 ...) never fills the elder's own fields; it may fill an emergency-contact field
when the registry names it so (紧急联系人电话). A header nothing matches is left out ("不导入").
A confirmed mapping is remembered per *header signature* (a hash of the normalised header row), so
the next workbook with the same layout is mapped the same way without asking.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

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
    "申请人",
    "调查人",
    "走访人",
    "网格员",
    "签字",
)
# The fields a header about another person may fill: the emergency contact's.
OTHER_PERSON_FIELDS = frozenset({f.key for f in FIELDS if f.key.startswith("contact")} | {IGNORE})
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
    """Column index -> field key; each field is taken by its first column only."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        key = guess_field(header)
        if key is None or (key != IGNORE and key in taken):
            continue
        mapping[i] = key
        taken.add(key)
    return mapping


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
