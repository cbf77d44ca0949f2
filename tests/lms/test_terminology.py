"""The interface catalogues use the terminology list (docs/terminology.md) and stay complete."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [ROOT / "locale", ROOT / "certificates" / "locale"]

# Language -> words that must not come back (see the "Avoid" table of docs/terminology.md).
AVOID = {
    "fr": ["stagiaire", "personne formée", "traite des êtres humains"],
    "ar": ["الاتجار بالبشر", "طالب", "الطالب", "الطلاب"],
    "ru": ["стажёр", "стажер", "обучающийся"],
    "es": ["aprendiz", "alumno", "trata de blancas"],
}


def catalogue(language):
    """Every entry of the project's catalogues in ``language``."""
    return [entry for folder in CATALOGUES for entry in polib.pofile(str(folder / language / "LC_MESSAGES" / "django.po"))]


@pytest.mark.parametrize("language", sorted(AVOID))
def test_the_catalogue_avoids_the_words_set_aside(language):
    found = [
        (entry.msgid, word)
        for entry in catalogue(language)
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        for word in AVOID[language]
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text.lower())
    ]
    assert found == []


@pytest.mark.parametrize("language", sorted(AVOID))
def test_the_catalogue_is_complete(language):
    entries = [entry for entry in catalogue(language) if not entry.obsolete]
    missing = [entry.msgid for entry in entries if not entry.translated()]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert (missing, fuzzy) == ([], [])


def test_words_with_two_senses_carry_their_context():
    contexts = {(entry.msgctxt, entry.msgid) for entry in catalogue("fr") if entry.msgctxt}
    assert {("heading", "title"), ("a person's job", "title"), ("a person's", "name")} <= contexts
