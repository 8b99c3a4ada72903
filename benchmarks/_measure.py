"""Run a command as a child process and report its wall time and peak memory (Linux/macOS).

Each command runs under its own small parent, so the peak RSS (and the CPU time) reported is that
command's alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_PARENT = (
    "import resource, subprocess, sys, time, json\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
    "dt = time.perf_counter() - t\n"
    "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "kb, cpu = ru.ru_maxrss, ru.ru_utime + ru.ru_stime\n"
    "sys.stderr.write(json.dumps({'rc': p.returncode, 's': dt, 'kb': kb, 'cpu': cpu, 'bytes': len(p.stdout),"
    " 'err': p.stderr.decode(errors='replace')[-400:]}) + '\\n')\n"
    "sys.stdout.buffer.write(p.stdout)\n"
)


@dataclass
class Measured:
    seconds: float
    peak_mib: float
    stdout: bytes
    returncode: int
    cpu_s: float = 0.0  # user + system CPU seconds: what load on a shared machine changes least


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    proc = subprocess.run([sys.executable, "-c", _PARENT, *cmd], capture_output=True, env=env)
    info = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    if info["rc"] != 0:
        raise SystemExit(f"command failed ({info['rc']}): {' '.join(cmd)}\n{info['err']}")
    return Measured(info["s"], info["kb"] / 1024, proc.stdout, info["rc"], info["cpu"])
