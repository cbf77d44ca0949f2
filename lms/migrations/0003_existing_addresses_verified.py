"""Accounts made before django-allauth keep working: their address counts as verified."""

from django.db import migrations


def verify_existing_addresses(apps, schema_editor):
    User = apps.get_model("lms", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    known = set(EmailAddress.objects.values_list("user_id", flat=True))
    batch = [
        EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
        for pk, email in User.objects.exclude(pk__in=known).values_list("pk", "email").iterator(chunk_size=2000)
        if email
    ]
    EmailAddress.objects.bulk_create(batch, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_invitation_cohort"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_existing_addresses, migrations.RunPython.noop)]
