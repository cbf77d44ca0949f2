"""Submitting a module (or a whole course) and its pages for approval in one step.

A service in two steps, as Zulip does it: ``plan_submission`` reads what would be submitted and why
each other page is left out (the confirmation screen shows it); ``submit_with_children`` does it.
Each page goes through Wagtail's own workflow API, as the acting user, exactly as "Submit for
moderation" on its edit page would.
"""

from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from courses.models import CoursePage, ModulePage

SUBMITTABLE_PARENTS = (CoursePage, ModulePage)


class SkipReason(models.TextChoices):
    """Why a page is not submitted, in plain words for the author."""

    NOT_ALLOWED = "not_allowed", _("you may not edit it")
    LOCKED = "locked", _("someone else has locked it")
    AWAITING_APPROVAL = "awaiting_approval", _("it is already awaiting approval")
    NEEDS_CHANGES = "needs_changes", _("it was sent back for changes: resubmit it from its own page")
    NOTHING_TO_APPROVE = "nothing_to_approve", _("it is published, with no changes waiting")
    NO_WORKFLOW = "no_workflow", _("no approval workflow applies to it")


@dataclass
class SubmissionPlan:
    to_submit: list[Page] = field(default_factory=list)
    skipped: list[tuple[Page, SkipReason]] = field(default_factory=list)


def pages_of(page) -> list[Page]:
    """The page and every page under it, in the course's order, each as its specific type."""
    return [page.specific, *page.get_descendants().specific().order_by("path")]


def _skip_reason(page, user) -> SkipReason | None:
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        return SkipReason.NOT_ALLOWED
    state = page.current_workflow_state  # before the lock: a page in moderation is locked by its workflow
    if state is not None:
        return SkipReason.NEEDS_CHANGES if state.status == WorkflowState.STATUS_NEEDS_CHANGES else SkipReason.AWAITING_APPROVAL
    if permissions.page_locked():
        return SkipReason.LOCKED
    if page.live and not page.has_unpublished_changes:
        return SkipReason.NOTHING_TO_APPROVE
    if page.get_workflow() is None:
        return SkipReason.NO_WORKFLOW
    return None


def plan_submission(*, page, user) -> SubmissionPlan:
    """Which of the page and its descendants the user would submit, and why the others are left out."""
    plan = SubmissionPlan()
    for each in pages_of(page):
        reason = _skip_reason(each, user)
        if reason is None:
            plan.to_submit.append(each)
        else:
            plan.skipped.append((each, reason))
    return plan


@transaction.atomic
def submit_with_children(*, page, user) -> SubmissionPlan:
    """Start the approval workflow on a module or course and each of its pages that may be submitted.

    Precondition per page: the user may edit it, it is not locked by someone else, not already in a
    workflow, and has a draft to approve. Pages are locked while checked, so a page is never started twice.
    """
    list(Page.objects.select_for_update().filter(path__startswith=page.path).values_list("pk", flat=True))
    plan = plan_submission(page=page, user=user)
    for each in plan.to_submit:
        if each.get_latest_revision() is None:  # made outside the editor: its current content is the draft
            each.save_revision(user=user)
        each.get_workflow().start(each, user)
    return plan
