"""The one way Passage writes to a person: in their language, sent once the transaction commits.

    notify(user, lambda: (_("Subject"), render_to_string("app/email/x.txt", context)))

``compose`` runs inside the person's language (``lms.i18n.override_for``), so every gettext,
date and URL it builds comes out in that language; the email is queued on the task worker only
when the surrounding transaction commits, so a rolled-back action sends nothing. A person
without an address gets nothing, and ``notify`` says so by returning False.
"""

from collections.abc import Callable

from django.db import transaction

from lms.i18n import override_for
from lms.tasks import send_email


def notify(person, compose: Callable[[], tuple[str, str]], *, to: str | None = None) -> bool:
    """Queue an email to ``person`` (at ``to`` when given, e.g. an address about to be erased)."""
    address = to or getattr(person, "email", "")
    if not address:
        return False
    with override_for(person):
        subject, body = compose()
        subject, body = str(subject), str(body)
    transaction.on_commit(lambda: send_email.enqueue(to=address, subject=subject, body=body))
    return True
