"""The task queue on Redis (TASK_BACKEND=rq): retries, and nothing lost while Redis is away."""

import pytest
from django_rq import get_connection, get_queue
from django_tasks import task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_rq import Job
from rq import SimpleWorker

from lms.taskqueue import relay_outbox, relay_outbox_quietly
from tests.topology import REDIS_DOWN, REDIS_UP, rq_tasks

pytestmark = pytest.mark.django_db

RUNS = []


@task()
def note_run(*, label: str) -> str:
    """A task whose runs the tests can count."""
    RUNS.append(label)
    return label


@pytest.fixture(autouse=True)
def _no_runs_yet():
    RUNS.clear()


def run_rq_worker():
    """What `manage.py rqworker --job-class django_tasks_rq.Job default` does, in this process."""
    queue = get_queue("default", job_class=Job)
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)


def test_a_task_goes_through_redis_with_retries_and_runs_in_the_worker(settings, own_redis):
    rq_tasks(settings, REDIS_UP)

    result = note_run.enqueue(label="hello")

    assert result.backend == "default"
    job = Job.fetch(result.id, connection=get_connection("default"))
    assert job.retries_left == 3 and job.retry_intervals == [10, 60, 300]
    assert RUNS == []
    run_rq_worker()
    assert RUNS == ["hello"]
    assert task_backends["default"].get_result(result.id).status == TaskResultStatus.SUCCESSFUL
    assert not DBTaskResult.objects.exists()


def test_while_redis_is_unreachable_the_task_waits_in_the_database(settings):
    rq_tasks(settings, REDIS_DOWN)

    result = note_run.enqueue(label="kept")

    kept = DBTaskResult.objects.get()
    assert str(kept.id) == result.id and kept.backend_name == "outbox"
    assert kept.status == TaskResultStatus.READY and kept.args_kwargs["kwargs"] == {"label": "kept"}
    assert RUNS == []


def test_the_relay_waits_while_redis_is_still_away(settings):
    rq_tasks(settings, REDIS_DOWN)
    note_run.enqueue(label="kept")

    relay_outbox_quietly()  # the periodic job: no exception, nothing lost

    assert DBTaskResult.objects.count() == 1


def test_kept_tasks_go_to_redis_once_it_answers_and_run_exactly_once(settings, own_redis):
    rq_tasks(settings, REDIS_DOWN)
    first = note_run.enqueue(label="first")
    second = note_run.enqueue(label="second")

    rq_tasks(settings, REDIS_UP)  # Redis is back
    assert relay_outbox() == 2
    assert relay_outbox() == 0

    assert not DBTaskResult.objects.exists()
    assert own_redis.llen("rq:queue:default") == 2
    assert Job.fetch(first.id, connection=get_connection("default")).retries_left == 3
    run_rq_worker()
    assert sorted(RUNS) == ["first", "second"]
    assert task_backends["default"].get_result(second.id).status == TaskResultStatus.SUCCESSFUL


def test_a_task_redis_already_holds_is_not_pushed_twice(settings, own_redis):
    """The push went through but its reply was lost: the relay finds the job and only clears the row."""
    rq_tasks(settings, REDIS_DOWN)
    kept = note_run.enqueue(label="once")
    rq_tasks(settings, REDIS_UP)
    backend = task_backends["default"]
    backend.push(task_path=note_run.module_path, queue_name="default", args=[], kwargs={"label": "once"}, job_id=kept.id)

    assert relay_outbox() == 0

    assert not DBTaskResult.objects.exists()
    assert own_redis.llen("rq:queue:default") == 1
    run_rq_worker()
    assert RUNS == ["once"]


def test_a_failing_task_is_scheduled_again(settings, own_redis):
    rq_tasks(settings, REDIS_UP)
    result = fail_once.enqueue()

    run_rq_worker()

    job = Job.fetch(result.id, connection=get_connection("default"))
    assert job.retries_left == 2
    assert job.get_status() == "scheduled"  # back in 10 s (the worker's scheduler enqueues it)


@task()
def fail_once() -> None:
    raise RuntimeError("the certificate store is full")


