"""The sign-in sheet PDF: made by the project's renderer, with the names, a signature column and the QR code."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from lms.models import AuditLogEntry
from tests.workshops.builders import member, session_at, workshop

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_sheet_lists_the_people_and_carries_the_check_in_code(client, tmp_path):
    existing = workshop()
    session = session_at(existing, topic="National referral mechanism")
    member(existing, certificate_name="Aminata Diallo")
    member(existing, certificate_name="Ousmane Ba")
    client.force_login(existing.cohort.facilitator)
    response = client.get(reverse("workshop_sign_in_sheet", args=[existing.pk, session.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run([shutil.which("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("National workshop on victim identification", "National referral mechanism", "Aminata Diallo", "Ousmane Ba", "Signature", "Organisation"):
        assert expected in text
    if shutil.which("zbarimg") and shutil.which("pdftoppm"):
        subprocess.run([shutil.which("pdftoppm"), "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "sheet")], check=True)
        decoded = subprocess.run([shutil.which("zbarimg"), "-q", "--raw", str(tmp_path / "sheet.png")], capture_output=True, text=True).stdout.strip()
        assert decoded == f"https://passage.test/check-in/{session.checkin_token}/"
    entry = AuditLogEntry.objects.get(action="workshop.sign_in_sheet")
    assert entry.data["people"] == 2


def test_a_trainee_cannot_download_the_sheet(client):
    existing = workshop()
    session = session_at(existing)
    client.force_login(member(existing))
    assert client.get(reverse("workshop_sign_in_sheet", args=[existing.pk, session.pk])).status_code == 404
