"""Person-level files: content, types, pseudonyms, neutralised formulas, and their audit."""

import csv
import hashlib
import io
from datetime import date, datetime

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import Enrolment
from lms.models import AuditLogEntry
from records.selectors import pseudonym

from .conftest import administrator, certificate_for, officer

pytestmark = pytest.mark.django_db


def download(client, name, params=None) -> bytes:
    response = client.get(reverse(f"records:{name}"), params or {})
    assert response.status_code == 200, response.content[:500]
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_one_row_per_round_in_scope(world, client):
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, "export_csv"))
    assert rows[0][:3] == ["Trainee", "Organisation", "Sector"]
    assert len(rows) == 1 + len(world.senegal_enrolments)
    assert {row[1] for row in rows[1:]} == {"Dakar border post", "Thiès court"}
    assert "Bamako border post" not in {row[1] for row in rows[1:]}


def test_trainees_are_pseudonymous_by_default_and_stable_within_a_scope(world, client):
    client.force_login(world.officer_senegal)
    first = csv_rows(download(client, "export_csv"))
    second = csv_rows(download(client, "export_csv"))
    assert [row[0] for row in first] == [row[0] for row in second]
    awa = world.senegal_enrolments[0].trainee
    pseudonyms = [row[0] for row in first[1:]]
    assert all(p.startswith("P-") for p in pseudonyms)
    assert len(set(pseudonyms)) == 2  # Awa's two rounds share one pseudonym
    assert str(awa.pk) not in pseudonyms and awa.last_name not in first[1][0]
    # Another scope gets unrelated pseudonyms for the same trainee.
    client.force_login(administrator())
    everyone = csv_rows(download(client, "export_csv"))
    assert not set(pseudonyms) & {row[0] for row in everyone[1:]}


def test_names_only_when_asked(world, client):
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, "export_csv", {"identity": "name"}))
    awa = world.senegal_enrolments[0].trainee
    assert awa.get_full_name() in {row[0] for row in rows}


def test_bom_for_excel(world, client):
    client.force_login(world.officer_senegal)
    assert download(client, "export_csv", {"bom": "1"}).startswith("\ufeff".encode())
    assert not download(client, "export_csv").startswith("\ufeff".encode())


def test_headers_in_the_language_of_the_page(world, client):
    client.force_login(world.officer_senegal)
    headers = csv_rows(download(client, "export_csv"))[0]
    assert "Country" in headers and "Course" in headers
    with translation.override("fr"):
        headers = csv_rows(download(client, "export_csv"))[0]
    assert "Pays" in headers and "Formation" in headers


def test_formulas_typed_by_people_are_neutralised(world, client):
    world.dakar_post.name = '=HYPERLINK("http://evil.example","x")'
    world.dakar_post.save()
    world.cohort.name = "@SUM(1+1)"
    world.cohort.save()
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, "export_csv"))
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in {row[1] for row in rows}
    assert "'@SUM(1+1)" in {row[6] for row in rows}
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "export_xlsx"))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "@")) for v in values)


def test_xlsx_reads_back_with_dates_and_numbers(world, client):
    certificate_for(world.senegal_enrolments[0], expires_on=date(2028, 3, 20))
    client.force_login(world.officer_senegal)
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "export_xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert len(rows) == 1 + len(world.senegal_enrolments)
    by_header = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    completed = [row for row in by_header if row["Completed on"] is not None]
    assert all(isinstance(row["Enrolled on"], datetime) for row in by_header)
    assert all(isinstance(row["Completed on"], datetime) for row in completed)
    assert sorted(row["Score (%)"] for row in completed) == [80, 90]
    assert all(isinstance(row["Score (%)"], int | float) for row in completed)
    with_certificate = [row for row in by_header if row["Certificate serial"]]
    assert len(with_certificate) == 1
    assert with_certificate[0]["Certificate status"] == "Valid"
    assert with_certificate[0]["Certificate expires on"] == datetime(2028, 3, 20)


def test_csv_writes_iso_dates_and_plain_numbers(world, client):
    from decimal import Decimal

    first = world.senegal_enrolments[0]
    first.score = Decimal("87.50")
    first.save(update_fields=["score"])
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, "export_csv"))
    by_header = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert sorted(row["Score (%)"] for row in by_header if row["Score (%)"]) == ["87.5", "90"]
    assert all(len(row["Enrolled on"]) == 10 and date.fromisoformat(row["Enrolled on"]) for row in by_header)
    assert {row["Completed on"] for row in by_header} >= {""}  # the open round has no date


