"""Signals the shell sends; higher apps listen to them (a lower app never imports a higher one)."""

from django.dispatch import Signal

# Sent inside the transaction that sets an invited person's password through their one-time link;
# kwargs: user, invitation (lms.Invitation, whose ``cohort`` may be set). Courses listen to let the
# person into the cohort the link invited them to: following that link is their consent.
invitation_accepted = Signal()
