"""Service kinds (助餐, 助浴 ...): the shared tags of a person's needs and a volunteer's skills.

The office's list starts with ``DEFAULT_KINDS`` and an administrator extends it. Free text as
offices and volunteers write it ("家电维修、量血压、会陪老人聊天") is read into kinds by
``read_kinds``: whole kind names first, then the everyday words for them (``WORDS``); what is left
is handed back word by word so that nothing anyone wrote is lost (it goes into the notes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from silverage.domain.labels import Labelled

# (Chinese name, English name), in the order lists and sheets show them.
DEFAULT_KINDS: tuple[tuple[str, str], ...] = (
    ("助餐", "Meals"),
    ("助洁", "Cleaning"),
    ("助浴", "Bathing"),
    ("助医/陪诊", "Clinic escort"),
    ("代购", "Shopping"),
    ("精神慰藉/陪聊", "Company and talk"),
    ("维修", "Repairs"),
    ("理发", "Haircut"),
    ("法律咨询", "Legal advice"),
    ("安全检查", "Safety check"),
    ("用药提醒", "Medication reminders"),
)

# Everyday words for a default kind (a volunteer's 特长, an office's 服务需求 column).
WORDS: dict[str, tuple[str, ...]] = {
    "助餐": ("送餐", "配餐", "做饭", "烧饭", "老年食堂", "meals"),
    "助洁": ("保洁", "打扫", "家政", "清洁", "打扫卫生", "cleaning"),
    "助浴": ("洗澡", "擦身", "bathing"),
    "助医/陪诊": ("陪诊", "助医", "陪医", "就医", "陪同就医", "看病", "健康保健", "医疗保健", "escort"),
    "代购": ("买菜", "跑腿", "代办", "代买", "shopping"),
    "精神慰藉/陪聊": (
        "陪聊",
        "聊天",
        "谈心",
        "心理疏导",
        "心理咨询",
        "精神慰藉",
        "心理抚慰",
        "心理慰藉",
        "精神关爱",
        "读报",
        "陪伴",
    ),
    "维修": ("家电维修", "水电维修", "修理", "水电", "电工", "repairs"),
    "理发": ("剪发", "剪头", "haircut"),
    "法律咨询": ("法律援助", "法律", "律师", "legal"),
    "安全检查": ("燃气检查", "安全隐患排查", "消防检查", "安全"),
    "用药提醒": ("用药", "提醒吃药", "服药提醒", "medication"),
}

_SEPARATORS = re.compile(r"[、,，;；\s|]+")
_NEED = re.compile(r"^(?P<kind>[^（(]+?)\s*(?:[（(](?P<inner>[^）)]*)[）)])?$")
DEFAULT_CAPACITY = 3  # services a week a new skill takes, until someone says otherwise
CAPACITY_RANGE = (1, 30)


class Frequency(Labelled):
    """How often a person needs a service; ``days`` is the planner's interval between two."""

    WEEKLY = ("weekly", "每周", "Weekly")
    FORTNIGHTLY = ("fortnightly", "每两周", "Fortnightly")
    MONTHLY = ("monthly", "每月", "Monthly")

    @property
    def days(self) -> int:
        return {"weekly": 7, "fortnightly": 14, "monthly": 30}[self.value]


_FREQUENCY_WORDS = {
    Frequency.WEEKLY: ("每周", "每星期", "一周一次", "每周一次", "周", "weekly"),
    Frequency.FORTNIGHTLY: ("每两周", "两周一次", "双周", "隔周", "半月", "每半月", "fortnightly"),
    Frequency.MONTHLY: ("每月", "每月一次", "一月一次", "月", "monthly"),
}


def frequency_from_text(text: str) -> Frequency | None:
    """每周/每两周/每月 and the ways offices write them; None when the text names none."""
    word = text.strip().lower().replace(" ", "")
    member = Frequency.from_label(word) if word else None
    if member is not None:
        return member
    for freq in (Frequency.FORTNIGHTLY, Frequency.WEEKLY, Frequency.MONTHLY):  # 两周 before 周
        if any(w in word for w in _FREQUENCY_WORDS[freq] if len(w) > 1):
            return freq
    for freq, words in _FREQUENCY_WORDS.items():
        if word in words:
            return freq
    return None


