"""Records that read right: suppression markers, stable API keys, files in the page's language,
a spreadsheet with a frozen, filterable header, and a completion rate in every breakdown."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from certificates.models import Certificate
from records import services

from .conftest import certificate_for

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/records/"


def download(client, url, params=None) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content[:500]
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def tables(client) -> dict:
    return {table.key: table for table, _chart in client.get(DASHBOARD).context["breakdowns"]}


# --- Suppression markers -------------------------------------------------------------------------


@pytest.fixture
def minimum_two(settings):
    """Thiès court has 1 round (small), Dakar border post 2 (hidden only to protect Thiès)."""
    settings.RECORDS_MIN_CELL = 2


def test_dashboard_marks_the_complement_suppressed_and_the_small_count_less_than(world, client, minimum_two):
    client.force_login(world.officer_senegal)
    dakar, thies = tables(client)["organisation"].rows
    assert (dakar.label, dakar.enrolled.display, dakar.completed.display) == ("Dakar border post", "suppressed", "suppressed")
    assert (thies.label, thies.enrolled.display, thies.completed.display) == ("Thiès court", "< 2", "suppressed")
    html = client.get(DASHBOARD).content.decode()
    assert "suppressed" in html and 'id="suppression-note"' in html


def test_five_valid_certificates_hidden_beside_one_revoked_read_suppressed(world, client, settings):
    settings.RECORDS_MIN_CELL = 2
    first, second, third = world.senegal_enrolments
    certificate_for(first)
    certificate_for(second)
    certificate_for(third, status=Certificate.Status.REVOKED)
    client.force_login(world.officer_senegal)
    figures = {f.key: f for f in client.get(DASHBOARD).context["figures"]}
    assert figures["certificates_revoked"].display == "< 2"
    assert figures["certificates_valid"].display == "suppressed"
    assert figures["certificates_valid"].reason == "complementary"


def test_rates_of_a_small_group_are_suppressed_not_less_than(world, client, settings):
    settings.RECORDS_MIN_CELL = 5
    client.force_login(world.officer_senegal)
    figures = {f.key: f for f in client.get(DASHBOARD).context["figures"]}
    assert figures["enrolments"].display == "< 5"
    assert figures["completion_rate_percent"].display == "suppressed"
    assert figures["average_score_percent"].display == "suppressed"
    assert "<" not in figures["median_days_to_complete"].display


def test_pdf_summary_shows_the_same_markers(world, client, minimum_two, tmp_path):
    from tests.certificates.conftest import pdftotext

    client.force_login(world.officer_senegal)
    text = pdftotext(download(client, reverse("records:summary_pdf")), tmp_path)
    assert "suppressed" in text
    assert "< 2" in text


def test_api_tells_small_from_complementary(world, client, minimum_two):
    _token, key = services.create_api_token(user=world.officer_senegal, name="Registry")
    data = client.get("/api/summary/", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    rows = {row["label"]: row for row in next(b for b in data["breakdowns"] if b["key"] == "organisation")["rows"]}
    assert rows["Thiès court"]["enrolled"] is None
    assert rows["Thiès court"]["enrolled_suppression"] == "small"
    assert rows["Thiès court"]["enrolled_display"] == "< 2"
    assert rows["Dakar border post"]["enrolled"] is None
    assert rows["Dakar border post"]["enrolled_suppression"] == "complementary"
    assert rows["Dakar border post"]["enrolled_display"] == "suppressed"
    assert rows["Dakar border post"]["completion_rate_percent"] is None


# --- The API summary: stable keys, plain numbers -------------------------------------------------


def test_api_summary_gives_plain_numbers_by_stable_keys(world, client, exact_counts):
    _token, key = services.create_api_token(user=world.officer_senegal, name="Registry")
    data = client.get("/api/summary/", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    figures = {figure["key"]: figure for figure in data["figures"]}
    assert figures["enrolments"]["value"] == 3 and figures["enrolments"]["display"] == "3"
    assert figures["completion_rate_percent"]["value"] == 67
    assert figures["completion_rate_percent"]["display"] == "67 %"
    assert figures["average_score_percent"]["value"] == 85.0
    assert figures["median_days_to_complete"]["value"] == 12.0
    assert figures["certificates_valid"]["value"] == 0
    assert all(figure["suppression"] is None for figure in data["figures"])
    organisations = next(b for b in data["breakdowns"] if b["key"] == "organisation")
    assert [(r["key"], r["enrolled"], r["completed"], r["completion_rate_percent"]) for r in organisations["rows"]] == [
        (str(world.dakar_post.pk), 2, 2, 100),
        (str(world.thies_court.pk), 1, 0, 0),
    ]
    months = next(b for b in data["breakdowns"] if b["key"] == "month")
    assert [row["key"] for row in months["rows"]] == ["2026-03"]


def _shape(data: dict):
    """Everything of a summary except the words for people."""
    return (
        data["minimum_cell"],
        [(f["key"], f["value"], f["suppressed"], f["suppression"]) for f in data["figures"]],
        [
            (b["key"], [(r["key"], r["enrolled"], r["completed"], r["completion_rate_percent"]) for r in b["rows"]])
            for b in data["breakdowns"]
        ],
    )


@pytest.mark.parametrize("minimum", [1, 2])
def test_api_keys_and_numbers_do_not_change_with_accept_language(world, client, settings, minimum):
    settings.RECORDS_MIN_CELL = minimum
    _token, key = services.create_api_token(user=world.officer_senegal, name="Registry")
    english = client.get("/api/summary/", HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en").json()
    french = client.get("/api/summary/", HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert _shape(english) == _shape(french)
    # The labels beside them do follow the language.
    assert {f["label"] for f in english["figures"]} != {f["label"] for f in french["figures"]}


def test_openapi_schema_documents_the_summary_shape(client):
    schemas = client.get("/api/schema/").json()["components"]["schemas"]
    assert {"key", "label", "value", "display", "suppressed", "suppression"} <= set(schemas["FigureOut"]["properties"])
    assert {"key", "completion_rate_percent", "enrolled_suppression"} <= set(schemas["BreakdownRowOut"]["properties"])


# --- Files in the page's language ----------------------------------------------------------------


@pytest.fixture
def french_course(world):
    from wagtail.models import Locale

    french = world.course.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True)
    french.title = "Identifier les victimes"
    french.save_revision().publish()
    return french


def url_in(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(f"records:{name}")


def test_csv_from_the_french_page_is_in_french(world, client, french_course):
    client.force_login(world.officer_senegal)  # prefers English
    rows = csv_rows(download(client, url_in("fr", "export_csv")))
    assert rows[0][:2] == ["Apprenant", "Organisation"] and "Pays" in rows[0]
    by_header = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    courses = {row["Formation"] for row in by_header}
    assert courses == {"Identifier les victimes", "Reception centres"}  # no translation: as enrolled
    assert "In progress" not in {row["Statut"] for row in by_header}


def test_csv_from_the_english_page_is_in_english_whatever_the_officer_prefers(world, client, french_course):
    world.officer_senegal.preferred_language = "fr"
    world.officer_senegal.save()
    client.force_login(world.officer_senegal)
    rows = csv_rows(download(client, url_in("en", "export_csv")))
    assert rows[0][:2] == ["Trainee", "Organisation"] and "Country" in rows[0]
    by_header = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {row["Course"] for row in by_header} == {"Identifying victims", "Reception centres"}
    assert {row["Status"] for row in by_header} == {"Completed", "In progress"}


@pytest.mark.parametrize(
    ("language", "title", "header", "course"),
    [("en", "Completion records", "Trainee", "Identifying victims"), ("fr", "Registres d’achèvement", "Apprenant", "Identifier les victimes")],
)
def test_xlsx_follows_the_page_language(world, client, french_course, language, title, header, course):
    client.force_login(world.officer_senegal)
    workbook = openpyxl.load_workbook(io.BytesIO(download(client, url_in(language, "export_xlsx"))))
    sheet = workbook.active
    assert sheet.title == title
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == header
    assert course in {row[5] for row in rows[1:]}


def test_pdf_summary_names_courses_in_the_page_language(world, client, french_course, exact_counts, tmp_path):
    from tests.certificates.conftest import pdftotext

    client.force_login(world.officer_senegal)
    french = pdftotext(download(client, url_in("fr", "summary_pdf")), tmp_path)
    assert "Identifier les victimes" in french and "Identifying victims" not in french
    english = pdftotext(download(client, url_in("en", "summary_pdf")), tmp_path)
    assert "Identifying victims" in english and "Identifier les victimes" not in english


def test_a_background_file_keeps_the_language_of_the_page_it_was_asked_from(
    world, client, french_course, django_capture_on_commit_callbacks
):
    from records.models import RecordsExport

    client.force_login(world.officer_senegal)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url_in("fr", "start_export"), {"file_format": "csv", "identity": "pseudonym"})
    assert response.status_code == 302
    export = RecordsExport.objects.get(user=world.officer_senegal)
    assert export.parameters["language"] == "fr"
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        rows = csv_rows(handle.read())
    assert rows[0][0] == "Apprenant"
    assert "Identifier les victimes" in {row[5] for row in rows[1:]}


# --- The spreadsheet ------------------------------------------------------------------------------


def test_xlsx_has_a_frozen_header_row_and_an_autofilter(world, client):
    client.force_login(world.officer_senegal)
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, url_in("en", "export_xlsx")))).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{1 + len(world.senegal_enrolments)}"


# --- A completion rate per row -------------------------------------------------------------------


def test_breakdowns_show_a_completion_rate_per_row(world, client, exact_counts):
    client.force_login(world.officer_senegal)
    organisations = tables(client)["organisation"]
    assert [(row.label, row.rate.display) for row in organisations.rows] == [
        ("Dakar border post", "100 %"),
        ("Thiès court", "0 %"),
    ]
    html = client.get(DASHBOARD).content.decode()
    assert html.count(">Completion rate</th>") == 6


def test_pdf_breakdowns_show_the_rate(world, client, exact_counts, tmp_path):
    from tests.certificates.conftest import pdftotext

    client.force_login(world.officer_senegal)
    text = pdftotext(download(client, url_in("en", "summary_pdf"), {"organisation": world.dakar_post.pk}), tmp_path)
    assert "Completion rate" in text and "100 %" in text
