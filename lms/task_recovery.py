"""Tasks of the database queue whose worker died while running them go back to the queue.

django-tasks-db marks a task RUNNING when a worker claims it and nothing else ever changes that
if the worker is killed (SIGKILL, out of memory, power cut): the task would stay "running"
forever and, for a certificate, its PDF would never be made. ``requeue_abandoned_tasks`` puts
such a task back to READY when

- its worker ran on this machine and that process is gone (workers started by our ``db_worker``
  name themselves ``host:pid:start``), or
- it has been running longer than ``TASKS_DB_STALE_AFTER`` seconds (a worker on another
  machine, or one that named itself).

A task abandoned ``TASKS_DB_MAX_ATTEMPTS`` times is marked FAILED instead, so a task that kills
its worker every time does not loop. Passage's tasks are written to run twice safely (they take
ids and call idempotent services), as RQ's retries already require.

It runs when a worker starts and as a periodic job (``manage.py run_periodic``).
"""

import logging
import os
import socket
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus

logger = logging.getLogger("passage.tasks")

DEFAULT_STALE_AFTER = 60 * 60  # seconds; longer than any task of Passage runs
DEFAULT_MAX_ATTEMPTS = 3


class WorkerLost(Exception):
    """The worker running this task died, too many times: the task is not tried again."""


def _host() -> str:
    return socket.gethostname()[:32]


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot ("" where /proc is missing)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    # The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
    return stat.rsplit(")", 1)[1].split()[19]


def this_worker_id() -> str:
    """A worker id that says where the worker runs: ``host:pid:start`` (at most 64 characters)."""
    pid = os.getpid()
    return f"{_host()}:{pid}:{_start_time(pid)}"


def worker_is_gone(worker_id: str) -> bool:
    """Whether the worker named ``worker_id`` surely no longer runs (False when we cannot tell)."""
    host, _, rest = worker_id.partition(":")
    pid, _, started = rest.partition(":")
    if host != _host() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # a process of another user holds that id: it is alive, but is it ours?
    # The id may have been reused by a later process: the start time tells them apart.
    return bool(started) and _start_time(int(pid)) not in ("", started)


def requeue_abandoned_tasks(*, now=None) -> int:
    """Put back in the queue the running tasks whose worker is gone; returns how many."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stale_after = timedelta(seconds=int(getattr(settings, "TASKS_DB_STALE_AFTER", DEFAULT_STALE_AFTER)))
    max_attempts = int(getattr(settings, "TASKS_DB_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))
    requeued = 0
    with transaction.atomic():
        for row in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            worker = row.worker_ids[-1] if row.worker_ids else ""
            stale = row.started_at is None or row.started_at < now - stale_after
            if not (stale or worker_is_gone(worker)):
                continue
            if len(row.worker_ids) >= max_attempts:
                row.status = TaskResultStatus.FAILED
                row.finished_at = now
                row.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
                row.traceback = f"the worker died while running this task, {len(row.worker_ids)} times"
                row.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                logger.error("task %s (%s): its worker died %d times; not tried again", row.pk, row.task_path, len(row.worker_ids))
                continue
            row.status = TaskResultStatus.READY
            row.started_at = None
            row.save(update_fields=["status", "started_at"])
            requeued += 1
            logger.warning("task %s (%s): its worker %s is gone; queued again", row.pk, row.task_path, worker or "?")
    return requeued
