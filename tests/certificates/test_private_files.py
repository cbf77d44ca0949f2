"""Certificates and training records live in private storage and leave it only through the views."""

import importlib
import pkgutil
import runpy
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, TrainingRecord
from lms.storage import private_storage
from tests.factories import UserFactory
from tests.lms.test_media import TRAVERSALS

pytestmark = pytest.mark.django_db

SETTINGS = Path(__file__).resolve().parents[2] / "lms" / "settings.py"


def migration(app_label: str, suffix: str):
    """An app's migration module by the end of its name (the number may change when merging)."""
    package = importlib.import_module(f"{app_label}.migrations")
    (name,) = [info.name for info in pkgutil.iter_modules(package.__path__) if info.name.endswith(suffix)]
    return importlib.import_module(f"{app_label}.migrations.{name}")


def private_root(settings) -> Path:
    return Path(settings.STORAGES["private"]["OPTIONS"]["location"])


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_issued_certificate_is_under_the_private_root_not_the_media(issued, settings):
    name = issued.pdf.name
    assert (private_root(settings) / name).read_bytes().startswith(b"%PDF-")
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    # Nothing public gives the name away: not the serial, not the verify code.
    assert issued.serial not in name and issued.verification_code[:8] not in name
    with pytest.raises(ValueError):
        _ = issued.pdf.url


def test_the_owner_downloads_it_through_the_view_another_trainee_gets_404(client, issued, settings):
    client.force_login(issued.trainee)
    response = client.get(reverse("certificates:download", args=[issued.pk]))
    assert response.status_code == 200
    assert body(response) == (private_root(settings) / issued.pdf.name).read_bytes()

    client.force_login(UserFactory())
    assert client.get(reverse("certificates:download", args=[issued.pk])).status_code == 404


def test_no_media_url_reaches_a_certificate_revoked_or_not(client, issued, settings):
    services.revoke_certificate(certificate=issued, by=UserFactory(), reason="Issued in error")
    issued.refresh_from_db()
    absolute = str(private_root(settings) / issued.pdf.name).lstrip("/")
    for label, form in TRAVERSALS.items():
        for name in (issued.pdf.name, f"../private/{issued.pdf.name}"):
            response = client.get(form.format(name=name, absolute=absolute))
            assert response.status_code == 404, label
            assert b"%PDF" not in body(response), label


def test_a_training_record_is_private_and_only_its_trainee_downloads_it(client, issued, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = services.request_training_record(trainee=issued.trainee)
    record.refresh_from_db()
    assert (private_root(settings) / record.pdf.name).is_file()
    assert record.verification_code[:16] not in record.pdf.name
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))

    url = reverse("certificates:training_record_download", args=[record.pk])
    client.force_login(issued.trainee)
    assert body(client.get(url)).startswith(b"%PDF-")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


# --- Files made before this release ------------------------------------------------------------


def test_the_migration_moves_old_public_pdfs_into_private_storage(issued, settings, django_capture_on_commit_callbacks):
    public = storages["default"]
    old_name = f"certificates/2026/{issued.serial}-{issued.verification_code[:8]}.pdf"
    public.save(old_name, ContentFile(b"%PDF-1.7 old certificate"))
    Certificate.objects.filter(pk=issued.pk).update(pdf=old_name)
    record = TrainingRecord.objects.create(
        trainee=issued.trainee, verification_code="c" * 64, trainee_name="Awa Sarr", language="en", issuer="Passage",
        pdf=f"training-records/2026/{'c' * 16}.pdf",
    )
    public.save(record.pdf.name, ContentFile(b"%PDF-1.7 old record"))
    lost = TrainingRecord.objects.create(
        trainee=issued.trainee, verification_code="d" * 64, trainee_name="Awa Sarr", language="en", issuer="Passage",
        pdf="training-records/2026/lost.pdf",
    )
    move = migration("certificates", "_private_storage_for_pdfs").move_pdfs_to_private

    with django_capture_on_commit_callbacks(execute=True):
        move(apps, None)

    issued.refresh_from_db()
    record.refresh_from_db()
    assert issued.pdf.name != old_name and issued.pdf.name.startswith("certificates/2026/")
    assert private_storage().open(issued.pdf.name).read() == b"%PDF-1.7 old certificate"
    assert private_storage().open(record.pdf.name).read() == b"%PDF-1.7 old record"
    assert not (Path(settings.MEDIA_ROOT) / old_name).exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    # A row whose file is not in the media is left as it was.
    lost.refresh_from_db()
    assert lost.pdf.name == "training-records/2026/lost.pdf"

    # Running it again changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        move(apps, None)
    assert Certificate.objects.get(pk=issued.pk).pdf.name == issued.pdf.name
    assert TrainingRecord.objects.get(pk=record.pk).pdf.name == record.pdf.name


def test_the_moved_certificate_is_still_downloaded_by_its_owner(client, issued, django_capture_on_commit_callbacks):
    old_name = "certificates/2025/PSG-2025-000007-deadbeef.pdf"
    storages["default"].save(old_name, ContentFile(b"%PDF-1.7 old certificate"))
    Certificate.objects.filter(pk=issued.pk).update(pdf=old_name)
    with django_capture_on_commit_callbacks(execute=True):
        migration("certificates", "_private_storage_for_pdfs").move_pdfs_to_private(apps, None)
    client.force_login(issued.trainee)
    assert body(client.get(reverse("certificates:download", args=[issued.pk]))) == b"%PDF-1.7 old certificate"
    assert client.get(f"/media/{old_name}").status_code == 404


# --- Scale-out: a private S3 bucket -------------------------------------------------------------

MEDIA_BUCKET, PRIVATE_BUCKET = "passage-media", "passage-private"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def s3(monkeypatch, settings, tmp_path):
    """Moto's S3 with both buckets, and STORAGES as lms/settings.py makes them for S3."""
    import boto3
    from moto import mock_aws

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET, "AWS_PRIVATE_BUCKET_NAME": PRIVATE_BUCKET,
        "PASSAGE_VAR_DIR": str(tmp_path / "var"),
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_S3_ENDPOINT_URL", "PASSAGE_PRIVATE_ROOT", "MEDIA_ROOT", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    configured = runpy.run_path(str(SETTINGS))["STORAGES"]
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=MEDIA_BUCKET)
        client.create_bucket(Bucket=PRIVATE_BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": configured["default"], "private": configured["private"]}
        yield client


def test_with_s3_certificates_go_to_the_private_bucket_and_are_streamed_by_the_view(
    s3, client, completed, django_capture_on_commit_callbacks
):
    from storages.backends.s3 import S3Storage

    storage = private_storage()
    assert isinstance(storage, S3Storage) and storage.bucket_name == PRIVATE_BUCKET

    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(enrolment=completed)
    certificate.refresh_from_db()
    name = certificate.pdf.name
    stored = s3.get_object(Bucket=PRIVATE_BUCKET, Key=name)["Body"].read()
    assert stored.startswith(b"%PDF-")
    assert s3.list_objects_v2(Bucket=MEDIA_BUCKET).get("KeyCount", 0) == 0
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=name)["Grants"]
    assert [grant for grant in grants if grant["Grantee"].get("URI") == ALL_USERS] == []
    assert {grant["Permission"] for grant in grants} == {"FULL_CONTROL"}

    client.force_login(certificate.trainee)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200 and response.streaming
    assert body(response) == stored
    client.force_login(UserFactory())
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 404
