"""Importing attendance: preview, confirm, all or nothing, size-limited, only the workshop's people."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import AuditLogEntry
from tests.workshops.builders import member, session_at, workshop
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(client):
    existing = workshop()
    first = session_at(existing, topic="Legal framework")
    awa = member(existing, email="awa@example.org")
    client.force_login(existing.cohort.facilitator)
    return existing, first, awa


def upload(client, existing, text):
    url = reverse("workshop_attendance_import", args=[existing.pk])
    return client.post(url, {"file": SimpleUploadedFile("attendance.csv", text.encode(), "text/csv")})


def test_preview_then_confirm_records_the_marks(client, setting):
    existing, first, awa = setting
    response = upload(client, existing, f"email,session,present\nawa@example.org,{first.date.isoformat()},yes\n")
    assert response.status_code == 200 and "Legal framework" in response.content.decode()
    assert not AttendanceMark.objects.exists()  # nothing before confirming
    url = reverse("workshop_attendance_import", args=[existing.pk])
    response = client.post(url, {"confirm": "1", "payload": response.context["payload"]}, follow=True)
    assert "1 attendance line imported." in response.content.decode()
    mark = AttendanceMark.objects.get()
    assert (mark.trainee, mark.session, mark.present, mark.source) == (awa, first, True, "csv")
    assert AuditLogEntry.objects.filter(action="workshop.attendance.import").exists()


def test_a_file_with_one_bad_line_records_nothing(client, setting):
    existing, first, awa = setting
    text = f"email,session,present\nawa@example.org,{first.pk},yes\nintruder@example.org,{first.pk},yes\n"
    response = upload(client, existing, text)
    page = response.content.decode()
    assert response.status_code == 400 and "Line 3: no one in this cohort has the address intruder@example.org." in page
    assert "payload" not in response.context or not response.context["payload"]
    assert not AttendanceMark.objects.exists()


def test_a_tampered_or_foreign_payload_is_refused(client, setting):
    existing, first, awa = setting
    other = workshop()
    other_session = session_at(other)
    member(other, email="bob@example.org")
    client.force_login(other.cohort.facilitator)
    preview = upload(client, other, f"email,session,present\nbob@example.org,{other_session.pk},yes\n")
    client.force_login(existing.cohort.facilitator)
    url = reverse("workshop_attendance_import", args=[existing.pk])
    for payload in (preview.context["payload"], "forged"):
        response = client.post(url, {"confirm": "1", "payload": payload}, follow=True)
        assert "The preview has expired or was changed." in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_a_large_file_is_refused(client, setting, settings):
    existing, first, awa = setting
    settings.PASSAGE_ATTENDANCE_CSV_MAX_BYTES = 1024
    text = "email,session,present\n" + f"awa@example.org,{first.pk},yes\n" * 200
    response = upload(client, existing, text)
    assert response.status_code == 400 and "The file is too large" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_a_file_that_is_not_utf8_is_explained(client, setting):
    existing, first, awa = setting
    url = reverse("workshop_attendance_import", args=[existing.pk])
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", "email,session,present\nawà,1,oui\n".encode("latin-1"))})
    assert response.status_code == 400 and "save it as “CSV UTF-8”" in response.content.decode()


def test_someone_elses_workshop_is_404(client, setting):
    existing, first, awa = setting
    other = workshop()
    assert client.get(reverse("workshop_attendance_import", args=[other.pk])).status_code == 404
