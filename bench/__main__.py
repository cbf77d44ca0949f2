"""Entry point: `python -m bench` (full run) or `python -m bench --short` (fewer requests, for CI)."""

import argparse
import sys
import tempfile


def main(argv=None) -> int:
    """Run every registered benchmark in a throwaway database; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--short", action="store_true", help="fewer timed requests (CI)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="BENCHMARK",
        help="run only this benchmark (its function's name, e.g. served_pages); may be repeated",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="passage-bench-") as var_dir:
        from bench.environment import start_django

        # Django must not be imported before this: settings read PASSAGE_VAR_DIR on import.
        start_django(var_dir)
        from bench.runner import run

        try:
            return run(short=args.short, only=args.only)
        finally:
            from django.db import connections

            connections.close_all()


if __name__ == "__main__":
    sys.exit(main())
