#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses (clang, AddressSanitizer, UBSan) in build-fuzz and runs
# each for SECONDS (default 60) on a copy of its seed corpus. Anything found is copied to
# tests/fuzz/regressions/NAME/, which the normal test run replays (fuzz-replay-NAME).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (harnesses: csv import)
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(csv import)

if [ ! -d build-fuzz ]; then
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dgui=disabled \
        -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C build-fuzz -j2 $(printf 'tests/fuzz-%s ' "${harnesses[@]}") >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export G_DEBUG=fatal-criticals
export G_SLICE=always-malloc
status=0

for name in "${harnesses[@]}"; do
    work="build-fuzz/fuzz-work/$name"
    found="build-fuzz/fuzz-found/$name"
    mkdir -p "$work" "$found"
    cp -n tests/fuzz/corpus/"$name"/* tests/fuzz/regressions/"$name"/* "$work"/ 2>/dev/null || true
    echo "== fuzz-$name: $seconds s"
    if ! build-fuzz/tests/fuzz-"$name" -max_total_time="$seconds" -max_len=8192 \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$found/" "$work" 2>"build-fuzz/fuzz-$name.log"; then
        status=1
    fi
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
        "build-fuzz/fuzz-$name.log" || tail -n 40 "build-fuzz/fuzz-$name.log"
    for artifact in "$found"/*; do
        [ -e "$artifact" ] || continue
        echo "found: $artifact (copied to tests/fuzz/regressions/$name/)"
        cp "$artifact" tests/fuzz/regressions/"$name"/
        status=1
    done
done

exit $status
