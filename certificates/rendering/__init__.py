"""PDF rendering: HTML documents built in the web/worker process, rendered in a limited child.

``worker`` and ``fetcher`` run in the child and import neither Django nor the database.
"""
