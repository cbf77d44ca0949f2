"""A question bank as plain data, independent of the database: what the formats read and write."""

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Question types the formats know; members compare equal to their plain string values."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    MATCHING = "matching"
    ESSAY = "essay"
    ORDERING = "ordering"  # Moodle XML only: GIFT has no syntax for it.


TEXT_FORMATS = ("html", "markdown", "plain", "moodle")

# Question types the formats carry as one of their own constructs, with a hint naming the type:
# {type name: the kind whose syntax it uses}. Filled by the types (``assessments.types``); a
# GIFT file marks such a question with a ``// [type:name]`` comment, which Moodle ignores.
VARIANTS: dict[str, str] = {}


def register_variant(name: str, *, written_as: str) -> None:
    """Let the formats read and write the type ``name`` with the syntax of ``written_as``."""
    VARIANTS[name] = written_as


def unregister_variant(name: str) -> None:
    VARIANTS.pop(name, None)


def syntax_of(kind: str) -> str:
    """The kind whose syntax writes questions of this kind (itself for the formats' own kinds)."""
    return VARIANTS.get(kind, kind)


@dataclass
class Choice:
    """An answer of a choice question (or an item of an ordering question, in the right order)."""

    text: str
    fraction: float  # share of the mark, from -1 to 1 (1 = 100%)
    feedback: str = ""


@dataclass
class MatchPair:
    """A pair of a matching question; an empty left side makes the right side a distractor."""

    left: str
    right: str


@dataclass
class NumericAnswer:
    """An accepted number: value ± tolerance, or the range low..high; all three None means any number."""

    value: float | None
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None
    fraction: float = 1.0
    feedback: str = ""

    @property
    def is_range(self) -> bool:
        return self.value is None and self.low is not None and self.high is not None

    @property
    def is_catch_all(self) -> bool:
        return self.value is None and self.low is None and self.high is None


@dataclass
class TextAnswer:
    """An accepted short answer; `*` matches any run of characters."""

    text: str
    fraction: float
    feedback: str = ""


@dataclass
class QuestionData:
    """One question, as a format describes it.

    `single` mirrors `kind` for choice questions (True for single_choice, False for
    multiple_response) and stays True for the other kinds. `true_feedback` is shown to a trainee
    who answers “true”, `false_feedback` to one who answers “false”, whichever is right.
    `line` (where the question starts in a GIFT file) is not part of the comparison.
    """

    kind: str
    title: str
    stem: str
    stem_format: str = "plain"
    default_mark: float = 1.0
    general_feedback: str = ""
    category: tuple[str, ...] = ()
    choices: list[Choice] = field(default_factory=list)
    pairs: list[MatchPair] = field(default_factory=list)
    numeric: list[NumericAnswer] = field(default_factory=list)
    answers: list[TextAnswer] = field(default_factory=list)
    true_false: bool | None = None
    true_feedback: str = ""
    false_feedback: str = ""
    single: bool = True
    line: int | None = field(default=None, compare=False)


@dataclass
class ImportResult:
    """The questions read from a file and, line by line or question by question, what went wrong."""

    questions: list[QuestionData] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)
