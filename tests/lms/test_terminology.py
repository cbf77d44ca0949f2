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


DEMO = ROOT / "content" / "demo"

# Official names of instruments and bodies are quoted as they are, even with a word set aside.
OFFICIAL_NAMES = [
    "la lutte contre la traite des êtres humains",  # Council of Europe Convention (2005)
    "مكافحة الاتجار بالبشر",  # the same Convention's Arabic title
    "ومنع الهجرة غير الشرعية والاتجار بالبشر",  # Egypt's national coordinating committee
]


@pytest.mark.parametrize("language", sorted(AVOID))
def test_the_demo_courses_avoid_the_words_set_aside(language):
    text = " ".join((DEMO / f"courses_{language}.py").read_text(encoding="utf-8").lower().split())
    text = re.sub(r'"\s+"', "", text)  # strings split over lines read as one
    for name in OFFICIAL_NAMES:
        text = text.replace(name, "")
    found = [word for word in AVOID[language] if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert found == []


def test_the_french_demo_calls_a_course_a_formation():
    """"Formation" is the course (docs/terminology.md); "au cours de" (during) is not the concept."""
    text = (DEMO / "courses_fr.py").read_text(encoding="utf-8")
    assert re.findall(r"(?i)\b(?:ce|le|un|ces|les|du|des) cours\b", text) == []
