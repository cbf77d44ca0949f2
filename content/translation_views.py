"""wagtail-localize's screens that start or sync translations, limited to what the user may edit.

wagtail-localize checks only its global "submit_translation" permission on these two screens, so
anyone holding it could translate, and sync, every page. Here the same views also require Wagtail's
own right to edit the object (and to publish it, to publish the synced translations): a course
author translates the courses they author, an administrator everything. They answer at
wagtail-localize's own addresses (content/wagtail_hooks.py), so its buttons lead here.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def can_edit(user, instance) -> bool:
    """Whether ``user`` may edit ``instance`` (a page, or a snippet) in the admin."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def can_publish(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.has_perm(get_permission_name("publish", type(instance))) or user.is_superuser


class SubmitEditablePageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not can_edit(self.request.user, page):
            raise PermissionDenied
        return page


class UpdateEditableTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        try:
            instance = source.get_source_instance()
        except source.specific_content_type.model_class().DoesNotExist:
            instance = None
        if instance is None or not can_edit(self.request.user, instance):
            raise PermissionDenied
        if self.request.method == "POST" and self.request.POST.get("publish_translations"):
            if not can_publish(self.request.user, instance):
                raise PermissionDenied
        return source
