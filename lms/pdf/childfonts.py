"""The font configuration a rendering child keeps for its documents (child side: imports WeasyPrint).

Making a FontConfiguration has fontconfig load its configuration and every cache of the system's
fonts: about 40% of a warm certificate when each rendering made its own. A child makes one before
its memory limit applies and lends it to each document. A document that declares ``@font-face``
adds fonts to the configuration it is given; that one is then no longer lent to anyone
(``faces_added``), and the pool replaces the child (see ``worker``).
"""

import ctypes
import ctypes.util
import resource

from weasyprint.text.ffi import ffi, fontconfig
from weasyprint.text.fonts import FontConfiguration


class DocumentFonts(FontConfiguration):
    """A FontConfiguration that records whether a document added its own fonts to it."""

    faces_added = False

    def add_font_face(self, rule_descriptors, url_fetcher):
        self.faces_added = True
        return super().add_font_face(rule_descriptors, url_fetcher)

    def font_count(self) -> int:
        """How many fonts fontconfig found (0: its caches or configuration are broken)."""
        # WeasyPrint 70 keeps the FcConfig it made (and Pango holds a reference to it) as _config.
        fonts = fontconfig.FcConfigGetFonts(self._config, fontconfig.FcSetSystem)
        return 0 if fonts == ffi.NULL else fonts.nfont


_library = None


def _fontconfig_init() -> None:
    """FcInit(), which WeasyPrint's bindings do not declare: the library is already loaded, and
    opening it again gives the same one."""
    global _library
    if _library is None:
        try:
            _library = ctypes.CDLL("libfontconfig.so.1")
        except OSError:
            _library = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so")
        _library.FcInit.restype = ctypes.c_int
    if not _library.FcInit():
        raise RuntimeError("fontconfig could not load its configuration")


def make() -> DocumentFonts:
    """A new font configuration, made with the address-space limit lifted for the while.

    Fontconfig scanning the fonts short of memory finds none, and writes that empty scan as the
    fonts' cache for every later process to trust: it must never scan under the limit. The soft
    limit is lifted to the hard one (left open by ``worker.initialise`` for this) and put back.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        # Fontconfig's default configuration, built here and now: otherwise Pango builds it in a
        # thread of its own ("[pango] FcInit") when the first font map is made, and that scan
        # would still be running when the caller applies the memory cap.
        _fontconfig_init()
        return DocumentFonts()
    finally:
        if soft != hard:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
