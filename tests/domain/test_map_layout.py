"""The schematic map: boxes that never overlap, points inside their own micro-grid, a stable picture."""

from __future__ import annotations

import itertools
import random

from silverage.domain.map_layout import Block, Layout, layout


def community(sizes: list[list[int]]) -> Block:
    """A community whose grid g has micro-grids with ``sizes[g]`` buildings each."""
    grids = []
    for g, micros in enumerate(sizes):
        children = tuple(
            Block(
                f"m{g}.{i}", f"第{g + 1}网格{i + 1}号微网格", leaves=tuple(f"b{g}.{i}.{k}" for k in range(n))
            )
            for i, n in enumerate(micros)
        )
        grids.append(Block(f"g{g}", f"第{g + 1}网格", children=children))
    return Block("c", "月河社区", children=tuple(grids))


def boxes(lay: Layout, depth: int) -> list:
    return [r for r in lay.regions if r.depth == depth]


SHAPES = [
    [[3, 1, 7], [12], [0, 2]],
    [[1]],
    [[40, 2, 2, 2, 9], [5, 5], [1, 1, 1, 1, 1, 1, 1], [25]],
    [
        [random.Random(seed).randint(0, 30) for _ in range(random.Random(seed + 1).randint(1, 8))]
        for seed in range(9)
    ],
]


def test_sibling_boxes_never_overlap_and_sit_inside_their_parent() -> None:
    for shape in SHAPES:
        lay = layout(community(shape))
        by_key = {r.key: r for r in lay.regions}
        for r in lay.regions:
            if r.parent is not None:
                assert by_key[r.parent].rect.encloses(r.rect), (r.key, r.parent)
        for depth in (1, 2):
            for a, b in itertools.combinations(boxes(lay, depth), 2):
                assert not a.rect.overlaps(b.rect), (a.key, b.key)


def test_every_building_is_inside_its_micro_grid_below_the_name_and_apart_from_the_others() -> None:
    for shape in SHAPES:
        root = community(shape)
        lay = layout(root)
        by_key = {r.key: r for r in lay.regions}
        for grid in root.children:
            for micro in grid.children:
                box = by_key[micro.key]
                for leaf in micro.leaves:
                    x, y = lay.positions[leaf]
                    assert box.rect.contains(x, y)
                    assert y > box.label_rect.bottom  # the name is never written over a point
        points = sorted(lay.positions.values())
        assert len(set(points)) == len(points) == sum(map(sum, shape))


def test_buildings_read_in_order_left_to_right_then_down() -> None:
    micro = Block("m", "一号微网格", leaves=tuple(f"b{k}" for k in range(10)))
    lay = layout(Block("g", "网格", children=(micro,)))
    ordered = sorted(micro.leaves, key=lambda k: (lay.positions[k][1], lay.positions[k][0]))
    assert ordered == list(micro.leaves)


def test_the_map_is_landscape_and_compact() -> None:
    lay = layout(community([[4] * 5] * 6))
    assert 1.0 <= lay.width / lay.height <= 2.5
    used = sum(r.rect.w * r.rect.h for r in boxes(lay, 1))
    assert used / (lay.width * lay.height) > 0.6


def test_same_input_same_picture() -> None:
    assert layout(community(SHAPES[2])) == layout(community(SHAPES[2]))


def test_a_new_building_elsewhere_moves_no_point_within_its_own_micro_grid() -> None:
    before = layout(community([[3, 4], [5, 2]]))
    after = layout(community([[3, 4], [6, 2]]))  # one more building in grid 2's first micro-grid

    def relative(lay: Layout, micro: str, leaf: str) -> tuple[float, float]:
        box = next(r for r in lay.regions if r.key == micro).rect
        x, y = lay.positions[leaf]
        return (x - box.x, y - box.y)

    for micro, n in (("m0.0", 3), ("m0.1", 4), ("m1.1", 2)):
        for k in range(n):
            leaf = f"b{micro[1:]}.{k}"
            assert relative(before, micro, leaf) == relative(after, micro, leaf)
    # And grid 1, packed before grid 2, keeps its place on the page.
    g0 = [r.rect for r in before.regions if r.key == "g0"], [r.rect for r in after.regions if r.key == "g0"]
    assert g0[0][0].x == g0[1][0].x and g0[0][0].y == g0[1][0].y


def test_an_empty_micro_grid_still_shows_as_a_box() -> None:
    lay = layout(community([[0, 2]]))
    assert {r.key for r in lay.regions} >= {"m0.0", "m0.1"}
