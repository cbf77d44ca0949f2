"""The trainee's dashboard: certificates being prepared, ready to download, expired; the training record."""

import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import selectors, services
from certificates.models import Certificate, TrainingRecord
from tests.certificates.conftest import complete_course, pdftotext, require_tool
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_completed_course_shows_being_prepared_until_the_pdf_exists(client, completed):
    page = dashboard(client, completed.trainee)
    assert "Your certificate is being prepared" in page
    assert "certificates/pending.js" in page  # checks back without a manual refresh

    certificate = services.issue_certificate(enrolment=completed)
    assert "Your certificate is being prepared" in dashboard(client, completed.trainee)

    services.render_certificate_pdf(certificate=certificate)
    page = dashboard(client, completed.trainee)
    assert "being prepared" not in page
    assert reverse("certificates:download", args=[certificate.pk]) in page
    assert certificate.serial in page
    assert "pending.js" not in page


def test_an_expired_certificate_invites_to_take_the_course_again(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(expires_on=timezone.localdate() - timedelta(days=3))
    page = dashboard(client, issued.trainee)
    assert "Expired on" in page and "Take the course again to recertify" in page


def test_a_revoked_certificate_is_not_offered_for_download(client, issued):
    services.revoke_certificate(certificate=issued, by=None, reason="x")
    page = dashboard(client, issued.trainee)
    assert "revoked" in page
    assert reverse("certificates:download", args=[issued.pk]) not in page


def test_the_status_endpoint_says_when_nothing_is_pending(client, issued):
    client.force_login(issued.trainee)
    assert client.get(reverse("certificates:dashboard_status")).json() == {"pending": False}


def test_the_dashboard_reads_certificates_in_three_queries(issued, django_assert_num_queries):
    trainee = issued.trainee
    with django_assert_num_queries(3):
        summary = selectors.certificates_for_dashboard(trainee)
        assert summary.certificates and not summary.anything_pending


def test_a_trainee_without_completions_sees_no_certificate_section(client, trainee):
    assert "Training record" not in dashboard(client, trainee)


def test_the_training_record_lists_completed_courses_and_has_its_own_qr_code(
    client, issued, tmp_path, django_capture_on_commit_callbacks, settings
):
    second = build_course("Legal frameworks", modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(issued.trainee, second)
    client.force_login(issued.trainee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:training_record"))
    assert response.status_code == 302

    record = TrainingRecord.objects.get()
    assert [entry["course_title"] for entry in record.entries] == [issued.course_title, "Legal frameworks"]
    page = dashboard(client, issued.trainee)
    download = reverse("certificates:training_record_download", args=[record.pk])
    assert download in page

    pdf = b"".join(client.get(download).streaming_content)
    lines = [" ".join(line.split()) for line in pdftotext(pdf, tmp_path, "-layout").splitlines()]
    text = " ".join(lines)
    assert "Training record" in text and "Awa Sarr" in text
    assert any(issued.course_title in line and issued.serial in line for line in lines)
    assert any("Legal frameworks" in line for line in lines)
    assert any(line.startswith("Total hours") and line.endswith("2") for line in lines)

    (tmp_path / "record.pdf").write_bytes(pdf)
    subprocess.run([require_tool("pdftoppm"), "-png", "-r", "150", "-f", "1", "-singlefile", str(tmp_path / "record.pdf"), str(tmp_path / "record")], check=True)
    decoded = subprocess.run([require_tool("zbarimg"), "--quiet", "--raw", str(tmp_path / "record.png")], capture_output=True, check=True)
    url = decoded.stdout.decode().strip()
    assert url == f"{settings.PUBLIC_BASE_URL}/verify/{record.verification_code}/"

    check = client.get(url.removeprefix(settings.PUBLIC_BASE_URL)).content.decode()
    assert "Training record check" in check and issued.serial in check and "Valid" in check


def test_a_training_record_needs_a_completed_course(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("certificates:training_record"), follow=True)
    assert "Complete a course first" in response.content.decode()
    assert not TrainingRecord.objects.exists()
