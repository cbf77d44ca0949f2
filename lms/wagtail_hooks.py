"""Admin screens of the shell: organisations, places, sectors, reporting scopes, audit log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from lms import permissions, views
from lms.models import AuditLogEntry, Country, Organisation, Region, ReportingScope, Sector
from lms.viewsets import RecordViewSet


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country", "region"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    form_fields = ["name", "kind", "country", "region"]


class CountryViewSet(ModelViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    form_fields = ["code", "name"]


class RegionViewSet(ModelViewSet):
    model = Region
    icon = "pick"
    menu_label = _("Regions")
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name"]
    form_fields = ["country", "name"]


class SectorViewSet(ModelViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug"]
    form_fields = ["name", "slug"]


class ReportingScopeViewSet(ModelViewSet):
    model = ReportingScope
    icon = "view"
    menu_label = _("Reporting scopes")
    list_display = ["officer"]
    panels = [FieldPanel("officer"), FieldPanel("countries"), FieldPanel("organisations")]


class AuditLogViewSet(RecordViewSet):
    """Read-only: the audit log is appended to by the platform, never edited."""

    model = AuditLogEntry
    icon = "history"
    menu_label = _("Audit log")
    list_display = ["created_at", "actor_label", "action", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["actor_label", "action"]


class PeopleAndPlacesGroup(ModelViewSetGroup):
    items = (OrganisationViewSet, CountryViewSet, RegionViewSet, SectorViewSet, ReportingScopeViewSet, AuditLogViewSet)
    menu_label = _("Organisations")
    menu_icon = "site"


@hooks.register("register_admin_viewset")
def register_people_and_places():
    return PeopleAndPlacesGroup()


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("second-factor/", views.admin_second_factor, name="lms_admin_second_factor"),
        path("erasure-requests/", views.admin_erasure_requests, name="lms_admin_erasure_requests"),
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_administer(request.user)


@hooks.register("register_settings_menu_item")
def register_second_factor_menu_item():
    return AdministratorMenuItem(_("Second factor"), reverse("lms_admin_second_factor"), icon_name="key", order=900)


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return AdministratorMenuItem(_("Erasure requests"), reverse("lms_admin_erasure_requests"), icon_name="bin", order=910)
