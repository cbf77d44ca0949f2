"""The Django side of `make faults`: build what a drill needs and check what is left afterwards.

    python -m bench.load.drills certificates --count 200   # completions queue 200 certificates
    python -m bench.load.drills certificates-check         # each issued once, every PDF whole
    python -m bench.load.drills disk-full                  # a PDF written on a full disk
    python -m bench.load.drills codes                      # verification codes, for the restore

Each prints one JSON object. Runs with the drill's environment (DATABASE_URL, TASK_BACKEND...).
"""

import argparse
import errno
import hashlib
import io
import json
import os
import sys

COURSE_SLUG = "certificates-under-faults"


def make_certificates(count: int) -> dict:
    from bench.load.scene import make_trainees
    from courses import services
    from courses.models import CoursePage
    from tests import factories

    course = CoursePage.objects.filter(slug=COURSE_SLUG).first() or factories.build_course(
        "Certificates under faults", modules=1, lessons_per_module=1, slug=COURSE_SLUG
    )
    lesson = factories.lessons_of(course)[0]
    start = course.enrolments.count()
    for person in make_trainees(course=course, count=count, prefix=f"cert{start}-"):
        enrolment = services.enrol(trainee=person, course=course)
        services.complete_lesson(enrolment=enrolment, lesson=lesson)  # completion → issue task on commit
    return {"course": course.pk, "queued": count}


def check_certificates() -> dict:
    from django.db.models import Count
    from pypdf import PdfReader

    from certificates.models import Certificate
    from courses.models import Enrolment

    completed = Enrolment.objects.filter(course__slug=COURSE_SLUG, completed_at__isnull=False).count()
    certificates = Certificate.objects.filter(enrolment__course__slug=COURSE_SLUG)
    duplicated = certificates.values("enrolment").annotate(n=Count("pk")).filter(n__gt=1).count()
    whole = broken = missing = 0
    for certificate in certificates:
        if not certificate.pdf:
            missing += 1
            continue
        try:
            with certificate.pdf.open("rb") as handle:
                data = handle.read()
            PdfReader(io.BytesIO(data)).pages[0].extract_text()
            ok = hashlib.sha256(data).hexdigest() == certificate.pdf_sha256
        except Exception:  # noqa: BLE001 - any failure to read is a broken PDF
            ok = False
        whole, broken = whole + ok, broken + (not ok)
    return {
        "completed": completed, "certificates": certificates.count(), "duplicated": duplicated,
        "without_pdf": missing, "whole_pdfs": whole, "broken_pdfs": broken,
        "ok": completed == certificates.count() == whole and duplicated == broken == missing == 0,
    }


def disk_full() -> dict:
    """Render one certificate while every write to the disk fails with ENOSPC after its first bytes."""
    from unittest import mock

    from django.core.files.base import ContentFile
    from django.db import transaction

    from certificates import services
    from courses.models import Enrolment
    from lms.storage import private_storage

    with mock.patch("certificates.services._queue_render"), mock.patch("django_tasks.base.Task.enqueue"):
        make_certificates(1)
        enrolment = Enrolment.objects.filter(course__slug=COURSE_SLUG).order_by("-pk").first()
        certificate = services.issue_certificate(enrolment=enrolment)
    root = private_storage().location
    before = {os.path.join(d, f) for d, _, files in os.walk(root) for f in files}

    def full_disk(self, chunk_size=None):
        yield self.file.read(100)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    error = ""
    with mock.patch.object(ContentFile, "chunks", full_disk):
        try:
            with transaction.atomic():
                services.render_certificate_pdf(certificate=certificate)
        except OSError as raised:
            error = str(raised)
    after = {os.path.join(d, f) for d, _, files in os.walk(root) for f in files}
    certificate.refresh_from_db()
    pointed = bool(certificate.pdf)
    left_behind = sorted(after - before)
    # Space is back: the retried task makes the whole PDF.
    services.render_certificate_pdf(certificate=certificate)
    certificate.refresh_from_db()
    return {
        "error_raised": error, "row_points_to_a_file": pointed,
        "files_left_behind": left_behind, "rendered_after_space_returns": bool(certificate.pdf),
        "ok": bool(error) and not pointed and not left_behind and bool(certificate.pdf),
    }


def codes() -> dict:
    from certificates.models import Certificate

    rows = Certificate.objects.exclude(pdf="").values_list("verification_code", "serial")[:20]
    return {"codes": [code for code, _serial in rows], "serials": [serial for _code, serial in rows]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["certificates", "certificates-check", "disk-full", "codes"])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args(argv)
    if os.environ.get("PASSAGE_LOAD_TEST") != "1":
        raise SystemExit("drills run only in a load test (PASSAGE_LOAD_TEST=1)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    result = {
        "certificates": lambda: make_certificates(args.count),
        "certificates-check": check_certificates,
        "disk-full": disk_full,
        "codes": codes,
    }[args.command]()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
