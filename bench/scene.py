"""The data every benchmark shares: two courses and one trainee enrolled in both."""

from dataclasses import dataclass

from courses import services
from courses.models import CoursePage, LessonPage
from tests.factories import UserFactory, build_course, lessons_of


@dataclass
class Scene:
    trainee: object
    small_course: CoursePage
    large_course: CoursePage

    def lesson(self, course: CoursePage, number: int) -> LessonPage:
        """The course's lesson ``number`` (1-based), in reading order."""
        return lessons_of(course)[number - 1]


def build_scene() -> Scene:
    """Build the courses through the project's builders and services, as tests do."""
    small = build_course("Five lessons", modules=1, lessons_per_module=5, slug="five-lessons")
    large = build_course("Fifty lessons", modules=5, lessons_per_module=10, slug="fifty-lessons")
    trainee = UserFactory()
    for course in (small, large):
        enrolment = services.enrol(trainee=trainee, course=course)
        services.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    return Scene(trainee=trainee, small_course=small, large_course=large)
