#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every test: installs what is missing, builds, runs the core, CLI and GUI suites,
# then the core and CLI suites again in an AddressSanitizer + UndefinedBehaviorSanitizer build,
# and the core tests under Valgrind memcheck (all but the five slowest: about 3 minutes).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
build_asan="$top/build-asan"
status=0

"$top/scripts/install-deps.sh" --tests

"$top/scripts/build.sh" "$build" -Dgui=enabled
meson test -C "$build" --print-errorlogs --num-processes 2 || status=1

"$top/scripts/build.sh" "$build_asan" -Dgui=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0" \
    meson test -C "$build_asan" --suite core --suite cli --print-errorlogs \
    --num-processes 2 --timeout-multiplier 3 || status=1

"$top/scripts/valgrind.sh" --quick || status=1

# One line any CI can read: test programs passed and failed over the three builds.
python3 - "$build" "$build_asan" "$top/build-valgrind" <<'PY'
import json, sys, os
passed = failed = 0
for build in sys.argv[1:]:
    for name in ("testlog.json", "testlog-valgrind.json"):
        log = os.path.join(build, "meson-logs", name)
        if os.path.exists(log):
            break
    else:
        continue
    for line in open(log, encoding="utf-8"):
        result = json.loads(line).get("result")
        if result == "OK":
            passed += 1
        elif result not in ("SKIP", "EXPECTEDFAIL"):
            failed += 1
print(f"{passed} passed, {failed} failed")
PY

exit $status
