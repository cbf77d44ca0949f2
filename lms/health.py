"""Health checks for a load balancer or an orchestrator.

``/healthz``: the process answers (no database, no cache: cheap enough to call every second).
``/readyz``: the database, the shared cache and the task queue all answer; 503 naming the part
that does not, with no error text (it could name hosts or users). Neither reads the session.
"""

import logging

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger("passage.health")


@never_cache
def alive(request):
    """The process is up."""
    return HttpResponse("ok", content_type="text/plain")


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    cache = caches["default"]
    client_of = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client_of is not None:
        # Redis: ask it directly (the resilient cache hides its failures from ordinary reads).
        client_of(write=True).ping()
    else:
        cache.set("passage:readyz", 1, 10)
        if cache.get("passage:readyz") != 1:
            raise RuntimeError("the cache does not keep values")


def _queue() -> None:
    from django_tasks import task_backends

    backend = task_backends["default"]
    queues = getattr(backend, "_get_queues", None)
    if queues is not None:  # RQ: every queue's Redis answers
        for queue in queues():
            queue.connection.ping()
    elif type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.order_by().values("pk")[:1].exists()


CHECKS = {"database": _database, "cache": _cache, "queue": _queue}


@never_cache
def ready(request):
    """200 when the database, the cache and the task queue answer; else 503 and which did not."""
    report = {}
    for name, check in CHECKS.items():
        try:
            check()
            report[name] = "ok"
        except Exception as error:
            logger.warning("readiness: %s unavailable (%s)", name, type(error).__name__)
            report[name] = "unavailable"
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse(report, status=200 if healthy else 503)

