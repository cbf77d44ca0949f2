"""Results for trainers: figures, distribution, item analysis, CSV export and the quiz list."""

import csv
import io
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments import results, selectors, services
from courses import services as learning
from lms import roles
from lms.models import AuditLogEntry
from tests.assessments.test_marking import RIGHT, WRONG, take_quiz
from tests.factories import (
    CohortFactory,
    OrganisationFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course("Protecting children on the move", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    return add_quiz(
        course,
        [single_choice(), true_false(), essay("Explain the best-interests assessment")],
        title="Children check",
        pass_mark=60,
    )


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, name="Abidjan workshop")


@pytest.fixture
def facilitator_client(client, cohort):
    client.force_login(cohort.facilitator)
    return client


def cohort_trainee(cohort, **fields):
    user = UserFactory(**fields)
    learning.add_to_cohort(cohort=cohort, trainee=user)
    return user


def graded(attempt, mark, by):
    """Grade the essay of a submitted attempt as a trainer would."""
    answers = selectors.essay_answers(attempt)
    services.grade_essays(
        attempt=attempt, grades=[services.EssayGrade(a.pk, Decimal(mark)) for a in answers], by=by, expected_state=selectors.grading_state(answers)
    )
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def three_attempts(quiz, cohort):
    """100% (all right), 33.33% (right choice only, essay 0) and 0% (all wrong), plus one waiting."""
    by = cohort.facilitator
    strong = graded(take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, value="false", text="A full answer."), "1", by)
    middle = graded(take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, value="true", text="Short."), "0", by)
    weak = graded(take_quiz(quiz, cohort_trainee(cohort), choice=WRONG, value="true", text="?"), "0", by)
    waiting = take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, value="false", text="Not graded yet.")
    return strong, middle, weak, waiting


def test_results_show_counts_mean_median_and_pass_rate(facilitator_client, quiz, three_attempts):
    strong, middle, weak, _waiting = three_attempts
    assert (strong.grade, middle.grade, weak.grade) == (Decimal("100"), Decimal("33.33"), Decimal("0"))
    response = facilitator_client.get(reverse("quiz_results", args=[quiz.pk]))
    results = response.context["results"]
    assert (results.attempts, results.finished, results.waiting) == (4, 4, 1)
    assert results.summary.count == 3
    assert results.summary.mean == pytest.approx(44.44, abs=0.01)
    assert results.summary.median == pytest.approx(33.33)
    assert results.summary.pass_rate == pytest.approx(100 / 3)
    assert (results.trainees, results.trainees_passed) == (3, 1)
    page = response.content.decode()
    assert "Results: Children check" in page and "44.4%" in page and "33%" in page


def test_score_distribution_is_a_table_and_an_inline_chart(facilitator_client, quiz, three_attempts):
    page = facilitator_client.get(reverse("quiz_results", args=[quiz.pk])).content.decode()
    assert page.count('<rect class="bar"') == 10
    assert 'role="img"' in page and "<title id=\"chart-title\">" in page
    assert "90 to 100" in page and "0 to under 10" in page
    assert "<script" not in page.split("<main", 1)[1]  # no JavaScript needed


def test_item_analysis_shows_facility_discrimination_and_choices_by_their_text(facilitator_client, quiz, three_attempts):
    response = facilitator_client.get(reverse("quiz_results", args=[quiz.pk]))
    items = {row.item.question.title: row for row in response.context["results"].items}
    choice = items["Which is an indicator?"]
    assert choice.stats.count == 3 and choice.stats.facility == pytest.approx(2 / 3)
    assert choice.stats.discrimination is not None and choice.stats.discrimination > 0
    counts = {option.label: (option.count, option.is_right) for option in choice.distribution.options}
    assert counts == {RIGHT: (3, True), WRONG: (1, False), "Lives with family": (0, False)}  # waiting attempt counted
    assert items["Consent of a child matters"].distribution.options[1].label == "False"
    assert items["Explain the best-interests assessment"].distribution is None  # no choices for essays
    page = response.content.decode()
    assert RIGHT in page and "right answer" in page and "67%" in page


def test_results_can_be_limited_to_a_cohort(client, quiz, course, cohort):
    facilitator = cohort.facilitator
    second = CohortFactory(course=course, name="Ouagadougou workshop", facilitator=facilitator)
    take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, text="...")
    take_quiz(quiz, cohort_trainee(second), choice=RIGHT, text="...")
    take_quiz(quiz, cohort_trainee(second), choice=RIGHT, text="...")
    client.force_login(facilitator)
    everything = client.get(reverse("quiz_results", args=[quiz.pk]))
    assert everything.context["results"].attempts == 3
    only_second = client.get(reverse("quiz_results", args=[quiz.pk]), {"cohort": second.pk})
    assert only_second.context["results"].attempts == 2
    assert "Ouagadougou workshop" in only_second.content.decode()


