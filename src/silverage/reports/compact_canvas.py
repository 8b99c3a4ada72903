"""A reportlab canvas that compresses each page as it is finished, for documents of many pages.

reportlab keeps every page's drawing commands as text until ``save()`` writes the file, and
compresses them only then: 100,000 visits (tens of thousands of pages) held almost a gigabyte. Here
each page's content stream is deflated the moment the page ends, which is what ``save()`` would
have written for it (FlateDecode, then ASCII85 as reportlab is set to), so the file is the same
and a page costs its compressed size, a few KiB, until the end. The page plan knows every page
count before drawing (``sheet_layout``), so nothing needs the pages again.

This reaches into reportlab's page objects (``PDFPage.stream``/``Contents``, stable since reportlab
3); tests/reports/test_compact_canvas.py checks the pages still read back the same.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFBase85Encode, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas


class CompactCanvas(Canvas):
    """``Canvas`` whose finished pages hold their content already compressed."""

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        super().showPage()
        page = self._doc.Pages.pages[-1]
        text = page.stream
        if page.Contents or not text:  # nothing drawn: reportlab's own placeholder stream
            return
        filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
        content = text
        for f in reversed(filters):  # what PDFStream.format would apply at save()
            content = f.encode(content)
        stream = PDFStream(content=content, filters=())  # () = no filters left to apply
        stream.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])
        stream.__Comment__ = "page stream"
        page.Contents, page.stream = stream, None
