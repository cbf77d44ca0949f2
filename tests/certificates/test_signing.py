"""Optional PAdES signatures: a demo key from the management command, validated by pyhanko."""

import io

import pytest
from django.core.management import call_command
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from certificates import services
from lms.pdf import signing

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_key(tmp_path, settings):
    call_command("make_demo_signing_key", directory=str(tmp_path / "signing"), verbosity=0)
    settings.PASSAGE_SIGNING_KEY = str(tmp_path / "signing" / "demo-key.pem")
    settings.PASSAGE_SIGNING_CERT = str(tmp_path / "signing" / "demo-cert.pem")
    return settings.PASSAGE_SIGNING_CERT


def validate(pdf: bytes, cert_path: str):
    reader = PdfFileReader(io.BytesIO(pdf))
    assert len(reader.embedded_signatures) == 1
    context = ValidationContext(trust_roots=[load_cert_from_pemder(cert_path)])
    return validate_pdf_signature(reader.embedded_signatures[0], context)


def test_without_a_key_pdfs_are_not_signed(issued):
    assert not signing.is_configured()
    assert not issued.pdf_signed


def test_a_signed_certificate_validates_without_modification_warnings(demo_key, completed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(enrolment=completed)
    certificate.refresh_from_db()
    assert certificate.pdf_signed
    pdf = certificate.pdf.read()
    status = validate(pdf, demo_key)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert status.modification_level == ModificationLevel.NONE
    assert status.docmdp_ok
    assert status.coverage.name == "ENTIRE_FILE"


def test_changing_a_signed_pdf_breaks_the_signature(demo_key):
    from lms.pdf import pool

    pdf, signed = signing.sign_if_configured(pool.render("<p>Awa Sarr</p>").pdf, reason="test")
    assert signed and b"WeasyPrint" in pdf
    status = validate(pdf.replace(b"WeasyPrint", b"WeasyPrinT", 1), demo_key)
    assert not status.intact and not status.bottom_line


def test_the_demo_key_command_keeps_an_existing_key(tmp_path):
    directory = tmp_path / "keys"
    call_command("make_demo_signing_key", directory=str(directory), verbosity=0)
    first = (directory / "demo-key.pem").read_bytes()
    call_command("make_demo_signing_key", directory=str(directory), if_missing=True, verbosity=0)
    assert (directory / "demo-key.pem").read_bytes() == first
    assert oct((directory / "demo-key.pem").stat().st_mode & 0o777) == "0o600"
