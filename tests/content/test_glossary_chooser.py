"""The glossary chooser opens on the terms in the edited page's language; the others stay one click away.

Wagtail does this for translatable snippets: the page editor gives its locale to every chooser
(ACTIVE_CONTENT_LOCALE), the snippet chooser passes it as ?locale= and filters on it by default,
with "All" in its language filter. These tests pin that behaviour for the glossary.
"""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from content.models import GlossaryTerm, StandardPage
from lms import roles
from tests.factories import UserFactory, lesson_body, site_tree

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_content_glossaryterm:choose"


@pytest.fixture
def glossary():
    home, _catalogue = site_tree()
    english, french = Locale.objects.get(language_code="en"), Locale.objects.get_or_create(language_code="fr")[0]
    term = GlossaryTerm.objects.create(term="Non-punishment principle", definition="<p>Victims are not punished.</p>", locale=english)
    term.copy_for_translation(french).save()
    translated = GlossaryTerm.objects.get(locale=french, translation_key=term.translation_key)
    translated.term = "Principe de non-sanction"
    translated.save()
    GlossaryTerm.objects.create(term="Orientation", definition="<p>Vers les services.</p>", locale=french)
    home_fr = home.copy_for_translation(french)
    page_fr = home_fr.add_child(instance=StandardPage(title="À propos", slug="a-propos", body=lesson_body("Qui sommes-nous.")))
    return {"page_fr": page_fr}


def listed_terms(html):
    return sorted(term for term in ("Non-punishment principle", "Principe de non-sanction", "Orientation") if term in html)


def test_the_french_page_editor_gives_its_language_to_the_choosers(client, glossary):
    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[glossary["page_fr"].pk])).content.decode()
    config = json.loads(re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["ACTIVE_CONTENT_LOCALE"] == "fr"


def test_the_chooser_lists_the_page_language_first_with_the_others_reachable(client, glossary):
    trainer = UserFactory(role=roles.TRAINER)
    client.force_login(trainer)
    french = client.get(reverse(CHOOSER), {"locale": "fr"})
    assert french.status_code == 200
    html = json.loads(french.content)["html"]
    assert listed_terms(html) == ["Orientation", "Principe de non-sanction"]
    assert re.search(r'<option value="fr"\s+selected', html) and '<option value="">All</option>' in html
    everything = json.loads(client.get(reverse(CHOOSER), {"locale": ""}).content)["html"]
    assert listed_terms(everything) == ["Non-punishment principle", "Orientation", "Principe de non-sanction"]


def test_a_trainee_cannot_open_the_chooser(client, glossary):
    client.force_login(UserFactory(role=roles.TRAINEE))
    response = client.get(reverse(CHOOSER), {"locale": "fr"})
    assert response.status_code in (302, 403)
    assert "Principe" not in response.content.decode()
