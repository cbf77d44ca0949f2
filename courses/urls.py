from django.urls import path

from courses import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("catalogue/", views.catalogue_redirect, name="catalogue"),
    path("learn/courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("learn/lessons/<id:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path("learn/enrolments/<id:enrolment_id>/leave/", views.leave_course, name="leave_course"),
    path("cohorts/", views.cohort_list, name="cohort_list"),
    path("cohorts/<id:cohort_id>/", views.cohort_detail, name="cohort_detail"),
    path("cohorts/<id:cohort_id>/invite/", views.cohort_invite, name="cohort_invite"),
    path("cohorts/<id:cohort_id>/progress/", views.cohort_progress, name="cohort_progress"),
    path("cohorts/<id:cohort_id>/progress.csv", views.cohort_progress_csv, name="cohort_progress_csv"),
    path("cohorts/<id:cohort_id>/trainees/<id:trainee_id>/", views.cohort_trainee, name="cohort_trainee"),
    path("invitations/<id:invitation_id>/resend/", views.resend_invitation, name="resend_invitation"),
    path("cohort-invitations/<id:invitation_id>/accept/", views.accept_cohort_invitation, name="accept_cohort_invitation"),
    path("cohort-invitations/<id:invitation_id>/decline/", views.decline_cohort_invitation, name="decline_cohort_invitation"),
    path("cohort-invitations/<id:invitation_id>/resend/", views.resend_cohort_invitation, name="resend_cohort_invitation"),
]
