"""Build the HTML of a certificate or a training record, and collect the assets it may use.

Runs in the task worker (or the web process for the admin preview), never in the rendering
child: it reads the template, its images through Django's storage API and the stylesheet
through the staticfiles finders (``lms.pdf.collector``), and hands the child (``lms.pdf.pool``)
only the bytes it needs.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from certificates import conf, extras
from certificates.wording import (
    POINT_MM,
    default_wording,
    fill_placeholders,
    fit_font_size,
    lines_needed,
)
from lms.formatting import format_date, format_number, format_percent
from lms.pdf.assets import Asset
from lms.pdf.collector import AssetCollector

STYLESHEET = "certificates/pdf/certificate.css"
RECORD_STYLESHEET = "certificates/pdf/training-record.css"

# Width x height in millimetres, portrait.
PAPER_SIZES = {"A4": (210.0, 297.0), "letter": (215.9, 279.4)}


@dataclass
class Document:
    html: str
    assets: dict[str, Asset] = field(default_factory=dict)


def qr_svg(url: str) -> str:
    """The QR code of a URL as inline SVG (scalable; no file, nothing to fetch)."""
    import segno  # only where PDFs are made: the web process reaches this for the admin preview only

    return segno.make(url, error="m", micro=False).svg_inline(
        dark="#000000", border=0, omitsize=True, svgclass="qr-code", lineclass=None
    )


def verify_url(code: str) -> str:
    """The public verify address of a code: from the configured base URL, no language prefix."""
    from django.urls import reverse

    return f"{conf.public_base_url()}{reverse('certificates_verify:code', args=[code])}"


def verify_form_url() -> str:
    from django.urls import reverse

    return f"{conf.public_base_url()}{reverse('certificates_verify:form')}"


def layout(width_mm: float, height_mm: float) -> dict:
    """Where the regions of a certificate sit on the page, in millimetres."""
    landscape = width_mm > height_mm
    inset = 8.0
    if landscape:
        header_top, header_height, content_top, content_bottom, footer_bottom, footer_height = 17, 20, 44, 56, 16, 36
        side = 30.0
    else:
        header_top, header_height, content_top, content_bottom, footer_bottom, footer_height = 20, 24, 54, 84, 18, 58
        side = 22.0
    return {
        "width": width_mm,
        "height": height_mm,
        "landscape": landscape,
        "inset": inset,
        "side": side,
        "header_top": header_top,
        "header_height": header_height,
        "content_top": content_top,
        "content_height": height_mm - content_top - content_bottom,
        "footer_top": height_mm - footer_bottom - footer_height,
        "footer_height": footer_height,
        "frame_width": width_mm - 2 * inset,
        "frame_height": height_mm - 2 * inset,
        "inner_width": width_mm - 2 * side,
        "signatories_width": width_mm - 2 * side - 98,
        "column": width_mm - 2 * side - 12,
    }


def page_size_mm(paper_size: str, orientation: str) -> tuple[float, float]:
    width, height = PAPER_SIZES.get(paper_size, PAPER_SIZES["A4"])
    return (height, width) if orientation == "landscape" else (width, height)


# --- Certificates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateFacts:
    """What a certificate states, whether it is a real one or the admin preview's sample."""

    trainee_name: str
    course_title: str
    completed_on: date
    hours: Decimal
    score: Decimal | None
    serial: str
    issuer: str
    expires_on: date | None
    verification_code: str
    language: str
    extra_lines: tuple[str, ...] = ()  # from higher apps (``certificates.extras``), e.g. a workshop's


def facts_of(certificate) -> CertificateFacts:
    """What a certificate states, as issued (its extra lines were kept at issue; a certificate
    issued before they were kept asks the registered providers again)."""
    if certificate.extra_lines is not None:
        extra_lines = tuple(str(line) for line in certificate.extra_lines)
    else:
        with translation.override(certificate.language):
            extra_lines = extras.lines_for(certificate)
    return CertificateFacts(
        trainee_name=certificate.trainee_name,
        course_title=certificate.course_title,
        completed_on=certificate.completed_on,
        hours=certificate.hours,
        score=certificate.score,
        serial=certificate.serial,
        issuer=certificate.issuer,
        expires_on=certificate.expires_on,
        verification_code=certificate.verification_code,
        language=certificate.language,
        extra_lines=extra_lines,
    )


