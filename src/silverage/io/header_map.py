"""Which column of an office workbook holds which roster field.

Office rosters name the same column many ways (姓名 / 老人姓名 / 姓 名, 身份证号码 / 公民身份号码 ...).
Headers are normalised (full-width, spaces, line breaks, bracketed remarks and ``*`` removed) and
matched exactly against known variants first, then by the longest known variant they contain.
A confirmed mapping is remembered per *header signature* (a hash of the normalised header row), so
the next workbook with the same layout is mapped the same way without asking.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Fields that the import reads. "ignore" columns are recognised (so they do not look unknown) but not used.
IGNORE = "ignore"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    zh: str
    en: str
    variants: tuple[str, ...]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", "Name", ("姓名", "老人姓名", "名字", "老人名字", "服务对象", "对象姓名")),
    FieldSpec(
        "id_number",
        "身份证号码",
        "ID number",
        ("身份证号码", "公民身份号码", "身份证号", "身份证", "证件号码", "身份证件号码", "idnumber"),
    ),
    FieldSpec("gender", "性别", "Gender", ("性别",)),
    FieldSpec("birth_date", "出生日期", "Date of birth", ("出生日期", "出生年月", "出生年月日", "生日")),
    FieldSpec(
        "phone",
        "联系电话",
        "Phone",
        ("联系电话", "手机号码", "联系方式", "电话", "手机", "本人电话", "电话号码", "老人电话", "phone"),
    ),
    FieldSpec("phone2", "电话2", "Phone 2", ("电话2", "备用电话", "固定电话", "座机", "其他电话", "phone2")),
    FieldSpec(
        "community",
        "社区",
        "Community",
        ("社区", "所在社区", "社区名称", "村社区", "村（社区）", "community"),
    ),
    FieldSpec("grid", "网格", "Grid", ("网格", "所在网格", "网格名称", "网格号", "grid")),
    FieldSpec("micro_grid", "微网格", "Micro-grid", ("微网格", "所在微网格", "微网格名称", "micro-grid")),
    FieldSpec(
        "address",
        "地址",
        "Address",
        ("地址", "家庭住址", "详细地址", "住址", "居住地址", "现住址", "家庭地址", "address"),
    ),
    FieldSpec(
        "living",
        "居住情况",
        "Living situation",
        ("居住情况", "类别", "老人类别", "居住状况", "类型", "老人类型", "livingsituation"),
    ),
    FieldSpec(
        "disability", "失能情况", "Disability", ("失能情况", "失能等级", "自理能力", "失能", "disability")
    ),
    FieldSpec(
        "economic",
        "经济状况",
        "Economic status",
        ("低保", "经济状况", "经济情况", "低保情况", "是否低保", "低保类别", "economicstatus"),
    ),
    FieldSpec("mobility", "行动能力", "Mobility", ("行动能力", "行动情况", "mobility")),
    FieldSpec(
        "health_conditions",
        "健康状况",
        "Health conditions",
        ("健康状况", "身体状况", "疾病情况", "慢性病", "疾病", "healthconditions"),
    ),
    FieldSpec(
        "contact_name",
        "紧急联系人",
        "Emergency contact",
        ("紧急联系人", "联系人", "联系人姓名", "紧急联系人姓名", "子女姓名", "emergencycontact"),
    ),
    FieldSpec(
        "contact_relation",
        "与老人关系",
        "Relation",
        ("与老人关系", "关系", "联系人关系", "与本人关系", "relation"),
    ),
    FieldSpec(
        "contact_phone",
        "联系人电话",
        "Contact phone",
        ("联系人电话", "紧急联系人电话", "紧急联系电话", "子女电话", "联系人手机", "contactphone"),
    ),
    FieldSpec(
        "doorstep_notes", "上门注意事项", "Doorstep notes", ("上门注意事项", "探访注意事项", "doorstepnotes")
    ),
    FieldSpec("notes", "备注", "Notes", ("备注", "说明", "notes")),
    FieldSpec(
        IGNORE,
        "（不导入）",
        "(not imported)",
        (
            "序号",
            "编号",
            "年龄",
            "关爱等级",
            "等级",
            "分级",
            "最近联系",
            "最近探访",
            "下次评估",
            "状态",
            "错误原因",
            "reason",
            "逾期天数",
            "daysoverdue",
            "no.",
            "age",
            "carelevel",
            "lastcontact",
            "nextassessment",
            "status",
        ),
    ),
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
    for _v in _f.variants + (_f.zh, _f.en):
        _EXACT.setdefault(normalize_header(_v), _f.key)
_BY_LENGTH = sorted(_EXACT.items(), key=lambda kv: -len(kv[0]))


def guess_field(header: object) -> str | None:
    """The field a header most likely names, or None if nothing fits."""
    h = normalize_header(header)
    if not h:
        return None
    if h in _EXACT:
        return _EXACT[h]
    if len(h) > 12:  # a sentence (a title or a remark), not a header
        return None
    for variant, key in _BY_LENGTH:
        if len(variant) >= 2 and variant in h:
            return key
    return None


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
