"""Background work of courses: bringing open rounds up to date when a course's content changes."""

from django_tasks import task


@task()
def refresh_course_progress_task(*, course_key: str) -> int:
    """Recompute every open round of a course (all translations); returns how many changed."""
    from courses import services

    return services.refresh_course_progress(course_key=course_key)
