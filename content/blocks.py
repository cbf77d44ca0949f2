"""StreamField blocks shared by every page body: lessons, standard pages, the home page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands out from the text: a tip, a warning, a legal reminder."""

    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("note", _("Note")), ("warning", _("Warning")), ("law", _("Legal reminder")), ("tip", _("Good practice"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "content/blocks/callout.html"
        preview_value = {
            "kind": "law",
            "title": "Non-punishment",
            "text": "<p>Victims should not be punished for offences they were compelled to commit.</p>",
        }


class CaseStudyBlock(blocks.StructBlock):
    """A realistic situation, followed by a question for the trainee to reflect on."""

    title = blocks.CharBlock(label=_("title"), max_length=160)
    scenario = blocks.RichTextBlock(label=_("scenario"), features=RICH_TEXT_FEATURES)
    question = blocks.TextBlock(label=_("question to reflect on"))
    discussion = blocks.RichTextBlock(
        label=_("discussion"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Optional: points a trainer would raise. Shown folded until the trainee opens it."),
    )

    class Meta:
        icon = "user"
        label = _("Case study")
        template = "content/blocks/case_study.html"
        preview_value = {
            "title": "A worker without papers",
            "scenario": "<p>A man says his employer keeps his passport 'for safety'.</p>",
            "question": "Which indicators do you see, and what would you ask next?",
        }


class ImageBlock(blocks.StructBlock):
    """An image with the text alternative that screen readers need."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not (cleaned.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Alternative text is required."))}
            )
        return cleaned


class VideoBlock(blocks.StructBlock):
    """A video, always with a transcript so it can be read on a slow connection."""

    video = EmbedBlock(label=_("video address"), required=False, help_text=_("A link to the hosted video."))
    file = DocumentChooserBlock(label=_("or a video file"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=160)
    transcript = blocks.RichTextBlock(
        label=_("transcript"), features=RICH_TEXT_FEATURES, help_text=_("Required: the full text of what is said.")
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "content/blocks/video.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("video") and not cleaned.get("file"):
            raise blocks.StructBlockValidationError(
                block_errors={"video": ValidationError(_("Give a video address or choose a video file."))}
            )
        return cleaned


class DocumentBlock(blocks.StructBlock):
    """A file to download: a handbook, a form, a copy of the law."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), max_length=160)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "content/blocks/document.html"


class KeyPointsBlock(blocks.StructBlock):
    """A short list of what to remember."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=120, default=_("Key points"))
    points = blocks.ListBlock(blocks.CharBlock(label=_("point"), max_length=400), label=_("points"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "content/blocks/key_points.html"
        preview_value = {"title": "Key points", "points": ["Identification is a process.", "Refer, do not interrogate."]}


class GlossaryTermBlock(blocks.StructBlock):
    """A term from the shared glossary, shown with its definition."""

    term = SnippetChooserBlock("content.GlossaryTerm", label=_("term"))

    class Meta:
        icon = "openquote"
        label = _("Glossary term")
        template = "content/blocks/glossary_term.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of lessons and standard pages."""

    text = blocks.RichTextBlock(label=_("Text"), icon="pilcrow", features=RICH_TEXT_FEATURES, template="content/blocks/text.html")
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    key_points = KeyPointsBlock()
    glossary_term = GlossaryTermBlock()
