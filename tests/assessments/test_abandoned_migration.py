"""Migration 0005: Attempt.Status has no "abandoned"; any such row is closed and graded like a late attempt."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from courses import services as learning
from tests.factories import UserFactory, add_quiz, build_course, single_choice, true_false

pytestmark = pytest.mark.django_db

migration = importlib.import_module("assessments.migrations.0005_attempt_without_abandoned")


@pytest.fixture
def quiz():
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    return add_quiz(course, [single_choice(), true_false()])


def started(quiz, trainee) -> Attempt:
    enrolment = learning.enrol(trainee=trainee, course=quiz.get_parent().get_parent().specific)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    true_false_answer = next(a for a in attempt.answers.select_related("question") if a.question.get_real_instance().kind == "true_false")
    services.save_answers(attempt=attempt, responses={true_false_answer.position: {"value": "false"}})
    return attempt


def test_an_abandoned_row_is_closed_with_its_saved_answers_and_graded(quiz):
    attempt = started(quiz, UserFactory())
    Attempt.objects.filter(pk=attempt.pk).update(status="abandoned", started_at=timezone.now() - timedelta(days=3))

    migration.reopen_abandoned_to_be_closed(apps, None)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.deadline <= attempt.started_at

    assert services.close_overdue() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED and attempt.submitted_at is not None
    assert attempt.grade == 50  # the true/false answer saved in time; the other one unanswered


def test_the_migration_stops_rather_than_open_a_second_attempt_at_the_same_quiz(quiz):
    trainee = UserFactory()
    abandoned = started(quiz, trainee)
    Attempt.objects.filter(pk=abandoned.pk).update(status="abandoned")
    open_now = started(quiz, trainee)

    with pytest.raises(RuntimeError, match=f"Attempt {abandoned.pk}"):
        migration.reopen_abandoned_to_be_closed(apps, None)
    assert Attempt.objects.get(pk=abandoned.pk).status == "abandoned"
    assert Attempt.objects.get(pk=open_now.pk).is_open


def test_no_rule_reads_abandoned_any_more():
    assert "abandoned" not in Attempt.Status.values
