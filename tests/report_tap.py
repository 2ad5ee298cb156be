# SPDX-License-Identifier: GPL-3.0-or-later
# What the report's Python tests share: each check runs at once and becomes a TAP line.

import traceback

results = []


def check(name):
    """Runs the decorated function now; a failure becomes "not ok" with its traceback."""
    def decorate(function):
        try:
            function()
            results.append((True, name, None))
        except Exception:  # noqa: BLE001 — every failure becomes a TAP "not ok"
            results.append((False, name, traceback.format_exc()))
        return function
    return decorate


def finish():
    """Prints the TAP plan and results; returns the exit status."""
    print(f"1..{len(results)}")
    for number, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} {name}")
        if detail:
            for line in detail.splitlines():
                print("# " + line)
    return 0 if all(ok for ok, _, _ in results) else 1
