"""The workshop report: hand-computed figures, who may read it, exact or suppressed, escaping, downloads."""

import hashlib
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses.models import Enrolment
from lms import roles
from lms.models import AuditLogEntry
from records import selectors as records
from tests.factories import UserFactory
from tests.workshops.builders import co_facilitator
from tests.workshops.conftest import build_past
from workshops.permissions import access_report
from workshops.report import build_report

pytestmark = pytest.mark.django_db

# Queries of the report page, whatever the number of workshops and participants (see
# test_the_page_reads_a_fixed_number_of_queries): session, user and roles, the scope, the workshop,
# the rounds, three name tables, sessions, marks, attempts, answers, quiz questions, three survey tables.
REPORT_QUERIES = 20


def report_of(user, workshop, **options):
    access = access_report(user, workshop.pk)
    return build_report(access.workshops, enrolments=access.enrolments, exact=access.exact, **options)


def sheet_rows(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return list(book.active.iter_rows(values_only=True))


def value_of(rows, item, column=2):
    return next(row[column] for row in rows if row[1] == item)


def test_the_organiser_sees_exact_figures_computed_by_hand(past):
    result = report_of(past.trainer, past.workshop, with_trainees=True)
    assert result.exact
    assert result.figure("participants").value == 6
    assert result.figure("attendance_rate_percent").value == pytest.approx(100 * 5 / 12)  # 2+2+1 of 6 × 2
    assert result.figure("met_attendance_rule").value == 2  # 80 % of 2 sessions: both
    assert result.figure("pairs").value == 4 and result.figure("unmatched").value == 2
    assert result.figure("mean_gain").value == 10
    assert result.figure("gain_of_means").value == pytest.approx(10 / 37.5)
    assert result.figure("mean_of_gains").value == pytest.approx(1 / 3)
    assert result.figure("excluded_at_100").value == 1
    assert result.figure("improved_percent").value == 50
    assert result.figure("satisfaction_response_rate_percent").value == 50
    assert result.figure("net_score").value == pytest.approx(100 * (2 - 1) / 3)
    assert result.satisfaction.items[0].mean == pytest.approx(11 / 3)
    # Facility of question 1: before A 0, B 1, C 1, D 1 → 0.75; after all 1.
    first = result.facility[0]
    assert first.label.endswith("Indicator") and first.before.value == 0.75 and first.after.value == 1
    assert [t["name"] for t in result.trainees][:2] == ["A Trainee", "B Trainee"]


def test_an_officer_sees_small_cells_suppressed_and_no_comments(past, officer_sn, client):
    result = report_of(officer_sn, past.workshop)
    assert not result.exact
    assert result.figure("participants").value == 6 and not result.figure("participants").hidden
    assert result.figure("pairs").hidden and str(result.figure("pairs").display) == "< 5"
    assert result.figure("mean_gain").hidden and result.figure("mean_gain").value is None
    assert result.figure("satisfaction_responses").hidden and result.satisfaction.comments == []
    client.force_login(officer_sn)
    page = client.get(reverse("workshop_report", args=[past.workshop.pk]))
    assert page.status_code == 200
    assert b"Very useful" not in page.content and b"HYPERLINK" not in page.content
    assert "&lt; 5" in page.content.decode()


def test_the_organiser_page_shows_exact_counts_and_escaped_comments(past, client):
    client.force_login(past.trainer)
    page = client.get(reverse("workshop_report", args=[past.workshop.pk])).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Very useful" in page
    assert "&lt; 5" not in page


def test_a_co_facilitator_reads_the_exact_report_and_its_files(past, client):
    """A second facilitator takes attendance with the cohort's trainer: they read what it adds up to."""
    second = co_facilitator(past.workshop)
    assert report_of(second, past.workshop).exact
    assert report_of(second, past.workshop).figure("participants").value == 6
    client.force_login(second)
    page = client.get(reverse("workshop_report", args=[past.workshop.pk])).content.decode()
    assert "&lt; 5" not in page and "Very useful" in page
    response = client.get(reverse("workshop_report_download", args=[past.workshop.pk, "xlsx"]))
    assert response.status_code == 200 and value_of(sheet_rows(response), "Attendance rate") == pytest.approx(41.67)
    entry = AuditLogEntry.objects.get(action="workshop.report.exported")
    assert entry.actor == second and entry.data["exact_counts"] is True
    # The aggregate counts the workshop they run, exactly, like the cohort's trainer's.
    aggregate = client.get(reverse("workshop_reports")).content.decode()
    assert past.workshop.title in aggregate and "&lt; 5" not in aggregate


def test_a_facilitator_of_another_workshop_gets_404(past, client):
    from tests.workshops.builders import workshop as build_workshop

    elsewhere = build_workshop(title="Another workshop")
    client.force_login(co_facilitator(elsewhere))
    for url in (
        reverse("workshop_report", args=[past.workshop.pk]),
        reverse("workshop_report_download", args=[past.workshop.pk, "xlsx"]),
        reverse("workshop_report_download", args=[past.workshop.pk, "pdf"]),
    ):
        assert client.get(url).status_code == 404, url
    assert past.workshop.title.encode() not in client.get(reverse("workshop_reports")).content
    assert not AuditLogEntry.objects.filter(action="workshop.report.exported").exists()


@pytest.mark.parametrize("who", ["other_trainer", "trainee", "officer_elsewhere", "anonymous"])
def test_anyone_else_gets_404(past, client, who):
    if who == "other_trainer":
        client.force_login(UserFactory(role=roles.TRAINER))
    elif who == "trainee":
        client.force_login(past.trainees["A"])
    elif who == "officer_elsewhere":
        from lms.models import Country, ReportingScope

        officer = UserFactory(role=roles.MINISTRY_OFFICER, organisation=None, country=None)
        ReportingScope.objects.create(officer=officer).countries.set([Country.objects.create(code="ML", name="Mali")])
        client.force_login(officer)
    for url in (
        reverse("workshop_report", args=[past.workshop.pk]),
        reverse("workshop_report_download", args=[past.workshop.pk, "xlsx"]),
        reverse("workshop_report_download", args=[past.workshop.pk, "pdf"]),
    ):
        response = client.get(url)
        assert response.status_code == (302 if who == "anonymous" else 404), url
    assert not AuditLogEntry.objects.filter(action="workshop.report.exported").exists()


def test_the_xlsx_has_numbers_neutralised_comments_and_is_audited(past, client):
    client.force_login(past.trainer)
    response = client.get(reverse("workshop_report_download", args=[past.workshop.pk, "xlsx"]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    rows = sheet_rows(response)
    assert value_of(rows, "Attendance rate") == pytest.approx(41.67)
    assert value_of(rows, "Mean gain (points)") == 10 and value_of(rows, "Mean gain (points)", 3) == 4
    assert value_of(rows, "Satisfaction survey: Response rate") == 50
    comments = [row[1] for row in rows if row[0] == "Satisfaction survey: comments"]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in comments  # text, never a formula
    entry = AuditLogEntry.objects.get(action="workshop.report.exported")
    assert entry.data["sha256"] == hashlib.sha256(response.content).hexdigest()
    assert entry.data["format"] == "xlsx" and entry.data["exact_counts"] is True


def test_the_officers_xlsx_writes_hidden_cells_as_words(past, officer_sn, client):
    client.force_login(officer_sn)
    rows = sheet_rows(client.get(reverse("workshop_report_download", args=[past.workshop.pk, "xlsx"])))
    assert value_of(rows, "Matched pairs (n)") == "< 5"
    assert value_of(rows, "Mean gain (points)") == "suppressed"
    assert not [row for row in rows if row[0] and "comments" in str(row[0])]


def test_the_pdf_is_made_and_audited(past, client):
    client.force_login(past.trainer)
    response = client.get(reverse("workshop_report_download", args=[past.workshop.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AuditLogEntry.objects.get(action="workshop.report.exported").data["format"] == "pdf"


def test_participants_are_counted_as_the_completion_records_count_them(past, settings):
    settings.RECORDS_MIN_CELL = 1
    rounds = Enrolment.objects.filter(cohort=past.workshop.cohort)
    first = rounds.first()
    Enrolment.objects.filter(pk=first.pk).update(status=Enrolment.Status.COMPLETED, completed_at=first.enrolled_at, progress_percent=100)
    summary = records.summarise(rounds)
    figures = {figure.key: figure.value for figure in summary.figures}
    result = report_of(past.trainer, past.workshop)
    assert result.figure("participants").value == figures["trainees"] == 6
    assert result.figure("completed").value == figures["completed"]
    for key in ("organisation", "sector", "country"):
        records_table = next(t for t in summary.breakdowns if t.key == key)
        ours = next(t for t in result.tables if t.key == key)
        assert {row.label: row.enrolled.value for row in records_table.rows} == {row.label: row.count.value for row in ours.rows}


def test_sex_is_reported_only_where_collected_with_its_two_unknowns(past, settings):
    assert not [t for t in report_of(past.trainer, past.workshop).tables if t.key == "sex"]
    settings.PASSAGE_COLLECT_GENDER = True
    past.trainees["A"].gender = "female"
    past.trainees["A"].save(update_fields=["gender"])
    past.trainees["B"].gender = "undisclosed"
    past.trainees["B"].save(update_fields=["gender"])
    table = next(t for t in report_of(past.trainer, past.workshop).tables if t.key == "sex")
    counts = {row.label: row.count.value for row in table.rows}
    assert counts == {"Female": 1, "Male": 0, "Another gender": 0, "Prefer not to say": 1, "Not recorded": 4}


def test_the_aggregate_adds_workshops_in_scope(past, officer_sn, client):
    build_past("W2 ")
    client.force_login(officer_sn)
    response = client.get(reverse("workshop_reports"))
    assert response.status_code == 200
    result = response.context["report"]
    assert result.figure("participants").value == 12 and result.figure("pairs").value == 8
    assert result.figure("mean_gain").value == 10


def test_the_page_reads_a_fixed_number_of_queries(past, client, django_assert_num_queries):
    client.force_login(past.trainer)
    url = reverse("workshop_report", args=[past.workshop.pk])
    client.get(url)
    with django_assert_num_queries(REPORT_QUERIES):
        client.get(url)
    for name in ("G", "H", "I"):
        from tests.workshops.builders import member

        member(past.workshop, first_name=name)
    with django_assert_num_queries(REPORT_QUERIES):
        client.get(url)
