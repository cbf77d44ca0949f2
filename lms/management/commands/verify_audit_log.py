from django.core.management.base import BaseCommand, CommandError

from lms.audit import verify_chain


class Command(BaseCommand):
    help = "Check that no audit log entry was changed or removed since it was written."

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"Audit log chain broken at entry {report.broken_at} "
                f"({report.checked} entries before it are intact)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {report.checked} entries checked."))
