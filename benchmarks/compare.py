"""silverage next to its peers, whole processes, interleaved: the figures the README quotes.

    python benchmarks/compare.py [--people 979 100000] [--repeats 5] [--only startup cli export print plan]
                                 [--json OUT.json] [--strict] [--today 2026-11-02] [--as-is]

Each comparison runs silverage and its peer script (``benchmarks/peers/``) in turn -- silverage,
peer, silverage, peer ... after one untimed warm-up of each -- and prints the median wall time and
peak memory with their min-max, the ratios, and every target of issue #18 with MET or MISSED. The
same goes to ``--json``. ``--strict`` exits 1 when a target is missed, so a regression fails
loudly. The demo databases are built once per size and day and kept in
``$TMPDIR/silverage-compare/`` (the 100,000-person build takes a few minutes). The package
measured gets its bytecode written first, as an install does (``--as-is`` skips that).

``SILVERAGE_TODAY`` is pinned (``--today``) for every process, so the demo roster, its care levels
and visits, and so the figures, are the same on every run and machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _measure import Measured, measure  # noqa: E402
from bench_cli import silverage_script  # noqa: E402

PEERS = HERE / "peers"
DEFAULT_TODAY = "2026-11-02"
ROWS = ("startup", "cli", "export", "print", "plan", "build")


@dataclass
class Target:
    """``what`` is "time ratio", "memory ratio", "seconds" or "MiB"; met when the value <= limit."""

    what: str
    limit: float
    value: float | None = None

    @property
    def met(self) -> bool | None:
        return None if self.value is None else self.value <= self.limit

    def text(self) -> str:
        unit = {"time ratio": "x time", "memory ratio": "x memory", "seconds": " s", "MiB": " MiB"}[self.what]
        return f"<= {self.limit:g}{unit}"


@dataclass
class Series:
    seconds: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, m: Measured) -> None:
        self.seconds.append(m.seconds)
        self.mib.append(m.peak_mib)
        self.cpu.append(m.cpu_s)

    def summary(self) -> dict[str, float]:
        return {
            "median_s": round(statistics.median(self.seconds), 4),
            "min_s": round(min(self.seconds), 4),
            "max_s": round(max(self.seconds), 4),
            "median_mib": round(statistics.median(self.mib), 1),
            "min_mib": round(min(self.mib), 1),
            "max_mib": round(max(self.mib), 1),
            **({"median_cpu_s": round(statistics.median(self.cpu), 3)} if self.cpu else {}),
        }


@dataclass
class Row:
    name: str
    people: int | None
    ours_label: str
    peer_label: str
    ours: Series
    peer: Series | None
    targets: list[Target]
    note: str = ""

    def ratios(self) -> tuple[float | None, float | None]:
        if self.peer is None or not self.peer.seconds:
            return None, None
        o, p = self.ours.summary(), self.peer.summary()
        return o["median_s"] / p["median_s"], o["median_mib"] / p["median_mib"]

    def settle(self) -> None:
        t_ratio, m_ratio = self.ratios()
        o = self.ours.summary()
        values = {
            "time ratio": t_ratio,
            "memory ratio": m_ratio,
            "seconds": o["median_s"],
            "MiB": o["median_mib"],
        }
        for t in self.targets:
            t.value = values[t.what]

    def as_json(self) -> dict[str, object]:
        t_ratio, m_ratio = self.ratios()
        return {
            "name": self.name,
            "people": self.people,
            "silverage": {"command": self.ours_label, **self.ours.summary()},
            "peer": None if self.peer is None else {"command": self.peer_label, **self.peer.summary()},
            "time_ratio": None if t_ratio is None else round(t_ratio, 2),
            "memory_ratio": None if m_ratio is None else round(m_ratio, 2),
            "targets": [{"target": t.text(), "value": t.value, "met": t.met} for t in self.targets],
            "met": all(t.met for t in self.targets),
            "note": self.note,
        }


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.today = args.today
        self.repeats = args.repeats
        self.folder = Path(args.cache or Path(tempfile.gettempdir()) / "silverage-compare")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix="silverage-compare-run-"))
        self.env = dict(
            os.environ,
            SILVERAGE_TODAY=self.today,
            QT_QPA_PLATFORM="offscreen",
            SILVERAGE_HOME=str(self.work / "home"),
        )
        self.silverage = silverage_script()
        self.python = sys.executable
        self.builds: dict[int, dict[str, float]] = {}
        if not args.as_is:
            self.compile_app()

    def compile_app(self) -> None:
        """Write the bytecode of the silverage package being measured, as installing it does (pip,
        the frozen app): with PYTHONDONTWRITEBYTECODE set and a source tree, every start would
        otherwise compile the ~100 modules it imports (about 0.2 s here), which no installed app does."""
        where = subprocess.run(
            [self.python, "-c", "import silverage, pathlib; print(pathlib.Path(silverage.__file__).parent)"],
            env=self.env, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        subprocess.run([self.python, "-m", "compileall", "-q", where], env=self.env, capture_output=True)
        print(f"bytecode of {where} written (--as-is: measure without)")

    # ------------------------------------------------------------------ databases

    def database(self, people: int) -> Path:
        """The demo roster of ``people`` on the pinned day, built once and kept."""
        db = self.folder / f"people-{people}-{self.today}.sqlite"
        info = db.with_suffix(".build.json")
        if not db.exists():
            print(f"building the {people:,}-person demo database in {db} (once) ...", flush=True)
            tmp = db.with_name(db.stem + ".building.sqlite")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            m = measure(
                [*self.silverage, "--db", str(tmp), "demo", "--elders", str(people), "--json"], self.env
            )
            info.write_text(json.dumps({"s": m.seconds, "mib": m.peak_mib}))
            tmp.rename(db)
        if info.exists():
            self.builds[people] = json.loads(info.read_text())
        return db

    def scratch_copy(self, db: Path) -> Path:
        """A copy a command may change (planning writes visits); the cached database stays as built."""
        out = self.work / f"scratch-{db.name}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(db, out)
        return out

    # ------------------------------------------------------------------ running

    def interleave(
        self,
        ours: Callable[[], list[str]],
        peer: Callable[[], list[str]] | None,
        before: Callable[[], None] | None = None,
    ) -> tuple[Series, Series | None]:
        """One untimed warm-up of each, then ``repeats`` rounds of silverage then peer."""
        a, b = Series(), Series() if peer is not None else None
        for round_no in range(self.repeats + 1):
            if before:
                before()
            m = measure(ours(), self.env)
            if round_no:
                a.add(m)
            if peer is not None and b is not None:
                m = measure(peer(), self.env)
                if round_no:
                    b.add(m)
            print("." if round_no else "w", end="", flush=True)
        print(flush=True)
        return a, b

    def startup(self, people: int) -> Row:
        db = str(self.database(people))
        ours, peer = self.interleave(
            lambda: [*self.silverage, "--db", db, "selftest"],
            lambda: [self.python, str(PEERS / "bare_table.py"), db],
        )
        big = people >= 100_000
        targets = [Target("time ratio", 2.5 if big else 2.0)]
        targets.append(Target("MiB", 300) if big else Target("memory ratio", 1.6))
        return Row(
            "start-up to painted roster",
            people,
            "silverage selftest",
            "bare PySide6 table",
            ours,
            peer,
            targets,
        )

    def cli(self, flag: str) -> Row:
        ours, peer = self.interleave(lambda: [*self.silverage, flag], lambda: [self.python, "-c", "pass"])
        return Row(
            f"command line {flag}",
            None,
            f"silverage {flag}",
            "python -c pass",
            ours,
            peer,
            [Target("time ratio", 5.0)],
        )

    def export(self, people: int) -> Row:
        db = str(self.database(people))
        out = self.work / "export.xlsx"
        ours, peer = self.interleave(
            lambda: [*self.silverage, "--db", db, "export", "roster", str(out)],
            lambda: [self.python, str(PEERS / "export_pandas.py"), db, str(self.work / "pandas.xlsx")],
        )
        return Row(
            "Excel export of the roster",
            people,
            "silverage export roster",
            "pandas read_sql + to_excel",
            ours,
            peer,
            # The figure is at 100,000 (0.89x pandas): keep it there. At 979 both are start-up.
            [Target("time ratio", 1.0)] if people >= 100_000 else [],
        )

    def month(self) -> tuple[str, str]:
        """The pinned day's month, first to last day: what ``plan`` plans here."""
        start = date.fromisoformat(self.today).replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return str(start), str(end)

    def planned_database(self, people: int) -> Path:
        """The demo roster with this month planned (the visit sheets print open visits), built once."""
        db = self.database(people)
        planned = db.with_name(db.stem + ".planned.sqlite")
        if not planned.exists():
            print(f"planning the month once in {planned} ...", flush=True)
            tmp = self.scratch_copy(db)
            measure(
                [
                    *self.silverage,
                    "--db",
                    str(tmp),
                    "plan",
                    "--from",
                    self.month()[0],
                    "--to",
                    self.month()[1],
                ],
                self.env,
            )
            shutil.move(tmp, planned)
        return planned

    def print_period(self, db: Path, wanted: int = 100_000) -> tuple[str, str, int]:
        """The first days of open visits holding about ``wanted`` of them (all of them for a small roster)."""
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            days = con.execute(
                "SELECT planned_date, COUNT(*) FROM visit WHERE volunteer_id IS NOT NULL "
                "AND status IN ('planned', 'confirmed') GROUP BY planned_date ORDER BY planned_date"
            ).fetchall()
        finally:
            con.close()
        total, end = 0, days[0][0]
        for day, n in days:
            total, end = total + n, day
            if total >= wanted:
                break
        return days[0][0], end, total

    def print_table(self, db: Path, start: str, end: str) -> Path:
        """The same visits as a plain table for LibreOffice (written untimed, once per size)."""
        out = self.work / f"visits-{db.stem}.csv"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT v.code, v.planned_date, vo.name, e.name, e.address_detail || e.address_building ||"
                " e.address_unit || e.address_room, e.level FROM visit v JOIN elder e ON v.elder_id = e.id"
                " JOIN volunteer vo ON v.volunteer_id = vo.id WHERE v.planned_date BETWEEN ? AND ?"
                " AND v.status IN ('planned', 'confirmed') ORDER BY vo.id, v.planned_date",
                (start, end),
            )
            with out.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(rows)
        finally:
            con.close()
        return out

    def printing(self, people: int) -> Row:
        db = self.planned_database(people)
        start, end, visits = self.print_period(db)
        table = self.print_table(db, start, end)
        have_lo = shutil.which("soffice") or shutil.which("libreoffice")
        peer = (
            (lambda: [self.python, str(PEERS / "print_soffice.py"), str(table), str(self.work)])
            if have_lo
            else None
        )
        ours, theirs = self.interleave(
            lambda: [
                *self.silverage,
                "--db",
                str(db),
                "sheets",
                str(self.work / "sheets.pdf"),
                "--from",
                start,
                "--to",
                end,
            ],
            peer,
        )
        targets = [Target("MiB", 300)] if people >= 100_000 else []
        return Row(
            "visit sheets PDF",
            people,
            f"silverage sheets ({visits:,} visits {start}..{end})",
            "LibreOffice headless CSV -> PDF" if have_lo else "(LibreOffice not installed)",
            ours,
            theirs,
            targets,
        )

    def plan(self, people: int) -> Row:
        db = self.database(people)
        start, end = self.month()
        scratch: list[Path] = []

        def fresh() -> None:
            scratch[:] = [self.scratch_copy(db)]

        ours, _ = self.interleave(
            lambda: [
                *self.silverage,
                "--db",
                str(scratch[0]),
                "plan",
                "--from",
                str(start),
                "--to",
                str(end),
            ],
            None,
            before=fresh,
        )
        targets = [Target("seconds", 45), Target("MiB", 600)] if people >= 100_000 else []
        return Row("plan a month", people, f"silverage plan {start}..{end}", "-", ours, None, targets)

    def build(self, people: int) -> Row | None:
        self.database(people)
        info = self.builds.get(people)
        if info is None:
            return None
        ours = Series([info["s"]], [info["mib"]])
        targets = [Target("MiB", 600)] if people >= 100_000 else []
        return Row(
            "demo build", people, "silverage demo", "-", ours, None, targets, note="measured once, when built"
        )


