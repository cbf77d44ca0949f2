"""Benchmarks of certificates: one PDF warm, and a bulk run through the real task worker.

The bulk run queues one issue task per completed round in the database queue, then runs two
`db_worker` processes (one per core) until the queue is empty, and reads the peak resident memory
(VmHWM) of the workers and of their rendering children from /proc while they run.
"""

import os
import subprocess  # noqa: S404 - runs manage.py db_worker, with fixed arguments
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.test.utils import override_settings
from django.utils import timezone

from bench.registry import Measurement, Run, benchmark, percentile
from certificates import selectors
from certificates.models import Certificate
from certificates.rendering import documents
from certificates.tasks import issue_certificate_task
from courses.models import CoursePage, Enrolment
from lms.models import User
from lms.pdf import pool
from tests.factories import OrganisationFactory, SectorFactory, build_course

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKERS = 2
MANAGE = Path(__file__).resolve().parent.parent / "manage.py"


@benchmark
def certificate_pdf_warm(run: Run) -> list[Measurement]:
    """Build the HTML and render one certificate in the rendering pool, after a warm-up."""
    template = selectors.default_template()
    facts = documents.sample_facts(template, "en")
    for _warm in range(5):
        document = documents.certificate_document(template, facts)
        pool.render(document.html, document.assets)
    samples = []
    for _sample in range(run.requests(full=100, short=20)):
        started = time.perf_counter()
        document = documents.certificate_document(template, facts)
        pool.render(document.html, document.assets)
        samples.append((time.perf_counter() - started) * 1000)
    return [
        Measurement("certificate_pdf_warm_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement("certificate_pdf_warm_p95_ms", round(percentile(samples, 95), 1), "ms"),
        Measurement("certificate_render_child_peak_rss_mb", round(pool.peak_child_memory_kb() / 1024, 1), "MB"),
    ]


def _completed_rounds(count: int) -> list[int]:
    """``count`` trainees, each with a completed round of one course (rows written in bulk)."""
    course = build_course("Bulk certificates", modules=1, lessons_per_module=1, slug="bulk-certificates")
    course = CoursePage.objects.get(pk=course.pk)
    organisation, sector = OrganisationFactory(name="Bulk border post"), SectorFactory()
    stamp = int(time.time())
    User.objects.bulk_create(
        [
            User(
                email=f"bulk{stamp}-{n}@example.org",
                first_name="Awa",
                last_name=f"Sarr{n}",
                certificate_name=f"Awa Sarr {n}",
                organisation=organisation,
                sector=sector,
                country=organisation.country,
                password="!",  # noqa: S106 - an unusable password
            )
            for n in range(count)
        ]
    )
    users = list(User.objects.filter(email__startswith=f"bulk{stamp}-").order_by("pk"))
    completed_at = timezone.now() - timedelta(hours=1)
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                trainee=user,
                course=course,
                course_key=course.translation_key,
                course_title=course.title,
                status=Enrolment.Status.COMPLETED,
                completion_rule=course.completion_rule,
                completed_at=completed_at,
                progress_percent=100,
                organisation=organisation,
                sector=sector,
                country=organisation.country,
            )
            for user in users
        ]
    )
    return list(
        Enrolment.objects.filter(trainee__in=users, course_key=course.translation_key).values_list("pk", flat=True)
    )


def _descendants(root_pids: set[int]) -> set[int]:
    """The processes started by the given ones, at any depth (read from /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(root_pids), set(root_pids)
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in found}
        found |= frontier
    return found


def _high_water_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _MemoryWatch(threading.Thread):
    """Samples the workers' and their children's peak resident memory while they run."""

    def __init__(self, workers):
        super().__init__(daemon=True)
        self.workers = {process.pid for process in workers}
        self.peaks: dict[int, int] = {}
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            for pid in _descendants(self.workers):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _high_water_kb(pid))
            self.stopped.wait(0.25)

    def worker_peak_mb(self) -> float:
        return max((self.peaks.get(pid, 0) for pid in self.workers), default=0) / 1024

    def child_peak_mb(self) -> float:
        return max((kb for pid, kb in self.peaks.items() if pid not in self.workers), default=0) / 1024


@benchmark
def certificate_bulk(run: Run) -> list[Measurement]:
    """Issue certificates for many completed rounds through the database queue and two workers."""
    count = 200 if run.short else 1000
    rounds = _completed_rounds(count)
    with override_settings(TASKS=DATABASE_TASKS):
        for enrolment_id in rounds:
            issue_certificate_task.enqueue(enrolment_id=enrolment_id)

    environment = {**os.environ, "TASK_BACKEND": "database", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    command = [sys.executable, str(MANAGE), "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload", "-v0"]
    started = time.perf_counter()
    workers = [
        subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
        for _worker in range(WORKERS)
    ]
    watch = _MemoryWatch(workers)
    watch.start()
    errors = [worker.communicate()[1] for worker in workers]
    seconds = time.perf_counter() - started
    watch.stopped.set()
    watch.join()
    for worker, error in zip(workers, errors, strict=True):
        if worker.returncode:
            raise RuntimeError(f"db_worker failed ({worker.returncode}): {error.decode()[-2000:]}")

    made = Certificate.objects.filter(enrolment_id__in=rounds).exclude(pdf="")
    all_issued = made.count() == count and Certificate.objects.filter(enrolment_id__in=rounds).count() == count
    return [
        Measurement("certificate_bulk_1000_s", round(seconds * 1000 / count, 1), "s"),
        Measurement("certificate_bulk_per_certificate_ms", round(seconds * 1000 / count, 1), "ms"),
        Measurement("certificate_bulk_all_issued", int(all_issued), "bool"),
        Measurement("certificate_worker_peak_rss_mb", round(watch.worker_peak_mb(), 1), "MB"),
        Measurement("certificate_bulk_render_child_peak_rss_mb", round(watch.child_peak_mb(), 1), "MB"),
    ]

