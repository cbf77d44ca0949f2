"""Quiz preview: an author tries the whole quiz as a trainee, without enrolling, and it never counts."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import bank, results, selectors, services
from assessments.cohort_columns import quiz_columns
from assessments.models import Attempt, QuizPage, ReviewTiming
from courses import services as learning
from courses.models import Enrolment
from lms import roles
from records.selectors import enrolments_in_scope
from tests.assessments.test_marking import RIGHT, token_for
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_author,
    essay,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    # Marks and right answers hidden from trainees: the author's preview still shows them.
    return add_quiz(
        course, [single_choice(), true_false()], pass_mark=50, show_marks=ReviewTiming.NEVER, show_correct_answers=ReviewTiming.NEVER
    )


@pytest.fixture
def author(course):
    return course_author(course)


@pytest.fixture
def administrator():
    return UserFactory(role=roles.ADMINISTRATOR)


def start_preview(client, quiz) -> Attempt:
    response = client.post(reverse("quiz_preview", args=[quiz.pk]))
    assert response.status_code == 302, response
    return Attempt.all_objects.get(pk=int(re.search(r"/attempts/(\d+)/", response["Location"]).group(1)))


def answer_right_and_submit(client, attempt):
    data = {"action": "summary"}
    for answer in attempt.answers.select_related("question"):
        prefix = f"q{answer.position}-"
        data[prefix + "shown"] = "1"
        kind = answer.question.get_real_instance().kind
        if kind == "single_choice":
            data[prefix + "choice"] = token_for(answer, RIGHT)
        elif kind == "true_false":
            data[prefix + "value"] = "false"
        elif kind == "essay":
            data[prefix + "text"] = "A referral to the national mechanism."
    for page in range(attempt.answers.count()):
        client.post(reverse("attempt", args=[attempt.pk]), {**data, "page": str(page)})
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    return attempt


# --- the author's preview ---------------------------------------------------------------------


def test_an_author_previews_the_whole_quiz_without_enrolling(client, author, quiz):
    client.force_login(author)
    page = client.get(reverse("quiz_preview", args=[quiz.pk])).content.decode()
    assert "Preview: Check your knowledge" in page and "2 questions" in page and "never counts" in page
    attempt = start_preview(client, quiz)
    assert attempt.is_preview and attempt.enrolment is None and attempt.trainee == author
    assert not Enrolment.objects.exists()
    html = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    assert "You are trying this quiz as a trainee would" in html

    attempt = answer_right_and_submit(client, attempt)
    assert attempt.status == Attempt.Status.FINISHED and attempt.grade == 100
    review = client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert "100% (2 out of 2)" in review  # marks shown although trainees' review hides them
    assert "Yes: control of documents." in review and "The right answer:" in review
    assert "Preview again" in review
    assert not Enrolment.objects.exists()


def test_a_preview_resumes_while_open_and_is_replaced_once_finished(client, author, quiz):
    client.force_login(author)
    first = start_preview(client, quiz)
    assert start_preview(client, quiz).pk == first.pk
    answer_right_and_submit(client, first)
    second = start_preview(client, quiz)
    assert second.pk != first.pk and second.is_open
    assert list(Attempt.all_objects.values_list("pk", flat=True)) == [second.pk]


def test_a_preview_shows_the_latest_draft(client, author, quiz):
    draft = quiz.get_latest_revision_as_object()
    from assessments.models import QuizSlot

    draft.slots.add(QuizSlot(question=essay(), sort_order=5))
    draft.save_revision(user=author)
    client.force_login(author)
    attempt = start_preview(client, quiz)
    assert [a.question.title for a in attempt.answers.select_related("question").order_by("position")][-1] == "Describe a referral"
    assert QuizPage.objects.get(pk=quiz.pk).slots.count() == 2  # the published quiz is unchanged


def test_an_author_enrolled_in_the_course_keeps_their_own_attempts_apart(client, author, quiz, course):
    enrolment = learning.enrol(trainee=author, course=course)
    client.force_login(author)
    preview = answer_right_and_submit(client, start_preview(client, quiz))
    real = services.start_attempt(quiz=quiz, trainee=author, enrolment=enrolment)
    assert real.number == 1 and not real.is_preview and preview.pk != real.pk
    assert selectors.passed_quiz_keys(enrolment=enrolment, items=[quiz]) == set()
    assert selectors.course_score(enrolment=enrolment, course=course) == 0
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE and enrolment.completed_at is None
    intro = client.get(quiz.url).content.decode()
    assert "Continue your attempt" in intro and "100%" not in intro


def test_old_previews_are_deleted(client, author, quiz):
    client.force_login(author)
    attempt = start_preview(client, quiz)
    assert services.delete_old_previews() == 0
    Attempt.all_objects.filter(pk=attempt.pk).update(started_at=timezone.now() - timedelta(days=2))
    assert services.delete_old_previews() > 0
    assert not Attempt.all_objects.exists()


# --- never counted --------------------------------------------------------------------------------


def test_preview_attempts_are_excluded_everywhere(client, author, administrator, course):
    written = essay()
    quiz = add_quiz(course, [single_choice(), written], title="With an essay", pass_mark=50)
    cohort_enrolment = learning.enrol(trainee=author, course=course)
    enrolments_before = enrolments_in_scope(administrator).count()
    client.force_login(author)
    preview = answer_right_and_submit(client, start_preview(client, quiz))
    assert preview.needs_grading  # an essay a person would grade

    # Results, item analysis, the CSV and the questions' use.
    attempts = selectors.quiz_attempts(administrator, quiz)
    assert not attempts.exists()
    figures = results.quiz_results(quiz, attempts)
    assert (figures.attempts, figures.finished, figures.waiting, figures.trainees) == (0, 0, 0, 0)
    assert all(row.item.attempts == 0 and row.stats is None for row in figures.items)
    assert all(item.attempts == 0 for item in results.quiz_question_families(quiz))
    assert len(list(results.results_csv_rows(quiz, attempts))) == 1  # the header only
    assert selectors.question_use(written) == [] and not bank.has_attempts(written)
    # The grading queue and the trainee dashboard's grading news.
    assert not selectors.grading_queue(administrator).exists() and selectors.waiting_counts(administrator) == {}
    assert selectors.grading_news(author) == {"graded": [], "waiting": []}
    # Completion, the course score, attempts left, the cohort grid.
    assert selectors.passed_quiz_keys(enrolment=cohort_enrolment, items=[quiz]) == set()
    assert selectors.quiz_final_grade(quiz, author) is None
    quiz.max_attempts = 1
    assert selectors.attempts_left(quiz, author) == 1
    group = quiz_columns(course=course, enrolment_ids=[cohort_enrolment.pk])
    assert all(column.values[cohort_enrolment.pk] is None for column in group.columns) and group.last_activity == {}
    # Records: no enrolment was made, so no figure moves.
    assert enrolments_in_scope(administrator).count() == enrolments_before
    # The trainer pages too.
    client.force_login(administrator)
    page = client.get(reverse("quiz_results", args=[quiz.pk])).content.decode()
    assert "<dt>Attempts</dt><dd>0</dd>" in page and "<dt>Submitted</dt><dd>0</dd>" in page
    assert reverse("grade_attempt", args=[preview.pk]) not in client.get(reverse("grading_queue")).content.decode()
    assert client.get(reverse("grade_attempt", args=[preview.pk])).status_code == 404


# --- hostile ------------------------------------------------------------------------------------------


def test_a_trainee_cannot_preview_a_quiz(client, quiz, course):
    trainee = UserFactory()
    learning.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    assert client.get(reverse("quiz_preview", args=[quiz.pk])).status_code == 404
    assert client.post(reverse("quiz_preview", args=[quiz.pk])).status_code == 404
    assert not Attempt.all_objects.exists()


def test_a_trainer_who_does_not_author_the_course_cannot_preview_it(client, quiz):
    client.force_login(UserFactory(role=roles.TRAINER))
    assert client.post(reverse("quiz_preview", args=[quiz.pk])).status_code == 404
    assert not Attempt.all_objects.exists()


def test_someone_signed_out_is_sent_to_sign_in(client, quiz):
    response = client.post(reverse("quiz_preview", args=[quiz.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Attempt.all_objects.exists()


def test_nobody_else_opens_an_authors_preview(client, author, quiz, course):
    client.force_login(author)
    preview = start_preview(client, quiz)
    other = UserFactory()
    learning.enrol(trainee=other, course=course)
    client.force_login(other)
    for name in ("attempt", "attempt_summary", "attempt_review"):
        assert client.get(reverse(name, args=[preview.pk])).status_code == 404
    assert client.post(reverse("attempt_submit", args=[preview.pk])).status_code == 404
    assert Attempt.all_objects.get(pk=preview.pk).is_open


def test_a_preview_of_a_quiz_short_of_random_questions_says_so_and_creates_nothing(client, author, quiz):
    from assessments.models import QuizRandomSlot
    from tests.factories import question_category

    QuizRandomSlot.objects.create(quiz=quiz, category=question_category("Empty"), count=2, sort_order=0)
    client.force_login(author)
    response = client.post(reverse("quiz_preview", args=[quiz.pk]), follow=True)
    assert "has fewer questions than it asks for" in response.content.decode()
    assert not Attempt.all_objects.exists()


def test_a_missing_quiz_is_not_found(client, author):
    client.force_login(author)
    assert client.post(reverse("quiz_preview", args=[999999])).status_code == 404