def test_a_scope_without_rounds_gets_the_header_alone(world, client):
    from lms.models import Country

    client.force_login(officer(countries=[Country.objects.create(code="GN", name="Guinea")]))
    rows = csv_rows(download(client, "export_csv"))
    assert len(rows) == 1 and rows[0][0] == "Trainee"


def test_certificate_status_is_computed_today(world, client):
    certificate_for(world.senegal_enrolments[0], expires_on=date(2020, 1, 1))
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, "export_csv"))
    assert "Expired" in {row[12] for row in rows}


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx"])
def test_each_download_is_audited_with_rows_and_hash(world, client, name):
    client.force_login(world.officer_senegal)
    before = AuditLogEntry.objects.count()
    data = download(client, name, {"organisation": world.dakar_post.pk})
    entry = AuditLogEntry.objects.order_by("-id").first()
    assert AuditLogEntry.objects.count() == before + 1
    assert entry.action == "records.exported"
    assert entry.actor == world.officer_senegal
    assert entry.data["rows"] == 2
    assert entry.data["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry.data["format"] == name.removeprefix("export_")
    assert entry.data["filters"] == {"organisation": world.dakar_post.pk}
    assert entry.data["complete"] is True


def test_audit_log_chain_stays_valid(world, client):
    from lms.audit import verify_chain

    client.force_login(world.officer_senegal)
    download(client, "export_csv")
    download(client, "export_xlsx")
    assert verify_chain().ok


def test_pdf_summary_cites_the_matching_csv_and_is_audited(world, client):
    client.force_login(world.officer_senegal)
    csv_data = download(client, "export_csv", {"organisation": world.dakar_post.pk})
    pdf = download(client, "summary_pdf", {"organisation": world.dakar_post.pk})
    assert pdf.startswith(b"%PDF")
    entry = AuditLogEntry.objects.order_by("-id").first()
    assert entry.data["format"] == "pdf"
    assert entry.data["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert entry.data["csv_sha256"] == hashlib.sha256(csv_data).hexdigest()
    assert entry.data["rows"] == 2


def test_pdf_text_has_the_filters_the_officer_and_the_hash(world, client, tmp_path):
    from tests.certificates.conftest import pdftotext

    client.force_login(world.officer_senegal)
    csv_data = download(client, "export_csv", {"organisation": world.dakar_post.pk})
    text = pdftotext(download(client, "summary_pdf", {"organisation": world.dakar_post.pk}), tmp_path)
    assert "Dakar border post" in text
    assert world.officer_senegal.get_full_name() in text
    assert hashlib.sha256(csv_data).hexdigest()[:32] in text.replace("\n", "")


# Session, user, roles, scope identity (1: the scope's countries joined with its organisations),
# the names of organisations, sectors, countries, regions and cohorts (5, once per file), the
# course titles in the file's language (1, once per file), the rows (one query), the audit entry
# (chained: 10).
EXPORT_QUERIES = 23  # includes reading the officer's scope once, as id lists


def test_export_uses_one_query_for_the_rows_whatever_their_number(world, client, django_assert_num_queries):
    user = officer(countries=[world.senegal])
    client.force_login(user)
    download(client, "export_csv")  # warm caches
    with django_assert_num_queries(EXPORT_QUERIES):
        download(client, "export_csv")
    for extra in range(10):
        Enrolment.objects.create(
            trainee=world.senegal_enrolments[2].trainee, course_key=world.course.translation_key,
            course_title="Old round", round=10 + extra, status=Enrolment.Status.WITHDRAWN,
            completion_rule="required_lessons", country=world.senegal,
        )
    with django_assert_num_queries(EXPORT_QUERIES):
        data = download(client, "export_csv")
    assert len(csv_rows(data)) == 1 + 3 + 10


def test_pseudonym_is_keyed(settings):
    assert pseudonym(1, "all") == pseudonym(1, "all")
    assert pseudonym(1, "all") != pseudonym(2, "all")
    first = pseudonym(1, "all")
    settings.SECRET_KEY = "another secret key, long enough for tests"
    assert pseudonym(1, "all") != first
