"""Completion records for ministries: scoped dashboard, downloads, PDF summary and API.

Every read goes through ``selectors.enrolments_in_scope``; every figure comes from the
enrolment's snapshot of where the trainee worked when they enrolled.
"""
