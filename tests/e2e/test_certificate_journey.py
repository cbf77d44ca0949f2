"""A trainee finishes a course, downloads the certificate, its QR code verifies; a trainer revokes it."""

import subprocess

import pytest

from courses import services as learning
from tests.certificates.conftest import require_tool
from tests.e2e.conftest import sign_in
from tests.factories import CohortFactory, UserFactory, lessons_of

pytestmark = pytest.mark.django_db(transaction=True)


def qr_url_of(pdf_path, tmp_path) -> str:
    subprocess.run([require_tool("pdftoppm"), "-png", "-r", "150", "-singlefile", str(pdf_path), str(tmp_path / "page")], check=True)
    decoded = subprocess.run([require_tool("zbarimg"), "--quiet", "--raw", str(tmp_path / "page.png")], capture_output=True, check=True)
    return decoded.stdout.decode().strip()


def test_certificate_from_completion_to_revocation(page, live_server, settings, tmp_path):
    settings.PUBLIC_BASE_URL = live_server.url  # QR codes point at this test server
    cohort = CohortFactory(name="Dakar workshop")
    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Sarr", certificate_name="Awa Sarr")
    learning.add_to_cohort(cohort=cohort, trainee=trainee)

    # The trainee reads every lesson and completes the course.
    sign_in(page, "awa@example.org", "correct horse battery")
    page.get_by_role("heading", name="My courses").wait_for()
    page.get_by_role("link", name=cohort.course.title).click()
    page.get_by_role("link", name="Start the course").click()
    lessons = lessons_of(cohort.course)
    for number, lesson in enumerate(lessons, start=1):
        page.get_by_role("heading", name=lesson.title, level=1).wait_for()
        page.get_by_role("button", name="Mark complete and continue" if number < len(lessons) else "Mark complete").click()
    page.get_by_text("you have completed").wait_for()

    # The certificate appears on the dashboard and downloads.
    page.get_by_role("link", name="My courses").click()
    certificates = page.locator("section.certificates")
    certificates.get_by_role("heading", name="Certificates").wait_for()
    with page.expect_download() as download_info:
        certificates.get_by_role("link", name="Download the certificate").click()
    download = download_info.value
    assert download.suggested_filename.startswith("PSG-") and download.suggested_filename.endswith(".pdf")
    pdf_path = tmp_path / "certificate.pdf"
    download.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF-")

    # Its QR code opens the public verify page, which says "valid".
    url = qr_url_of(pdf_path, tmp_path)
    assert url.startswith(f"{live_server.url}/verify/")
    page.goto(url)
    page.get_by_text("This certificate is genuine and valid.").wait_for()
    assert page.get_by_text("Awa Sarr").is_visible()

    # The trainer revokes it from the cohort's certificates.
    page.goto("/en/dashboard/")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, cohort.facilitator.email, "correct horse battery")
    page.goto(f"/en/certificates/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Revoke").click()
    page.get_by_label("Reason").fill("Did not attend the final session")
    page.get_by_role("button", name="Revoke the certificate").click()
    page.get_by_text("is revoked").wait_for()

    # The same QR address now says "revoked".
    page.goto(url)
    page.get_by_text("was revoked on").wait_for()
    assert page.locator(".verify-badge").inner_text() == "Revoked"
