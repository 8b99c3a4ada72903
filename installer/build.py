"""Freeze silverage for this OS into dist/silverage/ and smoke-test the result; fails loudly.

    python installer/build.py                # build requirements, freeze, smoke test
    python installer/build.py --installer    # then Inno Setup's ISCC (Windows: the setup .exe)
    python installer/build.py --no-install   # the build requirements are already there (CI cache)
    python installer/build.py --smoke-only   # only the smoke test of the dist/silverage already built

Steps: install the build requirements (PyInstaller with a lower bound, and the ``postgres`` extra's
driver so ``--db postgresql://…`` works frozen; never the package itself, which the spec takes from
src/), run installer/silverage.spec, then run the frozen ``silverage`` (offscreen, in a temporary
home): ``demo`` (exit 0), ``selftest`` (exit 0 and ``"ok": true``, with the roster shown), a
PostgreSQL URL nobody listens on (the driver's own "cannot connect", not "driver missing" nor an
internal error), and portable mode (a ``portable`` file beside the executable puts the data in
``data/`` beside it, one database file once closed). The same ``selftest`` run from source gives the
ratio of frozen to venv start-up printed at the end, with the bundle's size and the timings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "silverage.spec"
ISS = ROOT / "installer" / "silverage.iss"
DIST = ROOT / "dist"
BUNDLE = DIST / "silverage"
# 6.10: the first release with Python 3.13 and PySide6 6.8 hooks; 6.22 is what was checked here.
PYINSTALLER = "pyinstaller>=6.10"
POSTGRES_DB = "postgresql://silverage@127.0.0.1:9/nothing_listens_here"


class BuildFailed(Exception):
    pass


def project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]


def version() -> str:
    """The version in pyproject.toml, which must be the package's own ``__version__``."""
    wanted = project()["version"]
    init = (ROOT / "src" / "silverage" / "__init__.py").read_text(encoding="utf-8")
    if f'__version__ = "{wanted}"' not in init:
        raise BuildFailed(f"pyproject.toml says version {wanted}, src/silverage/__init__.py disagrees")
    return wanted


def numeric_version(text: str) -> str:
    """The release part (``0.1.0`` of ``0.1.0rc1``), which is all Windows' file version takes."""
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit()) if piece[:1].isdigit() else ""
        if not digits:
            break
        parts.append(str(int(digits)))
        if not piece.isdigit():
            break
    return ".".join(parts[:4]) or "0"


def step(title: str) -> float:
    print(f"\n== {title}", flush=True)
    return time.perf_counter()


def install_requirements() -> None:
    extras = project().get("optional-dependencies", {}).get("postgres", [])
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", PYINSTALLER, *extras]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def freeze() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
        ],
        check=True,
        cwd=ROOT,
    )


def executable(name: str = "silverage") -> Path:
    return BUNDLE / (f"{name}.exe" if os.name == "nt" else name)


def run(argv: list[str], env: dict[str, str], what: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)
    if proc.returncode != expect:
        raise BuildFailed(
            f"{what}: exit status {proc.returncode}, expected {expect}\n"
            f"stdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
        )
    return proc


def selftest(cmd: list[str], db: Path, env: dict[str, str], what: str) -> dict:
    proc = run([*cmd, "--db", str(db), "selftest"], env, what)
    result = json.loads(proc.stdout)
    if not result.get("ok") or result.get("rows_shown", 0) <= 0:
        raise BuildFailed(f"{what}: the roster was not shown: {result}")
    return result


