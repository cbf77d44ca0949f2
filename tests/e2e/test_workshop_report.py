"""The organiser opens the workshop's report, downloads it as XLSX, and reads the figures back as numbers."""

import io

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import sign_in
from tests.workshops.conftest import build_past

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_organiser_downloads_the_report_and_reads_it_back(page):
    past = build_past()
    sign_in(page, past.trainer.email, "correct horse battery")
    page.goto(f"/en/workshops/{past.workshop.pk}/")
    page.get_by_role("link", name="Report", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Report:")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download (Excel, XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    rows = list(load_workbook(io.BytesIO(open(download.path(), "rb").read()), read_only=True).active.iter_rows(values_only=True))
    by_item = {row[1]: row for row in rows if row[1]}
    attendance = by_item["Attendance rate"][2]
    mean_gain, n = by_item["Mean gain (points)"][2], by_item["Mean gain (points)"][3]
    response_rate = by_item["Satisfaction survey: Response rate"][2]
    assert isinstance(attendance, float) and attendance == pytest.approx(41.67)
    assert isinstance(mean_gain, (int, float)) and mean_gain == 10
    assert n == 4 and by_item["Matched pairs (n)"][2] == 4
    assert isinstance(response_rate, (int, float)) and response_rate == 50
