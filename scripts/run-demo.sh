#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens Tenure on the demo company. Without a
# display, it creates the demo workspace (and its monthly report) and says where they are.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"

"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" "$build"

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/tenure"
workspace="$data_dir/demo.tenure"
mkdir -p "$data_dir"

if [ ! -f "$workspace" ]; then
    "$build/src/cli/tenure-cli" demo "$workspace"
fi

export GSETTINGS_SCHEMA_DIR="$build/data"
export TENURE_LOCALEDIR="$build/po"
export TENURE_HELPDIR="$build/help"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/src/gui/tenure" ]; then
    exec "$build/src/gui/tenure" "$workspace"
fi

echo "No display found, so Tenure's window was not opened."
echo "Demo workspace: $workspace"
if "$build/src/cli/tenure-cli" --help | grep -q '^  report'; then
    month=$(date -u +%Y-%m -d "$(date -u +%Y-%m-01) -1 month")
    report="$data_dir/Tenure report $month.xlsx"
    "$build/src/cli/tenure-cli" report "$workspace" --month "$month" --output "$report"
    echo "Demo report:    $report"
fi
"$build/src/cli/tenure-cli" metrics "$workspace" --month "$(date -u +%Y-%m -d "$(date -u +%Y-%m-01) -1 month")" 2>/dev/null || true
