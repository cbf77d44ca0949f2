"""A web process stays lean: the PDF and spreadsheet libraries are loaded only where they work.

WeasyPrint and pydyf run only in the PDF renderer's child (lms.pdf), pyHanko only when the task
worker signs a PDF, openpyxl only while an XLSX file is written. Importing the WSGI application
and every URL pattern must load none of them: each costs import time and memory in every worker.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["weasyprint", "pydyf", "pyhanko", "openpyxl"]

WEB_PROCESS = f"HEAVY = {HEAVY!r}\n" + """
import json, os, sys, traceback

importers = {}


class WhoImports:
    # Notes the project's modules on the stack when a watched library is first imported.
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in HEAVY and top not in importers:
            importers[top] = [
                f"{os.path.relpath(frame.filename)}:{frame.lineno}"
                for frame in traceback.extract_stack()
                if frame.filename.startswith(os.getcwd()) and ".venv" not in frame.filename
            ]
        return None


sys.meta_path.insert(0, WhoImports())
import lms.wsgi
import lms.urls
from django.urls import get_resolver


def load(patterns):
    # Resolving each include loads its URLconf and its views, as the first requests would.
    for pattern in patterns:
        load(getattr(pattern, "url_patterns", ()))


load(get_resolver().url_patterns)
"""


def run_fresh(code: str, tmp_path) -> dict:
    """Run ``code`` in a new interpreter set up as a web process; the JSON it prints last."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        "PASSAGE_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_wsgi_application_and_all_its_urls_load_no_pdf_or_spreadsheet_library(tmp_path):
    answer = run_fresh(WEB_PROCESS + "print(json.dumps(importers))", tmp_path)
    # Each entry names a library and the project's lines that imported it, outermost first.
    assert answer == {}


def test_weasyprint_is_loaded_by_the_renderers_child_and_not_by_the_process_that_started_it(tmp_path):
    code = WEB_PROCESS + """
from lms.pdf import pool
pdf = pool.render("<p>Awa Sarr</p>").pdf
child = {m.split(".")[0] for m in pool.child_modules()}
pdf_libraries = {"weasyprint", "pydyf"}
print(json.dumps({"pdf": pdf[:5].decode(), "parent": sorted(set(importers) & pdf_libraries), "child": sorted(child & pdf_libraries)}))
"""
    # The fork server preloads WeasyPrint in an interpreter of its own: the parent gets none of it.
    answer = run_fresh(code, tmp_path)
    assert answer == {"pdf": "%PDF-", "parent": [], "child": ["pydyf", "weasyprint"]}
