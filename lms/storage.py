"""Where personal files live: a private storage that no URL leads to.

Certificates, training records, records exports and question imports are personal data. They
are kept in ``STORAGES["private"]`` (a folder outside MEDIA_ROOT, or a private S3 bucket) and
read only by views that ran an access helper, through the storage, never through a link.
"""

import contextlib
import os
import posixpath
import secrets

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on the local disk, readable by the site's own user only and without any URL."""

    def __init__(self, location=None, **options):
        if not location:
            # FileSystemStorage would fall back to MEDIA_ROOT, which is public.
            raise ImproperlyConfigured('STORAGES["private"] needs its own "location", outside MEDIA_ROOT.')
        options.pop("base_url", None)
        options.setdefault("file_permissions_mode", 0o600)
        options.setdefault("directory_permissions_mode", 0o700)
        super().__init__(location=location, **options)

    def _save(self, name, content):
        # A write that fails midway (disk full, quota) leaves no half-written file behind: the
        # caller's transaction rolls back, and nothing on disk may look like a finished PDF.
        existed = os.path.lexists(self.path(name))
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                with contextlib.suppress(OSError):
                    os.remove(self.path(name))
            raise

    def url(self, name):
        # With base_url=None Django would still answer MEDIA_URL + name: refuse instead.
        raise ValueError("Private files have no URL: serve them through a view that checks access.")


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private = _PrivateStorage()


def private_storage():
    """The storage for personal files; a callable, so FileFields follow STORAGES as it is now."""
    return _private


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    # Django resets default_storage the same way when a test overrides STORAGES.
    if setting == "STORAGES":
        _private._wrapped = empty


def unguessable_name(folder: str, extension: str) -> str:
    """A file name that no serial, code or id gives away: 128 random bits."""
    return posixpath.join(folder, f"{secrets.token_hex(16)}{extension}")


def move_to_private(queryset, field_name: str) -> int:
    """Move each row's file from the default (public) storage into the private one; returns how many.

    The copy gets a new random name and the row is updated before the public copy is deleted
    (after commit, so a rolled-back migration loses nothing). Rows whose file is not in the
    default storage (moved already, or lost) are left alone: running it again changes nothing.
    """
    public = storages["default"]
    private = private_storage()
    manager = queryset.model._default_manager
    moved = 0
    for pk, name in queryset.exclude(**{field_name: ""}).values_list("pk", field_name).iterator():
        if not public.exists(name):
            continue
        folder, extension = posixpath.dirname(name), posixpath.splitext(name)[1]
        with public.open(name, "rb") as source:
            new_name = private.save(unguessable_name(folder, extension), source)
        manager.filter(pk=pk).update(**{field_name: new_name})
        transaction.on_commit(lambda name=name: public.delete(name), using=queryset.db)
        moved += 1
    return moved
