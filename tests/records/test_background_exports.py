"""Large files made in the background: progress, private download, audit, scope at build time."""

import csv
import hashlib
import io

import openpyxl
import pytest
from django.urls import reverse

from lms.models import AuditLogEntry
from records.models import RecordsExport

pytestmark = pytest.mark.django_db


def start(client, capture, **data):
    with capture(execute=True):
        return client.post(reverse("records:start_export"), {"file_format": "csv", **data})


def test_a_background_csv_is_made_audited_and_served_to_its_owner(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.officer_senegal)
    response = start(client, django_capture_on_commit_callbacks, organisation=world.dakar_post.pk)
    assert response.status_code == 302
    export = RecordsExport.objects.get()
    assert export.state == RecordsExport.State.DONE and export.percent == 100
    assert export.rows_total == export.rows_done == 2
    made = AuditLogEntry.objects.filter(action="records.exported").latest("id")
    assert made.data["sha256"] == export.sha256 and made.data["rows"] == 2

    page = client.get(reverse("records:exports"))
    assert reverse("records:download_export", args=[export.pk]) in page.content.decode()
    download = client.get(reverse("records:download_export", args=[export.pk]))
    data = b"".join(download.streaming_content)
    assert hashlib.sha256(data).hexdigest() == export.sha256
    assert len(list(csv.reader(io.StringIO(data.decode())))) == 3
    assert AuditLogEntry.objects.filter(action="records.export_downloaded").count() == 1

    client.force_login(world.officer_mali)
    assert client.get(reverse("records:download_export", args=[export.pk])).status_code == 404


def test_a_background_xlsx(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.officer_senegal)
    start(client, django_capture_on_commit_callbacks, file_format="xlsx")
    export = RecordsExport.objects.get()
    data = b"".join(client.get(reverse("records:download_export", args=[export.pk])).streaming_content)
    assert openpyxl.load_workbook(io.BytesIO(data)).active.max_row == 4


def test_bad_filters_or_format_queue_nothing(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.officer_senegal)
    assert start(client, django_capture_on_commit_callbacks, organisation=world.bamako_post.pk).status_code == 400
    assert start(client, django_capture_on_commit_callbacks, file_format="exe").status_code == 400
    assert not RecordsExport.objects.exists()


def test_scope_is_checked_again_when_the_file_is_made(world):
    from records import services

    export = RecordsExport.objects.create(
        user=world.officer_senegal, file_format="csv",
        parameters={"filters": {"organisation": world.bamako_post.pk}, "identity": "pseudonym", "bom": False},
    )
    services.build_records_export(export=export)
    export.refresh_from_db()
    assert export.state == RecordsExport.State.FAILED and not export.file


def test_the_owner_is_emailed_when_the_file_is_ready_in_their_language(world, client, django_capture_on_commit_callbacks, mailoutbox):
    world.officer_senegal.preferred_language = "fr"
    world.officer_senegal.save()
    client.force_login(world.officer_senegal)
    start(client, django_capture_on_commit_callbacks)
    export = RecordsExport.objects.get()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [world.officer_senegal.email]
    assert message.subject != "Your completion records file is ready"  # translated
    assert "/fr/records/exports/" in message.body and export.sha256 in message.body


def test_files_are_deleted_after_the_keeping_period(world, client, django_capture_on_commit_callbacks, settings):
    from datetime import timedelta

    from django.utils import timezone

    from lms.storage import private_storage
    from records.services import delete_expired_exports

    settings.RECORDS_EXPORT_KEEP_DAYS = 7
    client.force_login(world.officer_senegal)
    start(client, django_capture_on_commit_callbacks)
    start(client, django_capture_on_commit_callbacks)
    old, recent = RecordsExport.objects.order_by("pk")
    RecordsExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert "7 days" in client.get(reverse("records:exports")).content.decode()

    assert delete_expired_exports() == 1
    assert not private_storage().exists(old.file.name)
    assert list(RecordsExport.objects.all()) == [recent] and private_storage().exists(recent.file.name)
    assert client.get(reverse("records:download_export", args=[old.pk])).status_code == 404
    # What was made and downloaded stays in the audit log.
    assert AuditLogEntry.objects.filter(action="records.exported").count() == 2


def test_the_periodic_job_deletes_expired_files(world, client, django_capture_on_commit_callbacks, settings):
    """records registers its clean-up with lms.periodic; ``run_periodic --once`` runs it."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from lms import periodic
    from lms.storage import private_storage

    assert "deleting expired records files" in {job.name for job in periodic.jobs()}
    settings.RECORDS_EXPORT_KEEP_DAYS = 7
    client.force_login(world.officer_senegal)
    start(client, django_capture_on_commit_callbacks)
    export = RecordsExport.objects.get()
    RecordsExport.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(days=8))

    call_command("run_periodic", once=True)

    assert not RecordsExport.objects.exists() and not private_storage().exists(export.file.name)
