"""PostgreSQL only: the certificates of a set of rounds, counted by status from an index alone.

The records dashboard joins a country's rounds to their certificates to count them by status
and expiry; with those two columns in the index on ``enrolment_id``, PostgreSQL never reads
the certificates table for it. SQLite has no covering indexes: nothing is done there.
"""

from django.db import migrations

from lms.migration_tools import on_postgresql_only

CREATE = """
CREATE INDEX IF NOT EXISTS certificate_enrolment_status
    ON certificates_certificate (enrolment_id) INCLUDE (status, expires_on);
"""
DROP = "DROP INDEX IF EXISTS certificate_enrolment_status;"


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [on_postgresql_only(CREATE, DROP)]
