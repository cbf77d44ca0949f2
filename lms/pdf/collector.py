"""Read the files a document names, for the rendering child to be handed (parent side).

The child may not open a file: whatever a document shows (a stylesheet, a logo, a signature)
is read here, through the staticfiles finders or Django's storage API (so S3 works too), and
passed by value with the HTML. The document refers to each by the URL ``collector`` returns.
"""

import mimetypes

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage

from lms.pdf import conf
from lms.pdf.assets import Asset, asset_url


class AssetTooLarge(ValueError):
    pass


class AssetCollector:
    """Reads the files a document names and gives back the URLs the rendering may fetch."""

    def __init__(self):
        self.assets: dict[str, Asset] = {}

    def _add(self, kind: str, name: str, data: bytes) -> str:
        if len(data) > conf.asset_max_bytes():
            raise AssetTooLarge(name)
        mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.assets[f"{kind}/{name.lstrip('/')}"] = Asset(data=data, mime_type=mime_type)
        return asset_url(kind, name)

    def static(self, path: str) -> str:
        """A file of the project's static files, found by the staticfiles finders."""
        try:
            found = finders.find(path)
        except SuspiciousFileOperation:
            found = None
        if not found:
            raise FileNotFoundError(path)
        with open(found, "rb") as handle:
            return self._add("static", path, handle.read(conf.asset_max_bytes() + 1))

    def media(self, name: str, storage=None) -> str:
        """A stored file (local disk or S3), read through the storage API."""
        storage = storage or default_storage
        with storage.open(name, "rb") as handle:
            return self._add("media", name, handle.read(conf.asset_max_bytes() + 1))

    def image(self, image, spec: str = "max-1200x600") -> str | None:
        """A Wagtail image, resized; None if its file is missing."""
        if image is None:
            return None
        try:
            rendition = image.get_rendition(spec)
            return self.media(rendition.file.name, storage=rendition.file.storage)
        except (OSError, AssetTooLarge, ValueError):
            return None
