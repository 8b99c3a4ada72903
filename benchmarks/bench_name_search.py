"""Roster name search at 100,000 people: the all-readings keys against one reading per character.

The peer, measured in the same run, is the first wave's index (each character by its everyday
reading, surnames by the surname table). Printed: key building time, haystack size, and the time
one keystroke's filter takes over 100,000 haystacks (what the roster page does per keystroke
before painting), each with its ratio to the peer.

    PYTHONPATH=src python benchmarks/bench_name_search.py
"""

from __future__ import annotations

import random
import time

from pypinyin import Style, lazy_pinyin

from silverage.domain import demo_data as words
from silverage.domain.pinyin_search import SURNAME_READINGS, name_haystack, normalise_query

N = 100_000
QUERIES = ("c", "ch", "changsheng", "zxy", "wang")


def _peer_haystack(name: str, cache: dict[str, str]) -> str:
    hit = cache.get(name)
    if hit is not None:
        return hit
    every = [lazy_pinyin(c, style=Style.NORMAL)[0] for c in name]
    first = [SURNAME_READINGS.get(name[0], every[0]), *every[1:]]
    keys = dict.fromkeys(k for syl in (first, every) for k in ("".join(syl), "".join(s[0] for s in syl)))
    cache[name] = out = "\x1f".join((name, *keys))
    return out


def _names() -> list[str]:
    rng = random.Random(2026)
    surnames, weights = zip(*words.SURNAMES, strict=True)
    given = words.GIVEN_MALE + words.GIVEN_FEMALE
    return [rng.choices(surnames, weights)[0] + rng.choice(given) for _ in range(N)]


def _filter(hay: list[str], query: str) -> tuple[int, float]:
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        view = range(len(hay))
        for w in normalise_query(query):
            view = [i for i in view if w in hay[i]]
        best = min(best, time.perf_counter() - t)
    return len(view), best


def main() -> None:
    names = _names()
    peer_cache: dict[str, str] = {}
    t = time.perf_counter()
    peer = [_peer_haystack(n, peer_cache) for n in names]
    peer_build = time.perf_counter() - t
    t = time.perf_counter()
    ours = [name_haystack(n) for n in names]
    build = time.perf_counter() - t
    print(f"{N:,} names, {len(set(names)):,} distinct")
    print(
        f"  build keys: {build * 1000:.0f} ms vs peer {peer_build * 1000:.0f} ms ({build / peer_build:.2f}x)"
    )
    size, peer_size = sum(map(len, set(ours))), sum(map(len, set(peer)))
    print(f"  haystack characters (distinct names): {size:,} vs {peer_size:,} ({size / peer_size:.2f}x)")
    for q in QUERIES:
        n, s = _filter(ours, q)
        pn, ps = _filter(peer, q)
        print(
            f"  filter {q!r}: {n:,} rows in {s * 1000:.1f} ms"
            f" vs peer {pn:,} rows in {ps * 1000:.1f} ms ({s / ps:.2f}x)"
        )


if __name__ == "__main__":
    main()
