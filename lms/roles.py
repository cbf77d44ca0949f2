"""The four roles as Django groups with Wagtail permissions, and the moderation workflow."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

TRAINEE = "Trainee"
TRAINER = "Trainer"
MINISTRY_OFFICER = "Ministry officer"
ADMINISTRATOR = "Administrator"
ROLES = (TRAINEE, TRAINER, MINISTRY_OFFICER, ADMINISTRATOR)

WORKFLOW_NAME = "Administrator approval"
COURSE_AUTHORS_PREFIX = "Course authors: "

_QUESTION_MODELS = [
    "question",
    "singlechoicequestion",
    "multipleresponsequestion",
    "truefalsequestion",
    "matchingquestion",
    "orderingquestion",
    "shortanswerquestion",
    "numericalquestion",
    "essayquestion",
    "questioncategory",
]
_TRAINER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("content", "add_glossaryterm"),
    ("content", "change_glossaryterm"),
    ("courses", "add_topic"),
    ("courses", "change_topic"),
    # The question bank is shared by trainers: they write, import, edit (new versions) and move questions.
    *[("assessments", f"{action}_{model}") for model in _QUESTION_MODELS for action in ("add", "change", "view")],
]
_ADMIN_EXTRA_PERMISSIONS = [
    *[("assessments", f"delete_{model}") for model in _QUESTION_MODELS],
    ("certificates", "add_certificatetemplate"),
    ("certificates", "change_certificatetemplate"),
    ("certificates", "delete_certificatetemplate"),
    ("certificates", "view_certificate"),
    ("content", "delete_glossaryterm"),
    ("courses", "delete_topic"),
    ("lms", "add_user"),
    ("lms", "change_user"),
    # The people and places screens (Organisations, Learning) that administrators manage.
    *[
        (app, f"{action}_{model}")
        for app, model in (
            ("lms", "organisation"),
            ("lms", "country"),
            ("lms", "region"),
            ("lms", "sector"),
            ("lms", "reportingscope"),
            ("courses", "cohort"),
        )
        for action in ("add", "change", "delete", "view")
    ],
    ("lms", "view_auditlogentry"),
    ("courses", "view_enrolment"),
    # wagtail-localize: translate any page or snippet, sync translations with their source.
    ("wagtail_localize", "submit_translation"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
]
_ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
_TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]
_SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
_COLLECTION_PERMISSIONS = {
    TRAINER: [("wagtailimages", "add_image"), ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document")],
    ADMINISTRATOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or refresh the role groups, their permissions and the moderation workflow (idempotent)."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    groups[TRAINER].permissions.add(*_permissions(_TRAINER_PERMISSIONS))
    groups[ADMINISTRATOR].permissions.add(*_permissions(_TRAINER_PERMISSIONS + _ADMIN_EXTRA_PERMISSIONS))

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for role, pairs in _COLLECTION_PERMISSIONS.items():
            for permission in _permissions(pairs):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[role], collection=root_collection, permission=permission
                )

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for permission in _permissions(("wagtailcore", codename) for codename in _ADMIN_PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(group=groups[ADMINISTRATOR], page=root_page, permission=permission)
        # Pages that trainers submit wait for an administrator's approval.
        task, _created = GroupApprovalTask.objects.get_or_create(name=str(_("Approval by an administrator")))
        task.groups.set([groups[ADMINISTRATOR]])
        workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return groups


def assign_role(user, role: str) -> None:
    """Put a user in one of the role groups."""
    user.groups.add(Group.objects.get(name=role))


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = user._role_names = set(user.groups.values_list("name", flat=True))
    return role in cache or ADMINISTRATOR in cache


def is_administrator(user) -> bool:
    """Superusers and the Administrator group (``has_role`` already counts both)."""
    return has_role(user, ADMINISTRATOR)


def grant_course_authoring(*, course, user) -> Group:
    """Let a trainer edit one course (every translation of it, present and future), translate it
    with wagtail-localize, and submit it for approval."""
    group, _created = Group.objects.get_or_create(name=f"{COURSE_AUTHORS_PREFIX}{course.translation_key}")
    for page in course.get_translations(inclusive=True):
        _grant_page_authoring(group, page)
    # Global as Django permissions are; the translation screens also require the right to edit
    # the page (content.translation_views), so it opens only the courses the group authors.
    group.permissions.add(*_permissions([_SUBMIT_TRANSLATION]))
    user.groups.add(group)
    return group


def _grant_page_authoring(group, page) -> None:
    for permission in _permissions(("wagtailcore", codename) for codename in _TRAINER_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def authors_follow_translations(sender, source_obj, target_obj, **kwargs) -> None:
    """A new translation of a course (copy_for_translation, wagtail-localize) is its authors' too.

    Receiver of ``wagtail.signals.copy_for_translation_done``.
    """
    if not isinstance(target_obj, Page):
        return
    group = Group.objects.filter(name=f"{COURSE_AUTHORS_PREFIX}{target_obj.translation_key}").first()
    if group is not None:
        _grant_page_authoring(group, target_obj)


def authoring_grants(user) -> list[str]:
    """Translation keys of the courses a user was granted authoring of (``grant_course_authoring``);
    administrators edit every course whatever this says."""
    return [
        name.removeprefix(COURSE_AUTHORS_PREFIX)
        for name in user.groups.filter(name__startswith=COURSE_AUTHORS_PREFIX).values_list("name", flat=True)
    ]
