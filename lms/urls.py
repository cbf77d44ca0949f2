from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import health, media, routing, views
from records.api import api as records_api

accounts_patterns = [
    # Our own pages first; then django-allauth: sign in and out, registration, email
    # verification, password reset and change, re-authentication, second factor (2fa/).
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.zip", views.download_my_data, name="download_my_data"),
    path("profile/erasure/", views.request_erasure, name="request_erasure"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("", include("allauth.urls")),
]

urlpatterns = [
    # The admin has no door of its own: its sign-in goes to the account login (lockout, second
    # factor); its password reset is switched off in settings.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", views.change_language, name="set_language"),
    # Probes for a load balancer (lms/health.py): no language prefix, no session, no rate limit.
    path("healthz", health.alive, name="health"),
    path("readyz", health.ready, name="ready"),
    # Public certificate checks: the QR target, never with a language prefix.
    path("verify/", include("certificates.urls_verify")),
    # A workshop session's QR check-in, printed on its sign-in sheet: no language prefix either.
    path("check-in/", include("workshops.urls_checkin")),
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
    path("records/", include("records.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("workshops/", include("workshops.urls")),
    # The same check-in, where Django's locale redirect takes a refusal (a 404 outside the prefix),
    # so that the person sees why, in their language. Links are still made without the prefix.
    path("check-in/", include("workshops.urls_checkin", namespace="workshops_checkin_i18n")),
    # Wagtail's own helper URLs, then its page serving with faster routing (lms.routing).
    path("", include(wagtail_urls.urlpatterns[:-1])),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"
