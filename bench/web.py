"""Benchmarks of the web process itself: what importing it costs, and a gunicorn worker's memory.

A fresh interpreter imports the WSGI application (and loads every URL pattern) to time it,
count its modules and check that no PDF or spreadsheet library comes with it. Then gunicorn
serves the benchmark's database as ``make run`` does (two workers, four threads each, static
files collected with their manifest into the run's var dir) and answers 1,000 lesson pages
(300 with --short) for the signed-in trainee over four connections; the larger worker's resident
memory (RSS) and the workers' mean proportional share (PSS, from /proc/<pid>/smaps_rollup) are
read after them. The same is done again with ``--preload``, where the workers share the
application's pages with the master, so each one's PSS is what it really adds.
"""

import http.client
import json
import os
import re
import signal
import statistics
import subprocess  # noqa: S404 - runs gunicorn and python with fixed arguments
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings

from bench.registry import Measurement, Run, benchmark

ROOT = Path(__file__).resolve().parent.parent
LESSON_NUMBER = 3
CONNECTIONS = 4
WORKERS = 2
# Libraries only the PDF child, the task worker or a download may load, never an idle web process.
HEAVY = ("weasyprint", "pydyf", "pyhanko", "openpyxl")

_IMPORT_PROBE = f"HEAVY = {HEAVY!r}\n" + """
import json, sys, time

started = time.perf_counter()
import lms.wsgi
seconds = time.perf_counter() - started
from django.urls import get_resolver


def load(patterns):
    for pattern in patterns:
        load(getattr(pattern, "url_patterns", ()))


load(get_resolver().url_patterns)
heavy = sorted(name for name in HEAVY if name in sys.modules)
print(json.dumps({"seconds": seconds, "modules": len(sys.modules), "heavy": heavy}))
"""


def _environment() -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings", "PYTHONPATH": str(ROOT)}


def _import_probe() -> dict:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _IMPORT_PROBE], env=_environment(), cwd=ROOT, capture_output=True, check=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@benchmark
def web_import(run: Run) -> list[Measurement]:
    """Seconds to import the WSGI application in a fresh interpreter (best of three; one with
    --short), and the modules loaded once every URL pattern is too."""
    probes = [_import_probe() for _probe in range(1 if run.short else 3)]
    best = min(probes, key=lambda probe: probe["seconds"])
    if best["heavy"]:
        print(f"    loaded by the web process: {', '.join(best['heavy'])}", flush=True)
    return [
        Measurement("web_wsgi_import_s", round(best["seconds"], 2), "s"),
        Measurement("web_wsgi_modules", best["modules"], "modules"),
        Measurement("web_pdf_and_spreadsheet_libraries_loaded", len(best["heavy"]), "modules"),
    ]


def _collect_static() -> None:
    """Hashed names and a manifest, as production has, without the slow compression step."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        return
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)


def _session_cookie(trainee) -> str:
    client = Client()
    client.force_login(trainee)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


class _Gunicorn:
    """gunicorn serving lms.wsgi on a free port of 127.0.0.1, stopped on exit."""

    def __init__(self, *, preload: bool):
        self.preload = preload
        self.log = tempfile.NamedTemporaryFile(prefix="passage-gunicorn-", suffix=".log")  # noqa: SIM115
        self.process = None
        self.port = None

    def __enter__(self):
        command = [
            sys.executable, "-m", "gunicorn", "lms.wsgi:application",
            "--bind", "127.0.0.1:0", "--workers", str(WORKERS), "--threads", "4",
            "--chdir", str(ROOT), "--log-level", "info", "--timeout", "120",
        ]  # fmt: skip
        if self.preload:
            command.append("--preload")
        self.process = subprocess.Popen(  # noqa: S603
            command, env=_environment(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log
        )
        self.port = self._wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)", seconds=120)
        self._wait_healthy(seconds=120)
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def _output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def _wait_for(self, pattern: str, *, seconds: float) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = re.search(pattern, self._output())
            if found:
                return int(found.group(1))
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not start:\n{self._output()[-3000:]}")

    def _wait_healthy(self, *, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn never answered /healthz:\n{self._output()[-3000:]}")

    def workers(self) -> list[int]:
        """The worker processes: the master's children (read from /proc)."""
        children = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == self.process.pid:
                children.append(int(entry))
        return children


def _get_pages(port: int, path: str, cookie: str, count: int) -> float:
    """GET ``path`` ``count`` times over CONNECTIONS kept-alive connections; seconds taken."""
    failures = []
    shares = [count // CONNECTIONS + (1 if n < count % CONNECTIONS else 0) for n in range(CONNECTIONS)]

    def client(share: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _request in range(share):
            connection.request("GET", path, headers={"Cookie": cookie, "Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
                return
        connection.close()

    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"GET {path} through gunicorn answered {failures[0]}, expected 200")
    return seconds


def _memory_kb(pid: int, path: str, field: str) -> int:
    with open(f"/proc/{pid}/{path}") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/{path}")


def _serve_lessons(run: Run, *, preload: bool, count: int) -> dict:
    url = run.scene.lesson(run.scene.large_course, LESSON_NUMBER).url
    cookie = _session_cookie(run.scene.trainee)
    with _Gunicorn(preload=preload) as server:
        _get_pages(server.port, url, cookie, 20)  # warm-up: both workers load the page's code
        _get_pages(server.port, url, cookie, count)
        workers = server.workers()
        if len(workers) != WORKERS:
            raise RuntimeError(f"expected {WORKERS} gunicorn workers, found {len(workers)}")
        rss = [_memory_kb(pid, "status", "VmRSS") for pid in workers]
        pss = [_memory_kb(pid, "smaps_rollup", "Pss") for pid in workers]
    return {"rss_mb": max(rss) / 1024, "pss_mb": statistics.mean(pss) / 1024}


@benchmark
def web_worker_memory(run: Run) -> list[Measurement]:
    """A gunicorn worker's memory after 1,000 lesson pages (300 with --short), without and with --preload."""
    _collect_static()
    # Memory levels off after a few dozen pages; the full thousand is kept where time allows.
    count = run.requests(full=1000, short=300)
    plain = _serve_lessons(run, preload=False, count=count)
    preloaded = _serve_lessons(run, preload=True, count=count)
    return [
        Measurement("web_worker_rss_mb", round(plain["rss_mb"], 1), "MB"),
        Measurement("web_worker_pss_mb", round(plain["pss_mb"], 1), "MB"),
        Measurement("web_worker_preload_pss_mb", round(preloaded["pss_mb"], 1), "MB"),
    ]