@dataclass(frozen=True)
class NeedInput:
    """A need as the editor and the import hand it over: the kind's Chinese name, how often, a note."""

    kind: str
    frequency: str = "weekly"  # a Frequency value or label
    notes: str = ""


@dataclass(frozen=True)
class SkillInput:
    kind: str
    weekly_capacity: int = 3


@dataclass(frozen=True)
class ReadKinds:
    kinds: tuple[str, ...]  # the kinds recognised, in the order written, each once
    unknown: tuple[str, ...]  # the words no kind matched, as written


def _kind_of(word: str, names: Sequence[str]) -> str | None:
    low = word.lower()
    for name in names:
        if word == name or any(low == part for part in name.split("/")):
            return name
    for name in names:
        if low in WORDS.get(name, ()):
            return name
    for name in names:  # "会理发" "家电维修" "陪老人聊天": a known word inside
        if any(
            len(w) > 1 and not w.isascii() and w in word for w in (*name.split("/"), *WORDS.get(name, ()))
        ):
            return name
    return None


def read_kinds(text: str, names: Iterable[str]) -> ReadKinds:
    """The kinds ``text`` names among ``names`` (the office's list) and the words it does not know."""
    names = tuple(names)
    found: list[str] = []
    unknown: list[str] = []
    rest = text.strip()
    for name in sorted(names, key=len, reverse=True):  # "助医/陪诊" holds the separator "/"
        if "/" in name and name in rest:
            found.append(name)
            rest = rest.replace(name, "、")
    for word in (w for w in _SEPARATORS.split(rest) if w):
        for piece in word.split("/"):
            if not piece:
                continue
            kind = _kind_of(piece, names)
            if kind is None:
                unknown.append(piece)
            elif kind not in found:
                found.append(kind)
    order = {n: i for i, n in enumerate(names)}
    return ReadKinds(tuple(sorted(found, key=order.__getitem__)), tuple(unknown))


@dataclass(frozen=True)
class NeedText:
    kind: str
    frequency: Frequency
    notes: str = ""


def read_needs(text: str, names: Iterable[str]) -> tuple[list[NeedText], list[str]]:
    """A 服务需求 cell ("助浴（每周）、助餐（每月：不吃辣）、陪聊") as needs, and the words not understood.

    A need without a frequency is weekly (what offices mean by a standing need).
    """
    names = tuple(names)
    needs: list[NeedText] = []
    unknown: list[str] = []
    for part in (p for p in _outside_brackets(text.strip()) if p.strip()):
        match = _NEED.match(part.strip())
        kind_text, inner = (match["kind"], match["inner"] or "") if match else (part, "")
        freq_text, _, notes = inner.replace(":", "：").partition("：")
        kind = _kind_of(kind_text.strip(), names)
        freq = frequency_from_text(freq_text) if freq_text.strip() else Frequency.WEEKLY
        if freq is None:  # "（需两人协助）": no frequency, only a note
            freq, notes = Frequency.WEEKLY, inner
        if kind is None:
            unknown.append(part.strip())
        elif all(n.kind != kind for n in needs):
            needs.append(NeedText(kind, freq, notes.strip()))
    return needs, unknown


def _outside_brackets(text: str) -> list[str]:
    """Split at 、 , ; and new lines, but not inside （…）: a note may hold a comma."""
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += 1 if ch in "（(" else -1 if ch in "）)" else 0
        if depth <= 0 and ch in "、,，;；\n":
            parts.append("".join(cur))
            cur, depth = [], 0
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def needs_text(needs: Iterable[tuple[str, str, str]], lang: str = "zh") -> str:
    """(kind, frequency value, notes) as one cell that ``read_needs`` reads back."""
    parts = []
    for kind, freq, notes in needs:
        f = Frequency(freq).label(lang)
        parts.append(f"{kind}（{f}：{notes}）" if notes else f"{kind}（{f}）")
    return "、".join(parts)
