"""Benchmarks of the quiz engine: saving one answer, submitting a 20-question attempt, GIFT import."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.registry import Measurement, Run, benchmark, percentile


def _twenty_question_attempts(count: int):
    from assessments import services
    from courses import services as learning
    from tests.factories import UserFactory, add_quiz, build_course, single_choice, true_false

    course = build_course("Bench quiz", modules=1, lessons_per_module=1, slug="bench-quiz")
    questions = [single_choice(title=f"Choice {i}") for i in range(10)] + [true_false(title=f"Statement {i}") for i in range(10)]
    quiz = add_quiz(course, questions, title="Bench quiz")
    attempts = []
    for _ in range(count):
        trainee = UserFactory()
        enrolment = learning.enrol(trainee=trainee, course=course)
        attempts.append((trainee, services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)))
    return attempts


@benchmark
def quiz_save_and_submit(run: Run) -> list[Measurement]:
    """Server time of an autosave request and of grading a 20-question attempt on submit."""
    from assessments import services

    count = run.requests(full=60, short=15)
    attempts = _twenty_question_attempts(count)
    trainee, attempt = attempts[0]
    client = Client()
    client.force_login(trainee)
    url = reverse("attempt_autosave", args=[attempt.pk])
    save_ms = []
    for i in range(run.requests(full=200, short=30) + 20):
        started = time.perf_counter()
        response = client.post(url, {"page": 3, "q4-shown": "1", "q4-value": "true" if i % 2 else "false"})
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"autosave answered {response.status_code}")
        if i >= 20:
            save_ms.append(elapsed)
    with CaptureQueriesContext(connection) as captured:
        client.post(url, {"page": 3, "q4-shown": "1", "q4-value": "maybe"})
    save_queries = len(captured.captured_queries)

    submit_ms = []
    for _trainee, pending in attempts:
        started = time.perf_counter()
        services.submit_attempt(attempt=pending)
        submit_ms.append((time.perf_counter() - started) * 1000)
    return [
        Measurement("quiz_save_answer_p50_ms", round(percentile(save_ms, 50), 1), "ms"),
        Measurement("quiz_save_answer_queries", save_queries, "queries"),
        Measurement("quiz_submit_20_questions_p50_ms", round(statistics.median(submit_ms), 1), "ms"),
    ]


@benchmark
def gift_import(run: Run) -> list[Measurement]:
    """Parse and store a GIFT file of 1,000 questions (200 with --short)."""
    from assessments import importing
    from assessments.formats import gift

    count = run.requests(full=1000, short=200)
    blocks = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            blocks.append(f"::Q{i}:: Which is an indicator of trafficking ({i})? {{=Passport held by the employer#Yes ~A signed contract#No ~Free movement}}")
        elif kind == 1:
            blocks.append(f"::Q{i}:: A child's consent to exploitation is irrelevant ({i}). {{T}}")
        elif kind == 2:
            blocks.append(f"::Q{i}:: In which year was the Palermo Protocol adopted ({i})? {{#2000:0}}")
        else:
            blocks.append(f"::Q{i}:: Name the mechanism that refers victims ({i}). {{=national referral mechanism =NRM}}")
    text = "$CATEGORY: Bench/Import\n\n" + "\n\n".join(blocks) + "\n"
    started = time.perf_counter()
    result = gift.parse_gift(text)
    if result.errors:
        raise RuntimeError(f"GIFT parse errors: {result.errors[:3]}")
    importing.import_questions(result.questions)
    elapsed = time.perf_counter() - started
    # Reported per 1,000 questions, so the short run compares with the same target.
    return [Measurement("gift_import_1000_questions_s", round(elapsed * 1000 / count, 2), "s")]
