"""The roster model on its own (no widgets): search, filters, sort, in-place patch."""

import pytest
from PySide6.QtCore import Qt

from silverage.services.roster import roster_query
from silverage.ui.roster.roster_model import Col, RosterFilter, RosterModel, patch_rows
from tests.conftest import TODAY

pytestmark = pytest.mark.db


@pytest.fixture
def model(demo_ctx):
    m = RosterModel()
    m.set_rows(roster_query.list_elders(demo_ctx, roster_query.ElderFilter(status=None), TODAY), TODAY)
    return m


def names(m):
    return [m.row_at(i).name for i in range(m.rowCount())]


def test_pinyin_initials_find_the_person(model):
    target = next(r for r in model.all_rows() if r.name == "张秀英" and r.status == "active")
    model.set_filter(RosterFilter(query="zxy"))
    found = [model.row_at(i) for i in range(model.rowCount())]
    assert target in found
    assert all(r.status == "active" for r in found)
    model.set_filter(RosterFilter(query="zhangxiuying"))
    assert set(names(model)) == {"张秀英"}


def test_polyphonic_surname_found_by_surname_reading(model):
    zeng = [r for r in model.all_rows() if r.name.startswith("曾") and r.status == "active"]
    assert zeng, "the demo roster has people surnamed 曾"
    model.set_filter(RosterFilter(query="zeng"))
    assert {model.row_at(i).id for i in range(model.rowCount())} >= {r.id for r in zeng}


def test_search_by_phone_id_and_address(model):
    someone = next(r for r in model.all_rows() if r.status == "active" and r.phone)
    for query in (someone.phone[-8:], someone.id_number[-6:], someone.address):
        model.set_filter(RosterFilter(query=query))
        assert someone.id in {model.row_at(i).id for i in range(model.rowCount())}, query


def test_filter_by_level_and_status(model):
    model.set_filter(RosterFilter(level="red"))
    reds = [model.row_at(i) for i in range(model.rowCount())]
    assert reds and all(r.level == "red" and r.status == "active" for r in reds)
    assert "红" in model.index(0, Col.LEVEL).data()  # the word, not only a colour
    model.set_filter(RosterFilter(status="archived"))
    assert all(model.row_at(i).status != "active" for i in range(model.rowCount()))
    model.set_filter(RosterFilter(status="all"))
    assert model.rowCount() == len(model.all_rows())


def test_reassessment_filter_uses_the_due_date(model):
    model.set_filter(RosterFilter(reassessment_only=True))
    for i in range(model.rowCount()):
        r = model.row_at(i)
        assert r.next_assessment is None or r.next_assessment <= TODAY


def test_sort_by_age_and_level(model):
    model.sort(Col.AGE, Qt.SortOrder.DescendingOrder)
    ages = [model.row_at(i).age for i in range(model.rowCount())]
    assert ages == sorted(ages, reverse=True)
    model.sort(Col.LEVEL, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).level == "red"
    model.set_filter(RosterFilter(query="z"))  # sorting survives a new search
    assert model.row_at(0).level == "red"


def test_patch_rows_replaces_one_person(model):
    first = model.all_rows()[0]
    patch_rows(model, [first._replace(name="改名字")])
    model.set_filter(RosterFilter(query="改名字", status="all"))
    assert model.rowCount() == 1 and model.row_at(0).id == first.id


def test_typing_letter_by_letter_gives_the_same_result_as_pasting(model):
    model.sort(Col.AGE, Qt.SortOrder.AscendingOrder)
    for prefix in ("z", "zh", "zha", "zhan", "zhang x"):
        model.set_filter(RosterFilter(query=prefix))
    typed = [model.row_at(i).id for i in range(model.rowCount())]
    model.set_filter(RosterFilter(query=""))
    model.set_filter(RosterFilter(query="zhang x"))
    assert typed == [model.row_at(i).id for i in range(model.rowCount())]
    model.set_filter(RosterFilter(query="zhang"))  # deleting a letter widens again
    assert model.rowCount() >= len(typed)


def test_a_given_name_is_found_by_its_word_reading(model):
    # 长 in 长生 is read chang, not its everyday zhang: the 13 demo people named X长生 are found.
    changsheng = {r.id for r in model.all_rows() if r.name[1:] == "长生" and r.status == "active"}
    assert len(changsheng) >= 10
    model.set_filter(RosterFilter(query="changsheng"))
    assert {model.row_at(i).id for i in range(model.rowCount())} == changsheng
    someone = next(r for r in model.all_rows() if r.id in changsheng)
    model.set_filter(RosterFilter(query=f"{someone.name[0]} cs"))  # e.g. "陈 cs" for 陈长生
    assert someone.id in {model.row_at(i).id for i in range(model.rowCount())}


def test_a_person_renamed_after_a_search_is_found_by_the_new_name_only(model):
    model.set_filter(RosterFilter(query="zxy"))  # the search keys exist now; the patch must renew them
    person = next(r for r in model.all_rows() if r.status == "active" and r.name != "欧阳春花")
    patch_rows(model, [person._replace(name="欧阳春花")])
    model.set_filter(RosterFilter(query="ouyangch"))
    assert person.id in {model.row_at(i).id for i in range(model.rowCount())}
    model.set_filter(RosterFilter(query=person.name))
    assert person.id not in {model.row_at(i).id for i in range(model.rowCount())}
