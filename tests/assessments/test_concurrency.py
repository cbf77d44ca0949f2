"""Attempts under concurrent requests: one attempt per start, one grading per submit, no answer lost."""

import threading

import pytest
from django.db import connection

from assessments import services
from assessments.models import Answer, Attempt
from courses import services as learning
from tests.factories import UserFactory, add_quiz, build_course, true_false

pytestmark = pytest.mark.django_db(transaction=True)


def run_in_threads(count, work):
    """Run ``work(i)`` in ``count`` threads released together; returns results or exceptions."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread met
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def quiz():
    course = build_course("Concurrency", modules=1, lessons_per_module=1)
    return add_quiz(course, [true_false(), true_false(title="Second statement", correct=True)])


def enrolled(quiz):
    user = UserFactory()
    enrolment = learning.enrol(trainee=user, course=quiz.get_parent().get_parent().specific)
    return user, enrolment


def test_starting_twice_at_once_gives_one_attempt(quiz):
    user, enrolment = enrolled(quiz)
    results = run_in_threads(6, lambda i: services.start_attempt(quiz=quiz, trainee=user, enrolment=enrolment).pk)
    assert all(isinstance(result, int) for result in results), results
    assert len(set(results)) == 1
    assert Attempt.objects.filter(trainee=user).count() == 1
    assert Answer.objects.filter(attempt__trainee=user).count() == 2


def test_submitting_twice_at_once_grades_once(quiz, monkeypatch):
    user, enrolment = enrolled(quiz)
    attempt = services.start_attempt(quiz=quiz, trainee=user, enrolment=enrolment)
    gradings = []
    original = services._finish

    def counting_finish(attempt, **kwargs):
        gradings.append(attempt.pk)
        return original(attempt, **kwargs)

    monkeypatch.setattr(services, "_finish", counting_finish)
    results = run_in_threads(4, lambda i: services.submit_attempt(attempt=attempt).pk)
    assert gradings == [attempt.pk]
    assert sum(1 for result in results if result == attempt.pk) == 1
    assert all(isinstance(result, services.AttemptClosed) for result in results if result != attempt.pk)


def test_80_trainees_submitting_together_are_each_graded_once_with_every_answer(quiz, monkeypatch):
    trainees = [enrolled(quiz) for _ in range(80)]
    attempts = [services.start_attempt(quiz=quiz, trainee=user, enrolment=enrolment) for user, enrolment in trainees]
    gradings = []
    lock = threading.Lock()
    original = services._finish

    def counting_finish(attempt, **kwargs):
        with lock:
            gradings.append(attempt.pk)
        return original(attempt, **kwargs)

    monkeypatch.setattr(services, "_finish", counting_finish)

    def answer_and_submit(i):
        attempt = attempts[i]
        services.save_answers(
            attempt=attempt,
            responses={1: {"value": "false"}, 2: {"value": "true" if i % 2 else "false"}},
        )
        return services.submit_attempt(attempt=attempt).grade

    results = run_in_threads(len(attempts), answer_and_submit)
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors[:3]
    assert sorted(gradings) == sorted(attempt.pk for attempt in attempts)
    finished = Attempt.objects.filter(status=Attempt.Status.FINISHED)
    assert finished.count() == 80
    assert Answer.objects.filter(attempt__in=finished, response__isnull=True).count() == 0
    assert sorted(float(a.grade) for a in finished) == [50.0] * 40 + [100.0] * 40
