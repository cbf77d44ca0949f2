"""The private storage: configured from the environment, outside the media, without any URL."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile

from lms.storage import PrivateFileSystemStorage, private_storage, unguessable_name

SETTINGS = Path(__file__).resolve().parents[2] / "lms" / "settings.py"
ENVIRONMENT = ("AWS_STORAGE_BUCKET_NAME", "AWS_PRIVATE_BUCKET_NAME", "PASSAGE_PRIVATE_ROOT", "MEDIA_ROOT", "DEBUG")


def settings_from(monkeypatch, tmp_path, **environ) -> dict:
    """lms/settings.py read afresh with this environment (the running settings are untouched)."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PASSAGE_VAR_DIR", str(tmp_path))
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_embedded_private_files_live_beside_the_media_not_in_it(monkeypatch, tmp_path):
    namespace = settings_from(monkeypatch, tmp_path)
    private = namespace["STORAGES"]["private"]
    assert private["BACKEND"] == "lms.storage.PrivateFileSystemStorage"
    assert private["OPTIONS"]["location"] == tmp_path / "private"
    assert namespace["MEDIA_ROOT"] == tmp_path / "media"


def test_the_private_root_can_be_moved_but_not_into_the_media(monkeypatch, tmp_path):
    moved = settings_from(monkeypatch, tmp_path, PASSAGE_PRIVATE_ROOT=str(tmp_path / "vault"))
    assert moved["STORAGES"]["private"]["OPTIONS"]["location"] == tmp_path / "vault"
    with pytest.raises(ImproperlyConfigured, match="PASSAGE_PRIVATE_ROOT"):
        settings_from(monkeypatch, tmp_path, PASSAGE_PRIVATE_ROOT=str(tmp_path / "media" / "private"))


def test_s3_needs_a_private_bucket_of_its_own(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_BUCKET_NAME"):
        settings_from(monkeypatch, tmp_path, AWS_STORAGE_BUCKET_NAME="passage-media")
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_BUCKET_NAME"):
        settings_from(monkeypatch, tmp_path, AWS_STORAGE_BUCKET_NAME="passage-media", AWS_PRIVATE_BUCKET_NAME="passage-media")
    namespace = settings_from(
        monkeypatch, tmp_path, AWS_STORAGE_BUCKET_NAME="passage-media", AWS_PRIVATE_BUCKET_NAME="passage-private"
    )
    options = namespace["STORAGES"]["private"]["OPTIONS"]
    assert namespace["STORAGES"]["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "passage-private"
    assert options["default_acl"] == "private" and options["querystring_auth"] is True
    assert options["querystring_expire"] <= 300
    assert namespace["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "passage-media"


def test_a_private_file_has_no_url(settings):
    storage = private_storage()
    name = storage.save(unguessable_name("certificates/2026", ".pdf"), ContentFile(b"%PDF-"))
    assert (Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / name).read_bytes() == b"%PDF-"
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)


def test_the_private_storage_follows_the_settings_of_each_test(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "lms.storage.PrivateFileSystemStorage", "OPTIONS": {"location": tmp_path / "other"}},
    }
    assert Path(private_storage().location) == tmp_path / "other"


def test_a_private_storage_without_its_own_folder_is_refused():
    # FileSystemStorage would otherwise fall back to MEDIA_ROOT, which is public.
    with pytest.raises(ImproperlyConfigured):
        PrivateFileSystemStorage()


def test_names_are_random_and_keep_their_folder_and_extension():
    first, second = unguessable_name("records-exports/2026/05", ".csv"), unguessable_name("records-exports/2026/05", ".csv")
    assert first != second
    assert first.startswith("records-exports/2026/05/") and first.endswith(".csv")
    assert len(first.rsplit("/", 1)[1]) == 32 + len(".csv")


class _DiskFills(ContentFile):
    """A file whose second chunk meets a full disk."""

    def chunks(self, chunk_size=None):
        yield b"%PDF-1.7 first part"
        raise OSError(28, "No space left on device")


def test_a_write_that_fills_the_disk_leaves_no_half_written_file(tmp_path):
    storage = PrivateFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError, match="No space left"):
        storage.save("certificates/c.pdf", _DiskFills(b""))
    assert list(tmp_path.rglob("*.pdf")) == []


def test_a_whole_write_is_kept(tmp_path):
    storage = PrivateFileSystemStorage(location=tmp_path)
    name = storage.save("certificates/c.pdf", ContentFile(b"%PDF-1.7 whole"))
    assert storage.open(name).read() == b"%PDF-1.7 whole"
