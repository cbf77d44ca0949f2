"""wagtail-localize's screens that start or sync translations, limited to what the user may edit.

wagtail-localize checks only its global "submit_translation" permission on these two screens, so
anyone holding it could translate, and sync, every page. Here the same views also require Wagtail's
own right to edit the object (and to publish it, to publish the synced translations): a course
author translates the courses they author, an administrator everything. They answer at
wagtail-localize's own addresses (content/wagtail_hooks.py), so its buttons lead here.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from content.synced_translations import translation_statuses


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


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Each language of a page's synced translation: up to date, strings waiting, or source
    changed since the last sync, with a link to its translation editor.

    Only for who may edit the page (a course's authors, administrators); anyone else gets a 404.
    """

    template_name = "content/admin/translation_status.html"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, pk=kwargs["page_id"]).specific_deferred
        if not can_edit(request.user, page):
            raise Http404
        self.page = page
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Translations")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        source, statuses = translation_statuses(self.page)
        original = source_page = None
        if source is not None:
            original = Page.objects.filter(translation_key=self.page.translation_key, locale=source.locale_id).first()
            source_page = original if original is not None and can_edit(self.request.user, original) else None
        return super().get_context_data(
            page=self.page,
            source=source,
            original=source_page,
            statuses=[status for status in statuses if status.target is None or can_edit(self.request.user, status.target)],
            can_sync=source_page is not None,
            **kwargs,
        )
