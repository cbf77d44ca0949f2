"""Serials, verification codes and name matching: plain functions, no database."""

import hmac
import re
import secrets
import unicodedata

# 32 bytes of randomness (256 bits), URL-safe base64 without padding: 43 characters.
CODE_BYTES = 32
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
SERIAL_PATTERN = re.compile(r"^(?P<prefix>[A-Z]{1,8})-(?P<year>\d{4})-(?P<number>\d{6,9})$")


def format_serial(prefix: str, year: int, number: int) -> str:
    """The printed serial: ``PSG-2026-000123`` (at least six digits, more after 999,999)."""
    if number < 1:
        raise ValueError("serial numbers start at 1")
    return f"{prefix.upper()}-{year:04d}-{number:06d}"


def normalise_serial(text: str) -> str:
    """What a person typed, as stored: upper case, no spaces, any dash-like character as '-'."""
    text = unicodedata.normalize("NFKC", text or "").strip().upper()
    text = re.sub(r"[\s]+", "", text)
    return re.sub(r"[\u2010-\u2015\u2212_]", "-", text)


def is_serial(text: str) -> bool:
    return bool(SERIAL_PATTERN.match(text))


def new_verification_code() -> str:
    """A code nobody can guess (256 random bits), safe in a URL path."""
    return secrets.token_urlsafe(CODE_BYTES)


def is_verification_code(text: str) -> bool:
    """The shape of a code; a code of another shape is answered like an unknown one."""
    return bool(CODE_PATTERN.match(text or ""))


def fold_name(name: str) -> str:
    """A name for comparison: no accents or case, punctuation and spacing ignored.

    "Ndèye-Fatou  N'DIAYE" and "ndeye fatou ndiaye" fold alike; Arabic or Cyrillic letters are
    kept (only combining marks such as Arabic short vowels are dropped).
    """
    # Case folded first: a few marks fold into letters (U+0345, the Greek iota subscript, into ι).
    decomposed = unicodedata.normalize("NFKD", (name or "").casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    # Letters and digits of any script; apostrophes, hyphens, dots and spaces do not count.
    return "".join(ch for ch in folded if ch.isalnum())


def names_match(typed: str, recorded: str) -> bool:
    """Whether a family name typed on the verify form is the one recorded (timing-safe)."""
    left, right = fold_name(typed), fold_name(recorded)
    if not left or not right:
        return False
    return hmac.compare_digest(left.encode(), right.encode())


def family_name_of(*, last_name: str, printed_name: str) -> str:
    """The family name kept for the verify form: the account's, else the printed name's last word."""
    if last_name.strip():
        return last_name.strip()
    words = printed_name.split()
    return words[-1] if words else ""
