"""A reportlab canvas that writes each finished page to the file at once, for documents of many pages.

reportlab keeps every page until ``save()`` and then joins the whole file in memory: 100,000 visits
(30,000 pages, about 100 MB of PDF) held about a gigabyte, and still 300 MiB once each page was kept
compressed. Here a page's dictionary and its content stream are written to the file the moment the
page ends, and the page is dropped; what has to wait for the end -- the page tree, the fonts (their
subsets grow as long as text is drawn), the catalog and document info -- is written by ``save()``,
then the cross-reference table. A PDF's objects may come in any order (the table says where each
one is), so the file reads the same as reportlab's own; object numbers are reportlab's, only their
places in the file differ.

A canvas that fails or is cancelled before ``save()`` calls ``abandon()``: the file is closed and,
if the canvas opened it itself, removed, so no half-written PDF is left under that name.

This reaches into reportlab's ``PDFDocument`` (``Reference``, ``idToObject``, ``numberToId``, the
header written by ``PDFFile``: stable since reportlab 3); tests/reports/test_stream_canvas.py checks
the pages still read back the same.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFCrossReferenceTable,
    PDFDocument,
    PDFFile,
    PDFIndirectObject,
    PDFObjectReference,
    PDFTrailer,
)
from reportlab.pdfgen.canvas import Canvas


class _StreamedDocument(PDFDocument):
    """A ``PDFDocument`` whose pages go to ``self._out`` as they are added (set up by ``_open``)."""

    _out: BinaryIO
    _own: Path | None  # the file this document opened (and so closes, and removes if abandoned)
    _start: int  # where the header begins in ``_out``
    _offset: int  # bytes written since the header began
    _written: set[str]
    _header_version: tuple[int, int]

    def _open(self, target: str | Path | BinaryIO) -> None:
        if isinstance(target, (str, Path)):
            self._own = Path(target)
            self._out = open(self._own, "wb")  # noqa: SIM115 (closed by save() or abandon())
        else:
            self._own, self._out = None, target
        self._start = self._out.tell() if self._out.seekable() else 0
        self._offset = 0
        self._written = set()
        self._header_version = self._pdfVersion
        self._emit(_header(self._pdfVersion))

    def _emit(self, data: bytes) -> int:
        at = self._offset
        self._out.write(data)
        self._offset += len(data)
        return at

    def _write_object(self, name: str) -> None:
        """Format one registered object, write it, and let it go: only its number and place stay."""
        obj = self.idToObject[name]
        data = PDFIndirectObject(name, obj).format(self)
        if not rl_config.invariant and rl_config.pdfComments:  # as PDFDocument.format labels objects
            data = f"% {name!a}: class {type(obj).__name__[:50]} \n".encode("latin-1") + data
        self.idToOffset[name] = self._emit(data)
        self._written.add(name)
        self.idToObject[name] = None  # the name stays registered; the object is gone

    def addPage(self, page: Any) -> None:  # noqa: N802 (reportlab's name)
        super().addPage(page)
        name = page.__InternalName__
        self._write_object(name)  # formatting the page registers its content stream ...
        self._write_object(page.Contents.__InternalName__)  # ... which goes out right after it
        self.Pages.pages[-1] = PDFObjectReference(name)  # the page tree needs only the number

    def format(self) -> bytes:
        """Write what is left (fonts, page tree, catalog, info), then the cross-reference table and
        the trailer; everything is in the file already, so nothing is returned."""
        self.encrypt.prepare(self)
        cat, info = self.Catalog, self.info
        self.Reference(cat)
        self.Reference(info)
        ids = []
        number = 1
        while number in self.numberToId:  # objects may register others while they are formatted
            name = self.numberToId[number]
            if name not in self._written:
                self._write_object(name)
            ids.append(name)
            number += 1
        xref = PDFCrossReferenceTable()
        xref.addsection(0, ids)
        at = self._emit(xref.format(self))
        trailer = PDFTrailer(
            startxref=at,
            Size=len(ids) + 1,
            Root=self.Reference(cat),
            Info=self.Reference(info),
            ID=self.ID(),
        )
        self._emit(trailer.format(self))
        if self._pdfVersion != self._header_version:  # a feature drawn late asked for a newer PDF
            end = self._out.tell()
            self._out.seek(self._start)
            self._out.write(_header(self._pdfVersion)[: len(_header(self._header_version))])
            self._out.seek(end)
        return b""

    def SaveToFile(self, filename: object, canvas: Canvas) -> None:  # noqa: N802 (reportlab's name)
        self.GetPDFData(canvas)  # fonts and outlines are realised, then format() writes the rest
        self._out.flush()
        if self._own is not None:
            self._out.close()

    def abandon(self) -> None:
        if self._own is None:
            return
        self._out.close()
        self._own.unlink(missing_ok=True)


def _header(version: tuple[int, int]) -> bytes:
    return PDFFile(version).strings[0]


class StreamCanvas(Canvas):
    """``Canvas`` that writes each page when it ends; ``save()`` finishes the file, ``abandon()``
    gives it up. ``filename`` is a path or a binary file open for writing (left open)."""

    def __init__(self, filename: str | Path | BinaryIO, **kw: Any) -> None:
        if kw.get("encrypt"):
            raise ValueError("StreamCanvas cannot encrypt: pages are written before the key exists")
        target = os.fspath(filename) if isinstance(filename, Path) else filename
        super().__init__(target, **kw)
        self._doc.__class__ = _StreamedDocument
        self._doc._open(target)

    def abandon(self) -> None:
        """Close the file without finishing it, removing it if this canvas opened it."""
        self._doc.abandon()
