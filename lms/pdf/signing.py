"""Optional PAdES signatures (pyhanko) when a signing key and certificate are configured.

The PDF is certified with "no changes allowed": a validator then reports any change made after
signing, and a signed certificate opens without modification warnings. Signing happens in the
task worker, after rendering: the rendering child never sees the key. pyHanko is imported only
when a PDF is signed, so no web request loads it.
"""

import logging
import threading
from io import BytesIO

from lms.pdf import conf

logger = logging.getLogger("passage.pdf")

_lock = threading.Lock()
_cached: dict = {}


class SigningMisconfigured(Exception):
    pass


def _signer():
    key_path, cert_path = conf.signing_key_path(), conf.signing_cert_path()
    if not key_path or not cert_path:
        return None
    if not key_path.is_file() or not cert_path.is_file():
        raise SigningMisconfigured(f"signing key or certificate not found: {key_path}, {cert_path}")
    cache_key = (str(key_path), key_path.stat().st_mtime, str(cert_path), cert_path.stat().st_mtime)
    with _lock:
        if _cached.get("key") != cache_key:
            from pyhanko.sign import signers

            signer = signers.SimpleSigner.load(
                str(key_path), str(cert_path), key_passphrase=conf.signing_passphrase()
            )
            if signer is None:
                raise SigningMisconfigured("the signing key could not be loaded (wrong passphrase?)")
            _cached.clear()
            _cached.update(key=cache_key, signer=signer)
        return _cached["signer"]


def is_configured() -> bool:
    return bool(conf.signing_key_path() and conf.signing_cert_path())


def sign_if_configured(pdf: bytes, *, reason: str) -> tuple[bytes, bool]:
    """The PDF certified with the configured key, or unchanged when none is configured."""
    signer = _signer()
    if signer is None:
        return pdf, False
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name="PassageSignature",
        reason=str(reason),
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    output = signers.sign_pdf(writer, metadata, signer=signer)
    return output.getvalue(), True
