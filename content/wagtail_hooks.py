from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