def test_results_of_a_cohort_run_by_someone_else_are_not_found(client, quiz, course, cohort):
    other = CohortFactory(course=course)
    client.force_login(cohort.facilitator)
    assert client.get(reverse("quiz_results", args=[quiz.pk]), {"cohort": other.pk}).status_code == 404
    assert client.get(reverse("quiz_results_csv", args=[quiz.pk]), {"cohort": other.pk}).status_code == 404
    assert client.get(reverse("quiz_results", args=[quiz.pk]), {"cohort": "x"}).status_code == 404


def test_quizzes_of_other_courses_are_not_found(client, cohort):
    elsewhere = add_quiz(build_course("Data protection"), [true_false()], title="Data check")
    client.force_login(cohort.facilitator)
    for name in ("quiz_results", "quiz_results_csv", "quiz_questions"):
        assert client.get(reverse(name, args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("grading_queue"), {"quiz": elsewhere.pk}).status_code == 404


def test_a_facilitator_sees_only_their_cohorts_attempts(client, quiz, course, cohort):
    take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, text="...")
    other = CohortFactory(course=course)
    take_quiz(quiz, cohort_trainee(other), choice=WRONG, text="...")
    client.force_login(cohort.facilitator)
    assert client.get(reverse("quiz_results", args=[quiz.pk])).context["results"].attempts == 1


def many_attempts(quiz, cohort, count):
    by = cohort.facilitator
    for i in range(count):
        graded(take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT if i % 2 else WRONG, value="false", text="..."), str(i % 2), by)


def queries_for(client, url, **params):
    client.get(url, params)  # warm the per-process caches (site, branding, content types)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_results_page_runs_a_fixed_number_of_queries(facilitator_client, quiz, cohort, django_assert_max_num_queries):
    url = reverse("quiz_results", args=[quiz.pk])
    many_attempts(quiz, cohort, 2)
    few = queries_for(facilitator_client, url)
    many_attempts(quiz, cohort, 10)
    assert queries_for(facilitator_client, url) == few
    with django_assert_max_num_queries(22):
        facilitator_client.get(url, {"cohort": cohort.pk})


def test_trainer_pages_do_not_grow_with_attempts(facilitator_client, quiz, cohort, django_assert_max_num_queries):
    many_attempts(quiz, cohort, 2)
    take_quiz(quiz, cohort_trainee(cohort), text="waiting")
    counts = [queries_for(facilitator_client, reverse(name)) for name in ("trainer_quizzes", "grading_queue")]
    many_attempts(quiz, cohort, 8)
    for _ in range(4):
        take_quiz(quiz, cohort_trainee(cohort), text="waiting")
    assert [queries_for(facilitator_client, reverse(name)) for name in ("trainer_quizzes", "grading_queue")] == counts
    with django_assert_max_num_queries(14):
        facilitator_client.get(reverse("grading_queue"))


def read_csv(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_one_row_per_finished_attempt_with_marks_and_no_free_text(facilitator_client, quiz, cohort):
    organisation = OrganisationFactory(name="Child protection unit, Abidjan")
    trainee = cohort_trainee(cohort, certificate_name="Aya Kouassi", email="aya@example.org", organisation=organisation)
    trainee.organisation = OrganisationFactory(name="A later employer")  # the enrolment keeps the snapshot
    trainee.save()
    graded(take_quiz(quiz, trainee, choice=RIGHT, value="false", text="My confidential reasoning."), "0.5", cohort.facilitator)
    take_quiz(quiz, trainee, choice=WRONG, text="Second try, waiting.")
    from assessments.services import start_attempt

    start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get())  # in progress: not exported
    response = facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = read_csv(response)
    header, first, second = rows[0], rows[1], rows[2]
    assert len(rows) == 3
    assert header[:9] == ["Name", "Email", "Organisation", "Cohort", "Attempt", "Started", "Submitted", "Grade (%)", "Fully graded"]
    assert header[9:] == ["Q1 Which is an indicator?", "Q2 Consent of a child matters", "Q3 Explain the best-interests assessment"]
    assert first[:5] == ["Aya Kouassi", "aya@example.org", "Child protection unit, Abidjan", "Abidjan workshop", "1"]
    assert first[7:] == ["83.33", "yes", "1", "1", "0.50"]
    assert second[7:] == ["", "no", "0", "0", ""]  # waiting: no grade, the essay's mark is empty
    assert "confidential" not in "".join(",".join(row) for row in rows)


def test_csv_neutralises_cells_a_spreadsheet_would_run(facilitator_client, quiz, cohort):
    organisation = OrganisationFactory(name="+221 Ministry")
    trainee = cohort_trainee(cohort, certificate_name='=HYPERLINK("http://evil.example","Click")', organisation=organisation)
    take_quiz(quiz, trainee, text="-")
    rows = read_csv(facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk])))
    assert rows[1][0] == "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    assert rows[1][2] == "'+221 Ministry"


