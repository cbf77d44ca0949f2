"""Bulk downloads: a streamed ZIP of a cohort's (or a filtered set's) certificates with a manifest."""

import csv
import hashlib
import io
import zipfile

import pytest
from django.urls import reverse

from certificates import services
from certificates.bulk import manifest_csv
from certificates.models import Certificate
from lms import roles
from lms.models import AuditLogEntry, ReportingScope
from lms.spreadsheets import neutralise
from tests.certificates.conftest import complete_course
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(django_capture_on_commit_callbacks):
    cohort = CohortFactory(name="Abidjan workshop")
    names = ["Awa Sarr", "=HYPERLINK(\"http://evil\")", "فاطمة بن علي"]
    with django_capture_on_commit_callbacks(execute=True):
        for name in names:
            complete_course(UserFactory(certificate_name=name), cohort.course, cohort=cohort)
    return cohort


def read_zip(response):
    assert response.streaming
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_trainer_downloads_the_cohort_as_a_zip_with_a_manifest(client, cohort):
    revoked = Certificate.objects.filter(enrolment__cohort=cohort).first()
    services.revoke_certificate(certificate=revoked, by=None, reason="x")
    client.force_login(cohort.facilitator)
    response = client.get(reverse("certificates:cohort_bulk_download", args=[cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = read_zip(response)
    names = archive.namelist()
    assert names[0] == "manifest.csv" and len(names) == 4
    rows = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode("utf-8-sig"))))
    assert len(rows) == 3
    for row in rows:
        certificate = Certificate.objects.get(serial=row["serial"])
        assert row["sha256"] == certificate.pdf_sha256
        assert hashlib.sha256(archive.read(row["file"])).hexdigest() == row["sha256"]
        assert row["status"] == ("revoked" if certificate == revoked else "valid")
    assert any(row["name"] == "'=HYPERLINK(\"http://evil\")" for row in rows)
    assert any(row["name"] == "فاطمة بن علي" for row in rows)
    entry = AuditLogEntry.objects.get(action="certificate.bulk_downloaded")
    assert entry.actor == cohort.facilitator and entry.data["count"] == 3


def test_another_trainer_or_a_trainee_gets_404(client, cohort):
    client.force_login(UserFactory(role=roles.TRAINER))
    assert client.get(reverse("certificates:cohort_bulk_download", args=[cohort.pk])).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("certificates:bulk_download")).status_code == 404
    assert client.get(reverse("certificates:list")).status_code == 404


def test_a_ministry_officer_downloads_a_filtered_set_in_scope(client, cohort, course):
    outside = services.issue_certificate(enrolment=complete_course(UserFactory(), course))
    Certificate.objects.filter(pk=outside.pk).update(enrolment=None)  # no workplace: in no scope
    officer = UserFactory(role=roles.MINISTRY_OFFICER)
    scope = ReportingScope.objects.create(officer=officer)
    first = Certificate.objects.filter(enrolment__cohort=cohort).order_by("serial").first()
    scope.organisations.add(first.enrolment.organisation)
    client.force_login(officer)

    listing = client.get(reverse("certificates:list")).content.decode()
    assert first.serial in listing and outside.serial not in listing

    response = client.get(reverse("certificates:bulk_download"), {"status": "valid"})
    archive = read_zip(response)
    rows = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode("utf-8-sig"))))
    assert [row["serial"] for row in rows] == [first.serial]


def test_the_zip_is_streamed_in_chunks(client, cohort):
    client.force_login(cohort.facilitator)
    response = client.get(reverse("certificates:cohort_bulk_download", args=[cohort.pk]))
    chunks = [chunk for chunk in response.streaming_content if chunk]
    assert len(chunks) >= 4  # the manifest, then each PDF as it is read


def test_formula_cells_are_neutralised():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Awa") == "Awa"


def test_the_manifest_is_utf8_with_a_byte_order_mark():
    assert manifest_csv([]).startswith("\ufeff".encode())
