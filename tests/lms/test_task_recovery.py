"""A task of the database queue whose worker died goes back to the queue (lms/task_recovery.py)."""

import os
import subprocess
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lms import task_recovery
from lms.task_recovery import requeue_abandoned_tasks, this_worker_id

pytestmark = pytest.mark.django_db


def dead_worker_id() -> str:
    process = subprocess.Popen(["true"])  # noqa: S603, S607
    process.wait()
    return f"{task_recovery._host()}:{process.pid}:1"


def running_task(*worker_ids: str, started_ago: timedelta = timedelta(seconds=5)) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"enrolment_id": 1}},
        task_path="certificates.tasks.issue_certificate_task",
        backend_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started_ago,
        worker_ids=list(worker_ids),
    )


def status_of(row: DBTaskResult) -> str:
    return DBTaskResult.objects.get(pk=row.pk).status


def test_the_worker_id_names_this_machine_and_process():
    host, pid, started = this_worker_id().split(":")
    assert (host, int(pid)) == (task_recovery._host(), os.getpid())
    assert len(this_worker_id()) <= 64
    assert not task_recovery.worker_is_gone(this_worker_id())


def test_a_task_whose_worker_died_goes_back_to_the_queue():
    row = running_task(dead_worker_id())
    assert requeue_abandoned_tasks() == 1
    assert status_of(row) == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(pk=row.pk).exists()


def test_a_task_of_a_live_worker_stays_running():
    row = running_task(this_worker_id(), started_ago=timedelta(minutes=30))
    assert requeue_abandoned_tasks() == 0
    assert status_of(row) == TaskResultStatus.RUNNING


def test_a_process_that_reused_the_dead_workers_pid_is_not_taken_for_it():
    host, pid, _started = this_worker_id().split(":")
    row = running_task(f"{host}:{pid}:12345")  # our pid, another start time
    assert requeue_abandoned_tasks() == 1
    assert status_of(row) == TaskResultStatus.READY


def test_a_worker_elsewhere_is_trusted_until_its_task_is_stale(settings):
    settings.TASKS_DB_STALE_AFTER = 600
    recent = running_task("another-machine:42:7", started_ago=timedelta(minutes=5))
    old = running_task("another-machine:43:7", started_ago=timedelta(minutes=11))
    named = running_task("a-name-given-on-the-command-line", started_ago=timedelta(minutes=11))
    assert requeue_abandoned_tasks() == 2
    assert status_of(recent) == TaskResultStatus.RUNNING
    assert status_of(old) == status_of(named) == TaskResultStatus.READY


def test_a_task_that_killed_its_worker_three_times_is_not_tried_again():
    row = running_task(dead_worker_id(), dead_worker_id(), dead_worker_id())
    assert requeue_abandoned_tasks() == 0
    failed = DBTaskResult.objects.get(pk=row.pk)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "lms.task_recovery.WorkerLost"


def test_finished_and_queued_tasks_are_left_alone():
    done = running_task(dead_worker_id())
    DBTaskResult.objects.filter(pk=done.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert requeue_abandoned_tasks() == 0
    assert status_of(done) == TaskResultStatus.SUCCESSFUL


def test_the_periodic_job_requeues_them():
    row = running_task(dead_worker_id())
    call_command("run_periodic", once=True)
    assert status_of(row) == TaskResultStatus.READY
