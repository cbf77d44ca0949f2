"""What the home page shows besides its own text, contributed by the apps above content.

The home page knows no course: the courses app registers the catalogue it links to
(``register("catalogue", fn)`` in its ``AppConfig.ready``), and the template reads it by name.
"""

from collections.abc import Callable

_providers: dict[str, Callable] = {}


def register(name: str, provide: Callable) -> None:
    """``provide(home_page)`` returns what the home page's template shows under ``name``."""
    _providers[name] = provide


def context_for(home) -> dict:
    return {name: provide(home) for name, provide in _providers.items()}
