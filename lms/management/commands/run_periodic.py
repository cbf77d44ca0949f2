import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lms import periodic

logger = logging.getLogger("passage")


class Command(BaseCommand):
    help = "Run the periodic jobs (closing overdue attempts every minute, daily reminders)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run the jobs that are due once, then exit (for cron).")

    def handle(self, *args, once=False, **options):
        last_run = {}
        while True:
            now = time.monotonic()
            for job in periodic.jobs():
                name, every = job.name, job.every
                if once or now - last_run.get(name, -every) >= every:
                    if not once:
                        close_old_connections()  # a long-running loop must not keep a dead connection
                    try:
                        job.run()
                    except Exception:  # one failing job must not stop the others
                        logger.exception("periodic job %r failed", name)
                    last_run[name] = now
            if once:
                return
            time.sleep(5)
