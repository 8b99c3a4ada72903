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
