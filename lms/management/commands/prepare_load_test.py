"""Test-only: prepare a workshop for `make load` / `make faults` and write trainees' sessions.

Refuses to run unless DEBUG is on or PASSAGE_LOAD_TEST=1 is set, and never with
PASSAGE_PRODUCTION. It creates accounts without passwords and signed-in sessions straight in
the session store, which must never happen on a real site.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def load_test_allowed() -> str | None:
    """Why this command may not run here, or None when it may."""
    if getattr(settings, "PRODUCTION", False):
        return "PASSAGE_PRODUCTION is set: a load test never prepares data on a production site."
    if not (settings.DEBUG or os.environ.get("PASSAGE_LOAD_TEST") == "1"):
        return "This command is for load tests only: set PASSAGE_LOAD_TEST=1 (or DEBUG=1) to run it."
    return None


class Command(BaseCommand):
    help = (
        "TEST ONLY (needs PASSAGE_LOAD_TEST=1 or DEBUG; refused with PASSAGE_PRODUCTION). Builds a course with a "
        "timed quiz, N enrolled trainees with ready sessions (no password hashing) and a few accounts with a "
        "password for real sign-ins, and writes them as JSON to --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=500)
        parser.add_argument("--logins", type=int, default=5, help="accounts with a password, for measured sign-ins")
        parser.add_argument("--time-limit", type=int, default=30, help="the quiz's time limit in minutes")
        parser.add_argument("--base-url", default=settings.PUBLIC_BASE_URL)
        parser.add_argument("--output", required=True)

    def handle(self, *args, **options):
        refusal = load_test_allowed()
        if refusal:
            raise CommandError(refusal)
        from bench.load import scene

        data = scene.prepare(
            trainees=options["trainees"], logins=options["logins"], time_limit_minutes=options["time_limit"],
            base_url=options["base_url"].rstrip("/"),
        )
        scene.write(data, options["output"])
        self.stdout.write(f"{len(data['trainees'])} trainees ready in {data['prepared_in_s']} s → {options['output']}")
