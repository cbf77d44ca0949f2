"""Fontconfig in the renderer: a private cache directory, one font configuration per child, and
the system's font caches never written (they were found empty, and every PDF then failed)."""

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lms.pdf import conf, fonts, pool
from lms.pdf.assets import Asset, asset_url
from tests.certificates.conftest import require_tool

SYSTEM_CACHE = Path("/var/cache/fontconfig")
PAGE = "<html><head><style>@page {{ size: A4; margin: 10mm }}{style}</style></head><body>{body}</body></html>"


def _fc_list(env=None) -> list[str]:
    result = subprocess.run([require_tool("fc-list")], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return [line for line in result.stdout.splitlines() if line.strip()]


def _snapshot(directory: Path) -> dict:
    """Every file of ``directory`` with its digest and modification time, and the directory's own."""
    if not directory.is_dir():
        return {}
    files = {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(directory.iterdir())
        if path.is_file()
    }
    return {"files": files, "mtime": directory.stat().st_mtime_ns}


def _a_font_file() -> Path:
    """A TrueType or OpenType file of the system's fonts (Noto: fonts-noto-core)."""
    result = subprocess.run([require_tool("fc-list"), "-f", "%{file}\\n"], capture_output=True, text=True, check=True)  # noqa: S603
    candidates = sorted(line for line in result.stdout.splitlines() if line.endswith((".ttf", ".otf")))
    mono = [line for line in candidates if "Mono" in Path(line).name]
    if not candidates:
        pytest.fail("fontconfig lists no font files: install fonts-noto-core, then run fc-cache --really-force")
    return Path((mono or candidates)[0])


def _hermetic_fontconfig(tmp_path: Path) -> tuple[Path, Path, dict]:
    """A 'system' configuration of one font directory with its own cache directory, the
    renderer's private file over it, and an environment pointing fontconfig at the latter."""
    font_dir, system_cache = tmp_path / "fonts", tmp_path / "system-cache"
    font_dir.mkdir()
    system_cache.mkdir()
    shutil.copy(_a_font_file(), font_dir)
    base = tmp_path / "system-fonts.conf"
    base.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{font_dir}</dir><cachedir>{system_cache}</cachedir></fontconfig>"
    )
    private = fonts.private_config(tmp_path / "private", base=base)
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(private),
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg"),
    }
    return private, system_cache, env


def test_the_private_file_lists_its_cache_directory_before_the_system_configuration(tmp_path):
    base = tmp_path / "fonts.conf"
    base.write_text("<fontconfig/>")

    path = fonts.private_config(tmp_path / "fontconfig", base=base)

    text = path.read_text()
    cache_dir = str((tmp_path / "fontconfig" / "cache").resolve())
    assert path.name == fonts.CONFIG_NAME and (tmp_path / "fontconfig" / "cache").is_dir()
    assert text.index(f"<cachedir>{cache_dir}</cachedir>") < text.index(f'<include ignore_missing="no">{base}</include>')
    assert fonts.private_config(tmp_path / "fontconfig", base=base).read_text() == text  # the same file again


def test_the_system_configuration_is_included_not_an_earlier_private_file(tmp_path, monkeypatch):
    other = tmp_path / "fonts-of-the-site.conf"
    other.write_text("<fontconfig/>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(other))
    assert fonts.base_config() == other
    earlier = fonts.private_config(tmp_path / "earlier", base=other)
    monkeypatch.setenv("FONTCONFIG_FILE", str(earlier))  # inherited from a parent process
    assert fonts.base_config() == (fonts.SYSTEM_CONFIG if fonts.SYSTEM_CONFIG.is_file() else None)


def test_a_directory_name_with_markup_is_escaped(tmp_path):
    base = tmp_path / "fonts.conf"
    base.write_text("<fontconfig/>")
    path = fonts.private_config(tmp_path / "a<b>&c", base=base)
    assert "a&lt;b&gt;&amp;c" in path.read_text() and "a<b>" not in path.read_text()


def test_fontconfig_writes_the_caches_it_builds_to_the_private_directory_only(tmp_path):
    private, system_cache, env = _hermetic_fontconfig(tmp_path)

    listed = _fc_list(env)  # no cache yet anywhere: fontconfig scans the directory and writes one

    assert len(listed) == 1
    assert list(system_cache.iterdir()) == []
    assert [path.name for path in (private.parent / "cache").iterdir() if ".cache-" in path.name]
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


_SCAN_UNDER_A_CAP = textwrap.dedent(
    """
    import resource, sys
    from lms.pdf import childfonts

    # A cap just above what the process maps now: fontconfig cannot open the fonts under it.
    with open("/proc/self/status") as status:
        size = next(int(line.split()[1]) for line in status if line.startswith("VmSize:")) * 1024
    cap = size + 8 * 1024 * 1024
    lifted = sys.argv[1] == "lifted"
    resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY if lifted else cap))
    try:
        print(childfonts.make().font_count())
    except MemoryError:
        print("MemoryError")
    """
)


def test_a_child_makes_its_font_configuration_with_the_memory_cap_lifted(tmp_path):
    private, system_cache, env = _hermetic_fontconfig(tmp_path)
    root = str(Path(__file__).resolve().parents[2])

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _SCAN_UNDER_A_CAP, "lifted"], env=env, cwd=root, capture_output=True, text=True, timeout=60
    )

    assert result.stdout.strip() == "1", result.stderr[-2000:]
    assert list(system_cache.iterdir()) == []


