"""The care-level rules: the words staff read, monotonic levels, stable results, JSON round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from silverage.domain import care_rules
from silverage.domain.care_rules import DEFAULT_RULES, CareRules, Facts, Trigger, assess
from silverage.domain.enums import Disability, Economic, Level, Living
from silverage.domain.problems import ValidationError

facts_strategy = st.builds(
    Facts,
    age=st.integers(60, 105),
    living=st.sampled_from([lv.value for lv in Living]),
    disability=st.sampled_from([d.value for d in Disability]),
    cognitive_impairment=st.booleans(),
    serious_illness=st.booleans(),
    fall_last_year=st.booleans(),
    hospital_last_year=st.booleans(),
    children_nearby=st.booleans(),
    economic=st.sampled_from([e.value for e in Economic]),
    home_hazards=st.booleans(),
)

rules_strategy = st.builds(
    lambda red, gap, dis, liv, flag: replace(
        DEFAULT_RULES,
        red_threshold=red,
        yellow_threshold=max(1, red - gap),
        disability=dict(zip(care_rules.DISABILITY_ORDER, sorted(dis), strict=True)),
        living={
            "other": sorted(liv)[0],
            "empty_nest": sorted(liv)[1],
            "alone": sorted(liv)[2],
            "gugua": sorted(liv)[2],
        },
        flags={k: flag for k in care_rules.FLAG_FACTORS},
    ),
    st.integers(2, 12),
    st.integers(1, 5),
    st.lists(st.integers(0, 6), min_size=4, max_size=4),
    st.lists(st.integers(0, 4), min_size=3, max_size=3),
    st.integers(0, 3),
)


def worse(f: Facts, data: st.DataObject) -> Facts:
    """The same person with one more risk: older, a new condition, more disabled, poorer, more alone."""
    choice = data.draw(st.sampled_from(["age", "flag", "disability", "economic", "living", "children"]))
    if choice == "age":
        return replace(f, age=f.age + data.draw(st.integers(1, 15)))
    if choice == "flag":
        key = data.draw(
            st.sampled_from(
                [
                    "cognitive_impairment",
                    "serious_illness",
                    "fall_last_year",
                    "hospital_last_year",
                    "home_hazards",
                ]
            )
        )
        return replace(f, **{key: True})
    if choice == "children":
        return replace(f, children_nearby=False)
    if choice == "disability":
        i = care_rules.DISABILITY_ORDER.index(f.disability)
        return replace(f, disability=care_rules.DISABILITY_ORDER[min(3, i + 1)])
    if choice == "economic":
        i = care_rules.ECONOMIC_ORDER.index(f.economic)
        return replace(f, economic=care_rules.ECONOMIC_ORDER[min(3, i + 1)])
    order = ["other", "empty_nest", "alone", "gugua"]
    i = order.index(f.living)
    return replace(f, living=order[min(3, i + 1)])


@given(facts_strategy, rules_strategy, st.data())
def test_adding_a_risk_factor_never_lowers_the_level(f, rules, data):
    before = assess(f, rules)
    after = assess(worse(f, data), rules)
    assert after.level.rank >= before.level.rank
    assert after.score >= before.score


@given(facts_strategy, rules_strategy)
def test_same_inputs_and_rules_give_the_same_level_and_reasons(f, rules):
    again = CareRules.from_json(rules.to_json())
    assert assess(f, rules) == assess(replace(f), again)


def test_reasons_read_like_a_worker_would_write_them():
    r = assess(
        Facts(age=86, living=Living.ALONE.value, disability=Disability.MODERATE.value, children_nearby=True)
    )
    assert r.reasons_zh == "86岁 +2；独居 +2；中度失能 +2 = 6 分 ≥ 6 → 红"
    assert r.reasons_en == "age 86 +2; living alone +2; moderate disability +2 = 6 points ≥ 6 → red"
    assert r.level is Level.RED and r.score == 6


def test_green_and_yellow_say_which_threshold_they_are_measured_against():
    green = assess(Facts(age=66, living=Living.OTHER.value))
    assert green.level is Level.GREEN and green.reasons_zh == "无风险因素 = 0 分 < 4 → 绿"
    yellow = assess(Facts(age=81, living=Living.EMPTY_NEST.value, fall_last_year=True, children_nearby=False))
    assert yellow.level is Level.YELLOW
    assert yellow.reasons_zh == "81岁 +1；空巢 +1；近一年跌倒 +1；子女不在身边 +1 = 4 分 ≥ 4 → 黄"


def test_always_red_trigger_overrides_a_low_score_and_says_so():
    r = assess(
        Facts(age=65, living=Living.ALONE.value, cognitive_impairment=True, children_nearby=True),
        replace(DEFAULT_RULES, red_threshold=10, yellow_threshold=8),
    )
    assert r.level is Level.RED
    assert "必红：认知障碍且独居或孤寡" in r.reasons_zh
    assert "always red: cognitive impairment and living alone or widowed without children" in r.reasons_en
    assert r.triggers == ("认知障碍且独居或孤寡",)


def test_json_round_trip_and_defaults_for_missing_keys():
    assert CareRules.from_json(DEFAULT_RULES.to_json()) == DEFAULT_RULES
    partial = CareRules.from_json({"red_threshold": 8})
    assert partial.red_threshold == 8 and partial.flags == DEFAULT_RULES.flags


@pytest.mark.parametrize(
    "change, field",
    [
        ({"red_threshold": 3, "yellow_threshold": 3}, "thresholds"),
        ({"disability": {"none": 0, "mild": 3, "moderate": 2, "severe": 4}}, "disability"),
        ({"triggers": (Trigger(("flying",)),)}, "triggers"),
        ({"intervals": {"red": 0, "yellow": 6, "green": 6}}, "intervals"),
    ],
)
def test_unusable_rules_are_refused_with_the_field_named(change, field):
    with pytest.raises(ValidationError) as err:
        replace(DEFAULT_RULES, **change).validated()
    assert field in {p.field for p in err.value.problems}
    assert all(p.zh and p.en for p in err.value.problems)


def test_reassessment_due_dates_follow_the_level_interval():
    assert care_rules.next_due(Level.RED, date(2026, 11, 30)) == date(2027, 2, 28)
    assert care_rules.next_due(Level.GREEN, date(2026, 11, 26)) == date(2027, 5, 26)
    custom = replace(DEFAULT_RULES, intervals={"red": 1, "yellow": 2, "green": 12})
    assert care_rules.next_due("yellow", date(2026, 1, 31), custom) == date(2026, 3, 31)
