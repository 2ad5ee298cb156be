#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds Tenure in a build folder. Usage: scripts/build.sh [BUILD_DIR] [MESON_OPTIONS…]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$top/build"}
[ $# -gt 0 ] && shift

if [ -f "$build/build.ninja" ]; then
    meson setup --reconfigure "$build" "$top" "$@" >/dev/null
else
    meson setup "$build" "$top" "$@"
fi
ninja -C "$build"
