"""The list of benchmarks and the small tools they share (timed GETs, percentiles, bodies)."""

import gzip
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the scene imports Django models, which need django.setup() first
    from django.test import Client

    from bench.scene import Scene

WARMUP_REQUESTS = 20


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float
    unit: str


@dataclass
class Run:
    """What a benchmark gets: the shared scene, a client logged in as its trainee, the mode."""

    scene: "Scene"
    client: "Client"
    short: bool

    def requests(self, full: int, short: int) -> int:
        return short if self.short else full


BENCHMARKS: list[Callable[[Run], list[Measurement]]] = []


def benchmark(function):
    """Register a benchmark: a function taking a Run and returning Measurements."""
    BENCHMARKS.append(function)
    return function


def body(response) -> bytes:
    """The response's uncompressed bytes, streamed or not."""
    data = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    if response.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return data


def get_ok(client, url: str):
    """GET ``url`` and insist on a 200: a redirect or error page would time the wrong thing."""
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}, expected 200")
    return response


def timed_gets(client, url: str, count: int, *, warmup: int = WARMUP_REQUESTS) -> list[float]:
    """Milliseconds taken by each of ``count`` GETs of ``url``, after ``warmup`` untimed ones
    (none for a rate-limited URL, whose limit the warm-up would spend)."""
    for _ in range(warmup):
        get_ok(client, url)
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}, expected 200")
    return samples


def percentile(samples: list[float], p: int) -> float:
    """The p-th percentile (inclusive method, so p=50 is the median)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


class _QueryTimer:
    """A database execute wrapper that counts the queries and adds up their time."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def query_profile(client, url: str, count: int = 20) -> dict:
    """Where a test-client GET of ``url`` spends its time, median of ``count`` after one warm-up:
    the whole request in this process (``django_ms``), the part spent in database queries,
    fetching their rows included (``database_ms``), and how many queries it made."""
    from django.db import connection

    get_ok(client, url)
    totals, database, queries = [], [], 0
    for _ in range(count):
        timer = _QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            get_ok(client, url)
            totals.append((time.perf_counter() - started) * 1000)
        database.append(timer.seconds * 1000)
        queries = timer.count
    return {"django_ms": round(statistics.median(totals), 1), "database_ms": round(statistics.median(database), 1), "queries": queries}
