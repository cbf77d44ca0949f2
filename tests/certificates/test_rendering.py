"""The certificate PDF: PDF/A, fonts, QR code, languages, and names that try to break it."""

import io
import re
import subprocess
import unicodedata
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from certificates.models import CertificateTemplate
from certificates.rendering import documents
from lms.pdf import pool
from tests.certificates.conftest import require_tool

BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
CODE = "Q" * 43


def facts(**changes):
    values = {
        "trainee_name": "Awa Sarr",
        "course_title": "Identifying and referring victims of trafficking",
        "completed_on": date(2026, 11, 20),
        "hours": Decimal("6.5"),
        "score": None,
        "serial": "PSG-2026-000042",
        "issuer": "Passage",
        "expires_on": None,
        "verification_code": CODE,
        "language": "en",
    }
    values.update(changes)
    return documents.CertificateFacts(**values)


def render(template=None, **changes):
    template = template or CertificateTemplate(name="Standard")
    document = documents.certificate_document(template, facts(**changes))
    return pool.render(document.html, document.assets)


def run(tmp_path, tool, pdf, *args):
    source = tmp_path / "certificate.pdf"
    source.write_bytes(pdf)
    output = ["-"] if tool == "pdftotext" else []
    return subprocess.run([require_tool(tool), *args, str(source), *output], check=True, capture_output=True).stdout.decode()


def text_of(tmp_path, pdf):
    return unicodedata.normalize("NFC", run(tmp_path, "pdftotext", pdf).translate(BIDI_MARKS))


