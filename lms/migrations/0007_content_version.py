import uuid

from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("lms", "ContentVersion").objects.get_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


class Migration(migrations.Migration):

    dependencies = [
        ("lms", "0006_stale_cache_key"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
            ],
            options={
                "verbose_name": "content version",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
