"""The peer for printing: LibreOffice headless turns a table of the same visits into a PDF.

    python benchmarks/peers/print_soffice.py TABLE.csv OUTDIR

``compare.py`` writes the visits to TABLE.csv first (untimed); this script times nothing itself.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def main() -> int:
    exe = soffice()
    if exe is None:
        print("LibreOffice (soffice) not found", file=sys.stderr)
        return 3
    profile = Path(tempfile.mkdtemp(prefix="silverage-lo-"))
    try:
        return subprocess.run(
            [
                exe,
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--infilter=CSV:44,34,76,1",
                "--convert-to",
                "pdf",
                "--outdir",
                sys.argv[2],
                sys.argv[1],
            ],
            capture_output=True,
        ).returncode
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
