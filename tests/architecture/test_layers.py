"""The apps depend in one direction, and no module grows past what a newcomer can read.

Every Python module of the project is parsed (not imported): each ``import`` and ``from ...
import``, at module level or inside a function, class or ``if``, is checked against the layers
written down in the README. A lower layer learns about a higher one only through a registry or
a signal that the higher one fills in its ``AppConfig.ready``.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. The wiring sits on top of everything.
LAYERS = ["lms", "content", "courses", "assessments", "certificates", "records", "workshops"]
WIRING = "wiring"

# The modules that assemble the project: settings, root URLs, the servers' entry points and the
# commands that seed or prepare a whole site. They alone may import every app.
WIRING_MODULES = {
    "lms/settings.py",
    "lms/urls.py",
    "lms/wsgi.py",
    "lms/asgi.py",
    "lms/management/commands/seed_demo.py",
    "lms/management/commands/demo_logins.py",
    "lms/management/commands/prepare.py",
    "lms/management/commands/prepare_load_test.py",
}

# Demo texts, migrations and tests may be long; everything else stays readable.
MAX_LINES = 600
LONG_ALLOWED = ("content/demo/",)


def project_modules():
    for layer in LAYERS:
        base = ROOT / layer
        if base.is_dir():
            yield from sorted(base.rglob("*.py"))


def layer_of_module(relative: str) -> str:
    if relative in WIRING_MODULES:
        return WIRING
    return relative.split("/", 1)[0]


def rank(layer: str) -> int:
    return len(LAYERS) if layer == WIRING else LAYERS.index(layer)


def imported_names(path: Path, root: Path = ROOT):
    """(line, dotted name) of every import in the module, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module


def upward_imports() -> list[str]:
    found = []
    for path in project_modules():
        relative = path.relative_to(ROOT).as_posix()
        own = rank(layer_of_module(relative))
        for line, name in imported_names(path):
            target = name.split(".", 1)[0]
            if target in LAYERS and rank(target) > own:
                found.append(f"{relative}:{line} imports {name} ({target} is above {relative.split('/')[0]})")
    return found


def test_no_module_imports_a_higher_layer():
    assert upward_imports() == []


def test_the_checker_sees_imports_inside_functions_and_relative_ones(tmp_path):
    module = tmp_path / "courses" / "sub" / "sneaky.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import os\n"
        "def f():\n"
        "    from certificates.models import Certificate\n"
        "    if True:\n"
        "        import records.api\n"
        "from .. import models\n"
        "from ..selectors import x\n"
    )
    names = sorted(name for _line, name in imported_names(module, tmp_path))
    assert names == ["certificates.models", "courses", "courses.selectors", "os", "records.api"]


def test_no_module_is_longer_than_600_lines():
    long = []
    for path in project_modules():
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative or relative.startswith(LONG_ALLOWED):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long.append(f"{relative}: {lines} lines")
    assert long == []
