"""Daily: email trainees whose certificates expire soon (each reminder window once per certificate).

Run by the embedded worker loop in `make run`; in production, from cron once a day:
    15 6 * * *  cd /srv/passage && .venv/bin/python manage.py send_expiry_reminders
Safe to run more often: reminders already sent are not sent again.
"""

from django.core.management.base import BaseCommand

from certificates import services


class Command(BaseCommand):
    help = "Email reminders before certificates expire (idempotent; run daily)."

    def handle(self, *args, **options):
        run = services.send_expiry_reminders()
        if options["verbosity"]:
            self.stdout.write(f"Expiry reminders: {run.sent} sent, {run.skipped} skipped.")
