"""Attempts: starting, saving, submitting, timing and privacy of the key."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from courses import services as learning
from courses.models import Enrolment
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    essay,
    lessons_of,
    ordering,
    short_answer,
    single_choice,
    true_false,
)
from tests.queries import assert_get_writes_nothing

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    return add_quiz(course, [single_choice(), true_false(), short_answer()], pass_mark=60)


@pytest.fixture
def trainee(course):
    user = UserFactory()
    learning.enrol(trainee=user, course=course)
    return user


def enrolment_of(user):
    return Enrolment.objects.get(trainee=user)


def start(client, quiz):
    response = client.post(reverse("quiz_start", args=[quiz.pk]))
    assert response.status_code == 302, response
    return Attempt.objects.get(pk=int(re.search(r"/attempts/(\d+)/", response["Location"]).group(1)))


def token_for(answer, label):
    question = answer.question.get_real_instance()
    return next(t for t, option_id in answer.layout["tokens"].items() if question.option_label(option_id) == label)


def right_answers(attempt):
    """Form data answering every question of the attempt correctly."""
    data = {}
    for answer in attempt.answers.select_related("question"):
        prefix = f"q{answer.position}-"
        data[prefix + "shown"] = "1"
        kind = answer.question.get_real_instance().kind
        if kind == "single_choice":
            data[prefix + "choice"] = token_for(answer, "Employer keeps the passport")
        elif kind == "true_false":
            data[prefix + "value"] = "false"
        elif kind == "short_answer":
            data[prefix + "text"] = "Two Thousand"
    return data


def test_intro_shows_the_rules_and_a_start_button(client, quiz, trainee):
    client.force_login(trainee)
    page = client.get(quiz.url).content.decode()
    assert "3 questions" in page and "Pass mark: 60%" in page and "Start the quiz" in page


def test_reading_the_intro_and_the_review_writes_nothing(client, quiz, trainee):
    client.force_login(trainee)
    assert_get_writes_nothing(client, quiz.url)
    attempt = start(client, quiz)
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    assert "Start a new attempt" in assert_get_writes_nothing(client, quiz.url).content.decode()
    assert_get_writes_nothing(client, reverse("attempt_review", args=[attempt.pk]))


def test_a_trainee_who_left_the_course_is_sent_to_enrol_again(client, quiz, trainee, course):
    learning.withdraw(enrolment_of(trainee), by=trainee)
    client.force_login(trainee)
    response = client.get(quiz.url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert "Enrol again" in response.content.decode()
    assert client.post(reverse("quiz_start", args=[quiz.pk])).status_code == 302
    assert not Attempt.objects.exists()


def test_double_click_on_start_gives_one_attempt(client, quiz, trainee):
    client.force_login(trainee)
    first, second = start(client, quiz), start(client, quiz)
    assert first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_page_shows_opaque_tokens_and_never_the_key(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    page = client.get(reverse("attempt", args=[attempt.pk]) + "?page=0").content.decode()
    answer = attempt.answers.get(position=1)
    question = answer.question.get_real_instance()
    for block in question.choices:
        assert block.id not in page  # database option ids never reach the page
    assert "fraction" not in page and "Yes: control of documents." not in page
    for token in answer.layout["tokens"]:
        assert f'value="{token}"' in page


def test_answers_saved_without_javascript_and_graded_on_submit(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    data = right_answers(attempt)
    for page in range(3):
        client.post(reverse("attempt", args=[attempt.pk]), {**data, "page": page, "action": "next"})
    summary = client.get(reverse("attempt_summary", args=[attempt.pk])).content.decode()
    assert "Every question has an answer." in summary
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED
    assert attempt.grade == 100
    review = client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert "100% (3 out of 3)" in review and "passed" in review


def test_autosave_keeps_answers_for_another_device(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    response = client.post(reverse("attempt_autosave", args=[attempt.pk]), {"page": 2, "q3-shown": "1", "q3-text": "two thousand"})
    assert response.json()["ok"] is True
    from django.test import Client

    other_device = Client()
    other_device.force_login(trainee)
    page = other_device.get(reverse("attempt", args=[attempt.pk]) + "?page=2").content.decode()
    assert 'value="two thousand"' in page


def test_second_submit_does_not_grade_twice(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    services.submit_attempt(attempt=attempt)
    first = Attempt.objects.get(pk=attempt.pk).submitted_at
    with pytest.raises(services.AttemptClosed):
        services.submit_attempt(attempt=attempt)
    assert Attempt.objects.get(pk=attempt.pk).submitted_at == first


def test_answering_after_submission_changes_nothing(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    response = client.post(reverse("attempt_autosave", args=[attempt.pk]), {"page": 2, "q3-shown": "1", "q3-text": "two thousand"})
    assert response.status_code == 409
    assert attempt.answers.get(position=3).response is None


def test_another_trainees_attempt_is_not_found(client, quiz, trainee, course):
    client.force_login(trainee)
    attempt = start(client, quiz)
    intruder = UserFactory()
    learning.enrol(trainee=intruder, course=course)
    client.force_login(intruder)
    for name in ("attempt", "attempt_summary", "attempt_review"):
        assert client.get(reverse(name, args=[attempt.pk])).status_code == 404
    assert client.post(reverse("attempt_autosave", args=[attempt.pk]), {"q1-shown": "1"}).status_code == 404
    assert client.post(reverse("attempt_submit", args=[attempt.pk])).status_code == 404


def test_attempt_limit_cannot_be_exceeded_by_replaying_start(client, course, trainee):
    quiz = add_quiz(course, [true_false()], title="Limited", max_attempts=1)
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    response = client.post(reverse("quiz_start", args=[quiz.pk]), follow=True)
    assert "used all the attempts" in response.content.decode()
    assert Attempt.objects.filter(quiz_key=quiz.translation_key).count() == 1


def test_late_submission_within_grace_is_accepted(client, course, trainee):
    quiz = add_quiz(course, [true_false()], title="Timed", time_limit_minutes=10)
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-value": "false", "action": "save"})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=20))
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED and attempt.grade == 100


def test_overdue_attempt_is_closed_with_what_was_saved(client, course, trainee):
    quiz = add_quiz(course, [true_false()], title="Timed", time_limit_minutes=5)
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt_autosave", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-value": "false"})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    late = client.post(reverse("attempt_autosave", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-value": "true"})
    assert late.status_code == 409
    assert services.close_overdue() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED and attempt.grade == 100


def test_submitting_after_the_grace_period_closes_with_what_was_saved(client, course, trainee):
    quiz = add_quiz(course, [true_false(), single_choice()], title="Timed", time_limit_minutes=5)
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt_autosave", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-value": "false"})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - services.GRACE - timedelta(minutes=1))

    response = client.post(reverse("attempt_submit", args=[attempt.pk]), follow=True)

    assert response.status_code == 200
    assert "Time was up" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED and attempt.submitted_at is not None
    # Graded on what was saved in time: the first answer right, the second never given.
    marks = dict(attempt.answers.values_list("position", "mark"))
    assert marks[1] == 1 and marks[2] == 0 and attempt.grade == 50

    submitted_at = attempt.submitted_at
    again = client.post(reverse("attempt_submit", args=[attempt.pk]), follow=True)
    assert again.status_code == 200 and "already submitted" in again.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at == submitted_at and attempt.grade == 50


def test_a_late_submission_is_committed_before_the_error_is_raised(course, trainee):
    quiz = add_quiz(course, [true_false()], title="Timed", time_limit_minutes=5)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment_of(trainee))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - services.GRACE - timedelta(seconds=1))
    with pytest.raises(services.SubmittedTooLate):
        services.submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED
    with pytest.raises(services.AttemptClosed) as second:
        services.submit_attempt(attempt=attempt)
    assert not isinstance(second.value, services.SubmittedTooLate)


def test_going_to_a_page_beyond_the_last_stays_on_the_attempt(client, quiz, trainee):
    client.force_login(trainee)
    attempt = start(client, quiz)
    for action, page, lands_on in (("goto-99999999999999999999", "0", 2), ("goto-²", "1", 1), ("goto-", "0", 0)):
        response = client.post(reverse("attempt", args=[attempt.pk]), {"page": page, "action": action})
        assert response.status_code == 302, action
        attempt.refresh_from_db()
        assert attempt.current_page == lands_on, action  # the last of three pages at most


def test_ordering_is_never_shown_in_the_key_order(trainee, course):
    question = ordering()
    quiz = add_quiz(course, [question], title="Steps")
    orders = set()
    for seed in range(30):
        Attempt.objects.all().delete()
        attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment_of(trainee), seed=seed)
        answer = attempt.answers.get()
        shown = [answer.layout["tokens"][token] for token in answer.layout["order"]]
        assert shown != question.grading_spec()["items"]
        orders.add(tuple(shown))
    assert len(orders) > 1


def test_passing_the_required_quiz_completes_the_course(client, quiz, trainee, course):
    client.force_login(trainee)
    enrolment = enrolment_of(trainee)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE  # the quiz is still required
    attempt = start(client, quiz)
    client.post(reverse("attempt", args=[attempt.pk]), {**right_answers(attempt), "page": 0, "action": "save"})
    client.post(reverse("attempt", args=[attempt.pk]), {**right_answers(attempt), "page": 1, "action": "save"})
    client.post(reverse("attempt", args=[attempt.pk]), {**right_answers(attempt), "page": 2, "action": "save"})
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    services.after_grading(attempt.pk)  # on_commit in production
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.score == 100


def test_failing_the_quiz_keeps_the_course_open(client, quiz, trainee, course):
    client.force_login(trainee)
    enrolment = enrolment_of(trainee)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    attempt = start(client, quiz)
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    services.after_grading(attempt.pk)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert "not passed" in client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()


def test_essays_wait_for_a_grader(client, course, trainee):
    quiz = add_quiz(course, [essay()], title="Written")
    client.force_login(trainee)
    attempt = start(client, quiz)
    client.post(reverse("attempt", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-text": "I would call the NRM focal point.", "action": "save"})
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.needs_grading
    assert attempt.answers.get().response == {"text": "I would call the NRM focal point."}
    assert "waiting for a trainer" in client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()


def test_correct_answers_hidden_until_the_settings_allow(client, course, trainee):
    quiz = add_quiz(course, [single_choice()], title="Strict", show_correct_answers="never", show_feedback="never", show_marks="never")
    client.force_login(trainee)
    attempt = start(client, quiz)
    wrong = token_for(attempt.answers.get(), "Has a work contract")
    client.post(reverse("attempt", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-choice": wrong, "action": "save"})
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    review = client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert "Has a work contract" in review  # the trainee's own answer
    assert "Employer keeps the passport" not in review
    assert "The right answer" not in review and "Not in itself" not in review and "0%" not in review


def test_each_answer_keeps_its_own_mark_and_feedback_when_outcomes_differ(client, course, trainee):
    # Grades are written one UPDATE per distinct outcome: answers that share an outcome share a
    # row update, and no answer may take another's mark or feedback.
    quiz = add_quiz(course, [single_choice(title="First"), single_choice(title="Second"), true_false(), true_false(title="Other")], pass_mark=60)
    client.force_login(trainee)
    attempt = start(client, quiz)
    data = {}
    for answer in attempt.answers.select_related("question"):
        prefix = f"q{answer.position}-"
        data[prefix + "shown"] = "1"
        title = answer.question.get_real_instance().title
        if title == "First":
            data[prefix + "choice"] = token_for(answer, "Employer keeps the passport")
        elif title == "Second":
            data[prefix + "choice"] = token_for(answer, "Has a work contract")
        elif title == "Other":
            data[prefix + "value"] = "true"
        # the other true/false statement is left unanswered
    for page in range(4):
        client.post(reverse("attempt", args=[attempt.pk]), {**data, "page": page, "action": "next"})
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    stored = {a.question.get_real_instance().title: a for a in attempt.answers.select_related("question")}
    assert (stored["First"].mark, stored["First"].feedback) == (1, ["Yes: control of documents."])
    assert (stored["Second"].mark, stored["Second"].feedback) == (0, ["Not in itself."])
    assert stored["Other"].mark == 0 and stored["Other"].feedback == ["No: for children the means element is not required."]
    assert stored["Consent of a child matters"].mark == 0
    attempt.refresh_from_db()
    assert attempt.grade == 25
