"""Builders for certificate tests: a completed round, issued certificates, PDF tools."""

import shutil
import subprocess
from pathlib import Path

import pytest

from courses import services as learning
from tests.factories import UserFactory, build_course, lessons_of


def complete_course(trainee, course, *, cohort=None):
    """Enrol a trainee and mark every lesson complete, as the site does; returns the enrolment."""
    enrolment = learning.enrol(trainee=trainee, course=course, cohort=cohort)
    for lesson in lessons_of(course):
        learning.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def course():
    return build_course("Managing reception centres", modules=1, lessons_per_module=2)


@pytest.fixture
def trainee():
    return UserFactory(first_name="Awa", last_name="Sarr", certificate_name="Awa Sarr", email="awa@example.org")


@pytest.fixture
def completed(trainee, course):
    return complete_course(trainee, course)


def pdftotext(pdf: bytes, tmp_path: Path, *args: str) -> str:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    result = subprocess.run([require_tool("pdftotext"), *args, str(source), "-"], check=True, capture_output=True)
    return result.stdout.decode()


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: `make test` installs it (poppler-utils, zbar-tools).")
    return path


def course_valid_for(monkeypatch, course, months):
    """Give a course's certificates a validity: through CoursePage's field once it exists."""
    from courses.models import CoursePage

    if "certificate_validity_months" in {f.name for f in CoursePage._meta.get_fields()}:
        CoursePage.objects.filter(pk=course.pk).update(certificate_validity_months=months)
    else:
        monkeypatch.setattr(CoursePage, "certificate_validity_months", months, raising=False)


@pytest.fixture
def issued(completed, django_capture_on_commit_callbacks):
    """The trainee's certificate for the completed course, with its PDF made."""
    from certificates import services

    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(enrolment=completed)
    certificate.refresh_from_db()
    return certificate
