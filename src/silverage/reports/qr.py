"""The visit code as a QR code, drawn as vector runs so it stays sharp and small at any size.

Decoding was checked on pages rendered at 150 dpi: a version-1 code (21 modules) decodes reliably from
about 30 pt (10.6 mm) up, so the sheets use 68 pt in a home-visit block and 33 pt in a call row.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

from silverage.reports.page_parts import BLACK

QR_MASK = 2


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR modules for a visit code: version 1, medium error correction, no quiet zone.

    The mask pattern is fixed: any of the eight is a valid QR code, and scoring all eight (the library's
    default) made the QR code most of the cost of a sheet.
    """
    qr = qrcode.QRCode(version=1, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    qr.add_data(code)
    qr.make(fit=False)
    return qr.get_matrix()


def draw_qr(c: Canvas, code: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as filled runs of modules: small, sharp at any zoom, and fast.

    The runs are written in module units under a scaling transform, as whole numbers, so each
    module costs a few characters of PDF rather than four formatted floats.
    """
    matrix = qr_matrix(code)
    n = len(matrix)
    ops = []
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            ops.append(f"{start} {n - r - 1} {col - start} 1 re")
    c.saveState()
    c.setFillColorRGB(*BLACK)
    c.translate(x, y)
    c.scale(size / n, size / n)
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()
