from django.core.management.base import BaseCommand

from content.synced_translations import adopt_all_translations


class Command(BaseCommand):
    help = (
        "Bring translations made outside wagtail-localize (copy_for_translation) into it as synced "
        "translations, without changing them (idempotent)."
    )

    def handle(self, *args, **options):
        adoptions = adopt_all_translations()
        for adoption in adoptions:
            self.stdout.write(
                f"  · {adoption.source.object_repr}: {', '.join(adoption.locales)} ({adoption.strings} strings)"
            )
            for path in adoption.unmatched:
                # Left for the translators: the source's text there shows as "to translate".
                self.stdout.write(self.style.WARNING(f"      not matched, to translate again: {path}"))
        self.stdout.write(f"Synced translations: {len(adoptions)} source(s) brought into wagtail-localize.")
