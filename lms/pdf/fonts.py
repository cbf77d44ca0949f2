"""Fontconfig for the renderer: a private cache directory, and font configurations made unlimited.

Fontconfig writes a directory's cache whenever it finds none it trusts, into the first writable
directory its configuration lists (``<cachedir>``), and reads from all of them. Running as root,
that is the system's ``/var/cache/fontconfig``. A scan made at the rendering child's memory limit
can fail to open the fonts and find none; fontconfig then writes that empty scan there, and every
process on the machine (fc-list, browsers, other renderers) trusts it: "No fonts configured".

So the renderer runs fontconfig with a configuration of its own (``private_config``): a cache
directory under the project's var/ listed first, then the system's configuration, included as it
is. Valid system caches are still read; whatever fontconfig writes goes to the private directory.
And the child makes its font configurations with its memory limit lifted (``worker``), so a scan
is never cut short in the first place.

Parent side: no WeasyPrint, no Django (the directory is handed in).
"""

import os
from pathlib import Path

# Where fontconfig looks when FONTCONFIG_FILE is not set (Debian's sysconfdir).
SYSTEM_CONFIG = Path("/etc/fonts/fonts.conf")
CONFIG_NAME = "passage-fonts.conf"

_TEMPLATE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by Passage (lms/pdf/fonts.py) for its PDF renderer: caches go to the directory below,
     never to the system's; fonts and rules are the system's own. -->
<fontconfig>
  <cachedir>{cache_dir}</cachedir>
  <include ignore_missing="no">{base}</include>
</fontconfig>
"""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def base_config() -> Path | None:
    """The configuration fontconfig would read on its own: FONTCONFIG_FILE if set (and not ours),
    else the system's; None when there is none to include."""
    named = os.environ.get("FONTCONFIG_FILE", "").strip()
    if named and Path(named).name != CONFIG_NAME and Path(named).is_absolute() and Path(named).is_file():
        return Path(named)
    return SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None


def private_config(directory: Path, base: Path | None = None) -> Path | None:
    """Write (if changed) the renderer's fontconfig file under ``directory``; its path, or None
    when there is no system configuration to include (fontconfig is then left as it is)."""
    base = base or base_config()
    if base is None:
        return None
    cache_dir = (Path(directory) / "cache").resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir.parent / CONFIG_NAME
    text = _TEMPLATE.format(cache_dir=_escape(str(cache_dir)), base=_escape(str(base)))
    try:
        if path.read_text() == text:
            return path
    except OSError:
        pass
    # Written whole and renamed: another process may be reading it at the same moment.
    partial = path.with_name(f".{CONFIG_NAME}.{os.getpid()}")
    partial.write_text(text)
    os.replace(partial, path)
    return path


def use_private_config(directory: Path) -> str:
    """Point this process (and the processes it starts) at the renderer's fontconfig file; its
    path, or "" when fontconfig is left as it is."""
    path = private_config(directory)
    if path is None:
        return ""
    os.environ["FONTCONFIG_FILE"] = str(path)
    return str(path)
