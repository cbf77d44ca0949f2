"""Certificate pages under the language prefix (/en/certificates/...)."""

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.certificate_list, name="list"),
    path("certificates/download.zip", views.bulk_download, name="bulk_download"),
    path("certificates/status/", views.dashboard_status, name="dashboard_status"),
    path("certificates/<id:pk>/download/", views.download, name="download"),
    path("certificates/<id:pk>/revoke/", views.revoke, name="revoke"),
    path("certificates/<id:pk>/reissue/", views.reissue, name="reissue"),
    path("certificates/cohorts/<id:cohort_id>/", views.cohort_certificates, name="cohort"),
    path("certificates/cohorts/<id:cohort_id>/download.zip", views.cohort_bulk_download, name="cohort_bulk_download"),
    path("certificates/cohorts/<id:cohort_id>/issue/<id:enrolment_id>/", views.issue, name="issue"),
    path("certificates/training-record/", views.request_training_record, name="training_record"),
    path("certificates/training-record/<id:pk>/download/", views.download_training_record, name="training_record_download"),
]
