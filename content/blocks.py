"""StreamField blocks shared by every page body: lessons, standard pages, the home page.

Labels and help texts are written for trainers: what to put in the field, and its limits.
"""

from html import unescape

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]

# Formats every current browser plays in a plain <video> element, without a plug-in.
VIDEO_EXTENSIONS = ("mp4", "m4v", "webm")


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands out from the text: a tip, a warning, a legal reminder."""

    kind = blocks.ChoiceBlock(
        label=_("kind of note"),
        choices=[("note", _("Note")), ("warning", _("Warning")), ("law", _("Legal reminder")), ("tip", _("Good practice"))],
        default="note",
        help_text=_("Sets the box's colour and icon: a warning stands out more than a note."),
    )
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=120, help_text=_("Optional: a few words above the box (120 characters at most).")
    )
    text = blocks.RichTextBlock(
        label=_("text"), features=RICH_TEXT_FEATURES, help_text=_("What the trainee must notice: keep it to a short paragraph.")
    )

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

    title = blocks.CharBlock(label=_("title"), max_length=160, help_text=_("A short name for the case (160 characters at most)."))
    scenario = blocks.RichTextBlock(
        label=_("scenario"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The situation as the trainee would meet it at work. Change names and details so no real person can be recognised."),
    )
    question = blocks.TextBlock(
        label=_("question to reflect on"), help_text=_("One open question, e.g. 'Which indicators do you see, and what would you ask next?'")
    )
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

    image = ImageChooserBlock(
        label=_("image"), help_text=_("Choose or upload a photo or drawing. Avoid images of real victims or anyone who could be recognised.")
    )
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Required, even for a draft: describe what the image shows for people who cannot see it (250 characters at most)."),
    )
    caption = blocks.CharBlock(
        label=_("caption"), required=False, max_length=250, help_text=_("Optional: a line shown under the image, e.g. its source.")
    )

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


def is_webvtt(document) -> bool:
    """Whether a document is a WebVTT file: a .vtt name and a first line that reads WEBVTT."""
    if (document.file_extension or "").lower() != "vtt":
        return False
    try:
        with document.open_file() as handle:
            head = handle.read(64)
    except OSError:
        return False
    first_line = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    return first_line == b"WEBVTT" or first_line.startswith((b"WEBVTT ", b"WEBVTT\t"))


class VideoBlock(blocks.StructBlock):
    """A video played in the page, with its captions and a transcript for a slow connection."""

    title = blocks.CharBlock(
        label=_("title"), max_length=160, help_text=_("What the video is about, in a few words (160 characters at most).")
    )
    file = DocumentChooserBlock(
        label=_("video file"),
        help_text=_(
            "Upload the video as a document: an MP4 or WebM file. Keep it short and small (a few minutes, "
            "under 50 MB): trainees on a slow connection can also download it."
        ),
    )
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT file)"),
        required=False,
        help_text=_(
            "A .vtt caption file, uploaded as a document, in the language of this page. Its first line must read WEBVTT."
        ),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Required, even for a draft: the full text of what is said and shown, for trainees who cannot play the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "content/blocks/video.html"

    def clean(self, value):
        # The checks below run whatever the others find, so an author sees every problem at once
        # and the transcript's message is the same for a draft and for publishing.
        try:
            cleaned, errors = super().clean(value), {}
        except blocks.StructBlockValidationError as error:
            cleaned, errors = value, dict(error.block_errors)
        video, captions = cleaned.get("file"), cleaned.get("captions")
        if video is not None and (video.file_extension or "").lower() not in VIDEO_EXTENSIONS:
            errors["file"] = ValidationError(_("Choose a video file in MP4 or WebM format."))
        if captions is not None and not is_webvtt(captions):
            errors["captions"] = ValidationError(
                _("Choose a WebVTT caption file: a .vtt file whose first line reads WEBVTT.")
            )
        transcript = cleaned.get("transcript")
        if not unescape(strip_tags(transcript.source if transcript else "")).strip():
            errors["transcript"] = ValidationError(_("A transcript is required."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned


class DocumentBlock(blocks.StructBlock):
    """A file to download: a handbook, a form, a copy of the law."""

    document = DocumentChooserBlock(
        label=_("document"), help_text=_("Choose or upload the file: a PDF opens on most phones. Keep it under 10 MB.")
    )
    title = blocks.CharBlock(label=_("title"), max_length=160, help_text=_("The link's text, e.g. 'Referral form' (160 characters at most)."))
    description = blocks.TextBlock(
        label=_("description"), required=False, help_text=_("Optional: one or two sentences on what the file is for.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "content/blocks/document.html"


class KeyPointsBlock(blocks.StructBlock):
    """A short list of what to remember."""

    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=120, default=_("Key points"), help_text=_("Shown above the list; 'Key points' if left as it is.")
    )
    points = blocks.ListBlock(
        blocks.CharBlock(label=_("point"), max_length=400, help_text=_("One sentence (400 characters at most).")),
        label=_("points"),
        min_num=1,
        help_text=_("What to remember, one point per line: three to five work best."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "content/blocks/key_points.html"
        preview_value = {"title": "Key points", "points": ["Identification is a process.", "Refer, do not interrogate."]}


class GlossaryTermBlock(blocks.StructBlock):
    """A term from the shared glossary, shown with its definition."""

    term = SnippetChooserBlock(
        "content.GlossaryTerm",
        label=_("term"),
        help_text=_(
            "Choose a term from the glossary. The list opens on terms in this page's language; pick "
            "'All' in its language filter to see the others. Each translation of the page shows the term in its own language."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Glossary term")
        template = "content/blocks/glossary_term.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of lessons and standard pages."""

    text = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="content/blocks/text.html",
        help_text=_("Paragraphs, headings and lists. Use headings (H2, H3) in order so the page reads well on a screen reader."),
    )
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    key_points = KeyPointsBlock()
    glossary_term = GlossaryTermBlock()
