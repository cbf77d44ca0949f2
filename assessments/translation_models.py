"""A question's texts in another language (imported at the end of ``assessments.models``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

STEM_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class QuestionTranslation(models.Model):
    """The texts of a question family in one language: stem, feedback, each option's words.

    Kept by family, so it survives new versions; the key (credit, numbers, order, matches) is
    never here, it stays the source's. Options are keyed by the type's option ids (block ids,
    stable across versions); an option without a translated text is shown in the source text.
    ``source_version`` is the version translated: an older one than the current is out of date.
    """

    family = models.UUIDField(_("question identity"), db_index=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    source_version = models.PositiveIntegerField(_("translated from version"))
    stem = RichTextField(_("question"), features=STEM_FEATURES, blank=True)
    general_feedback = RichTextField(_("general feedback"), features=STEM_FEATURES, blank=True)
    # {option id: {part: text}}, parts as the type names them (translations.translatable_texts).
    options = models.JSONField(_("answers"), default=dict, blank=True)
    # The source texts as they were when translated, to show translators what changed since.
    source_texts = models.JSONField(_("source texts"), default=dict, blank=True, editable=False)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("translated by")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("question translation")
        verbose_name_plural = _("question translations")
        constraints = [models.UniqueConstraint(fields=["family", "language"], name="question_translation_unique_language")]

    def __str__(self):
        return f"{self.family} [{self.language}]"

    def is_out_of_date(self, current_version: int) -> bool:
        """Made from an older version than the current one: a translator should look again."""
        return self.source_version < current_version
