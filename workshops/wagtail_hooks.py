"""The admin's way to the workshops: a menu item for those who may run them (trainers, administrators)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from workshops.permissions import can_run_workshops


class WorkshopsMenuItem(MenuItem):
    """Workshops live on the site's own pages (attendance is taken on a phone): the admin links there."""

    def is_shown(self, request):
        return can_run_workshops(request.user)

    def render_component(self, request):
        # Menu items are built once and cached: the link is reversed per request, in the
        # language the admin is shown in (the site's pages carry a language prefix).
        return LinkMenuItem(self.name, self.label, reverse("workshop_list"), icon_name=self.icon_name, classname=self.classname, attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def register_workshops_menu_item():
    return WorkshopsMenuItem(_("Workshops"), "", name="workshops", icon_name="group", order=330)