def smoke_test(work: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k not in ("SILVERAGE_DB", "PYTHONPATH")}
    # PYTHONUTF8: the Chinese lines reach this script through a pipe, which on a Windows runner is
    # cp1252 otherwise (a console is not affected: Python writes to it in Unicode).
    env.update(SILVERAGE_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1")
    frozen = [str(executable())]
    db = work / "demo.sqlite"
    figures: dict[str, float] = {}

    t0 = step("smoke test: frozen demo")
    out = run([*frozen, "--db", str(db), "demo"], env, "frozen demo").stdout
    print(out.strip())
    figures["frozen_demo_s"] = time.perf_counter() - t0

    step("smoke test: frozen selftest")
    frozen_result = selftest(frozen, db, env, "frozen selftest")
    print(json.dumps(frozen_result, ensure_ascii=False))
    leftovers = sorted(p.name for p in work.glob("demo.sqlite-*"))
    if leftovers:
        raise BuildFailed(f"the frozen app left {leftovers} beside the database after a clean exit")

    step("smoke test: the venv's selftest on the same database (for the ratio)")
    source_env = dict(env, PYTHONPATH=str(ROOT / "src"))
    venv_result = selftest([sys.executable, "-m", "silverage"], db, source_env, "venv selftest")
    print(json.dumps(venv_result, ensure_ascii=False))
    figures["frozen_selftest_s"] = frozen_result["total_s"]
    figures["venv_selftest_s"] = venv_result["total_s"]

    step("smoke test: PostgreSQL driver in the frozen build")
    proc = run([*frozen, "--db", POSTGRES_DB, "check"], env, "frozen PostgreSQL URL", expect=2)
    if "无法连接数据库服务器" not in proc.stderr:  # not "需要驱动 psycopg", not "内部错误"
        raise BuildFailed(f"the frozen build cannot use PostgreSQL:\n{proc.stderr}")
    print(proc.stderr.strip())

    step("smoke test: portable mode")
    marker, data = BUNDLE / "portable", BUNDLE / "data"
    if data.exists():
        raise BuildFailed(f"{data} exists before the portable test: remove it")
    portable_env = {k: v for k, v in env.items() if k != "SILVERAGE_HOME"}
    marker.write_text("", encoding="utf-8")
    try:
        run([*frozen, "demo"], portable_env, "portable demo")
        found = sorted(p.name for p in data.iterdir()) if data.exists() else []
        if "silverage.sqlite" not in found or any(name.endswith(("-wal", "-shm")) for name in found):
            raise BuildFailed(f"portable mode: {data} holds {found}, expected one silverage.sqlite")
        print(f"portable: {data.name}/ holds {found}")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)
    return figures


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def build_installer(ver: str) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise BuildFailed(
            "ISCC (Inno Setup 6) not found: install it (choco install innosetup) or add it to PATH"
        )
    subprocess.run(
        [iscc, f"/DMyAppVersion={ver}", f"/DMyAppNumericVersion={numeric_version(ver)}", str(ISS)], check=True
    )
    return DIST / f"silverage-setup-{ver}.exe"


def size_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="do not pip-install the build requirements")
    parser.add_argument("--installer", action="store_true", help="then compile the Inno Setup installer")
    parser.add_argument(
        "--smoke-only", action="store_true", help="only smoke-test the dist/silverage already built"
    )
    args = parser.parse_args()
    try:
        ver = version()
        print(f"silverage {ver} for {sys.platform}, Python {sys.version.split()[0]}")
        if not args.no_install and not args.smoke_only:
            step("build requirements")
            install_requirements()
        t0 = step("freeze (PyInstaller)")
        if not args.smoke_only:
            freeze()
        freeze_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory(prefix="silverage-smoke-") as tmp:
            figures = smoke_test(Path(tmp))
        setup = build_installer(ver) if args.installer else None
    except (BuildFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"\nBUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print("\n== result")
    print(f"bundle: {BUNDLE} ({size_mib(BUNDLE):.0f} MiB)")
    print(f"freeze: {freeze_s:.1f} s; frozen demo: {figures['frozen_demo_s']:.1f} s")
    frozen, venv = figures["frozen_selftest_s"], figures["venv_selftest_s"]
    print(f"selftest total: frozen {frozen:.2f} s, venv {venv:.2f} s (frozen/venv {frozen / venv:.2f}x)")
    if setup is not None:
        print(f"installer: {setup} ({setup.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
