"""Site pages (home, standard pages), the glossary and the site's branding."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from content import home
from content.blocks import RICH_TEXT_FEATURES, BodyStreamBlock


class HomePage(Page):
    """The site's front page: a welcome and a link to the catalogue."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["courses.CourseIndexPage", "content.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home.context_for(self))
        return context


class StandardPage(Page):
    """A plain page: about, privacy notice, help."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class GlossaryTerm(TranslatableMixin, models.Model):
    """A term explained once and reused in lessons (e.g. "non-punishment principle")."""

    term = models.CharField(_("term"), max_length=120)
    definition = RichTextField(_("definition"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("term"), FieldPanel("definition")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term


@register_setting(icon="cog")
class Branding(BaseSiteSetting):
    """How the site presents itself: name, colour, logo and footer."""

    site_name = models.CharField(_("site name"), max_length=80, default="Passage")
    tagline = models.CharField(
        _("tagline"), max_length=160, blank=True, default="Training for the people who protect migrants"
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b5c8a",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour as # and six hexadecimal digits."))],
        help_text=_("A dark colour, e.g. #0b5c8a: white text sits on it."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("logo")
    )
    footer = models.TextField(_("footer text"), blank=True)

    panels = [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("accent_colour"), FieldPanel("logo"), FieldPanel("footer")]

    class Meta:
        verbose_name = _("branding")
