"""Soak: N concurrent writers for T seconds, each saving one of a few people as the person editor
does (open, change, save with the version it opened), then ``check``.

Every writer bumps a counter kept in the person's notes; a save that reports success but whose
bump is gone is a lost update. Conflicts (someone saved first) are expected and counted apart;
anything else is an error. Runs on SQLite, and on PostgreSQL too when SILVERAGE_TEST_DB_URL is set.
    python benchmarks/bench_soak.py [--writers 10] [--seconds 20] [--people 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from silverage.db.engine import open_database
from silverage.domain.problems import ConflictError, UserError
from silverage.services import demo, integrity
from silverage.services.context import SYSTEM, ServiceContext
from silverage.services.roster import elders, roster_query


def soak(target: str, writers: int, seconds: float, people: int) -> None:
    setup = ServiceContext(open_database(target), SYSTEM)
    if roster_query.counts(setup).elders_total == 0:
        demo.build_demo(setup, elders=max(people, 30))
    ids = [r.id for r in roster_query.list_elders(setup, roster_query.ElderFilter())][:people]
    for eid in ids:  # counters start at 0
        d = elders.get_elder(setup, eid)
        elders.update_elder(setup, eid, dataclasses.replace(d.to_input(), notes="0"), d.version)
    tally: Counter[str] = Counter()
    saved: Counter[int] = Counter()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def writer(n: int) -> None:
        ctx = ServiceContext(open_database(target), SYSTEM)
        i = n
        while time.monotonic() < stop:
            eid = ids[i % len(ids)]
            i += 1
            try:
                d = elders.get_elder(ctx, eid)
                count = int(d.notes or 0)
                elders.update_elder(
                    ctx, eid, dataclasses.replace(d.to_input(), notes=str(count + 1)), d.version
                )
                outcome = "saved"
                with lock:
                    saved[eid] += 1
            except ConflictError:
                outcome = "conflict"
            except UserError as exc:
                outcome = f"message: {exc.en[:60]}"
            except Exception as exc:  # noqa: BLE001 - what the soak is for
                outcome = f"error: {type(exc).__name__}"
            with lock:
                tally[outcome] += 1
        ctx.db.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = {eid: int(elders.get_elder(setup, eid).notes or 0) for eid in ids}
    lost = sum(saved[eid] - final[eid] for eid in ids)
    report = integrity.check(setup)
    chain = [p for p in report.problems if "审计" in p]
    kind = "PostgreSQL" if "://" in target else "SQLite"
    print(f"{kind}: {writers} writers x {seconds:.0f} s on {len(ids)} people")
    for outcome, n in sorted(tally.items()):
        print(f"  {outcome:<70} {n}")
    print(f"  lost updates: {lost}   audit chain: {'whole' if not chain else chain[0]}")
    setup.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--people", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("SILVERAGE_HOME", tempfile.mkdtemp(prefix="soak-home-"))
    with tempfile.TemporaryDirectory() as tmp:
        soak(str(Path(tmp) / "soak.sqlite"), args.writers, args.seconds, args.people)
    pg = os.environ.get("SILVERAGE_TEST_DB_URL")
    if pg:
        soak(pg, args.writers, args.seconds, args.people)


if __name__ == "__main__":
    main()
