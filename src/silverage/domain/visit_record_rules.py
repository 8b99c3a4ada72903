"""When a visit's outcome may be recorded: the date it happened, and corrections.

Time runs one way. An outcome is dated the day the visit happened, never a day that has not come
yet; a visit made outside its window still counts as made (the volunteer went), so that is a
warning the user sees, not a refusal. An outcome that is already on file is changed only on
purpose (a correction), so a sheet typed in twice cannot quietly overwrite the first entry.
"""

from __future__ import annotations

from datetime import date

from silverage.domain.enums import Outcome
from silverage.domain.problems import Problem, UserError, ValidationError


def visit_date_problems(
    day: date, today: date, window_start: date | None, window_end: date | None
) -> list[Problem]:
    """Warnings about ``day`` as the date of a visit; a day after ``today`` is refused."""
    if day > today:
        raise ValidationError(
            [
                Problem(
                    "visited_on",
                    f"探访日期 {day} 晚于今天（{today}）：只能录入已经进行的探访",
                    f"The visit date {day} is after today ({today}): only a visit that took place "
                    "can be recorded",
                )
            ]
        )
    early = window_start is not None and day < window_start
    late = window_end is not None and day > window_end
    if not (early or late):
        return []
    ws, we = window_start or "…", window_end or "…"
    return [
        Problem(
            "visited_on",
            f"探访日期 {day} 不在这次探访的时间窗（{ws} 至 {we}）内，已按 {day} 录入；"
            + ("时间窗尚未开始" if early else "已过了时间窗"),
            f"The visit date {day} is outside this visit's window ({ws} to {we}); recorded as {day} "
            + ("(before the window began)" if early else "(after the window ended)"),
        )
    ]


def already_recorded(code: str, day: date | None, outcome: str | None) -> UserError:
    """Why an outcome is not written over one on file, and how to correct it on purpose."""
    was = Outcome(outcome) if outcome in {o.value for o in Outcome} else None
    when_zh = f"已于 {day} " if day else "已"
    when_en = f"on {day} " if day else ""
    what_zh = f"“{was.zh}”" if was else "结果"
    what_en = f"'{was.en}'" if was else "an outcome"
    return UserError(
        f"探访 {code} {when_zh}录入为{what_zh}。如需更正，请勾选“更正”（命令行加 --correct）后再保存",
        f"Visit {code} was recorded {when_en}as {what_en}. To change it, tick 'Correct' "
        "(on the command line add --correct) and save again",
    )


MAX_MINUTES = 12 * 60  # one visit: half a day's clinic escort is the longest anyone writes


def minutes_problems(minutes: int | None) -> list[Problem]:
    """The time a visit took (服务时长, in minutes): a whole number from 1 to MAX_MINUTES, or not stated."""
    if minutes is None:
        return []
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        return [
            Problem(
                "minutes",
                f"服务时长“{minutes}”应为1到{MAX_MINUTES}之间的分钟数",
                f"The time spent '{minutes}' must be 1 to {MAX_MINUTES} minutes",
            )
        ]
    return []


def services_problems(services: list[str], known: list[str]) -> list[Problem]:
    """Services recorded as given must be kinds on the office's list."""
    unknown = [k for k in services if k not in known]
    if not unknown:
        return []
    return [
        Problem(
            "services",
            f"服务“{'、'.join(unknown)}”不在服务类型清单中（{'、'.join(known)}）",
            f"The services '{', '.join(unknown)}' are not on the office's list of service kinds",
        )
    ]
