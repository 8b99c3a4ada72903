"""The person's level and each history entry word an override the same way (one domain function)."""

from __future__ import annotations

import pytest

from silverage.domain.level_display import level_display
from silverage.services.care import assessment
from silverage.services.roster import elders
from tests.conftest import TODAY
from tests.services.elder_helpers import person

pytestmark = pytest.mark.db


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_person_and_the_history_show_an_override_in_the_same_words(ctx, lang):
    res = elders.create_elder(ctx, person(living="empty_nest", children_nearby=True), today=TODAY)
    assessment.override_level(ctx, res.id, "red", "独自照顾失智老伴", res.version)
    wording = level_display("red", lang, "green")
    assert elders.get_elder(ctx, res.id, today=TODAY).level_display(lang) == wording
    assert assessment.history(ctx, res.id)[0].display(lang) == wording
