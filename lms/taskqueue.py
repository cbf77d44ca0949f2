"""The task queue on Redis (TASK_BACKEND=rq): retries, and no task lost while Redis is away.

``RQBackend`` is django-tasks-rq's backend with two additions:

- every job carries RQ's ``Retry`` (``retries``, ``retry_intervals`` in the backend's OPTIONS),
  so a task that fails, or whose worker was killed, runs again; the tasks of Passage are written
  to be run twice safely (they take ids and call idempotent services);
- when Redis cannot be reached, the task is written to the database queue named by the
  ``outbox`` option (django-tasks-db) under the id it was meant to have in RQ, and
  ``relay_outbox()`` (a periodic job, ``manage.py run_periodic``) hands it to RQ once Redis
  answers again. A job already in Redis under that id (the push went through but its reply was
  lost) is not pushed twice: the handover is exactly once.

This module imports redis and rq: settings name it only when TASK_BACKEND=rq.
"""

import logging
import threading
import time
import uuid

import django_rq
from django.db import connections, transaction
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks_db.compat import normalize_json
from django_tasks_rq import backend as rq_backend
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import SimpleWorker
from rq.job import Callback, JobStatus, Retry

logger = logging.getLogger("passage.tasks")

# What an unreachable or hung Redis raises (short socket timeouts are set in RQ_QUEUES' URL).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# A finished job's record stays in Redis this long: the relay's "already pushed?" check and
# task results need it for as long as an outage may last.
RESULT_TTL = 24 * 60 * 60


class RQBackend(rq_backend.RQBackend):
    """django-tasks-rq with retries and a database outbox for when Redis is unreachable."""

    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self.retry_intervals = [int(seconds) for seconds in self.options.get("retry_intervals", [10, 60, 300])]
        self.retries = int(self.options.get("retries", len(self.retry_intervals)))
        self.outbox = self.options.get("outbox", "")

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result_id = str(uuid.uuid4())
        try:
            self.push(
                task_path=task.module_path,
                queue_name=task.queue_name,
                args=args,
                kwargs=kwargs,
                job_id=result_id,
                run_after=task.run_after,
                at_front=task.priority == TASK_MAX_PRIORITY,
            )
        except UNREACHABLE:
            if not self.outbox:
                raise
            logger.warning("task queue unreachable: %s kept in the database until it answers", task.name)
            return self._keep_in_outbox(task, args, kwargs, result_id)
        task_result = TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_enqueued.send(type(self), task_result=task_result)
        return task_result

    def push(self, *, task_path, queue_name, args, kwargs, job_id, run_after=None, at_front=False):
        """Put one job into its RQ queue (or its schedule), with retries."""
        queue = django_rq.get_queue(queue_name, job_class=rq_backend.Job)
        retry = Retry(max=self.retries, interval=self.retry_intervals) if self.retries > 0 else None
        job = queue.create_job(
            task_path,
            args=args,
            kwargs=kwargs,
            job_id=job_id,
            status=JobStatus.SCHEDULED if run_after else JobStatus.QUEUED,
            retry=retry,
            result_ttl=RESULT_TTL,
            on_failure=Callback(rq_backend.failed_callback),
            on_success=Callback(rq_backend.success_callback),
            meta={"backend_name": self.alias},
        )
        if run_after is None:
            return queue.enqueue_job(job, at_front=at_front)
        return queue.schedule_job(job, run_after)

    def already_pushed(self, *, queue_name: str, job_id: str) -> bool:
        """Whether Redis holds a job under this id (queued, running, finished or failed)."""
        return rq_backend.Job.exists(job_id, connection=django_rq.get_connection(queue_name))

    def _keep_in_outbox(self, task, args, kwargs, result_id):
        from django_tasks_db.models import DBTaskResult

        db_result = DBTaskResult.objects.create(
            id=uuid.UUID(result_id),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.outbox,
        )
        return db_result.task_result


