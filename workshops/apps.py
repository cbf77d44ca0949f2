from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certificates import extras as certificate_extras
        from courses import cohort_rules, panels
        from lms import periodic
        from workshops import certificate_lines
        from workshops.completion import (
            post_test_explained,
            post_test_taken,
            register_requirement,
            waiting_for,
            workshop_rules_met,
        )

        cohort_rules.register("workshop", workshop_rules_met, waiting_for=waiting_for)
        register_requirement("post-test", post_test_taken, explain=post_test_explained)
        periodic.register("workshop follow-up surveys", 6 * 60 * 60, _send_follow_up_surveys)
        certificate_extras.register_hours(certificate_lines.hours_for_enrolment)
        certificate_extras.register_lines(certificate_lines.lines_for_certificate)
        panels.register_trainer_link(panels.TrainerLink("workshop_list", _("Workshops: sessions and attendance"), order=35))


def _send_follow_up_surveys():
    from workshops.services import send_follow_up_surveys

    send_follow_up_surveys()
