"""Write a self-signed demo key and certificate for signing PDFs (never for production)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand

from lms.pdf import conf


def make_demo_key(directory: Path, *, common_name: str = "Passage demo signing key") -> tuple[Path, Path]:
    """An RSA key and a self-signed certificate for document signing, as PEM files in ``directory``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    directory.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Passage (demo)"),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=3 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = directory / "demo-key.pem", directory / "demo-cert.pem"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


class Command(BaseCommand):
    help = "Write a self-signed demo signing key and certificate into var/signing/ (for `make run`)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=None, help="where to write (default: var/signing/)")
        parser.add_argument("--if-missing", action="store_true", help="keep an existing key")

    def handle(self, *args, directory=None, if_missing=False, **options):
        directory = Path(directory) if directory else conf.demo_signing_dir()
        key_path, cert_path = directory / "demo-key.pem", directory / "demo-cert.pem"
        if not (if_missing and key_path.exists() and cert_path.exists()):
            key_path, cert_path = make_demo_key(directory)
        if options["verbosity"]:
            self.stdout.write(f"PASSAGE_SIGNING_KEY={key_path}\nPASSAGE_SIGNING_CERT={cert_path}")
