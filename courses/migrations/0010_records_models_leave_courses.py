"""API tokens and records exports now belong to the records app (records.0001_initial).

Only Django's idea of the models changes here: their tables, rows, content types and
permissions stay as they are, and ``records.0001_initial`` takes them over.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("courses", "0009_cohort_invitation")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApiToken"),
                migrations.DeleteModel(name="RecordsExport"),
            ],
            database_operations=[],
        ),
    ]
