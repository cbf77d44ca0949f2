"""With the real database task backend and its worker (not the immediate backend)."""

import signal
import subprocess

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from certificates.models import Certificate
from certificates.tasks import issue_certificate_task
from courses import services as learning
from courses.models import Enrolment
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes "old" connections between tasks; inside the test's transaction that
    # would close the only connection, so it keeps it here (nothing else changes).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in handlers.items():  # the worker installs its own
        signal.signal(sig, handler)


def run_worker(capture):
    """Run the worker until the queue is empty; each task's commit hooks run, as in production."""
    for _ in range(10):
        if not DBTaskResult.objects.ready().exists():
            return
        with capture(execute=True):
            call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False, verbosity=0)
    raise AssertionError("the queue never emptied")


def test_the_worker_makes_the_pdf_and_a_duplicate_task_adds_nothing(
    client, trainee, course, database_tasks, django_capture_on_commit_callbacks
):
    enrolment = learning.enrol(trainee=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:-1]:
        learning.complete_lesson(enrolment=enrolment, lesson=lesson)
    client.force_login(trainee)

    # The completion request records the completion and queues a task: no certificate, no PDF.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("complete_lesson", args=[lessons[-1].pk]))
    assert response.status_code == 302
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.exists()
    assert DBTaskResult.objects.ready().filter(task_path__startswith="certificates.").count() == 1
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "being prepared" in dashboard

    # The same issue queued again, as a retry or a double delivery would.
    issue_certificate_task.enqueue(enrolment_id=enrolment.pk)

    run_worker(django_capture_on_commit_callbacks)

    certificate = Certificate.objects.get()
    assert certificate.pdf and certificate.pdf.read().startswith(b"%PDF-")
    certificate_tasks = DBTaskResult.objects.filter(task_path__startswith="certificates.")
    assert sorted(certificate_tasks.values_list("task_path", flat=True)) == [
        "certificates.tasks.issue_certificate_task",
        "certificates.tasks.issue_certificate_task",
        "certificates.tasks.render_certificate_task",
    ]
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert [m.to for m in mail.outbox] == [[trainee.email]]
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "being prepared" not in dashboard
    assert reverse("certificates:download", args=[certificate.pk]) in dashboard


def test_a_worker_killed_after_issuing_leaves_one_certificate_that_the_next_worker_finishes(
    trainee, course, database_tasks, django_capture_on_commit_callbacks
):
    from certificates import services as certificates
    from lms.task_recovery import _host

    enrolment = learning.enrol(trainee=trainee, course=course)
    with django_capture_on_commit_callbacks(execute=True):  # completion → the issue task is queued
        for lesson in lessons_of(course):
            learning.complete_lesson(enrolment=enrolment, lesson=lesson)
    task = DBTaskResult.objects.get(task_path="certificates.tasks.issue_certificate_task")
    # The worker claimed the task, issued the certificate and was SIGKILLed before it queued the PDF.
    issued = certificates.issue_certificate(enrolment=Enrolment.objects.get(pk=enrolment.pk))
    dead = subprocess.Popen(["true"])  # noqa: S603, S607
    dead.wait()
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.RUNNING, worker_ids=[f"{_host()}:{dead.pid}:1"])

    run_worker(django_capture_on_commit_callbacks)  # a new worker starts

    certificate = Certificate.objects.get()
    assert certificate.serial == issued.serial
    assert certificate.pdf and certificate.pdf.read().startswith(b"%PDF-")
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [[trainee.email]]
