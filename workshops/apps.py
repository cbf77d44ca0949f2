from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import cohort_rules, panels
        from workshops.completion import workshop_rules_met

        cohort_rules.register("workshop", workshop_rules_met)
        panels.register_trainer_link(panels.TrainerLink("workshop_list", _("Workshops: sessions and attendance"), order=35))
