"""One renderer for every PDF: HTML and allow-listed assets in, PDF bytes out, in a limited child.

Certificates, training records, the records summary (and later workshop sheets) all go through
``pool.render``. The web and task-worker processes (the parent side: ``pool``, ``collector``,
``assets``, ``jobs``, ``conf``, ``signing``) never import WeasyPrint or pydyf, and pyHanko only
when a PDF is signed (in the task worker): only the rendering child does, through ``fetcher``,
which the fork server preloads in a process of its own. Keep this package free of imports so
that the child, unpickling ``lms.pdf.worker``, loads nothing of Django.
"""
