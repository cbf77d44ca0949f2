"""Wagtail's page permissions in the course tree, with one addition: course authors set the order.

Wagtail lets only those who may publish reorder a page's children, since the order shows on the live
site at once. Course authors (``lms.roles.grant_course_authoring``: "add" and "change" on their
course's subtree) submit their pages for approval and never publish; yet putting their modules and
lessons in order is theirs to do. The rule stays Wagtail's: whoever holds "change" on a course or a
module through a GroupPagePermission may reorder its children, in Wagtail's own explorer.
"""

from wagtail.models import PagePermissionTester


class CourseTreePermissionTester(PagePermissionTester):
    def can_reorder_children(self):
        if super().can_reorder_children():
            return True
        return self.user.is_active and self.page.specific_class.reordered_by_editors and "change" in self.permissions

    def can_move_to(self, destination):
        # Reordering is a move under the same parent: allowed to whoever may reorder that parent's
        # children. A move elsewhere keeps Wagtail's rules (delete and publish rights).
        if self.page.is_child_of(destination) and destination.permissions_for_user(self.user).can_reorder_children():
            return True
        return super().can_move_to(destination)


class CourseTreePage:
    """Mixin for the pages of a course (course, module, lesson, quiz): the tester above decides."""

    reordered_by_editors = False  # True on the pages whose children (modules, lessons) authors order

    def permissions_for_user(self, user):
        return CourseTreePermissionTester(user, self)
