"""Read queries of the shell: reference data for imports, scopes."""

from django.conf import settings
from django.contrib.auth import get_user_model

from lms import invitations
from lms.models import Country, Organisation, Sector


def invitation_lookups() -> invitations.Lookups:
    """Organisations, sectors, countries, languages and known emails, keyed for the CSV parser."""
    key = invitations.normalise_key
    lookups = invitations.Lookups()
    for organisation in Organisation.objects.select_related("country"):
        lookups.organisations.setdefault(key(organisation.name), []).append(organisation)
    for sector in Sector.objects.all():
        lookups.sectors[key(sector.name)] = sector
        lookups.sectors[key(sector.slug)] = sector
    for country in Country.objects.all():
        lookups.countries[key(country.name)] = country
        lookups.countries[key(country.code)] = country
    for code, name in settings.LANGUAGES:
        lookups.languages[code] = code
        lookups.languages[key(name)] = code
    lookups.existing_emails = set(get_user_model().objects.values_list("email", flat=True))
    return lookups
