"""Signals other apps listen to (certificates issue on completion)."""

from django.dispatch import Signal

# Sent after the transaction that recorded a course completion commits; kwargs: enrolment.
course_completed = Signal()
