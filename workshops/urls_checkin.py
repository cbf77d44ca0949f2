"""The QR check-in link: printed on sign-in sheets, so without a language prefix (like /verify/)."""

from django.urls import path

from workshops import views

app_name = "workshops_checkin"
urlpatterns = [path("<str:token>/", views.check_in, name="check_in")]
