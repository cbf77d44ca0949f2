from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Apply migrations and load the demo (idempotent): what `make run` does before serving."

    def handle(self, *args, **options):
        self.stdout.write("Applying database migrations…")
        call_command("migrate", interactive=False, verbosity=0)
        # Translations made before wagtail-localize become synced translations (it needs the
        # real models' methods, so it cannot be a data migration).
        call_command("adopt_translations", stdout=self.stdout)
        call_command("seed_demo", stdout=self.stdout)