def fmt_series(s: Series | None) -> tuple[str, str]:
    if s is None or not s.seconds:
        return "-", "-"
    d = s.summary()
    return (
        f"{d['median_s']:.3f} s ({d['min_s']:.3f}-{d['max_s']:.3f})",
        f"{d['median_mib']:.0f} MiB ({d['min_mib']:.0f}-{d['max_mib']:.0f})",
    )


def table(rows: list[Row]) -> str:
    head = ["comparison", "people", "silverage time", "silverage memory", "peer", "peer time", "peer memory",
            "ratio", "target", "result"]  # fmt: skip
    lines = [head]
    for r in rows:
        ot, om = fmt_series(r.ours)
        pt, pm = fmt_series(r.peer)
        t_ratio, m_ratio = r.ratios()
        ratio = "-" if t_ratio is None else f"{t_ratio:.2f}x time, {m_ratio:.2f}x memory"
        targets = ", ".join(t.text() for t in r.targets) or "-"
        result = ", ".join("MET" if t.met else "MISSED" for t in r.targets) or "-"
        people = "-" if r.people is None else f"{r.people:,}"
        lines.append([r.name, people, ot, om, r.peer_label, pt, pm, ratio, targets, result])
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(line) + " |" for line in lines[1:]]
    return "\n".join(out)