def test_renderings_under_the_memory_cap_leave_the_system_font_caches_as_they_were():
    before_list, before_cache = _fc_list(), _snapshot(SYSTEM_CACHE)
    assert before_list, "fontconfig lists no fonts before the test: run fc-cache --really-force"
    face = asset_url("static", "fonts/face.ttf")
    assets = {"static/fonts/face.ttf": Asset(_a_font_file().read_bytes(), "font/ttf")}

    pool.shutdown()  # children started now, by this test
    for _round in range(3):
        assert pool.render(PAGE.format(style="", body="<p>Awa Sarr, مرحبا, Привет</p>"), memory_mb=450).pages == 1
    with_face = PAGE.format(style=f'@font-face {{ font-family: "Face"; src: url("{face}") }} p {{ font-family: "Face" }}', body="<p>x</p>")
    assert pool.render(with_face, assets, memory_mb=450).pages == 1
    assert pool.render(PAGE.format(style="", body="<p>Awa Sarr</p>"), memory_mb=450).pages == 1
    pool.shutdown()

    assert _snapshot(SYSTEM_CACHE) == before_cache
    assert len(_fc_list()) == len(before_list)


def test_children_read_the_private_file_and_keep_one_font_configuration():
    pool.shutdown()
    first = pool.child_font_state()
    for _round in range(3):
        pool.render(PAGE.format(style="", body="<p>Awa Sarr</p>"))
    state = pool.child_font_state()

    assert state["fontconfig_file"] == str((conf.fontconfig_dir() / fonts.CONFIG_NAME).resolve())
    assert os.environ["FONTCONFIG_FILE"] == state["fontconfig_file"]  # the fork server's too
    assert state["fonts"] > 0
    assert (state["pid"], state["rendered"]) == (first["pid"], 3)  # one process, one configuration
    assert state["memory_limit"] == conf.render_memory_limit_mb() * 1024 * 1024


def _embedded_fonts(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    return subprocess.run([require_tool("pdffonts"), str(source)], capture_output=True, text=True, check=True).stdout  # noqa: S603


def test_fonts_a_document_declares_are_not_lent_to_the_next_document(tmp_path):
    font_file = _a_font_file()
    face = asset_url("static", "fonts/face.ttf")
    assets = {"static/fonts/face.ttf": Asset(font_file.read_bytes(), "font/ttf")}
    style = 'p { font-family: "Passage Face" }'
    declared = f'@font-face {{ font-family: "Passage Face"; src: url("{face}") }}'
    pool.shutdown()
    before = pool.child_font_state()["pid"]

    own = pool.render(PAGE.format(style=declared + style, body="<p>Awa Sarr</p>"), assets)
    after = pool.render(PAGE.format(style=style, body="<p>Awa Sarr</p>"))

    # WeasyPrint names an embedded @font-face font after the family the document gave it.
    assert "Passage-Face" in _embedded_fonts(own.pdf, tmp_path)
    assert "Passage-Face" not in _embedded_fonts(after.pdf, tmp_path)
    assert pool.child_font_state()["pid"] != before  # that child was replaced


def test_a_child_is_replaced_after_its_share_of_renderings(settings):
    settings.PASSAGE_PDF_RENDERS_PER_PROCESS = 2
    pool.shutdown()
    first = pool.child_font_state()["pid"]

    pool.render(PAGE.format(style="", body="<p>one</p>"))
    assert pool.child_font_state()["pid"] == first
    pool.render(PAGE.format(style="", body="<p>two</p>"))
    state = pool.child_font_state()

    assert state["pid"] != first and state["rendered"] == 0
    assert pool.render(PAGE.format(style="", body="<p>three</p>")).pages == 1
    pool.shutdown()  # the next tests get the usual bound