def certificate_document(template, facts: CertificateFacts) -> Document:
    """The HTML of a certificate, in its language, with the assets it may fetch."""
    language = facts.language
    collector = AssetCollector()
    width_mm, height_mm = page_size_mm(template.paper_size, template.orientation)
    landscape = width_mm > height_mm
    with translation.override(language):
        titles_from = template.wording_for(language)
        written = None if titles_from is None or titles_from.only_titles else titles_from
        standard = default_wording()
        wording = {
            "title": (written.title if written else "") or standard.title,
            "intro": (written.intro if written else standard.intro),
            "body": (written.body if written else "") or standard.body,
            "score_line": (written.score_line if written else standard.score_line),
        }
        values = {
            "name": facts.trainee_name,
            "course": facts.course_title,
            "date": format_date(facts.completed_on, language=language),
            "hours": format_number(facts.hours, language=language),
            "score": format_percent(facts.score, language=language),
            "serial": facts.serial,
            "issuer": facts.issuer,
            "expiry": format_date(facts.expires_on, language=language),
        }
        # The text column: the page less the frame and the margins inside it.
        column_mm = layout(width_mm, height_mm)["column"]
        body_text = _plain(wording["body"], values)
        name_pt = fit_name_size(
            facts.trainee_name, width_mm=column_mm, max_pt=44 if landscape else 36
        )
        body_pt = fit_font_size(body_text, width_mm=column_mm, max_lines=3, max_pt=15.5, min_pt=10)
        title_text = _plain(wording["title"], values)
        spaced = language != "ar"  # letter-spaced capitals take about a quarter more room
        title_max = (34 if language == "ar" else 33) if landscape else 26
        title_pt = fit_font_size(
            title_text.upper() if spaced else title_text,
            width_mm=column_mm / (1.25 if spaced else 1.0),
            max_lines=2,
            max_pt=title_max,
            min_pt=18,
        )
        page = layout(width_mm, height_mm)
        estimate = _content_height_mm(
            title=(title_text, title_pt, 1.25 if spaced else 1.0),
            name=(facts.trainee_name, name_pt),
            body=(body_text, body_pt),
            intro=bool(wording["intro"]),
            score=facts.score is not None and bool(wording["score_line"]),
            extra_lines=facts.extra_lines,
            column_mm=column_mm,
        )
        signatories = [
            {
                "name": s.name,
                "title": titles_from.signatory_title(position, s.title) if titles_from else s.title,
                "signature": collector.image(s.signature, "max-600x200"),
            }
            for position, s in enumerate(list(template.signatories.all())[:3])
        ]
        url = verify_url(facts.verification_code)
        context = {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "template": template,
            "facts": facts,
            "title": fill_placeholders(wording["title"], values),
            "intro": fill_placeholders(wording["intro"], values),
            "body": fill_placeholders(wording["body"], values),
            "score_line": fill_placeholders(wording["score_line"], values)
            if facts.score is not None
            else "",
            "expiry": format_date(facts.expires_on, language=language),
            "completed_on": values["date"],
            "serial": facts.serial,
            "issuer": facts.issuer,
            "page": page,
            "title_size": title_pt,
            "name_size": name_pt,
            "body_size": body_pt,
            "content_offset": max(0.0, (page["content_height"] - estimate) / 2),
            "stylesheet": collector.static(STYLESHEET),
            "logo": collector.image(template.logo, "max-600x240"),
            "second_logo": collector.image(template.second_logo, "max-600x240"),
            "background": collector.image(template.background_image, "max-2400x2400")
            if template.decoration == template.Decoration.BACKGROUND_IMAGE
            else None,
            "signatories": signatories,
            "qr": qr_svg(url),
            "verify_url": url,
            "verify_form_url": verify_form_url(),
            "document_title": f"{wording['title']} — {facts.serial}",
        }
        html = render_to_string("certificates/pdf/certificate.html", context)
    return Document(html=html, assets=collector.assets)


def _lines(text: str, size_pt: float, width_mm: float, stretch: float = 1.0) -> int:
    return lines_needed(text, width_em=width_mm / (size_pt * POINT_MM * stretch))


