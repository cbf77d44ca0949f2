"""A ministry officer filters the records, downloads CSV, XLSX and the PDF summary; the audit log shows all three."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import openpyxl
import pytest

from lms.models import Country, Organisation, Region
from tests.e2e.conftest import sign_in
from tests.factories import SectorFactory, UserFactory, build_course
from tests.records.conftest import administrator, certificate_for, enrolment_for, officer

pytestmark = pytest.mark.django_db(transaction=True)


def build_records():
    """Senegal: six border officers completed the course in March 2026, two are still studying,
    two took another course; Mali: three completed (outside the officer's scope)."""
    senegal = Country.objects.create(code="SN", name="Senegal")
    mali = Country.objects.create(code="ML", name="Mali")
    dakar_post = Organisation.objects.create(
        name="Dakar border post", country=senegal, region=Region.objects.create(country=senegal, name="Dakar")
    )
    bamako_post = Organisation.objects.create(
        name="Bamako border post", country=mali, region=Region.objects.create(country=mali, name="Bamako")
    )
    sector = SectorFactory(name="Border and immigration police")
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    other = build_course("Reception centres", modules=1, lessons_per_module=1)

    def trainee(organisation):
        return UserFactory(organisation=organisation, sector=sector, country=organisation.country)

    march = datetime(2026, 3, 3, 10, tzinfo=UTC)
    for day in range(6):
        enrolment = enrolment_for(
            trainee(dakar_post), course, enrolled_at=march - timedelta(days=20),
            completed_at=march + timedelta(days=day), score=Decimal(70 + day * 5),
        )
        certificate_for(enrolment)
    for _ in range(2):
        enrolment_for(trainee(dakar_post), course, enrolled_at=march)
        enrolment_for(trainee(dakar_post), other, enrolled_at=march, completed_at=march, score=Decimal("90"))
    for _ in range(3):
        enrolment_for(trainee(bamako_post), course, enrolled_at=march, completed_at=march, score=Decimal("60"))
    officer(countries=[senegal], email="officer@example.org", first_name="Fatou", last_name="Sow")
    # Made with its address, so that the address is the verified one it signs in with.
    administrator(email="admin@example.org")
    return course


def test_officer_filters_downloads_three_files_and_the_audit_log_shows_them(page, browser, live_server, tmp_path):
    course = build_records()
    sign_in(page, "officer@example.org", "correct horse battery")
    page.get_by_role("link", name="Records").click()
    page.get_by_role("heading", name="Completion records").wait_for()

    page.get_by_label("Course (optional)").select_option(label=course.title)
    page.get_by_label("Completed from (optional)").fill("2026-03-01")
    page.get_by_label("Completed until (optional)").fill("2026-03-31")
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("Filtered by:").wait_for()
    assert "completed_from=2026-03-01" in page.url  # the view can be bookmarked and shared
    figures = dict(
        zip(page.locator(".figures dt").all_inner_texts(), page.locator(".figures dd").all_inner_texts(), strict=True)
    )
    assert figures["Completed"] == "6"
    assert "Mali" not in page.locator("main").inner_text()

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(open(csv_download.value.path(), encoding="utf-8").read())))
    assert len(rows) == 6
    assert {row["Country"] for row in rows} == {"Senegal"}
    assert all(date.fromisoformat(row["Completed on"]).month == 3 for row in rows)
    assert sorted(float(row["Score (%)"]) for row in rows) == [70, 75, 80, 85, 90, 95]
    assert all(row["Certificate serial"].startswith("PSG-2026-") for row in rows)
    assert len({row["Trainee"] for row in rows}) == 6  # pseudonyms, one per trainee

    with page.expect_download() as xlsx_download:
        page.get_by_role("button", name="Excel (XLSX)").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    sheet = openpyxl.load_workbook(xlsx_path, read_only=True).active
    header, *data = list(sheet.iter_rows(values_only=True))
    assert len(data) == 6
    completed = data[0][header.index("Completed on")]
    assert isinstance(completed, datetime | date) and completed.month == 3  # a real date cell
    assert isinstance(data[0][header.index("Score (%)")], int | float)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="PDF summary").click()
    assert open(pdf_download.value.path(), "rb").read(5) == b"%PDF-"

    # An administrator reads the three downloads in the audit log.
    context = browser.new_context(base_url=live_server.url)
    admin_page = context.new_page()
    sign_in(admin_page, "admin@example.org", "correct horse battery")
    admin_page.goto("/en/records/audit/")
    log = admin_page.locator("main").inner_text()
    assert log.count("officer@example.org") >= 3 or log.count("Fatou Sow") >= 3, log
    for kind in ("format: csv", "format: xlsx", "format: pdf"):
        assert kind in log, log
    assert "rows: 6" in log
    context.close()
