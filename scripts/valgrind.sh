#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the core test suite (or the tests named) under Valgrind memcheck, in its own build
# folder without sanitizers. Fails on any invalid read or write, use of uninitialised
# memory, or definite leak; "possibly lost" and "still reachable" memory (GLib's type
# system and caches) is listed in the logs, not counted.
# Usage: scripts/valgrind.sh [--quick | TEST...]
# --quick leaves out the five slowest programs (demo, metrics-demo, import, import-fuzz,
# qualify: about 25 of the 32 minutes of the whole suite under Valgrind on 2 cores) and
# runs two at a time: what CI runs (scripts/run-tests.sh), in about three minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
build=build-valgrind

if [ ! -d "$build" ]; then
    meson setup "$build" -Dgui=disabled -Dbuildtype=debug >/dev/null
fi
ninja -C "$build" -j2 >/dev/null

wrapper="valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite"
wrapper="$wrapper --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30"
wrapper="$wrapper --track-origins=yes"
wrapper="$wrapper --suppressions=/usr/share/glib-2.0/valgrind/glib.supp"
wrapper="$wrapper --suppressions=$PWD/tests/valgrind.supp"

# tests/meson.build already sets G_SLICE=always-malloc and G_DEBUG=gc-friendly.
export G_SLICE=always-malloc

jobs=1
if [ "${1:-}" = "--quick" ]; then
    jobs=2
    set -- account csv date db file health-trend metrics metrics-groups metrics-initiative \
        initiative metrics-import report scenario settings fuzz-replay-csv fuzz-replay-import
elif [ $# -eq 0 ]; then
    set -- --suite core
fi
meson test -C "$build" --wrapper "$wrapper" --timeout-multiplier 20 --num-processes "$jobs" \
    --print-errorlogs "$@"