def _content_height_mm(
    *, title, name, body, intro: bool, score: bool, column_mm: float, extra_lines: tuple[str, ...] = ()
) -> float:
    """About how tall the statement is, to centre it in its box (no layout pass needed)."""
    title_text, title_pt, stretch = title
    height = _lines(title_text, title_pt, column_mm, stretch) * title_pt * POINT_MM * 1.15
    height += 3.2 + 4 + 7  # the divider and its margins
    if intro:
        height += 14 * POINT_MM * 1.3 + 4
    height += _lines(name[0], name[1], column_mm) * name[1] * POINT_MM * 1.25 + 1.6 + 0.45 + 6
    height += _lines(body[0], body[1], column_mm) * body[1] * POINT_MM * 1.45
    if score:
        height += 12 * POINT_MM * 1.3 + 3.5
    for line in extra_lines:  # set like the score line, and may wrap (a long workshop title)
        height += _lines(line, 12, column_mm) * 12 * POINT_MM * 1.3 + 3.5
    return height


def fit_name_size(name: str, *, width_mm: float, max_pt: float) -> float:
    """A name on one line when it stays large enough, else on two lines, never below 14 pt."""
    one_line = fit_font_size(name, width_mm=width_mm, max_lines=1, max_pt=max_pt, min_pt=round(max_pt * 0.7))
    if one_line > round(max_pt * 0.7) or lines_needed(name, width_em=width_mm / (one_line * POINT_MM)) == 1:
        return one_line
    return fit_font_size(name, width_mm=width_mm, max_lines=2, max_pt=max_pt, min_pt=14)


def _plain(text: str, values: dict[str, str]) -> str:
    from django.utils.html import strip_tags

    return strip_tags(str(fill_placeholders(text, values)))


SAMPLE_NAMES = {
    "en": ("Awa Ndèye Sarr", "Identifying and referring victims of trafficking"),
    "fr": ("Aminata Diallo-Ndiaye", "Identifier et orienter les victimes de la traite"),
    "ar": ("فاطمة الزهراء بن علي", "تحديد ضحايا الاتجار بالبشر وإحالتهم"),
    "ru": ("Анна Сергеевна Иванова", "Выявление и перенаправление жертв торговли людьми"),
    "es": ("María José Fernández Núñez", "Identificación y derivación de víctimas de trata"),
}


def sample_facts(template, language: str) -> CertificateFacts:
    """Plausible data for the admin preview, in the language previewed."""
    from django.utils import timezone

    name, course = SAMPLE_NAMES.get(language, SAMPLE_NAMES["en"])
    today = timezone.localdate()
    return CertificateFacts(
        trainee_name=name,
        course_title=course,
        completed_on=today,
        hours=Decimal("6.5"),
        score=Decimal("87.5"),
        serial=f"{conf.serial_prefix()}-{today.year}-000123",
        issuer=template.issuer_name,
        expires_on=today.replace(year=today.year + 2),
        verification_code="PREVIEW-" + "x" * 35,
        language=language,
    )


# --- Training records -----------------------------------------------------------------------------------


def training_record_document(record, *, statuses: dict[str, str] | None = None) -> Document:
    """The HTML of a training record: every completed course, and a QR code to check the list."""
    language = record.language
    collector = AssetCollector()
    with translation.override(language):
        entries = []
        total = Decimal(0)
        for entry in record.entries:
            hours = Decimal(str(entry.get("hours") or 0))
            total += hours
            entries.append(
                {
                    "course_title": entry.get("course_title", ""),
                    "completed_on": format_date(
                        date.fromisoformat(entry["completed_on"]), language=language
                    )
                    if entry.get("completed_on")
                    else "",
                    "hours": format_number(hours, language=language),
                    "score": format_percent(Decimal(str(entry["score"])), language=language)
                    if entry.get("score") is not None
                    else "",
                    "serial": entry.get("serial", ""),
                }
            )
        url = verify_url(record.verification_code)
        context = {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "record": record,
            "entries": entries,
            "total_hours": format_number(total, language=language),
            "made_on": format_date(record.created_at.date(), language=language),
            "stylesheet": collector.static(RECORD_STYLESHEET),
            "qr": qr_svg(url),
            "verify_url": url,
            "document_title": _("Training record"),
        }
        html = render_to_string("certificates/pdf/training_record.html", context)
    return Document(html=html, assets=collector.assets)
