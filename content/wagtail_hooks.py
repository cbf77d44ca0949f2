from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import TranslationSource

from content import translation_views
from content.models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    list_display = ["term", "locale"]
    search_fields = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def register_translation_urls():
    # Registered before wagtail-localize's (content comes first in INSTALLED_APPS): the same
    # addresses, with Wagtail's edit permission checked on top of "submit_translation".
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translation_views.SubmitEditablePageTranslationView.as_view(),
            name="content_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_views.UpdateEditableTranslationsView.as_view(),
            name="content_update_translations",
        ),
    ]


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "translations/page/<int:page_id>/",
            translation_views.TranslationStatusView.as_view(),
            name="content_translation_status",
        ),
    ]


def _translation_status_button(page, user, *, priority):
    """A "Translations" button for a page with synced translations, to who may edit it."""
    if page.is_root() or not translation_views.can_edit(user, page):
        return
    if not TranslationSource.objects.filter(object_id=page.translation_key).exists():
        return
    yield widgets.Button(
        _("Translation status"),
        reverse("content_translation_status", args=[page.pk]),
        icon_name="globe",
        attrs={"title": _("Each language's state: up to date, segments waiting, or source changed")},
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def translation_status_header_button(page, user, view_name, next_url=None):
    yield from _translation_status_button(page, user, priority=85)


@hooks.register("register_page_listing_more_buttons")
def translation_status_listing_button(page, user, next_url=None):
    yield from _translation_status_button(page, user, priority=65)
