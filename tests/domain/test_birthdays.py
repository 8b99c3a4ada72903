from datetime import date

from silverage.domain.birthdays import upcoming


def test_milestones_within_sixty_days_soonest_first():
    today = date(2026, 11, 26)
    people = [
        (1, "甲", date(1946, 12, 20)),  # 80 on 2026-12-20
        (2, "乙", date(1937, 1, 5)),  # 90 on 2027-01-05
        (3, "丙", date(1950, 12, 1)),  # 76: not a milestone
        (4, "丁", date(1946, 3, 1)),  # 80 but long past
    ]
    found = upcoming(people, today)
    assert [(m.elder_id, m.age) for m in found] == [(1, 80), (2, 90)]
    assert found[0].birthday == date(2026, 12, 20)


def test_leap_day_birthday_in_a_common_year():
    found = upcoming([(1, "甲", date(1948, 2, 29))], date(2028, 1, 15), days=60)
    assert found and found[0].age == 80 and found[0].birthday == date(2028, 2, 29)
    found = upcoming([(1, "甲", date(1947, 2, 28))], date(2027, 1, 15), days=60)
    assert found[0].age == 80
