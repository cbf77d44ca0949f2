"""Saving an answer and submitting an attempt use a fixed number of queries."""

import pytest
from django.urls import reverse

from assessments import services
from courses import services as learning
from tests.factories import UserFactory, add_quiz, build_course, single_choice, true_false

pytestmark = pytest.mark.django_db

# Session, user, attempt, the page's answers; in a savepoint: lock the attempt, read the
# page's answers again under the lock, save the changed ones.
AUTOSAVE_QUERIES = 9
# Savepoint; lock the attempt; its answers; their questions (base rows, then one query per
# question type: two here); save the grades; save the attempt; release the savepoint.
SUBMIT_QUERIES_20 = 9


def twenty_question_attempt():
    course = build_course("Twenty", modules=1, lessons_per_module=1)
    questions = [single_choice(title=f"Choice {i}") for i in range(10)] + [true_false(title=f"Statement {i}") for i in range(10)]
    quiz = add_quiz(course, questions)
    trainee = UserFactory()
    enrolment = learning.enrol(trainee=trainee, course=course)
    return trainee, services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)


def test_autosave_query_count(client, django_assert_num_queries):
    trainee, attempt = twenty_question_attempt()
    client.force_login(trainee)
    url = reverse("attempt_autosave", args=[attempt.pk])
    client.post(url, {"page": 12, "q13-shown": "1", "q13-value": "true"})
    with django_assert_num_queries(AUTOSAVE_QUERIES):
        response = client.post(url, {"page": 12, "q13-shown": "1", "q13-value": "false"})
    assert response.json()["saved"] == 1


def test_submit_query_count_for_twenty_questions(django_assert_num_queries, django_capture_on_commit_callbacks):
    _trainee, attempt = twenty_question_attempt()
    with django_assert_num_queries(SUBMIT_QUERIES_20):
        services.submit_attempt(attempt=attempt)
