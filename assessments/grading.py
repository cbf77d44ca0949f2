"""Grading of one response against one question's key: pure functions, no database.

Each question type gives a *spec* (its key, with stable option ids) and the trainee gives a
*response* (option ids, text or numbers). One function per way of grading, e.g.
``single_choice(spec, response)``, returns the fraction of the mark earned, in 0..1, and the
feedback that applies. The question types (``assessments.types``) choose which function grades
them; essays are graded by a person and call none.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from statistics import mean


@dataclass(frozen=True)
class Outcome:
    fraction: float
    feedback: list[str] = field(default_factory=list)
    correct_ids: frozenset = frozenset()


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def single_choice(spec: dict, response: dict) -> Outcome:
    response = response or {}
    choices = {choice["id"]: choice for choice in spec["choices"]}
    chosen = choices.get(response.get("choice"))
    if chosen is None:
        return Outcome(0.0)
    feedback = [chosen["feedback"]] if chosen.get("feedback") else []
    return Outcome(clamp(float(chosen["fraction"])), feedback)


def multiple_response(spec: dict, response: dict) -> Outcome:
    response = response or {}
    choices = {choice["id"]: choice for choice in spec["choices"]}
    selected = [choices[i] for i in dict.fromkeys(response.get("choices") or []) if i in choices]
    total = sum(float(choice["fraction"]) for choice in selected)
    feedback = [choice["feedback"] for choice in selected if choice.get("feedback")]
    return Outcome(clamp(total), feedback)


def true_false(spec: dict, response: dict) -> Outcome:
    response = response or {}
    value = response.get("value")
    if value not in (True, False):
        return Outcome(0.0)
    right = value == spec["correct"]
    feedback = spec.get("feedback_true" if value else "feedback_false") or ""
    return Outcome(1.0 if right else 0.0, [feedback] if feedback else [])


def matching(spec: dict, response: dict) -> Outcome:
    response = response or {}
    pairs = [pair for pair in spec["pairs"] if pair.get("left")]
    if not pairs:
        return Outcome(0.0)
    matches = response.get("matches") or {}
    right_text = {pair["id"]: pair["right"] for pair in spec["pairs"]}
    # A match is right when the chosen answer has the expected text (two prompts may share one).
    correct = sum(1 for pair in pairs if right_text.get(matches.get(pair["id"])) == pair["right"])
    return Outcome(correct / len(pairs))


def ordering(spec: dict, response: dict) -> Outcome:
    response = response or {}
    key = list(spec["items"])
    given = list(response.get("order") or [])
    if not key or sorted(given) != sorted(key):
        return Outcome(0.0)
    in_place = sum(1 for expected, actual in zip(key, given, strict=True) if expected == actual)
    return Outcome(in_place / len(key))


# Arabic as people type it on a phone: hamza seats, alef maqsura and ta marbuta vary, vowel marks
# and the elongation stroke are optional. الآلية, الالية and الأليّة are one answer.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
# Eastern Arabic and Persian digits, and the Arabic decimal and thousands separators.
_DIGITS = str.maketrans(
    {**{chr(0x0660 + n): str(n) for n in range(10)}, **{chr(0x06F0 + n): str(n) for n in range(10)}}
)


def fold_arabic(text: str) -> str:
    """Arabic spelling variants that do not change the word, made one (no effect on other scripts)."""
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


def normalise_text(text: str, *, case_sensitive: bool = False) -> str:
    """Collapse whitespace, normalise Unicode, fold Arabic variants and (by default) ignore letter case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = fold_arabic(" ".join(text.split())).translate(_DIGITS)
    return text if case_sensitive else text.casefold()


def wildcard_match(pattern: str, text: str) -> bool:
    """``*`` matches any run of characters; everything else is literal."""
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, text, flags=re.DOTALL) is not None


def short_answer(spec: dict, response: dict) -> Outcome:
    response = response or {}
    case_sensitive = bool(spec.get("case_sensitive"))
    given = normalise_text(response.get("text", ""), case_sensitive=case_sensitive)
    if not given:
        return Outcome(0.0)
    best = None
    for answer in spec["answers"]:
        pattern = normalise_text(answer["text"], case_sensitive=case_sensitive)
        if wildcard_match(pattern, given) and (best is None or float(answer["fraction"]) > float(best["fraction"])):
            best = answer
    if best is None:
        return Outcome(0.0)
    return Outcome(clamp(float(best["fraction"])), [best["feedback"]] if best.get("feedback") else [])


def parse_number(text) -> Decimal | None:
    """Read a number as people type it: '3.5', '3,5', ' 1 000 ', '-2'."""
    if isinstance(text, (int, float, Decimal)):
        return Decimal(str(text))
    cleaned = "".join(str(text or "").split()).replace("\u00a0", "").translate(_DIGITS)
    cleaned = cleaned.replace("\u066b", ".").replace("\u066c", "")  # ٫ decimal, ٬ thousands
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def numerical(spec: dict, response: dict) -> Outcome:
    response = response or {}
    number = parse_number(response.get("text"))
    if number is None:
        return Outcome(0.0)
    best = None
    for answer in spec["answers"]:
        if answer.get("low") is not None and answer.get("high") is not None:
            hit = Decimal(str(answer["low"])) <= number <= Decimal(str(answer["high"]))
        elif answer.get("value") is None:
            hit = True  # a catch-all answer ("any other number"), usually with feedback
        else:
            hit = abs(number - Decimal(str(answer["value"]))) <= Decimal(str(answer.get("tolerance") or 0))
        if hit and (best is None or float(answer["fraction"]) > float(best["fraction"])):
            best = answer
    if best is None:
        return Outcome(0.0)
    return Outcome(clamp(float(best["fraction"])), [best["feedback"]] if best.get("feedback") else [])


def final_grade(method: str, grades: list[float]) -> float | None:
    """The quiz grade from a trainee's finished attempts, by the quiz's grading method."""
    if not grades:
        return None
    if method == "highest":
        return max(grades)
    if method == "first":
        return grades[0]
    if method == "last":
        return grades[-1]
    if method == "average":
        return mean(grades)
    raise ValueError(f"unknown grading method {method!r}")
