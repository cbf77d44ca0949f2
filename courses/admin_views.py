"""Admin screens of the course tree: submitting a module or course with its pages for approval."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from courses import moderation, permissions


def _titles(pages) -> str:
    return ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)


def report(request, plan) -> None:
    """Say how many pages were submitted, which were not, and why."""
    if plan.to_submit:
        count = len(plan.to_submit)
        messages.success(
            request,
            ngettext("%(count)d page submitted for approval: %(titles)s.", "%(count)d pages submitted for approval: %(titles)s.", count)
            % {"count": count, "titles": _titles(plan.to_submit)},
        )
    else:
        messages.warning(request, _("Nothing was submitted for approval."))
    if plan.skipped:
        count = len(plan.skipped)
        reasons = "; ".join(f"“{page.get_admin_display_title()}”: {reason.label}" for page, reason in plan.skipped)
        messages.warning(
            request,
            ngettext("%(count)d page not submitted — %(reasons)s.", "%(count)d pages not submitted — %(reasons)s.", count)
            % {"count": count, "reasons": reasons},
        )


@require_http_methods(["GET", "POST"])
def submit_with_children(request, page_id):
    """GET: what would be submitted and what not, and why. POST: submit them, then say what was done."""
    page = permissions.access_submittable_page(request.user, page_id)
    if request.method == "POST":
        plan = moderation.submit_with_children(page=page, user=request.user)
        report(request, plan)
        return redirect("wagtailadmin_pages:edit", page.pk)
    plan = moderation.plan_submission(page=page, user=request.user)
    return render(request, "courses/admin/submit_with_children.html", {"page": page, "plan": plan})
