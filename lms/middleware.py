"""Response headers every page needs: content policy, browser features, no caching of personal data."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

PRIVATE = "private, no-store"
# Paths whose answers carry personal data whoever asks: the token API (no session) and the
# public verify pages (a certificate holder's name).
PRIVATE_PATH_PREFIXES = ("/api/", "/verify/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy for paths under the admin."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Refuse the browser features listed in ``PERMISSIONS_POLICY`` on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


def carries_personal_data(request, response) -> bool:
    """Whether a response may hold someone's data: anything for a signed-in user, token or download."""
    if request.path_info.startswith(PRIVATE_PATH_PREFIXES) or getattr(request, "auth", None) is not None:
        return True
    if response.get("Content-Disposition", "").startswith("attachment"):
        return True
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class PrivateResponseMiddleware:
    """``Cache-Control: private, no-store`` on responses with personal data, unless already no-store.

    No shared proxy nor the browser's disk may keep a page that shows a trainee's results, a
    certificate holder's name or a file of records, e.g. on a shared computer in a training room.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if carries_personal_data(request, response):
            directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
            # A view's own policy stays when it is at least as strict (never_cache adds no-store).
            if not ("no-store" in directives and "public" not in directives):
                response["Cache-Control"] = PRIVATE
        return response
