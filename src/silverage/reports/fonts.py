"""The CJK font every printout uses, embedded as a subset so any viewer shows the same glyphs.

reportlab embeds TrueType outlines only (CFF fonts such as Noto Sans CJK are refused), so the bundled
WenQuanYi Micro Hei (.ttc, TrueType outlines, every character we print including digits and Latin) is the
default. An office may configure a system font instead (e.g. ``C:\\Windows\\Fonts\\simhei.ttf``) through
``SILVERAGE_PDF_FONT``; if that file cannot be loaded we fall back to the bundled font rather than fail.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from silverage.paths import font_path

log = logging.getLogger(__name__)

BUNDLED = "SilverageCJK"
ENV_VAR = "SILVERAGE_PDF_FONT"


def _register(name: str, path: Path) -> None:
    if name in pdfmetrics.getRegisteredFontNames():
        return
    # subfontIndex only matters for .ttc collections; TrueType fonts are always embedded as a subset.
    if path.suffix.lower() == ".ttc":
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    else:
        pdfmetrics.registerFont(TTFont(name, str(path)))


def configured_font() -> Path | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


def register_fonts(system_font: str | Path | None = None) -> str:
    """Register the font to print with and return its reportlab name.

    ``system_font`` (or ``$SILVERAGE_PDF_FONT``) names a TrueType font file to use instead of the
    bundled one; a file that is missing or has PostScript outlines is logged and skipped.
    """
    _register(BUNDLED, font_path())
    chosen = Path(system_font) if system_font else configured_font()
    if chosen is None:
        return BUNDLED
    name = f"SilverageSys{zlib.crc32(str(chosen).encode()):08x}"
    try:
        _register(name, chosen)
    except Exception as exc:  # a wrong path must not stop the office from printing
        log.warning("Configured PDF font %s not usable (%s); using the bundled font", chosen, exc)
        return BUNDLED
    return name