def test_csv_download_is_written_to_the_audit_log(facilitator_client, quiz, cohort):
    take_quiz(quiz, cohort_trainee(cohort), text="...")
    read_csv(facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk]), {"cohort": cohort.pk}))
    entry = AuditLogEntry.objects.get(action="assessments.results_exported")
    assert entry.actor == cohort.facilitator and entry.object_id == str(quiz.pk)
    assert entry.data == {"quiz_key": str(quiz.translation_key), "cohort": cohort.pk, "rows": 1}


def test_csv_export_reads_attempts_in_chunks(facilitator_client, quiz, cohort, monkeypatch):
    monkeypatch.setattr(results, "EXPORT_CHUNK", 2)
    for _ in range(5):
        take_quiz(quiz, cohort_trainee(cohort), choice=RIGHT, text="...")
    rows = read_csv(facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk])))
    assert len(rows) == 6 and all(row[9] == "1" for row in rows[1:])


def test_trainees_cannot_download_results(client, quiz, cohort):
    trainee = cohort_trainee(cohort)
    take_quiz(quiz, trainee, text="...")
    client.force_login(trainee)
    assert client.get(reverse("quiz_results_csv", args=[quiz.pk])).status_code == 404
    assert not AuditLogEntry.objects.filter(action="assessments.results_exported").exists()


def test_quiz_list_shows_quizzes_of_courses_authored_and_cohorts_run(client, quiz, cohort):
    trainer = cohort.facilitator
    authored = build_course("Reception centre management")
    authored_quiz = add_quiz(authored, [true_false()], title="Reception check")
    roles.grant_course_authoring(course=authored, user=trainer)
    add_quiz(build_course("Not mine"), [true_false()], title="Other check")
    take_quiz(quiz, cohort_trainee(cohort), text="waiting")
    client.force_login(trainer)
    page = client.get(reverse("trainer_quizzes")).content.decode()
    assert "Children check" in page and "Reception check" in page and "Other check" not in page
    assert "Grade 1 attempt waiting" in page
    assert f'{reverse("grading_queue")}?quiz={quiz.pk}' in page
    assert reverse("quiz_questions", args=[authored_quiz.pk]) in page  # authors regrade...
    assert reverse("quiz_questions", args=[quiz.pk]) not in page  # ...facilitators do not


def test_grading_queue_can_be_limited_to_one_quiz(client, course, quiz, cohort):
    other_quiz = add_quiz(course, [essay("Another essay")], title="Essay only")
    take_quiz(quiz, cohort_trainee(cohort), text="one")
    take_quiz(other_quiz, cohort_trainee(cohort), text="two")
    client.force_login(cohort.facilitator)
    assert client.get(reverse("grading_queue")).context["page_obj"].paginator.count == 2
    assert client.get(reverse("grading_queue"), {"quiz": other_quiz.pk}).context["page_obj"].paginator.count == 1


# --- the file's name ----------------------------------------------------------------------------


def _retitle(quiz, title):
    type(quiz).objects.filter(pk=quiz.pk).update(title=title)


def test_the_results_file_is_named_after_the_quiz_without_accents_and_dated(facilitator_client, quiz):
    _retitle(quiz, "Évaluation finale : traite des êtres humains")
    response = facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk]))
    disposition = response["Content-Disposition"]
    day = timezone.localdate().isoformat()
    assert disposition.startswith(f'attachment; filename="results-evaluation-finale-traite-des-etres-humains-{day}.csv"')
    assert disposition.isascii()
    # The accented name, for browsers that read filename*, percent-encoded in UTF-8.
    assert f"filename*=UTF-8''results-%C3%A9valuation-finale-traite-des-%C3%AAtres-humains-{day}.csv" in disposition


def test_a_quiz_titled_in_arabic_falls_back_to_an_ascii_name(facilitator_client, quiz):
    _retitle(quiz, "تقييم نهائي: الاتجار بالبشر")
    response = facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk]))
    disposition = response["Content-Disposition"]
    day = timezone.localdate().isoformat()
    assert disposition.isascii()
    assert f'filename="results-quiz-{quiz.pk}-{day}.csv"' in disposition
    assert f"filename*=UTF-8''results-{quote('تقييم-نهائي-الاتجار-بالبشر', safe='')}-{day}.csv" in disposition


def test_a_title_cannot_break_out_of_the_header(facilitator_client, quiz):
    _retitle(quiz, 'Quiz"; filename="evil.exe\r\nX-Injected: 1')
    disposition = facilitator_client.get(reverse("quiz_results_csv", args=[quiz.pk]))["Content-Disposition"]
    assert disposition.count('"') == 2 and "evil.exe" not in disposition
    assert "\r" not in disposition and "\n" not in disposition
