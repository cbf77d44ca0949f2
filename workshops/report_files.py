"""The workshop report as a spreadsheet: one sheet, one row per figure, numbers as numbers.

Columns: section, item, value, n, before, after. A hidden (suppressed) figure is written as it
reads on the page ("< 5", "suppressed"), never as its number. Free text (comments, names,
statements) goes through ``lms.spreadsheets``, which neutralises formulas.
"""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from lms import spreadsheets
from workshops import surveys
from workshops.report import Report


def _cell(figure):
    """A figure's number (rounded for reading), or its words when hidden or missing."""
    if figure.hidden:
        return str(figure.display)
    value = figure.value
    if isinstance(value, float):
        return round(value, 2)
    return value


def _round(value, places=2):
    return None if value is None else round(value, places)


def rows(report: Report) -> Iterator[tuple]:
    workshop_section = _("Workshop")
    for workshop in report.workshops:
        yield (
            workshop_section, workshop.title,
            f"{workshop.starts_on:%Y-%m-%d} – {workshop.ends_on:%Y-%m-%d}, {workshop.venue}", None, None, None,
        )
    yield (_("Counts"), _("Exact counts") if report.exact else _("Small counts suppressed (minimum %(n)s)") % {"n": report.minimum},
           None, None, None, None)
    section = _("Participation and attendance")
    for figure in report.figures:
        yield section, figure.label, _cell(figure), None, None, None
    for table in report.tables:
        for row in table.rows:
            yield table.title, row.label, _cell(row.count), None, None, None
    section = _("Pre-test and post-test")
    n = report.learning.n
    for figure in report.learning_figures:
        yield section, figure.label, _cell(figure), n, None, None
    band_section = _("Scores by band (matched pairs)")
    for label, before, after in report.bands:
        yield band_section, label, None, None, _cell(before), _cell(after)
    facility_section = _("Facility by question (share of the mark earned)")
    for item in report.facility:
        yield facility_section, item.label, None, None, _cell(item.before), _cell(item.after)
    for figure in report.survey_figures:
        yield _("Surveys"), f"{_survey_of(figure.key)}: {figure.label}", _cell(figure), None, None, None
    for figures_of in (report.satisfaction, report.follow_up):
        title = str(surveys.TITLES[figures_of.survey])
        for item in figures_of.items:
            yield title, item.label, _round(item.mean), item.n, None, None
        for comment in figures_of.comments:
            yield f"{title}: {_('comments')}", comment, None, None, None, None
    trainee_section = _("Trainees")
    for trainee in report.trainees:
        yield (
            trainee_section, trainee["name"], _round(trainee["gain"]), None, _round(trainee["pre"]), _round(trainee["post"]),
        )


def _survey_of(key: str) -> str:
    if key.startswith("follow_up"):
        return str(surveys.TITLES[surveys.FOLLOW_UP])
    return str(surveys.TITLES[surveys.SATISFACTION])


def headers() -> list[str]:
    return [_("Section"), _("Item"), _("Value"), _("n"), _("Before"), _("After")]


def xlsx_chunks(report: Report):
    return spreadsheets.xlsx_chunks(rows(report), header=headers(), title=_("Workshop report"))
