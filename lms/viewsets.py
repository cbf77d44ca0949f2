"""Admin viewsets shared by the apps: records listed and inspected, never edited by hand."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

# The screens a record keeps; every other screen (add, edit, delete, copy, history, usage) is left
# out, and so are the links to it, which would otherwise fail to reverse.
RECORD_VIEWS = ("index", "index_results", "inspect")
_CHANGE_VIEWS = ("add", "edit", "delete", "copy", "history", "usage")


class RecordURLFinder(ModelAdminURLFinder):
    """Points "edit this object" links (usage, history, reports) at the record's inspect screen."""

    def construct_edit_url(self, instance):
        return reverse(self.edit_url_name, args=(quote(instance.pk),))

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if self.user and policy and not policy.user_has_permission_for_instance(self.user, "view", instance):
            return None
        return self.construct_edit_url(instance)


class RecordViewSet(ModelViewSet):
    """A listing and an inspect screen only: records change through their services, never here."""

    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    pk_path_converter = "id"  # lms.converters: an id beyond the database's range is a 404

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{**{f"{name}_url_name": None for name in _CHANGE_VIEWS}, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in RECORD_VIEWS]

    @property
    def url_finder_class(self):
        return type(f"{self.model.__name__}URLFinder", (RecordURLFinder,), {"edit_url_name": self.get_url_name("inspect")})
