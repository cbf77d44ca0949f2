from django.core.management.base import BaseCommand, CommandError

from records.generate import generate


class Command(BaseCommand):
    help = "Create synthetic trainees, enrolments and certificates in bulk, for benchmarks of the records."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=100_000)
        parser.add_argument("--enrolments-per-trainee", type=int, default=5)
        parser.add_argument("--organisations-per-country", type=int, default=40)
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        try:
            result = generate(
                trainees=options["trainees"],
                enrolments_per_trainee=options["enrolments_per_trainee"],
                organisations_per_country=options["organisations_per_country"],
                batch_size=options["batch_size"],
                seed=options["seed"],
                log=self.stdout.write,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.trainees} trainees, {result.enrolments} enrolments, {result.certificates} certificates."
            )
        )
