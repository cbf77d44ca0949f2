"""Trainer pages for quizzes (under the language prefix): grading, results, export, regrade."""

from django.urls import path

from assessments import trainer_views

urlpatterns = [
    path("trainer/quizzes/", trainer_views.quiz_list, name="trainer_quizzes"),
    path("trainer/grading/", trainer_views.grading_queue, name="grading_queue"),
    path("trainer/grading/<id:attempt_id>/", trainer_views.grade_attempt, name="grade_attempt"),
    path("trainer/quizzes/<id:quiz_id>/results/", trainer_views.quiz_results, name="quiz_results"),
    path("trainer/quizzes/<id:quiz_id>/results.csv", trainer_views.quiz_results_csv, name="quiz_results_csv"),
    path("trainer/quizzes/<id:quiz_id>/questions/", trainer_views.quiz_questions, name="quiz_questions"),
    path(
        "trainer/quizzes/<id:quiz_id>/questions/<uuid:family>/regrade/",
        trainer_views.regrade_question,
        name="regrade_question",
    ),
]
