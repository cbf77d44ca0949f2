"""The public verify pages, at /verify/ without a language prefix (QR codes point here)."""

from django.urls import path

from certificates import views

app_name = "certificates_verify"

urlpatterns = [
    path("", views.verify_form, name="form"),
    # Any text after /verify/ (even with slashes) gets the same answer as an unknown code.
    path("<path:code>/", views.verify_code, name="code"),
]
