"""The trainee's dashboard is assembled from what each app contributes.

Courses shows the rounds and the cohort invitations; the apps above it (grading news from
assessments, certificates) register a panel in their ``AppConfig.ready``, and the links a
trainer needs (grading queue, quiz results, cohorts) likewise. Courses imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

# Where a panel sits: notices above the course lists, sections below them.
NOTICES = "notices"
SECTIONS = "sections"


@dataclass(frozen=True)
class Panel:
    name: str  # the template reads what ``read`` returns under this name
    template: str
    read: Callable[..., object]  # read(user) -> what the template shows
    place: str = SECTIONS
    order: int = 100


@dataclass(frozen=True)
class TrainerLink:
    url_name: str
    label: str
    order: int = 100


@dataclass
class Assembled:
    context: dict = field(default_factory=dict)
    templates: dict = field(default_factory=lambda: {NOTICES: [], SECTIONS: []})


_panels: dict[str, Panel] = {}
_trainer_links: dict[str, TrainerLink] = {}


def register_panel(panel: Panel) -> None:
    if panel.place not in (NOTICES, SECTIONS):
        raise ValueError(f"unknown dashboard place {panel.place!r}")
    _panels[panel.name] = panel


def register_trainer_link(link: TrainerLink) -> None:
    _trainer_links[link.url_name] = link


def panels_for(user) -> Assembled:
    """Each registered panel's data, and its template in the order of its place."""
    assembled = Assembled()
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.name)):
        assembled.context[panel.name] = panel.read(user)
        assembled.templates[panel.place].append(panel.template)
    return assembled


def trainer_links() -> list[dict]:
    return [
        {"url": reverse(link.url_name), "label": link.label}
        for link in sorted(_trainer_links.values(), key=lambda link: (link.order, link.url_name))
    ]
