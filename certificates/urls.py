"""Certificate pages under the language prefix (/en/certificates/...)."""

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.certificate_list, name="list"),
    path("certificates/download.zip", views.bulk_download, name="bulk_download"),
    path("certificates/status/", views.dashboard_status, name="dashboard_status"),
    path("certificates/<int:pk>/download/", views.download, name="download"),
    path("certificates/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("certificates/<int:pk>/reissue/", views.reissue, name="reissue"),
    path("certificates/cohorts/<int:cohort_id>/", views.cohort_certificates, name="cohort"),
    path("certificates/cohorts/<int:cohort_id>/download.zip", views.cohort_bulk_download, name="cohort_bulk_download"),
    path("certificates/cohorts/<int:cohort_id>/issue/<int:enrolment_id>/", views.issue, name="issue"),
    path("certificates/training-record/", views.request_training_record, name="training_record"),
    path("certificates/training-record/<int:pk>/download/", views.download_training_record, name="training_record_download"),
]
