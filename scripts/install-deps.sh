#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Tenure needs to build, run and test, and only those that
# are missing. Safe to run again. Usage: scripts/install-deps.sh [--tests]
set -eu

packages="libgtk-4-dev libadwaita-1-dev libsqlite3-dev sqlite3 libxlsxwriter-dev
libjson-glib-dev meson ninja-build gcc pkg-config gettext appstream desktop-file-utils
xvfb xauth dbus-x11 python3-openpyxl libreoffice-calc-nogui poppler-utils
adwaita-icon-theme fonts-cantarell"

# Tests also use clang (fuzzing harnesses), its sanitizer runtime, and GNU time for
# peak-memory measurements in bench/.
if [ "${1:-}" = "--tests" ]; then
    packages="$packages clang libclang-rt-14-dev time"
fi

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        "install ok installed") ;;
        *) missing="$missing $package" ;;
    esac
done

if [ -z "$missing" ]; then
    echo "All required packages are installed."
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "These packages are missing:$missing" >&2
    echo "Install them as root (apt-get install$missing) and run this again." >&2
    exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
