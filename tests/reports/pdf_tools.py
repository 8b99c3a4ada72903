"""Reading our PDFs back the way a user's tools would: text, fonts, rendered pages, QR codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import ZBarSymbol, decode


def page_texts(path: Path) -> list[str]:
    """Text of each page with spaces removed (extractors put spaces between runs differently)."""
    return ["".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID: the last 5 columns are fixed.
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def render(path: Path, page: int, out_dir: Path, dpi: int = 150) -> Path:
    stem = out_dir / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def qr_codes(png: Path) -> set[str]:
    """Every QR code on the page, as a scanner aimed at each part of it would read them.

    zbar reading a whole page of small codes stacked in a column now and then groups finder
    patterns of neighbouring codes and skips one; a scanner sees one row at a time, so the page
    is also read in overlapping bands about an inch high.
    """
    image = Image.open(png).convert("L")
    dpi = round(image.width / 8.27)  # A4 is 8.27 inches wide
    bands = [image] + [
        image.crop((0, top, image.width, min(image.height, top + int(dpi * 1.2))))
        for top in range(0, image.height, int(dpi * 0.4))
    ]
    return {d.data.decode() for band in bands for d in decode(band, symbols=[ZBarSymbol.QRCODE])}
