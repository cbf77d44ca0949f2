"""The sign-in sheet of a session, made by the project's PDF renderer (``lms.pdf.pool``).

The web process builds the HTML; WeasyPrint runs only in the renderer's limited child. Styles
are inline and the QR code is inline SVG, so the renderer is handed no asset and reads no file.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from certificates.rendering.documents import qr_svg
from lms.pdf import pool
from workshops import selectors
from workshops.models import WorkshopSession

BLANK_ROWS = 5


@dataclass(frozen=True)
class Sheet:
    data: bytes
    sha256: str
    people: int


def checkin_url(session: WorkshopSession) -> str:
    """The session's check-in address, absolute (it is printed and scanned)."""
    return f"{settings.PUBLIC_BASE_URL}{reverse('workshops_checkin:check_in', args=[session.checkin_token])}"


def sign_in_sheet(*, session: WorkshopSession, request=None) -> Sheet:
    """The session's sheet: workshop, date, time, place, topic, one line per person to sign, the QR code.

    Raises ``pool.RenderError`` when the PDF cannot be made within the renderer's limits.
    """
    people = selectors.participants(session.workshop)
    url = checkin_url(session)
    html = render_to_string(
        "workshops/sign_in_sheet.html",
        {
            "session": session, "workshop": session.workshop, "people": people, "qr": qr_svg(url), "checkin_url": url,
            "blank_rows": range(BLANK_ROWS),  # for walk-ins who sign on paper
        },
        request=request,
    )
    data = pool.render(html, {}, pdf_variant=None).pdf
    return Sheet(data=data, sha256=hashlib.sha256(data).hexdigest(), people=len(people))
