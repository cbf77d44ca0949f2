"""Judge measurements against bench/targets.toml, print the table and write the results."""

import json
import operator
import tomllib
from pathlib import Path

from bench.registry import Measurement

TARGETS_FILE = Path(__file__).with_name("targets.toml")
RESULTS_FILE = Path(__file__).with_name("results") / "latest.json"

# Comparison key in targets.toml → (test of value against target, symbol for the table).
COMPARISONS = {"max": (operator.le, "≤"), "min": (operator.ge, "≥"), "equals": (operator.eq, "=")}


def load_targets(path: Path = TARGETS_FILE) -> dict:
    """Targets by measurement name, each with exactly one comparison and an ``enforced`` flag."""
    targets = tomllib.loads(path.read_text())
    for name, target in targets.items():
        compared = [key for key in COMPARISONS if key in target]
        if len(compared) != 1 or not isinstance(target.get("enforced"), bool):
            raise ValueError(
                f"{path.name}: [{name}] needs one of {', '.join(COMPARISONS)} and enforced = true/false"
            )
    return targets


def judge(measurements: list[Measurement], targets: dict) -> list[dict]:
    """One result per measurement; a measurement without a target is an error, not a pass."""
    results = []
    for measurement in measurements:
        if measurement.name not in targets:
            raise KeyError(f"{measurement.name} has no target in {TARGETS_FILE.name}")
        target = targets[measurement.name]
        comparison = next(key for key in COMPARISONS if key in target)
        test, _symbol = COMPARISONS[comparison]
        results.append(
            {
                "name": measurement.name,
                "value": measurement.value,
                "unit": measurement.unit,
                "target": target[comparison],
                "ok": bool(test(measurement.value, target[comparison])),
                "comparison": comparison,
                "enforced": target["enforced"],
            }
        )
    return results


def write_results(results: list[dict], path: Path = RESULTS_FILE) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n")


def table(results: list[dict]) -> str:
    """The results as aligned columns: name, value, unit, target, ok."""
    rows = [("name", "value", "unit", "target", "ok")]
    for result in results:
        symbol = COMPARISONS[result["comparison"]][1]
        ok = "yes" if result["ok"] else ("NO" if result["enforced"] else "no (not enforced)")
        rows.append(
            (
                result["name"],
                f"{result['value']:g}",
                result["unit"],
                f"{symbol} {result['target']:g}",
                ok,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1])]
        cells += [cell.ljust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def publish(results: list[dict], targets: dict, path: Path = RESULTS_FILE) -> int:
    """Write the results, print their table and the ``targets`` nothing measured; 1 if an
    enforced target is missed, else 0."""
    write_results(results, path)
    print()
    print(table(results))
    print(f"\nResults written to {path}")
    unmeasured = sorted(set(targets) - {result["name"] for result in results})
    if unmeasured:
        print(f"Targets with no measurement: {', '.join(unmeasured)}")
    missed = [result["name"] for result in results if result["enforced"] and not result["ok"]]
    if missed:
        print(f"Enforced targets missed: {', '.join(missed)}")
        return 1
    return 0
