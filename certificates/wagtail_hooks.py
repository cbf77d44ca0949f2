"""Admin screens: certificate templates (snippets, with a PDF preview) and issued certificates (read-only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates import selectors, views
from certificates.models import Certificate, CertificateTemplate
from lms.viewsets import RecordViewSet


class CertificateTemplateViewSet(SnippetViewSet):
    """Templates are edited by administrators; the live preview shows the PDF in each language."""

    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "is_default", "issuer_name", "paper_size", "orientation", "version"]


class ScopedIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.certificates_visible_to(self.request.user)


class ScopedInspectView(InspectView):
    def get_object(self, queryset=None):
        from django.http import Http404

        certificate = selectors.certificates_visible_to(self.request.user).filter(pk=self.pk).first()
        if certificate is None:
            raise Http404
        return certificate


class CertificateViewSet(RecordViewSet):
    """Issued certificates are records: listed and inspected; they change only through the services (revoke, reissue)."""

    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    list_display = [
        "serial",
        "trainee_name",
        "course_title",
        "completed_on",
        Column("current_status", label=_("Status"), accessor="get_current_status_display"),
        "issued_at",
    ]
    list_filter = ["status", "language"]
    search_fields = ["serial", "trainee_name", "course_title"]
    inspect_view_fields = [
        "serial",
        "trainee_name",
        "family_name",
        "course_title",
        "language",
        "completed_on",
        "hours",
        "score",
        "issuer",
        "issued_at",
        "issued_by",
        "template",
        "template_version",
        "expires_on",
        "status",
        "revoked_at",
        "revocation_reason",
        "replaced_by",
        "pdf_sha256",
        "pdf_signed",
        "rendered_at",
        "render_error",
    ]


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("issued_certificates")


@hooks.register("register_admin_urls")
def register_preview_urls():
    return [
        path(
            "certificate-templates/<id:pk>/preview/<str:language>/",
            views.admin_template_preview,
            name="certificates_template_preview",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def preview_buttons(snippet, user, next_url=None):
    if isinstance(snippet, CertificateTemplate) and user.has_perm("certificates.change_certificatetemplate"):
        for code, label in (("en", "PDF (English)"), ("ar", "PDF (العربية)")):
            yield ListingButton(
                label,
                reverse("certificates_template_preview", args=[snippet.pk, code]),
                priority=30,
                icon_name="doc-full",
            )
