"""What the parent hands the rendering child, and what comes back. Pure: pickled both ways."""

from dataclasses import dataclass, field

from lms.pdf.assets import Asset

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class Job:
    html: str
    assets: dict[str, Asset] = field(default_factory=dict)
    time_limit: float = 15.0
    pdf_variant: str | None = PDF_VARIANT


@dataclass
class Outcome:
    pdf: bytes | None = None
    failure: str = ""  # "", "time", "memory" or "error"
    message: str = ""
    refused: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    replace_process: bool = False  # the child asks the pool for a fresh one (see ``worker``)
