"""The hot pages timed over HTTP, through gunicorn as ``make run`` starts it.

The test-client timings of bench/pages.py leave out what a real request pays: the WSGI server,
parsing HTTP, the session cookie, compressing the answer. Here gunicorn (2 workers x 4 threads,
the embedded SQLite and per-process cache) serves the benchmark's database, and one kept-alive
connection asks for each page 200 times in a row (60 with --short) after 5 untimed warm-ups,
as the signed-in trainee: the lesson, the catalogue, the course page and a quiz attempt showing
ten saved answers. The time is the client's, from sending the request to reading the whole
(gzipped) answer. Then the lesson is asked for over four connections at once for pages/s, by
wrk (one thread, 10 s; 3 s with --short) where it is installed (`scripts/bootstrap.sh test`
installs it), else by this process (1,000 pages over four threads; 300 with --short), which
spends on the client some of the CPU the server would have (a lower rate on two cores).

bench/production.py times the same pages, with these functions, on the production topology.
"""

import http.client
import re
import shutil
import subprocess  # noqa: S404 - runs wrk with fixed arguments
import time

from django.urls import reverse

from bench.registry import Measurement, Run, benchmark, percentile
from bench.web import (
    CONNECTIONS,
    LESSON_NUMBER,
    _collect_static,
    _get_pages,
    _Gunicorn,
    _session_cookie,
)
from courses.models import CourseIndexPage

WARMUP = 5
QUIZ_QUESTIONS = 10


def _quiz_attempt_with_saved_answers(run: Run) -> str:
    """The address of a ten-question attempt, all on one page, every answer saved."""
    from assessments import services
    from assessments.models import QuizPage
    from assessments.types import registry
    from courses.selectors import current_enrolment
    from tests.factories import add_quiz, single_choice, true_false

    course = run.scene.small_course
    questions = [single_choice(title=f"Served choice {i}") for i in range(QUIZ_QUESTIONS // 2)]
    questions += [true_false(title=f"Served statement {i}") for i in range(QUIZ_QUESTIONS - len(questions))]
    quiz = add_quiz(course, questions, title="Served quiz", layout=QuizPage.Layout.ALL_ON_ONE)
    enrolment = current_enrolment(trainee=run.scene.trainee, course=course)
    attempt = services.start_attempt(quiz=quiz, trainee=run.scene.trainee, enrolment=enrolment)
    responses = {}
    for answer in attempt.answers.all():
        question = answer.question.get_real_instance()
        responses[answer.position] = registry.for_question(question).demo_form_data(question, answer.layout or {}, right=True)
    if services.save_answers(attempt=attempt, responses=responses) != len(questions):
        raise RuntimeError("the served quiz's answers were not all saved")
    return reverse("attempt", args=[attempt.pk]) + "?page=0"


def page_addresses(run: Run) -> dict[str, str]:
    """The timed pages that the scene has by name: the lesson, the catalogue, the course."""
    return {
        "lesson": run.scene.lesson(run.scene.large_course, LESSON_NUMBER).url,
        "catalogue": CourseIndexPage.objects.first().url,
        "course": run.scene.large_course.url,
    }


def hot_pages(run: Run) -> dict[str, str]:
    """Every timed page by name, with the quiz attempt (made here)."""
    return {**page_addresses(run), "quiz_saved_answers": _quiz_attempt_with_saved_answers(run)}


def sequential_ms(port: int, path: str, cookie: str, count: int) -> list[float]:
    """Milliseconds for each of ``count`` GETs in a row on one kept-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
    samples = []
    for number in range(WARMUP + count):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"GET {path} through gunicorn answered {response.status}, expected 200")
        if number >= WARMUP:
            samples.append(elapsed)
    connection.close()
    return samples


def wrk_pages_per_s(output: str) -> float:
    """Requests per second from wrk's report; an error if any answer was an error or failed."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"wrk: {errors.group(1)} answers were errors, expected 200s")
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets and any(int(count) for count in sockets.groups()):
        raise RuntimeError(f"wrk: {sockets.group(0)}")
    rate = re.search(r"^Requests/sec:\s+([\d.]+)\s*$", output, re.MULTILINE)
    if not rate:
        raise RuntimeError(f"wrk printed no Requests/sec line:\n{output[-2000:]}")
    return float(rate.group(1))


def pages_per_s(run: Run, port: int, path: str, cookie: str) -> float:
    """Pages per second of ``path`` over CONNECTIONS kept-alive connections: wrk's count, or
    this process's where wrk is not installed."""
    wrk = shutil.which("wrk")
    if wrk is None:
        print("    wrk is not installed: pages/s counted by this process instead", flush=True)
        pages = run.requests(full=1000, short=300)
        return pages / _get_pages(port, path, cookie, pages)
    seconds = run.requests(full=10, short=3)
    command = [
        wrk, "--threads", "1", "--connections", str(CONNECTIONS), "--duration", f"{seconds}s", "--timeout", "30s",
        "--header", f"Cookie: {cookie}", "--header", "Accept-Encoding: gzip", f"http://127.0.0.1:{port}{path}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed ({result.returncode}): {result.stderr[-2000:]}")
    return wrk_pages_per_s(result.stdout)


def timing_measurements(prefix: str, name: str, samples: list[float]) -> list[Measurement]:
    """The median and p95 of one page's samples, named ``<prefix>http_<page>_p50_ms`` and ``_p95_ms``."""
    return [
        Measurement(f"{prefix}http_{name}_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement(f"{prefix}http_{name}_p95_ms", round(percentile(samples, 95), 1), "ms"),
    ]


@benchmark
def served_pages(run: Run) -> list[Measurement]:
    """Median and p95 of the hot pages over HTTP, and lesson pages/s over four connections."""
    _collect_static()
    pages = hot_pages(run)
    cookie = _session_cookie(run.scene.trainee)
    count = run.requests(full=200, short=60)
    measurements = []
    with _Gunicorn(preload=False) as server:
        for name, path in pages.items():
            _get_pages(server.port, path, cookie, 4 * CONNECTIONS)  # each worker loads the page's code
            measurements += timing_measurements("", name, sequential_ms(server.port, path, cookie, count))
        rate = pages_per_s(run, server.port, pages["lesson"], cookie)
    measurements.append(Measurement("lesson_pages_per_s_gunicorn", round(rate), "pages/s"))
    return measurements
