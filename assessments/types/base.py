"""What every question type knows, with the defaults most types share.

A type is a small stateless object: it reads the submitted form into a response, validates it,
grades it with a pure function of ``assessments.grading``, says the right answer in words,
names its templates and admin panels, maps itself to and from the neutral ``QuestionData`` of
the formats, reads and writes its answers in GIFT and Moodle XML and checks them on import, and
tells item analysis what it can report.
"""

import secrets

from assessments.formats.model import QuestionData


def new_token() -> str:
    """An opaque per-attempt name for an option, so the page reveals neither ids nor the key."""
    return secrets.token_urlsafe(6)


class QuestionType:
    """One type of question. Subclasses set ``name`` and ``model`` and override what differs."""

    name: str = ""
    model = None
    # Graded by a person (essays): no key to apply, waits in the grading queue.
    is_manual = False
    # Item analysis shows how often each option was picked.
    counts_picks = False
    # The regrade preview lists the credit of each option of the key.
    lists_option_credit = False
    # GIFT and Moodle XML have no syntax of their own for it: read, written and checked as the
    # type of that name (and, in GIFT, with a "// [type:name]" hint so that it reads back as
    # this type).
    written_as: str | None = None
    # Its <question type="…"> in Moodle XML.
    moodle_type: str | None = None
    # Stored length of a typed answer.
    text_limit = 500
    key_panels: list = []

    @property
    def label(self):
        """The type in words, for trainers ("single choice question")."""
        return self.model._meta.verbose_name

    @property
    def trainee_template(self) -> str:
        return f"assessments/types/{self.name}.html"

    @property
    def review_template(self) -> str:
        return f"assessments/types/{self.name}_review.html"

    # --- Admin ---------------------------------------------------------------------------------

    def panels(self) -> list:
        """The editing panels of the type's screen in the Wagtail admin."""
        model = self.model
        return model.base_panels + self.key_panels + model.feedback_panels

    # --- Taking a quiz ---------------------------------------------------------------------------

    def build_layout(self, question, *, shuffle: bool, rng) -> dict:
        """Opaque tokens for the options, in display order; the key never leaves the server."""
        ids = question.option_ids()
        if not ids:
            return {}
        tokens = {new_token(): option_id for option_id in ids}
        order = list(tokens)
        if shuffle:
            rng.shuffle(order)
        return {"tokens": tokens, "order": order}

    def form_data(self, post, prefix: str, layout: dict) -> dict:
        """What the form sent for this question (with or without JavaScript)."""
        return {"text": post.get(prefix + "text", "")}

    def clean(self, data: dict, layout: dict) -> dict | None:
        """The response to store from submitted data; unknown tokens are dropped."""
        return {"text": str(data.get("text", ""))[: self.text_limit]}

    def response_ids(self, response: dict | None, layout: dict) -> dict:
        """The stored response with tokens turned back into option ids, for grading."""
        return response or {}

    def grade_response(self, spec: dict, response: dict):
        """An ``assessments.grading.Outcome``, or None when a person grades it."""
        raise NotImplementedError

    def grade(self, question, answer):
        """Grade one stored answer against this question's key."""
        return self.grade_response(question.grading_spec(), self.response_ids(answer.response, answer.layout or {}))

    def is_answered(self, response: dict | None) -> bool:
        response = response or {}
        return any(
            value not in (None, "", [], {}) and not (isinstance(value, dict) and not any(value.values()))
            for value in response.values()
        )

    def view_context(self, question, layout: dict, response: dict) -> dict:
        """What the trainee and review templates show, beyond the stem and the options."""
        options = [(token, question.option_label(layout["tokens"][token])) for token in layout.get("order", [])]
        return {"options": options, "text": response.get("text", "")}

    def right_answer_text(self, question) -> str:
        """The key in words, for the review page once the settings allow it."""
        return ""

    def demo_form_data(self, question, layout: dict, *, right: bool) -> dict:
        """Form data that is right (or wrong) for this question: demo data and tests."""
        return {"text": ""}

    # --- Import and export ----------------------------------------------------------------------

    def from_data(self, data: QuestionData, common: dict):
        """An unsaved bank question from one parsed question; ``common`` holds the shared fields."""
        return self.model(**common)

    def to_data(self, question, data: QuestionData) -> None:
        """Fill ``data`` (title, stem and category already set) with this type's key."""

    def answer_count(self, data: QuestionData) -> int:
        """How many answers the import preview shows for a parsed question."""
        return len(data.choices) + len(data.pairs) + len(data.answers) + len(data.numeric)

    def check(self, data: QuestionData) -> list[str]:
        """What stops a parsed question's answers from being asked and graded, in words."""
        return []

    # GIFT: ``assessments.formats.gift`` takes a question apart and hands the type the text
    # between the braces, "held" (escaped characters hidden) and without the general feedback.

    def gift_matches(self, block: str) -> bool:
        """Whether the answers are written in this type's syntax; asked in the order of
        ``registry.GIFT_ORDER``, so the types tried before have already said no."""
        return False

    def read_gift(self, data: QuestionData, block: str) -> None:
        """Fill ``data`` with the answers of the block (raise ``formats.common.Problem``)."""

    def write_gift(self, data: QuestionData, tag: str) -> str | None:
        """What goes between the braces (``tag`` is the stem's format tag, for texts that
        start with "[" or "%"); None when GIFT cannot express the type."""
        return None

    # Moodle XML: ``assessments.formats.moodle_xml`` reads and writes the common parts.

    def xml_matches(self, element) -> bool:
        """Whether a <question> of this type's ``moodle_type`` is of this type."""
        return True

    def read_xml(self, data: QuestionData, element) -> None:
        """Fill ``data`` with the answers of a <question> (raise ``formats.common.Problem``)."""

    def write_xml(self, element, data: QuestionData, text_format: str) -> None:
        """Add the answers and settings of ``data`` to its <question>."""

    # --- Translation ------------------------------------------------------------------------------
    # Only texts are translated (``assessments.translations``): the stream that holds the options,
    # and the parts of each option a translator writes again, with their longest length. The key
    # (credit, numbers, the order, which pair matches) stays the source's.
    translated_stream: str | None = None
    translated_parts: dict[str, int] = {}

    def translatable_options(self, question) -> dict[str, dict[str, str]]:
        """Per option id, the source texts a translator writes again (empty parts left out)."""
        if not self.translated_stream:
            return {}
        options = {}
        for child in getattr(question, self.translated_stream):
            value = child.value if isinstance(child.value, dict) else {"text": child.value}
            texts = {part: str(value.get(part) or "") for part in self.translated_parts if value.get(part)}
            if texts:
                options[child.id] = texts
        return options

    def apply_translation(self, question, options: dict[str, dict[str, str]]) -> None:
        """Put translated option texts into an unsaved copy of ``question``; a text not
        translated keeps the source's. Never saved: the copy is shown, and graded for feedback."""
        if not self.translated_stream:
            return
        raw = []
        for item in getattr(question, self.translated_stream).raw_data:
            item = dict(item)
            texts = {part: text for part, text in options.get(item.get("id"), {}).items() if text}
            if isinstance(item["value"], dict):
                item["value"] = {**item["value"], **{part: texts[part] for part in self.translated_parts if part in texts}}
            elif "text" in texts:
                item["value"] = texts["text"]
            raw.append(item)
        setattr(question, self.translated_stream, raw)

    # --- Item analysis --------------------------------------------------------------------------

    def option_labels(self, versions) -> list[tuple[str, str]]:
        """(option id, text): the current key's options first, then those of older versions."""
        labels = {}
        for version in versions:
            for option_id in version.option_ids():
                labels.setdefault(option_id, version.option_label(option_id))
        return list(labels.items())

    def option_credit(self, question) -> dict[str, float]:
        """Share of the mark each option earns in the key."""
        return {}

    def picked_option_ids(self, response: dict | None, layout: dict | None) -> list[str]:
        """The option ids a stored response picked (for the choice distribution)."""
        return []