def test_a_worker_started_while_redis_is_away_waits_for_it_instead_of_exiting(monkeypatch):
    from unittest import mock

    from redis.exceptions import ConnectionError as RedisConnectionError

    from lms import taskqueue

    connection = mock.Mock()
    connection.ping.side_effect = [RedisConnectionError(), RedisConnectionError(), True]
    waits = []
    monkeypatch.setattr(taskqueue.time, "sleep", waits.append)
    taskqueue._wait_for(connection, 2.0)
    assert waits == [2.0, 2.0]


def test_a_worker_that_loses_redis_while_working_waits_and_works_again(monkeypatch):
    from unittest import mock

    from redis.exceptions import ConnectionError as RedisConnectionError

    from lms import taskqueue

    rounds = iter([RedisConnectionError("gone"), False, True])

    def work(self, *args, **kwargs):
        outcome = next(rounds)
        if isinstance(outcome, Exception):
            raise outcome
        if outcome is False:  # rq's loop quits quietly on an error it does not handle
            return False
        self._stop_requested = True  # then a stop request ends it
        return True

    monkeypatch.setattr(SimpleWorker, "work", work)
    monkeypatch.setattr(taskqueue.time, "sleep", lambda seconds: None)
    worker = taskqueue.Worker.__new__(taskqueue.Worker)  # no Redis behind it
    worker._stop_requested = False
    worker.name = "first"
    answers = iter([True, False, True, False, True])
    monkeypatch.setattr(taskqueue, "_answers", lambda connection: next(answers))
    worker.connection = mock.Mock()
    assert worker.work() is True
    assert worker.name != "first"  # a new name: the old one's record may still say "alive"


PDF_CHILDREN = []
HEARTBEATS = []


@task()
def note_pdf_child() -> int:
    """Renders a page and notes the worker's and the rendering child's process ids."""
    import os

    from lms.pdf import pool

    pool.render("<p>Awa Sarr</p>")
    PDF_CHILDREN.append((os.getpid(), pool.child_font_state()["pid"]))
    return 1


@task()
def note_heartbeats(*, seconds: float) -> None:
    """Notes this job's expiry in rq's started registry, at its start and after ``seconds``."""
    import time

    from rq import get_current_job

    job = get_current_job()
    registry = job.started_job_registry

    def expiry() -> float:
        return next(score for member, score in registry.connection.zrange(registry.key, 0, -1, withscores=True)
                    if member.decode().startswith(job.id))

    HEARTBEATS.append((time.time(), expiry()))
    time.sleep(seconds)
    HEARTBEATS.append((time.time(), expiry()))


def _passage_worker(**kwargs):
    from lms import taskqueue

    queue = get_queue("default", job_class=Job)
    return taskqueue.Worker([queue], connection=queue.connection, job_class=Job, **kwargs)


def test_the_worker_runs_jobs_in_its_own_process_and_keeps_one_pdf_pool(settings, own_redis):
    import os

    from lms.pdf import pool

    rq_tasks(settings, REDIS_UP)
    PDF_CHILDREN.clear()
    pool.shutdown()
    note_pdf_child.enqueue()
    note_pdf_child.enqueue()

    _passage_worker().work(burst=True)

    assert len(PDF_CHILDREN) == 2
    assert {worker for worker, _child in PDF_CHILDREN} == {os.getpid()}  # no work horse
    assert PDF_CHILDREN[0][1] == PDF_CHILDREN[1][1]  # one rendering child served both jobs


def test_a_killed_workers_job_is_found_abandoned_within_a_minute_and_a_half_not_its_timeout(settings, own_redis):
    """The registry entry expires after the heartbeat time (90 s, kept alive while the job runs),
    not after the job's timeout (30 min) as with rq's SimpleWorker."""
    rq_tasks(settings, REDIS_UP)
    HEARTBEATS.clear()
    note_heartbeats.enqueue(seconds=2.5)

    _passage_worker(job_monitoring_interval=1).work(burst=True)

    (started, first), (ended, last) = HEARTBEATS
    assert first - started <= 1 + 60 + 1  # min(time left, monitoring interval) + a minute
    assert last > first + 1  # the heartbeat thread moved it on while the job ran
    assert last - ended <= 1 + 60 + 1
    worker, job = _passage_worker(), Job(id="x", connection=own_redis)
    job.timeout = 30 * 60
    assert worker.get_heartbeat_ttl(job) == worker.job_monitoring_interval + 60
