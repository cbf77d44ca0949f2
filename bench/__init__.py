"""Passage's benchmark harness: `python -m bench` measures hot pages against bench/targets.toml."""
