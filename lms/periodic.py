"""Jobs that run on a clock (the task framework has no scheduler).

The embedded mode runs them from ``manage.py run_periodic`` beside the task worker; in
production, run ``manage.py run_periodic --once`` from cron every minute, or the loop as a
service. Every job is idempotent, so running one twice does no harm.
"""

from django.core.management import call_command

from assessments.services import close_overdue
from lms.retention import apply_retention


def _expiry_reminders():
    call_command("send_expiry_reminders", verbosity=0)


# (name, seconds between runs, function)
def _expired_record_files():
    from courses.records.services import delete_expired_exports

    delete_expired_exports()


JOBS = [
    ("close overdue quiz attempts", 60, close_overdue),
    ("certificate expiry reminders", 24 * 60 * 60, _expiry_reminders),
    ("deleting expired records files", 60 * 60, _expired_record_files),
    ("retention: unused accounts, old audit entries", 24 * 60 * 60, apply_retention),
]
