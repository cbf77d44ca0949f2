from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses.records.api import api as records_api
from lms import media, routing, views


def health(request):
    return HttpResponse("ok", content_type="text/plain")


accounts_patterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", views.register, name="register"),
    path("profile/", views.profile, name="profile"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change.html"),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", health, name="health"),
    # Public certificate checks: the QR target, never with a language prefix.
    path("verify/", include("certificates.urls_verify")),
    # Completion records for national systems (token auth, no language prefix).
    path("api/", records_api.urls),
]

if not settings.AWS_STORAGE_BUCKET_NAME:
    # Embedded mode: image files are public and served from local media. Nothing else under
    # media is served directly (documents go through Wagtail's permission-checking view), and
    # lms.media refuses any path that could climb out of the image folders.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media.public_media)]

urlpatterns += i18n_patterns(
    path("accounts/", include(accounts_patterns)),
    path("", include("courses.urls")),
    path("records/", include("courses.records.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    # Wagtail's own helper URLs, then its page serving with faster routing (lms.routing).
    path("", include(wagtail_urls.urlpatterns[:-1])),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"
