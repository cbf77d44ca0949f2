"""Bulk downloads: a ZIP of certificate PDFs with a CSV manifest, streamed as it is written.

The archive is written into a small buffer that is emptied after every chunk, so memory stays
flat whatever the number of certificates, and the first bytes leave before the last PDF is read.
"""

import zipfile
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.text import slugify

from lms.spreadsheets import csv_bytes
from lms.streaming import ChunkSink

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["serial", "name", "course", "completed_on", "expires_on", "status", "file", "sha256"]
CHUNK = 64 * 1024


def file_name(certificate) -> str:
    name = slugify(certificate.trainee_name, allow_unicode=True)[:60] or "certificate"
    return f"{certificate.serial}-{name}.pdf"


def manifest_csv(certificates: Iterable, *, today=None) -> bytes:
    """The manifest: one row per certificate, formula-safe, with a byte-order mark so that
    spreadsheet programs read the names as UTF-8."""
    today = today or timezone.localdate()
    rows = (
        [
            certificate.serial,
            certificate.trainee_name,
            certificate.course_title,
            certificate.completed_on.isoformat(),
            certificate.expires_on.isoformat() if certificate.expires_on else "",
            certificate.current_status(today),
            file_name(certificate) if certificate.pdf else "",
            certificate.pdf_sha256,
        ]
        for certificate in certificates
    )
    return csv_bytes(rows, header=MANIFEST_COLUMNS, bom=True)


def zip_stream(certificates: Iterable, manifest_rows: Iterable) -> Iterator[bytes]:
    """The ZIP archive, chunk by chunk: the manifest first, then each PDF that exists."""
    sink = ChunkSink()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(MANIFEST_NAME, manifest_csv(manifest_rows))
        yield sink.take()
        for certificate in certificates:
            if not certificate.pdf:
                continue
            with archive.open(file_name(certificate), mode="w") as entry:
                with certificate.pdf.storage.open(certificate.pdf.name, "rb") as source:
                    while chunk := source.read(CHUNK):
                        entry.write(chunk)
                        data = sink.take()
                        if data:
                            yield data
            yield sink.take()
    yield sink.take()
