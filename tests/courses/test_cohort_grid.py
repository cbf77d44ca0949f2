"""The cohort grid: trainees × lessons and quizzes, sorting, "stuck", CSV, access, query count."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from courses import cohort_grid
from courses import services as learning
from courses.models import Enrolment
from lms import roles
from lms.models import AuditLogEntry
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    lessons_of,
    single_choice,
)

pytestmark = pytest.mark.django_db


def attempt(enrolment, quiz, *, grade=None, needs_grading=False, number=1, days_ago=1):
    moment = timezone.now() - timedelta(days=days_ago)
    return Attempt.objects.create(
        quiz=quiz, quiz_key=quiz.translation_key, trainee=enrolment.trainee, enrolment=enrolment, number=number,
        status=Attempt.Status.FINISHED, grade=grade, needs_grading=needs_grading, started_at=moment, submitted_at=moment,
    )


def idle_since(enrolment, days: int | None, *, enrolled_days_ago=60):
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=now - timedelta(days=enrolled_days_ago),
        last_activity_at=None if days is None else now - timedelta(days=days),
    )


class Workshop:
    """Three lessons and one quiz; Awa did 2 lessons and scored 80 two days ago; Bakary did
    nothing since enrolling 60 days ago; Chidi completed the course; Dede waits for grading."""

    def __init__(self):
        self.course = build_course("Identifying victims", modules=1, lessons_per_module=3)
        self.quiz = add_quiz(self.course, [single_choice()], title="Check your knowledge")
        self.cohort = CohortFactory(course=self.course, name="Dakar workshop")
        self.trainer = self.cohort.facilitator
        lessons = lessons_of(self.course)

        def trainee(first, last):
            user = UserFactory(first_name=first, last_name=last)
            return learning.enrol(trainee=user, course=self.course, cohort=self.cohort)

        self.awa = trainee("Awa", "Diallo")
        for lesson in lessons[:2]:
            learning.complete_lesson(enrolment=self.awa, lesson=lesson)
        idle_since(self.awa, 5)
        attempt(self.awa, self.quiz, grade=Decimal("80"), days_ago=2)
        self.bakary = trainee("Bakary", "Sow")
        idle_since(self.bakary, None)
        self.chidi = trainee("Chidi", "Okafor")
        Enrolment.objects.filter(pk=self.chidi.pk).update(
            status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - timedelta(days=40), progress_percent=100
        )
        idle_since(self.chidi, 40)
        self.dede = trainee("Dede", "Mensah")
        attempt(self.dede, self.quiz, needs_grading=True, days_ago=0)
        self.outsider = UserFactory(first_name="Oumar", last_name="Outside")
        learning.enrol(trainee=self.outsider, course=self.course)


@pytest.fixture
def workshop():
    return Workshop()


def grid_url(workshop, **params):
    from urllib.parse import urlencode

    url = reverse("cohort_progress", args=[workshop.cohort.pk])
    return f"{url}?{urlencode(params)}" if params else url


def names(response) -> list[str]:
    return [row.name for row in response.context["rows"]]


def test_each_row_has_lessons_grades_idle_days_and_status(workshop, client):
    client.force_login(workshop.trainer)
    response = client.get(grid_url(workshop))
    assert response.status_code == 200
    rows = {row.name: row for row in response.context["rows"]}
    assert set(rows) == {"Awa Diallo", "Bakary Sow", "Chidi Okafor", "Dede Mensah"}  # not the outsider
    awa = rows["Awa Diallo"]
    assert (awa.lessons_done, awa.lessons_total) == (2, 3)
    assert [cell.value for cell in awa.cells] == [80.0]
    assert awa.days_idle == 2  # the quiz, two days ago, is newer than the lessons
    assert awa.status == "In progress"
    assert rows["Bakary Sow"].last_activity_at is None and rows["Bakary Sow"].days_idle == 60
    assert rows["Chidi Okafor"].status == "Completed"
    assert rows["Dede Mensah"].cells[0].waiting and rows["Dede Mensah"].cells[0].value is None
    html = response.content.decode()
    assert "Check your knowledge" in html and "80 %" in html and "2 / 3" in html and "waiting for grading" in html
    assert reverse("cohort_trainee", args=[workshop.cohort.pk, workshop.awa.trainee_id]) in html


def test_sorting_follows_a_whitelist_with_links_and_aria_sort(workshop, client):
    client.force_login(workshop.trainer)
    assert names(client.get(grid_url(workshop))) == ["Awa Diallo", "Bakary Sow", "Chidi Okafor", "Dede Mensah"]
    response = client.get(grid_url(workshop, sort="-idle"))
    assert names(response)[:2] == ["Bakary Sow", "Chidi Okafor"]
    html = response.content.decode()
    assert 'aria-sort="descending"' in html and html.count("aria-sort=") == 1
    assert 'href="?sort=idle"' in html  # the current column's link turns the order round
    quiz_key = f"quiz-{workshop.quiz.translation_key}"
    by_grade = names(client.get(grid_url(workshop, sort=f"-{quiz_key}")))
    assert by_grade[0] == "Awa Diallo"  # rounds without a grade come last either way
    assert names(client.get(grid_url(workshop, sort="lessons")))[-1] == "Awa Diallo"
    # Anything outside the whitelist sorts by name, never reaches the database.
    response = client.get(grid_url(workshop, sort="trainee__password"))
    assert response.status_code == 200 and names(response)[0] == "Awa Diallo"


def test_stuck_filter_defaults_to_fourteen_days(workshop, client):
    client.force_login(workshop.trainer)
    assert names(client.get(grid_url(workshop, stuck="on"))) == ["Bakary Sow"]  # Chidi completed
    assert names(client.get(grid_url(workshop, stuck="on", days="2"))) == ["Awa Diallo", "Bakary Sow"]
    assert names(client.get(grid_url(workshop, stuck="on", days="365"))) == []


@pytest.mark.parametrize("days", ["0", "366", "abc", "-3", "1.5"])
def test_bad_days_get_a_clear_message_and_hide_nobody(workshop, client, days):
    client.force_login(workshop.trainer)
    response = client.get(grid_url(workshop, stuck="on", days=days))
    assert response.status_code == 400
    assert "Enter a whole number of days from 1 to 365." in response.content.decode()
    assert len(names(response)) == 4


def test_csv_is_formula_safe_in_the_page_order_and_audited(workshop, client):
    trainee = workshop.awa.trainee
    trainee.first_name, trainee.certificate_name = "=HYPERLINK(\"http://evil.example\",\"x\")", ""
    trainee.save()
    client.force_login(workshop.trainer)
    response = client.get(reverse("cohort_progress_csv", args=[workshop.cohort.pk]), {"sort": "-idle"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Trainee", "Email", "Lessons done", "Lessons in the course"]
    assert "Check your knowledge" in rows[0]
    assert rows[1][0] == "Bakary Sow"
    awa = next(row for row in rows if "HYPERLINK" in row[0])
    assert awa[0].startswith("'=") and awa[2:5] == ["2", "3", "80"]
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    entry = AuditLogEntry.objects.order_by("-id").first()
    assert entry.action == "cohort.progress_exported" and entry.actor == workshop.trainer
    assert entry.data["rows"] == 4 and entry.data["options"]["sort"] == "-idle"
    import hashlib

    assert entry.data["sha256"] == hashlib.sha256(response.content).hexdigest()


def test_csv_with_bad_days_is_no_file(workshop, client):
    client.force_login(workshop.trainer)
    response = client.get(reverse("cohort_progress_csv", args=[workshop.cohort.pk]), {"days": "0"})
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert not AuditLogEntry.objects.filter(action="cohort.progress_exported").exists()


def test_trainee_page_shows_lessons_done_and_grades_in_this_cohort(workshop, client):
    client.force_login(workshop.trainer)
    response = client.get(reverse("cohort_trainee", args=[workshop.cohort.pk, workshop.awa.trainee_id]))
    assert response.status_code == 200
    done = [lesson.title for lesson, done_at in response.context["lessons"] if done_at]
    assert done == ["Lesson 1", "Lesson 2"]
    html = response.content.decode()
    assert "Awa Diallo" in html and "80 %" in html and "Not yet" in html


def test_trainee_page_is_404_for_someone_outside_the_cohort(workshop, client):
    client.force_login(workshop.trainer)
    assert client.get(reverse("cohort_trainee", args=[workshop.cohort.pk, workshop.outsider.pk])).status_code == 404
    other = CohortFactory(course=workshop.course, facilitator=workshop.trainer)
    assert client.get(reverse("cohort_trainee", args=[other.pk, workshop.awa.trainee_id])).status_code == 404


@pytest.mark.parametrize("name", ["cohort_progress", "cohort_progress_csv"])
def test_only_the_cohorts_trainer_and_administrators(workshop, client, name):
    url = reverse(name, args=[workshop.cohort.pk])
    trainee_url = reverse("cohort_trainee", args=[workshop.cohort.pk, workshop.awa.trainee_id])
    for user, status in (
        (UserFactory(role=roles.TRAINER), 404),
        (workshop.awa.trainee, 404),
        (UserFactory(role=roles.MINISTRY_OFFICER), 404),
        (UserFactory(role=roles.ADMINISTRATOR), 200),
        (workshop.trainer, 200),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.get(trainee_url).status_code == status
    client.logout()
    assert client.get(url).status_code == 302


def test_cohort_page_and_trainer_dashboard_link_to_the_grid(workshop, client):
    client.force_login(workshop.trainer)
    grid = grid_url(workshop)
    assert grid in client.get(reverse("cohort_detail", args=[workshop.cohort.pk])).content.decode()
    assert grid in client.get(reverse("dashboard")).content.decode()


def test_grid_query_count_does_not_grow_with_trainees(workshop, client, django_assert_max_num_queries):
    client.force_login(workshop.trainer)
    client.get(grid_url(workshop))  # warm: navigation cache
    with CaptureQueriesContext(connection) as few:
        client.get(grid_url(workshop, sort="-idle"))
    for number in range(12):
        enrolment = learning.enrol(trainee=UserFactory(), course=workshop.course, cohort=workshop.cohort)
        attempt(enrolment, workshop.quiz, grade=Decimal(50 + number))
    with django_assert_max_num_queries(len(few)):
        response = client.get(grid_url(workshop, sort="-idle"))
    assert len(response.context["rows"]) == 16


# --- The pure parts ----------------------------------------------------------------------------------


def test_parse_sort_keeps_only_whitelisted_keys():
    columns = [cohort_grid.GridColumn(key="quiz-1", label="Quiz")]
    assert cohort_grid.parse_sort("-quiz-1", columns) == ("quiz-1", True)
    assert cohort_grid.parse_sort("idle", columns) == ("idle", False)
    assert cohort_grid.parse_sort("-trainee__email", columns) == ("name", False)
    assert cohort_grid.parse_sort(None, columns) == ("name", False)


# --- The trainer's dashboard: the daily work one click away --------------------------------------


def test_trainer_dashboard_links_to_grading_results_and_cohorts(workshop, client):
    client.force_login(workshop.trainer)
    html = client.get(reverse("dashboard")).content.decode()
    for url in (reverse("grading_queue"), reverse("trainer_quizzes"), reverse("cohort_list")):
        assert f'href="{url}"' in html


def test_trainee_dashboard_has_no_trainer_links(workshop, client):
    client.force_login(workshop.awa.trainee)
    html = client.get(reverse("dashboard")).content.decode()
    assert reverse("grading_queue") not in html and reverse("trainer_quizzes") not in html
    assert 'id="trainer-links-title"' not in html
