"""Admin: certificate templates as snippets with a PDF preview; issued certificates read-only."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from certificates import selectors
from certificates.models import CertificateSignatory, CertificateTemplate, CertificateWording
from certificates.rendering import documents
from lms import roles
from lms.pdf import pool
from tests.certificates.conftest import pdftotext
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return UserFactory(is_superuser=True, is_staff=True, role=roles.ADMINISTRATOR)


def image(title, size=(600, 240), colour=(11, 60, 93)):
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:  # a browser test's flush removes it
        Collection.add_root(name="Root")
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def squeezed(text):
    return "".join(text.split())


def test_a_default_template_always_exists():
    assert not CertificateTemplate.objects.exists()
    template = selectors.default_template()
    assert template.is_default and selectors.default_template() == template


def test_each_change_is_a_new_version():
    template = CertificateTemplate.objects.create(name="Donor programme")
    template.accent_colour = "#225522"
    template.save()
    template.refresh_from_db()
    assert template.version == 2


def test_wording_with_unknown_placeholders_is_refused():
    wording = CertificateWording(template=CertificateTemplate(name="x"), language="fr", title="T", body="{nom} a suivi {course}")
    with pytest.raises(ValidationError, match="nom"):
        wording.full_clean(exclude=["template"])


def test_logos_and_signatures_are_read_from_media(tmp_path):
    template = CertificateTemplate.objects.create(name="With logos", logo=image("logo"), second_logo=image("donor"))
    CertificateSignatory.objects.create(template=template, name="Fatou Ndiaye", title="Chief of Mission", signature=image("signature", (500, 150), (20, 20, 20)))
    document = documents.certificate_document(template, documents.sample_facts(template, "en"))
    rendered = pool.render(document.html, document.assets)
    media = [url for url in rendered.served if "/media/" in url]
    assert len(media) == 3 and rendered.refused == []
    text = pdftotext(rendered.pdf, tmp_path)
    assert "Fatou Ndiaye" in text and "Chief of Mission" in text


def test_the_preview_url_renders_a_pdf_in_the_chosen_language(client, admin_user, tmp_path):
    template = selectors.default_template()
    client.force_login(admin_user)
    response = client.get(reverse("certificates_template_preview", args=[template.pk, "ru"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert squeezed("СЕРТИФИКАТ О ПРОХОЖДЕНИИ КУРСА") in squeezed(pdftotext(response.content, tmp_path))


def test_the_preview_is_for_template_editors_only(client):
    template = selectors.default_template()
    client.force_login(UserFactory(role=roles.TRAINER))
    response = client.get(reverse("certificates_template_preview", args=[template.pk, "en"]), follow=True)
    assert response.status_code == 404


def test_the_live_preview_shows_unsaved_wording(client, admin_user, tmp_path):
    template = selectors.default_template()
    client.force_login(admin_user)
    edit = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    assert client.get(edit).status_code == 200
    preview = reverse("wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk])
    data = {
        "name": "Standard",
        "is_default": "on",
        "issuer_name": "Passage",
        "paper_size": "A4",
        "orientation": "landscape",
        "primary_colour": "#0b3c5d",
        "accent_colour": "#a8832f",
        "decoration": "ornament",
        "signatories-TOTAL_FORMS": "0",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
        "wordings-TOTAL_FORMS": "1",
        "wordings-INITIAL_FORMS": "0",
        "wordings-MIN_NUM_FORMS": "0",
        "wordings-MAX_NUM_FORMS": "1000",
        "wordings-0-language": "fr",
        "wordings-0-title": "Attestation de formation",
        "wordings-0-intro": "Nous attestons que",
        "wordings-0-body": "a suivi la formation {course} le {date}.",
        "wordings-0-score_line": "",
        "wordings-0-ORDER": "1",
    }
    assert client.post(preview, data).json()["is_valid"]
    response = client.get(preview, {"mode": "fr"})
    assert response["Content-Type"] == "application/pdf"
    text = squeezed(pdftotext(response.content, tmp_path))
    assert squeezed("ATTESTATION DE FORMATION") in text and squeezed("Nous attestons que") in text
    assert not CertificateWording.objects.exists()  # a preview saves nothing


def test_issued_certificates_are_listed_read_only_and_scoped(client, admin_user, issued):
    client.force_login(admin_user)
    index = client.get(reverse("issued_certificates:index"))
    assert index.status_code == 200 and issued.serial in index.content.decode()
    inspect = client.get(reverse("issued_certificates:inspect", args=[issued.pk]))
    assert inspect.status_code == 200 and issued.pdf_sha256 in inspect.content.decode()
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"issued_certificates:{name}", args=[issued.pk] if name != "add" else [])


def test_the_admin_list_shows_a_trainer_only_their_cohorts(client, issued):
    trainer = UserFactory(role=roles.TRAINER, is_staff=True)
    trainer.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(trainer)
    index = client.get(reverse("issued_certificates:index"))
    assert index.status_code == 200 and issued.serial not in index.content.decode()
    assert client.get(reverse("issued_certificates:inspect", args=[issued.pk]), follow=True).status_code == 404
