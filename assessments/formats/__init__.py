"""Question import and export (GIFT, Moodle XML) as pure functions over plain QuestionData."""

from assessments.types.registry import Kind

from .checks import problems
from .common import DEFAULT_MAX_BYTES
from .gift import export_gift, parse_gift
from .model import (
    Choice,
    ImportResult,
    MatchPair,
    NumericAnswer,
    QuestionData,
    TextAnswer,
)
from .moodle_xml import export_moodle_xml, parse_moodle_xml

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Choice",
    "ImportResult",
    "Kind",
    "MatchPair",
    "NumericAnswer",
    "QuestionData",
    "TextAnswer",
    "export_gift",
    "export_moodle_xml",
    "parse_gift",
    "parse_moodle_xml",
    "problems",
]
