"""Render sample certificates in several languages (and PNGs of them) to look at the layout."""

import shutil
import subprocess  # noqa: S404 - pdftoppm, with fixed arguments
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import selectors
from certificates.models import CertificateTemplate
from certificates.rendering import documents
from lms.pdf import pool


class Command(BaseCommand):
    help = "Write sample certificates (PDF, and PNG when pdftoppm is installed) into a directory outside git."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "cert-renders"))
        parser.add_argument("--languages", default="en,fr,ar,ru")
        parser.add_argument("--template", type=int, default=None, help="template id (default: the default template)")
        parser.add_argument("--name", default=None, help="print this name instead of the sample one")

    def handle(self, *args, out, languages, template, name, **options):
        if template:
            chosen = CertificateTemplate.objects.filter(pk=template).first()
            if chosen is None:
                raise CommandError(f"no template {template}")
        else:
            chosen = selectors.default_template()
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        pdftoppm = shutil.which("pdftoppm")
        for language in languages.split(","):
            facts = documents.sample_facts(chosen, language)
            if name:
                facts = documents.CertificateFacts(**{**facts.__dict__, "trainee_name": name})
            document = documents.certificate_document(chosen, facts)
            rendered = pool.render(document.html, document.assets)
            pdf_path = out / f"certificate-{language}.pdf"
            pdf_path.write_bytes(rendered.pdf)
            if pdftoppm:
                subprocess.run(  # noqa: S603
                    [pdftoppm, "-png", "-r", "60", "-singlefile", str(pdf_path), str(out / f"certificate-{language}")],
                    check=True,
                )
            self.stdout.write(f"{pdf_path} ({rendered.pages} page, {rendered.seconds * 1000:.0f} ms)")
