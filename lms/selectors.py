"""Read queries of the shell: reference data for imports, scopes."""

from django.conf import settings
from django.db.models import Q

from lms import invitations
from lms.models import Country, Organisation, ReportingScope, Sector


def invitation_lookups() -> invitations.Lookups:
    """Organisations, sectors, countries and languages, keyed for the CSV parser."""
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
    return lookups


def reporting_scope_filter(user, *, through: str = "") -> Q | None:
    """Rounds in a ministry officer's reporting scope, by where they were taken (the enrolment's
    snapshot of country and organisation); None without a scope or with an empty one.

    ``through`` reaches the enrolment from another model, e.g. ``"enrolment__"`` for
    certificates. The scope is read in one query and written as plain id lists, so the
    database can use the indexes on those columns (an OR of two subqueries made PostgreSQL
    scan every round).
    """
    pairs = ReportingScope.objects.filter(officer_id=user.pk).values_list("countries", "organisations")
    countries = sorted({country for country, _organisation in pairs if country is not None})
    organisations = sorted({organisation for _country, organisation in pairs if organisation is not None})
    visible = None
    if countries:
        visible = Q(**{f"{through}country_id__in": countries})
    if organisations:
        by_organisation = Q(**{f"{through}organisation_id__in": organisations})
        visible = by_organisation if visible is None else visible | by_organisation
    return visible
