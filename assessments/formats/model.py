"""A question bank as plain data, independent of the database: what the formats read and write."""

from dataclasses import dataclass, field

TEXT_FORMATS = ("html", "markdown", "plain", "moodle")


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

    `kind` names the question's type (``assessments.types.registry``). `single` is True for a
    choice question with one right answer, False for one with several, and True for the others. `true_feedback` is shown to a trainee
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
    rubric: str = ""  # an essay's notes for graders, as sanitised HTML (Moodle's <graderinfo>)
    line: int | None = field(default=None, compare=False)


@dataclass
class ImportResult:
    """The questions read from a file and, line by line or question by question, what went wrong."""

    questions: list[QuestionData] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)
