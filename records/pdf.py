"""The PDF summary of completion records, made by the PDF renderer's child process.

The web process builds the HTML and asks ``lms.pdf.pool`` for the PDF: WeasyPrint runs only in
the rendering child, within its time and memory limits, never in the web process.
"""

import hashlib
from dataclasses import dataclass

from django.template.loader import render_to_string

from lms.pdf import pool


@dataclass(frozen=True)
class Document:
    data: bytes
    sha256: str


def summary_pdf(*, request, context: dict) -> Document:
    """Render the summary; its styles are inline and its charts SVG, so it is handed no asset.

    The renderer's fetcher serves only the assets it is given: with none, no file, no URL, no
    ``data:`` can be read while rendering, whatever the filter labels contain. Raises
    ``pool.RenderError`` when the PDF cannot be made within the limits.
    """
    html = render_to_string("records/summary_pdf.html", context, request=request)
    data = pool.render(html, {}, pdf_variant=None).pdf
    return Document(data=data, sha256=hashlib.sha256(data).hexdigest())
