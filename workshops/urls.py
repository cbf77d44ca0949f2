from django.urls import path

from workshops import report_views, views

urlpatterns = [
    path("", views.workshop_list, name="workshop_list"),
    path("cohorts/<id:cohort_id>/new/", views.workshop_create, name="workshop_create"),
    path("reports/", report_views.report, name="workshop_reports"),
    path("reports/report.<str:file_format>", report_views.report_download, name="workshop_reports_download"),
    path("<id:workshop_id>/report/", report_views.report, name="workshop_report"),
    path("<id:workshop_id>/report.<str:file_format>", report_views.report_download, name="workshop_report_download"),
    path("<id:workshop_id>/surveys/<str:survey>/", report_views.survey_form, name="workshop_survey"),
    path("<id:workshop_id>/surveys/<str:survey>/statements/", report_views.survey_items, name="workshop_survey_items"),
    path("<id:workshop_id>/", views.workshop_detail, name="workshop_detail"),
    path("<id:workshop_id>/edit/", views.workshop_edit, name="workshop_edit"),
    path("<id:workshop_id>/import/", views.attendance_import, name="workshop_attendance_import"),
    path("<id:workshop_id>/attendance.<str:file_format>", views.attendance_download, name="workshop_attendance_export"),
    path("<id:workshop_id>/sessions/new/", views.session_create, name="workshop_session_create"),
    path("<id:workshop_id>/sessions/<id:session_id>/", views.session_attendance, name="workshop_session"),
    path("<id:workshop_id>/sessions/<id:session_id>/edit/", views.session_edit, name="workshop_session_edit"),
    path("<id:workshop_id>/sessions/<id:session_id>/delete/", views.session_delete, name="workshop_session_delete"),
    path("<id:workshop_id>/sessions/<id:session_id>/marks/", views.session_mark, name="workshop_session_mark"),
    path("<id:workshop_id>/sessions/<id:session_id>/walk-in/", views.walk_in, name="workshop_walk_in"),
    path("<id:workshop_id>/sessions/<id:session_id>/sign-in-sheet.pdf", views.sign_in_sheet, name="workshop_sign_in_sheet"),
]
