"""PostgreSQL only: the certificates of a set of rounds, counted by status from an index alone.

The records dashboard joins a country's rounds to their certificates to count them by status
and expiry; with those two columns in the index on ``enrolment_id``, PostgreSQL never reads
the certificates table for it. SQLite has no covering indexes: nothing is done there.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS certificate_enrolment_status
    ON certificates_certificate (enrolment_id) INCLUDE (status, expires_on);
"""
DROP = "DROP INDEX IF EXISTS certificate_enrolment_status;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
