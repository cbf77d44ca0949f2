"""Records files are kept in private storage; files made before are moved there by a migration."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from lms.storage import private_storage
from records.models import RecordsExport
from tests.certificates.test_private_files import migration

pytestmark = pytest.mark.django_db


class TodaysTable:
    """The migration's ``apps``, answering with today's model: the migration ran when the model
    still belonged to courses, and its table has since moved to records (``records.0001``)."""

    def get_model(self, app_label, model_name):
        assert (app_label, model_name) == ("courses", "RecordsExport")
        return RecordsExport


def test_a_background_file_is_made_in_private_storage(world, client, settings, django_capture_on_commit_callbacks):
    client.force_login(world.officer_senegal)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("records:start_export"), {"file_format": "csv"})
    export = RecordsExport.objects.get()
    assert (Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / export.file.name).is_file()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert f"/{export.pk}-" not in export.file.name


def test_the_migration_moves_old_files_out_of_the_media(world, client, settings, django_capture_on_commit_callbacks):
    old_name = "records-exports/2026/05/12-0123456789abcdef0123456789abcdef.csv"
    storages["default"].save(old_name, ContentFile(b"name,course\r\n"))
    export = RecordsExport.objects.create(
        user=world.officer_senegal, file_format="csv", state=RecordsExport.State.DONE, file=old_name
    )
    move = migration("courses", "_private_storage_for_records_exports").move_exports_to_private

    with django_capture_on_commit_callbacks(execute=True):
        move(TodaysTable(), None)
    export.refresh_from_db()
    assert export.file.name != old_name and export.file.name.startswith("records-exports/2026/05/")
    assert private_storage().open(export.file.name).read() == b"name,course\r\n"
    assert not (Path(settings.MEDIA_ROOT) / old_name).exists()

    with django_capture_on_commit_callbacks(execute=True):
        move(TodaysTable(), None)  # again: nothing left to move
    assert RecordsExport.objects.get(pk=export.pk).file.name == export.file.name

    client.force_login(world.officer_senegal)
    response = client.get(reverse("records:download_export", args=[export.pk]))
    assert b"".join(response.streaming_content) == b"name,course\r\n"