def squeezed(text):
    """Text without spaces or combining marks: letter-spacing and Arabic marks split words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not ch.isspace() and not unicodedata.combining(ch))


class _Words(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page, self.words, self._current = None, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "page":
            self.page = (float(attrs["width"]), float(attrs["height"]))
        elif tag == "word":
            self._current = {k: float(attrs[k]) for k in ("xmin", "ymin", "xmax", "ymax")}

    def handle_data(self, data):
        if self._current is not None:
            self.words.append((data, self._current))
            self._current = None


def words_of(tmp_path, pdf):
    parser = _Words()
    parser.feed(run(tmp_path, "pdftotext", pdf, "-bbox"))
    return parser.page, parser.words


def test_a_certificate_is_one_a4_landscape_page_in_pdf_a_3b(tmp_path):
    rendered = render()
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) == 1 and rendered.pages == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", metadata) and re.search(r"pdfaid:conformance[^A-Z]*B", metadata)
    assert reader.metadata.title.endswith("PSG-2026-000042")


def test_fonts_are_embedded(tmp_path):
    fonts = run(tmp_path, "pdffonts", render(language="ar", trainee_name="فاطمة بن علي").pdf).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert " yes yes " in line, line  # embedded and subset
    assert any("Naskh-Arabic" in line or "Sans-Arabic" in line for line in fonts)


def test_the_stylesheet_comes_from_the_static_files_and_nothing_else_is_fetched():
    rendered = render()
    assert rendered.served == ["file:///__passage_assets__/static/certificates/pdf/certificate.css"]
    assert rendered.refused == []


def test_the_qr_code_opens_the_public_verify_url(tmp_path, settings):
    settings.PUBLIC_BASE_URL = "https://verify.passage.example"
    rendered = render()
    (tmp_path / "certificate.pdf").write_bytes(rendered.pdf)
    subprocess.run([require_tool("pdftoppm"), "-png", "-r", "150", "-singlefile", str(tmp_path / "certificate.pdf"), str(tmp_path / "page")], check=True)
    decoded = subprocess.run([require_tool("zbarimg"), "--quiet", "--raw", str(tmp_path / "page.png")], capture_output=True, check=True)
    assert decoded.stdout.decode().strip() == f"https://verify.passage.example/verify/{CODE}/"


def test_serial_and_wording_are_printed(tmp_path):
    text = squeezed(text_of(tmp_path, render(score=Decimal("87.5"), expires_on=date(2028, 11, 20)).pdf))
    for expected in ("CERTIFICATE OF COMPLETION", "Awa Sarr", "PSG-2026-000042", "20 November 2026", "6.5 hours", "87.5%", "Valid until 20 November 2028"):
        assert squeezed(expected) in text, expected


@pytest.mark.parametrize(
    "language, name, expected",
    [
        ("fr", "Aminata Diallo-Ndiaye", ["CERTIFICAT DE RÉUSSITE", "Aminata Diallo-Ndiaye", "20 novembre 2026"]),
        ("ru", "Анна Сергеевна Иванова", ["СЕРТИФИКАТ О ПРОХОЖДЕНИИ КУРСА", "Анна Сергеевна Иванова", "20 ноября 2026"]),
        ("ar", "فاطمة الزهراء بن علي", ["شهادة إتمام", "فاطمة الزهراء بن علي", "أتم بنجاح دورة"]),
    ],
)
def test_each_language_prints_its_own_wording(tmp_path, language, name, expected):
    text = squeezed(text_of(tmp_path, render(language=language, trainee_name=name).pdf))
    for part in expected:
        assert squeezed(part) in text, part


def test_arabic_is_laid_out_right_to_left(tmp_path):
    rendered = render(language="ar", trainee_name="فاطمة الزهراء بن علي")
    page, words = words_of(tmp_path, rendered.pdf)
    # -bbox lists glyphs in visual order: an Arabic word comes out reversed.
    visual = {text.translate(BIDI_MARKS)[::-1]: box for text, box in words}
    assert {"فاطمة", "الزهراء", "بن", "علي"} <= set(visual)
    # In logical order the first word is the rightmost one.
    first, last = visual["فاطمة"], visual["علي"]
    assert first["xmin"] > last["xmax"]
    # The serial block sits on the left of a right-to-left page.
    serial = next(box for text, box in words if "PSG-2026-000042" in text)
    assert serial["xmax"] < page[0] / 2


def _assert_name_inside_the_page(tmp_path, rendered, name):
    assert rendered.pages == 1
    page, words = words_of(tmp_path, rendered.pdf)
    width, height = page
    serial_top = min(box["ymin"] for text, box in words if "PSG-2026-000042" in text)
    name_boxes = [box for text, box in words if text and text in name]
    assert name_boxes
    for box in name_boxes:
        assert 0 <= box["xmin"] and box["xmax"] <= width and 0 <= box["ymin"] and box["ymax"] <= height
        assert box["ymax"] < serial_top  # above the footer, not spilling into it


@pytest.mark.parametrize(
    "name",
    [
        " ".join(["Maria-Guadalupe de los Santos Fernández"] * 5),  # 200 characters with spaces
        "Abdourahmane" * 10,  # one 120-letter word: must wrap anywhere
    ],
)
def test_very_long_names_shrink_and_wrap_but_stay_on_the_page(tmp_path, name):
    _assert_name_inside_the_page(tmp_path, render(trainee_name=name), name)


def test_a_very_long_course_title_stays_on_one_page(tmp_path):
    rendered = render(course_title="Protecting unaccompanied and separated children " * 5)
    assert rendered.pages == 1


@pytest.mark.parametrize("orientation, paper", [("portrait", "A4"), ("landscape", "letter"), ("portrait", "letter")])
def test_other_papers_keep_one_page(tmp_path, orientation, paper):
    template = CertificateTemplate(name="Other", orientation=orientation, paper_size=paper, decoration="ornament")
    name = " ".join(["Maria-Guadalupe de los Santos Fernández"] * 5)
    rendered = render(template, trainee_name=name)
    _assert_name_inside_the_page(tmp_path, rendered, name)


def test_a_name_with_html_is_printed_as_text_and_fetches_nothing(tmp_path):
    name = '<img src="file:///etc/passwd"><script>alert(1)</script><b>Awa</b>'
    rendered = render(trainee_name=name)
    assert rendered.refused == [] and len(rendered.served) == 1
    text = " ".join(text_of(tmp_path, rendered.pdf).split())
    assert '<img src="file:///etc/passwd"><script>alert(1)</script><b>Awa</b>' in text


@pytest.mark.parametrize(
    "name",
    [
        "Zoe\u0308 Nguye\u0302\u0303n",  # combining marks
        "Awa Sarr 🌍✨👩🏾‍⚖️",  # emoji (no colour font: must not break the rendering)
        "José Ñúñez 𝔄𝔴𝔞",  # astral-plane letters
        "Medina \u202eevil\u202c Sarr",  # a bidi override inside a name
    ],
)
def test_unusual_characters_render_safely(tmp_path, name):
    rendered = render(trainee_name=name)
    assert rendered.pages == 1
    text = text_of(tmp_path, rendered.pdf)
    assert "Sarr" in text or "Nguy" in text or "Ñúñez" in text


def test_score_is_printed_only_when_there_is_one(tmp_path):
    assert "score" not in text_of(tmp_path, render(score=None).pdf).lower()
    assert "Final score: 90%" in " ".join(text_of(tmp_path, render(score=Decimal("90")).pdf).split())


def test_signatory_titles_are_printed_in_the_certificate_language(tmp_path):
    from certificates.models import CertificateSignatory, CertificateWording

    template = CertificateTemplate(name="Standard")
    template.signatories = [CertificateSignatory(name="Mariam Diallo", title="Head of training")]
    template.wordings = [
        CertificateWording(language="fr", signatory_titles="Responsable de la formation")
    ]
    french = squeezed(text_of(tmp_path, render(template, language="fr").pdf))
    # A wording with only the titles keeps the standard French words.
    assert squeezed("CERTIFICAT DE RÉUSSITE") in french
    assert (
        squeezed("Responsable de la formation") in french
        and squeezed("Head of training") not in french
    )
    # A language without its own titles prints the title as typed.
    assert squeezed("Head of training") in squeezed(
        text_of(tmp_path, render(template, language="en").pdf)
    )