def cpu_lines(rows: list[Row]) -> str:
    """Median CPU seconds (user + system) of each side: load on a shared machine stretches wall
    times far more than it does these."""
    out = []
    for r in rows:
        if not r.ours.cpu:
            continue
        ours = statistics.median(r.ours.cpu)
        line = f"CPU {r.name} ({r.people or '-'}): silverage {ours:.2f} s"
        if r.peer is not None and r.peer.cpu:
            peer = statistics.median(r.peer.cpu)
            line += f", peer {peer:.2f} s ({ours / peer:.2f}x)" if peer else f", peer {peer:.2f} s"
        out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, nargs="+", default=[979, 100_000])
    ap.add_argument("--repeats", type=int, default=5, help="timed rounds of each pair (after one warm-up)")
    ap.add_argument("--only", nargs="+", choices=ROWS, default=list(ROWS))
    ap.add_argument("--today", default=os.environ.get("SILVERAGE_TODAY") or DEFAULT_TODAY)
    ap.add_argument(
        "--cache", help="folder for the built demo databases (default: $TMPDIR/silverage-compare)"
    )
    ap.add_argument("--json", dest="json_out", help="also write the results here")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any target is missed")
    ap.add_argument(
        "--as-is", action="store_true", help="do not write the package's bytecode first (see compile_app)"
    )
    args = ap.parse_args(argv)
    bench = Bench(args)
    print(f"SILVERAGE_TODAY={bench.today}, {args.repeats} rounds, silverage = {' '.join(bench.silverage)}")
    rows: list[Row] = []
    try:
        if "cli" in args.only:
            for flag in ("--version", "--help"):
                print(f"command line {flag} ", end="")
                rows.append(bench.cli(flag))
        for people in args.people:
            for what in ("startup", "export", "print", "plan", "build"):
                if what not in args.only or (what == "plan" and people < 100_000):
                    continue
                print(f"{what} at {people:,} people ", end="")
                row = {"startup": bench.startup, "export": bench.export, "print": bench.printing,
                       "plan": bench.plan, "build": bench.build}[what](people)  # fmt: skip
                if row is None:
                    print("(no build figures: the database was built before they were recorded)")
                    continue
                rows.append(row)
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    for r in rows:
        r.settle()
    print()
    print(table(rows))
    print()
    print(cpu_lines(rows))
    missed = [
        f"{r.name} ({r.people or '-'}): {t.text()}, got {t.value:.2f}"
        for r in rows
        for t in r.targets
        if not t.met
    ]
    print()
    print("MISSED: " + "; ".join(missed) if missed else "every target met")
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps(
                {
                    "silverage_today": bench.today,
                    "repeats": args.repeats,
                    "rows": [r.as_json() for r in rows],
                    "missed": missed,
                },  # fmt: skip
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
