"""A question file waiting for confirmation is kept in private storage, never under the media."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from lms import roles
from lms.storage import private_storage
from tests.assessments.test_bank_admin import GIFT, upload
from tests.certificates.test_private_files import migration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    client.force_login(UserFactory(role=roles.TRAINER))
    return client


def test_the_uploaded_file_waits_in_private_storage_and_is_deleted_once_imported(trainer_client, settings):
    preview = upload(trainer_client, GIFT)
    stored = signing.loads(preview.context["upload"], salt="passage.question-import")
    assert private_storage().exists(stored["path"])
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]

    trainer_client.post(reverse("question_import"), {"confirm": "1", "upload": preview.context["upload"]})
    assert not private_storage().exists(stored["path"])


def test_the_migration_deletes_files_left_under_the_media(settings):
    public = storages["default"]
    left = public.save("private/question-imports/0123abcd.upload", ContentFile(GIFT.encode()))
    kept = public.save("images/logo.png", ContentFile(b"\x89PNG"))
    remove = migration("assessments", "_remove_public_question_imports").delete_public_question_imports

    remove(apps, None)
    remove(apps, None)  # again: nothing left to do, no error

    assert not public.exists(left)
    assert not (Path(settings.MEDIA_ROOT) / "private").exists()
    assert public.exists(kept)
