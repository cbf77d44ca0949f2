"""A certificate of a workshop cohort names the workshop, its dates and place, and its hours (face to face + online)."""

from decimal import Decimal

import pytest

from certificates import services as certificate_services
from certificates.rendering import documents
from courses import services as course_services
from tests.factories import UserFactory
from tests.workshops.builders import member, session_at, workshop

pytestmark = pytest.mark.django_db


def test_the_certificate_of_a_workshop_round_names_the_workshop_and_counts_both_kinds_of_hours():
    existing = workshop(title="Atelier national <b>Dakar</b>")
    session_at(existing, minutes=180)
    session_at(existing, minutes=90)
    course = existing.cohort.course
    course.estimated_hours = Decimal("4.0")
    course.save_revision().publish()
    trainee = member(existing)
    enrolment = trainee.enrolments.get()
    certificate = certificate_services.issue_certificate(enrolment=enrolment, issued_by=existing.cohort.facilitator, language="en")
    assert certificate.hours == Decimal("8.5")  # 4.5 h face to face + 4 h online
    lines = documents.facts_of(certificate).extra_lines
    assert lines[0].startswith("Workshop: Atelier national <b>Dakar</b>, Hôtel de Ville, Dakar, ")
    assert lines[1] == "8.5 hours: 4.5 face to face and 4 online"
    html = documents.certificate_document(certificate.template or certificate_services.selectors.default_template(), documents.facts_of(certificate)).html
    assert "Atelier national &lt;b&gt;Dakar&lt;/b&gt;" in html


def test_a_round_outside_a_workshop_keeps_the_course_hours_and_no_lines():
    existing = workshop()
    trainee = UserFactory()
    enrolment = course_services.enrol(trainee=trainee, course=existing.cohort.course)
    certificate = certificate_services.issue_certificate(enrolment=enrolment, issued_by=existing.cohort.facilitator, language="en")
    assert certificate.hours == existing.cohort.course.estimated_hours
    assert documents.facts_of(certificate).extra_lines == ()


def _pdf_text(certificate) -> str:
    import io

    from pypdf import PdfReader

    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as pdf:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read())).pages)


def test_renaming_the_workshop_after_issue_leaves_the_issued_certificate_as_it_was():
    existing = workshop(title="Atelier de Dakar")
    session_at(existing, minutes=120)
    enrolment = member(existing).enrolments.get()
    certificate = certificate_services.issue_certificate(enrolment=enrolment, issued_by=existing.cohort.facilitator, language="fr")
    assert "Atelier de Dakar" in certificate.extra_lines[0]
    existing.title = "Renamed workshop"
    existing.save(update_fields=["title"])
    session_at(existing, minutes=600)  # the hours change too
    certificate_services.render_certificate_pdf(certificate=certificate)
    text = _pdf_text(certificate)
    assert "Atelier de Dakar" in text and "Renamed workshop" not in text
    assert documents.facts_of(certificate).hours == certificate.hours


def test_a_certificate_issued_before_lines_were_kept_still_prints_the_workshop():
    existing = workshop(title="Older workshop")
    enrolment = member(existing).enrolments.get()
    certificate = certificate_services.issue_certificate(enrolment=enrolment, issued_by=existing.cohort.facilitator, language="en")
    type(certificate).objects.filter(pk=certificate.pk).update(extra_lines=None)
    certificate.refresh_from_db()
    assert documents.facts_of(certificate).extra_lines[0].startswith("Workshop: Older workshop")
