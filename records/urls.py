from django.urls import path

from records import views

app_name = "records"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("exports/", views.export_list, name="exports"),
    path("exports/new/", views.start_export, name="start_export"),
    path("exports/<id:export_id>/download/", views.download_export, name="download_export"),
    path("audit/", views.audit_log, name="audit"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<id:token_id>/revoke/", views.revoke_token, name="revoke_token"),
]
