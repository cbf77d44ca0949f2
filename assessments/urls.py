from django.urls import include, path

from assessments import views

urlpatterns = [
    path("learn/quizzes/<id:quiz_id>/start/", views.start, name="quiz_start"),
    path("learn/quizzes/<id:quiz_id>/preview/", views.preview, name="quiz_preview"),
    path("learn/attempts/<id:attempt_id>/", views.attempt_page, name="attempt"),
    path("learn/attempts/<id:attempt_id>/save/", views.autosave, name="attempt_autosave"),
    path("learn/attempts/<id:attempt_id>/summary/", views.summary, name="attempt_summary"),
    path("learn/attempts/<id:attempt_id>/submit/", views.submit, name="attempt_submit"),
    path("learn/attempts/<id:attempt_id>/review/", views.review, name="attempt_review"),
    path("learn/attempts/<id:attempt_id>/grade-read/", views.mark_grade_read, name="attempt_grade_read"),
    path("", include("assessments.urls_trainer")),
]