class Worker(SimpleWorker):
    """rq's worker running each job in its own process (no work horse), without each job's
    arguments in its log lines (an email task's name the person), that waits for Redis when it
    is unreachable instead of exiting.

    Run as ``manage.py rqworker --worker-class lms.taskqueue.Worker --job-class django_tasks_rq.Job``.

    No fork per job: the PDF pool (and Django, the database connection, the fonts) started for
    one job serves the next, where a forked work horse started and stopped a pool of its own,
    seconds per certificate. What a forking worker's parent did for its horse is done here by a
    thread: the job's heartbeat, every ``job_monitoring_interval`` seconds, with rq's short
    heartbeat time. So when this process is killed (SIGKILL, out of memory) its job is found
    abandoned about 90 s later, at another worker's registry cleaning, and retried: rq's
    SimpleWorker would have given it the job's whole timeout (30 min) plus a minute.

    rq's own worker quits when Redis is away as it starts, or goes away while it runs anything
    but a dequeue: the tasks kept in the outbox meanwhile would then wait for someone to restart
    it. This one waits, and starts working again (under a new name) once Redis answers.
    """

    log_job_description = False
    redis_wait = 2.0  # seconds between two pings while Redis is unreachable

    def __init__(self, *args, **kwargs):
        kwargs["log_job_description"] = False
        # Jobs of a worker that died (killed, out of memory) are found when the registries are
        # cleaned, and retried: every minute rather than rq's ten.
        kwargs.setdefault("maintenance_interval", 60)
        if kwargs.get("connection") is not None:
            _wait_for(kwargs["connection"], self.redis_wait)  # rq's __init__ talks to Redis already
        super().__init__(*args, **kwargs)

    def work(self, *args, **kwargs) -> bool:
        worked = False
        while True:
            self._wait_for_redis()
            try:
                worked = super().work(*args, **kwargs) or worked
            except UNREACHABLE:
                pass
            if self._stop_requested or kwargs.get("burst") or self._redis_answers():
                return worked
            logger.warning("task worker: Redis is unreachable; waiting for it")
            self.name = uuid.uuid4().hex  # the old name's record may still say "alive"

    @property
    def dequeue_timeout(self) -> int:
        # rq cleans its registries only between two waits for a job; an idle worker waits up to
        # ~7 minutes. Wake at least as often as the registries are due for cleaning.
        return max(1, min(super().dequeue_timeout, self.maintenance_interval))

    def get_heartbeat_ttl(self, job) -> int:
        # A forking worker's (rq's BaseWorker): at most the monitoring interval plus a minute,
        # kept alive by ``_Heartbeat``; not SimpleWorker's job timeout plus a minute.
        return super(SimpleWorker, self).get_heartbeat_ttl(job)

    def execute_job(self, job, queue):
        heartbeat = _Heartbeat(self, job)
        heartbeat.start()
        try:
            super().execute_job(job, queue)
        finally:
            heartbeat.stop()

    def perform_job(self, job, queue) -> bool:
        _refresh_database_connections()
        try:
            return super().perform_job(job, queue)
        finally:
            _refresh_database_connections()

    def _redis_answers(self) -> bool:
        return _answers(self.connection)

    def _wait_for_redis(self) -> None:
        _wait_for(self.connection, self.redis_wait)


class _Heartbeat(threading.Thread):
    """Keeps a running job's (and its worker's) heartbeat, as a forking worker's parent does."""

    def __init__(self, worker: Worker, job):
        super().__init__(name=f"rq-heartbeat-{job.id}", daemon=True)
        self.worker, self.job = worker, job
        self.started = time.monotonic()
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.worker.job_monitoring_interval):
            try:
                self.worker.set_current_job_working_time(time.monotonic() - self.started)
                self.worker.maintain_heartbeats(self.job)
            except UNREACHABLE:
                logger.warning("task worker: Redis is unreachable; job %s's heartbeat is late", self.job.id)
            except Exception:  # a missed heartbeat must not end the thread: the next one may pass
                logger.exception("task worker: job %s's heartbeat failed", self.job.id)

    def stop(self):
        self.stopped.set()
        self.join(timeout=10)
        self.worker.current_job_working_time = 0  # the next job's heartbeat time counts from 0


def _refresh_database_connections() -> None:
    """What Django does around a request (close_old_connections): a connection the database
    dropped meanwhile (a restart) or past its CONN_MAX_AGE is closed, so the next job opens a
    new one instead of failing like the last. Not inside a transaction (a test's)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def _answers(connection) -> bool:
    try:
        return bool(connection.ping())
    except UNREACHABLE:
        return False


def _wait_for(connection, every: float) -> None:
    logged = False
    while not _answers(connection):
        if not logged:
            logger.warning("task worker: Redis is unreachable; waiting for it")
            logged = True
        time.sleep(every)


def relay_outbox(*, backend_alias: str = "default", batch: int = 100) -> int:
    """Hand the tasks kept in the database while Redis was unreachable to RQ; returns how many.

    Each row is locked (skipped if another relay holds it), pushed unless Redis already has its
    job, and deleted in the same transaction: a relay that dies half-way leaves rows that the
    next one finds already pushed, and skips.
    """
    from django_tasks import task_backends
    from django_tasks_db.models import DBTaskResult

    backend = task_backends[backend_alias]
    if not isinstance(backend, RQBackend) or not backend.outbox:
        return 0
    handed = 0
    while True:
        with transaction.atomic():
            rows = list(
                DBTaskResult.objects.filter(backend_name=backend.outbox, status=TaskResultStatus.READY)
                .select_for_update(skip_locked=True)
                .order_by("enqueued_at")[:batch]
            )
            if not rows:
                return handed
            for row in rows:
                job_id = str(row.id)
                if not backend.already_pushed(queue_name=row.queue_name, job_id=job_id):
                    task = row.task
                    backend.push(
                        task_path=row.task_path,
                        queue_name=row.queue_name,
                        args=row.args_kwargs["args"],
                        kwargs=row.args_kwargs["kwargs"],
                        job_id=job_id,
                        run_after=task.run_after,
                        at_front=task.priority == TASK_MAX_PRIORITY,
                    )
                    handed += 1
            DBTaskResult.objects.filter(pk__in=[row.pk for row in rows]).delete()


def relay_outbox_quietly() -> None:
    """The periodic job: relay, or wait for the next round if Redis is still away."""
    try:
        count = relay_outbox()
    except UNREACHABLE:
        logger.warning("task queue still unreachable; queued tasks wait in the database")
        return
    if count:
        logger.info("handed %d queued task(s) from the database to the task queue", count)
