"""A small pool of pre-started rendering processes, with a time and a memory limit per rendering.

Every PDF of Passage is made here. A thread cannot be stopped or limited in memory, so every
PDF is made in a child process (``worker``). The pool is started lazily once per process (task
worker, or web process for the admin preview and the records summary), with the 'forkserver'
method: the children never share the parent's database connections, and the fork server, a
fresh interpreter of its own, preloads WeasyPrint so that neither the parent nor each child
pays for importing it. A rendering past its time is stopped in the child; one that hangs in C
code is killed from here and the pool replaced. A child that dies (memory) is replaced too.
Either way the caller gets a RenderError with a clear message, and the next rendering goes on.

Fontconfig runs with the renderer's own configuration file (``fonts``): its caches go to var/,
never to the system's. Each child keeps one font configuration for its documents; it asks to be
replaced (``Outcome.replace_process``) after a document that declared its own fonts, after
``conf.renders_per_process()`` documents, or when its address space fills up, and the pool then
starts a new one in the background while the old one finishes what it was given.
"""

import atexit
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.pdf import conf, fonts, worker
from lms.pdf.assets import Asset
from lms.pdf.jobs import PDF_VARIANT, Job

logger = logging.getLogger("passage.pdf")

# Loaded once by the fork server (a separate interpreter), never by this process: each child
# forks from it with WeasyPrint and the fetcher already imported.
FORKSERVER_PRELOAD = ["lms.pdf.worker", "lms.pdf.fetcher", "lms.pdf.childfonts"]

# The child stops itself at the time limit; the parent waits this much longer before killing it.
KILL_GRACE_SECONDS = 5.0


class RenderError(Exception):
    """A PDF could not be made; the message says why, for trainers and administrators."""


class RenderTimeLimit(RenderError):
    pass


class RenderMemoryLimit(RenderError):
    pass


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    refused: list[str]
    served: list[str]
    seconds: float


_lock = threading.Lock()
_pools: dict[tuple[int, int], ProcessPoolExecutor] = {}


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


def _fontconfig_file() -> str:
    """The renderer's own fontconfig file, set for this process and those it starts (the fork
    server, the children): fontconfig then never writes the system's font caches (see ``fonts``)."""
    try:
        return fonts.use_private_config(conf.fontconfig_dir())
    except OSError as error:
        logger.warning("PDF renderer: no private fontconfig file (%s); fontconfig left as it is", error)
        return ""


def _pool(memory_mb: int, processes: int) -> ProcessPoolExecutor:
    key = (memory_mb, processes)
    with _lock:
        pool = _pools.get(key)
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=_context(),
                initializer=worker.initialise,
                initargs=(memory_mb * 1024 * 1024, _fontconfig_file(), conf.renders_per_process()),
            )
            _pools[key] = pool
        return pool


def _discard(memory_mb: int, processes: int, pool: ProcessPoolExecutor, *, kill: bool) -> None:
    with _lock:
        if _pools.get((memory_mb, processes)) is pool:
            del _pools[(memory_mb, processes)]
    if kill:
        # concurrent.futures cannot cancel a running job: end its processes, by their own pids.
        for process in list((pool._processes or {}).values()):  # noqa: SLF001
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _replace(memory_mb: int, processes: int, pool: ProcessPoolExecutor) -> None:
    """A child asked to be replaced: new renderings go to a new pool, started now in the
    background; the old one finishes what it was given, then its processes end."""
    with _lock:
        if _pools.get((memory_mb, processes)) is not pool:
            return  # another thread replaced it already
        del _pools[(memory_mb, processes)]
    pool.shutdown(wait=False, cancel_futures=False)
    try:
        _pool(memory_mb, processes).submit(worker.ping)
    except RuntimeError:  # shutting down: the next rendering starts it
        pass


def start(*, memory_mb: int | None = None, processes: int | None = None) -> None:
    """Start the pool's processes now (a worker calls this before its first certificate)."""
    memory_mb = memory_mb or conf.render_memory_limit_mb()
    processes = processes or conf.render_processes()
    pool = _pool(memory_mb, processes)
    for future in [pool.submit(worker.ping) for _number in range(processes)]:
        future.result(timeout=60)


def shutdown() -> None:
    """Stop every pool of this process (tests, exit)."""
    with _lock:
        pools = list(_pools.items())
        _pools.clear()
    for _unused, pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)


def render(
    html: str,
    assets: dict[str, Asset] | None = None,
    *,
    time_limit: float | None = None,
    memory_mb: int | None = None,
    pdf_variant: str | None = PDF_VARIANT,
) -> Rendered:
    """Make a PDF from HTML in a limited child process; RenderError when it cannot."""
    time_limit = time_limit or conf.render_time_limit()
    memory_mb = memory_mb or conf.render_memory_limit_mb()
    processes = conf.render_processes()
    job = Job(html=html, assets=dict(assets or {}), time_limit=time_limit, pdf_variant=pdf_variant)
    pool = _pool(memory_mb, processes)
    try:
        future = pool.submit(worker.render, job)
        outcome = future.result(timeout=time_limit + KILL_GRACE_SECONDS)
    except FutureTimeout:
        _discard(memory_mb, processes, pool, kill=True)
        raise RenderTimeLimit(
            _("The PDF took longer than %(seconds)s seconds to make and was stopped.") % {"seconds": f"{time_limit:g}"}
        ) from None
    except BrokenProcessPool:
        _discard(memory_mb, processes, pool, kill=True)
        raise RenderMemoryLimit(
            _("The PDF renderer stopped (it probably went over its %(mb)s MB memory limit).") % {"mb": memory_mb}
        ) from None
    if outcome.replace_process:
        _replace(memory_mb, processes, pool)
    if outcome.refused:
        logger.warning("PDF rendering refused %d URL(s): %s", len(outcome.refused), outcome.refused[:5])
    if outcome.failure == "time":
        raise RenderTimeLimit(
            _("The PDF took longer than %(seconds)s seconds to make and was stopped.") % {"seconds": f"{time_limit:g}"}
        )
    if outcome.failure == "memory":
        # The child survived MemoryError, but its heap may be fragmented: start afresh.
        _discard(memory_mb, processes, pool, kill=False)
        raise RenderMemoryLimit(
            _("The PDF needed more than its %(mb)s MB memory limit and was stopped.") % {"mb": memory_mb}
        )
    if outcome.failure:
        raise RenderError(_("The PDF could not be made: %(message)s") % {"message": outcome.message})
    return Rendered(
        pdf=outcome.pdf, pages=outcome.pages, refused=outcome.refused, served=outcome.served, seconds=outcome.seconds
    )


def peak_child_memory_kb() -> int:
    """The highest resident memory reached by a rendering process of the default pool."""
    pool = _pool(conf.render_memory_limit_mb(), conf.render_processes())
    return pool.submit(worker.memory_high_water_kb).result(timeout=30)


def child_font_state() -> dict:
    """The fontconfig file, font count and renderings of a rendering process of the default pool."""
    pool = _pool(conf.render_memory_limit_mb(), conf.render_processes())
    return pool.submit(worker.font_state).result(timeout=60)


def child_modules() -> list[str]:
    """The modules a rendering process of the default pool has imported (tests, diagnosis)."""
    pool = _pool(conf.render_memory_limit_mb(), conf.render_processes())
    return pool.submit(worker.loaded_modules).result(timeout=60)
